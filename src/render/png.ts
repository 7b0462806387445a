/**
 * `renderPng`: SVG to PNG with resvg, an optional peer dependency loaded only when asked for.
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { didYouMean } from '../model/suggest.js';
import { MissingRendererError } from './errors.js';

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Width of the image in pixels (1 to 16384), the height following the SVG's proportions; the SVG's own size when left out. */
  readonly width?: number;
  /** The background behind transparent parts, a CSS colour (default `'white'`). */
  readonly background?: string;
}

/** The largest width `renderPng` draws, in pixels. */
export const MAX_PNG_WIDTH = 16_384;

const OPTION_NAMES = ['width', 'background'] as const;

function resolvePngOptions(
  svg: unknown,
  options: unknown,
): { width: number | undefined; background: string } {
  const issues: Issue[] = [];
  if (typeof svg !== 'string') {
    issues.push({
      code: 'invalid_type',
      path: 'svg',
      message: `must be an SVG string, got ${typeof svg}`,
    });
  }
  if (
    options !== undefined &&
    (typeof options !== 'object' || options === null || Array.isArray(options))
  ) {
    throw new InvalidOptionsError([
      ...issues,
      { code: 'invalid_type', path: '', message: 'options must be an object' },
    ]);
  }
  const record = (options ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      issues.push({
        code: 'unknown_field',
        path: key,
        message: `unknown option ${JSON.stringify(key)}${didYouMean(key, OPTION_NAMES)}`,
      });
    }
  }
  const { width, background } = record;
  if (
    width !== undefined &&
    !(Number.isInteger(width) && (width as number) >= 1 && (width as number) <= MAX_PNG_WIDTH)
  ) {
    issues.push({
      code: 'out_of_range',
      path: 'width',
      message: `must be an integer from 1 to ${MAX_PNG_WIDTH}, got ${String(width)}`,
    });
  }
  if (background !== undefined && (typeof background !== 'string' || background === '')) {
    issues.push({
      code: 'invalid_type',
      path: 'background',
      message: 'must be a CSS colour string',
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return {
    width: width as number | undefined,
    background: (background as string | undefined) ?? 'white',
  };
}

/** Installed fonts to try before each generic family, most common first. */
const CONCRETE_FONTS: Readonly<Record<string, readonly string[]>> = {
  'sans-serif': [
    'Helvetica',
    'Arial',
    'Liberation Sans',
    'Nimbus Sans',
    'DejaVu Sans',
    'Noto Sans',
  ],
  serif: [
    'Times New Roman',
    'Times',
    'Liberation Serif',
    'Nimbus Roman',
    'DejaVu Serif',
    'Noto Serif',
  ],
  monospace: [
    'Courier New',
    'Courier',
    'Liberation Mono',
    'Nimbus Mono PS',
    'DejaVu Sans Mono',
    'Noto Sans Mono',
  ],
};

/**
 * resvg resolves a generic family (`sans-serif`) to one fixed font name and, unlike browsers,
 * does not read the system's font aliases, so text in a font the system lacks would fall back to
 * whatever font comes first. Before each generic family in a `font-family` attribute, list the
 * fonts most systems have in its place.
 */
export function withConcreteFonts(svg: string): string {
  return svg.replace(/font-family="([^"]*)"/g, (_match, list: string) => {
    const families = list.split(',').map((family) => family.trim());
    const out: string[] = [];
    for (const family of families) {
      const concrete = CONCRETE_FONTS[family.toLowerCase()];
      if (concrete !== undefined) {
        for (const name of concrete) {
          if (!out.some((f) => f.replaceAll("'", '').toLowerCase() === name.toLowerCase()))
            out.push(name.includes(' ') ? `'${name}'` : name);
        }
      }
      out.push(family);
    }
    return `font-family="${out.join(',')}"`;
  });
}

type Resvg = typeof import('@resvg/resvg-js');

/** @internal Loads resvg; kept apart so tests can make it fail. */
export async function loadResvg(): Promise<Resvg> {
  try {
    const loaded = (await import('@resvg/resvg-js')) as Resvg & { default?: Resvg };
    // From ESM the CommonJS package's exports may sit on `default` only.
    const api = typeof loaded.renderAsync === 'function' ? loaded : loaded.default;
    if (api === undefined || typeof api.renderAsync !== 'function') {
      throw new TypeError('@resvg/resvg-js does not export renderAsync');
    }
    return api;
  } catch (error) {
    throw new MissingRendererError('@resvg/resvg-js', 'renderPng', error);
  }
}

/**
 * Rasterises an SVG (e.g. from `renderSvg`) to a PNG with resvg, off the main thread.
 *
 * `@resvg/resvg-js` is an optional peer dependency: install it to use this function
 * (`npm install @resvg/resvg-js`); everything else in warmpath works without it. Text is set in
 * the system's fonts: resvg does not follow the system's font aliases, so before each generic
 * family (`sans-serif`, `serif`, `monospace`) of the SVG's `font-family` lists the fonts most
 * systems have in its place are tried (Helvetica, Arial, Liberation Sans, DejaVu Sans, ...).
 *
 * @param svg - An SVG document.
 * @param options - `width` in pixels (the SVG's own size when left out), `background` (`'white'`).
 * @returns The PNG file's bytes.
 * @throws MissingRendererError when `@resvg/resvg-js` is not installed or cannot load on this platform.
 * @throws InvalidOptionsError for an invalid option or a non-string `svg`.
 * @throws Error from resvg when `svg` is not a valid SVG document.
 * @example
 * ```ts
 * const svg = await renderSvg(toDot(result, { network }));
 * writeFileSync('chains.png', await renderPng(svg, { width: 1600 }));
 * ```
 * @see resvg: https://github.com/linebender/resvg; @resvg/resvg-js: https://github.com/thx/resvg-js
 */
export async function renderPng(svg: string, options?: PngOptions): Promise<Uint8Array> {
  const { width, background } = resolvePngOptions(svg, options);
  const resvg = await loadResvg();
  const image = await resvg.renderAsync(withConcreteFonts(svg), {
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    background,
    font: { loadSystemFonts: true },
    logLevel: 'off',
  });
  return image.asPng();
}

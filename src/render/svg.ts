/**
 * `renderSvg`: DOT to SVG with Graphviz compiled to WebAssembly (@viz-js/viz), in process, with
 * no Graphviz installation needed.
 *
 * @module
 */
import { instance, type Viz } from '@viz-js/viz';
import { InvalidOptionsError } from '../errors.js';
import { DotRenderError, type GraphvizMessage } from './errors.js';

let graphviz: Promise<Viz> | undefined;

/** The one Graphviz instance, made on first use (compiling the WebAssembly takes a moment). */
function graphvizInstance(): Promise<Viz> {
  if (graphviz === undefined) {
    const made = instance();
    graphviz = made;
    // A failed start is not cached: the next call tries again.
    made.catch(() => {
      if (graphviz === made) graphviz = undefined;
    });
  }
  return graphviz;
}

/**
 * Draws a DOT source as SVG with Graphviz's `dot` layout, in process (Graphviz compiled to
 * WebAssembly by @viz-js/viz; the instance is made once and reused). Works the same from the ESM
 * and the CommonJS build. Text widths are Graphviz's estimates for its standard fonts, so
 * characters outside ASCII may sit a little tight in their boxes.
 *
 * @param dot - A DOT source, e.g. from `toDot`. Its `layout` graph attribute, if any, picks
 *   another Graphviz engine (`neato`, `twopi`, ...).
 * @returns The SVG document. Each person is a `<g class="node">`, each hop or tie a
 *   `<g class="edge">`, each chain a `<g class="cluster">`, with names in `<text>` elements.
 * @throws DotRenderError with Graphviz's messages when it cannot draw the source.
 * @throws InvalidOptionsError when `dot` is not a string.
 * @example
 * ```ts
 * const svg = await renderSvg(toDot(findIntroductions(network, { from: 'jacob', to: 'laura' }), { network }));
 * writeFileSync('chains.svg', svg);
 * ```
 * @see Gansner & North, "An open graph visualization system and its applications to software
 *   engineering", Software: Practice and Experience 30(11), 2000.
 * @see Gansner, Koutsofios, North & Vo, "A technique for drawing directed graphs", IEEE
 *   Transactions on Software Engineering 19(3), 1993 (the dot layout).
 * @see @viz-js/viz: https://viz-js.com
 */
export async function renderSvg(dot: string): Promise<string> {
  if (typeof dot !== 'string') {
    throw new InvalidOptionsError([
      {
        code: 'invalid_type',
        path: 'dot',
        message: `must be a DOT source string, got ${typeof dot}`,
      },
    ]);
  }
  const viz = await graphvizInstance();
  const result = viz.render(dot, { format: 'svg' });
  if (result.status !== 'success' || result.output === undefined) {
    throw new DotRenderError(
      result.errors.map((e): GraphvizMessage => ({ level: e.level, message: e.message })),
    );
  }
  return result.output;
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { findIntroductions } from '../../src/paths/find.js';
import { toDot } from '../../src/render/dot.js';
import { renderPng, withConcreteFonts } from '../../src/render/png.js';
import { renderSvg } from '../../src/render/svg.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** An SVG's size in CSS pixels (Graphviz writes points: 1pt = 4/3 px). */
function svgSize(svg: string): { width: number; height: number } {
  const size = (name: string): number => {
    const [, value, unit] = new RegExp(`<svg[^>]* ${name}="([\\d.]+)(pt|px)?"`).exec(svg) ?? [];
    return Number(value) * (unit === 'pt' ? 4 / 3 : 1);
  };
  return { width: size('width'), height: size('height') };
}

const dir = mkdtempSync(join(tmpdir(), 'warmpath-png-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPng', () => {
  const network = loadSeedNetwork();
  const result = findIntroductions(network, {
    from: 'jacob',
    to: { job: 'it-sales-rep' },
    asOf: '2024-04-10',
    k: 3,
  });

  it('rasterises the seed story chains to a PNG file of the asked width', async () => {
    const svg = await renderSvg(toDot(result, { network }));
    const png = await renderPng(svg, { width: 1200 });
    const file = join(dir, 'seed-chains.png');
    writeFileSync(file, png);
    const bytes = new Uint8Array(readFileSync(file));
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const { width, height } = pngSize(bytes);
    const source = svgSize(svg);
    expect(width).toBe(1200);
    expect(Math.abs(height - (1200 * source.height) / source.width)).toBeLessThanOrEqual(1);
  }, 30_000);

  it("keeps the SVG's own size when no width is given", async () => {
    const svg = await renderSvg('digraph { a -> b }');
    const { width, height } = pngSize(await renderPng(svg));
    const source = svgSize(svg);
    expect(Math.abs(width - source.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - source.height)).toBeLessThanOrEqual(1);
  });

  it('lists every invalid option at once', async () => {
    const error = await renderPng(
      5 as never,
      { width: 0, background: '', scale: 2 } as never,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).issues.map((i) => i.path)).toEqual([
      'svg',
      'scale',
      'width',
      'background',
    ]);
    await expect(renderPng('<svg/>', { width: 1.5 })).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(renderPng('<svg/>', null as never)).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('tries common installed fonts before each generic family', () => {
    expect(withConcreteFonts('<text font-family="Helvetica,sans-Serif">x</text>')).toBe(
      `<text font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans','DejaVu Sans','Noto Sans',sans-Serif">x</text>`,
    );
    expect(withConcreteFonts('<text font-family="Courier,monospace">')).toContain(
      "Courier,'Courier New','Liberation Mono'",
    );
    expect(withConcreteFonts('<text font-family="Fancy">')).toBe('<text font-family="Fancy">');
  });
});

describe('renderPng without @resvg/resvg-js', () => {
  it('throws MissingRendererError naming the package to install', async () => {
    vi.resetModules();
    vi.doMock('@resvg/resvg-js', () => {
      throw Object.assign(new Error("Cannot find package '@resvg/resvg-js'"), {
        code: 'ERR_MODULE_NOT_FOUND',
      });
    });
    try {
      const { renderPng: render } = await import('../../src/render/png.js');
      const { MissingRendererError } = await import('../../src/render/errors.js');
      const error = await render('<svg xmlns="http://www.w3.org/2000/svg"/>').catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MissingRendererError);
      expect((error as Error).name).toBe('MissingRendererError');
      expect((error as { packageName: string }).packageName).toBe('@resvg/resvg-js');
      expect((error as Error).message).toContain('npm install @resvg/resvg-js');
      expect((error as Error).cause).toBeInstanceOf(Error);
    } finally {
      vi.doUnmock('@resvg/resvg-js');
      vi.resetModules();
    }
  });
});

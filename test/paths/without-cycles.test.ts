/**
 * `withoutCycles` (the loop remover applied to every chain a search returns), against a
 * reference written the slow way, on walks short enough for its scan and long enough for its map.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from 'warmpath';
import { withoutCycles } from '../../src/paths/search-side.js';

/** Repeatedly cuts out the stretch between the first repeated person and its earlier visit. */
function reference(walk: readonly number[]): number[] {
  let out = [...walk];
  for (;;) {
    const seen = new Map<number, number>();
    let cut: [number, number] | undefined;
    for (let i = 0; i < out.length && cut === undefined; i++) {
      const at = seen.get(out[i] as number);
      if (at === undefined) seen.set(out[i] as number, i);
      else cut = [at, i];
    }
    if (cut === undefined) return out;
    out = [...out.slice(0, cut[0]), ...out.slice(cut[1])];
  }
}

describe('withoutCycles', () => {
  it('removes every loop from short and long walks, keeping the walk’s ends', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 400; i++) {
      const length = 1 + Math.floor(random() * (i % 2 === 0 ? 30 : 200));
      const people = 1 + Math.floor(random() * length);
      const walk = Array.from({ length }, () => Math.floor(random() * people));
      const out = withoutCycles([...walk]);
      expect(out, `walk ${walk}`).toEqual(reference(walk));
      expect(new Set(out).size).toBe(out.length);
      expect(out[0]).toBe(walk[0]);
      expect(out.at(-1)).toBe(walk.at(-1));
    }
  });
});

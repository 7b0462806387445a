/**
 * A small seeded random number generator, so that sampling and community detection give the same
 * answer on every machine for the same seed.
 */

/**
 * splitmix32: returns a function giving numbers in [0, 1), determined by `seed`.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // the same number every time for seed 42
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

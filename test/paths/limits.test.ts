/**
 * Work caps: `maxExpansions` (people settled over the whole query) and `maxChains` (chains built),
 * so that one expensive query cannot starve an app's other requests.
 */
import { describe, expect, it } from 'vitest';
import {
  CompiledNetworkBuilder,
  createIntroductionFinder,
  InvalidOptionsError,
  seededRandom,
  WorkLimitError,
} from '../../src/index.js';

/** A random network of a few hundred people with plenty of alternative chains. */
function network() {
  const random = seededRandom(7);
  const builder = new CompiledNetworkBuilder();
  const n = 400;
  for (let i = 0; i < n; i++) builder.addPerson(`p${String(i).padStart(3, '0')}`);
  for (let i = 0; i < n * 5; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    const s = 0.05 + 0.9 * random();
    builder.addTie(`p${String(a).padStart(3, '0')}`, `p${String(b).padStart(3, '0')}`, s, s);
  }
  return builder.build();
}

const compiled = network();
const finder = createIntroductionFinder(compiled);
const query = { from: 'p001', to: 'p350', maxHops: Number.POSITIVE_INFINITY } as const;

/** The smallest cap with which `run` succeeds, by bisection (caps are monotone). */
function smallestCap(run: (cap: number) => unknown): number {
  let lo = 1;
  let hi = 1 << 20;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      run(mid);
      hi = mid;
    } catch (error) {
      if (!(error instanceof WorkLimitError)) throw error;
      lo = mid + 1;
    }
  }
  return lo;
}

describe('work caps', () => {
  it('maxExpansions: enough gives the uncapped answer, one less throws WorkLimitError', () => {
    const uncapped = finder.find({ ...query, k: 1 });
    expect(uncapped.paths).toHaveLength(1);
    const cap = smallestCap((maxExpansions) => finder.find({ ...query, k: 1, maxExpansions }));
    expect(cap).toBeGreaterThan(1);
    expect(finder.find({ ...query, k: 1, maxExpansions: cap }).paths).toEqual(uncapped.paths);
    let thrown: unknown;
    try {
      finder.find({ ...query, k: 1, maxExpansions: cap - 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkLimitError);
    expect((thrown as WorkLimitError).name).toBe('WorkLimitError');
    expect((thrown as WorkLimitError).limit).toBe('maxExpansions');
    expect((thrown as WorkLimitError).value).toBe(cap - 1);
  });

  it('maxExpansions counts every search of the query: k = 5 needs more than k = 1', () => {
    const one = smallestCap((maxExpansions) => finder.find({ ...query, k: 1, maxExpansions }));
    const five = smallestCap((maxExpansions) => finder.find({ ...query, k: 5, maxExpansions }));
    expect(five).toBeGreaterThan(one);
    expect(() => finder.find({ ...query, k: 5, maxExpansions: one })).toThrow(WorkLimitError);
    // Each query gets its own budget: a capped query leaves the next one whole.
    expect(finder.find({ ...query, k: 5, maxExpansions: five }).paths).toHaveLength(5);
  });

  it('maxExpansions applies with a hop budget and to disjoint chains too', () => {
    for (const options of [
      { ...query, k: 3, maxHops: 4 },
      { ...query, k: 3, diversity: 'disjoint' as const },
    ]) {
      const cap = smallestCap((maxExpansions) => finder.find({ ...options, maxExpansions }));
      expect(cap).toBeGreaterThan(1);
      expect(() => finder.find({ ...options, maxExpansions: cap - 1 })).toThrow(WorkLimitError);
    }
  });

  it('maxChains caps the chains built, candidates included', () => {
    const cap = smallestCap((maxChains) => finder.find({ ...query, k: 5, maxChains }));
    // Yen builds more candidates than it returns.
    expect(cap).toBeGreaterThan(5);
    expect(() => finder.find({ ...query, k: 5, maxChains: cap - 1 })).toThrow(
      expect.objectContaining({ name: 'WorkLimitError', limit: 'maxChains', value: cap - 1 }),
    );
  });

  it('the lazy generator stops with WorkLimitError once its budget is spent', () => {
    const seen: number[] = [];
    expect(() => {
      for (const path of finder.paths({ ...query, maxChains: 3 })) seen.push(path.cost);
    }).toThrow(WorkLimitError);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it('rejects caps that are not positive integers or Infinity, all at once', () => {
    let thrown: unknown;
    try {
      finder.find({ ...query, maxExpansions: 0, maxChains: 1.5 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidOptionsError);
    expect((thrown as InvalidOptionsError).issues.map((i) => i.path)).toEqual([
      'maxExpansions',
      'maxChains',
    ]);
    for (const bad of [-1, Number.NaN, '10', null]) {
      expect(() => finder.find({ ...query, maxExpansions: bad as number })).toThrow(
        InvalidOptionsError,
      );
    }
  });
});

/**
 * PageRank's `solver: 'conjugate-gradient'` (src/centrality/pagerank-linear.ts): against
 * NetworkX's power iteration run to a tight tolerance (test/fixtures/centrality, written by
 * make_fixtures.py), against warmpath's own power iteration on random networks with people
 * without ties, personalizations and several alphas (property), and its options and errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/centrality/convergence-error.js';
import {
  PAGERANK_DEFAULTS,
  type PageRankOptions,
  pagerank,
} from '../../src/centrality/pagerank.js';
import { createNetwork, InvalidOptionsError, type Network } from '../../src/index.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';
import { type GraphFixture, networkOfFixture, readFixture } from '../support/fixtures.js';
import { expectSameScores } from '../support/scores.js';
import { randomTies, type Tie, tieNetwork } from '../support/tie-networks.js';

const CG = { solver: 'conjugate-gradient' } as const;
const GRAPHS = ['karate', 'les-miserables', 'florentine', 'davis-women', 'powerlaw-2000'] as const;
/** The tolerance of the comparisons with NetworkX and with the power iteration (relative). */
const RELATIVE = 1e-9;

interface PageRankFixture extends GraphFixture {
  /** `nx.pagerank(G, weight='strength', tol=1e-14, max_iter=10000)`. */
  readonly pagerankTight: Readonly<Record<string, number>>;
  readonly pagerankPersonalization: Readonly<Record<string, number>>;
  /** The same with `alpha=0.9, personalization=pagerankPersonalization`. */
  readonly pagerankPersonalized: Readonly<Record<string, number>>;
}

/**
 * The people whose scores differ by more than `relative` of the larger one plus `absolute`
 * (the first ten, as `id: actual vs expected`), and how many there are.
 */
function differences(
  actual: ReadonlyMap<string, number>,
  expected: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  relative: number,
  absolute = 0,
): string[] {
  const entries = expected instanceof Map ? [...expected] : Object.entries(expected);
  expect(actual.size).toBe(entries.length);
  const differing: string[] = [];
  for (const [id, want] of entries) {
    const got = actual.get(id);
    const ok =
      got !== undefined &&
      Math.abs(got - want) <= relative * Math.max(Math.abs(got), Math.abs(want)) + absolute;
    if (!ok) differing.push(`${id}: ${String(got)} vs ${want}`);
  }
  return differing.length > 10
    ? [...differing.slice(0, 10), `… ${differing.length} in all`]
    : differing;
}

describe('pagerank, solver conjugate-gradient, against NetworkX', () => {
  for (const name of GRAPHS) {
    const fixture = readFixture<PageRankFixture>(`centrality/${name}.json`);
    const network = networkOfFixture(fixture);

    it(`${name}: uniform jumps, alpha 0.85`, () => {
      const scores = pagerank(network, { ...CG, tolerance: 1e-13 });
      expect(differences(scores, fixture.pagerankTight, RELATIVE)).toEqual([]);
      // The reference is the problem the power iteration solves, too.
      const power = pagerank(network, { tolerance: 1e-14, maxIterations: 10_000 });
      expect(differences(power, fixture.pagerankTight, RELATIVE)).toEqual([]);
    });

    it(`${name}: personalized, alpha 0.9`, () => {
      const scores = pagerank(network, {
        ...CG,
        alpha: 0.9,
        personalization: fixture.pagerankPersonalization,
        tolerance: 1e-13,
      });
      expect(differences(scores, fixture.pagerankPersonalized, RELATIVE)).toEqual([]);
    });
  }
});

/** A random network of people p0 … p(n−1) and ties among them, and pagerank options for it. */
interface RandomCase {
  readonly people: string[];
  readonly ties: Tie[];
  readonly alpha: number;
  readonly personalization: Record<string, number> | undefined;
}

/** Up to 14 people, the last two (of three or more) without ties, ties of `strength`. */
const arbitraryCase = (strength: fc.Arbitrary<number>): fc.Arbitrary<RandomCase> =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 14 }),
      pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
      strengths: fc.array(strength, { minLength: 30, maxLength: 30 }),
      alpha: fc.oneof(
        fc.constantFrom(0, 0.5, 0.85, 0.9, 0.95),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
      ),
      jumps: fc.option(
        fc.array(fc.constantFrom(0, 0, 0.5, 1, 3), { minLength: 14, maxLength: 14 }),
      ),
    })
    .map(({ n, pairs, strengths, alpha, jumps }) => {
      const people = Array.from({ length: n }, (_, i) => `p${i}`);
      const seen = new Set<string>();
      const ties: Tie[] = [];
      pairs.forEach(([a, b], i) => {
        // Ties only among the first n − 2 people (when n > 2), so some have none.
        const among = n > 2 ? n - 2 : n;
        const [u, v] = [a % among, b % among].sort((x, y) => x - y) as [number, number];
        if (u === v || seen.has(`${u}-${v}`)) return;
        seen.add(`${u}-${v}`);
        ties.push([`p${u}`, `p${v}`, strengths[i] as number]);
      });
      let personalization: Record<string, number> | undefined;
      if (jumps !== null) {
        personalization = {};
        people.forEach((id, i) => {
          const w = jumps[i] as number;
          if (w > 0) (personalization as Record<string, number>)[id] = w;
        });
        if (Object.keys(personalization).length === 0) personalization[`p${n - 1}`] = 1;
      }
      return { people, ties, alpha, personalization };
    });

/** Strengths as data holds them, with a few very weak ties. */
const usualStrength = fc.oneof(
  { weight: 5, arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e-4, 1e-6) },
);
/** Strengths down to the smallest double, next to usual ones. */
const extremeStrength = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(5e-324, 1e-300, 1e-200, 1e-9) },
);

function optionsOf(c: RandomCase): PageRankOptions {
  return c.personalization === undefined
    ? { alpha: c.alpha }
    : { alpha: c.alpha, personalization: c.personalization };
}

describe('pagerank, solver conjugate-gradient, against the power iteration', () => {
  /**
   * Conjugate gradients at tolerance 1e-13 against the power iteration at 1e-15: the same
   * scores to a relative 1e-9, or within `slack` where the exact score is (nearly) 0, and a
   * distribution. Each is within its documented L1 bound of the exact scores: 2 × tolerance for
   * conjugate gradients, alpha / (1 − alpha) × n × tolerance for the power iteration (which
   * leaves that much in parts the jumps never reach, where the exact score is 0).
   * `referenceTolerance` keeps the power iteration's stopping threshold (an L1 change below
   * `n × tolerance`) above 3e-14, which rounding noise can reach on a few people.
   */
  function expectSameAsPower(c: RandomCase, slack: number): void {
    const network = tieNetwork(c.people, c.ties);
    const options = optionsOf(c);
    const cg = pagerank(network, { ...options, ...CG, tolerance: 1e-13, maxIterations: 100_000 });
    const power = pagerank(network, {
      ...options,
      tolerance: referenceTolerance(c),
      maxIterations: 100_000,
    });
    expect(differences(cg, power, RELATIVE, slack)).toEqual([]);
    let sum = 0;
    for (const value of cg.values()) {
      expect(value).toBeGreaterThanOrEqual(0);
      sum += value;
    }
    expect(sum).toBeCloseTo(1, 13);
  }
  const referenceTolerance = (c: RandomCase) => Math.max(1e-15, 3e-14 / c.people.length);
  const powerBound = (c: RandomCase, tolerance: number) =>
    (c.alpha / (1 - c.alpha)) * c.people.length * tolerance;

  it('gives the power iteration’s scores to 1e-9 (property)', () => {
    fc.assert(
      fc.property(arbitraryCase(usualStrength), (c) => {
        expectSameAsPower(c, 2e-13 + powerBound(c, referenceTolerance(c)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives them too with ties as weak as 5e-324, through its fallback if need be (property)', () => {
    fc.assert(
      fc.property(arbitraryCase(extremeStrength), (c) => {
        // Where totals span too many orders of magnitude for the linear system, the power
        // iteration runs instead, at the same tolerance (1e-13).
        expectSameAsPower(c, 2e-13 + powerBound(c, 1e-13 + referenceTolerance(c)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives people without ties their jump weight, and the personalization when alpha is 0', () => {
    // d and e have no ties: with uniform jumps each scores what any person without ties would,
    // c·p_i with the same c as the others, so they are equal; with alpha 0 it is exactly p.
    const network = tieNetwork(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b', 0.3],
        ['b', 'c', 0.9],
      ],
    );
    const scores = pagerank(network, { ...CG, tolerance: 1e-14 });
    expect(scores.get('d')).toBeCloseTo(scores.get('e') as number, 15);
    // Stationary: everyone's jumps and dangling mass return p; d = (1 − α + α (d + e)) / 5.
    const d = scores.get('d') as number;
    expect(d).toBeCloseTo((0.15 + 0.85 * 2 * d) / 5, 14);
    const personal = pagerank(network, { ...CG, alpha: 0, personalization: { a: 1, d: 3 } });
    for (const [id, want] of Object.entries({ a: 0.25, b: 0, c: 0, d: 0.75, e: 0 }))
      expect(personal.get(id), id).toBeCloseTo(want, 15);
  });

  it('stays finite with ties of strength 5e-324', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'friend', strength: 5e-324 },
        { source: 'a', target: 'c', kind: 'friend', strength: 1 },
        { source: 'b', target: 'c', kind: 'friend', strength: 5e-324 },
        { source: 'b', target: 'd', kind: 'friend', strength: 5e-324 },
      ],
    });
    const cg = pagerank(network, { ...CG, tolerance: 1e-14 });
    const power = pagerank(network, { tolerance: 1e-15, maxIterations: 10_000 });
    expect(differences(cg, power, RELATIVE)).toEqual([]);
  });

  it('does not change when every strength is scaled down to the smallest doubles', () => {
    // Strengths k × 5e-324 (exact subnormal numbers) against k / 20: PageRank only sees ratios.
    // Totals are then near 1e-322, where the product of two roots underflows.
    const { people, ties } = randomTies(30, 70, 17, {
      strength: (next) => 1 + Math.floor(next() * 20),
    });
    const scaled = (factor: number) =>
      tieNetwork(
        people,
        ties.map(([s, t, k]): Tie => [s, t, (k as number) * factor]),
      );
    const options = { ...CG, tolerance: 1e-13, personalization: { p3: 1, p7: 2 } };
    const usual = pagerank(scaled(1 / 20), options);
    expect(differences(pagerank(scaled(5e-324), options), usual, RELATIVE)).toEqual([]);
  });

  it('falls back to the power iteration when a total overflows to Infinity', () => {
    const network = tieNetwork(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 0.5],
        ['a', 'c', 0.5],
        ['c', 'd', 0.5],
      ],
    );
    // a's two ties of weight 1e308 add up to Infinity.
    const weight = (tie: { source: string; target: string }) =>
      tie.source === 'a' || tie.target === 'a' ? 1e308 : 1;
    const options = { weight, tolerance: 1e-10, maxIterations: 1000 };
    expectSameScores(pagerank(network, { ...options, ...CG }), pagerank(network, options));
  });

  it('leaves the default as the power iteration', () => {
    expect(PAGERANK_DEFAULTS.solver).toBe('power');
    const { people, ties } = randomTies(30, 60, 5, { strength: (next) => 0.1 + 0.9 * next() });
    const network = tieNetwork(people, ties);
    expectSameScores(pagerank(network), pagerank(network, { solver: 'power' }));
  });
});

describe('pagerank, solver conjugate-gradient, options and errors', () => {
  const { people, ties } = randomTies(40, 90, 11, { strength: (next) => 0.05 + 0.95 * next() });
  const network: Network = tieNetwork(people, ties);

  it('rejects an unknown solver, listed with the other problems', () => {
    expect(
      optionIssuesOf(() => pagerank(network, { solver: 'cg' as never, alpha: 2, tolerance: 0 })),
    ).toEqual([
      { path: 'alpha', code: 'out_of_range' },
      { path: 'tolerance', code: 'out_of_range' },
      { path: 'solver', code: 'invalid_value' },
    ]);
    const { issues } = thrownBy(
      () => pagerank(network, { solver: 'conjugate_gradient' as never }),
      InvalidOptionsError,
    );
    expect(issues[0]?.message).toContain('did you mean "conjugate-gradient"?');
    for (const solver of [null, 1, 'Power', ''])
      expect(() => pagerank(network, { solver: solver as never }), String(solver)).toThrow(
        InvalidOptionsError,
      );
  });

  it('rejects alpha 1, where the linear system is singular', () => {
    expect(optionIssuesOf(() => pagerank(network, { ...CG, alpha: 1 }))).toEqual([
      { path: 'alpha', code: 'out_of_range' },
    ]);
    expect(() =>
      pagerank(network, { alpha: 1, tolerance: 1e-10, maxIterations: 1000 }),
    ).not.toThrow();
  });

  it('throws ConvergenceError with the relative residual when out of iterations', () => {
    const failure = thrownBy(
      () => pagerank(network, { ...CG, tolerance: 1e-12, maxIterations: 1 }),
      ConvergenceError,
    );
    expect(failure.measure).toBe('pagerank');
    expect(failure.iterations).toBe(1);
    expect(failure.tolerance).toBe(1e-12);
    // One step of conjugate gradients is one of steepest descent: it cannot reach 1e-12.
    expect(failure.residual).toBeGreaterThan(1e-6);
    expect(failure.residual).toBeLessThan(10);
    // Exactly maxIterations iterations run: reports after the first two, then the error.
    const reports: number[] = [];
    const three = thrownBy(
      () =>
        pagerank(network, {
          ...CG,
          tolerance: 1e-14,
          maxIterations: 3,
          onProgress: (done) => reports.push(done),
        }),
      ConvergenceError,
    );
    expect(reports).toEqual([1, 2]);
    expect(three.iterations).toBe(3);
    expect(three.residual).toBeLessThan(failure.residual);
  });

  it('needs several times fewer iterations than the power iteration', () => {
    const iterations = (options: PageRankOptions) => {
      let last = 0;
      pagerank(network, {
        ...options,
        maxIterations: 1000,
        onProgress: (done, total) => {
          if (done < total) last = done;
        },
      });
      return last;
    };
    // maxIterations 1000 reports every 10 iterations: count to the last report before the end.
    const cg = iterations({ ...CG, tolerance: 1e-12 });
    const power = iterations({ tolerance: 1e-14 });
    expect(cg).toBeLessThan(60);
    expect(power).toBeGreaterThan(2 * cg);
  });

  it('reports progress at most about 100 times, ending with done === total', () => {
    const reports: [number, number][] = [];
    pagerank(network, {
      ...CG,
      tolerance: 1e-14,
      maxIterations: 100,
      onProgress: (done, total) => reports.push([done, total]),
    });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.length).toBeLessThanOrEqual(101);
    expect(reports.at(-1)).toEqual([100, 100]);
    for (const [done] of reports.slice(0, -1)) expect(done).toBeLessThan(100);
  });

  it('stops with the signal’s reason when aborted, before or during the solve', () => {
    const aborted = new AbortController();
    aborted.abort(new Error('stop'));
    expect(() => pagerank(network, { ...CG, signal: aborted.signal })).toThrow('stop');
    const during = new AbortController();
    let reports = 0;
    expect(() =>
      pagerank(network, {
        ...CG,
        tolerance: 1e-14,
        maxIterations: 100,
        signal: during.signal,
        onProgress: () => {
          reports++;
          during.abort(new Error('stopped during'));
        },
      }),
    ).toThrow('stopped during');
    expect(reports).toBe(1);
  });
});

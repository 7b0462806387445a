/**
 * Proportion and difference intervals against SciPy 1.10 (and mpmath for the incomplete beta),
 * from test/fixtures/referrals/make_intervals.py; its README describes every field.
 */
import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../src/errors.js';
import {
  betaQuantile,
  differenceInterval,
  INTERVAL_METHODS,
  normalQuantile,
  proportionInterval,
  regularizedIncompleteBeta,
} from '../../src/referrals/intervals.js';
import { optionIssuesOf } from '../support/errors.js';
import { readFixture } from '../support/fixtures.js';

type Bounds = readonly [number, number];

interface ProportionCase {
  readonly successes: number;
  readonly trials: number;
  readonly level: number;
  readonly estimate: number;
  readonly wilson: Bounds;
  readonly clopperPearson: Bounds;
  readonly clopperPearsonBeta: Bounds;
  readonly jeffreys: Bounds;
  readonly jeffreysRaw: Bounds;
}

interface DifferenceCase {
  readonly a: { readonly successes: number; readonly trials: number };
  readonly b: { readonly successes: number; readonly trials: number };
  readonly level: number;
  readonly estimate: number;
  readonly interval: Bounds;
  readonly published?: Bounds;
}

interface IntervalFixture {
  readonly generatedBy: string;
  readonly clopperPearsonBrentqMaxAbsDiff: number;
  readonly proportions: readonly ProportionCase[];
  readonly newcombeExamples: readonly DifferenceCase[];
  readonly differences: readonly DifferenceCase[];
  readonly normalQuantiles: readonly { readonly p: number; readonly z: number }[];
  readonly incompleteBeta: readonly {
    readonly a: number;
    readonly b: number;
    readonly x: number;
    readonly value: number;
    readonly exact: number;
  }[];
}

const fixture = readFixture<IntervalFixture>('referrals/intervals.json');

/** Relative tolerance against SciPy's Wilson bounds and Boost's beta quantiles. */
const RELATIVE = 1e-12;
/** SciPy's Clopper–Pearson bounds come from brentq at xtol = 2e-12: compare them absolutely. */
const BRENTQ = 1e-12;
/** Newcombe bounds straddle 0: compare them absolutely. */
const ABSOLUTE = 1e-12;

function expectRelative(actual: number, expected: number, tolerance: number, what: string): void {
  const error = Math.abs(actual - expected);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.abs(expected),
  );
}

function expectAbsolute(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function expectBounds(
  actual: { readonly lower: number; readonly upper: number },
  expected: Bounds,
  compare: (actual: number, expected: number, tolerance: number, what: string) => void,
  tolerance: number,
  what: string,
): void {
  compare(actual.lower, expected[0], tolerance, `${what} lower`);
  compare(actual.upper, expected[1], tolerance, `${what} upper`);
}

const name = (c: { successes: number; trials: number; level: number }) =>
  `${c.successes}/${c.trials} at ${c.level}`;

describe('the fixture', () => {
  it('covers 0 and n successes, every sample size and every level', () => {
    const trials = new Set(fixture.proportions.map((c) => c.trials));
    expect([...trials]).toEqual([1, 2, 5, 10, 37, 100, 1000, 5568]);
    const levels = new Set(fixture.proportions.map((c) => c.level));
    expect([...levels]).toEqual([0.8, 0.9, 0.95, 0.99, 0.999]);
    for (const n of trials) {
      const successes = fixture.proportions.filter((c) => c.trials === n).map((c) => c.successes);
      expect(successes).toContain(0);
      expect(successes).toContain(n);
    }
    expect(fixture.generatedBy).toMatch(/SciPy 1\.10/);
  });
});

describe('proportionInterval against SciPy', () => {
  it('Wilson equals binomtest(k, n).proportion_ci(level, "wilson") to 1e-12 relative', () => {
    for (const c of fixture.proportions) {
      const result = proportionInterval(c.successes, c.trials, { level: c.level });
      expect(result.estimate).toBe(c.estimate);
      expect(result.method).toBe('wilson');
      expectBounds(result, c.wilson, expectRelative, RELATIVE, `Wilson ${name(c)}`);
    }
  });

  it('Clopper–Pearson equals beta.ppf / beta.isf to 1e-12 relative and binomtest "exact" to 1e-12', () => {
    for (const c of fixture.proportions) {
      const result = proportionInterval(c.successes, c.trials, {
        level: c.level,
        method: 'clopper-pearson',
      });
      expectBounds(result, c.clopperPearsonBeta, expectRelative, RELATIVE, `CP ${name(c)}`);
      expectBounds(result, c.clopperPearson, expectAbsolute, BRENTQ, `CP brentq ${name(c)}`);
    }
  });

  it('Jeffreys equals the Beta(k + ½, n − k + ½) quantiles, 0 at k = 0 and 1 at k = n', () => {
    for (const c of fixture.proportions) {
      const result = proportionInterval(c.successes, c.trials, {
        level: c.level,
        method: 'jeffreys',
      });
      expectBounds(result, c.jeffreys, expectRelative, RELATIVE, `Jeffreys ${name(c)}`);
      if (c.successes === 0) expect(result.lower).toBe(0);
      if (c.successes === c.trials) expect(result.upper).toBe(1);
    }
  });

  it('betaQuantile gives the unadjusted Jeffreys quantiles (beta.ppf and beta.isf)', () => {
    for (const c of fixture.proportions) {
      const tail = (1 - c.level) / 2;
      const a = c.successes + 0.5;
      const b = c.trials - c.successes + 0.5;
      expectRelative(betaQuantile(tail, a, b), c.jeffreysRaw[0], RELATIVE, `ppf ${name(c)}`);
      expectRelative(
        betaQuantile(tail, a, b, 'upper'),
        c.jeffreysRaw[1],
        RELATIVE,
        `isf ${name(c)}`,
      );
    }
  });

  it('Wilson and Clopper–Pearson give 0 at k = 0 and 1 at k = n exactly, as SciPy', () => {
    for (const c of fixture.proportions) {
      for (const method of ['wilson', 'clopper-pearson'] as const) {
        const result = proportionInterval(c.successes, c.trials, { level: c.level, method });
        if (c.successes === 0) expect(result.lower).toBe(0);
        if (c.successes === c.trials) expect(result.upper).toBe(1);
      }
    }
  });
});

describe('interval properties', () => {
  it('contain the estimate, stay in [0, 1] and widen with the level', () => {
    for (const method of INTERVAL_METHODS) {
      for (const [k, n] of [
        [0, 7],
        [3, 7],
        [7, 7],
        [1, 5568],
        [2784, 5568],
      ] as const) {
        let previous: { lower: number; upper: number } | undefined;
        for (const level of [0.5, 0.8, 0.95, 0.999]) {
          const result = proportionInterval(k, n, { level, method });
          expect(result.lower).toBeGreaterThanOrEqual(0);
          expect(result.upper).toBeLessThanOrEqual(1);
          expect(result.lower).toBeLessThanOrEqual(result.estimate);
          expect(result.upper).toBeGreaterThanOrEqual(result.estimate);
          if (previous) {
            expect(result.lower).toBeLessThanOrEqual(previous.lower);
            expect(result.upper).toBeGreaterThanOrEqual(previous.upper);
          }
          previous = result;
        }
      }
    }
  });

  it('defaults to Wilson at 95%, returns frozen records and repeats exactly', () => {
    const result = proportionInterval(12, 40);
    expect(result).toEqual(proportionInterval(12, 40, { level: 0.95, method: 'wilson' }));
    expect(result.level).toBe(0.95);
    expect(result.successes).toBe(12);
    expect(result.trials).toBe(40);
    expect(Object.isFrozen(result)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ ...result });
  });

  it('Clopper–Pearson is the widest and has the closed forms at k = 0 and k = n', () => {
    const n = 20;
    const alpha = 0.05;
    const cp0 = proportionInterval(0, n, { method: 'clopper-pearson' });
    expectRelative(cp0.upper, 1 - (alpha / 2) ** (1 / n), 1e-14, 'CP 0/n upper');
    const cpN = proportionInterval(n, n, { method: 'clopper-pearson' });
    expectRelative(cpN.lower, (alpha / 2) ** (1 / n), 1e-14, 'CP n/n lower');
    const cp = proportionInterval(6, n, { method: 'clopper-pearson' });
    for (const method of ['wilson', 'jeffreys'] as const) {
      const other = proportionInterval(6, n, { method });
      expect(cp.upper - cp.lower).toBeGreaterThan(other.upper - other.lower);
    }
  });
});

describe('differenceInterval (Newcombe 1998, method 10)', () => {
  it('reproduces the six worked examples of Newcombe 1998, Table II, to their 4 decimals', () => {
    expect(fixture.newcombeExamples).toHaveLength(6);
    for (const c of fixture.newcombeExamples) {
      const result = differenceInterval(c.a, c.b, { level: c.level });
      const what = `${c.a.successes}/${c.a.trials} − ${c.b.successes}/${c.b.trials}`;
      expectBounds(result, c.interval, expectAbsolute, ABSOLUTE, what);
      const published = c.published as Bounds;
      expectBounds(result, published, expectAbsolute, 5e-5, `${what} (published)`);
    }
  });

  it('equals the formula on SciPy Wilson bounds to 1e-12 at every level', () => {
    for (const c of fixture.differences) {
      const result = differenceInterval(c.a, c.b, { level: c.level });
      expect(result.estimate).toBeCloseTo(c.estimate, 15);
      expect(result.method).toBe('newcombe');
      expect(result.level).toBe(c.level);
      expect(result.a).toEqual({ ...c.a, estimate: c.a.successes / c.a.trials });
      const what = `${c.a.successes}/${c.a.trials} − ${c.b.successes}/${c.b.trials} at ${c.level}`;
      expectBounds(result, c.interval, expectAbsolute, ABSOLUTE, what);
    }
  });

  it('accepts proportion intervals, is antisymmetric and stays within [−1, 1]', () => {
    const a = proportionInterval(38, 100);
    const b = proportionInterval(12, 100);
    const ab = differenceInterval(a, b);
    const ba = differenceInterval(b, a);
    expect(ab.estimate).toBeCloseTo(0.26, 15);
    expect(ba.lower).toBeCloseTo(-ab.upper, 15);
    expect(ba.upper).toBeCloseTo(-ab.lower, 15);
    const extreme = differenceInterval({ successes: 5, trials: 5 }, { successes: 0, trials: 5 });
    expect(extreme.upper).toBe(1);
    expect(extreme.lower).toBeGreaterThan(-1);
  });
});

describe('special functions', () => {
  it('normalQuantile equals scipy.special.ndtri to 3e-15 relative', () => {
    for (const { p, z } of fixture.normalQuantiles) {
      if (z === 0) expect(normalQuantile(p)).toBe(0);
      else expectRelative(normalQuantile(p), z, 3e-15, `ndtri(${p})`);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('regularizedIncompleteBeta equals mpmath to 1e-13 and SciPy to 2e-11 relative', () => {
    for (const c of fixture.incompleteBeta) {
      const value = regularizedIncompleteBeta(c.x, c.a, c.b);
      expectRelative(value, c.exact, 1e-13, `I(${c.x}; ${c.a}, ${c.b})`);
      expectRelative(value, c.value, 2e-11, `betainc(${c.a}, ${c.b}, ${c.x})`);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('betaQuantile inverts regularizedIncompleteBeta', () => {
    for (const [p, a, b] of [
      [0.3, 2, 3],
      [1e-6, 0.5, 40.5],
      [0.9, 120, 30],
    ] as const) {
      expectRelative(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b), p, 1e-13, `${p}`);
      const upper = betaQuantile(p, a, b, 'upper');
      // 1 − I loses the digits of a small upper tail, so compare absolutely.
      expectAbsolute(1 - regularizedIncompleteBeta(upper, a, b), p, 1e-15, `upper ${p}`);
    }
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });

  it('rejects arguments out of range', () => {
    expect(() => normalQuantile(1.5)).toThrow(InvalidOptionsError);
    expect(() => normalQuantile(Number.NaN)).toThrow(InvalidOptionsError);
    expect(() => regularizedIncompleteBeta(0.5, 0, -1)).toThrow(/a: .*\n.*b: /);
    expect(() => betaQuantile(2, 1, 1)).toThrow(InvalidOptionsError);
    expect(() => betaQuantile(0.5, 1, 1, 'middle' as 'lower')).toThrow(/tail/);
  });
});

describe('invalid arguments', () => {
  it('lists every problem of proportionInterval at once', () => {
    const issues = optionIssuesOf(() =>
      proportionInterval(1.5, -2, { level: 1, method: 'wald' as 'wilson' }),
    );
    expect(issues).toEqual([
      { path: 'successes', code: 'out_of_range' },
      { path: 'trials', code: 'out_of_range' },
      { path: 'level', code: 'out_of_range' },
      { path: 'method', code: 'invalid_value' },
    ]);
  });

  it('refuses more successes than trials, no trials, non-numbers and unknown options', () => {
    expect(optionIssuesOf(() => proportionInterval(5, 3))).toEqual([
      { path: 'successes', code: 'inconsistent' },
    ]);
    expect(optionIssuesOf(() => proportionInterval(0, 0))).toEqual([
      { path: 'trials', code: 'out_of_range' },
    ]);
    expect(optionIssuesOf(() => proportionInterval('3' as unknown as number, 10))).toEqual([
      { path: 'successes', code: 'invalid_type' },
    ]);
    expect(
      optionIssuesOf(() =>
        proportionInterval(3, 10, { levle: 0.9 } as unknown as { level: number }),
      ),
    ).toEqual([{ path: 'levle', code: 'unknown_field' }]);
    expect(() => proportionInterval(3, 10, { level: 0 })).toThrow(/strictly between 0 and 1/);
    expect(() => proportionInterval(3, 10, { level: Number.NaN })).toThrow(InvalidOptionsError);
    expect(() => proportionInterval(3, Number.POSITIVE_INFINITY)).toThrow(InvalidOptionsError);
  });

  it('lists every problem of differenceInterval with its side', () => {
    const issues = optionIssuesOf(() =>
      differenceInterval({ successes: 4, trials: 3 }, { successes: -1, trials: 0.5 }, { level: 2 }),
    );
    expect(issues).toEqual([
      { path: 'a.successes', code: 'inconsistent' },
      { path: 'b.successes', code: 'out_of_range' },
      { path: 'b.trials', code: 'out_of_range' },
      { path: 'level', code: 'out_of_range' },
    ]);
    expect(
      optionIssuesOf(() => differenceInterval(null as never, { successes: 1, trials: 2 })),
    ).toEqual([{ path: 'a', code: 'invalid_type' }]);
    expect(
      optionIssuesOf(() =>
        differenceInterval({ successes: 1, trials: 2 }, { successes: 1, trials: 2 }, {
          method: 'wilson',
        } as never),
      ),
    ).toEqual([{ path: 'method', code: 'unknown_field' }]);
  });
});

/**
 * Confidence intervals for a proportion (Wilson score, Clopper–Pearson, Jeffreys) and for the
 * difference of two independent proportions (Newcombe's hybrid score interval), with the special
 * functions they need (normal quantile, regularized incomplete beta and its inverse) written out
 * here so that the results match SciPy to about 1e-12 without a numerical dependency.
 *
 * @module
 */
import { ConvergenceError } from '../centrality/convergence-error.js';
import { checkOptions } from '../centrality/options.js';
import { InvalidOptionsError, type Issue } from '../errors.js';

/** The interval methods {@link proportionInterval} offers. */
export const INTERVAL_METHODS = ['wilson', 'clopper-pearson', 'jeffreys'] as const;
/** How a proportion's confidence interval is computed; see {@link proportionInterval}. */
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];

/** Options of {@link proportionInterval}. */
export interface IntervalOptions {
  /** Confidence level, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
  /** Interval method (default `'wilson'`). */
  readonly method?: IntervalMethod;
}

/** Options of {@link differenceInterval}. */
export interface DifferenceOptions {
  /** Confidence level, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
}

/** The defaults of {@link IntervalOptions}. */
export const INTERVAL_DEFAULTS = Object.freeze({ level: 0.95, method: 'wilson' as IntervalMethod });

/** A count of successes out of a number of trials. */
export interface Proportion {
  /** Successes: an integer from 0 to `trials`. */
  readonly successes: number;
  /** Trials: a positive integer. */
  readonly trials: number;
}

/** A proportion with its two-sided confidence interval. */
export interface ProportionInterval extends Proportion {
  /** `successes / trials`. */
  readonly estimate: number;
  /** Lower bound, in [0, estimate]. */
  readonly lower: number;
  /** Upper bound, in [estimate, 1]. */
  readonly upper: number;
  /** The confidence level. */
  readonly level: number;
  /** The method used. */
  readonly method: IntervalMethod;
}

/** One side of a {@link DifferenceInterval}. */
export interface DifferenceSide extends Proportion {
  /** `successes / trials`. */
  readonly estimate: number;
}

/** The difference `a − b` of two independent proportions with its confidence interval. */
export interface DifferenceInterval {
  /** `a.estimate − b.estimate`. */
  readonly estimate: number;
  /** Lower bound, in [−1, estimate]. */
  readonly lower: number;
  /** Upper bound, in [estimate, 1]. */
  readonly upper: number;
  /** The first proportion. */
  readonly a: DifferenceSide;
  /** The second proportion. */
  readonly b: DifferenceSide;
  /** The confidence level. */
  readonly level: number;
  /** Always `'newcombe'`: the hybrid score interval built from two Wilson intervals. */
  readonly method: 'newcombe';
}

const INTERVAL_OPTION_NAMES = ['level', 'method'] as const;
const DIFFERENCE_OPTION_NAMES = ['level'] as const;

// ---------------------------------------------------------------------------------------------
// Argument checks

/** Pushes an issue unless `value` is a safe integer ≥ `min`. */
function checkCount(value: unknown, path: string, min: number, issues: Issue[]): boolean {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return true;
  issues.push({
    code: typeof value === 'number' ? 'out_of_range' : 'invalid_type',
    path,
    message: `must be an integer ≥ ${min}, got ${describe(value)}`,
  });
  return false;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Checks a successes / trials pair, pushing every problem with paths under `prefix`. */
function checkProportion(successes: unknown, trials: unknown, prefix: string, issues: Issue[]) {
  const okSuccesses = checkCount(successes, `${prefix}successes`, 0, issues);
  const okTrials = checkCount(trials, `${prefix}trials`, 1, issues);
  if (okSuccesses && okTrials && (successes as number) > (trials as number)) {
    issues.push({
      code: 'inconsistent',
      path: `${prefix}successes`,
      message: `must be at most trials (${String(trials)}), got ${String(successes)}`,
    });
  }
}

/**
 * Pushes an issue unless `record.level` is undefined or a finite number strictly between 0 and 1.
 * @internal Shared with the referral measures, which take the same option.
 */
export function checkLevel(record: Record<string, unknown>, issues: Issue[]): void {
  const level = record['level'];
  if (level === undefined) return;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    issues.push({
      code: typeof level === 'number' ? 'out_of_range' : 'invalid_type',
      path: 'level',
      message: `must be a number strictly between 0 and 1 (e.g. 0.95), got ${describe(level)}`,
    });
  }
}

/**
 * Pushes an issue unless `record.method` is undefined or one of {@link INTERVAL_METHODS}.
 * @internal Shared with the referral measures, which take the same option.
 */
export function checkMethod(record: Record<string, unknown>, issues: Issue[]): void {
  const method = record['method'];
  if (method === undefined || (INTERVAL_METHODS as readonly unknown[]).includes(method)) return;
  issues.push({
    code: 'invalid_value',
    path: 'method',
    message: `must be one of ${INTERVAL_METHODS.map((m) => JSON.stringify(m)).join(', ')}, got ${describe(method)}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Special functions

const LN_SQRT_2PI = 0.9189385332046728; // ln √(2π)
const SQRT_2PI = 2.5066282746310002;
const SQRT_PI = 1.772453850905516;
const TINY = 1e-300;

/**
 * erfc(x) for x ≥ 0, to a few ulps: below 0.5 as 1 − erf(x) from the series
 * erf(x) = (2/√π) e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3···(2n+1)), whose terms are all positive; from 0.5
 * on by the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
 * evaluated with the modified Lentz method.
 */
function erfc(x: number): number {
  if (x < 0.5) {
    const twoX2 = 2 * x * x;
    let term = x;
    let sum = x;
    for (let n = 1; term > sum * 1e-17; n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // f = x + K(a_n / x) with a_n = n / 2.
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = x + a / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= Number.EPSILON) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9).
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
] as const;
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
] as const;
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
] as const;
const ACKLAM_D = [
  7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416,
] as const;
const ACKLAM_LOW = 0.02425;

/** The normal quantile of p ∈ (0, 0.5], ≤ 0. */
function lowerNormalQuantile(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
  const [d0, d1, d2, d3] = ACKLAM_D;
  let x: number;
  if (p < ACKLAM_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  }
  // Two Halley steps on Φ(x) − p (each triples the number of correct digits), Φ(x) = erfc(−x/√2)/2.
  for (let step = 0; step < 2; step++) {
    const e = 0.5 * erfc(-x / Math.SQRT2) - p;
    const u = e * SQRT_2PI * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/**
 * The quantile function of the standard normal distribution, Φ⁻¹(p), to about 2e-15 relative
 * (SciPy's `scipy.special.ndtri`).
 *
 * Acklam's rational approximation, refined by two Halley steps on Φ(x) − p with an erfc accurate
 * to a few ulps (a series below 0.5, a continued fraction above). For p > 0.5 it returns
 * −Φ⁻¹(1 − p), where 1 − p is exact in floating point.
 *
 * @param p - A probability in [0, 1].
 * @returns x with Φ(x) = p; −∞ at 0, +∞ at 1.
 * @throws InvalidOptionsError if `p` is not a number in [0, 1].
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.95996398454005…
 * ```
 * @see P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
 *   function" (2003), a rational approximation with relative error below 1.15e-9.
 * @see W. H. Press et al., "Numerical Recipes", 3rd ed., Cambridge University Press (2007), §6.2
 *   (erfc) and §5.2 (continued fractions, modified Lentz).
 */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InvalidOptionsError([
      {
        code: 'out_of_range',
        path: 'p',
        message: `must be a probability in [0, 1], got ${describe(p)}`,
      },
    ]);
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  return p < 0.5 ? lowerNormalQuantile(p) : -lowerNormalQuantile(1 - p);
}

/** ln Γ(z) − Stirling's approximation, for z ≥ 10 (truncation error below 1e-18). */
function stirlingCorrection(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 *
                (-1 / 1680 +
                  r2 *
                    (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

/**
 * ln Γ(z) for z > 0: Stirling's series with eight terms at z ≥ 10, and below that the recurrence
 * Γ(z) = Γ(z + k) / (z (z + 1) ··· (z + k − 1)). Used only for arguments below 10 (larger ones
 * enter through {@link logBetaPowerTerms} without forming ln Γ), so its absolute error is ~1e-15.
 */
function logGamma(z: number): number {
  let shift = 1;
  let w = z;
  while (w < 10) {
    shift *= w;
    w += 1;
  }
  return (w - 0.5) * Math.log(w) - w + LN_SQRT_2PI + stirlingCorrection(w) - Math.log(shift);
}

/** u − ln(1 + u), accurate near 0 (through ln(1 + u) = 2 atanh(u / (2 + u))). */
function logExcess(u: number): number {
  if (Math.abs(u) > 0.5) return u - Math.log1p(u);
  const w = u / (2 + u);
  const w2 = w * w;
  // u − 2 atanh(w) = u·w − 2 (w³/3 + w⁵/5 + ...), since u − 2w = u·w.
  let term = w * w2;
  let sum = 0;
  for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(u * w); k += 2) {
    sum += term / k;
    term *= w2;
  }
  return u * w - 2 * sum;
}

/**
 * ln(x^a (1 − x)^b / B(a, b)), without the cancellation between ln B and the powers that would
 * lose ~1e-12 for a + b in the thousands (ln Γ(5569) ≈ 42,500). With s = a + b:
 * - a, b ≥ 10: ½ ln(ab / (2π s)) − a·φ(sx/a − 1) − b·φ(s(1 − x)/b − 1) − (c(a) + c(b) − c(s)),
 *   φ(u) = u − ln(1 + u), c the Stirling correction (as in DiDonato & Morris's BRCOMP);
 * - a < 10 ≤ b: a ln(s x) + b ln(1 − x) + (b − ½) ln(1 + a/b) − a − ln Γ(a) − (c(b) − c(s)),
 *   and the mirror image for b < 10 ≤ a;
 * - both below 10: a ln x + b ln(1 − x) − ln Γ(a) − ln Γ(b) + ln Γ(s).
 */
function logBetaPowerTerms(a: number, b: number, x: number): number {
  const y = 1 - x;
  const lnX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const lnY = x < 0.5 ? Math.log1p(-x) : Math.log(y);
  const s = a + b;
  if (a >= 10 && b >= 10) {
    const d = x <= 0.5 ? s * x - a : b - s * y;
    return (
      0.5 * Math.log((a / s) * (b / (2 * Math.PI))) -
      a * logExcess(d / a) -
      b * logExcess(-d / b) -
      (stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(s))
    );
  }
  if (a < 10 && b >= 10) {
    return (
      a * (Math.log(s) + lnX) +
      b * lnY +
      (b - 0.5) * Math.log1p(a / b) -
      a -
      logGamma(a) -
      (stirlingCorrection(b) - stirlingCorrection(s))
    );
  }
  if (b < 10 && a >= 10) {
    return (
      b * (Math.log(s) + lnY) +
      a * lnX +
      (a - 0.5) * Math.log1p(b / a) -
      b -
      logGamma(b) -
      (stirlingCorrection(a) - stirlingCorrection(s))
    );
  }
  return a * lnX + b * lnY - logGamma(a) - logGamma(b) + logGamma(s);
}

// Double-double arithmetic (Dekker 1971; Knuth's two-sum): a value is hi + lo with |lo| ≤ ulp(hi)/2,
// about 32 significant digits. Used only inside the incomplete beta's continued fraction.
type DoubleDouble = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1

function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return [s, b - (s - a)];
}

function ddAdd(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const s = x[0] + y[0];
  const v = s - x[0];
  const e = x[0] - (s - v) + (y[0] - v) + x[1] + y[1];
  return quickTwoSum(s, e);
}

function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddMul(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const [p, e] = twoProduct(x[0], y[0]);
  return quickTwoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}

function ddDiv(x: DoubleDouble, y: DoubleDouble): DoubleDouble {
  const q1 = x[0] / y[0];
  const r = ddAdd(x, ddMul(y, [-q1, 0]));
  const q2 = r[0] / y[0];
  const r2 = ddAdd(r, ddMul(y, [-q2, 0]));
  return ddAdd(quickTwoSum(q1, q2), [r2[0] / y[0], 0]);
}

const DD_ONE: DoubleDouble = [1, 0];
const DD_TINY: DoubleDouble = [TINY, 0];

/** 1 + aa·d (or 1 + aa/d), kept away from 0 as the modified Lentz method requires. */
function lentzTerm(value: DoubleDouble): DoubleDouble {
  const sum = ddAdd(DD_ONE, value);
  return Math.abs(sum[0]) < TINY ? DD_TINY : sum;
}

/**
 * The continued fraction of I_x(a, b) (Numerical Recipes' `betacf`) by the modified Lentz method,
 * in double-double arithmetic. Near its switch point x ≈ (a + 1) / (a + b + 2) the fraction's
 * terms nearly cancel and lose about log₁₀(a + b) digits in plain doubles (2e-13 for a + b ≈ 5,569
 * with a small b); twice the precision makes that loss invisible. `y` is 1 − x, passed because one
 * of the two is exact and the other rounded: x is rebuilt as the exact double-double 1 − y when y
 * is the exact one.
 * @throws ConvergenceError if it has not converged after many more terms than it ever needs.
 */
function betaContinuedFraction(a: number, b: number, x: number, y: number): number {
  const maxTerms = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  const xx: DoubleDouble = x < 0.5 ? [x, 0] : ddAdd(DD_ONE, [-y, 0]);
  const aa: DoubleDouble = [a, 0];
  const qab = ddAdd(aa, [b, 0]);
  const qap = ddAdd(aa, DD_ONE);
  const qam = ddAdd(aa, [-1, 0]);
  let c = DD_ONE;
  let d = ddDiv(DD_ONE, lentzTerm(ddDiv(ddMul(qab, [-xx[0], -xx[1]]), qap)));
  let h = d;
  let delta = 0;
  for (let m = 1; m <= maxTerms; m++) {
    const m2: DoubleDouble = [2 * m, 0];
    // Even step: m (b − m) x / ((a − 1 + 2m)(a + 2m)).
    let coefficient = ddDiv(
      ddMul(ddMul([m, 0], ddAdd([b, 0], [-m, 0])), xx),
      ddMul(ddAdd(qam, m2), ddAdd(aa, m2)),
    );
    d = ddDiv(DD_ONE, lentzTerm(ddMul(coefficient, d)));
    c = lentzTerm(ddDiv(coefficient, c));
    h = ddMul(h, ddMul(d, c));
    // Odd step: −(a + m)(a + b + m) x / ((a + 2m)(a + 1 + 2m)).
    const mm: DoubleDouble = [m, 0];
    coefficient = ddDiv(
      ddMul(ddMul(ddAdd(aa, mm), ddAdd(qab, mm)), [-xx[0], -xx[1]]),
      ddMul(ddAdd(aa, m2), ddAdd(qap, m2)),
    );
    d = ddDiv(DD_ONE, lentzTerm(ddMul(coefficient, d)));
    c = lentzTerm(ddDiv(coefficient, c));
    const step = ddMul(d, c);
    h = ddMul(h, step);
    delta = Math.abs(step[0] - 1 + step[1]);
    if (delta <= 1e-20) return h[0] + h[1];
  }
  throw new ConvergenceError('incomplete beta continued fraction', maxTerms, delta, 1e-20);
}

/** I_x(a, b) and 1 − I_x(a, b), the smaller of the two (roughly) computed directly. */
function incompleteBetaPair(a: number, b: number, x: number): [lower: number, upper: number] {
  if (x <= 0) return [0, 1];
  if (x >= 1) return [1, 0];
  const front = Math.exp(logBetaPowerTerms(a, b, x));
  const y = 1 - x;
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaContinuedFraction(a, b, x, y)) / a;
    return [lower, 1 - lower];
  }
  const upper = (front * betaContinuedFraction(b, a, y, x)) / b;
  return [1 - upper, upper];
}

function checkBetaArguments(values: Record<string, unknown>, probability: string): void {
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const ok =
      typeof value === 'number' &&
      (key === probability ? value >= 0 && value <= 1 : value > 0 && Number.isFinite(value));
    if (!ok) {
      issues.push({
        code: typeof value === 'number' ? 'out_of_range' : 'invalid_type',
        path: key,
        message: `must be ${key === probability ? 'a number in [0, 1]' : 'a finite number > 0'}, got ${describe(value)}`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
}

/**
 * The regularized incomplete beta function I_x(a, b), the distribution function of Beta(a, b)
 * at x (SciPy's `scipy.special.betainc(a, b, x)`), to about 1e-14 relative.
 *
 * The continued fraction of Numerical Recipes (evaluated by the modified Lentz method) on x or,
 * past the mean, on 1 − x; the factor x^a (1 − x)^b / B(a, b) is computed in a form that does not
 * lose digits to ln Γ of large arguments.
 *
 * @param x - A point in [0, 1].
 * @param a - First shape parameter, > 0.
 * @param b - Second shape parameter, > 0.
 * @throws InvalidOptionsError listing every argument out of range.
 * @throws ConvergenceError if the continued fraction does not converge (not seen in practice).
 * @example
 * ```ts
 * regularizedIncompleteBeta(0.4, 2, 3); // ≈ 0.5248
 * ```
 * @see W. H. Press et al., "Numerical Recipes", 3rd ed., Cambridge University Press (2007), §6.4.
 * @see A. R. DiDonato and A. H. Morris, "Algorithm 708: Significant digit computation of the
 *   incomplete beta function ratios", ACM TOMS 18 (1992) 360–373.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  checkBetaArguments({ x, a, b }, 'x');
  return incompleteBetaPair(a, b, x)[0];
}

/** NR's first guess for the Beta(a, b) quantile of lower-tail probability p (upper 1 − p = q). */
function betaGuess(a: number, b: number, p: number, q: number): number {
  if (a >= 1 && b >= 1) {
    const pp = Math.min(p, q);
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p >= 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (z * Math.sqrt(al + h)) / h -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? (a * w * p) ** (1 / a) : 1 - (b * w * q) ** (1 / b);
}

/**
 * The x with I_x(a, b) = tail (lower) or 1 − I_x(a, b) = tail (upper): Halley steps (Numerical
 * Recipes' `invbetai`) kept inside a shrinking bracket, falling back to bisection when a step
 * leaves it, until a step changes x by less than 1e-15 of itself.
 */
function inverseBeta(a: number, b: number, tail: number, upperTail: boolean): number {
  if (tail <= 0) return upperTail ? 1 : 0;
  if (tail >= 1) return upperTail ? 0 : 1;
  const p = upperTail ? 1 - tail : tail;
  const q = upperTail ? tail : 1 - tail;
  let lo = 0;
  let hi = 1;
  let x = betaGuess(a, b, p, q);
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let iteration = 0; iteration < 400; iteration++) {
    const [lower, upper] = incompleteBetaPair(a, b, x);
    const error = upperTail ? tail - upper : lower - tail;
    if (error === 0) return x;
    if (error < 0) lo = x;
    else hi = x;
    const density = Math.exp(logBetaPowerTerms(a, b, x)) / (x * (1 - x));
    let next = x;
    if (density > 0 && Number.isFinite(density)) {
      const u = error / density;
      const step = u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - (b - 1) / (1 - x))));
      next = x - step;
    }
    if (!(next > lo && next < hi)) {
      next = lo > 0 && hi / lo > 16 ? Math.sqrt(lo * hi) : lo === 0 ? hi / 16 : (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * next || next === lo || next === hi) return next;
    x = next;
  }
  return x;
}

/**
 * The quantile function of the Beta(a, b) distribution (SciPy's `scipy.stats.beta.ppf`, or
 * `beta.isf` with `tail: 'upper'`), to about 1e-13 relative.
 *
 * Solves I_x(a, b) = p (or 1 − I_x(a, b) = p for the upper tail, without forming 1 − p) by Halley
 * steps from Numerical Recipes' first guess, safeguarded by bisection.
 *
 * @param p - The lower-tail probability (upper-tail with `tail: 'upper'`), in [0, 1].
 * @param a - First shape parameter, > 0.
 * @param b - Second shape parameter, > 0.
 * @param tail - Which tail `p` is the probability of (default `'lower'`).
 * @throws InvalidOptionsError listing every argument out of range.
 * @throws ConvergenceError if the incomplete beta's continued fraction does not converge.
 * @example
 * ```ts
 * betaQuantile(0.025, 3, 8);          // 0.0667…, the Clopper–Pearson lower bound for 3 of 10
 * betaQuantile(0.025, 4, 7, 'upper'); // 0.6524…, and its upper bound
 * ```
 * @see W. H. Press et al., "Numerical Recipes", 3rd ed., Cambridge University Press (2007), §6.14.
 */
export function betaQuantile(
  p: number,
  a: number,
  b: number,
  tail: 'lower' | 'upper' = 'lower',
): number {
  checkBetaArguments({ p, a, b }, 'p');
  if (tail !== 'lower' && tail !== 'upper') {
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'tail',
        message: `must be "lower" or "upper", got ${describe(tail)}`,
      },
    ]);
  }
  return inverseBeta(a, b, p, tail === 'upper');
}

// ---------------------------------------------------------------------------------------------
// Intervals

/**
 * Wilson's bounds (no continuity correction), the lower in cancellation-free form. z comes from
 * the tail (1 − level) / 2, exact in floating point for level ≥ ½, rather than from ½ + level/2
 * as in SciPy, whose rounding moves z by up to ~1e-14 relative at level 0.999.
 */
function wilsonBounds(k: number, n: number, level: number): [number, number] {
  const z = -lowerNormalQuantile((1 - level) / 2);
  const z2 = z * z;
  const p = k / n;
  const denominator = 2 * (n + z2);
  const center = (2 * n * p + z2) / denominator;
  const delta = (z / denominator) * Math.sqrt(4 * n * p * (1 - p) + z2);
  // center² − delta² = k p / (n + z²), so center − delta = that / (center + delta).
  const lower = k === 0 ? 0 : (k * p) / (n + z2) / (center + delta);
  const upper = k === n ? 1 : center + delta;
  return [lower, upper];
}

/**
 * {@link proportionInterval} without the checks, for callers that have validated `successes`,
 * `trials`, `level` and `method` already (the referral measures, once per group).
 *
 * @internal
 * @example
 * ```ts
 * intervalOf(12, 40, 0.95, 'wilson'); // same as proportionInterval(12, 40)
 * ```
 */
export function intervalOf(
  successes: number,
  trials: number,
  level: number,
  method: IntervalMethod,
): ProportionInterval {
  const k = successes;
  const n = trials;
  const tail = (1 - level) / 2;
  let lower: number;
  let upper: number;
  if (method === 'wilson') {
    [lower, upper] = wilsonBounds(k, n, level);
  } else if (method === 'clopper-pearson') {
    lower = k === 0 ? 0 : inverseBeta(k, n - k + 1, tail, false);
    upper = k === n ? 1 : inverseBeta(k + 1, n - k, tail, true);
  } else {
    lower = k === 0 ? 0 : inverseBeta(k + 0.5, n - k + 0.5, tail, false);
    upper = k === n ? 1 : inverseBeta(k + 0.5, n - k + 0.5, tail, true);
  }
  return Object.freeze({ estimate: k / n, lower, upper, successes: k, trials: n, level, method });
}

/**
 * A two-sided confidence interval for a binomial proportion: `successes` out of `trials`.
 *
 * - `'wilson'` (default): the Wilson score interval without continuity correction, centred on
 *   (k + z²/2) / (n + z²) with z = Φ⁻¹(½ + level/2); good coverage at every n and never outside
 *   [0, 1]. As SciPy, the lower bound is 0 when k = 0 and the upper 1 when k = n.
 * - `'clopper-pearson'`: the "exact" interval, inverting two one-sided binomial tests:
 *   Beta quantiles B⁻¹(α/2; k, n − k + 1) and B⁻¹(1 − α/2; k + 1, n − k), α = 1 − level, with 0 at
 *   k = 0 and 1 at k = n. Conservative: coverage at least `level`.
 * - `'jeffreys'`: the equal-tailed interval of the Beta(k + ½, n − k + ½) posterior, with the
 *   convention of Brown, Cai & DasGupta (2001): lower 0 when k = 0, upper 1 when k = n (SciPy
 *   1.10 has no Jeffreys interval; `beta.ppf` gives the unadjusted quantiles).
 *
 * Agrees with SciPy 1.10's `binomtest(k, n).proportion_ci(level, method)` (Wilson, exact) and
 * `beta.ppf` (Clopper–Pearson, Jeffreys) to 1e-12 (test/fixtures/referrals/).
 *
 * @param successes - An integer from 0 to `trials`.
 * @param trials - A positive integer.
 * @param options - `level` (default 0.95) and `method` (default `'wilson'`).
 * @returns The estimate `successes / trials`, the bounds, and the inputs.
 * @throws InvalidOptionsError listing every problem: a count that is not a non-negative safe
 *   integer, no trials, more successes than trials, a level outside (0, 1), an unknown method or
 *   an unknown option.
 * @throws ConvergenceError if the incomplete beta's continued fraction does not converge (not seen
 *   in practice).
 * @example
 * ```ts
 * const share = proportionInterval(12, 40);
 * share.estimate;                 // 0.3
 * [share.lower, share.upper];     // [0.1807…, 0.4543…]
 * proportionInterval(0, 25, { method: 'clopper-pearson', level: 0.9 }).upper; // 0.1129…
 * ```
 * @see E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 *   JASA 22 (1927) 209–212.
 * @see C. J. Clopper and E. S. Pearson, "The use of confidence or fiducial limits illustrated in
 *   the case of the binomial", Biometrika 26 (1934) 404–413.
 * @see L. D. Brown, T. T. Cai and A. DasGupta, "Interval estimation for a binomial proportion",
 *   Statistical Science 16 (2001) 101–133.
 * @see R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of
 *   seven methods", Statistics in Medicine 17 (1998) 857–872.
 */
export function proportionInterval(
  successes: number,
  trials: number,
  options?: IntervalOptions,
): ProportionInterval {
  checkOptions(options ?? {}, INTERVAL_OPTION_NAMES, (record, issues) => {
    checkProportion(successes, trials, '', issues);
    checkLevel(record, issues);
    checkMethod(record, issues);
  });
  return intervalOf(
    successes,
    trials,
    options?.level ?? INTERVAL_DEFAULTS.level,
    options?.method ?? INTERVAL_DEFAULTS.method,
  );
}

/**
 * {@link differenceInterval} without the checks, for callers that have validated both
 * proportions and the level already.
 *
 * @internal
 * @example
 * ```ts
 * differenceOf({ successes: 9, trials: 10 }, { successes: 3, trials: 10 }, 0.95); // [0.1705…, 0.8090…]
 * ```
 */
export function differenceOf(a: Proportion, b: Proportion, level: number): DifferenceInterval {
  const p1 = a.successes / a.trials;
  const p2 = b.successes / b.trials;
  const [l1, u1] = wilsonBounds(a.successes, a.trials, level);
  const [l2, u2] = wilsonBounds(b.successes, b.trials, level);
  const estimate = p1 - p2;
  return Object.freeze({
    estimate,
    lower: estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    upper: estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    a: Object.freeze({ successes: a.successes, trials: a.trials, estimate: p1 }),
    b: Object.freeze({ successes: b.successes, trials: b.trials, estimate: p2 }),
    level,
    method: 'newcombe' as const,
  });
}

/**
 * A two-sided confidence interval for the difference `a − b` of two independent proportions:
 * Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the Wilson intervals
 * (l₁, u₁) of a and (l₂, u₂) of b:
 *
 *   lower = (p₁ − p₂) − √((p₁ − l₁)² + (u₂ − p₂)²),
 *   upper = (p₁ − p₂) + √((u₁ − p₁)² + (p₂ − l₂)²).
 *
 * It stays within [−1, 1], behaves well with 0 or n successes, and is the method most often
 * recommended for comparing two rates. Checked against the six worked examples of Newcombe 1998
 * and SciPy's Wilson bounds (test/fixtures/referrals/).
 *
 * @param a - The first proportion (`{ successes, trials }`; a {@link ProportionInterval} works).
 * @param b - The second proportion.
 * @param options - `level` (default 0.95).
 * @returns The estimate p₁ − p₂, the bounds, both sides and the level.
 * @throws InvalidOptionsError listing every problem in `a`, `b` (paths `a.successes`, ...) and
 *   the options.
 * @example
 * ```ts
 * const d = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 });
 * d.estimate;             // ≈ 0.2
 * [d.lower, d.upper];     // [0.0524…, 0.3339…] (Newcombe 1998, Table II, example a)
 * ```
 * @see R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 *   comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890.
 */
export function differenceInterval(
  a: Proportion,
  b: Proportion,
  options?: DifferenceOptions,
): DifferenceInterval {
  checkOptions(options ?? {}, DIFFERENCE_OPTION_NAMES, (record, issues) => {
    for (const [name, side] of [
      ['a', a],
      ['b', b],
    ] as const) {
      if (typeof side !== 'object' || side === null) {
        issues.push({
          code: 'invalid_type',
          path: name,
          message: 'must be an object { successes, trials }',
        });
      } else checkProportion(side.successes, side.trials, `${name}.`, issues);
    }
    checkLevel(record, issues);
  });
  return differenceOf(a, b, options?.level ?? INTERVAL_DEFAULTS.level);
}

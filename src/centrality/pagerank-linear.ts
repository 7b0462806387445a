/**
 * PageRank as a sparse linear system, solved by the conjugate gradient method: `pagerank`'s
 * `solver: 'conjugate-gradient'`.
 *
 * The stationary equations of NetworkX's iteration (jumps and dangling people both going to the
 * personalization `p`) are `x (I − α P) = c p` with `P = D⁻¹ W` the row-normalised weights, `D`
 * the totals, for some scalar `c` (Del Corso, Gullí & Romani 2005). A person without ties has a
 * zero row and column in `W`, so `x_i = c p_i` there; the others satisfy
 * `B x = p` with `B = I − α W D⁻¹` (taking `c = 1`). With `W` symmetric (the network is
 * undirected) and `x = D^{1/2} y` this becomes `(I − α S) y = D^{-1/2} p` with
 * `S = D^{-1/2} W D^{-1/2}`: symmetric, with eigenvalues in [−1, 1], so `A = I − α S` is positive
 * definite for `α < 1`, its eigenvalues in [1 − α, 1 + α], and conjugate gradients reduce the
 * error at least as fast as `((√κ − 1) / (√κ + 1))^k` with `κ ≤ (1 + α) / (1 − α)` (≈ 0.56 per
 * iteration at α = 0.85, against 0.85 for the power iteration).
 *
 * The stopping rule is on the residual of `B x = p` in L1 norm, not on the symmetrised
 * residual's Euclidean norm, which conjugate gradients drive down: that norm weighs a person by
 * `1 / √D`, and where totals span many orders of magnitude (strengths near 5e-324 next to
 * strengths near 1) it can be at rounding level while people with large totals are still far
 * off. `W D⁻¹` is column-stochastic, so `‖B⁻¹‖₁ ≤ 1 / (1 − α)` and `‖x‖₁ = ‖p‖₁ / (1 − α)`:
 * `‖p − B x̃‖₁ ≤ tolerance · ‖p‖₁` gives `‖x̃ − x‖₁ ≤ tolerance · ‖x‖₁`.
 *
 * @module
 */
import { throwAbort } from '../paths/search.js';
import { ConvergenceError } from './convergence-error.js';
import { PROGRESS_REPORTS } from './shortest-distances.js';
import type { WeightedView } from './weights.js';

/** What `pagerank` sets up once and either solver reads. */
export interface PageRankProblem {
  readonly view: WeightedView;
  /** Each person's total tie weight, `D` (0 for a person without ties: a dangling person). */
  readonly total: Float64Array;
  /** The jump (and dangling) distribution `p` by index, summing to 1. */
  readonly jump: Float64Array;
  readonly alpha: number;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * A restart must at least halve the residual it starts from; otherwise the solve has stalled
 * at what double precision allows.
 */
const STALL = 0.5;

/**
 * Totals from which the product of two roots, `√D_u √D_v ≥ 1e-300`, is a normal number, so a
 * coefficient can be one division.
 */
const SAFE_PRODUCT = 1e-300;

/**
 * PageRank by index, summing to 1, from the conjugate gradient method (Hestenes & Stiefel 1952)
 * on `(I − α S) y = b`, `b = D^{-1/2} p`, started from `y = 0`, with `x = D^{1/2} y` (`p` for
 * people without ties) normalised to sum 1.
 *
 * It stops after the first iteration whose residual `r = b − A y` has
 * `‖D^{1/2} r‖₁ ≤ tolerance · ‖D^{1/2} b‖₁`, i.e. `‖p − B x̃‖₁ ≤ tolerance · ‖p‖₁` over the
 * people with ties. The residual is updated recursively, as usual; once it passes (or its
 * Euclidean norm, which the method minimises, is down to rounding), it is recomputed from `y`
 * (one more pass over the ties), since the two drift apart in floating point. If the recomputed
 * one does not pass, the method restarts from it; if a restart did not halve it, the solve has
 * stalled and `undefined` is returned. Each iteration is one pass over the ties and two more over
 * the people, on typed arrays allocated up front.
 *
 * The coefficient of a tie, `w / (√D_u √D_v)`, is one division by the product of the roots when
 * every total is at least 1e-300 (the product is then a normal number). Otherwise it is `w`
 * divided by the smaller root and then by the larger: as `w ≤ min(D_u, D_v)`, neither step
 * overflows even for totals near 5e-324, and the result is not lost to underflow. Each tie is
 * stored once, under its lower-numbered end, and serves both rows of a product, so `S` is
 * exactly symmetric and a product reads every tie once. `b` is divided by its
 * largest entry (`p_i / √D_i` reaches 1e161 for such totals, and its square would overflow);
 * the scale cancels in the normalisation.
 *
 * @returns The scores by index, or `undefined` when the system cannot be formed or solved in
 *   floating point (a total that overflowed to Infinity, another non-finite intermediate, or a
 *   stalled solve): the caller then runs the power iteration.
 * @throws ConvergenceError when `maxIterations` iterations do not bring
 *   `‖p − B x̃‖₁ / ‖p‖₁` to the tolerance (its `residual` is that ratio).
 * @throws The signal's reason when `signal` aborts.
 */
export function pagerankConjugateGradient(problem: PageRankProblem): Float64Array | undefined {
  const { view, total, jump, alpha, tolerance, maxIterations, onProgress, signal } = problem;
  const n = view.n;
  const { offsets, neighbors } = view.compiled;
  const weights = view.weights;

  // √D, and b = D^{-1/2} p over the people with ties (0 for the others, who are solved apart).
  const root = new Float64Array(n);
  const rhs = new Float64Array(n);
  let largest = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (let v = 0; v < n; v++) {
    const d = total[v] as number;
    if (d === 0) continue;
    if (!(d < Number.POSITIVE_INFINITY)) return undefined;
    if (d < smallest) smallest = d;
    const r = Math.sqrt(d);
    root[v] = r;
    const b = (jump[v] as number) / r;
    rhs[v] = b;
    if (b > largest) largest = b;
  }
  // The unnormalised result, scaled as b is: p_i / largest for the people without ties.
  const x = new Float64Array(n);
  const scale = largest > 0 ? largest : 1;
  for (let v = 0; v < n; v++) {
    if (total[v] !== 0) continue;
    const value = (jump[v] as number) / scale;
    if (!(value < Number.POSITIVE_INFINITY)) return undefined;
    x[v] = value;
  }

  if (largest > 0) {
    let bb = 0;
    let pNorm = 0;
    for (let v = 0; v < n; v++) {
      const b = (rhs[v] as number) / largest;
      rhs[v] = b;
      bb += b * b;
      pNorm += (root[v] as number) * b;
    }
    // S is symmetric: each tie is kept once, from its lower-numbered end, which halves what every
    // product reads (each tie appears once from each end in the adjacency, self-ties never).
    const upperOffsets = new Uint32Array(n + 1);
    const upperNeighbors = new Uint32Array(weights.length / 2);
    const coefficient = new Float64Array(weights.length / 2);
    let k = 0;
    for (let u = 0; u < n; u++) {
      upperOffsets[u] = k;
      const ru = root[u] as number;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = neighbors[e] as number;
        if (v < u) continue;
        const rv = root[v] as number;
        const w = weights[e] as number;
        upperNeighbors[k] = v;
        coefficient[k++] =
          smallest >= SAFE_PRODUCT ? w / (ru * rv) : ru <= rv ? w / ru / rv : w / rv / ru;
      }
    }
    upperOffsets[n] = k;
    const y = new Float64Array(n);
    const solved = conjugateGradient(
      {
        offsets: upperOffsets,
        neighbors: upperNeighbors,
        coefficient,
        alpha,
        rhs,
        root,
        bNorm: Math.sqrt(bb),
        pNorm,
        pending: new Float64Array(n),
      },
      {
        y,
        residual: Float64Array.from(rhs),
        direction: Float64Array.from(rhs),
        product: new Float64Array(n),
      },
      { tolerance, maxIterations, onProgress, signal },
    );
    if (!solved) return undefined;
    for (let v = 0; v < n; v++) {
      // The exact y is ≥ 0 (A is an M-matrix and b ≥ 0); an approximation may dip below 0 where
      // the exact value is tiny, and 0 is closer to it.
      if (total[v] !== 0) x[v] = Math.max(0, (root[v] as number) * (y[v] as number));
    }
  } else {
    // Nobody with ties gets any jumps: they score 0 and the walker stays among the others.
    onProgress?.(maxIterations, maxIterations);
  }

  let sum = 0;
  for (let v = 0; v < n; v++) sum += x[v] as number;
  if (!(sum > 0 && sum < Number.POSITIVE_INFINITY)) return undefined;
  for (let v = 0; v < n; v++) x[v] = (x[v] as number) / sum;
  return x;
}

/**
 * The matrix `A = I − α S` (S's upper triangle: each tie once, under its lower-numbered end),
 * the right-hand side and its norms.
 */
interface LinearSystem {
  readonly offsets: Uint32Array;
  readonly neighbors: Uint32Array;
  readonly coefficient: Float64Array;
  /** What rows before each person added to its row of a product (all 0 between products). */
  readonly pending: Float64Array;
  readonly alpha: number;
  readonly rhs: Float64Array;
  /** √D by person (0 for people without ties). */
  readonly root: Float64Array;
  /** `‖b‖₂`. */
  readonly bNorm: number;
  /** `‖D^{1/2} b‖₁`, the jump weight of the people with ties (scaled as b). */
  readonly pNorm: number;
}

/** The iterate, residual, search direction and `A · direction`, overwritten in place. */
interface Workspace {
  readonly y: Float64Array;
  readonly residual: Float64Array;
  readonly direction: Float64Array;
  readonly product: Float64Array;
}

interface Stopping {
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * Conjugate gradients from `y = 0` (`residual = direction = b`), in place. False when the
 * arithmetic broke down (a non-finite or non-positive curvature `d · A d`) or the solve stalled.
 */
function conjugateGradient(
  system: LinearSystem,
  work: Workspace,
  { tolerance, maxIterations, onProgress, signal }: Stopping,
): boolean {
  const { root, bNorm, pNorm } = system;
  const { y, residual, direction, product } = work;
  const n = y.length;
  const every = Math.max(1, Math.ceil(maxIterations / PROGRESS_REPORTS));
  const target = tolerance * pNorm;
  const roundoff = Number.EPSILON * bNorm;
  let rr = bNorm * bNorm;
  // The recomputed residual (‖D^{1/2} r‖₁) the last restart started from.
  let restartedAt = Number.POSITIVE_INFINITY;
  for (let iteration = 1; ; iteration++) {
    if (signal?.aborted) throwAbort(signal);
    // product = A · direction, and direction · product.
    multiply(system, direction, product);
    let curvature = 0;
    for (let v = 0; v < n; v++) curvature += (direction[v] as number) * (product[v] as number);
    if (!(curvature > 0 && curvature < Number.POSITIVE_INFINITY)) return false;
    const step = rr / curvature;
    let next = 0;
    let weighted = 0;
    for (let v = 0; v < n; v++) {
      y[v] = (y[v] as number) + step * (direction[v] as number);
      const r = (residual[v] as number) - step * (product[v] as number);
      residual[v] = r;
      next += r * r;
      weighted += (root[v] as number) * Math.abs(r);
    }
    let beta = next / rr;
    rr = next;
    if (weighted <= target || Math.sqrt(rr) <= roundoff) {
      // Recompute r = b − A y; stop if it passes, otherwise restart from it (steepest descent
      // first) unless the last restart did not get far enough below where it started.
      weighted = trueResidual(system, y, residual);
      if (weighted <= target) {
        onProgress?.(maxIterations, maxIterations);
        return true;
      }
      if (!(weighted < STALL * restartedAt)) return false;
      restartedAt = weighted;
      rr = 0;
      for (let v = 0; v < n; v++) rr += (residual[v] as number) ** 2;
      beta = 0;
    }
    if (!(rr < Number.POSITIVE_INFINITY && weighted < Number.POSITIVE_INFINITY)) return false;
    if (iteration >= maxIterations)
      throw new ConvergenceError('pagerank', maxIterations, weighted / pNorm, tolerance);
    for (let v = 0; v < n; v++)
      direction[v] = (residual[v] as number) + beta * (direction[v] as number);
    if (onProgress !== undefined && iteration % every === 0) onProgress(iteration, maxIterations);
  }
}

/**
 * `out = A x`, in one pass over the upper triangle: a tie u–v (u < v) adds to row u at once and
 * to row v through `pending`, which is complete when row v's turn comes and is left at 0.
 */
function multiply(system: LinearSystem, x: Float64Array, out: Float64Array): void {
  const { offsets, neighbors, coefficient, alpha, pending } = system;
  for (let u = 0; u < x.length; u++) {
    const xu = x[u] as number;
    let sum = pending[u] as number;
    pending[u] = 0;
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const v = neighbors[e] as number;
      const c = coefficient[e] as number;
      sum += c * (x[v] as number);
      pending[v] = (pending[v] as number) + c * xu;
    }
    out[u] = xu - alpha * sum;
  }
}

/** Writes `b − A y` into `residual` and returns `‖D^{1/2} (b − A y)‖₁`. */
function trueResidual(system: LinearSystem, y: Float64Array, residual: Float64Array): number {
  const { rhs, root } = system;
  multiply(system, y, residual);
  let weighted = 0;
  for (let v = 0; v < y.length; v++) {
    const r = (rhs[v] as number) - (residual[v] as number);
    residual[v] = r;
    weighted += (root[v] as number) * Math.abs(r);
  }
  return weighted;
}

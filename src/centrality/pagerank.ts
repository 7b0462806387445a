/**
 * PageRank, as NetworkX 2.8's `pagerank(G, weight=...)`: the options, the set-up both solvers
 * share (totals, jump distribution), and NetworkX's power iteration. The linear-system solver is
 * in pagerank-linear.ts.
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { didYouMean } from '../model/suggest.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { throwAbort } from '../paths/search.js';
import { ConvergenceError } from './convergence-error.js';
import { checkNumber, checkOptions, type ProgressOptions } from './options.js';
import { type PageRankProblem, pagerankConjugateGradient } from './pagerank-linear.js';
import { PROGRESS_REPORTS } from './shortest-distances.js';
import { scoresByPerson, type TieWeight, type WeightedView, weightedView } from './weights.js';

/** Where the random surfer jumps to: a weight per person id (others get 0). */
export type Personalization = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * How {@link pagerank} computes the scores: `'power'`, NetworkX's power iteration, or
 * `'conjugate-gradient'`, the same scores as the solution of a sparse linear system.
 */
export type PageRankSolver = 'power' | 'conjugate-gradient';

const SOLVERS: readonly PageRankSolver[] = ['power', 'conjugate-gradient'];

/** Options of {@link pagerank}. */
export interface PageRankOptions extends ProgressOptions, ViewerOptions {
  /** Tie weights, read as similarities (default `'strength'`). */
  readonly weight?: TieWeight;
  /** Probability of following a tie rather than jumping (default 0.85), in [0, 1]. */
  readonly alpha?: number;
  /**
   * When to stop (default 1e-6). `'power'`: at the first iterate whose L1 change is below
   * `n × tolerance` (the scores are then within `alpha / (1 − alpha) × n × tolerance` of the
   * exact ones, in L1 norm). `'conjugate-gradient'`: at the first iterate whose residual in the
   * PageRank linear system is at most `tolerance` times its right-hand side, in L1 norm (the
   * scores are then within `2 × tolerance` of the exact ones, in L1 norm; see {@link pagerank}).
   */
  readonly tolerance?: number;
  /** Iterations allowed before throwing {@link ConvergenceError} (default 100). */
  readonly maxIterations?: number;
  /**
   * Jump (and dangling) distribution: a non-negative weight per person id, normalised to sum
   * 1; people left out get 0. Default: uniform.
   */
  readonly personalization?: Personalization;
  /**
   * `'power'` (default): NetworkX's power iteration, iterate for iterate. `'conjugate-gradient'`:
   * the conjugate gradient method on the equivalent linear system, which reaches a given
   * accuracy in fewer passes over the ties; needs `alpha < 1`.
   */
  readonly solver?: PageRankSolver;
}

/** The defaults of {@link PageRankOptions}. */
export const PAGERANK_DEFAULTS = Object.freeze({
  weight: 'strength' as TieWeight,
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: 100,
  solver: 'power' as PageRankSolver,
});

const OPTION_NAMES = [
  'weight',
  'alpha',
  'tolerance',
  'maxIterations',
  'personalization',
  'solver',
  'onProgress',
  'signal',
  'viewer',
] as const;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * PageRank of every person: the long-run share of time a random walker spends with them, who
 * at each step follows one of the person's ties with probability `alpha` (each tie in
 * proportion to its weight) or otherwise jumps to someone drawn from `personalization`
 * (uniform by default). A person without ties sends the walker to the personalization
 * distribution too. The network is seen as undirected (see `weightedView`).
 *
 * `solver: 'power'` (the default) is exactly NetworkX's power iteration: start from the uniform
 * vector, iterate `x ← alpha · (x P + (Σ dangling x) · p) + (1 − alpha) · p` with `P` the
 * weight-normalised (right-stochastic) adjacency, stop at the first iterate whose L1 change is
 * below `n × tolerance` and return it as is (it sums to 1 up to rounding). One pass over the
 * ties per iteration. The iteration contracts by `alpha` in L1 norm, so the result is within
 * `alpha / (1 − alpha) × n × tolerance` of the exact scores in L1 norm.
 *
 * `solver: 'conjugate-gradient'` computes the same scores as the solution of a sparse linear
 * system (Del Corso, Gullí & Romani 2005; Langville & Meyer 2006). With `W` the tie weights,
 * `D` each person's total weight and `p` the personalization, the scores `x` solve
 * `B x = p` with `B = I − alpha W D⁻¹` among the people with ties and equal `p` for those
 * without, before they are normalised to sum 1. Put as `x = D^{1/2} y`, the system
 * `(I − alpha S) y = b` with `S = D^{-1/2} W D^{-1/2}` and `b = D^{-1/2} p` is symmetric
 * positive definite, its eigenvalues in [1 − alpha, 1 + alpha], and the conjugate gradient
 * method (Hestenes & Stiefel 1952) solves it from `y = 0`, its error shrinking at least by
 * `(√κ − 1) / (√κ + 1)` per pass over the ties, `κ = (1 + alpha) / (1 − alpha)`: 0.56 at
 * alpha = 0.85, where the power iteration's shrinks by 0.85.
 *
 * It stops at the first iterate whose residual in `B x = p` is at most `tolerance` times the
 * right-hand side in L1 norm, over the people with ties: `‖p − B x‖₁ ≤ tolerance · ‖p‖₁`
 * (equivalently `‖D^{1/2} r‖₁ ≤ tolerance · ‖D^{1/2} b‖₁` for the symmetrised residual `r`),
 * checked on a residual recomputed from `x` (one more pass). As `W D⁻¹` is column-stochastic,
 * this bounds the L1 error of the scores before normalisation by `tolerance` times their L1
 * norm, and of the returned scores by `2 × tolerance`, whatever the size of the network. It
 * bounds the sum of the errors: the smallest scores carry the largest relative errors. (The
 * Euclidean norm of `r`, which the method minimises, would not do as a stopping rule: it weighs
 * people by `1 / √D`, and where totals span many orders of magnitude it can be at rounding level
 * while people with large totals are still far off.)
 *
 * Each tie's coefficient `w / (√D_u √D_v)` is computed as `(w / √D_u) / √D_v`, smaller root
 * first, when some total is below 1e-300 (otherwise in one division): neither overflows nor
 * underflows for totals as small as 5e-324. The solver falls back to the power iteration, with
 * the same options, when a total overflows to Infinity, a step of the solve is not finite, or
 * the solve stalls before the tolerance (a restart from the recomputed residual does not halve
 * it): this happens when totals span so many orders of magnitude (strengths near 5e-324 next to
 * strengths near 1) that double precision cannot resolve the system, or when the tolerance is
 * below what double precision allows (about 1e-15). The system is singular at `alpha = 1`,
 * which this solver rejects.
 *
 * Progress counts iterations against `maxIterations`; on convergence a last report gives
 * `done === total`.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's PageRank, in `network.people` order (id order for a compiled
 *   network); an empty map for an empty network.
 * @throws InvalidOptionsError for unknown options, `alpha` outside [0, 1] (or equal to 1 with
 *   `solver: 'conjugate-gradient'`), a `tolerance` that is not > 0, a `maxIterations` that is
 *   not a positive integer, a `solver` other than `'power'` and `'conjugate-gradient'`, a
 *   `personalization` naming unknown people, holding negative or non-finite weights or summing
 *   to 0, an unknown `weight` name, or a weight function returning anything but a finite
 *   number > 0 (all listed at once).
 * @throws ConvergenceError when `maxIterations` iterations do not reach the tolerance (its
 *   `residual` is the last L1 change for `'power'`, the last `‖p − B x‖₁ / ‖p‖₁` for
 *   `'conjugate-gradient'`).
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const ranks = pagerank(network);
 * const personal = pagerank(network, { personalization: new Map([['jacob', 1]]) });
 * // Within 2e-10 of the exact scores (L1), in fewer passes than the power iteration:
 * const exact = pagerank(network, { solver: 'conjugate-gradient', tolerance: 1e-10 });
 * ```
 * @see L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation ranking: bringing
 *   order to the web", Stanford InfoLab technical report 1999-66.
 * @see NetworkX `pagerank`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.link_analysis.pagerank_alg.pagerank.html
 * @see G. M. Del Corso, A. Gullí and F. Romani, "Fast PageRank computation via a sparse linear
 *   system", Internet Mathematics 2(3) (2005) 251–273.
 * @see A. N. Langville and C. D. Meyer, "Google's PageRank and Beyond: The Science of Search
 *   Engine Rankings", Princeton University Press (2006), on PageRank as a linear system.
 * @see M. R. Hestenes and E. Stiefel, "Methods of conjugate gradients for solving linear
 *   systems", Journal of Research of the National Bureau of Standards 49(6) (1952) 409–436.
 */
export function pagerank(
  network: Network | CompiledNetwork,
  options?: PageRankOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    checkNumber(record, 'alpha', issues, { min: 0, max: 1 });
    checkNumber(record, 'tolerance', issues, { min: 0, minOpen: true });
    checkNumber(record, 'maxIterations', issues, { min: 1, integer: true });
    const solver = record['solver'];
    if (solver !== undefined && !SOLVERS.includes(solver as PageRankSolver)) {
      const got = typeof solver === 'string' ? JSON.stringify(solver) : String(solver);
      issues.push({
        code: 'invalid_value',
        path: 'solver',
        message: `must be 'power' or 'conjugate-gradient', got ${got}${typeof solver === 'string' ? didYouMean(solver, SOLVERS) : ''}`,
      });
    }
    if (solver === 'conjugate-gradient' && record['alpha'] === 1) {
      issues.push({
        code: 'out_of_range',
        path: 'alpha',
        message:
          "must be < 1 with solver 'conjugate-gradient' (its linear system is singular at 1); use solver 'power'",
      });
    }
    const personalization = record['personalization'];
    if (
      personalization !== undefined &&
      !(personalization instanceof Map) &&
      !isPlainRecord(personalization)
    ) {
      issues.push({
        code: 'invalid_type',
        path: 'personalization',
        message: 'must be a Map or an object from person id to a number ≥ 0',
      });
    }
  });
  const maxIterations = options?.maxIterations ?? PAGERANK_DEFAULTS.maxIterations;
  const onProgress = options?.onProgress;
  const signal = options?.signal;
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? PAGERANK_DEFAULTS.weight,
    'similarity',
  );
  const jump = jumpDistribution(view, options?.personalization);
  if (signal?.aborted) throwAbort(signal);
  if (view.n === 0) {
    onProgress?.(maxIterations, maxIterations);
    return new Map();
  }
  const problem: PageRankProblem = {
    view,
    total: tieTotals(view),
    jump,
    alpha: options?.alpha ?? PAGERANK_DEFAULTS.alpha,
    tolerance: options?.tolerance ?? PAGERANK_DEFAULTS.tolerance,
    maxIterations,
    onProgress,
    signal,
  };
  const solver = options?.solver ?? PAGERANK_DEFAULTS.solver;
  const solved = solver === 'conjugate-gradient' ? pagerankConjugateGradient(problem) : undefined;
  return scoresByPerson(view, solved ?? powerIteration(problem));
}

/** Each person's total tie weight (0 for a person without ties). */
function tieTotals(view: WeightedView): Float64Array {
  const { offsets } = view.compiled;
  const weights = view.weights;
  const total = new Float64Array(view.n);
  for (let u = 0; u < view.n; u++) {
    let sum = 0;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++)
      sum += weights[e] as number;
    total[u] = sum;
  }
  return total;
}

/** NetworkX's power iteration, from the uniform vector; the scores by index. */
function powerIteration(problem: PageRankProblem): Float64Array {
  const { view, total, jump, alpha, tolerance, maxIterations, onProgress, signal } = problem;
  const n = view.n;
  const { offsets, neighbors } = view.compiled;
  const weights = view.weights;
  // What each tie passes on: its weight over its far end's total, once. (x / total, per person,
  // overflows to Infinity for totals below ~1e-308, which strengths as small as 5e-324 give.)
  const share = new Float64Array(weights.length);
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++)
      share[e] = (weights[e] as number) / (total[neighbors[e] as number] as number);
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const every = Math.max(1, Math.ceil(maxIterations / PROGRESS_REPORTS));
  let change = Number.POSITIVE_INFINITY;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (signal?.aborted) throwAbort(signal);
    let dangling = 0;
    for (let u = 0; u < n; u++) if (total[u] === 0) dangling += x[u] as number;
    change = 0;
    for (let v = 0; v < n; v++) {
      // The network is undirected, so what v receives is read from v's own adjacency.
      let received = 0;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++)
        received += (x[neighbors[e] as number] as number) * (share[e] as number);
      const p = jump[v] as number;
      const value = alpha * (received + dangling * p) + (1 - alpha) * p;
      next[v] = value;
      change += Math.abs(value - (x[v] as number));
    }
    [x, next] = [next, x];
    if (change < n * tolerance) {
      onProgress?.(maxIterations, maxIterations);
      return x;
    }
    if (onProgress !== undefined && iteration % every === 0 && iteration !== maxIterations)
      onProgress(iteration, maxIterations);
  }
  throw new ConvergenceError('pagerank', maxIterations, change, n * tolerance);
}

/** The personalization vector by index, normalised to sum 1 (uniform when not given). */
function jumpDistribution(view: WeightedView, personalization: unknown): Float64Array {
  const n = view.n;
  const jump = new Float64Array(n);
  if (personalization === undefined) return jump.fill(1 / n);
  const entries: [unknown, unknown][] =
    personalization instanceof Map
      ? [...personalization.entries()]
      : Object.entries(personalization as Record<string, unknown>);
  const issues: Issue[] = [];
  const { indexOf, ids } = view.compiled;
  let sum = 0;
  for (const [id, value] of entries) {
    const path = `personalization[${JSON.stringify(String(id))}]`;
    const index = typeof id === 'string' ? indexOf.get(id) : undefined;
    if (index === undefined) {
      issues.push({
        code: 'unknown_reference',
        path,
        message: `unknown person ${JSON.stringify(String(id))}${typeof id === 'string' ? didYouMean(id, ids) : ''}`,
      });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      issues.push({
        code: 'out_of_range',
        path,
        message: `must be a finite number ≥ 0, got ${String(value)}`,
      });
    } else {
      jump[index] = value;
      sum += value;
    }
  }
  if (issues.length === 0 && !(sum > 0 && Number.isFinite(sum))) {
    issues.push({
      code: 'out_of_range',
      path: 'personalization',
      message: `its weights must add up to a finite number > 0, got ${sum}`,
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  for (let v = 0; v < n; v++) jump[v] = (jump[v] as number) / sum;
  return jump;
}

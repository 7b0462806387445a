/**
 * PageRank, as NetworkX 2.8's `pagerank(G, weight=...)`.
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
import { PROGRESS_REPORTS } from './shortest-distances.js';
import { scoresByPerson, type TieWeight, type WeightedView, weightedView } from './weights.js';

/** Where the random surfer jumps to: a weight per person id (others get 0). */
export type Personalization = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Options of {@link pagerank}. */
export interface PageRankOptions extends ProgressOptions, ViewerOptions {
  /** Tie weights, read as similarities (default `'strength'`). */
  readonly weight?: TieWeight;
  /** Probability of following a tie rather than jumping (default 0.85), in [0, 1]. */
  readonly alpha?: number;
  /** Converged when the L1 change of an iteration is below `n × tolerance` (default 1e-6). */
  readonly tolerance?: number;
  /** Iterations allowed before throwing {@link ConvergenceError} (default 100). */
  readonly maxIterations?: number;
  /**
   * Jump (and dangling) distribution: a non-negative weight per person id, normalised to sum
   * 1; people left out get 0. Default: uniform.
   */
  readonly personalization?: Personalization;
}

/** The defaults of {@link PageRankOptions}. */
export const PAGERANK_DEFAULTS = Object.freeze({
  weight: 'strength' as TieWeight,
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: 100,
});

const OPTION_NAMES = [
  'weight',
  'alpha',
  'tolerance',
  'maxIterations',
  'personalization',
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
 * Exactly NetworkX's power iteration: start from the uniform vector, iterate
 * `x ← alpha · (x P + (Σ dangling x) · p) + (1 − alpha) · p` with `P` the weight-normalised
 * (right-stochastic) adjacency, stop at the first iterate whose L1 change is below
 * `n × tolerance` and return it as is (it sums to 1 up to rounding). One pass over the ties
 * per iteration.
 *
 * Progress counts iterations against `maxIterations`; on convergence a last report gives
 * `done === total`.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's PageRank, in `network.people` order (id order for a compiled
 *   network); an empty map for an empty network.
 * @throws InvalidOptionsError for unknown options, `alpha` outside [0, 1], a `tolerance` that
 *   is not > 0, a `maxIterations` that is not a positive integer, a `personalization` naming
 *   unknown people, holding negative or non-finite weights or summing to 0, an unknown `weight`
 *   name, or a weight function returning anything but a finite number > 0 (all listed at once).
 * @throws ConvergenceError when `maxIterations` iterations do not reach the tolerance.
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const ranks = pagerank(network);
 * const personal = pagerank(network, { personalization: new Map([['jacob', 1]]) });
 * ```
 * @see L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation ranking: bringing
 *   order to the web", Stanford InfoLab technical report 1999-66.
 * @see NetworkX `pagerank`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.link_analysis.pagerank_alg.pagerank.html
 */
export function pagerank(
  network: Network | CompiledNetwork,
  options?: PageRankOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    checkNumber(record, 'alpha', issues, { min: 0, max: 1 });
    checkNumber(record, 'tolerance', issues, { min: 0, minOpen: true });
    checkNumber(record, 'maxIterations', issues, { min: 1, integer: true });
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
  const alpha = options?.alpha ?? PAGERANK_DEFAULTS.alpha;
  const tolerance = options?.tolerance ?? PAGERANK_DEFAULTS.tolerance;
  const maxIterations = options?.maxIterations ?? PAGERANK_DEFAULTS.maxIterations;
  const onProgress = options?.onProgress;
  const signal = options?.signal;
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? PAGERANK_DEFAULTS.weight,
    'similarity',
  );
  const n = view.n;
  const jump = jumpDistribution(view, options?.personalization);
  if (signal?.aborted) throwAbort(signal);
  if (n === 0) {
    onProgress?.(maxIterations, maxIterations);
    return new Map();
  }

  const { offsets, neighbors } = view.compiled;
  const weights = view.weights;
  const total = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++)
      sum += weights[e] as number;
    total[u] = sum;
  }
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
      return scoresByPerson(view, x);
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

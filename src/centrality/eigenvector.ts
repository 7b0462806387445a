/**
 * Eigenvector centrality, as NetworkX 2.8's `eigenvector_centrality_numpy(G, weight=...)`.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { throwAbort } from '../paths/search.js';
import { ConvergenceError } from './convergence-error.js';
import { checkNumber, checkOptions, type ProgressOptions } from './options.js';
import { PROGRESS_REPORTS } from './shortest-distances.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link eigenvector}. */
export interface EigenvectorOptions extends ProgressOptions, ViewerOptions {
  /** Tie weights, read as similarities (default `'strength'`). */
  readonly weight?: TieWeight;
  /** Converged when an iteration moves the unit vector by less than this (L2; default 1e-10). */
  readonly tolerance?: number;
  /** Iterations allowed before throwing {@link ConvergenceError} (default 1000). */
  readonly maxIterations?: number;
}

/** The defaults of {@link EigenvectorOptions}. */
export const EIGENVECTOR_DEFAULTS = Object.freeze({
  weight: 'strength' as TieWeight,
  tolerance: 1e-10,
  maxIterations: 1000,
});

const OPTION_NAMES = [
  'weight',
  'tolerance',
  'maxIterations',
  'onProgress',
  'signal',
  'viewer',
] as const;

/**
 * Two components' largest eigenvalues closer than this (relative to the larger, or absolutely
 * below 1) count as equal.
 */
const EQUAL_EIGENVALUES = 1e-9;

/**
 * Eigenvector centrality of every person: the principal eigenvector of the weighted adjacency
 * matrix `A`, with positive entries and Euclidean norm 1. A person is central when their
 * neighbours are. The network is seen as undirected (see `weightedView`).
 *
 * Method: power iteration on `A + I`, which has the same eigenvectors as `A` and, unlike `A`,
 * no eigenvalue of the same magnitude as the largest on a bipartite network, so it converges
 * instead of oscillating. Each connected component is iterated (and normalised) separately, all
 * in one pass over the ties per iteration, from the uniform vector; the iteration stops when
 * every component that could hold the largest eigenvalue (see below) moves by less than
 * `tolerance` in Euclidean norm.
 *
 * A disconnected network: as in NetworkX, the result is the eigenvector of the largest
 * eigenvalue, so only the component(s) with the largest eigenvalue score, everyone else 0
 * (components whose largest weighted degree is below it are not iterated to convergence, since
 * their eigenvalue cannot be larger). When several components share the largest eigenvalue
 * (two identical components, or a network without ties) that eigenvector is not unique and
 * NetworkX's ARPACK returns an arbitrary one; warmpath returns the limit of the power iteration
 * from the uniform vector: each such component's unit eigenvector scaled by the sum of its
 * entries, then normalised (everyone equal, `1 / √n`, in a network without ties). Eigenvalues
 * within a relative 1e-9 of each other count as equal. An empty network gives an empty map
 * (NetworkX raises).
 *
 * Progress counts iterations against `maxIterations`; on convergence a last report gives
 * `done === total`.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's eigenvector centrality, in `network.people` order (id order for a
 *   compiled network).
 * @throws InvalidOptionsError for unknown options, a `tolerance` that is not > 0, a
 *   `maxIterations` that is not a positive integer, an unknown `weight` name, or a weight
 *   function returning anything but a finite number > 0.
 * @throws ConvergenceError when `maxIterations` iterations do not reach the tolerance (its
 *   `residual` is the largest L2 change among the components still in the running).
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const scores = eigenvector(network);
 * [...scores.values()].reduce((sum, x) => sum + x * x, 0); // 1
 * ```
 * @see P. Bonacich, "Factoring and weighting approaches to status scores and clique
 *   identification", Journal of Mathematical Sociology 2 (1972) 113–120.
 * @see M. E. J. Newman, "Networks: An Introduction", Oxford University Press (2010), §7.2.
 * @see NetworkX `eigenvector_centrality_numpy`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.centrality.eigenvector_centrality_numpy.html
 */
export function eigenvector(
  network: Network | CompiledNetwork,
  options?: EigenvectorOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    checkNumber(record, 'tolerance', issues, { min: 0, minOpen: true });
    checkNumber(record, 'maxIterations', issues, { min: 1, integer: true });
  });
  const tolerance = options?.tolerance ?? EIGENVECTOR_DEFAULTS.tolerance;
  const maxIterations = options?.maxIterations ?? EIGENVECTOR_DEFAULTS.maxIterations;
  const onProgress = options?.onProgress;
  const signal = options?.signal;
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? EIGENVECTOR_DEFAULTS.weight,
    'similarity',
  );
  const n = view.n;
  const { offsets, neighbors } = view.compiled;
  const weights = view.weights;
  if (signal?.aborted) throwAbort(signal);

  const { component, count, size, bound } = components(view.compiled, weights);
  let x = new Float64Array(n);
  for (let v = 0; v < n; v++) x[v] = 1 / Math.sqrt(size[component[v] as number] as number);
  let next = new Float64Array(n);
  // Per component: x·(A + I)x (the Rayleigh quotient plus 1), |(A + I)x|² and the change².
  const quotient = new Float64Array(count);
  const norm = new Float64Array(count);
  const changed = new Float64Array(count);
  const every = Math.max(1, Math.ceil(maxIterations / PROGRESS_REPORTS));
  let residual = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (signal?.aborted) throwAbort(signal);
    quotient.fill(0);
    norm.fill(0);
    changed.fill(0);
    for (let v = 0; v < n; v++) {
      const own = x[v] as number;
      let y = own;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++)
        y += (weights[e] as number) * (x[neighbors[e] as number] as number);
      next[v] = y;
      const c = component[v] as number;
      quotient[c] = (quotient[c] as number) + own * y;
      norm[c] = (norm[c] as number) + y * y;
    }
    for (let c = 0; c < count; c++) norm[c] = Math.sqrt(norm[c] as number);
    for (let v = 0; v < n; v++) {
      const c = component[v] as number;
      const y = (next[v] as number) / (norm[c] as number);
      next[v] = y;
      const d = y - (x[v] as number);
      changed[c] = (changed[c] as number) + d * d;
    }
    [x, next] = [next, x];
    // The Rayleigh quotient of a unit vector is a lower bound on its component's eigenvalue,
    // and the largest weighted degree an upper bound (Gershgorin): components whose bound is
    // below the best quotient cannot win and need not converge.
    largest = 0;
    for (let c = 0; c < count; c++) largest = Math.max(largest, (quotient[c] as number) - 1);
    const floor = largest - EQUAL_EIGENVALUES * Math.max(1, largest);
    residual = 0;
    for (let c = 0; c < count; c++) {
      if ((bound[c] as number) >= floor)
        residual = Math.max(residual, Math.sqrt(changed[c] as number));
    }
    if (residual < tolerance) {
      onProgress?.(maxIterations, maxIterations);
      return scoresByPerson(view, combine(x, component, quotient, floor));
    }
    if (onProgress !== undefined && iteration % every === 0 && iteration !== maxIterations)
      onProgress(iteration, maxIterations);
  }
  throw new ConvergenceError('eigenvector', maxIterations, residual, tolerance);
}

/**
 * Connected components (numbered in order of their smallest index), their sizes, and each
 * one's largest weighted degree, an upper bound on its largest eigenvalue.
 */
function components(g: CompiledNetwork, weights: Float64Array) {
  const n = g.nodeCount;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  const bounds: number[] = [];
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    const c = sizes.length;
    component[s] = c;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    let bound = 0;
    while (head < tail) {
      const u = queue[head++] as number;
      let degree = 0;
      for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
        degree += weights[e] as number;
        const v = g.neighbors[e] as number;
        if (component[v] === -1) {
          component[v] = c;
          queue[tail++] = v;
        }
      }
      bound = Math.max(bound, degree);
    }
    sizes.push(tail);
    bounds.push(bound);
  }
  return {
    component,
    count: sizes.length,
    size: Float64Array.from(sizes),
    bound: Float64Array.from(bounds),
  };
}

/**
 * The unit eigenvector of the largest eigenvalue: the components whose eigenvalue reaches
 * `floor`, each scaled by the sum of its entries (its share of the uniform start vector).
 */
function combine(
  x: Float64Array,
  component: Int32Array,
  quotient: Float64Array,
  floor: number,
): Float64Array {
  const n = x.length;
  const sums = new Float64Array(quotient.length);
  for (let v = 0; v < n; v++) {
    const c = component[v] as number;
    sums[c] = (sums[c] as number) + (x[v] as number);
  }
  const out = new Float64Array(n);
  let squares = 0;
  for (let v = 0; v < n; v++) {
    const c = component[v] as number;
    if ((quotient[c] as number) - 1 < floor) continue;
    const value = (sums[c] as number) * (x[v] as number);
    out[v] = value;
    squares += value * value;
  }
  const length = Math.sqrt(squares);
  for (let v = 0; v < n; v++) out[v] = (out[v] as number) / length;
  return out;
}

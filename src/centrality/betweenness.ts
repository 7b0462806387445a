/**
 * Betweenness centrality (Freeman 1977) by Brandes' algorithm (2001), weighted by distance, with
 * source sampling (Brandes & Pich 2007) and restriction to chosen sources, targets or pairs.
 *
 * @module
 */
import { UnknownEntityError } from '../errors.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import { NodeHeap } from '../graph/heap.js';
import { seededRandom } from '../graph/random.js';
import type { Network } from '../model/network.js';
import { closest } from '../model/suggest.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { throwAbort } from '../paths/search.js';
import { accumulateDependencies, createBrandesBuffers, shortestPathDag } from './brandes.js';
import {
  type BucketShape,
  bucketShape,
  createBucketQueue,
  shortestPathDagBuckets,
} from './brandes-buckets.js';
import { checkNumber, checkOptions, type ProgressOptions } from './options.js';
import { scoresByPerson, type TieWeight, type WeightedView, weightedView } from './weights.js';

/** Options of {@link betweenness}. */
export interface BetweennessOptions extends ProgressOptions, ViewerOptions {
  /** Tie weight read as a distance (default `'cost'`, i.e. `-ln strength`; `'unweighted'` counts hops). */
  readonly weight?: TieWeight;
  /** Divide by the number of pairs not involving the person, (n−1)(n−2)/2 (default true, as NetworkX). */
  readonly normalized?: boolean;
  /** Estimate from this many sources drawn at random (seeded) instead of all. */
  readonly sample?: number;
  /** Seed of the sample (default 1). */
  readonly seed?: number;
  /** Count only shortest paths starting at these people. */
  readonly sources?: readonly string[];
  /** Count only shortest paths ending at these people. */
  readonly targets?: readonly string[];
  /** Count only shortest paths between these (source, target) pairs. */
  readonly pairs?: readonly (readonly [string, string])[];
}

/** The defaults of {@link BetweennessOptions}. */
export const BETWEENNESS_DEFAULTS = Object.freeze({
  weight: 'cost' as TieWeight,
  normalized: true,
  seed: 1,
});

const OPTION_NAMES = [
  'weight',
  'normalized',
  'sample',
  'seed',
  'sources',
  'targets',
  'pairs',
  'onProgress',
  'signal',
  'viewer',
];

/** Work to do: which sources, and for each, which targets (`null` = everyone). */
export interface BetweennessPlan {
  readonly view: WeightedView;
  readonly unweighted: boolean;
  readonly sources: Int32Array;
  readonly targetsOf: (source: number) => Int32Array | null;
  /** Factor applied to the accumulated dependencies. */
  readonly scale: number;
  /** The bucket queue's shape when every step costs more than 0, else `null` (heap or BFS). */
  readonly buckets: BucketShape | null;
}

/**
 * Checks options and works out the sources, targets and scale.
 * @throws InvalidOptionsError, UnknownEntityError.
 */
export function planBetweenness(
  network: Network | CompiledNetwork,
  options: BetweennessOptions | undefined,
): BetweennessPlan {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    checkNumber(record, 'sample', issues, { min: 1, integer: true });
    checkNumber(record, 'seed', issues, { integer: true });
    if (record['normalized'] !== undefined && typeof record['normalized'] !== 'boolean') {
      issues.push({ code: 'invalid_type', path: 'normalized', message: 'must be a boolean' });
    }
    for (const key of ['sources', 'targets']) {
      const list = record[key];
      if (
        list !== undefined &&
        (!Array.isArray(list) || !list.every((id) => typeof id === 'string'))
      ) {
        issues.push({ code: 'invalid_type', path: key, message: 'must be an array of person ids' });
      }
    }
    const pairs = record['pairs'];
    const pairOk = (pair: unknown) =>
      Array.isArray(pair) && pair.length === 2 && pair.every((id) => typeof id === 'string');
    if (pairs !== undefined && (!Array.isArray(pairs) || !pairs.every(pairOk))) {
      issues.push({
        code: 'invalid_type',
        path: 'pairs',
        message: 'must be an array of [source, target] person-id pairs',
      });
    }
    if (
      pairs !== undefined &&
      (record['sources'] !== undefined || record['targets'] !== undefined)
    ) {
      issues.push({
        code: 'inconsistent',
        path: 'pairs',
        message: 'give either pairs or sources/targets, not both',
      });
    }
  });
  const weight = options?.weight ?? BETWEENNESS_DEFAULTS.weight;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'distance');
  const n = view.n;
  const index = requirePeople(view, [
    ...(options?.sources ?? []),
    ...(options?.targets ?? []),
    ...(options?.pairs ?? []).flat(),
  ]);
  let sources: Int32Array;
  let targetsOf: (source: number) => Int32Array | null = () => null;
  if (options?.pairs !== undefined) {
    const bySource = new Map<number, number[]>();
    for (const [a, b] of options.pairs) {
      const list = bySource.get(index(a)) ?? [];
      list.push(index(b));
      bySource.set(index(a), list);
    }
    sources = Int32Array.from([...bySource.keys()].sort((x, y) => x - y));
    const lists = new Map([...bySource].map(([s, list]) => [s, Int32Array.from(new Set(list))]));
    targetsOf = (s) => lists.get(s) ?? new Int32Array(0);
  } else {
    sources =
      options?.sources === undefined
        ? Int32Array.from({ length: n }, (_, i) => i)
        : Int32Array.from(new Set(options.sources.map(index))).sort();
    if (options?.targets !== undefined) {
      const targets = Int32Array.from(new Set(options.targets.map(index)));
      targetsOf = () => targets;
    }
  }
  let scale = 1;
  const sample = options?.sample;
  if (sample !== undefined && sample < sources.length) {
    const random = seededRandom(options?.seed ?? BETWEENNESS_DEFAULTS.seed);
    const pool = Array.from(sources);
    for (let i = 0; i < sample; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    scale = sources.length / sample;
    sources = Int32Array.from(pool.slice(0, sample)).sort();
  }
  const normalized = options?.normalized ?? BETWEENNESS_DEFAULTS.normalized;
  // As NetworkX: normalised by (n−1)(n−2); otherwise halved, as each undirected pair is seen from both ends.
  scale *= normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5;
  const unweighted = weight === 'unweighted';
  const buckets = unweighted ? null : bucketShape(view.weights, n);
  return { view, unweighted, sources, targetsOf, scale, buckets };
}

/** Index lookup for the ids a caller named, after checking they all exist. */
export function requirePeople(view: WeightedView, ids: readonly string[]): (id: string) => number {
  const g = view.compiled;
  const missing = [...new Set(ids.filter((id) => !g.indexOf.has(id)))];
  if (missing.length > 0) {
    throw new UnknownEntityError(
      missing.map((id) => ({ entity: 'person', id, suggestion: closest(id, g.indexOf.keys()) })),
    );
  }
  return (id) => g.indexOf.get(id) as number;
}

/** Runs a plan's sources `from` to `to` (exclusive) in this thread, adding into `total`. */
export function runBetweenness(
  plan: BetweennessPlan,
  total: Float64Array,
  progress?: ProgressOptions,
): void {
  const g = plan.view.compiled;
  const buffers = createBrandesBuffers(plan.view.n, g.neighbors.length);
  const { buckets } = plan;
  const queue = buckets === null ? null : createBucketQueue(plan.view.n, buckets.slots);
  const heap = new NodeHeap(buckets === null ? plan.view.n : 1);
  const { offsets, neighbors } = g;
  const weights = plan.view.weights;
  const count = plan.sources.length;
  const every = Math.max(1, Math.floor(count / 100));
  for (let i = 0; i < count; i++) {
    if (progress?.signal?.aborted) throwAbort(progress.signal);
    const s = plan.sources[i] as number;
    const reached =
      buckets !== null && queue !== null
        ? shortestPathDagBuckets(s, offsets, neighbors, weights, buckets, buffers, queue)
        : shortestPathDag(s, offsets, neighbors, weights, plan.unweighted, null, buffers, heap);
    accumulateDependencies(s, reached, buffers, total, plan.targetsOf(s));
    if (progress?.onProgress && ((i + 1) % every === 0 || i + 1 === count))
      progress.onProgress(i + 1, count);
  }
}

/**
 * Betweenness centrality: for each person, the share of shortest chains between other people that
 * pass through them (Freeman 1977), computed exactly with Brandes' algorithm, or estimated from a
 * seeded sample of sources.
 *
 * Ties are read as distances (`weight`, default `'cost'` = `-ln strength`, so the shortest chain
 * is the likeliest). Several equally short chains share the credit equally. Normalised as NetworkX
 * does by default: divided by (n−1)(n−2) after summing over ordered pairs, so values are in [0, 1].
 *
 * **Sampling** (`sample: k`): sources are drawn uniformly without replacement with `seed`, and the
 * sum is scaled by n/k: an unbiased estimate (Brandes & Pich 2007). Each sampled source adds at
 * most n/(n−1) to a normalised score, so by Hoeffding's inequality the estimate is within
 * ε = (n/(n−1)) · sqrt(ln(2/δ) / (2k)) of the exact value with probability at least 1 − δ, for each
 * person (e.g. k = 1,000, δ = 0.05: ε ≈ 0.043). In practice errors are far smaller.
 *
 * **Restriction** (`sources`, `targets`, or `pairs`): only shortest chains from those sources to
 * those targets count (NetworkX's `betweenness_centrality_subset`); with every person as source
 * and target this equals full betweenness.
 *
 * @param network - A `Network` or a compiled network (seen as undirected).
 * @returns Scores by person id, in `network.people` order.
 * @throws InvalidOptionsError for invalid options (or a weight function returning an invalid number).
 * @throws UnknownEntityError for unknown people in `sources`, `targets` or `pairs`.
 * @throws the signal's reason when aborted.
 * @example
 * ```ts
 * const scores = betweenness(network);                          // exact, weighted by -ln strength
 * const quick = betweenness(network, { sample: 1000, seed: 7 }); // estimate on a large network
 * const toJobs = betweenness(network, { targets: network.openJobs().map((j) => j.hiringManagerId) });
 * ```
 * @see Freeman, "A Set of Measures of Centrality Based on Betweenness", Sociometry 40(1), 1977.
 * @see Brandes, "A Faster Algorithm for Betweenness Centrality", Journal of Mathematical Sociology 25(2), 2001.
 * @see Brandes & Pich, "Centrality Estimation in Large Networks", Int. J. Bifurcation and Chaos 17(7), 2007.
 */
export function betweenness(
  network: Network | CompiledNetwork,
  options?: BetweennessOptions,
): Map<string, number> {
  const plan = planBetweenness(network, options);
  const total = new Float64Array(plan.view.n);
  runBetweenness(plan, total, options);
  for (let v = 0; v < total.length; v++) total[v] = (total[v] as number) * plan.scale;
  return scoresByPerson(plan.view, total);
}

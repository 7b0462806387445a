/**
 * Single-source shortest distances on the undirected weighted view of a network: Dijkstra on
 * typed arrays, or breadth-first search when every tie weighs 1. One {@link SingleSourceDistances}
 * serves any number of sources; distance-based measures (closeness, harmonic, betweenness) run it
 * once per person.
 *
 * @module
 */
import { BucketRing, type BucketShape, type PersonQueue } from '../graph/bucket-ring.js';
import { NodeHeap } from '../graph/heap.js';
import { throwAbort } from '../paths/search.js';
import { bucketShape } from './brandes-buckets.js';
import type { ProgressOptions } from './options.js';
import type { WeightedView } from './weights.js';

/**
 * Shortest distances from one person at a time to everyone else, read as **distances** from
 * `view.weights` (≥ 0). `run(source)` fills `distance` (`Infinity` where unreachable) and lists
 * the people reached in `order[0 .. reached)`, in the order they were settled, which is
 * deterministic. When every weight is above 0 the queue is a ring of buckets narrower than the
 * lightest tie (Dial 1969; Dinitz 1978: everyone in the first non-empty bucket is final), and
 * people are settled bucket by bucket, the last improved first within a bucket; otherwise
 * (a weight of 0, or weights spanning more than 4,096 buckets) a decrease-key heap settles them
 * by non-decreasing distance, equal distances in the order they were last improved. Buffers are
 * allocated once and only the entries the previous run touched are reset, so a run costs
 * O(reached ties · log) with the heap, and nothing for the rest of the network.
 *
 * When every weight is exactly 1 (`weight: 'unweighted'`, or a function returning 1) it runs a
 * breadth-first search instead, with the same results: hop counts.
 *
 * @example
 * ```ts
 * const view = weightedView(network, 'cost', 'distance');
 * const distances = new SingleSourceDistances(view);
 * const reached = distances.run(view.compiled.indexOf.get('jacob') as number);
 * for (let i = 0; i < reached; i++) {
 *   const v = distances.order[i] as number;
 *   console.log(view.compiled.ids[v], distances.distance[v]);
 * }
 * ```
 * @throws Never: `run` trusts its source to be an index of the view (`0 <= source < view.n`).
 * @see E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische
 *   Mathematik 1 (1959) 269–271.
 * @see R. B. Dial, "Algorithm 360: shortest-path forest with topological ordering",
 *   Communications of the ACM 12(11), 1969.
 */
export class SingleSourceDistances {
  /** Distance from the last source to each person; `Infinity` where unreachable. */
  readonly distance: Float64Array;
  /** People reached by the last run, in settle order; only the first `reached` entries count. */
  readonly order: Int32Array;
  /** Whether runs use breadth-first search (every weight is 1). */
  readonly breadthFirst: boolean;
  /** Whether Dijkstra runs on a bucket ring (every weight above 0) rather than a heap. */
  readonly bucketRing: boolean;
  #reached = 0;
  readonly #offsets: Uint32Array;
  readonly #neighbors: Uint32Array;
  readonly #weights: Float64Array;
  /** The ring's shape, or `null` when the heap is used. */
  readonly #shape: BucketShape | null;
  readonly #queue: PersonQueue;

  constructor(view: WeightedView) {
    this.#offsets = view.compiled.offsets;
    this.#neighbors = view.compiled.neighbors;
    this.#weights = view.weights;
    this.distance = new Float64Array(view.n).fill(Number.POSITIVE_INFINITY);
    this.order = new Int32Array(view.n);
    this.breadthFirst = view.weights.every((w) => w === 1);
    this.#shape = this.breadthFirst ? null : bucketShape(view.weights, view.n);
    this.#queue = this.#shape === null ? new NodeHeap(view.n) : new BucketRing(view.n);
    this.bucketRing = this.#shape !== null;
  }

  /** How many people the last run reached, the source included. */
  get reached(): number {
    return this.#reached;
  }

  /** Computes distances from `source` (an index of the view); returns how many were reached. */
  run(source: number): number {
    const distance = this.distance;
    const order = this.order;
    for (let i = 0; i < this.#reached; i++) distance[order[i] as number] = Number.POSITIVE_INFINITY;
    distance[source] = 0;
    this.#reached = this.breadthFirst ? this.#breadthFirst(source) : this.#dijkstra(source);
    return this.#reached;
  }

  #breadthFirst(source: number): number {
    const distance = this.distance;
    const order = this.order;
    const offsets = this.#offsets;
    const neighbors = this.#neighbors;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = order[head++] as number;
      const next = (distance[u] as number) + 1;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = neighbors[e] as number;
        if (distance[v] === Number.POSITIVE_INFINITY) {
          distance[v] = next;
          order[tail++] = v;
        }
      }
    }
    return tail;
  }

  #dijkstra(source: number): number {
    const distance = this.distance;
    const order = this.order;
    const offsets = this.#offsets;
    const neighbors = this.#neighbors;
    const weights = this.#weights;
    const queue = this.#queue;
    if (queue instanceof BucketRing) queue.reset(this.#shape as BucketShape);
    else (queue as NodeHeap).clear();
    // Second key 0: equal distances leave the heap in the order of their last push.
    queue.push(source, 0, 0);
    let settled = 0;
    while (queue.size > 0) {
      // Each person is queued once, at their best distance so far (both queues decrease keys).
      const u = queue.pop();
      const key = distance[u] as number;
      order[settled++] = u;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = neighbors[e] as number;
        const d = key + (weights[e] as number);
        if (d < (distance[v] as number)) {
          distance[v] = d;
          queue.push(v, d, 0);
        }
      }
    }
    return settled;
  }
}

/** How many progress reports a long computation makes at most (plus the final one). */
export const PROGRESS_REPORTS = 100;

/**
 * Runs {@link SingleSourceDistances} from every person in index order, calling `visit` after
 * each run, reporting progress (`done` = sources finished, `total` = people; at most about
 * {@link PROGRESS_REPORTS} calls, the last with `done === total`) and checking `signal` before
 * each source.
 *
 * @example
 * ```ts
 * const sums = new Float64Array(view.n);
 * forEachSource(view, {}, (source, distances) => {
 *   for (let i = 0; i < distances.reached; i++)
 *     sums[source] += distances.distance[distances.order[i] as number] as number;
 * });
 * ```
 * @throws The signal's reason (an `AbortError` `DOMException` by default) when it aborts.
 * @see {@link SingleSourceDistances} for the search and its references.
 */
export function forEachSource(
  view: WeightedView,
  { onProgress, signal }: ProgressOptions,
  visit: (source: number, distances: SingleSourceDistances) => void,
): void {
  const n = view.n;
  const every = Math.max(1, Math.ceil(n / PROGRESS_REPORTS));
  const distances = new SingleSourceDistances(view);
  for (let source = 0; source < n; source++) {
    if (signal?.aborted) throwAbort(signal);
    distances.run(source);
    visit(source, distances);
    const done = source + 1;
    if (onProgress !== undefined && done % every === 0 && done !== n) onProgress(done, n);
  }
  if (signal?.aborted) throwAbort(signal);
  onProgress?.(n, n);
}

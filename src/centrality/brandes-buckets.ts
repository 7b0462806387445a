/**
 * The single-source pass of Brandes' betweenness with a bucket queue in place of the heap, for
 * distances whose steps all cost at least some δ > 0 (every tie weaker than strength 1).
 *
 * People are kept in buckets of width just under δ by tentative distance (Dial 1969). Settling a
 * bucket can only push people into later buckets, since every step adds at least δ, so when a
 * bucket's turn comes all its people already have their final distance, hop count and path count
 * (Dinitz 1978): the bucket is settled in any order, with no heap and no decrease-key. The buckets
 * form a ring of `slots` lists, enough for the longest step. Settle order is the bucket order,
 * latest push first within a bucket: deterministic, and a topological order of the
 * shortest-path DAG, which is all that the dependency accumulation needs.
 *
 * The shortest-path rule, the path counts and the predecessor lists are exactly those of
 * `shortestPathDag` (cheapest, then fewest hops, equal costs by exact float equality), so the
 * scores are the same; only the order in which dependencies are summed differs. At a million
 * people the pass takes about half the time of the heap's (bench/centrality.ts profiles both).
 *
 * `shortestPathDagBuckets` is self-contained (it uses nothing it imports but types), because its
 * source text also runs inside worker threads; `BucketRing` is the same queue as a class.
 *
 * @see R. B. Dial, "Algorithm 360: shortest-path forest with topological ordering",
 *   Communications of the ACM 12(11), 1969.
 * @see E. A. Dinitz, "Economical algorithms for finding shortest paths in a network",
 *   Transportation Modeling Systems, 1978 (buckets of width at most the shortest step).
 * @see U. Brandes, "A Faster Algorithm for Betweenness Centrality", Journal of Mathematical
 *   Sociology 25(2), 2001.
 * @module
 */
import { type BucketShape, bucketShapeFor } from '../graph/bucket-ring.js';
import type { BrandesBuffers } from './brandes.js';

export type { BucketShape } from '../graph/bucket-ring.js';
export { MAX_BUCKET_SLOTS } from '../graph/bucket-ring.js';

/**
 * The bucket shape for these step weights (`Infinity`: no step), or `null` when a bucket queue
 * does not apply (see `bucketShapeFor`): a step of cost 0 (strength 1), no finite step, a ring
 * above `MAX_BUCKET_SLOTS`, or distances too long for exact bucket numbers.
 */
export function bucketShape(weights: Float64Array, people: number): BucketShape | null {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e] as number;
    if (w === Number.POSITIVE_INFINITY) continue;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  return bucketShapeFor(min, max, people);
}

/** The queue's own arrays, allocated once per thread and reused for every source. */
export interface BucketQueue {
  /** Tentative distance (`Infinity` between passes). */
  readonly dist: Float64Array;
  /** Bucket number of the person's live entry; -1 when none (unreached or settled). */
  readonly bucketOf: Int32Array;
  /** First entry of each bucket in the ring (-1: empty). */
  readonly slotHead: Int32Array;
  entryNode: Int32Array;
  entryNext: Int32Array;
}

export function createBucketQueue(people: number, slots: number): BucketQueue {
  return {
    dist: new Float64Array(people).fill(Number.POSITIVE_INFINITY),
    bucketOf: new Int32Array(people).fill(-1),
    slotHead: new Int32Array(slots).fill(-1),
    entryNode: new Int32Array(Math.max(16, people)),
    entryNext: new Int32Array(Math.max(16, people)),
  };
}

/**
 * Shortest paths from `s` on the CSR (`weights[e]`: cost of the step from the owner of entry e
 * to its neighbour, all ≥ the width behind `shape`, or `Infinity`): fills `buffers.sigma`,
 * `hops`, the predecessor lists and `order` (people in settle order) as `shortestPathDag` does,
 * and returns how many people were reached. `queue.dist` is back to `Infinity` on return.
 */
export function shortestPathDagBuckets(
  s: number,
  offsets: Uint32Array,
  neighbors: Uint32Array,
  weights: Float64Array,
  shape: BucketShape,
  buffers: BrandesBuffers,
  queue: BucketQueue,
): number {
  const { hops, sigma, order, predHead } = buffers;
  const { dist, bucketOf, slotHead } = queue;
  const { inverseWidth, slots } = shape;
  let entryNode = queue.entryNode;
  let entryNext = queue.entryNext;
  let predNext = buffers.predNext;
  let predNode = buffers.predNode;
  let preds = 0;
  let entries = 0;
  let count = 0;
  // Entries live in one pool, linked per bucket; both pools double when full.
  const grow = (array: Int32Array): Int32Array => {
    const next = new Int32Array(array.length * 2);
    next.set(array);
    return next;
  };
  const push = (w: number, bucket: number): void => {
    if (entries === entryNode.length) {
      entryNode = queue.entryNode = grow(entryNode);
      entryNext = queue.entryNext = grow(entryNext);
    }
    const slot = bucket % slots;
    bucketOf[w] = bucket;
    entryNode[entries] = w;
    entryNext[entries] = slotHead[slot] as number;
    slotHead[slot] = entries++;
  };
  const addPred = (w: number, v: number, next: number): void => {
    if (preds === predNext.length) {
      predNext = buffers.predNext = grow(predNext);
      predNode = buffers.predNode = grow(predNode);
    }
    predNode[preds] = v;
    predNext[preds] = next;
    predHead[w] = preds++;
  };
  slotHead.fill(-1);
  dist[s] = 0;
  hops[s] = 0;
  sigma[s] = 1;
  predHead[s] = -1;
  push(s, 0);
  let waiting = 1;
  let lastSettled = 0;
  for (let bucket = 0; waiting > 0; bucket++) {
    // Every waiting person is within one ring of the last bucket settled; a full ring of empty
    // buckets would mean the shape did not fit the weights (a bug, not bad input).
    if (bucket - lastSettled > slots) throw new Error('bucket queue: a waiting person was lost');
    const slot = bucket % slots;
    let entry = slotHead[slot] as number;
    slotHead[slot] = -1;
    while (entry !== -1) {
      const v = entryNode[entry] as number;
      entry = entryNext[entry] as number;
      // An entry left behind when its person moved to an earlier bucket.
      if (bucketOf[v] !== bucket) continue;
      bucketOf[v] = -1;
      waiting--;
      lastSettled = bucket;
      order[count++] = v;
      const dv = dist[v] as number;
      const hw = (hops[v] as number) + 1;
      const sv = sigma[v] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const step = weights[e] as number;
        if (step === Number.POSITIVE_INFINITY) continue;
        const w = neighbors[e] as number;
        const d = dv + step;
        const old = dist[w] as number;
        // Settled people are never improved nor matched: their distance is below dv + step.
        if (d < old || (d === old && hw < (hops[w] as number))) {
          if (old === Number.POSITIVE_INFINITY) waiting++;
          dist[w] = d;
          hops[w] = hw;
          sigma[w] = sv;
          addPred(w, v, -1);
          const target = Math.floor(d * inverseWidth);
          if (bucketOf[w] !== target) push(w, target);
        } else if (d === old && hw === (hops[w] as number)) {
          sigma[w] = (sigma[w] as number) + sv;
          addPred(w, v, predHead[w] as number);
        }
      }
    }
  }
  for (let i = 0; i < count; i++) dist[order[i] as number] = Number.POSITIVE_INFINITY;
  return count;
}

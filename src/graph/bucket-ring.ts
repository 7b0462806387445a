/**
 * Bucket queues for shortest paths whose steps all cost at least some δ > 0 (Dial 1969): people
 * wait in buckets of width just under δ (or a fraction of it) by tentative distance, in a ring of
 * buckets long enough for the longest step. Closeness, harmonic and the chain search with no hop
 * budget use `BucketRing`. Settling a bucket only pushes people into later buckets, since every step
 * adds at least δ, so everyone in the first non-empty bucket already has their final distance
 * (Dinitz 1978) and a bucket is emptied in any order, without the heap's comparisons.
 *
 * `bucketShapeFor` decides whether a ring applies and its size; `BucketRing` is the queue, with
 * the same calls as `NodeHeap` so a search can take either (the betweenness pass keeps its own
 * copy of the ring inline, as it runs from source text inside worker threads).
 *
 * @see R. B. Dial, "Algorithm 360: shortest-path forest with topological ordering",
 *   Communications of the ACM 12(11), 1969.
 * @see E. A. Dinitz, "Economical algorithms for finding shortest paths in a network",
 *   Transportation Modeling Systems, 1978 (buckets of width at most the shortest step).
 * @module
 */
import type { NodeHeap } from './heap.js';

/**
 * What a Dijkstra search needs of its queue, met by `NodeHeap` and by `BucketRing`. For the ring,
 * `peekKey()` is a lower bound on the waiting keys that never decreases.
 */
export type PersonQueue = Pick<NodeHeap, 'size' | 'peekKey' | 'pop' | 'push'>;

/** Bucket width and ring size for one range of step costs. */
export interface BucketShape {
  /** 1 / bucket width. */
  readonly inverseWidth: number;
  /** Number of buckets in the ring. */
  readonly slots: number;
}

/**
 * The most buckets a ring may have: a search may look at every bucket between two people it
 * settles, so the ring (longest step ÷ shortest step) is kept small; beyond it a heap is used.
 */
export const MAX_BUCKET_SLOTS = 4096;

/**
 * The ring for steps costing from `shortest` to `longest` on chains of up to `people` people,
 * with `bucketsPerStep` buckets to the shortest step, or `null` when a bucket queue does not
 * apply: a step of cost 0 (or none finite), a ring above {@link MAX_BUCKET_SLOTS} buckets, or
 * distances too long for exact bucket numbers.
 */
export function bucketShapeFor(
  shortest: number,
  longest: number,
  people: number,
  bucketsPerStep = 1,
): BucketShape | null {
  if (!(shortest > 0) || !Number.isFinite(shortest) || !Number.isFinite(longest)) return null;
  // A width a little under the shortest step (or a fraction of it) keeps "one step moves to a
  // later bucket" true through the rounding of sums and products, while bucket numbers stay
  // below 2^31.
  const inverseWidth = bucketsPerStep / (shortest * (1 - 2 ** -16));
  const slots = Math.floor(longest * inverseWidth) + 3;
  if (slots > MAX_BUCKET_SLOTS || Math.max(1, people - 1) * longest * inverseWidth >= 2 ** 31)
    return null;
  return { inverseWidth, slots };
}

/** "Not waiting" in `BucketRing`'s per-person bucket numbers. */
const NOT_WAITING = -1;

/**
 * A bucket queue of the integers 0..n−1 with decrease-key (a person moved to an earlier bucket
 * leaves a stale entry behind, skipped when reached). Keys must only grow from pop to pop by at
 * least the width behind the shape, as Dijkstra's do when every step costs at least that much.
 *
 * Called like `NodeHeap`, but `peekKey()` is a lower bound on the first key (its bucket's floor),
 * and people of one bucket come out last pushed first, not by key. Buffers are reused across
 * searches; call `reset(shape)` before each.
 */
export class BucketRing {
  readonly #head = new Int32Array(MAX_BUCKET_SLOTS);
  readonly #bucketOf: Int32Array;
  #entryNode = new Int32Array(1024);
  #entryNext = new Int32Array(1024);
  #entries = 0;
  #size = 0;
  #current = 0;
  #slots = 1;
  #inverseWidth = 1;
  /** A bucket's floor per bucket number, rounded down so that it stays a lower bound. */
  #floorScale = 1;

  constructor(n: number) {
    this.#bucketOf = new Int32Array(n).fill(NOT_WAITING);
  }

  get size(): number {
    return this.#size;
  }

  /** Empties the queue and sets its buckets for the next search. */
  reset(shape: BucketShape): void {
    const bucketOf = this.#bucketOf;
    for (let i = 0; i < this.#entries; i++) bucketOf[this.#entryNode[i] as number] = NOT_WAITING;
    this.#slots = shape.slots;
    this.#inverseWidth = shape.inverseWidth;
    this.#floorScale = (1 / shape.inverseWidth) * (1 - 2 ** -30);
    this.#head.fill(-1, 0, shape.slots);
    this.#entries = 0;
    this.#size = 0;
    this.#current = 0;
  }

  /** A lower bound on every waiting key (the first non-empty bucket's floor), or `Infinity`. */
  peekKey(): number {
    if (this.#size === 0) return Number.POSITIVE_INFINITY;
    const head = this.#head;
    const slots = this.#slots;
    let bucket = this.#current;
    while (head[bucket % slots] === -1) bucket++;
    this.#current = bucket;
    return bucket * this.#floorScale;
  }

  /**
   * Queues `item` at `key`, or moves it there if it waits already (keys only decrease). The third
   * argument, `NodeHeap`'s tie key, is not needed: a bucket is emptied whole.
   */
  push(item: number, key: number, _tie?: number): void {
    const bucket = Math.floor(key * this.#inverseWidth);
    const was = this.#bucketOf[item] as number;
    if (was === bucket) return;
    if (was === NOT_WAITING) this.#size++;
    this.#bucketOf[item] = bucket;
    if (this.#entries === this.#entryNode.length) this.#grow();
    const slot = bucket % this.#slots;
    const entry = this.#entries++;
    this.#entryNode[entry] = item;
    this.#entryNext[entry] = this.#head[slot] as number;
    this.#head[slot] = entry;
  }

  /** Removes and returns a person of the first non-empty bucket (the queue must not be empty). */
  pop(): number {
    const head = this.#head;
    const bucketOf = this.#bucketOf;
    const node = this.#entryNode;
    const next = this.#entryNext;
    const slots = this.#slots;
    const lastBucket = this.#current + slots;
    for (let bucket = this.#current; bucket <= lastBucket; bucket++) {
      const slot = bucket % slots;
      let entry = head[slot] as number;
      while (entry !== -1) {
        const v = node[entry] as number;
        entry = next[entry] as number;
        // An entry left behind when its person moved to an earlier bucket.
        if (bucketOf[v] !== bucket) continue;
        head[slot] = entry;
        bucketOf[v] = NOT_WAITING;
        this.#size--;
        this.#current = bucket;
        return v;
      }
      head[slot] = -1;
    }
    // A whole ring of empty buckets means a key jumped further than the shape allows (a bug).
    throw new Error('bucket ring: a waiting person was lost');
  }

  #grow(): void {
    const node = new Int32Array(this.#entryNode.length * 2);
    node.set(this.#entryNode);
    this.#entryNode = node;
    const next = new Int32Array(this.#entryNext.length * 2);
    next.set(this.#entryNext);
    this.#entryNext = next;
  }
}

/**
 * What the two best-chain searches (search.ts with a hop budget, search-classic.ts without) share:
 * a side of the search (forward from the source, or backward from the targets), the query's
 * context and the chain found.
 *
 * @module
 */
import { WorkLimitError } from '../errors.js';
import { BucketRing } from '../graph/bucket-ring.js';
import { IndexHeap, NodeHeap } from '../graph/heap.js';

/** "Not settled" for `Side.settledHops`; also the hop cap of a search with no budget. */
export const NO_HOPS = 0xffffffff;

/** Searches check their abort signal once per this many people settled. */
export const ABORT_CHECK_EVERY = 4096;

/** One side of the search: labels, per-person bests (valid where `stamp` is current), a heap. */
export class Side {
  readonly heap = new IndexHeap();
  labelNode = new Int32Array(1024);
  labelHops = new Uint32Array(1024);
  labelCost = new Float64Array(1024);
  labelParent = new Int32Array(1024);
  labels = 0;
  readonly stamp: Uint32Array;
  readonly settledHops: Uint32Array;
  readonly tentLabel: Int32Array;
  readonly tentCost: Float64Array;
  readonly tentHops: Uint32Array;

  #nodeHeap: NodeHeap | undefined;
  #ring: BucketRing | undefined;

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
    this.settledHops = new Uint32Array(n);
    this.tentLabel = new Int32Array(n);
    this.tentCost = new Float64Array(n);
    this.tentHops = new Uint32Array(n);
  }

  /**
   * A heap of people with decrease-key, for the search with no hop budget (one label per person).
   * Made on first use: the default, budgeted queries never need it.
   */
  get nodeHeap(): NodeHeap {
    this.#nodeHeap ??= new NodeHeap(this.stamp.length);
    return this.#nodeHeap;
  }

  /** A bucket queue of people, used instead of `nodeHeap` when every step costs at least δ > 0. */
  get ring(): BucketRing {
    this.#ring ??= new BucketRing(this.stamp.length);
    return this.#ring;
  }

  touch(v: number, generation: number): void {
    if (this.stamp[v] === generation) return;
    this.stamp[v] = generation;
    this.settledHops[v] = NO_HOPS;
    this.tentLabel[v] = -1;
    this.tentCost[v] = Number.POSITIVE_INFINITY;
    this.tentHops[v] = NO_HOPS;
  }

  reset(): void {
    this.heap.clear();
    this.labels = 0;
  }

  /** Records a label and queues it for settling. */
  add(node: number, hops: number, cost: number, parent: number): number {
    const i = this.labels++;
    if (i === this.labelNode.length) this.#grow();
    this.labelNode[i] = node;
    this.labelHops[i] = hops;
    this.labelCost[i] = cost;
    this.labelParent[i] = parent;
    this.heap.push(i, cost, hops);
    return i;
  }

  /** The people from the label back to the side's start (label's person first). */
  chain(label: number): number[] {
    const out: number[] = [];
    for (let l = label; l !== -1; l = this.labelParent[l] as number)
      out.push(this.labelNode[l] as number);
    return out;
  }

  #grow(): void {
    const size = this.labelNode.length * 2;
    const node = new Int32Array(size);
    node.set(this.labelNode);
    this.labelNode = node;
    const hops = new Uint32Array(size);
    hops.set(this.labelHops);
    this.labelHops = hops;
    const cost = new Float64Array(size);
    cost.set(this.labelCost);
    this.labelCost = cost;
    const parent = new Int32Array(size);
    parent.set(this.labelParent);
    this.labelParent = parent;
  }
}

/** Everything a single best-chain search needs beyond source and budget. */
export interface SearchContext {
  /** Cost added when a person of each policy passes an introduction on (index = policy code). */
  readonly senderCost: Float64Array;
  /** 1 for people who may not be intermediaries (avoided, or in an avoided organisation). */
  readonly blocked: Uint8Array;
  /** 1 for the people a chain may end at. */
  readonly isTarget: Uint8Array;
  /** The targets, as a list. */
  readonly targets: readonly number[];
  /** Steps costlier than this are not taken (`-ln(minStrength)`). */
  readonly maxStepCost: number;
  /** Aborts the search when signalled. */
  readonly signal: AbortSignal | undefined;
  /** What the query may still spend, shared by all its searches. */
  readonly work: WorkBudget;
}

/**
 * The work caps of one query: people settled (labels, with a hop budget) and chains built, over
 * every search the query runs (Yen runs one per fork). Infinite caps cost one decrement a step.
 */
export class WorkBudget {
  readonly maxExpansions: number;
  readonly maxChains: number;
  expansionsLeft: number;
  chainsLeft: number;

  constructor(maxExpansions = Number.POSITIVE_INFINITY, maxChains = Number.POSITIVE_INFINITY) {
    this.maxExpansions = maxExpansions;
    this.maxChains = maxChains;
    this.expansionsLeft = maxExpansions;
    this.chainsLeft = maxChains;
  }

  /** Counts one chain built. @throws WorkLimitError past `maxChains`. */
  chargeChain(): void {
    if (--this.chainsLeft < 0) throw new WorkLimitError('maxChains', this.maxChains);
  }

  /** Throws for `maxExpansions` (the searches decrement `expansionsLeft` inline). */
  exceeded(): never {
    throw new WorkLimitError('maxExpansions', this.maxExpansions);
  }
}

/** A chain found by the search: people as indices, source first, and its cost. */
export interface FoundChain {
  readonly nodes: readonly number[];
  readonly cost: number;
}

/** Walks up to this long are checked for loops by scanning, longer ones through a map. */
const SCANNED_WALK = 32;

/**
 * Removes any loop from a walk (never costlier, as every step costs at least 0): on meeting a
 * person already in the chain, the chain is cut back to that person.
 */
export function withoutCycles(walk: number[]): number[] {
  const out: number[] = [];
  if (walk.length <= SCANNED_WALK) {
    for (const v of walk) {
      const at = out.indexOf(v);
      if (at !== -1) out.length = at + 1;
      else out.push(v);
    }
    return out;
  }
  const seenAt = new Map<number, number>();
  for (const v of walk) {
    const at = seenAt.get(v);
    if (at !== undefined) {
      for (const dropped of out.splice(at + 1)) seenAt.delete(dropped);
      continue;
    }
    seenAt.set(v, out.length);
    out.push(v);
  }
  return out;
}

/** Throws the signal's reason, as `fetch` and timers do. */
export function throwAbort(signal: AbortSignal): never {
  throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

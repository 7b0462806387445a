/**
 * The best chain between a person and a set of targets on a compiled network, within a hop budget:
 * a bidirectional search that meets in the middle.
 *
 * With a finite budget H, the forward search from the source keeps labels (person, hops) with at
 * most ceil(H/2) hops and the backward search from the targets at most floor(H/2). Any chain of
 * at most H hops meets at a person within both reaches (the one ceil(H/2) hops in, or the target
 * if the chain is shorter), so the cheapest meeting is the cheapest chain. A label is kept only if
 * no settled label of the same person has as few hops: Pareto labels over (cost, hops), at most
 * one per hop count. Each side stops when its next label cannot beat the best meeting.
 * With no budget (H = Infinity) it is the classic bidirectional Dijkstra (Dijkstra 1959;
 * Pohl 1971), stopping when the two frontier keys together reach the best meeting.
 *
 * Costs are -ln(probability): a step from u to v costs -ln(strength of u towards v), plus
 * -ln(willingness of u) when u is an intermediary (not the source).
 *
 * @module
 */
import { type CompiledNetwork, POLICY_NEVER } from '../graph/compiled.js';
import { IndexHeap } from '../graph/heap.js';

const NO_HOPS = 0xffffffff;
const ABORT_CHECK_EVERY = 4096;

/** One side of the search: labels, per-person bests (valid where `stamp` is current), a heap. */
class Side {
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

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
    this.settledHops = new Uint32Array(n);
    this.tentLabel = new Int32Array(n);
    this.tentCost = new Float64Array(n);
    this.tentHops = new Uint32Array(n);
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

  /** Records a label; `push` also queues it for settling. */
  add(node: number, hops: number, cost: number, parent: number, push = true): number {
    const i = this.labels++;
    if (i === this.labelNode.length) this.#grow();
    this.labelNode[i] = node;
    this.labelHops[i] = hops;
    this.labelCost[i] = cost;
    this.labelParent[i] = parent;
    if (push) this.heap.push(i, cost, hops);
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
}

/** A chain found by the search: people as indices, source first, and its cost. */
export interface FoundChain {
  readonly nodes: readonly number[];
  readonly cost: number;
}

/**
 * A reusable best-chain search over one compiled network. Not re-entrant: one search at a time
 * (its buffers are reused between searches, as ngraph does, to avoid allocation per query).
 */
export class ChainSearch {
  readonly #g: CompiledNetwork;
  readonly #forward: Side;
  readonly #backward: Side;
  #generation = 0;

  constructor(compiled: CompiledNetwork) {
    this.#g = compiled;
    this.#forward = new Side(compiled.nodeCount);
    this.#backward = new Side(compiled.nodeCount);
  }

  /**
   * The cheapest chain from `source` to any target with at most `hopBudget` steps whose
   * intermediaries are allowed, or `null`. `extraBlocked` people (a Yen root) are not visited;
   * `blockedFirstSteps` lists people the chain may not step to directly from `source`.
   */
  best(
    source: number,
    hopBudget: number,
    context: SearchContext,
    extraBlocked: Uint8Array | undefined,
    blockedFirstSteps: Uint8Array | undefined,
  ): FoundChain | null {
    if (context.isTarget[source] === 1) return { nodes: [source], cost: 0 };
    const g = this.#g;
    const { offsets, neighbors, refs, costs, policy } = g;
    const { senderCost, blocked, isTarget, maxStepCost, signal } = context;
    const F = this.#forward;
    const B = this.#backward;
    const generation = ++this.#generation;
    if (generation === 0xffffffff) {
      F.stamp.fill(0);
      B.stamp.fill(0);
      this.#generation = 1;
    }
    F.reset();
    B.reset();
    const classic = !Number.isFinite(hopBudget);
    const capF = classic ? NO_HOPS : Math.ceil(hopBudget / 2);
    const capB = classic ? NO_HOPS : hopBudget - capF;

    /** Whether a person may appear inside a chain (not as source or target). */
    const passable = (v: number): boolean =>
      blocked[v] === 0 &&
      (extraBlocked === undefined || extraBlocked[v] === 0) &&
      policy[v] !== POLICY_NEVER;

    F.touch(source, generation);
    F.tentCost[source] = 0;
    F.tentHops[source] = 0;
    F.tentLabel[source] = F.add(source, 0, 0, -1);
    for (const t of context.targets) {
      B.touch(t, generation);
      B.tentCost[t] = 0;
      B.tentHops[t] = 0;
      B.tentLabel[t] = B.add(t, 0, 0, -1);
    }

    let best = Number.POSITIVE_INFINITY;
    let bestHops = NO_HOPS;
    let meetF = -1;
    let meetB = -1;
    let steps = 0;

    /**
     * Offers a label to a side, unless an existing one is at least as good, and records a
     * meeting with the other side's best label at the same person. Checking at every new label
     * (not only when a person is settled) is what makes the classic stopping rule exact.
     */
    const offer = (
      side: Side,
      other: Side,
      v: number,
      hops: number,
      cost: number,
      parent: number,
    ): void => {
      if (cost >= best) return;
      side.touch(v, generation);
      if (hops >= (side.settledHops[v] as number)) return;
      const tc = side.tentCost[v] as number;
      if (classic ? cost >= tc : cost >= tc && hops >= (side.tentHops[v] as number)) return;
      // With no hop budget, a label that cannot beat the best meeting even if the other side's
      // nearest unsettled label lay right there is recorded (for meetings) but never expanded.
      const push = !classic || cost + other.heap.peekKey() < best;
      const label = side.add(v, hops, cost, parent, push);
      if (cost < tc) {
        side.tentCost[v] = cost;
        side.tentHops[v] = hops;
        side.tentLabel[v] = label;
      }
      if (other.stamp[v] !== generation) return;
      const otherLabel = other.tentLabel[v] as number;
      if (otherLabel === -1) return;
      const total = cost + (other.tentCost[v] as number);
      const totalHops = hops + (other.labelHops[otherLabel] as number);
      if (total < best || (total === best && totalHops < bestHops)) {
        best = total;
        bestHops = totalHops;
        meetF = side === F ? label : otherLabel;
        meetB = side === F ? otherLabel : label;
      }
    };
    for (;;) {
      const kf = F.heap.peekKey();
      const kb = B.heap.peekKey();
      let side: Side;
      if (classic) {
        if (kf + kb >= best) break;
        // Grow the smaller frontier: it meets the other side after settling fewer people.
        side = F.heap.size <= B.heap.size ? F : B;
      } else {
        const fOpen = kf < best;
        const bOpen = kb < best;
        if (!fOpen && !bOpen) break;
        side = fOpen && (!bOpen || F.heap.size <= B.heap.size) ? F : B;
      }
      if (signal !== undefined && ++steps % ABORT_CHECK_EVERY === 0 && signal.aborted)
        throwAbort(signal);
      const label = side.heap.pop();
      const v = side.labelNode[label] as number;
      const hops = side.labelHops[label] as number;
      const cost = side.labelCost[label] as number;
      if (
        classic
          ? (side.settledHops[v] as number) !== NO_HOPS
          : hops >= (side.settledHops[v] as number)
      )
        continue;
      side.settledHops[v] = hops;
      const start = offsets[v] as number;
      const end = offsets[v + 1] as number;
      if (side === F) {
        if (hops >= capF || isTarget[v] === 1) continue;
        const send = v === source ? 0 : (senderCost[policy[v] as number] as number);
        for (let e = start; e < end; e++) {
          const w = neighbors[e] as number;
          const step = costs[refs[e] as number] as number;
          if (step > maxStepCost || w === source) continue;
          if (v === source && blockedFirstSteps !== undefined && blockedFirstSteps[w] === 1)
            continue;
          if (isTarget[w] === 0 && !passable(w)) continue;
          offer(F, B, w, hops + 1, cost + send + step, label);
        }
      } else {
        if (hops >= capB || v === source) continue;
        for (let e = start; e < end; e++) {
          const u = neighbors[e] as number;
          if (isTarget[u] === 1) continue;
          const step = costs[(refs[e] as number) ^ 1] as number;
          if (step > maxStepCost) continue;
          let send = 0;
          if (u === source) {
            if (blockedFirstSteps !== undefined && blockedFirstSteps[v] === 1) continue;
          } else {
            if (!passable(u)) continue;
            send = senderCost[policy[u] as number] as number;
          }
          offer(B, F, u, hops + 1, cost + step + send, label);
        }
      }
    }
    if (meetF === -1) return null;
    const head = F.chain(meetF).reverse();
    const tail = B.chain(meetB).slice(1);
    return { nodes: withoutCycles([...head, ...tail]), cost: best };
  }
}

/** Removes any loop from a walk (never costlier, as every step costs at least 0). */
function withoutCycles(walk: number[]): number[] {
  const seenAt = new Map<number, number>();
  const out: number[] = [];
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

/**
 * The best chain between a person and a set of targets on a compiled network, within a hop budget:
 * a bidirectional search that meets in the middle.
 *
 * With a finite budget H, the forward search from the source keeps labels (person, hops) with at
 * most ceil(H/2) hops and the backward search from the targets at most floor(H/2). Any chain of
 * at most H hops meets at a person within both reaches (the one ceil(H/2) hops in, or the target
 * if the chain is shorter), so the cheapest meeting is the cheapest chain. A label is kept only if
 * no settled label of the same person has as few hops: Pareto labels over (cost, hops), at most
 * one per hop count. Each side stops when its next label cannot beat the best meeting, and a step
 * whose label would reach the best meeting is not taken; neighbours are ordered by cost bucket
 * (see `costBucket`), so a scan stops at the first bucket past that bound.
 * With no budget (H = Infinity) the search is the classic bidirectional Dijkstra of
 * `classicBest` (search-classic.ts).
 *
 * Costs are -ln(probability): a step from u to v costs -ln(strength of u towards v), plus
 * -ln(willingness of u) when u is an intermediary (not the source).
 *
 * @module
 */

import { type BucketShape, bucketShapeFor, type PersonQueue } from '../graph/bucket-ring.js';
import {
  COST_BUCKET_SCALE,
  type CompiledNetwork,
  costBucket,
  POLICY_NEVER,
} from '../graph/compiled.js';
import { stepCostRange } from '../graph/steps.js';
import { classicBest } from './search-classic.js';
import {
  ABORT_CHECK_EVERY,
  type FoundChain,
  NO_HOPS,
  type SearchContext,
  Side,
  throwAbort,
  withoutCycles,
} from './search-side.js';

export type { FoundChain, SearchContext } from './search-side.js';
export { throwAbort } from './search-side.js';

/**
 * The bucket ring of a search with no hop budget, or `null` when the heap must be used: every
 * step costs at least the network's cheapest tie (sender costs only add) and at most its costliest
 * usable one (or `-ln(minStrength)`) plus the dearest sender cost; see `bucketShapeFor`.
 */
export function ringShapeFor(
  g: CompiledNetwork,
  context: Pick<SearchContext, 'senderCost' | 'maxStepCost'>,
): BucketShape | null {
  const range = stepCostRange(g);
  let dearestSender = 0;
  for (const cost of context.senderCost) {
    if (cost !== Number.POSITIVE_INFINITY && cost > dearestSender) dearestSender = cost;
  }
  const costliest = Math.min(range.costliest, context.maxStepCost) + dearestSender;
  return bucketShapeFor(range.cheapest, costliest, g.nodeCount, CHAIN_BUCKETS_PER_STEP);
}

/**
 * A side's frontier key on the ring is its first bucket's floor, so narrower buckets than the
 * cheapest step make it tighter and the search stops and prunes sooner: two per step were 5–7%
 * faster than one at 10,000 and 100,000 people, three and four less so (A/B runs in one process).
 */
const CHAIN_BUCKETS_PER_STEP = 2;

/**
 * A reusable best-chain search over one compiled network. Not re-entrant: one search at a time
 * (its buffers are reused between searches, as ngraph does, to avoid allocation per query).
 */
export class ChainSearch {
  readonly #g: CompiledNetwork;
  readonly #forward: Side;
  readonly #backward: Side;
  readonly #ring: boolean;
  #generation = 0;

  /**
   * @param options.ring - `false` keeps the search with no hop budget on the decrease-key heap
   *   even where the bucket ring applies (for the benchmark's comparison of the two).
   */
  constructor(compiled: CompiledNetwork, options: { readonly ring?: boolean } = {}) {
    this.#g = compiled;
    this.#ring = options.ring ?? true;
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
    const F = this.#forward;
    const B = this.#backward;
    const generation = ++this.#generation;
    if (generation === 0xffffffff) {
      F.stamp.fill(0);
      B.stamp.fill(0);
      this.#generation = 1;
    }
    if (!Number.isFinite(hopBudget)) {
      const shape = this.#ring ? ringShapeFor(g, context) : null;
      // Only the queue in use is made (each holds a few bytes per person).
      let queues: { readonly F: PersonQueue; readonly B: PersonQueue };
      if (shape === null) {
        F.nodeHeap.clear();
        B.nodeHeap.clear();
        queues = { F: F.nodeHeap, B: B.nodeHeap };
      } else {
        F.ring.reset(shape);
        B.ring.reset(shape);
        queues = { F: F.ring, B: B.ring };
      }
      return classicBest(
        g,
        F,
        B,
        queues,
        generation,
        source,
        context,
        extraBlocked,
        blockedFirstSteps,
      );
    }
    const { offsets, neighbors, refs, costs, policy } = g;
    const { senderCost, blocked, isTarget, maxStepCost, signal, work } = context;
    F.reset();
    B.reset();
    const capF = Math.ceil(hopBudget / 2);
    const capB = hopBudget - capF;

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
     * meeting with the other side's best label at the same person.
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
      if (cost >= tc && hops >= (side.tentHops[v] as number)) return;
      const label = side.add(v, hops, cost, parent);
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
      const fOpen = F.heap.peekKey() < best;
      const bOpen = B.heap.peekKey() < best;
      if (!fOpen && !bOpen) break;
      const side = fOpen && (!bOpen || F.heap.size <= B.heap.size) ? F : B;
      if (signal !== undefined && ++steps % ABORT_CHECK_EVERY === 0 && signal.aborted)
        throwAbort(signal);
      if (--work.expansionsLeft < 0) work.exceeded();
      const label = side.heap.pop();
      const v = side.labelNode[label] as number;
      const hops = side.labelHops[label] as number;
      const cost = side.labelCost[label] as number;
      if (hops >= (side.settledHops[v] as number)) continue;
      side.settledHops[v] = hops;
      const start = offsets[v] as number;
      const end = offsets[v + 1] as number;
      if (side === F) {
        if (hops >= capF || isTarget[v] === 1) continue;
        const base = cost + (v === source ? 0 : (senderCost[policy[v] as number] as number));
        for (let e = start; e < end; e++) {
          const ref = refs[e] as number;
          const step = costs[ref] as number;
          // Labels of cost `best` or more are refused; buckets only rise, so later ones are too.
          if (base + step >= best) {
            if (base + costBucket(costs, ref) / COST_BUCKET_SCALE >= best) break;
            continue;
          }
          const w = neighbors[e] as number;
          if (step > maxStepCost || w === source) continue;
          if (v === source && blockedFirstSteps !== undefined && blockedFirstSteps[w] === 1)
            continue;
          if (isTarget[w] === 0 && !passable(w)) continue;
          offer(F, B, w, hops + 1, base + step, label);
        }
      } else {
        if (hops >= capB || v === source) continue;
        for (let e = start; e < end; e++) {
          const ref = refs[e] as number;
          // The sender's cost only adds to the step, so a bound on the step alone is safe.
          const step = costs[ref ^ 1] as number;
          if (cost + step >= best) {
            if (cost + costBucket(costs, ref) / COST_BUCKET_SCALE >= best) break;
            continue;
          }
          const u = neighbors[e] as number;
          if (isTarget[u] === 1 || step > maxStepCost) continue;
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

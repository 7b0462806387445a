/**
 * The best chain with no hop budget: bidirectional Dijkstra (Dijkstra 1959; Pohl 1971) with one
 * label per person and a queue of people per side, stopping when the two frontier keys together
 * reach the best meeting (Goldberg & Harrelson 2005). The side with fewer people queued grows.
 *
 * The queue. When every step costs at least some δ > 0 (every tie weaker than strength 1; see
 * `ringShapeFor`), it is a ring of buckets of width just under δ/2 (Dial 1969; `BucketRing`):
 * everyone in the first non-empty bucket has their final cost (Dinitz 1978), so a bucket is
 * emptied without comparisons; its frontier key is the bucket's floor, a lower bound on the true
 * one, which is all the stopping rule and the pruning below need (a lower key only stops or
 * prunes later). The heap takes 1.34× as long at 10,000 people, 1.08× at 100,000 (the
 * benchmark's diagnostic rows); it remains for ties of strength 1 or rings over 4,096 buckets.
 *
 * Pruning. A step from a person settled at cost d is not taken when d + step + k reaches the best
 * meeting μ, where k is the other side's frontier key (NBA*'s rule, Pijls & Post 2009, applied per
 * step). Neighbours are ordered by cost bucket (see `costBucket`), so a scan stops at the first
 * bucket past the bound: on hubs, most of the work once a first meeting is known.
 *
 * Why it stays exact. Suppose a cheapest chain P of cost D < μ were missed. Along P, let a be the
 * last person such that F reached every person up to a at its exact distance, and b the first such
 * that B reached every person from b on at its exact distance. If a is at or after b, some person
 * was reached exactly by both, and the later of the two steps recorded a meeting of cost D. If
 * neither a nor b was settled, both wait in their queues, so the frontier keys (lower bounds
 * on the waiting costs) add up to at most D and the search had not stopped. Otherwise one of
 * them, say a, was settled and its step along P pruned: then B's frontier key exceeded the rest
 * of P beyond a, so B had settled b (at most that far from the targets) before, and b's step back
 * along P was pruned in turn, which needs F's key to exceed the part of P before b, so a was
 * settled before b: a contradiction. (If a was not settled, b's pruned step likewise needs a
 * settled.) Frontier keys only grow, for the heap and the ring alike, which "before" relies on.
 *
 * @module
 */

import type { PersonQueue } from '../graph/bucket-ring.js';
import {
  COST_BUCKET_SCALE,
  type CompiledNetwork,
  costBucket,
  POLICY_NEVER,
} from '../graph/compiled.js';
import {
  ABORT_CHECK_EVERY,
  type FoundChain,
  NO_HOPS,
  type SearchContext,
  type Side,
  throwAbort,
  withoutCycles,
} from './search-side.js';

/** Queues a side's starting person at cost 0 (a target listed twice is queued once). */
function start(side: Side, queue: PersonQueue, v: number, generation: number): void {
  if (side.stamp[v] === generation) return;
  side.touch(v, generation);
  side.tentCost[v] = 0;
  side.tentHops[v] = 0;
  side.tentLabel[v] = -1;
  queue.push(v, 0, 0);
}

/**
 * The cheapest chain from `source` to any target, with no hop budget, or `null`. The sides'
 * per-person arrays are reused: `tentCost` is the distance, `tentHops` the hops, `tentLabel` the
 * previous person (-1 at the start) and `settledHops` marks settled people; `stamp` must already
 * be valid for `generation` being new. The queues come empty.
 */
export function classicBest(
  g: CompiledNetwork,
  F: Side,
  B: Side,
  queues: { readonly F: PersonQueue; readonly B: PersonQueue },
  generation: number,
  source: number,
  context: SearchContext,
  extraBlocked: Uint8Array | undefined,
  blockedFirstSteps: Uint8Array | undefined,
): FoundChain | null {
  const { offsets, neighbors, refs, costs, policy } = g;
  const { senderCost, blocked, isTarget, maxStepCost, signal, work } = context;
  const fHeap = queues.F;
  const bHeap = queues.B;

  let best = Number.POSITIVE_INFINITY;
  let bestHops = NO_HOPS;
  let meet = -1;

  // The caller answers a source that is a target itself, so the two sides start apart.
  start(F, fHeap, source, generation);
  for (const t of context.targets) start(B, bHeap, t, generation);
  // The two directions are written out with their arrays in locals: `reach` and the direction
  // tests inlined by hand make the hot loop about a fifth faster (A/B runs at 10,000 and
  // 100,000 people).
  const fStamp = F.stamp;
  const fSettled = F.settledHops;
  const fCost = F.tentCost;
  const fHops = F.tentHops;
  const fLabel = F.tentLabel;
  const bStamp = B.stamp;
  const bSettled = B.settledHops;
  const bCost = B.tentCost;
  const bHops = B.tentHops;
  const bLabel = B.tentLabel;
  let steps = 0;
  for (;;) {
    const kf = fHeap.peekKey();
    const kb = bHeap.peekKey();
    if (kf + kb >= best) break;
    if (signal !== undefined && ++steps % ABORT_CHECK_EVERY === 0 && signal.aborted)
      throwAbort(signal);
    if (--work.expansionsLeft < 0) work.exceeded();
    if (fHeap.size <= bHeap.size) {
      // Forward from v: the step costs v's slot towards the neighbour (ref); v is the sender.
      const v = fHeap.pop();
      fSettled[v] = fHops[v] as number;
      if (isTarget[v] === 1) continue;
      const hops = (fHops[v] as number) + 1;
      const base =
        (fCost[v] as number) + (v !== source ? (senderCost[policy[v] as number] as number) : 0);
      const rest = base + kb;
      const fromSource = v === source && blockedFirstSteps !== undefined;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const ref = refs[e] as number;
        const step = costs[ref] as number;
        if (step + rest >= best) {
          if (costBucket(costs, ref) / COST_BUCKET_SCALE + rest >= best) break;
          continue;
        }
        if (step > maxStepCost) continue;
        const w = neighbors[e] as number;
        // The chain runs source → … → targets, with only people who may pass introductions
        // on in between.
        if (w === source || (fromSource && blockedFirstSteps[w] === 1)) continue;
        if (
          isTarget[w] === 0 &&
          (blocked[w] === 1 ||
            (extraBlocked !== undefined && extraBlocked[w] === 1) ||
            policy[w] === POLICY_NEVER)
        )
          continue;
        const d = base + step;
        if (fStamp[w] === generation) {
          if (fSettled[w] !== NO_HOPS || d >= (fCost[w] as number)) continue;
        } else {
          fStamp[w] = generation;
          fSettled[w] = NO_HOPS;
        }
        fCost[w] = d;
        fHops[w] = hops;
        fLabel[w] = v;
        fHeap.push(w, d, hops);
        if (bStamp[w] !== generation) continue;
        const total = d + (bCost[w] as number);
        const totalHops = hops + (bHops[w] as number);
        if (total < best || (total === best && totalHops < bestHops)) {
          best = total;
          bestHops = totalHops;
          meet = w;
        }
      }
    } else {
      // Backward from v: the step is the neighbour w's towards v (ref ^ 1) and w the sender.
      const v = bHeap.pop();
      bSettled[v] = bHops[v] as number;
      if (v === source) continue;
      const hops = (bHops[v] as number) + 1;
      const base = bCost[v] as number;
      const rest = base + kf;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const ref = refs[e] as number;
        // A sender's cost only adds to a step, so a bound on the step alone is safe going back.
        const step = costs[ref ^ 1] as number;
        if (step + rest >= best) {
          if (costBucket(costs, ref) / COST_BUCKET_SCALE + rest >= best) break;
          continue;
        }
        if (step > maxStepCost) continue;
        const w = neighbors[e] as number;
        if (isTarget[w] === 1) continue;
        let d = base + step;
        if (w === source) {
          if (blockedFirstSteps !== undefined && blockedFirstSteps[v] === 1) continue;
        } else {
          if (
            blocked[w] === 1 ||
            (extraBlocked !== undefined && extraBlocked[w] === 1) ||
            policy[w] === POLICY_NEVER
          )
            continue;
          d += senderCost[policy[w] as number] as number;
        }
        if (bStamp[w] === generation) {
          if (bSettled[w] !== NO_HOPS || d >= (bCost[w] as number)) continue;
        } else {
          bStamp[w] = generation;
          bSettled[w] = NO_HOPS;
        }
        bCost[w] = d;
        bHops[w] = hops;
        bLabel[w] = v;
        bHeap.push(w, d, hops);
        if (fStamp[w] !== generation) continue;
        const total = d + (fCost[w] as number);
        const totalHops = hops + (fHops[w] as number);
        if (total < best || (total === best && totalHops < bestHops)) {
          best = total;
          bestHops = totalHops;
          meet = w;
        }
      }
    }
  }
  if (meet === -1) return null;
  const nodes: number[] = [];
  for (let v = meet; v !== -1; v = F.tentLabel[v] as number) nodes.push(v);
  nodes.reverse();
  for (let v = B.tentLabel[meet] as number; v !== -1; v = B.tentLabel[v] as number) nodes.push(v);
  return { nodes: withoutCycles(nodes), cost: best };
}

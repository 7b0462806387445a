/**
 * Looking up single steps on a compiled network, and the cost of a whole chain computed from its
 * steps alone (independently of how a search found it).
 */
import type { CompiledNetwork } from './compiled.js';

/**
 * The adjacency entry of the step from u to v, or -1 if they are not tied. A linear scan:
 * neighbours are ordered by cost, not by index, and this is only used on the few steps of a chain.
 */
export function stepEntry(g: CompiledNetwork, u: number, v: number): number {
  const end = g.offsets[u + 1] as number;
  for (let e = g.offsets[u] as number; e < end; e++) if (g.neighbors[e] === v) return e;
  return -1;
}

/**
 * The cost of a chain, summed step by step from its first person: each step's
 * `-ln(strength)`, plus the sender's cost when the sender is not the first person.
 * `Infinity` if a step does not exist or cannot be used in that direction.
 */
export function chainCost(
  g: CompiledNetwork,
  nodes: readonly number[],
  senderCost: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const u = nodes[i] as number;
    const e = stepEntry(g, u, nodes[i + 1] as number);
    if (e === -1) return Number.POSITIVE_INFINITY;
    total += g.costs[g.refs[e] as number] as number;
    if (i > 0) total += senderCost[g.policy[u] as number] as number;
  }
  return total;
}

/** The cheapest and the costliest usable step of a network (both `Infinity` when none is). */
export interface StepCostRange {
  readonly cheapest: number;
  readonly costliest: number;
}

const ranges = new WeakMap<CompiledNetwork, StepCostRange>();

/** The range of finite step costs, computed once per compiled network (it is immutable). */
export function stepCostRange(g: CompiledNetwork): StepCostRange {
  let range = ranges.get(g);
  if (range === undefined) {
    let cheapest = Number.POSITIVE_INFINITY;
    let costliest = Number.NEGATIVE_INFINITY;
    for (const cost of g.costs) {
      if (cost === Number.POSITIVE_INFINITY) continue;
      if (cost < cheapest) cheapest = cost;
      if (cost > costliest) costliest = cost;
    }
    range = {
      cheapest,
      costliest: cheapest === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : costliest,
    };
    ranges.set(g, range);
  }
  return range;
}

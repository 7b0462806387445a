/**
 * The order of chains: likelier first; chains whose costs differ by less than a relative 1e-12
 * count as equally likely and are ordered by fewer hops, then by their people's ids compared
 * one by one (people are numbered in id order, so comparing indices compares ids).
 */

/** A chain as people indices (source first) with its cost, and where Yen's algorithm forked it. */
export interface RankedChain {
  readonly nodes: readonly number[];
  readonly cost: number;
}

/** Negative if `a` ranks before `b`. */
export function compareChains(a: RankedChain, b: RankedChain): number {
  const tolerance = 1e-12 * Math.max(1, a.cost, b.cost);
  if (Math.abs(a.cost - b.cost) > tolerance) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) {
    const d = (a.nodes[i] as number) - (b.nodes[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

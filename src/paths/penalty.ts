/**
 * Diverse chains by penalty: from the likeliest chains (a pool found by Yen's algorithm), pick one
 * at a time the chain minimising `cost + penalty × (intermediaries it shares with chains already
 * picked)`. A penalty of 0 gives the k likeliest chains; a large penalty approaches disjoint
 * chains, but never leaves the pool.
 *
 * @module
 */
import { compareChains, type RankedChain } from './rank.js';

/** Picks `k` chains from `pool` (cheapest first), trading likelihood for spread. */
export function penalisedChains(
  pool: readonly RankedChain[],
  k: number,
  penalty: number,
): RankedChain[] {
  const remaining = [...pool];
  const picked: RankedChain[] = [];
  const uses = new Map<number, number>();
  while (picked.length < k && remaining.length > 0) {
    let at = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    remaining.forEach((chain, i) => {
      let shared = 0;
      for (let j = 1; j + 1 < chain.nodes.length; j++)
        shared += uses.get(chain.nodes[j] as number) ?? 0;
      // shared is 0 for a chain with no reused connector, even when the penalty is Infinity.
      const score = shared === 0 ? chain.cost : chain.cost + penalty * shared;
      const better =
        score < bestScore ||
        (score === bestScore && compareChains(chain, remaining[at] as RankedChain) < 0);
      if (better) {
        bestScore = score;
        at = i;
      }
    });
    const chain = remaining.splice(at, 1)[0] as RankedChain;
    picked.push(chain);
    for (let j = 1; j + 1 < chain.nodes.length; j++) {
      const v = chain.nodes[j] as number;
      uses.set(v, (uses.get(v) ?? 0) + 1);
    }
  }
  return picked;
}

/**
 * Chains that share no intermediary: the best chain, then the best chain avoiding every
 * intermediary used so far, and so on (a greedy sequence: each chain is the likeliest given the
 * ones before it, so no single connector is a single point of failure).
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import { chainCost } from '../graph/steps.js';
import type { RankedChain } from './rank.js';
import type { ChainSearch, SearchContext } from './search.js';

/** Chains from `source` with pairwise disjoint intermediaries, each the best given the earlier ones. */
export function* disjointChains(
  g: CompiledNetwork,
  search: ChainSearch,
  context: SearchContext,
  source: number,
  hopBudget: number,
): Generator<RankedChain, void, undefined> {
  let used: Uint8Array | undefined;
  let usedDirect: Uint8Array | undefined;
  for (;;) {
    const found = search.best(source, hopBudget, context, used, usedDirect);
    if (found === null) return;
    context.work.chargeChain();
    yield { nodes: found.nodes, cost: chainCost(g, found.nodes, context.senderCost) };
    if (found.nodes.length <= 1) return;
    used ??= new Uint8Array(g.nodeCount);
    usedDirect ??= new Uint8Array(g.nodeCount);
    // A direct tie has no intermediary to exclude; exclude the step itself instead.
    if (found.nodes.length === 2) usedDirect[found.nodes[1] as number] = 1;
    for (let i = 1; i + 1 < found.nodes.length; i++) used[found.nodes[i] as number] = 1;
  }
}

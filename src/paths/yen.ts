/**
 * Yen's k shortest loopless paths (Yen 1971) as a lazy generator, with Lawler's (1972)
 * refinement: a new chain only forks from the point where it left its parent, because forks
 * before that point were already tried for the parent with the same root.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import { chainCost } from '../graph/steps.js';
import { compareChains, type RankedChain } from './rank.js';
import type { ChainSearch, SearchContext } from './search.js';

interface Candidate extends RankedChain {
  /** Index of the person where this chain forked from its parent. */
  readonly deviation: number;
}

/**
 * The loopless chains from `source` to the context's targets with at most `hopBudget` steps,
 * cheapest first (ties ordered by {@link compareChains}).
 */
export function* yenChains(
  g: CompiledNetwork,
  search: ChainSearch,
  context: SearchContext,
  source: number,
  hopBudget: number,
): Generator<RankedChain, void, undefined> {
  const first = search.best(source, hopBudget, context, undefined, undefined);
  if (first === null) return;
  context.work.chargeChain();
  const candidates: Candidate[] = [
    { nodes: first.nodes, cost: chainCost(g, first.nodes, context.senderCost), deviation: 0 },
  ];
  const accepted: Candidate[] = [];
  // Allocated only once a second chain is wanted: asking for one chain costs one search.
  let seen: Set<string> | undefined;
  let rootBlocked: Uint8Array | undefined;
  let firstBlocked: Uint8Array | undefined;

  while (candidates.length > 0) {
    let at = 0;
    for (let i = 1; i < candidates.length; i++) {
      if (compareChains(candidates[i] as Candidate, candidates[at] as Candidate) < 0) at = i;
    }
    const chain = candidates.splice(at, 1)[0] as Candidate;
    accepted.push(chain);
    yield { nodes: chain.nodes, cost: chain.cost };

    const nodes = chain.nodes;
    seen ??= new Set([first.nodes.join(',')]);
    rootBlocked ??= new Uint8Array(g.nodeCount);
    firstBlocked ??= new Uint8Array(g.nodeCount);
    // The root (the people before the spur) and the accepted chains sharing it grow by one
    // person per spur: kept up to date step by step, so a chain of L people costs O(L), not
    // O(L^2), before any search (a long chain would otherwise stall here, uncounted by the caps).
    for (let j = 0; j < chain.deviation; j++) rootBlocked[nodes[j] as number] = 1;
    let sharing = accepted.filter((other) => sameRoot(other.nodes, nodes, chain.deviation - 1));
    for (let i = chain.deviation; i + 1 < nodes.length && i < hopBudget; i++) {
      const spur = nodes[i] as number;
      if (i > chain.deviation) rootBlocked[nodes[i - 1] as number] = 1;
      sharing = sharing.filter((other) => other.nodes[i] === spur);
      const blockedSteps: number[] = [];
      for (const other of sharing) {
        if (other.nodes.length > i + 1) {
          const next = other.nodes[i + 1] as number;
          firstBlocked[next] = 1;
          blockedSteps.push(next);
        }
      }
      const spurChain = search.best(spur, hopBudget - i, context, rootBlocked, firstBlocked);
      for (const next of blockedSteps) firstBlocked[next] = 0;
      if (spurChain === null) continue;
      const full = [...nodes.slice(0, i), ...spurChain.nodes];
      const key = full.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      context.work.chargeChain();
      candidates.push({ nodes: full, cost: chainCost(g, full, context.senderCost), deviation: i });
    }
    for (const v of nodes) rootBlocked[v] = 0;
  }
}

function sameRoot(a: readonly number[], b: readonly number[], through: number): boolean {
  for (let j = 0; j <= through; j++) if (a[j] !== b[j]) return false;
  return true;
}

/**
 * The JavaScript peers of the chains benchmark, each built from the same tie stream with
 * `cost = -ln(strength)` on every tie: graphology + graphology-shortest-path (bidirectional
 * Dijkstra) and ngraph.graph + ngraph.path (NBA* and A* with a zero heuristic, both exact).
 *
 * @module
 */
import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import createGraph, { type Graph as NGraph } from 'ngraph.graph';
import { aStar, nba } from 'ngraph.path';
import type { GeneratedNetwork } from './generate.js';

/** A path search of a peer: person indices in, the chain's person indices out (or null). */
export type PeerQuery = (source: number, target: number) => number[] | null;

/** A peer library loaded with one network. */
export interface LoadedPeer {
  /** Named searches on the loaded graph. */
  readonly queries: Readonly<Record<string, PeerQuery>>;
}

/** graphology's UndirectedGraph with a `cost` attribute per edge; node keys are the ids. */
export function loadGraphology(
  network: GeneratedNetwork,
  ids: readonly string[],
  indexOf: ReadonlyMap<string, number>,
): LoadedPeer {
  const graph = new UndirectedGraph<Record<string, never>, { cost: number }>();
  for (const id of ids) graph.addNode(id);
  network.forEachTie((s, t, strength) => {
    graph.addEdge(ids[s] as string, ids[t] as string, { cost: -Math.log(strength) });
  });
  return {
    queries: {
      'graphology bidirectional': (s, t) => {
        const path = bidirectional(graph, ids[s], ids[t], 'cost');
        return path === null ? null : path.map((id) => indexOf.get(id) as number);
      },
    },
  };
}

/** ngraph.graph with numeric node ids and the cost as each link's data. */
export function loadNgraph(network: GeneratedNetwork): LoadedPeer {
  const graph: NGraph<undefined, number> = createGraph();
  for (let i = 0; i < network.people; i++) graph.addNode(i);
  network.forEachTie((s, t, strength) => {
    graph.addLink(s, t, -Math.log(strength));
  });
  const options = {
    oriented: false,
    distance: (_from: unknown, _to: unknown, link: { data: number }) => link.data,
  };
  const nbaFinder = nba(graph, options);
  const aStarFinder = aStar(graph, options);
  // ngraph returns the path from the target back to the source, or [] when there is none.
  const toChain = (path: { id: string | number }[]): number[] | null =>
    path.length === 0 ? null : path.map((node) => node.id as number).reverse();
  return {
    queries: {
      'ngraph.path nba': (s, t) => toChain(nbaFinder.find(s, t)),
      'ngraph.path aStar': (s, t) => toChain(aStarFinder.find(s, t)),
    },
  };
}

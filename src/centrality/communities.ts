/**
 * Communities by the Louvain method (Blondel et al. 2008), through graphology-communities-louvain,
 * seeded so that the same network and seed always give the same communities.
 *
 * @module
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { CompiledNetwork } from '../graph/compiled.js';
import { seededRandom } from '../graph/random.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { modularity } from './modularity.js';
import { checkNumber, checkOptions } from './options.js';
import { type TieWeight, weightedView } from './weights.js';

/** Options of {@link communities}. */
export interface CommunityOptions extends ViewerOptions {
  /** Tie weight read as a similarity (default `'strength'`). */
  readonly weight?: TieWeight;
  /** Resolution γ (default 1): above 1 gives more, smaller communities. */
  readonly resolution?: number;
  /** Seed of the random order Louvain visits people in (default 1). */
  readonly seed?: number;
}

/** A division of the people into communities. */
export interface Communities {
  /** Community number of each person (0, 1, ... in order of first appearance in `network.people`). */
  readonly of: ReadonlyMap<string, number>;
  /** Members of each community, in `network.people` order. */
  readonly members: readonly (readonly string[])[];
  /** Modularity of the division, as {@link modularity} computes it. */
  readonly modularity: number;
}

/** The defaults of {@link CommunityOptions}. */
export const COMMUNITY_DEFAULTS = Object.freeze({
  weight: 'strength' as TieWeight,
  resolution: 1,
  seed: 1,
});

/**
 * Finds communities: groups of people more tied to each other than to the rest, by maximising
 * modularity with the Louvain method. People without ties are communities of their own.
 *
 * @returns The communities, numbered in order of first appearance, and their modularity.
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * const { of, members, modularity } = communities(network, { seed: 7 });
 * of.get('michael'); // 0
 * ```
 * @see Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008.
 */
export function communities(
  network: Network | CompiledNetwork,
  options?: CommunityOptions,
): Communities {
  checkOptions(options, ['weight', 'resolution', 'seed', 'viewer'], (record, issues) => {
    checkNumber(record, 'resolution', issues, { min: 0, minOpen: true });
    checkNumber(record, 'seed', issues, { integer: true });
  });
  const weight = options?.weight ?? COMMUNITY_DEFAULTS.weight;
  const seen = viewedBy(network, options?.viewer);
  const view = weightedView(seen, weight, 'similarity');
  const g = view.compiled;
  // Keys are indices (people numbered in id order): safe as object keys, independent of input order.
  // People without ties are left out (each is a community of their own): in the graph they
  // would change Louvain's seeded visiting order, so adding one could move everyone else.
  const graph = new UndirectedGraph();
  for (let v = 0; v < view.n; v++) {
    if ((g.offsets[v + 1] as number) > (g.offsets[v] as number)) graph.addNode(String(v));
  }
  for (let u = 0; u < view.n; u++) {
    for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
      const v = g.neighbors[e] as number;
      if (u < v) graph.addEdge(String(u), String(v), { weight: view.weights[e] as number });
    }
  }
  const found = louvain(graph, {
    getEdgeWeight: 'weight',
    resolution: options?.resolution ?? COMMUNITY_DEFAULTS.resolution,
    rng: seededRandom(options?.seed ?? COMMUNITY_DEFAULTS.seed),
  });
  const renumber = new Map<number, number>();
  const of = new Map<string, number>();
  const members: string[][] = [];
  for (const v of view.order) {
    const raw = found[String(v)];
    let c = raw === undefined ? undefined : renumber.get(raw);
    if (c === undefined) {
      c = members.length;
      if (raw !== undefined) renumber.set(raw, c);
      members.push([]);
    }
    const id = g.ids[v] as string;
    of.set(id, c);
    members[c]?.push(id);
  }
  return Object.freeze({
    of,
    members: Object.freeze(members.map((list) => Object.freeze(list))),
    modularity: modularity(seen, members, {
      weight,
      resolution: options?.resolution ?? COMMUNITY_DEFAULTS.resolution,
    }),
  });
}

/**
 * Modularity of a division of the network into communities (Newman & Girvan 2004), weighted,
 * with a resolution parameter (Reichardt & Bornholdt 2006), as NetworkX computes it.
 *
 * @module
 */
import { InvalidOptionsError } from '../errors.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { requirePeople } from './betweenness.js';
import { checkNumber, checkOptions } from './options.js';
import { type TieWeight, weightedView } from './weights.js';

/** Options of {@link modularity}. */
export interface ModularityOptions extends ViewerOptions {
  /** Tie weight read as a similarity (default `'strength'`). */
  readonly weight?: TieWeight;
  /** Resolution γ (default 1): above 1 favours smaller communities. */
  readonly resolution?: number;
}

/**
 * Q = Σ_c [ W_c / W − γ (D_c / 2W)² ], where W is the total tie weight, W_c the weight of ties
 * inside community c and D_c the total weighted degree of its members.
 *
 * @param communities - Each community as a list of person ids; every person exactly once.
 * @throws InvalidOptionsError if the communities do not partition the people.
 * @throws UnknownEntityError for unknown ids.
 * @example
 * ```ts
 * modularity(network, [['ann', 'bob'], ['cy', 'dee']]); // e.g. 0.42
 * ```
 * @see Newman & Girvan, "Finding and evaluating community structure in networks", Physical Review E 69, 2004.
 */
export function modularity(
  network: Network | CompiledNetwork,
  communities: readonly (readonly string[])[],
  options?: ModularityOptions,
): number {
  checkOptions(options, ['weight', 'resolution', 'viewer'], (record, issues) =>
    checkNumber(record, 'resolution', issues, { min: 0 }),
  );
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? 'strength',
    'similarity',
  );
  const g = view.compiled;
  const index = requirePeople(view, communities.flat());
  const community = new Int32Array(view.n).fill(-1);
  communities.forEach((members, c) => {
    for (const id of members) {
      const v = index(id);
      if (community[v] !== -1)
        throw new InvalidOptionsError([
          {
            code: 'inconsistent',
            path: 'communities',
            message: `${JSON.stringify(id)} is in more than one community`,
          },
        ]);
      community[v] = c;
    }
  });
  const unassigned = community.indexOf(-1);
  if (unassigned !== -1) {
    throw new InvalidOptionsError([
      {
        code: 'missing_field',
        path: 'communities',
        message: `${JSON.stringify(g.ids[unassigned])} is in no community`,
      },
    ]);
  }
  const gamma = options?.resolution ?? 1;
  const inside = new Float64Array(communities.length);
  const degree = new Float64Array(communities.length);
  let total = 0;
  for (let u = 0; u < view.n; u++) {
    const cu = community[u] as number;
    for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
      const w = view.weights[e] as number;
      degree[cu] = (degree[cu] as number) + w;
      total += w;
      if (community[g.neighbors[e] as number] === cu) inside[cu] = (inside[cu] as number) + w;
    }
  }
  // Each tie was seen from both ends: total = 2W, inside[c] = 2W_c.
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < communities.length; c++) {
    q += (inside[c] as number) / total - gamma * ((degree[c] as number) / total) ** 2;
  }
  return q;
}

/**
 * Closeness centrality, as NetworkX 2.8's `closeness_centrality(G, distance=...)`.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { checkOptions, type ProgressOptions } from './options.js';
import { forEachSource } from './shortest-distances.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link closeness}. */
export interface ClosenessOptions extends ProgressOptions, ViewerOptions {
  /** Tie lengths, read as distances (default `'cost'`, `-ln strength`; `'unweighted'` counts hops). */
  readonly weight?: TieWeight;
  /** Scale by the share of the network each person reaches (Wasserman–Faust; default `true`). */
  readonly wfImproved?: boolean;
}

/** The defaults of {@link ClosenessOptions}. */
export const CLOSENESS_DEFAULTS = Object.freeze({
  weight: 'cost' as TieWeight,
  wfImproved: true,
});

const OPTION_NAMES = ['weight', 'wfImproved', 'onProgress', 'signal', 'viewer'] as const;

/**
 * Closeness centrality of every person: how near they are to the people they can reach.
 *
 * With `r` the number of people person u reaches (u included), `D` the sum of their shortest
 * distances from u, and `n` the number of people, closeness is `(r − 1) / D`, multiplied by
 * `(r − 1) / (n − 1)` when `wfImproved` (the default) so that people in small components do not
 * look central. It is 0 when `D` is 0: an isolated person, a one-person network, or someone
 * whose every reachable person is at distance 0 (ties of strength 1 cost 0), exactly as NetworkX
 * does. The network is seen as undirected (see `weightedView`).
 *
 * Runs one shortest-distance search per person: O(n · m log n), O(n · m) unweighted.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's closeness, in `network.people` order (id order for a compiled network).
 * @throws InvalidOptionsError for unknown options, a `wfImproved` that is not a boolean, an
 *   unknown `weight` name, or a weight function returning anything but a finite number ≥ 0.
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const scores = closeness(network, { weight: 'unweighted' });
 * scores.get('jacob'); // e.g. 0.6
 * ```
 * @see L. C. Freeman, "Centrality in networks: I. Conceptual clarification", Social Networks 1
 *   (1979) 215–239.
 * @see S. Wasserman and K. Faust, "Social Network Analysis: Methods and Applications", Cambridge
 *   University Press (1994), p. 201.
 * @see NetworkX `closeness_centrality`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.centrality.closeness_centrality.html
 */
export function closeness(
  network: Network | CompiledNetwork,
  options?: ClosenessOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    if (record['wfImproved'] !== undefined && typeof record['wfImproved'] !== 'boolean')
      issues.push({ code: 'invalid_type', path: 'wfImproved', message: 'must be a boolean' });
  });
  const weight = options?.weight ?? CLOSENESS_DEFAULTS.weight;
  const wfImproved = options?.wfImproved ?? CLOSENESS_DEFAULTS.wfImproved;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'distance');
  const n = view.n;
  const scores = new Float64Array(n);
  forEachSource(view, options ?? {}, (source, { distance, order, reached }) => {
    let total = 0;
    for (let i = 0; i < reached; i++) total += distance[order[i] as number] as number;
    if (total > 0 && n > 1) {
      const others = reached - 1;
      scores[source] = wfImproved ? (others / total) * (others / (n - 1)) : others / total;
    }
  });
  return scoresByPerson(view, scores);
}

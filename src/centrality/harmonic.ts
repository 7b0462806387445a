/**
 * Harmonic centrality, as NetworkX 2.8's `harmonic_centrality(G, distance=...)`.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { checkOptions, type ProgressOptions } from './options.js';
import { forEachSource } from './shortest-distances.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link harmonic}. */
export interface HarmonicOptions extends ProgressOptions, ViewerOptions {
  /** Tie lengths, read as distances (default `'cost'`, `-ln strength`; `'unweighted'` counts hops). */
  readonly weight?: TieWeight;
}

/** The defaults of {@link HarmonicOptions}. */
export const HARMONIC_DEFAULTS = Object.freeze({
  weight: 'cost' as TieWeight,
});

const OPTION_NAMES = ['weight', 'onProgress', 'signal', 'viewer'] as const;

/**
 * Harmonic centrality of every person: the sum of `1 / d` over the people they can reach, `d`
 * being the shortest distance. Not normalised (divide by `n − 1` for a share of the maximum).
 * Unreachable people add nothing, so it works on disconnected networks; an isolated person
 * scores 0.
 *
 * Zero distances: with the default `'cost'` weight a tie of strength 1 has length 0, so two
 * people can be at distance 0. Like NetworkX (`if d == 0: continue`), such pairs add **nothing**
 * (rather than an infinite amount): a person's score counts only the people at a positive
 * distance. The network is seen as undirected (see `weightedView`).
 *
 * Runs one shortest-distance search per person: O(n · m log n), O(n · m) unweighted.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's harmonic centrality, in `network.people` order (id order for a
 *   compiled network).
 * @throws InvalidOptionsError for unknown options, an unknown `weight` name, or a weight
 *   function returning anything but a finite number ≥ 0.
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const scores = harmonic(network, { weight: 'unweighted' });
 * scores.get('jacob'); // e.g. 3.5: three people one hop away, one two hops away
 * ```
 * @see P. Boldi and S. Vigna, "Axioms for centrality", Internet Mathematics 10 (2014) 222–262.
 * @see M. Marchiori and V. Latora, "Harmony in the small-world", Physica A 285 (2000) 539–546.
 * @see NetworkX `harmonic_centrality`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.centrality.harmonic_centrality.html
 */
export function harmonic(
  network: Network | CompiledNetwork,
  options?: HarmonicOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES);
  const weight = options?.weight ?? HARMONIC_DEFAULTS.weight;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'distance');
  const scores = new Float64Array(view.n);
  forEachSource(view, options ?? {}, (source, { distance, order, reached }) => {
    let total = 0;
    for (let i = 0; i < reached; i++) {
      const d = distance[order[i] as number] as number;
      if (d > 0) total += 1 / d;
    }
    scores[source] = total;
  });
  return scoresByPerson(view, scores);
}

/**
 * Degree and strength (weighted degree), as NetworkX 2.8's `degree_centrality(G)` and
 * `G.degree(weight=...)`.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { checkOptions } from './options.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link degree}. */
export interface DegreeOptions extends ViewerOptions {
  /** Divide by `n − 1`, the most ties anyone can have (default `false`). */
  readonly normalized?: boolean;
}

/** The defaults of {@link DegreeOptions}. */
export const DEGREE_DEFAULTS = Object.freeze({ normalized: false });

/** Options of {@link strength}. */
export interface StrengthOptions extends ViewerOptions {
  /** Tie weights, read as similarities (default `'strength'`). */
  readonly weight?: TieWeight;
}

/** The defaults of {@link StrengthOptions}. */
export const STRENGTH_DEFAULTS = Object.freeze({ weight: 'strength' as TieWeight });

/**
 * Degree of every person: how many people they have a tie with, in either direction (ties
 * given twice between the same two people count once). With `normalized`, divided by `n − 1`
 * as NetworkX's `degree_centrality`, which gives 1 to the only person of a one-person network.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's degree, in `network.people` order (id order for a compiled network).
 * @throws InvalidOptionsError for unknown options or a `normalized` that is not a boolean.
 * @example
 * ```ts
 * degree(network).get('jacob'); // 3
 * degree(network, { normalized: true }).get('jacob'); // 0.5 in a network of 7 people
 * ```
 * @see L. C. Freeman, "Centrality in networks: I. Conceptual clarification", Social Networks 1
 *   (1979) 215–239.
 * @see NetworkX `degree_centrality`,
 *   https://networkx.org/documentation/networkx-2.8/reference/algorithms/generated/networkx.algorithms.centrality.degree_centrality.html
 */
export function degree(
  network: Network | CompiledNetwork,
  options?: DegreeOptions,
): Map<string, number> {
  checkOptions(options, ['normalized', 'viewer'], (record, issues) => {
    if (record['normalized'] !== undefined && typeof record['normalized'] !== 'boolean')
      issues.push({ code: 'invalid_type', path: 'normalized', message: 'must be a boolean' });
  });
  const normalized = options?.normalized ?? DEGREE_DEFAULTS.normalized;
  const view = weightedView(viewedBy(network, options?.viewer), 'unweighted', 'similarity');
  const { offsets } = view.compiled;
  const n = view.n;
  const scores = new Float64Array(n);
  if (normalized && n <= 1) return scoresByPerson(view, scores.fill(1));
  const scale = normalized ? 1 / (n - 1) : 1;
  for (let u = 0; u < n; u++)
    scores[u] = ((offsets[u + 1] as number) - (offsets[u] as number)) * scale;
  return scoresByPerson(view, scores);
}

/**
 * Strength (weighted degree) of every person: the sum of the weights of their ties, seen as
 * undirected; with the default `'strength'` weight, the sum of their tie strengths. As
 * NetworkX's `G.degree(weight=...)` on the undirected graph.
 *
 * @param network - A network, or its compiled form.
 * @returns Each person's strength, in `network.people` order (id order for a compiled network).
 * @throws InvalidOptionsError for unknown options, an unknown `weight` name, or a weight
 *   function returning anything but a finite number > 0.
 * @example
 * ```ts
 * strength(network).get('jacob'); // e.g. 2.69 for ties of strength 0.8, 0.9 and 0.99
 * strength(network, { weight: 'unweighted' }); // the same as degree(network)
 * ```
 * @see A. Barrat, M. Barthélemy, R. Pastor-Satorras and A. Vespignani, "The architecture of
 *   complex weighted networks", PNAS 101 (2004) 3747–3752.
 * @see T. Opsahl, F. Agneessens and J. Skvoretz, "Node centrality in weighted networks:
 *   generalizing degree and shortest paths", Social Networks 32 (2010) 245–251.
 */
export function strength(
  network: Network | CompiledNetwork,
  options?: StrengthOptions,
): Map<string, number> {
  checkOptions(options, ['weight', 'viewer']);
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? STRENGTH_DEFAULTS.weight,
    'similarity',
  );
  const { offsets } = view.compiled;
  const weights = view.weights;
  const scores = new Float64Array(view.n);
  for (let u = 0; u < view.n; u++) {
    let sum = 0;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++)
      sum += weights[e] as number;
    scores[u] = sum;
  }
  return scoresByPerson(view, scores);
}

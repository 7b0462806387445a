/**
 * Burt's effective size and efficiency: how many of a person's contacts are non-redundant.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { forEachTriangle } from './clustering.js';
import { proportionalTieWeights } from './constraint.js';
import { checkOptions } from './options.js';
import { scoresByPerson, type TieWeight, type WeightedView, weightedView } from './weights.js';

/** Options of {@link effectiveSize} and {@link efficiency}. */
export interface EffectiveSizeOptions extends ViewerOptions {
  /** How to weigh ties, as similarities (default `'strength'`; `'unweighted'` counts every tie as 1). */
  readonly weight?: TieWeight;
}

/** The defaults of {@link EffectiveSizeOptions}. */
export const EFFECTIVE_SIZE_DEFAULTS = Object.freeze({ weight: 'strength' as TieWeight });

const OPTION_NAMES = ['weight', 'viewer'] as const;

function effectiveSizes(view: WeightedView, weight: TieWeight): Float64Array {
  const g = view.compiled;
  const { offsets, refs } = g;
  const n = view.n;
  // redundancy[u] = Σ_v Σ_w p_uw m_vw over u's contacts v and the contacts w that u and v share.
  const redundancy = new Float64Array(n);
  if (weight === 'unweighted') {
    // Borgatti's form n − 2t/n: redundancy[u] counts the ties among u's contacts (triangles).
    forEachTriangle(g, (a, b, c) => {
      redundancy[a] = (redundancy[a] as number) + 1;
      redundancy[b] = (redundancy[b] as number) + 1;
      redundancy[c] = (redundancy[c] as number) + 1;
    });
  } else {
    const p = proportionalTieWeights(view);
    // m per cost slot: for the step v→w, w_vw divided by v's strongest tie.
    const m = new Float64Array(p.length);
    for (let v = 0; v < n; v++) {
      let strongest = 0;
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++)
        strongest = Math.max(strongest, view.weights[e] as number);
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++)
        m[refs[e] as number] = (view.weights[e] as number) / strongest;
    }
    forEachTriangle(g, (a, b, c, ab, bc, ac) => {
      const ba = ab ^ 1;
      const cb = bc ^ 1;
      const ca = ac ^ 1;
      redundancy[a] =
        (redundancy[a] as number) +
        (p[ac] as number) * (m[bc] as number) +
        (p[ab] as number) * (m[cb] as number);
      redundancy[b] =
        (redundancy[b] as number) +
        (p[bc] as number) * (m[ac] as number) +
        (p[ba] as number) * (m[ca] as number);
      redundancy[c] =
        (redundancy[c] as number) +
        (p[ca] as number) * (m[ba] as number) +
        (p[cb] as number) * (m[ab] as number);
    });
  }
  const sizes = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const k = (offsets[u + 1] as number) - (offsets[u] as number);
    const r = redundancy[u] as number;
    if (k === 0) sizes[u] = Number.NaN;
    else sizes[u] = weight === 'unweighted' ? k - (2 * r) / k : k - r;
  }
  return sizes;
}

/** What effectiveSize and efficiency share: checked options and everyone's effective size. */
function checkedEffectiveSizes(
  network: Network | CompiledNetwork,
  options: EffectiveSizeOptions | undefined,
): { readonly view: WeightedView; readonly sizes: Float64Array } {
  checkOptions(options, OPTION_NAMES);
  const weight = options?.weight ?? EFFECTIVE_SIZE_DEFAULTS.weight;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'similarity');
  return { view, sizes: effectiveSizes(view, weight) };
}

/**
 * Burt's effective size of everyone's ego network: the number of contacts minus their
 * redundancy, `e_i = Σ_j (1 − Σ_q p_iq m_jq)` over i's contacts j and the contacts q that i and j
 * share, where `p_iq` is the share of i's tie weight that goes to q and `m_jq` is j's tie to q
 * divided by j's strongest tie. Unweighted (`weight: 'unweighted'`) this is Borgatti's
 * `n − 2t / n` for n contacts with t ties among them. The network is seen as undirected.
 * Matches NetworkX's `effective_size(G, weight=...)` (`weight=None` for `'unweighted'`).
 *
 * People without contacts get `NaN` (effective size is not defined for them; NetworkX does the same).
 *
 * Runs in O(m^1.5) time (one pass over the triangles) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'strength'` (default), `'unweighted'`, `'cost'` or a function of the tie.
 * @returns Each person's effective size (between 1 and their number of contacts) keyed by id, in
 *   `network.people` order (id order for a compiled network); `NaN` for people without contacts.
 * @throws InvalidOptionsError for an unknown option or weight name, or a weight function that
 *   returns something other than a finite number > 0.
 * @example
 * ```ts
 * // c's contacts are a, b (who know each other) and d.
 * effectiveSize(network, { weight: 'unweighted' }).get('c'); // 3 − 2·1/3 = 7/3
 * ```
 * @see Burt, *Structural Holes: The Social Structure of Competition*, Harvard University Press, 1992.
 * @see Borgatti, "Structural Holes: Unpacking Burt's Redundancy Measures", Connections 20(1), 1997.
 * @see NetworkX `networkx.algorithms.structuralholes.effective_size` (2.8).
 */
export function effectiveSize(
  network: Network | CompiledNetwork,
  options?: EffectiveSizeOptions,
): Map<string, number> {
  const { view, sizes } = checkedEffectiveSizes(network, options);
  return scoresByPerson(view, sizes);
}

/**
 * Burt's efficiency of everyone's ego network: effective size (see {@link effectiveSize}) divided
 * by the number of contacts, from 1 (no contact is redundant) down towards 0.
 *
 * People without contacts get `NaN`.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'strength'` (default), `'unweighted'`, `'cost'` or a function of the tie.
 * @returns Each person's efficiency in (0, 1] keyed by id, in `network.people` order (id order
 *   for a compiled network); `NaN` for people without contacts.
 * @throws InvalidOptionsError for an unknown option or weight name, or a weight function that
 *   returns something other than a finite number > 0.
 * @example
 * ```ts
 * // c's contacts are a, b (who know each other) and d.
 * efficiency(network, { weight: 'unweighted' }).get('c'); // (7/3) / 3 = 7/9
 * ```
 * @see Burt, *Structural Holes: The Social Structure of Competition*, Harvard University Press, 1992.
 * @see NetworkX's `effective_size` documentation (2.8), Notes, which defines efficiency the same way.
 */
export function efficiency(
  network: Network | CompiledNetwork,
  options?: EffectiveSizeOptions,
): Map<string, number> {
  const { view, sizes } = checkedEffectiveSizes(network, options);
  const { offsets } = view.compiled;
  for (let u = 0; u < view.n; u++)
    sizes[u] = (sizes[u] as number) / ((offsets[u + 1] as number) - (offsets[u] as number));
  return scoresByPerson(view, sizes);
}

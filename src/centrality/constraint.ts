/**
 * Burt's constraint: how much a person's contacts are invested in one another, so that the
 * person has few structural holes to broker.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { forEachTriangle } from './clustering.js';
import { checkOptions } from './options.js';
import { scoresByPerson, type TieWeight, type WeightedView, weightedView } from './weights.js';

/** Options of {@link constraint}. */
export interface ConstraintOptions extends ViewerOptions {
  /** How to weigh ties, as similarities (default `'strength'`; `'unweighted'` counts every tie as 1). */
  readonly weight?: TieWeight;
}

/** The defaults of {@link ConstraintOptions}. */
export const CONSTRAINT_DEFAULTS = Object.freeze({ weight: 'strength' as TieWeight });

const OPTION_NAMES = ['weight', 'viewer'] as const;

/**
 * The share of each person's tie weight that goes to each contact, per cost slot: for the step
 * u→v (slot `s`), `p[s] = w_uv / Σ_k w_uk`. NetworkX's normalised mutual weight of an undirected
 * graph, where the mutual weight `w_uv + w_vu` is twice the tie weight and the 2 cancels.
 *
 * @internal
 */
export function proportionalTieWeights(view: WeightedView): Float64Array {
  const { offsets, refs, costs } = view.compiled;
  const p = new Float64Array(costs.length);
  for (let u = 0; u < view.n; u++) {
    const start = offsets[u] as number;
    const end = offsets[u + 1] as number;
    let total = 0;
    for (let e = start; e < end; e++) total += view.weights[e] as number;
    for (let e = start; e < end; e++) p[refs[e] as number] = (view.weights[e] as number) / total;
  }
  return p;
}

/**
 * Burt's local constraint of each contact on each person, per cost slot: for the step u→v,
 * `c_uv = (p_uv + Σ_w p_uw p_wv)²` over the contacts w that u and v share. One pass over the
 * triangles adds each shared contact's indirect investment to the six steps of its triangle.
 *
 * @internal
 */
export function localConstraints(view: WeightedView): Float64Array {
  const p = proportionalTieWeights(view);
  const indirect = new Float64Array(p.length);
  forEachTriangle(view.compiled, (_a, _b, _c, ab, bc, ac) => {
    const ba = ab ^ 1;
    const cb = bc ^ 1;
    const ca = ac ^ 1;
    const pab = p[ab] as number;
    const pba = p[ba] as number;
    const pbc = p[bc] as number;
    const pcb = p[cb] as number;
    const pac = p[ac] as number;
    const pca = p[ca] as number;
    indirect[ab] = (indirect[ab] as number) + pac * pcb;
    indirect[ac] = (indirect[ac] as number) + pab * pbc;
    indirect[ba] = (indirect[ba] as number) + pbc * pca;
    indirect[bc] = (indirect[bc] as number) + pba * pac;
    indirect[ca] = (indirect[ca] as number) + pcb * pba;
    indirect[cb] = (indirect[cb] as number) + pca * pab;
  });
  const local = new Float64Array(p.length);
  for (let s = 0; s < p.length; s++) {
    const c = (p[s] as number) + (indirect[s] as number);
    local[s] = c * c;
  }
  return local;
}

/**
 * Each person's constraint by node index, `C_u = Σ_v c_uv` over u's contacts v (`NaN` without
 * contacts), with the local constraints `c_uv` it sums: {@link constraint} reports the totals,
 * and hierarchy measures how evenly each total is spread over its terms.
 *
 * @internal
 */
export function constraintTotals(view: WeightedView): {
  readonly local: Float64Array;
  readonly totals: Float64Array;
} {
  const local = localConstraints(view);
  const { offsets, refs } = view.compiled;
  const totals = new Float64Array(view.n);
  for (let u = 0; u < view.n; u++) {
    const start = offsets[u] as number;
    const end = offsets[u + 1] as number;
    let total = start === end ? Number.NaN : 0;
    for (let e = start; e < end; e++) total += local[refs[e] as number] as number;
    totals[u] = total;
  }
  return { local, totals };
}

/**
 * Burt's constraint on everyone: `C_i = Σ_j (p_ij + Σ_q p_iq p_qj)²` over i's contacts j (and
 * their shared contacts q), where `p_ij` is the share of i's tie weight that goes to j. High
 * constraint (up to about 1 for a single contact, above 1 in small dense cliques) means a
 * person's contacts are tied to each other and to one another's contacts: few structural holes.
 * The network is seen as undirected. Matches NetworkX's `constraint(G, weight=...)`.
 *
 * People without contacts get `NaN` (constraint is not defined for them; NetworkX does the same).
 *
 * Runs in O(m^1.5) time (one pass over the triangles) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'strength'` (default), `'unweighted'`, `'cost'` or a function of the tie.
 * @returns Each person's constraint keyed by id, in `network.people` order (id order for a
 *   compiled network); `NaN` for people without contacts.
 * @throws InvalidOptionsError for an unknown option or weight name, or a weight function that
 *   returns something other than a finite number > 0.
 * @example
 * ```ts
 * // A star: the hub h has three contacts who do not know each other.
 * const c = constraint(network, { weight: 'unweighted' });
 * c.get('h');    // 3 × (1/3)² = 1/3: low, the hub spans three holes
 * c.get('leaf'); // 1: a single contact constrains completely
 * ```
 * @see Burt, *Structural Holes: The Social Structure of Competition*, Harvard University Press, 1992.
 * @see Burt, "Structural Holes and Good Ideas", American Journal of Sociology 110(2), 2004.
 * @see NetworkX `networkx.algorithms.structuralholes.constraint` (2.8).
 */
export function constraint(
  network: Network | CompiledNetwork,
  options?: ConstraintOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES);
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? CONSTRAINT_DEFAULTS.weight,
    'similarity',
  );
  return scoresByPerson(view, constraintTotals(view).totals);
}

/**
 * Burt's hierarchy: how far a person's constraint is concentrated in a single contact.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { constraintTotals } from './constraint.js';
import { checkOptions } from './options.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link hierarchy}. */
export interface HierarchyOptions extends ViewerOptions {
  /** How to weigh ties, as similarities (default `'strength'`; `'unweighted'` counts every tie as 1). */
  readonly weight?: TieWeight;
}

/** The defaults of {@link HierarchyOptions}. */
export const HIERARCHY_DEFAULTS = Object.freeze({ weight: 'strength' as TieWeight });

const OPTION_NAMES = ['weight', 'viewer'] as const;

/**
 * Burt's hierarchy of everyone: the Coleman–Theil disorder index of the local constraints on a
 * person, `H_i = Σ_j r_j ln r_j / (N ln N)` with `r_j = c_ij / (C_i / N)`, over i's N contacts j,
 * where `c_ij` is the local constraint of j on i (see {@link constraint}) and `C_i = Σ_j c_ij`.
 * 0 when every contact constrains equally, approaching 1 when one contact holds all of it. The
 * network is seen as undirected.
 *
 * A person with one contact gets 0 (one contact is trivially equal to itself; the formula would
 * be 0/0); a person without contacts gets `NaN`. Rounding can leave a sum a hair below 0 when
 * all contacts constrain equally; such values are reported as 0. NetworkX has no hierarchy.
 *
 * Runs in O(m^1.5) time (one pass over the triangles) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'strength'` (default), `'unweighted'`, `'cost'` or a function of the tie.
 * @returns Each person's hierarchy in [0, 1) keyed by id, in `network.people` order (id order for
 *   a compiled network); `NaN` for people without contacts.
 * @throws InvalidOptionsError for an unknown option or weight name, or a weight function that
 *   returns something other than a finite number > 0.
 * @example
 * ```ts
 * // A star: the hub's three contacts constrain it equally.
 * hierarchy(network, { weight: 'unweighted' }).get('hub'); // 0
 * ```
 * @see Burt, *Structural Holes: The Social Structure of Competition*, Harvard University Press,
 *   1992, pp. 70–71 (hierarchy as the Coleman–Theil disorder index of constraint).
 * @see Burt, *Brokerage and Closure*, Oxford University Press, 2005.
 */
export function hierarchy(
  network: Network | CompiledNetwork,
  options?: HierarchyOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES);
  const view = weightedView(
    viewedBy(network, options?.viewer),
    options?.weight ?? HIERARCHY_DEFAULTS.weight,
    'similarity',
  );
  const { local, totals } = constraintTotals(view);
  const { offsets, refs } = view.compiled;
  const scores = new Float64Array(view.n);
  for (let u = 0; u < view.n; u++) {
    const start = offsets[u] as number;
    const end = offsets[u + 1] as number;
    const contacts = end - start;
    if (contacts < 2) {
      scores[u] = contacts === 0 ? Number.NaN : 0;
      continue;
    }
    const mean = (totals[u] as number) / contacts;
    let sum = 0;
    for (let e = start; e < end; e++) {
      const r = (local[refs[e] as number] as number) / mean;
      // r ln r tends to 0 as r does (a constraint that underflowed to 0 is not NaN).
      if (r > 0) sum += r * Math.log(r);
    }
    scores[u] = Math.max(0, sum / (contacts * Math.log(contacts)));
  }
  return scoresByPerson(view, scores);
}

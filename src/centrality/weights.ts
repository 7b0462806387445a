/**
 * The tie weight convention shared by every connector measure, and the undirected weighted view
 * of a network they run on.
 *
 * A measure reads weights either as **distances** (betweenness, closeness, harmonic: a shorter
 * distance is a closer tie) or as **similarities** (PageRank, eigenvector, strength, clustering,
 * structural holes: a larger weight is a stronger tie); each says which, and picks the natural
 * default: `'cost'` (`-ln strength`) for distances, `'strength'` for similarities. `weight` may be
 * `'strength'`, `'cost'`, `'unweighted'` (every tie 1) or a function of the tie, resolved once per
 * call. Structural measures see the network as undirected: a tie's strength is the stronger of
 * its two directions (`tie.strength`).
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { compileNetwork } from '../graph/compile-network.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import { Network } from '../model/network.js';
import type { Tie } from '../model/ties.js';

/** A tie as a weight function sees it. */
export interface WeightedTie {
  /** One end (the tie's `source` when built from a network). */
  readonly source: string;
  /** The other end. */
  readonly target: string;
  /** The tie's strength: the stronger of its two directions. */
  readonly strength: number;
  /** The tie with its evidence, when the measure runs on a `Network`. */
  readonly tie: Tie | undefined;
}

/** How to weigh ties: a named convention or a function returning a finite number > 0 (≥ 0 for distances). */
export type TieWeight = 'strength' | 'cost' | 'unweighted' | ((tie: WeightedTie) => number);

/** The undirected, weighted view a measure runs on. */
export interface WeightedView {
  readonly compiled: CompiledNetwork;
  readonly network: Network | undefined;
  /** Number of people. */
  readonly n: number;
  /** Weight per compiled tie (index `refs[e] >>> 1`). */
  readonly tieWeight: Float64Array;
  /** Weight per adjacency entry, parallel to `compiled.neighbors`. */
  readonly weights: Float64Array;
  /** Output order: people in `network.people` order (or id order for a bare compiled network). */
  readonly order: readonly number[];
}

function strengthOfTie(g: CompiledNetwork, t: number): number {
  return Math.exp(-Math.min(g.costs[2 * t] as number, g.costs[2 * t + 1] as number));
}

/**
 * Views by source and weight name, built once: measures only read them, and a network (compiled
 * or not) never changes, so repeated measures on one network (`topConnectors`, a report) skip
 * the 24 bytes per tie of set-up. Freed with the network. Weight functions are not cached.
 */
const namedViews = new WeakMap<Network | CompiledNetwork, Map<string, WeightedView>>();

/**
 * Resolves `weight` to one number per tie and builds the view (for a weight name, once per
 * network: the arrays are shared and must not be written to).
 *
 * @param kind - Whether the measure reads weights as distances (0 allowed) or similarities.
 * @throws InvalidOptionsError if `weight` is not a known name or returns an invalid number
 *   (naming the first few ties concerned).
 */
export function weightedView(
  source: Network | CompiledNetwork,
  weight: TieWeight,
  kind: 'distance' | 'similarity',
): WeightedView {
  const named = typeof weight === 'string' ? namedViews.get(source)?.get(weight) : undefined;
  if (named !== undefined) return named;
  const network = source instanceof Network ? source : undefined;
  const g = network === undefined ? (source as CompiledNetwork) : compileNetwork(network);
  const ties = network?.ties();
  const m = g.costs.length / 2;
  const tieWeight = new Float64Array(m);
  const issues: Issue[] = [];
  if (
    typeof weight !== 'function' &&
    weight !== 'strength' &&
    weight !== 'cost' &&
    weight !== 'unweighted'
  ) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'weight',
        message: "must be 'strength', 'cost', 'unweighted' or a function of the tie",
      },
    ]);
  }
  // Ends of each tie, recovered from the adjacency (each tie appears once from each end): only a
  // weight function is told them.
  const ends = new Uint32Array(typeof weight === 'function' ? 2 * m : 0);
  if (typeof weight === 'function') {
    for (let u = 0; u < g.nodeCount; u++) {
      for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
        const ref = g.refs[e] as number;
        ends[ref] = u;
      }
    }
  }
  for (let t = 0; t < m; t++) {
    const tie = ties?.[t];
    const strength = tie?.strength ?? strengthOfTie(g, t);
    let w: number;
    if (weight === 'strength') w = strength;
    else if (weight === 'cost') w = -Math.log(strength);
    else if (weight === 'unweighted') w = 1;
    else {
      w = weight({
        source: g.ids[ends[2 * t] as number] as string,
        target: g.ids[ends[2 * t + 1] as number] as string,
        strength,
        tie,
      });
      const ok =
        typeof w === 'number' && Number.isFinite(w) && (kind === 'distance' ? w >= 0 : w > 0);
      if (!ok && issues.length < 10) {
        issues.push({
          code: 'out_of_range',
          path: 'weight',
          message: `returned ${String(w)} for the tie ${JSON.stringify(g.ids[ends[2 * t] as number])}–${JSON.stringify(g.ids[ends[2 * t + 1] as number])}; it must be a finite number ${kind === 'distance' ? '≥ 0' : '> 0'}`,
        });
      }
    }
    tieWeight[t] = w;
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  const weights = new Float64Array(g.neighbors.length);
  for (let e = 0; e < weights.length; e++)
    weights[e] = tieWeight[(g.refs[e] as number) >>> 1] as number;
  const order =
    network === undefined
      ? Array.from({ length: g.nodeCount }, (_, i) => i)
      : network.people.map((p) => g.indexOf.get(p.id) as number);
  const view = { compiled: g, network, n: g.nodeCount, tieWeight, weights, order };
  if (typeof weight === 'string') {
    const views = namedViews.get(source) ?? new Map<string, WeightedView>();
    views.set(weight, view);
    namedViews.set(source, views);
  }
  return view;
}

/** Per-person scores as a `Map` in the view's output order. */
export function scoresByPerson(view: WeightedView, scores: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of view.order) out.set(view.compiled.ids[v] as string, scores[v] as number);
  return out;
}

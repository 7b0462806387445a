/**
 * Tie-level embeddedness: how many contacts the two ends of each tie share, and the
 * neighbourhood overlap of Onnela et al. (2007) that normalises it.
 *
 * @module
 */
import { compileNetwork } from '../graph/compile-network.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { forEachTriangle } from './clustering.js';
import { checkOptions } from './options.js';

/** How embedded one tie is. */
export interface TieEmbeddedness {
  /** One end (the tie's `source` in `network.ties()`). */
  readonly source: string;
  /** The other end. */
  readonly target: string;
  /** The number of contacts both ends share. */
  readonly common: number;
}

/** The neighbourhood overlap of one tie. */
export interface TieOverlap extends TieEmbeddedness {
  /** Shared contacts over the contacts either end has besides the other, in [0, 1]. */
  readonly overlap: number;
}

/** The ties of a compiled network, in tie order, with both ends as indices. */
export interface TieList {
  /** Tie indices present in the adjacency, ascending (ties merged into another are left out). */
  readonly ties: Uint32Array;
  /** Per tie index t: `ends[2t]` is its source, `ends[2t + 1]` its target. */
  readonly ends: Uint32Array;
}

/**
 * The compiled network's ties in tie order (the order of `network.ties()` for a compiled
 * `Network`), with their ends.
 *
 * @internal
 */
export function tieList(g: CompiledNetwork): TieList {
  const slots = g.costs.length;
  const ends = new Uint32Array(slots);
  const present = new Uint8Array(slots >>> 1);
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
      const slot = g.refs[e] as number;
      // The step u→v has slot 2t when u is the tie's source.
      ends[slot] = u;
      present[slot >>> 1] = 1;
    }
  }
  const ties = new Uint32Array(g.tieCount);
  for (let t = 0, i = 0; t < present.length; t++) if (present[t] === 1) ties[i++] = t;
  return { ties, ends };
}

/**
 * The number of contacts the two ends of each tie share, per tie index, from one pass over the
 * triangles (each triangle adds one to each of its three ties).
 *
 * @internal
 */
export function commonContactCounts(g: CompiledNetwork): Uint32Array {
  const common = new Uint32Array(g.costs.length >>> 1);
  forEachTriangle(g, (_a, _b, _c, ab, bc, ac) => {
    common[ab >>> 1] = (common[ab >>> 1] as number) + 1;
    common[bc >>> 1] = (common[bc >>> 1] as number) + 1;
    common[ac >>> 1] = (common[ac >>> 1] as number) + 1;
  });
  return common;
}

function compiledOf(
  network: Network | CompiledNetwork,
  options: ViewerOptions | undefined,
): CompiledNetwork {
  checkOptions(options, ['viewer']);
  const seen = viewedBy(network, options?.viewer);
  return seen instanceof Network ? compileNetwork(seen) : seen;
}

/**
 * The embeddedness of every tie: the number of contacts its two ends share (people in contact
 * with both). A tie with none is a local bridge (see `localBridges`). The network is seen as
 * undirected; weights play no part.
 *
 * Runs in O(m^1.5) time (one pass over the triangles) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `viewer`: count only the ties that viewer may see (see `visibleNetwork`).
 * @returns One entry per tie, in the order of `network.ties()` (tie order for a compiled network).
 * @throws InvalidOptionsError for an unknown option or an invalid viewer (or one with a compiled network).
 * @example
 * ```ts
 * // a–b–c a triangle, d hanging off c.
 * embeddedness(network);
 * // [{ source: 'a', target: 'b', common: 1 }, { source: 'b', target: 'c', common: 1 },
 * //  { source: 'a', target: 'c', common: 1 }, { source: 'c', target: 'd', common: 0 }]
 * ```
 * @see Granovetter, "Economic Action and Social Structure: The Problem of Embeddedness", American
 *   Journal of Sociology 91(3), 1985.
 * @see Easley & Kleinberg, *Networks, Crowds, and Markets*, Cambridge University Press, 2010, §3.3.
 */
export function embeddedness(
  network: Network | CompiledNetwork,
  options?: ViewerOptions,
): readonly TieEmbeddedness[] {
  const g = compiledOf(network, options);
  const { ties, ends } = tieList(g);
  const common = commonContactCounts(g);
  const out: TieEmbeddedness[] = [];
  for (const t of ties) {
    out.push(
      Object.freeze({
        source: g.ids[ends[2 * t] as number] as string,
        target: g.ids[ends[2 * t + 1] as number] as string,
        common: common[t] as number,
      }),
    );
  }
  return Object.freeze(out);
}

/**
 * The neighbourhood overlap of every tie (Onnela et al. 2007):
 * `O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij)`, the contacts i and j share (n_ij) over the
 * contacts either has besides the other (k the number of contacts). 0 for a local bridge, 1 when
 * both ends know exactly the same people. A tie whose ends have no other contact at all (an
 * isolated pair) has a denominator of 0 and gets 0. The network is seen as undirected; weights
 * play no part.
 *
 * Runs in O(m^1.5) time (one pass over the triangles) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `viewer`: measure only the ties that viewer may see (see `visibleNetwork`).
 * @returns One entry per tie with its `overlap` and `common` contacts, in the order of
 *   `network.ties()` (tie order for a compiled network).
 * @throws InvalidOptionsError for an unknown option or an invalid viewer (or one with a compiled network).
 * @example
 * ```ts
 * // a–b–c a triangle, d hanging off c.
 * neighborhoodOverlap(network).find((t) => t.source === 'a' && t.target === 'c');
 * // { source: 'a', target: 'c', overlap: 0.5, common: 1 }: b shared, d only c's
 * ```
 * @see Onnela, Saramäki, Hyvönen, Szabó, Lazer, Kaski, Kertész & Barabási, "Structure and tie
 *   strengths in mobile communication networks", PNAS 104(18), 2007.
 */
export function neighborhoodOverlap(
  network: Network | CompiledNetwork,
  options?: ViewerOptions,
): readonly TieOverlap[] {
  const g = compiledOf(network, options);
  const { ties, ends } = tieList(g);
  const common = commonContactCounts(g);
  const degree = (u: number): number => (g.offsets[u + 1] as number) - (g.offsets[u] as number);
  const out: TieOverlap[] = [];
  for (const t of ties) {
    const i = ends[2 * t] as number;
    const j = ends[2 * t + 1] as number;
    const shared = common[t] as number;
    const others = degree(i) - 1 + (degree(j) - 1) - shared;
    out.push(
      Object.freeze({
        source: g.ids[i] as string,
        target: g.ids[j] as string,
        overlap: others === 0 ? 0 : shared / others,
        common: shared,
      }),
    );
  }
  return Object.freeze(out);
}

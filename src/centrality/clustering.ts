/**
 * The local clustering coefficient, and the triangle enumeration that it, the tie-level measures
 * (embeddedness, neighbourhood overlap, local bridges) and Burt's structural-hole measures share.
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { checkOptions } from './options.js';
import { scoresByPerson, type TieWeight, weightedView } from './weights.js';

/** Options of {@link clustering}. */
export interface ClusteringOptions extends ViewerOptions {
  /**
   * `'unweighted'` (default) for the share of closed pairs of contacts; any other weight (a
   * similarity: larger is stronger) for the weighted coefficient of Onnela et al. (2005).
   */
  readonly weight?: TieWeight;
}

/** The defaults of {@link ClusteringOptions}. */
export const CLUSTERING_DEFAULTS = Object.freeze({ weight: 'unweighted' as TieWeight });

const OPTION_NAMES = ['weight', 'viewer'] as const;

/**
 * Receives one triangle: its people `a`, `b`, `c` and the cost slots of the steps a→b, b→c and
 * a→c (the step back is `slot ^ 1`, the tie is `slot >>> 1`).
 */
export type TriangleVisitor = (
  a: number,
  b: number,
  c: number,
  ab: number,
  bc: number,
  ac: number,
) => void;

/**
 * Calls `visit` once per triangle of the compiled network, in a deterministic order that depends
 * only on the people's ids. Runs in O(m^1.5) time and O(n + m) memory: each tie is oriented from
 * the end of lower degree (then lower index) to the other, and every person's oriented contacts
 * are marked once in an array reused for everyone, so a hub's contacts are never scanned once
 * per neighbour.
 *
 * @internal Shared by the measures in this folder; not part of the public API.
 * @see Chiba & Nishizeki, "Arboricity and Subgraph Listing Algorithms", SIAM Journal on Computing 14(1), 1985.
 * @see Latapy, "Main-memory triangle computations for very large (sparse (power-law)) graphs", Theoretical Computer Science 407, 2008.
 */
export function forEachTriangle(g: CompiledNetwork, visit: TriangleVisitor): void {
  const { nodeCount: n, offsets, neighbors, refs } = g;
  const degree = (u: number): number => (offsets[u + 1] as number) - (offsets[u] as number);
  const before = (u: number, v: number): boolean => {
    const du = degree(u);
    const dv = degree(v);
    return du < dv || (du === dv && u < v);
  };
  // The oriented adjacency, as CSR: for each u, the contacts v with before(u, v), ascending.
  const outOffsets = new Uint32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let count = 0;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++)
      if (before(u, neighbors[e] as number)) count++;
    outOffsets[u + 1] = (outOffsets[u] as number) + count;
  }
  const outNeighbors = new Uint32Array(outOffsets[n] as number);
  const outRefs = new Uint32Array(outOffsets[n] as number);
  for (let u = 0, w = 0; u < n; u++) {
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      const v = neighbors[e] as number;
      if (!before(u, v)) continue;
      outNeighbors[w] = v;
      outRefs[w] = refs[e] as number;
      w++;
    }
  }
  const markedBy = new Int32Array(n).fill(-1);
  const slotFrom = new Uint32Array(n);
  for (let a = 0; a < n; a++) {
    const start = outOffsets[a] as number;
    const end = outOffsets[a + 1] as number;
    if (end - start < 2) continue;
    for (let e = start; e < end; e++) {
      const v = outNeighbors[e] as number;
      markedBy[v] = a;
      slotFrom[v] = outRefs[e] as number;
    }
    for (let e = start; e < end; e++) {
      const b = outNeighbors[e] as number;
      const ab = outRefs[e] as number;
      const bEnd = outOffsets[b + 1] as number;
      for (let f = outOffsets[b] as number; f < bEnd; f++) {
        const c = outNeighbors[f] as number;
        if (markedBy[c] === a) visit(a, b, c, ab, outRefs[f] as number, slotFrom[c] as number);
      }
    }
  }
}

/**
 * The local clustering coefficient of everyone: the share of pairs of a person's contacts who are
 * themselves in contact, `2T / (k (k − 1))` for T triangles and k contacts; 0 with fewer than two
 * contacts or no triangle. With a weight, each triangle counts as the geometric mean of its three
 * tie weights, each divided by the largest tie weight in the network (Onnela et al. 2005), as
 * NetworkX's `clustering(G, weight=...)` computes it. The network is seen as undirected.
 *
 * Runs in O(m^1.5) time (triangle listing) and O(n + m) memory.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'unweighted'` (default), `'strength'`, `'cost'` or a function of the tie.
 * @returns Each person's coefficient in [0, 1], keyed by id, in `network.people` order (id order
 *   for a compiled network).
 * @throws InvalidOptionsError for an unknown option or weight name, or a weight function that
 *   returns something other than a finite number > 0.
 * @example
 * ```ts
 * // a–b–c a triangle, d hanging off c.
 * const c = clustering(network);
 * c.get('a'); // 1
 * c.get('c'); // 1/3: of c's three pairs of contacts only a–b are in contact
 * clustering(network, { weight: 'strength' }).get('a'); // ≤ 1, 1 only if every tie is the strongest
 * ```
 * @see Watts & Strogatz, "Collective dynamics of 'small-world' networks", Nature 393, 1998.
 * @see Onnela, Saramäki, Kertész & Kaski, "Intensity and coherence of motifs in weighted complex
 *   networks", Physical Review E 71, 065103, 2005.
 * @see NetworkX `networkx.algorithms.cluster.clustering` (2.8).
 */
export function clustering(
  network: Network | CompiledNetwork,
  options?: ClusteringOptions,
): Map<string, number> {
  checkOptions(options, OPTION_NAMES);
  const weight = options?.weight ?? CLUSTERING_DEFAULTS.weight;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'similarity');
  const g = view.compiled;
  const triangles = new Float64Array(view.n);
  if (weight === 'unweighted') {
    forEachTriangle(g, (a, b, c) => {
      triangles[a] = (triangles[a] as number) + 1;
      triangles[b] = (triangles[b] as number) + 1;
      triangles[c] = (triangles[c] as number) + 1;
    });
  } else {
    let heaviest = 0;
    for (const w of view.weights) if (w > heaviest) heaviest = w;
    const { tieWeight } = view;
    forEachTriangle(g, (a, b, c, ab, bc, ac) => {
      const mean = Math.cbrt(
        ((tieWeight[ab >>> 1] as number) / heaviest) *
          ((tieWeight[bc >>> 1] as number) / heaviest) *
          ((tieWeight[ac >>> 1] as number) / heaviest),
      );
      triangles[a] = (triangles[a] as number) + mean;
      triangles[b] = (triangles[b] as number) + mean;
      triangles[c] = (triangles[c] as number) + mean;
    });
  }
  const scores = new Float64Array(view.n);
  for (let u = 0; u < view.n; u++) {
    const k = (g.offsets[u + 1] as number) - (g.offsets[u] as number);
    const t = triangles[u] as number;
    scores[u] = t === 0 ? 0 : (2 * t) / (k * (k - 1));
  }
  return scoresByPerson(view, scores);
}

/**
 * Local bridges: ties whose two ends share no contact, with their span (how far apart the ends
 * would be without the tie).
 *
 * @module
 */
import type { CompiledNetwork } from '../graph/compiled.js';
import { IndexHeap } from '../graph/heap.js';
import type { Network } from '../model/network.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { throwAbort } from '../paths/search.js';
import { checkOptions, type ProgressOptions } from './options.js';
import { commonContactCounts, tieList } from './tie-overlap.js';
import { type TieWeight, weightedView } from './weights.js';

/** Options of {@link localBridges}. */
export interface LocalBridgeOptions extends ProgressOptions, ViewerOptions {
  /**
   * How to measure the span, as distances: `'unweighted'` (default) counts hops; `'cost'`
   * (`-ln strength`), `'strength'` or a function of the tie (finite, ≥ 0) sum along the path.
   */
  readonly weight?: TieWeight;
}

/** The defaults of {@link LocalBridgeOptions}. */
export const LOCAL_BRIDGE_DEFAULTS = Object.freeze({ weight: 'unweighted' as TieWeight });

const OPTION_NAMES = ['weight', 'onProgress', 'signal', 'viewer'] as const;

/** One local bridge. */
export interface LocalBridge {
  /** One end (the tie's `source` in `network.ties()`). */
  readonly source: string;
  /** The other end. */
  readonly target: string;
  /**
   * The length of the shortest path between the ends that does not use the tie (hops, or summed
   * distance weights); `Infinity` when the tie is the only connection (a bridge).
   */
  readonly span: number;
}

/**
 * Marks the bridges: ties whose removal disconnects their ends (Tarjan's low-link, iterative).
 * Their span is infinite without a search.
 */
function bridgeTies(g: CompiledNetwork): Uint8Array {
  const { nodeCount: n, offsets, neighbors, refs } = g;
  const isBridge = new Uint8Array(g.costs.length >>> 1);
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentTie = new Int32Array(n);
  const cursor = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovered[root] !== -1) continue;
    let depth = 0;
    stack[depth++] = root;
    discovered[root] = time;
    low[root] = time++;
    parentTie[root] = -1;
    cursor[root] = offsets[root] as number;
    while (depth > 0) {
      const u = stack[depth - 1] as number;
      const e = cursor[u] as number;
      if (e < (offsets[u + 1] as number)) {
        cursor[u] = e + 1;
        const t = (refs[e] as number) >>> 1;
        if (t === parentTie[u]) continue;
        const v = neighbors[e] as number;
        if (discovered[v] === -1) {
          discovered[v] = time;
          low[v] = time++;
          parentTie[v] = t;
          cursor[v] = offsets[v] as number;
          stack[depth++] = v;
        } else if ((discovered[v] as number) < (low[u] as number)) {
          low[u] = discovered[v] as number;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = stack[depth - 1] as number;
        if ((low[u] as number) < (low[parent] as number)) low[parent] = low[u] as number;
        if ((low[u] as number) > (discovered[parent] as number))
          isBridge[parentTie[u] as number] = 1;
      }
    }
  }
  return isBridge;
}

/** Shortest-path searches that leave one tie out, with buffers reused across searches. */
class SpanSearch {
  readonly #g: CompiledNetwork;
  readonly #weights: Float64Array;
  readonly #seen: [Uint32Array, Uint32Array];
  readonly #dist: [Float64Array, Float64Array];
  readonly #queue: [Uint32Array, Uint32Array];
  readonly #settled: [Uint32Array, Uint32Array];
  readonly #heaps: [IndexHeap, IndexHeap] = [new IndexHeap(), new IndexHeap()];
  #stamp = 0;

  constructor(g: CompiledNetwork, weights: Float64Array) {
    const n = g.nodeCount;
    this.#g = g;
    this.#weights = weights;
    this.#seen = [new Uint32Array(n), new Uint32Array(n)];
    this.#dist = [new Float64Array(n), new Float64Array(n)];
    this.#queue = [new Uint32Array(n), new Uint32Array(n)];
    this.#settled = [new Uint32Array(n), new Uint32Array(n)];
  }

  /**
   * Fewest hops from s to t without tie `skip`: breadth-first from both ends, a whole level of
   * the smaller frontier at a time, stopping at the first level where the two searches meet.
   */
  hops(s: number, t: number, skip: number): number {
    const { offsets, neighbors, refs } = this.#g;
    const stamp = ++this.#stamp;
    const head = [0, 0];
    const tail = [1, 1];
    const [seenS, seenT] = this.#seen;
    const [distS, distT] = this.#dist;
    seenS[s] = stamp;
    distS[s] = 0;
    this.#queue[0][0] = s;
    seenT[t] = stamp;
    distT[t] = 0;
    this.#queue[1][0] = t;
    let best = Number.POSITIVE_INFINITY;
    while ((head[0] as number) < (tail[0] as number) && (head[1] as number) < (tail[1] as number)) {
      const side =
        (tail[0] as number) - (head[0] as number) <= (tail[1] as number) - (head[1] as number)
          ? 0
          : 1;
      const seen = this.#seen[side] as Uint32Array;
      const dist = this.#dist[side] as Float64Array;
      const queue = this.#queue[side] as Uint32Array;
      const otherSeen = this.#seen[1 - side] as Uint32Array;
      const otherDist = this.#dist[1 - side] as Float64Array;
      const end = tail[side] as number;
      let back = end;
      for (let i = head[side] as number; i < end; i++) {
        const x = queue[i] as number;
        const next = (dist[x] as number) + 1;
        for (let e = offsets[x] as number; e < (offsets[x + 1] as number); e++) {
          if ((refs[e] as number) >>> 1 === skip) continue;
          const y = neighbors[e] as number;
          if (seen[y] === stamp) continue;
          if (otherSeen[y] === stamp) {
            best = Math.min(best, next + (otherDist[y] as number));
            continue;
          }
          seen[y] = stamp;
          dist[y] = next;
          queue[back++] = y;
        }
      }
      head[side] = end;
      tail[side] = back;
      if (best !== Number.POSITIVE_INFINITY) return best;
    }
    return best;
  }

  /**
   * Shortest weighted distance from s to t without tie `skip`: Dijkstra from both ends, always
   * advancing the side whose frontier is nearer, and stopping once the two frontier radii add
   * up to the shortest meeting seen (the rule of Goldberg & Harrelson for weights ≥ 0). Each
   * search covers about half the detour, instead of one search covering all of it.
   */
  distance(s: number, t: number, skip: number): number {
    const { offsets, neighbors, refs } = this.#g;
    const weights = this.#weights;
    const stamp = ++this.#stamp;
    const heaps = this.#heaps;
    const [seenS, seenT] = this.#seen;
    const [distS, distT] = this.#dist;
    seenS[s] = stamp;
    distS[s] = 0;
    heaps[0].clear();
    heaps[0].push(s, 0, s);
    seenT[t] = stamp;
    distT[t] = 0;
    heaps[1].clear();
    heaps[1].push(t, 0, t);
    let best = Number.POSITIVE_INFINITY;
    while (heaps[0].size > 0 && heaps[1].size > 0) {
      const near0 = heaps[0].peekKey();
      const near1 = heaps[1].peekKey();
      if (near0 + near1 >= best) break;
      const side = near0 <= near1 ? 0 : 1;
      const heap = heaps[side];
      const seen = this.#seen[side] as Uint32Array;
      const dist = this.#dist[side] as Float64Array;
      const settled = this.#settled[side] as Uint32Array;
      const otherSeen = this.#seen[1 - side] as Uint32Array;
      const otherDist = this.#dist[1 - side] as Float64Array;
      const x = heap.pop();
      if (settled[x] === stamp) continue;
      settled[x] = stamp;
      const dx = dist[x] as number;
      for (let e = offsets[x] as number; e < (offsets[x + 1] as number); e++) {
        if ((refs[e] as number) >>> 1 === skip) continue;
        const y = neighbors[e] as number;
        const d = dx + (weights[e] as number);
        if (otherSeen[y] === stamp && d + (otherDist[y] as number) < best)
          best = d + (otherDist[y] as number);
        if (settled[y] === stamp) continue;
        if (seen[y] !== stamp || d < (dist[y] as number)) {
          seen[y] = stamp;
          dist[y] = d;
          heap.push(y, d, y);
        }
      }
    }
    return best;
  }
}

/**
 * The local bridges of the network: ties whose two ends share no contact, so that the tie is in
 * no triangle (Granovetter's bridges in the weak sense). Each comes with its span, the length of
 * the shortest path between its ends that avoids it: a hop count by default, or the summed
 * distance weights with `weight` (`'cost'` for `-ln strength`, or a function); `Infinity` when
 * the tie is the ends' only connection. The network is seen as undirected. Matches NetworkX's
 * `local_bridges(G, with_span=True, weight=...)` (`weight=None` for `'unweighted'`).
 *
 * Finding the local bridges takes one pass over the triangles (O(m^1.5)); bridges proper (whose
 * span is infinite) are found in linear time; every other local bridge costs one shortest-path
 * search from both ends that stops as soon as the two searches have met on a shortest detour.
 * That is O(B · (m + n log n)) in the worst case for B such ties, as in NetworkX; in a large sparse
 * network where most ties are local bridges, weighted spans dominate (use `onProgress` and
 * `signal`). The default hop spans are much cheaper.
 *
 * @param network - A network, or a compiled network.
 * @param options - `weight`: `'unweighted'` (default), `'cost'`, `'strength'` or a function of
 *   the tie, read as a distance (finite, ≥ 0); `onProgress(done, total)`, called with the number
 *   of ties examined, and `signal`, for long runs.
 * @returns The local bridges in the order of `network.ties()` (tie order for a compiled network).
 * @throws InvalidOptionsError for an unknown option or weight name, a weight function that
 *   returns something other than a finite number ≥ 0, or an `onProgress` or `signal` of the
 *   wrong type.
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * // Two triangles a–b–c and d–e–f joined by the tie c–d.
 * localBridges(network); // [{ source: 'c', target: 'd', span: Infinity }]
 * // A square a–b–c–d–a: every tie is a local bridge of span 3.
 * ```
 * @see Granovetter, "The Strength of Weak Ties", American Journal of Sociology 78(6), 1973.
 * @see Easley & Kleinberg, *Networks, Crowds, and Markets*, Cambridge University Press, 2010, §3.2.
 * @see NetworkX `networkx.algorithms.bridges.local_bridges` (2.8).
 */
export function localBridges(
  network: Network | CompiledNetwork,
  options?: LocalBridgeOptions,
): readonly LocalBridge[] {
  checkOptions(options, OPTION_NAMES);
  const weight = options?.weight ?? LOCAL_BRIDGE_DEFAULTS.weight;
  const view = weightedView(viewedBy(network, options?.viewer), weight, 'distance');
  const g = view.compiled;
  const { ties, ends } = tieList(g);
  const common = commonContactCounts(g);
  const isBridge = bridgeTies(g);
  const search = new SpanSearch(g, view.weights);
  const out: LocalBridge[] = [];
  const signal = options?.signal;
  const onProgress = options?.onProgress;
  const every = Math.max(1, Math.floor(ties.length / 100));
  for (let i = 0; i < ties.length; i++) {
    const t = ties[i] as number;
    if (common[t] === 0) {
      if (signal?.aborted) throwAbort(signal);
      const s = ends[2 * t] as number;
      const u = ends[2 * t + 1] as number;
      let span = Number.POSITIVE_INFINITY;
      if (isBridge[t] === 0) {
        // From the end with the smaller id, so that the float sum is the same whichever way
        // round the input named the tie.
        const from = Math.min(s, u);
        const to = Math.max(s, u);
        span = weight === 'unweighted' ? search.hops(from, to, t) : search.distance(from, to, t);
      }
      out.push(Object.freeze({ source: g.ids[s] as string, target: g.ids[u] as string, span }));
    }
    if (onProgress && ((i + 1) % every === 0 || i + 1 === ties.length))
      onProgress(i + 1, ties.length);
  }
  return Object.freeze(out);
}

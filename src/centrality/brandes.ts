/**
 * The single-source pass of Brandes' betweenness algorithm on a weighted undirected CSR graph:
 * Dijkstra counting shortest paths (σ) and recording predecessors, then the dependency
 * accumulation, added into a running total.
 *
 * Written to be self-contained (no imports, no outer names but the heap passed in), because its source
 * text is also run inside worker threads. Shortest paths are the cheapest, and among equally cheap
 * ones those with the fewest hops (the same rule `findIntroductions` ranks by). Equal lengths are
 * detected with exact float equality, as NetworkX does; where no tie has cost 0 and no two paths
 * of different hop counts cost exactly the same, the counts are NetworkX's.
 *
 * @see Brandes, "A Faster Algorithm for Betweenness Centrality", Journal of Mathematical Sociology 25(2), 2001.
 */

/** Buffers for repeated passes over one graph (allocated once per thread). */
export interface BrandesBuffers {
  readonly dist: Float64Array;
  readonly hops: Uint32Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly settled: Uint8Array;
  readonly seenStamp: Uint32Array;
  readonly order: Int32Array;
  readonly predHead: Int32Array;
  predNext: Int32Array;
  predNode: Int32Array;
  readonly targetMark: Uint8Array;
  stamp: number;
}

export function createBrandesBuffers(n: number, entries: number): BrandesBuffers {
  return {
    dist: new Float64Array(n),
    hops: new Uint32Array(n),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    settled: new Uint8Array(n),
    seenStamp: new Uint32Array(n),
    order: new Int32Array(n),
    predHead: new Int32Array(n),
    predNext: new Int32Array(Math.max(16, entries)),
    predNode: new Int32Array(Math.max(16, entries)),
    targetMark: new Uint8Array(n),
    stamp: 0,
  };
}

/**
 * Shortest paths from `s`: fills `dist`, `sigma` (number of shortest paths), the predecessor
 * lists and `order` (people in settle order), and returns how many people were reached.
 * `weights[e]` is the length of the step from the owner of entry e to its neighbour (`Infinity`:
 * no step). With `nodeCost`, leaving a person other than `s` adds `nodeCost[v]`, and a person
 * whose cost is `Infinity` is reached but never passed through.
 */
export function shortestPathDag(
  s: number,
  offsets: Uint32Array,
  neighbors: Uint32Array,
  weights: Float64Array,
  unweighted: boolean,
  nodeCost: Float64Array | null,
  buffers: BrandesBuffers,
  heap: {
    clear(): void;
    push(item: number, key: number, tie: number): void;
    pop(): number;
    readonly size: number;
  },
): number {
  const { dist, hops, sigma, settled, seenStamp, order, predHead } = buffers;
  const stamp = ++buffers.stamp;
  let predNext = buffers.predNext;
  let predNode = buffers.predNode;
  let preds = 0;
  let count = 0;
  const addPred = (w: number, v: number): void => {
    if (preds === predNext.length) {
      const next = new Int32Array(preds * 2);
      next.set(predNext);
      predNext = next;
      buffers.predNext = next;
      const node = new Int32Array(preds * 2);
      node.set(predNode);
      predNode = node;
      buffers.predNode = node;
    }
    predNode[preds] = v;
    predNext[preds] = predHead[w] as number;
    predHead[w] = preds++;
  };
  seenStamp[s] = stamp;
  dist[s] = 0;
  hops[s] = 0;
  sigma[s] = 1;
  predHead[s] = -1;
  settled[s] = 0;
  if (unweighted) {
    // Breadth-first: the queue is the settle order.
    order[count++] = s;
    settled[s] = 1;
    for (let head = 0; head < count; head++) {
      const v = order[head] as number;
      const dv = (dist[v] as number) + 1;
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
        const w = neighbors[e] as number;
        if (seenStamp[w] !== stamp) {
          seenStamp[w] = stamp;
          dist[w] = dv;
          sigma[w] = 0;
          predHead[w] = -1;
          settled[w] = 1;
          order[count++] = w;
        }
        if (dist[w] === dv) {
          sigma[w] = (sigma[w] as number) + (sigma[v] as number);
          addPred(w, v);
        }
      }
    }
    return count;
  }
  // Shortest means cheapest, then fewest hops: with ties of cost 0 (strength 1), plain cost would
  // make two people each other's predecessor and count paths twice (as NetworkX 2.8 does); the
  // hop count keeps the predecessor graph acyclic. A heap entry remembers who pushed it.
  heap.clear();
  const pusher = buffers.delta; // reused as "pushed by" until accumulation
  pusher[s] = -1;
  heap.push(s, 0, 0);
  while (heap.size > 0) {
    const v = heap.pop();
    if (settled[v] === 1) continue;
    settled[v] = 1;
    const p = pusher[v] as number;
    if (p !== -1) sigma[v] = (sigma[v] as number) + (sigma[p] as number);
    order[count++] = v;
    let dv = dist[v] as number;
    if (nodeCost !== null && v !== s) {
      const leave = nodeCost[v] as number;
      if (leave === Number.POSITIVE_INFINITY) continue;
      dv += leave;
    }
    const hw = (hops[v] as number) + 1;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const step = weights[e] as number;
      if (step === Number.POSITIVE_INFINITY) continue;
      const w = neighbors[e] as number;
      const d = dv + step;
      const fresh = seenStamp[w] !== stamp;
      if (!fresh && settled[w] === 1) continue;
      if (fresh || d < (dist[w] as number) || (d === dist[w] && hw < (hops[w] as number))) {
        seenStamp[w] = stamp;
        settled[w] = 0;
        dist[w] = d;
        hops[w] = hw;
        sigma[w] = 0;
        predHead[w] = -1;
        addPred(w, v);
        pusher[w] = v;
        heap.push(w, d, hw);
      } else if (d === dist[w] && hw === hops[w]) {
        sigma[w] = (sigma[w] as number) + (sigma[v] as number);
        addPred(w, v);
      }
    }
  }
  return count;
}

/**
 * Adds the dependencies of the last `shortestPathDag` from `s` (which reached `count` people)
 * into `total`. With `targets`, only shortest paths ending at those targets count (NetworkX's
 * `betweenness_centrality_subset`).
 */
export function accumulateDependencies(
  s: number,
  count: number,
  buffers: BrandesBuffers,
  total: Float64Array,
  targets: Int32Array | null,
): void {
  const { sigma, delta, order, predHead, predNext, predNode, targetMark, settled } = buffers;
  if (targets !== null)
    for (let i = 0; i < targets.length; i++) targetMark[targets[i] as number] = 1;
  for (let i = 0; i < count; i++) delta[order[i] as number] = 0;
  for (let i = count - 1; i >= 0; i--) {
    const w = order[i] as number;
    const own = targets === null ? 1 : w !== s && targetMark[w] === 1 ? 1 : 0;
    const coefficient = ((delta[w] as number) + own) / (sigma[w] as number);
    for (let q = predHead[w] as number; q !== -1; q = predNext[q] as number) {
      const v = predNode[q] as number;
      delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
    }
    if (w !== s) total[w] = (total[w] as number) + (delta[w] as number);
  }
  if (targets !== null)
    for (let i = 0; i < targets.length; i++) targetMark[targets[i] as number] = 0;
  for (let i = 0; i < count; i++) settled[order[i] as number] = 0;
}

/**
 * Measuring helpers for the chains benchmark: memory after garbage collection, timing over pairs
 * with a time budget, percentiles, pairs inside one connected component, and an independent
 * check of chain costs on the compiled structure.
 *
 * @module
 */
import { execSync } from 'node:child_process';
import type { CompiledNetwork } from '../src/graph/compiled.js';
import { mulberry32, splitmix32 } from './generate.js';

/** Memory in bytes: V8 heap plus memory outside it (typed arrays), and the resident set. */
export interface MemorySample {
  readonly heap: number;
  readonly rss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether `--expose-gc` is on (memory deltas are meaningless without it). */
export const canCollectGarbage = gc !== undefined;

/** Collects garbage (twice, so weak references and finalisers settle) and samples memory. */
export function settledMemory(): MemorySample {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

/** Bytes of every typed array of the compiled structure (its JS arrays and maps not included). */
export function typedArrayBytes(g: CompiledNetwork): number {
  return (
    g.offsets.byteLength +
    g.neighbors.byteLength +
    g.refs.byteLength +
    g.costs.byteLength +
    g.policy.byteLength +
    g.organization.byteLength
  );
}

/** Times `query` on pairs in order until `budgetMs` is spent (but at least `minPairs`). */
export function timePairs<T>(
  pairs: readonly (readonly [number, number])[],
  budgetMs: number,
  minPairs: number,
  query: (source: number, target: number) => T,
): { times: number[]; results: T[] } {
  const times: number[] = [];
  const results: T[] = [];
  const started = performance.now();
  for (const [s, t] of pairs) {
    if (times.length >= minPairs && performance.now() - started > budgetMs) break;
    const t0 = performance.now();
    const result = query(s, t);
    times.push(performance.now() - t0);
    results.push(result);
  }
  return { times, results };
}

/** The q-quantile by nearest rank (q = 0.5 is the median). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Connected components by breadth-first search on the CSR; returns the largest's people. */
export function largestComponent(g: CompiledNetwork): Uint32Array {
  const n = g.nodeCount;
  const component = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let best = -1;
  let bestSize = 0;
  for (let start = 0, id = 0; start < n; start++) {
    if (component[start] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    component[start] = id;
    while (head < tail) {
      const v = queue[head++] as number;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const w = g.neighbors[e] as number;
        if (component[w] === -1) {
          component[w] = id;
          queue[tail++] = w;
        }
      }
    }
    if (tail > bestSize) {
      bestSize = tail;
      best = id;
    }
    id++;
  }
  const members = new Uint32Array(bestSize);
  for (let v = 0, i = 0; v < n; v++) if (component[v] === best) members[i++] = v;
  return members;
}

/** Seeded random pairs (source ≠ target) drawn from `people`. */
export function randomPairs(
  people: Uint32Array,
  count: number,
  seed: number,
  stream: number,
): [number, number][] {
  const random = mulberry32(splitmix32(seed, stream));
  const pick = () => people[Math.floor(random() * people.length)] as number;
  const pairs: [number, number][] = [];
  while (pairs.length < count) {
    const s = pick();
    const t = pick();
    if (s !== t) pairs.push([s, t]);
  }
  return pairs;
}

/** The adjacency entry of u's step to v (binary search), or -1. Own code, not warmpath's. */
function entry(g: CompiledNetwork, u: number, v: number): number {
  // A linear scan: neighbours are ordered by cost, not by index.
  const end = g.offsets[u + 1] as number;
  for (let e = g.offsets[u] as number; e < end; e++) if (g.neighbors[e] === v) return e;
  return -1;
}

/** The cost of a chain of person indices (Infinity if a step is not a tie). Everyone is open. */
export function chainCost(g: CompiledNetwork, nodes: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = entry(g, nodes[i] as number, nodes[i + 1] as number);
    if (e === -1) return Number.POSITIVE_INFINITY;
    total += g.costs[g.refs[e] as number] as number;
  }
  return total;
}

/**
 * Reference for hop-limited best chains: Bellman–Ford for `maxHops` rounds from the source
 * (the cheapest walk of at most `maxHops` steps is a simple chain, as costs are non-negative).
 * Everyone is open. Reuses the buffers it is given.
 */
export function hopLimitedCost(
  g: CompiledNetwork,
  source: number,
  target: number,
  maxHops: number,
  buffers: { previous: Float64Array; next: Float64Array },
): number {
  let { previous, next } = buffers;
  previous.fill(Number.POSITIVE_INFINITY);
  previous[source] = 0;
  let frontier: number[] = [source];
  for (let h = 0; h < maxHops && frontier.length > 0; h++) {
    next.set(previous);
    const changed: number[] = [];
    for (const u of frontier) {
      const du = previous[u] as number;
      if (u === target) continue;
      for (let e = g.offsets[u] as number; e < (g.offsets[u + 1] as number); e++) {
        const v = g.neighbors[e] as number;
        const c = du + (g.costs[g.refs[e] as number] as number);
        if (c < (next[v] as number)) {
          if (next[v] === previous[v]) changed.push(v);
          next[v] = c;
        }
      }
    }
    [previous, next] = [next, previous];
    frontier = changed;
  }
  return previous[target] as number;
}

/** The commit under test (read-only git), noting uncommitted changes in src/. */
export function revision(): string {
  const git = (args: string) => execSync(`git ${args}`, { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status --porcelain -- src') !== '';
    return `commit ${git('rev-parse --short HEAD')}${dirty ? ', with uncommitted changes in src/' : ''}`;
  } catch {
    return 'commit unknown (not a git work tree)';
  }
}

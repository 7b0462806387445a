/**
 * Helpers of the centrality benchmark: compiling a generated network, running long computations
 * under a time budget (stopping them through their `signal` and extrapolating from their
 * `onProgress` reports), comparing score vectors, and profiling the single-source passes of
 * Brandes' algorithm (the bucket pass betweenness runs, the heap pass it falls back to).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import {
  accumulateDependencies,
  createBrandesBuffers,
  shortestPathDag,
} from '../src/centrality/brandes.js';
import {
  type BucketShape,
  bucketShape,
  createBucketQueue,
  shortestPathDagBuckets,
} from '../src/centrality/brandes-buckets.js';
import { SingleSourceDistances } from '../src/centrality/shortest-distances.js';
import { weightedView } from '../src/centrality/weights.js';
import { type CompiledNetwork, CompiledNetworkBuilder } from '../src/graph/compiled.js';
import { NodeHeap } from '../src/graph/heap.js';
import { type GeneratedNetwork, generateNetwork, mulberry32, splitmix32 } from './generate.js';
import { typedArrayBytes } from './measure.js';

export const ms = (t0: number) => performance.now() - t0;

/** CPU seconds the whole machine has spent busy, from /proc/stat (NaN where unreadable). */
function machineBusySeconds(): number {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal: all but idle and iowait, in 1/100 s.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts watching the machine; the function returned gives the mean number of cores that other
 * processes kept busy since (machine busy time less this process's CPU time, workers included,
 * over wall time). Above 0 on a 2-core machine, other work competed with the measurement.
 */
export function watchOtherWork(): () => number {
  const busy = machineBusySeconds();
  const own = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const wall = ms(t0) / 1000;
    const used = process.cpuUsage(own);
    const ours = (used.user + used.system) / 1e6;
    return Math.max(0, (machineBusySeconds() - busy - ours) / wall);
  };
}

/** A generated network and its compiled form, with what compiling cost. */
export interface CompiledInfo {
  readonly people: number;
  readonly ties: number;
  readonly communities: number;
  /** Time to generate the tie stream alone (subtracted from `compileMs`). */
  readonly generationMs: number;
  /** Streaming the ties into `CompiledNetworkBuilder` plus `build()`, generation excluded. */
  readonly compileMs: number;
  /** `build()` alone. */
  readonly buildMs: number;
  /** Bytes of the compiled typed arrays. */
  readonly typedBytes: number;
}

export interface Compiled {
  readonly network: GeneratedNetwork;
  readonly ids: readonly string[];
  readonly compiled: CompiledNetwork;
  readonly info: CompiledInfo;
}

/** Generates the seeded network and compiles it as bench/chains.ts does. */
export function compileGenerated(people: number, seed: number): Compiled {
  const network = generateNetwork({ people, seed });
  const ids = Array.from({ length: people }, (_, i) => network.id(i));
  const t0 = performance.now();
  network.forEachTie(() => {});
  const generationMs = ms(t0);
  const t1 = performance.now();
  const builder = new CompiledNetworkBuilder();
  for (const id of ids) builder.addPerson(id);
  network.forEachTie((s, t, strength) => {
    builder.addTie(ids[s] as string, ids[t] as string, strength, strength);
  });
  const streamedMs = ms(t1);
  const t2 = performance.now();
  const compiled = builder.build();
  const buildMs = ms(t2);
  for (let i = 0; i < people; i++) {
    // Ids sort as indices, so person i of the generator (and of the edge file) is warmpath's i.
    if (compiled.ids[i] !== ids[i]) throw new Error(`person ${i} is ${compiled.ids[i]} compiled`);
  }
  return {
    network,
    ids,
    compiled,
    info: {
      people,
      ties: compiled.tieCount,
      communities: network.communityCount,
      generationMs,
      compileMs: streamedMs - generationMs + buildMs,
      buildMs,
      typedBytes: typedArrayBytes(compiled),
    },
  };
}

/** What a budgeted run gave: its result if it finished, else an extrapolated time. */
export interface Outcome<T> {
  readonly result: T | undefined;
  /** Measured seconds when it finished; extrapolated seconds when stopped; NaN if unknown. */
  readonly seconds: number;
  /** Seconds actually spent. */
  readonly elapsed: number;
  /** Units (sources) done and to do, from the last progress report. */
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
  /** The budget it ran under, seconds. */
  readonly budget: number;
  /** Mean cores kept busy by other processes meanwhile (see {@link watchOtherWork}). */
  readonly others: number;
  /** Progress reports: [milliseconds since the start, units done]. */
  readonly points: readonly (readonly [number, number])[];
}

interface Budgeted {
  readonly onProgress: (done: number, total: number) => void;
  readonly signal: AbortSignal;
}

/**
 * Seconds for `total` units from progress points: the time of the first report (which carries
 * the set-up) plus the rate between the first and last reports for the rest.
 */
export function extrapolateSeconds(points: readonly (readonly [number, number])[], total: number) {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || first[1] === 0) return Number.NaN;
  if (last[1] === first[1]) return (first[0] * total) / first[1] / 1000;
  const rate = (last[0] - first[0]) / (last[1] - first[1]);
  return (first[0] + rate * (total - first[1])) / 1000;
}

function outcome<T>(
  result: T | undefined,
  t0: number,
  points: [number, number][],
  total: number,
  budgetMs: number,
  others: number,
): Outcome<T> {
  const elapsed = ms(t0) / 1000;
  const finished = result !== undefined;
  const done = finished ? total : (points[points.length - 1]?.[1] ?? 0);
  return {
    result,
    seconds: finished ? elapsed : extrapolateSeconds(points, total),
    elapsed,
    done,
    total,
    finished,
    budget: budgetMs / 1000,
    others,
    points,
  };
}

/**
 * Runs a synchronous measure with `onProgress` and `signal`, aborting it at the progress report
 * after which the next one would fall past the budget.
 */
export function budgetedSync<T>(budgetMs: number, run: (options: Budgeted) => T): Outcome<T> {
  const controller = new AbortController();
  const points: [number, number][] = [];
  let total = 0;
  const others = watchOtherWork();
  const t0 = performance.now();
  const onProgress = (done: number, all: number) => {
    const t = ms(t0);
    const previous = points[points.length - 1];
    points.push([t, done]);
    total = all;
    const step = previous === undefined ? t : t - previous[0];
    if (done < all && t + step > budgetMs) controller.abort();
  };
  try {
    const result = run({ onProgress, signal: controller.signal });
    return outcome(result, t0, points, total, budgetMs, others());
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    return outcome<T>(undefined, t0, points, total, budgetMs, others());
  }
}

/** Runs an asynchronous measure, aborting it when the budget is spent. */
export async function budgetedAsync<T>(
  budgetMs: number,
  run: (options: Budgeted) => Promise<T>,
): Promise<Outcome<T>> {
  const controller = new AbortController();
  const points: [number, number][] = [];
  let total = 0;
  const others = watchOtherWork();
  const t0 = performance.now();
  const timer = setTimeout(() => controller.abort(), budgetMs);
  const onProgress = (done: number, all: number) => {
    points.push([ms(t0), done]);
    total = all;
  };
  try {
    const result = await run({ onProgress, signal: controller.signal });
    return outcome(result, t0, points, total, budgetMs, others());
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    return outcome<T>(undefined, t0, points, total, budgetMs, others());
  } finally {
    clearTimeout(timer);
  }
}

/** Times `run` `repeats` times; returns the times (ms), the last result and other work. */
/** Untimed runs before a repeated JavaScript measurement, so that V8 has optimised its code. */
export const WARMUP_RUNS = 2;

export function repeat<T>(
  repeats: number,
  run: () => T,
): { times: number[]; result: T; others: number } {
  for (let i = 0; i < WARMUP_RUNS; i++) run();
  const times: number[] = [];
  const others = watchOtherWork();
  let result: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = run();
    times.push(ms(t0));
  }
  return { times, result: result as T, others: others() };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How far two score vectors are apart. */
export interface Difference {
  /** max |a − b| / max(|a|, |b|), over people whose larger score is above 1e-12 × the top score. */
  readonly maxRelative: number;
  readonly maxAbsolute: number;
  /** Largest score of `b`, to read `maxAbsolute` against. */
  readonly top: number;
  readonly compared: number;
}

export function difference(a: ArrayLike<number>, b: ArrayLike<number>): Difference {
  if (a.length !== b.length) throw new Error(`vectors of ${a.length} and ${b.length} scores`);
  let top = 0;
  for (let i = 0; i < b.length; i++) top = Math.max(top, Math.abs(b[i] as number));
  const floor = 1e-12 * top;
  let maxRelative = 0;
  let maxAbsolute = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isNaN(x) !== Number.isNaN(y))
      return { maxRelative: 1, maxAbsolute: 1, top, compared: a.length };
    const d = Math.abs(x - y);
    maxAbsolute = Math.max(maxAbsolute, d);
    const scale = Math.max(Math.abs(x), Math.abs(y));
    if (scale > floor) maxRelative = Math.max(maxRelative, d / scale);
  }
  return { maxRelative, maxAbsolute, top, compared: a.length };
}

/** Scores of a warmpath result (a Map by id) as a vector by person index. */
export function byIndex(scores: ReadonlyMap<string, number>, ids: readonly string[]): Float64Array {
  return Float64Array.from(ids, (id) => scores.get(id) ?? Number.NaN);
}

/** Seeded sample of `count` distinct people (a partial Fisher–Yates shuffle). */
export function samplePeople(
  people: number,
  count: number,
  seed: number,
  stream: number,
): number[] {
  const random = mulberry32(splitmix32(seed, stream));
  const pool = Array.from({ length: people }, (_, i) => i);
  const k = Math.min(count, people);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (people - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, k);
}

/** Size of each person's connected component. */
export function componentSizes(g: CompiledNetwork): Uint32Array {
  const n = g.nodeCount;
  const sizeOf = new Uint32Array(n);
  const seen = new Uint8Array(n);
  const queue = new Uint32Array(n);
  for (let start = 0; start < n; start++) {
    if (seen[start] === 1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const v = queue[head++] as number;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const w = g.neighbors[e] as number;
        if (seen[w] === 0) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    for (let i = 0; i < tail; i++) sizeOf[queue[i] as number] = tail;
  }
  return sizeOf;
}

/**
 * A numbering with locality: people ordered by community (the generator's), then by index.
 * About three ties in four are inside a community, so most steps go to nearby indices.
 */
export function communityRank(network: GeneratedNetwork): Uint32Array {
  const n = network.people;
  const byCommunity = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (network.communityOf[a] as number) - (network.communityOf[b] as number) || a - b,
  );
  const rank = new Uint32Array(n);
  byCommunity.forEach((person, r) => {
    rank[person] = r;
  });
  return rank;
}

/** The same network compiled with people renumbered by `rank` (ids `q` + zero-padded rank). */
export function renumbered(network: GeneratedNetwork, rank: Uint32Array): CompiledNetwork {
  const width = String(network.people - 1).length;
  const ids = Array.from(rank, (r) => `q${String(r).padStart(width, '0')}`);
  const builder = new CompiledNetworkBuilder();
  for (const id of [...ids].sort()) builder.addPerson(id);
  network.forEachTie((s, t, strength) => {
    builder.addTie(ids[s] as string, ids[t] as string, strength, strength);
  });
  return builder.build();
}

/**
 * Per-source means of the single-source passes of Brandes' algorithm on some sources: the bucket
 * pass that `betweenness` runs on these networks, the heap pass it falls back to, closeness's
 * Dijkstra (distances only; on the bucket ring where it applies), and the floor of reading the ties in settle order.
 */
export interface PassProfile {
  readonly label: string;
  readonly people: number;
  readonly sources: number;
  readonly reached: number;
  /** Adjacency entries scanned (the degrees of the people settled). */
  readonly scanned: number;
  /** The bucket ring (`bucketShape(...).slots`); 0 when no bucket queue applies (heap pass). */
  readonly slots: number;
  /** Buckets the bucket pass stepped through, empty ones included. */
  readonly bucketsVisited: number;
  /** Of those, buckets that settled at least one person. */
  readonly bucketsFilled: number;
  /** Entries pushed into buckets (a person again whenever it moves to an earlier bucket). */
  readonly bucketPushes: number;
  /** Entries skipped when their bucket's turn came, their person having moved on. */
  readonly staleEntries: number;
  /** Whether the replay that counted bucket traffic settled people in warmpath's order. */
  readonly bucketReplayMatches: boolean;
  /** Heap pushes of the heap pass. */
  readonly pushes: number;
  /** Pushes of people already queued, which move them to a lower key (decrease-key). */
  readonly moves: number;
  /** Most people in the heap at once (the most of all sources). */
  readonly peakQueued: number;
  /** Whether the replay that counted heap traffic settled people in warmpath's order. */
  readonly replayMatches: boolean;
  /**
   * Whether the bucket and heap passes reached the same people from every source, with
   * dependency sums within {@link SAME_DEPENDENCIES} (relative) of each other.
   */
  readonly passesAgree: boolean;
  /** Largest relative difference between the passes' dependency sums from one source. */
  readonly dependencyDifference: number;
  /** Largest relative difference between the passes' accumulated dependencies of one person. */
  readonly scoreDifference: number;
  /** `shortestPathDagBuckets` (what betweenness runs here), ms; NaN without a bucket queue. */
  readonly bucketMs: number;
  /** `accumulateDependencies` after it (bucket settle order), ms. */
  readonly bucketAccumulateMs: number;
  /** `shortestPathDag` (the heap pass: fallback, and the pass before the bucket queue), ms. */
  readonly heapMs: number;
  /** `accumulateDependencies` after it (heap settle order), ms. */
  readonly accumulateMs: number;
  /** Plain Dijkstra of closeness (`SingleSourceDistances.run`), ms. */
  readonly dijkstraMs: number;
  /** Floor: every tie's weight of the people reached, read in the bucket pass's settle order, ms. */
  readonly tiesMs: number;
  /** The same, also reading each neighbour's distance from a saved copy, ms. */
  readonly tiesDistMs: number;
  /** Sum of the dependencies betweenness adds here, to check a renumbered network gives the same. */
  readonly checksum: number;
}

/** Relative difference allowed between the two passes' dependency sums from one source. */
export const SAME_DEPENDENCIES = 1e-9;

/**
 * warmpath's heap traffic in `shortestPathDag`, replayed with bench code: the same push rule
 * (a person is pushed when first reached, and again, as a decrease-key move, whenever a cheaper
 * chain, or an equally cheap one with fewer hops, is found) and the same order (cost, then hops,
 * then the last push). It keeps stale entries internally, which settles people in the same order
 * as warmpath's decrease-key heap, and counts what that heap does. Counting through warmpath's own
 * heap would hand `shortestPathDag` a second kind of heap object and slow it for the rest of the
 * process.
 */
export class HeapReplay {
  readonly order: Int32Array;
  #dist: Float64Array;
  #hops: Uint32Array;
  #seen: Uint32Array;
  #settled: Uint32Array;
  #stamp = 0;
  #items = new Int32Array(1024);
  #keys = new Float64Array(1024);
  #ties = new Int32Array(1024);
  #orders = new Int32Array(1024);
  #size = 0;

  constructor(n: number) {
    this.order = new Int32Array(n);
    this.#dist = new Float64Array(n);
    this.#hops = new Uint32Array(n);
    this.#seen = new Uint32Array(n);
    this.#settled = new Uint32Array(n);
  }

  run(
    s: number,
    offsets: Uint32Array,
    neighbors: Uint32Array,
    weights: Float64Array,
  ): { reached: number; pushes: number; moves: number; peak: number } {
    const dist = this.#dist;
    const hops = this.#hops;
    const seen = this.#seen;
    const settled = this.#settled;
    const stamp = ++this.#stamp;
    let pushes = 0;
    let moves = 0;
    let queued = 0;
    let peak = 0;
    let counter = 0;
    let reached = 0;
    this.#size = 0;
    const push = (item: number, key: number, tie: number, fresh: boolean) => {
      pushes++;
      if (fresh) {
        queued++;
        if (queued > peak) peak = queued;
      } else moves++;
      this.#push(item, key, tie, counter++);
    };
    seen[s] = stamp;
    dist[s] = 0;
    hops[s] = 0;
    push(s, 0, 0, true);
    while (this.#size > 0) {
      const v = this.#pop();
      if (settled[v] === stamp) continue;
      settled[v] = stamp;
      queued--;
      this.order[reached++] = v;
      const dv = dist[v] as number;
      const hw = (hops[v] as number) + 1;
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
        const step = weights[e] as number;
        if (step === Number.POSITIVE_INFINITY) continue;
        const w = neighbors[e] as number;
        const d = dv + step;
        const fresh = seen[w] !== stamp;
        if (!fresh && settled[w] === stamp) continue;
        if (fresh || d < (dist[w] as number) || (d === dist[w] && hw < (hops[w] as number))) {
          seen[w] = stamp;
          dist[w] = d;
          hops[w] = hw;
          push(w, d, hw, fresh);
        }
      }
    }
    return { reached, pushes, moves, peak };
  }

  #before(a: number, key: number, tie: number, order: number): boolean {
    const k = this.#keys[a] as number;
    if (k !== key) return k < key;
    const t = this.#ties[a] as number;
    if (t !== tie) return t < tie;
    return (this.#orders[a] as number) < order;
  }

  #set(i: number, item: number, key: number, tie: number, order: number): void {
    this.#items[i] = item;
    this.#keys[i] = key;
    this.#ties[i] = tie;
    this.#orders[i] = order;
  }

  #push(item: number, key: number, tie: number, order: number): void {
    if (this.#size === this.#items.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.#items = grow(this.#items, (n) => new Int32Array(n));
      this.#keys = grow(this.#keys, (n) => new Float64Array(n));
      this.#ties = grow(this.#ties, (n) => new Int32Array(n));
      this.#orders = grow(this.#orders, (n) => new Int32Array(n));
    }
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#before(parent, key, tie, order)) break;
      this.#set(
        i,
        this.#items[parent] as number,
        this.#keys[parent] as number,
        this.#ties[parent] as number,
        this.#orders[parent] as number,
      );
      i = parent;
    }
    this.#set(i, item, key, tie, order);
  }

  #pop(): number {
    const top = this.#items[0] as number;
    const last = --this.#size;
    if (last === 0) return top;
    const item = this.#items[last] as number;
    const key = this.#keys[last] as number;
    const tie = this.#ties[last] as number;
    const order = this.#orders[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        this.#before(
          right,
          this.#keys[child] as number,
          this.#ties[child] as number,
          this.#orders[child] as number,
        )
      )
        child = right;
      if (!this.#before(child, key, tie, order)) break;
      this.#set(
        i,
        this.#items[child] as number,
        this.#keys[child] as number,
        this.#ties[child] as number,
        this.#orders[child] as number,
      );
      i = child;
    }
    this.#set(i, item, key, tie, order);
    return top;
  }
}

/**
 * warmpath's bucket traffic in `shortestPathDagBuckets`, replayed with bench code: the same ring
 * of `shape.slots` buckets, the same push rule (a person is pushed when first reached, and again
 * whenever a cheaper chain, or an equally cheap one with fewer hops, moves it to another bucket)
 * and the same settle order (bucket by bucket, latest push first). It counts what the pass does,
 * so that the timed pass in src/ carries no counters.
 */
export class BucketReplay {
  readonly order: Int32Array;
  #dist: Float64Array;
  #hops: Uint32Array;
  #bucketOf: Int32Array;
  #slotHead: Int32Array;
  #entryNode = new Int32Array(1024);
  #entryNext = new Int32Array(1024);

  constructor(n: number, slots: number) {
    this.order = new Int32Array(n);
    this.#dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.#hops = new Uint32Array(n);
    this.#bucketOf = new Int32Array(n).fill(-1);
    this.#slotHead = new Int32Array(slots);
  }

  run(
    s: number,
    offsets: Uint32Array,
    neighbors: Uint32Array,
    weights: Float64Array,
    shape: BucketShape,
  ): { reached: number; pushes: number; stale: number; visited: number; filled: number } {
    const dist = this.#dist;
    const hops = this.#hops;
    const bucketOf = this.#bucketOf;
    const slotHead = this.#slotHead;
    const { inverseWidth, slots } = shape;
    let entries = 0;
    let stale = 0;
    let filled = 0;
    let reached = 0;
    const push = (w: number, bucket: number) => {
      if (entries === this.#entryNode.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.#entryNode = grow(this.#entryNode);
        this.#entryNext = grow(this.#entryNext);
      }
      const slot = bucket % slots;
      bucketOf[w] = bucket;
      this.#entryNode[entries] = w;
      this.#entryNext[entries] = slotHead[slot] as number;
      slotHead[slot] = entries++;
    };
    slotHead.fill(-1);
    dist[s] = 0;
    hops[s] = 0;
    push(s, 0);
    let waiting = 1;
    let bucket = 0;
    for (; waiting > 0; bucket++) {
      const slot = bucket % slots;
      let entry = slotHead[slot] as number;
      slotHead[slot] = -1;
      const before = reached;
      while (entry !== -1) {
        const v = this.#entryNode[entry] as number;
        entry = this.#entryNext[entry] as number;
        if (bucketOf[v] !== bucket) {
          stale++;
          continue;
        }
        bucketOf[v] = -1;
        waiting--;
        this.order[reached++] = v;
        const dv = dist[v] as number;
        const hw = (hops[v] as number) + 1;
        for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
          const step = weights[e] as number;
          if (step === Number.POSITIVE_INFINITY) continue;
          const w = neighbors[e] as number;
          const d = dv + step;
          const old = dist[w] as number;
          if (d < old || (d === old && hw < (hops[w] as number))) {
            if (old === Number.POSITIVE_INFINITY) waiting++;
            dist[w] = d;
            hops[w] = hw;
            const target = Math.floor(d * inverseWidth);
            if (bucketOf[w] !== target) push(w, target);
          }
        }
      }
      if (reached > before) filled++;
    }
    for (let i = 0; i < reached; i++) dist[this.order[i] as number] = Number.POSITIVE_INFINITY;
    return { reached, pushes: entries, stale, visited: bucket, filled };
  }
}

/**
 * The floor of any pass that settles people in distance order: every tie of the first `count`
 * people of `order` read once, its weight summed, nothing else (no queue, no comparison, no
 * write). The sum is returned so the loop cannot be dropped.
 */
function readTies(
  order: Int32Array,
  count: number,
  offsets: Uint32Array,
  weights: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const v = order[i] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) sum += weights[e] as number;
  }
  return sum;
}

/** {@link readTies}, also reading each neighbour's distance: the least a relaxation touches. */
function readTiesAndDistances(
  order: Int32Array,
  count: number,
  offsets: Uint32Array,
  neighbors: Uint32Array,
  weights: Float64Array,
  dist: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const v = order[i] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++)
      sum += (weights[e] as number) + (dist[neighbors[e] as number] as number);
  }
  return sum;
}

const relativeGap = (a: number, b: number) => {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
};

/**
 * Times warmpath's own single-source passes, piece by piece, on `sources`, in this thread: the
 * internal functions that `betweenness` and its workers run here (`shortestPathDagBuckets` with
 * the shape `planBetweenness` picks, then `accumulateDependencies`), the heap pass it falls back
 * to (`shortestPathDag`, then `accumulateDependencies`), closeness's Dijkstra, and two loops
 * that only read the ties in the bucket pass's settle order (the floor). Checks that both passes
 * reach the same people with the same dependency sums. Bucket and heap traffic are counted
 * afterwards, untimed, by {@link BucketReplay} and {@link HeapReplay}, each checked to settle
 * people in the same order as the pass it replays.
 */
export function profilePasses(
  label: string,
  g: CompiledNetwork,
  sources: readonly number[],
  warmup: readonly number[],
): PassProfile {
  const view = weightedView(g, 'cost', 'distance');
  const { offsets, neighbors } = g;
  const weights = view.weights;
  const n = view.n;
  // As planBetweenness: a bucket queue whenever the weights allow one.
  const shape = bucketShape(weights, n);
  const buffers = createBrandesBuffers(n, neighbors.length);
  const queue = shape === null ? null : createBucketQueue(n, shape.slots);
  const heap = new NodeHeap(n);
  const plain = new SingleSourceDistances(view);
  const bucketTotal = new Float64Array(n);
  const heapTotal = new Float64Array(n);
  const bucketPass = (s: number) =>
    shape === null || queue === null
      ? -1
      : shortestPathDagBuckets(s, offsets, neighbors, weights, shape, buffers, queue);
  const heapPass = (s: number) =>
    shortestPathDag(s, offsets, neighbors, weights, false, null, buffers, heap);
  // Untimed copies between the timed parts: the bucket pass's settle order (for the floor), who
  // it reached (to compare with the heap pass), and the heap pass's distances (for the floor).
  const settleOrder = new Int32Array(n);
  const savedDist = new Float64Array(n);
  const reachedBy = new Uint32Array(n);
  const dependencySum = (s: number, count: number) => {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const v = buffers.order[i] as number;
      if (v !== s) sum += buffers.delta[v] as number;
    }
    return sum;
  };
  let sink = 0;
  for (const s of warmup) {
    const reached = bucketPass(s);
    if (reached >= 0) {
      accumulateDependencies(s, reached, buffers, bucketTotal, null);
      settleOrder.set(buffers.order.subarray(0, reached));
    }
    const heapReached = heapPass(s);
    accumulateDependencies(s, heapReached, buffers, heapTotal, null);
    if (reached < 0) settleOrder.set(buffers.order.subarray(0, heapReached));
    savedDist.set(buffers.dist);
    plain.run(s);
    const count = reached < 0 ? heapReached : reached;
    sink += readTies(settleOrder, count, offsets, weights);
    sink += readTiesAndDistances(settleOrder, count, offsets, neighbors, weights, savedDist);
  }
  bucketTotal.fill(0);
  heapTotal.fill(0);
  let bucketMs = 0;
  let bucketAccumulateMs = 0;
  let heapMs = 0;
  let accumulateMs = 0;
  let dijkstraMs = 0;
  let tiesMs = 0;
  let tiesDistMs = 0;
  let reachedSum = 0;
  let scanned = 0;
  let samePeople = true;
  let dependencyDifference = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as number;
    const stamp = i + 1;
    let bucketSum = Number.NaN;
    let reached = -1;
    if (shape !== null) {
      let t0 = performance.now();
      reached = bucketPass(s);
      bucketMs += ms(t0);
      t0 = performance.now();
      accumulateDependencies(s, reached, buffers, bucketTotal, null);
      bucketAccumulateMs += ms(t0);
      settleOrder.set(buffers.order.subarray(0, reached));
      for (let j = 0; j < reached; j++) reachedBy[buffers.order[j] as number] = stamp;
      bucketSum = dependencySum(s, reached);
    }
    let t0 = performance.now();
    const heapReached = heapPass(s);
    heapMs += ms(t0);
    t0 = performance.now();
    accumulateDependencies(s, heapReached, buffers, heapTotal, null);
    accumulateMs += ms(t0);
    if (shape === null) {
      reached = heapReached;
      settleOrder.set(buffers.order.subarray(0, reached));
    } else {
      if (heapReached !== reached) samePeople = false;
      for (let j = 0; j < heapReached && samePeople; j++)
        if (reachedBy[buffers.order[j] as number] !== stamp) samePeople = false;
      dependencyDifference = Math.max(
        dependencyDifference,
        relativeGap(bucketSum, dependencySum(s, heapReached)),
      );
    }
    savedDist.set(buffers.dist);
    t0 = performance.now();
    plain.run(s);
    dijkstraMs += ms(t0);
    t0 = performance.now();
    sink += readTies(settleOrder, reached, offsets, weights);
    tiesMs += ms(t0);
    t0 = performance.now();
    sink += readTiesAndDistances(settleOrder, reached, offsets, neighbors, weights, savedDist);
    tiesDistMs += ms(t0);
    reachedSum += reached;
    for (let j = 0; j < reached; j++) {
      const v = settleOrder[j] as number;
      scanned += (offsets[v + 1] as number) - (offsets[v] as number);
    }
  }
  if (Number.isNaN(sink)) throw new Error('profilePasses: a tie weight is NaN');
  // Counting afterwards, so that the replays' own arrays do not evict the timed passes' data.
  const heapReplay = new HeapReplay(n);
  const bucketReplay = shape === null ? null : new BucketReplay(n, shape.slots);
  let pushes = 0;
  let moves = 0;
  let peakQueued = 0;
  let heapOrder = true;
  let bucketsVisited = 0;
  let bucketsFilled = 0;
  let bucketPushes = 0;
  let staleEntries = 0;
  let bucketOrder = bucketReplay !== null;
  for (const s of sources) {
    if (shape !== null && bucketReplay !== null) {
      const reached = bucketPass(s);
      const counted = bucketReplay.run(s, offsets, neighbors, weights, shape);
      if (counted.reached !== reached) bucketOrder = false;
      for (let i = 0; i < reached && bucketOrder; i++)
        if (bucketReplay.order[i] !== buffers.order[i]) bucketOrder = false;
      bucketsVisited += counted.visited;
      bucketsFilled += counted.filled;
      bucketPushes += counted.pushes;
      staleEntries += counted.stale;
    }
    const reached = heapPass(s);
    const counted = heapReplay.run(s, offsets, neighbors, weights);
    if (counted.reached !== reached) heapOrder = false;
    for (let i = 0; i < reached && heapOrder; i++)
      if (heapReplay.order[i] !== buffers.order[i]) heapOrder = false;
    pushes += counted.pushes;
    moves += counted.moves;
    peakQueued = Math.max(peakQueued, counted.peak);
  }
  const k = sources.length;
  const sum = (total: Float64Array) => {
    let x = 0;
    for (let v = 0; v < total.length; v++) x += total[v] as number;
    return x;
  };
  const none = shape === null ? Number.NaN : 1;
  return {
    label,
    people: n,
    sources: k,
    reached: reachedSum / k,
    scanned: scanned / k,
    slots: shape?.slots ?? 0,
    bucketsVisited: (none * bucketsVisited) / k,
    bucketsFilled: (none * bucketsFilled) / k,
    bucketPushes: (none * bucketPushes) / k,
    staleEntries: (none * staleEntries) / k,
    bucketReplayMatches: bucketOrder,
    pushes: pushes / k,
    moves: moves / k,
    peakQueued,
    replayMatches: heapOrder,
    passesAgree: shape !== null && samePeople && dependencyDifference <= SAME_DEPENDENCIES,
    dependencyDifference: none * dependencyDifference,
    scoreDifference: none * difference(bucketTotal, heapTotal).maxRelative,
    bucketMs: (none * bucketMs) / k,
    bucketAccumulateMs: (none * bucketAccumulateMs) / k,
    heapMs: heapMs / k,
    accumulateMs: accumulateMs / k,
    dijkstraMs: dijkstraMs / k,
    tiesMs: tiesMs / k,
    tiesDistMs: tiesDistMs / k,
    checksum: sum(shape === null ? heapTotal : bucketTotal),
  };
}

/**
 * `npm run bench`: warm-introduction chains on generated clustered small-world networks, warmpath
 * against peer libraries in the same process (graphology-shortest-path, ngraph.path) and, through
 * `/usr/bin/python3`, NetworkX and python-igraph, on the same pairs. Prints tables and writes
 * docs/benchmarks.md (a partial run, with --sizes, writes bench/data/benchmarks-partial.md).
 *
 * Options: --sizes 10000,100000,1000000  --pairs 200  --k-pairs 50  --k-sizes 10000,100000
 *   --python-sizes 10000,100000  --budget 40 (seconds per library, size and question)
 *   --seed 1  --out FILE
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
// The modules behind the public exports of src/index.ts, imported directly so the bench does not
// load unrelated modules (io/) that may be mid-change.
import { type CompiledNetwork, CompiledNetworkBuilder } from '../src/graph/compiled.js';
import {
  createIntroductionFinder,
  type IntroductionFinder,
  type IntroductionPath,
} from '../src/paths/find.js';
// Internal, for a diagnostic row only: the search without option checks, Yen and explanations.
import { ChainSearch, type SearchContext } from '../src/paths/search.js';
import { WorkBudget } from '../src/paths/search-side.js';
import { type GeneratedNetwork, generateNetwork, writeEdgeFile } from './generate.js';
import {
  canCollectGarbage,
  chainCost,
  hopLimitedCost,
  largestComponent,
  quantile,
  randomPairs,
  revision,
  settledMemory,
  timePairs,
  typedArrayBytes,
} from './measure.js';
import { type LoadedPeer, loadGraphology, loadNgraph } from './peers-js.js';
import {
  type BenchRun,
  type Loaded,
  renderConsole,
  renderMarkdown,
  type Series,
  type SizeResult,
} from './report.js';

const TOLERANCE = 1e-9;
const CORE_NAME = 'warmpath core search (internal, diagnostic)';
const HEAP_CORE_NAME = 'warmpath core search on the heap (internal, diagnostic)';
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
const numbers = (text: string | undefined, fallback: number[]) =>
  text === undefined ? fallback : text.split(',').map((s) => Number(s.replace(/_/g, '')));

const sizes = numbers(option('sizes'), DEFAULT_SIZES);
const pairCount = Number(option('pairs') ?? 200);
const kPairCount = Number(option('k-pairs') ?? 50);
const kSizes = numbers(option('k-sizes'), [10_000, 100_000]);
const pythonSizes = numbers(option('python-sizes'), [10_000, 100_000]);
const budgetMs = Number(option('budget') ?? 40) * 1000;
const seed = Number(option('seed') ?? 1);
const K = 5;
const MIN_PAIRS = 20;
const MIN_K_PAIRS = 10;
/**
 * Warm-up of every JavaScript library before its timed loop, the same rule for all: warm-up pairs
 * (distinct from the timed ones) answered until WARMUP_QUERIES answers or WARMUP_MS, at least
 * MIN_WARMUP_QUERIES, so that the timed loop measures optimised code, not V8 tiering up.
 */
const WARMUP_QUERIES = 2000;
const WARMUP_MS = 2000;
const MIN_WARMUP_QUERIES = 3;

function warmUp<T>(warmupPairs: readonly Pair[], query: (s: number, t: number) => T): void {
  const started = performance.now();
  for (let i = 0; i < WARMUP_QUERIES && warmupPairs.length > 0; i++) {
    if (i >= MIN_WARMUP_QUERIES && performance.now() - started > WARMUP_MS) break;
    const [s, t] = warmupPairs[i % warmupPairs.length] as Pair;
    query(s, t);
  }
}
const A_STAR_MAX_PEOPLE = 100_000;
const MIN_A_STAR_PAIRS = 5;
const thousands = (x: number) => x.toLocaleString('en-US');
const fullRun = DEFAULT_SIZES.every((s) => sizes.includes(s));
const out = option('out') ?? (fullRun ? 'docs/benchmarks.md' : 'bench/data/benchmarks-partial.md');

const log = (message: string) => process.stderr.write(`${message}\n`);
const ms = (t0: number) => performance.now() - t0;

type Pair = readonly [number, number];

function measureWarmpath(
  network: GeneratedNetwork,
  ids: readonly string[],
  generationMs: number,
): { compiled: CompiledNetwork; finder: IntroductionFinder; loaded: Loaded; finderBytes: number } {
  const before = settledMemory();
  // In a function of its own so that the builder is garbage before memory is sampled.
  const compile = () => {
    const t0 = performance.now();
    const builder = new CompiledNetworkBuilder();
    for (let i = 0; i < network.people; i++) builder.addPerson(ids[i] as string);
    network.forEachTie((s, t, strength) => {
      builder.addTie(ids[s] as string, ids[t] as string, strength, strength);
    });
    const streamed = ms(t0);
    const t1 = performance.now();
    return { compiled: builder.build(), streamed, buildMs: ms(t1) };
  };
  const { compiled, streamed, buildMs } = compile();
  const after = settledMemory();
  for (let i = 0; i < network.people; i++) {
    if (compiled.ids[i] !== ids[i]) throw new Error(`person ${i} is ${compiled.ids[i]} compiled`);
  }
  const beforeFinder = settledMemory();
  const finder = createIntroductionFinder(compiled);
  const finderBytes = settledMemory().heap - beforeFinder.heap;
  return {
    compiled,
    finder,
    finderBytes,
    loaded: {
      name: 'warmpath',
      loadMs: streamed + buildMs - generationMs,
      detail: `stream into builder ${(streamed - generationMs).toFixed(0)} ms + build() ${buildMs.toFixed(0)} ms`,
      typedBytes: typedArrayBytes(compiled),
      heapBytes: after.heap - before.heap,
      rssBytes: after.rss - before.rss,
    },
  };
}

function loadPeer(
  name: string,
  load: () => LoadedPeer,
  generationMs: number,
): { peer: LoadedPeer; loaded: Loaded } {
  const before = settledMemory();
  const t0 = performance.now();
  const peer = load();
  const loadMs = ms(t0) - generationMs;
  const after = settledMemory();
  return {
    peer,
    loaded: {
      name,
      loadMs,
      detail: 'from the same stream',
      heapBytes: after.heap - before.heap,
      rssBytes: after.rss - before.rss,
    },
  };
}

function seriesOf(
  name: string,
  pairs: readonly Pair[],
  warmupPairs: readonly Pair[],
  budget: number,
  minPairs: number,
  query: (s: number, t: number) => number | null,
): Series {
  warmUp(warmupPairs, query);
  const { times, results } = timePairs(pairs, budget, minPairs, query);
  log(
    `    ${name}: ${times.length} pairs, median ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms`,
  );
  return { name, times, costs: results };
}

function kSeriesOf(
  name: string,
  pairs: readonly Pair[],
  warmupPairs: readonly Pair[],
  query: (s: number, t: number) => number[],
): Series<number[]> {
  warmUp(warmupPairs, query);
  const { times, results } = timePairs(pairs, budgetMs, MIN_K_PAIRS, query);
  log(
    `    ${name}: ${times.length} pairs, median ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms`,
  );
  return { name, times, costs: results };
}

interface PythonResult {
  readonly error?: string;
  readonly version?: string;
  readonly loadSeconds?: number;
  readonly rssGrowth?: number;
  readonly best?: { times: number[]; costs: (number | null)[] };
  readonly k?: { times: number[]; costs: number[][] };
}

function runPython(
  network: GeneratedNetwork,
  pairs: readonly Pair[],
  kPairs: readonly Pair[],
  notes: string[],
): Record<string, PythonResult> | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) {
    notes.push('Python peers skipped: /usr/bin/python3 not found.');
    return undefined;
  }
  const base = `bench/data/net-${network.people}-seed${seed}`;
  const t0 = performance.now();
  const ties = writeEdgeFile(network, `${base}.bin`);
  log(`  wrote ${base}.bin (${ties} ties, ${(ms(t0) / 1000).toFixed(1)} s)`);
  writeFileSync(
    `${base}.pairs.json`,
    JSON.stringify({
      pairs,
      kPairs,
      k: K,
      budgetSeconds: budgetMs / 1000,
      minPairs: MIN_PAIRS,
      minKPairs: MIN_K_PAIRS,
    }),
  );
  const result = spawnSync(
    python,
    ['bench/peers.py', `${base}.bin`, `${base}.pairs.json`, `${base}.python.json`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    notes.push(`Python peers failed (exit ${result.status}); see the run's output.`);
    return undefined;
  }
  return JSON.parse(readFileSync(`${base}.python.json`, 'utf8')) as Record<string, PythonResult>;
}

let checks = 0;
function sameCost(a: number | null | undefined, b: number | null | undefined): boolean {
  checks++;
  const x = a ?? Number.POSITIVE_INFINITY;
  const y = b ?? Number.POSITIVE_INFINITY;
  return x === y || Math.abs(x - y) <= TOLERANCE;
}

function benchSize(people: number): SizeResult {
  log(`\n== ${people} people`);
  checks = 0;
  const notes: string[] = [];
  const mismatches: string[] = [];
  const network = generateNetwork({ people, seed });
  const ids = Array.from({ length: people }, (_, i) => network.id(i));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const t0 = performance.now();
  const tieCount = network.forEachTie(() => {});
  const generationMs = ms(t0);
  log(`  generated ${tieCount} ties in ${generationMs.toFixed(0)} ms (stream only)`);

  const { compiled, finder, loaded, finderBytes } = measureWarmpath(network, ids, generationMs);
  log(
    `  warmpath compiled in ${loaded.loadMs.toFixed(0)} ms, ${((loaded.typedBytes ?? 0) / compiled.tieCount).toFixed(1)} B/tie (typed arrays)`,
  );
  const loads: Loaded[] = [loaded];
  const giant = largestComponent(compiled);
  const pairs = randomPairs(giant, pairCount, seed, 100 + people);
  const warmup = randomPairs(giant, WARMUP_QUERIES, seed, 200 + people);
  const kPairs = pairs.slice(0, kPairCount);
  const id = (i: number) => ids[i] as string;

  const best: Series[] = [];
  const paths: (number[] | null)[] = [];
  // Diagnostic: the bare search under find(), to show what the public API adds per query.
  const core = new ChainSearch(compiled);
  // The same search kept on the decrease-key heap, to show what the bucket ring gains.
  const heapCore = new ChainSearch(compiled, { ring: false });
  const isTarget = new Uint8Array(people);
  const target = [0];
  const context: SearchContext = {
    senderCost: new Float64Array([0, -Math.log(0.8), Number.POSITIVE_INFINITY]),
    blocked: new Uint8Array(people),
    isTarget,
    targets: target,
    maxStepCost: Number.POSITIVE_INFINITY,
    work: new WorkBudget(),
    signal: undefined,
  };
  // Each in its own loop over the pairs, as every peer is timed: alternating the two on each pair
  // let whichever ran second find the pair's ties already in cache, and evicted find()'s buffers.
  const found: (IntroductionPath | undefined)[] = [];
  const unbounded = seriesOf(
    'warmpath (maxHops ∞)',
    pairs,
    warmup,
    Number.POSITIVE_INFINITY,
    0,
    (s, t) => {
      const path = finder.find({
        from: id(s),
        to: id(t),
        k: 1,
        maxHops: Number.POSITIVE_INFINITY,
      }).paths[0];
      found.push(path);
      return path?.cost ?? null;
    },
  );
  const bareSearch =
    (search: ChainSearch) =>
    (s: number, t: number): number | null => {
      isTarget[t] = 1;
      target[0] = t;
      const cost = search.best(s, Number.POSITIVE_INFINITY, context, undefined, undefined)?.cost;
      isTarget[t] = 0;
      return cost ?? null;
    };
  const coreSeries = seriesOf(
    CORE_NAME,
    pairs,
    warmup,
    Number.POSITIVE_INFINITY,
    0,
    bareSearch(core),
  );
  const heapSeries = seriesOf(
    HEAP_CORE_NAME,
    pairs,
    warmup,
    Number.POSITIVE_INFINITY,
    0,
    bareSearch(heapCore),
  );
  for (const path of found.slice(found.length - unbounded.costs.length))
    paths.push(path === undefined ? null : path.people.map((p) => indexOf.get(p) as number));
  best.push(unbounded, coreSeries, heapSeries);
  unbounded.costs.forEach((cost, i) => {
    const path = paths[i];
    const own = path ? chainCost(compiled, path) : null;
    if (!sameCost(cost, own))
      mismatches.push(
        `warmpath's reported cost ${cost} ≠ its chain's cost ${own} (pair ${pairs[i]})`,
      );
  });
  for (const series of [coreSeries, heapSeries]) {
    series.costs.forEach((cost, i) => {
      if (!sameCost(cost, unbounded.costs[i]))
        mismatches.push(`${series.name} pair ${pairs[i]}: ${cost} vs find() ${unbounded.costs[i]}`);
    });
  }
  const hopsOf = paths.map((p) => (p ? p.length - 1 : Number.POSITIVE_INFINITY));
  const bounded = seriesOf(
    'warmpath (maxHops 4, default)',
    pairs,
    warmup,
    Number.POSITIVE_INFINITY,
    pairs.length,
    (s, t) => finder.find({ from: id(s), to: id(t), k: 1 }).paths[0]?.cost ?? null,
  );
  best.push(bounded);

  // The default hop limit: agrees with the unbounded best when that has ≤ 4 hops, never beats
  // it, and matches an independent hop-limited Bellman–Ford on the CSR.
  let hopChecked = 0;
  const buffers = { previous: new Float64Array(people), next: new Float64Array(people) };
  const hopCheckPairs = people <= 100_000 ? pairs.length : 20;
  bounded.costs.forEach((cost, i) => {
    const [s, t] = pairs[i] as Pair;
    const free = unbounded.costs[i] ?? Number.POSITIVE_INFINITY;
    if ((hopsOf[i] as number) <= 4 && !sameCost(cost, free))
      mismatches.push(`maxHops 4: ${cost} but the best chain (${hopsOf[i]} hops) costs ${free}`);
    if ((cost ?? Number.POSITIVE_INFINITY) < free - TOLERANCE)
      mismatches.push(`maxHops 4: ${cost} beats the unbounded best ${free} (pair ${s},${t})`);
    if (i < hopCheckPairs) {
      const reference = hopLimitedCost(compiled, s, t, 4, buffers);
      hopChecked++;
      if (!sameCost(cost, reference))
        mismatches.push(`maxHops 4 pair ${s},${t}: warmpath ${cost}, Bellman–Ford ${reference}`);
    }
  });
  const within4 = hopsOf.filter((h) => h <= 4).length;
  notes.push(
    `${within4} of ${pairs.length} best chains have ≤ 4 hops (longest ${Math.max(...hopsOf)}); ` +
      `maxHops 4 found a chain for ${bounded.costs.filter((c) => c !== null).length}; ` +
      `${hopChecked} of them checked against a hop-limited Bellman–Ford.`,
  );

  const k: Series<number[]>[] = [];
  if (kSizes.includes(people)) {
    const kQuery =
      (maxHops: number) =>
      (s: number, t: number): number[] =>
        finder.find({ from: id(s), to: id(t), k: K, maxHops }).paths.map((p) => p.cost);
    k.push(kSeriesOf('warmpath (maxHops ∞)', kPairs, warmup, kQuery(Number.POSITIVE_INFINITY)));
    k.push(kSeriesOf('warmpath (maxHops 4, default)', kPairs, warmup, kQuery(4)));
  }

  // JavaScript peers, one at a time, each dropped before the next is loaded.
  const compare = (series: Series, costs: readonly (number | null)[]) => {
    costs.forEach((cost, i) => {
      if (!sameCost(cost, unbounded.costs[i]))
        mismatches.push(
          `${series.name} pair ${pairs[i]}: ${cost} vs warmpath ${unbounded.costs[i]}`,
        );
    });
  };
  const jsPeers: [string, () => LoadedPeer][] = [
    ['graphology', () => loadGraphology(network, ids, indexOf)],
    ['ngraph', () => loadNgraph(network)],
  ];
  for (const [name, load] of jsPeers) {
    log(`  loading ${name}`);
    let loadedPeer: { peer: LoadedPeer; loaded: Loaded } | undefined;
    try {
      loadedPeer = loadPeer(name, load, generationMs);
    } catch (error) {
      notes.push(`${name} could not be loaded at this size: ${String(error)}`);
      continue;
    }
    loads.push(loadedPeer.loaded);
    for (const [queryName, query] of Object.entries(loadedPeer.peer.queries)) {
      const isAStar = queryName.includes('aStar');
      if (isAStar && people > A_STAR_MAX_PEOPLE) {
        notes.push(
          `${queryName} skipped above ${thousands(A_STAR_MAX_PEOPLE)} people: a one-sided search ` +
            'settles most of the network (about 20 s a query at 1,000,000 in a trial run).',
        );
        continue;
      }
      const series = seriesOf(
        queryName,
        pairs,
        warmup,
        isAStar ? budgetMs / 2 : budgetMs,
        isAStar ? MIN_A_STAR_PAIRS : MIN_PAIRS,
        (s, t) => {
          const path = query(s, t);
          return path === null ? null : chainCost(compiled, path);
        },
      );
      compare(series, series.costs);
      best.push(series);
    }
    loadedPeer = undefined;
    settledMemory();
  }

  if (pythonSizes.includes(people)) {
    log('  python peers');
    const python = runPython(network, pairs, kPairs, notes);
    for (const [name, label] of [
      ['networkx', 'NetworkX'],
      ['igraph', 'python-igraph'],
    ] as const) {
      const result = python?.[name];
      if (result === undefined) continue;
      if (result.error !== undefined || result.best === undefined || result.k === undefined) {
        notes.push(`${label}: ${result.error ?? 'no result'}`);
        continue;
      }
      loads.push({
        name: `${label} ${result.version ?? ''}`.trim(),
        loadMs: (result.loadSeconds ?? 0) * 1000,
        detail: 'from the edge file, in Python',
        rssBytes: result.rssGrowth ?? 0,
      });
      const bestLabel = name === 'networkx' ? 'bidirectional_dijkstra' : 'get_shortest_paths';
      const series: Series = {
        name: `${label} ${bestLabel}`,
        times: result.best.times,
        costs: result.best.costs,
      };
      compare(series, series.costs);
      best.push(series);
      const kLabel = name === 'networkx' ? 'shortest_simple_paths' : 'get_k_shortest_paths';
      const kSeries: Series<number[]> = {
        name: `${label} ${kLabel}`,
        times: result.k.times,
        costs: result.k.costs,
      };
      const ours = k[0];
      kSeries.costs.forEach((costs, i) => {
        const mine = ours?.costs[i] ?? [];
        if (costs.length !== mine.length || costs.some((c, j) => !sameCost(c, mine[j])))
          mismatches.push(
            `${kSeries.name} pair ${kPairs[i]}: [${costs.join(', ')}] vs warmpath [${mine.join(', ')}]`,
          );
      });
      k.push(kSeries);
    }
  }

  // k chains within 4 hops can never beat the unbounded ones, rank for rank.
  const [kFree, kBounded] = k;
  if (kFree && kBounded)
    kBounded.costs.forEach((costs, i) => {
      const free = kFree.costs[i] ?? [];
      costs.forEach((c, j) => {
        if (c < (free[j] ?? Number.POSITIVE_INFINITY) - TOLERANCE)
          mismatches.push(`k=${K} maxHops 4 pair ${kPairs[i]}: rank ${j + 1} ${c} < ${free[j]}`);
      });
    });

  return {
    people,
    ties: compiled.tieCount,
    communities: network.communityCount,
    giant: giant.length,
    generationMs,
    finderBytes,
    loads,
    best,
    k,
    checks,
    mismatches,
    notes,
  };
}

function main(): void {
  const measured = revision();
  if (!canCollectGarbage) log('warning: run with --expose-gc, or memory deltas are meaningless');
  mkdirSync('bench/data', { recursive: true });
  const started = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const results: SizeResult[] = [];
  for (const people of sizes) results.push(benchSize(people));
  const run: BenchRun = {
    started,
    seconds: (Date.now() - started.getTime()) / 1000,
    command: [
      'node',
      ...process.execArgv,
      relative(process.cwd(), process.argv[1] ?? ''),
      ...process.argv.slice(2),
    ].join(' '),
    pairCount,
    kPairCount,
    k: K,
    budgetSeconds: budgetMs / 1000,
    seed,
    revision: measured,
    load: [loadAtStart, loadavg()[0] ?? 0],
    results,
  };
  console.log(renderConsole(run));
  writeFileSync(out, renderMarkdown(run));
  log(`wrote ${out}`);
}

main();

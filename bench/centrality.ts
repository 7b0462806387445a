/**
 * `npm run bench:centrality`: connector measures on generated clustered networks (bench/generate.ts),
 * warmpath against graphology-metrics in the same process and, through `/usr/bin/python3`
 * (bench/peers_centrality.py), python-igraph and NetworkX on the same ties:
 *
 * 1. exact weighted betweenness (distance = cost = −ln strength) on the first size (10,000 people);
 * 2. weighted PageRank (weight = strength) and closeness (distance = cost) on the second (100,000);
 * 3. betweenness estimated from 1,000 sampled sources on the third (1,000,000 people).
 *
 * Runs that would take too long stop at a time budget (through the measure's `signal`) and their
 * time is extrapolated from the measure's own progress reports; peers too slow to run in full are
 * timed on a sample of sources. Every extrapolation is labelled. Writes
 * docs/benchmarks-centrality.md (a partial run, with --sizes, bench/data/benchmarks-centrality-partial.md).
 *
 * Options: --sizes 10000,100000,1000000 (exact betweenness, PageRank and closeness, sampled
 *   betweenness; 0 skips a part)  --budget 120 (seconds for any one run that can stop early)
 *   --sampled-budget 240 (the 2-worker sampled run)  --sample 1000  --workers 2  --nx-k 200
 *   --closeness-sources 100  --profile-sources 100,3  --repeats 7 (PageRank runs)  --seed 1  --out FILE
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness.js';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank.js';
import { betweenness, planBetweenness } from '../src/centrality/betweenness.js';
import { betweennessParallel } from '../src/centrality/betweenness-parallel.js';
import { closeness } from '../src/centrality/closeness.js';
import { pagerank } from '../src/centrality/pagerank.js';
// Internal, for the diagnostic rows only: closeness's single-source Dijkstra.
import { SingleSourceDistances } from '../src/centrality/shortest-distances.js';
import { weightedView } from '../src/centrality/weights.js';
import type { CompiledNetwork } from '../src/graph/compiled.js';
import {
  budgetedAsync,
  budgetedSync,
  byIndex,
  communityRank,
  compileGenerated,
  componentSizes,
  type Difference,
  difference,
  median,
  type Outcome,
  type PassProfile,
  profilePasses,
  renumbered,
  repeat,
  samplePeople,
  watchOtherWork,
} from './centrality-measure.js';
import {
  type Agreement,
  type CentralityRun,
  type Row,
  renderCentralityConsole,
  renderCentralityMarkdown,
  type Section,
  type Target,
} from './centrality-report.js';
import type { GeneratedNetwork } from './generate.js';
import { writeEdgeFile } from './generate.js';
import { revision, settledMemory } from './measure.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
const numbers = (text: string | undefined, fallback: number[]) =>
  text === undefined ? fallback : text.split(',').map((s) => Number(s.replace(/_/g, '')));

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const sizes = numbers(option('sizes'), DEFAULT_SIZES);
const [exactPeople = 0, rankPeople = 0, sampledPeople = 0] = sizes;
const budgetMs = Number(option('budget') ?? 120) * 1000;
const sampledBudgetMs = Number(option('sampled-budget') ?? 240) * 1000;
const sample = Number(option('sample') ?? 1000);
const workers = Number(option('workers') ?? 2);
const nxK = Number(option('nx-k') ?? 200);
const closenessSources = Number(option('closeness-sources') ?? 100);
const [profileSmall = 100, profileLarge = 3] = numbers(option('profile-sources'), [100, 3]);
const repeats = Number(option('repeats') ?? 7);
const seed = Number(option('seed') ?? 1);
const fullRun = DEFAULT_SIZES.every((s, i) => sizes[i] === s) && sample === 1000;
const out =
  option('out') ??
  (fullRun ? 'docs/benchmarks-centrality.md' : 'bench/data/benchmarks-centrality-partial.md');

/** graphology-metrics' betweenness cannot stop early; above this it is not run. */
const GRAPHOLOGY_EXACT_MAX = 20_000;
/** Neither can igraph's (one C call). */
const IGRAPH_EXACT_MAX = 20_000;
/** Agreement thresholds. */
const SAME_ALGORITHM = 1e-9;
const TARGET_SAMPLED_SECONDS = 120;
/** PageRank tolerance for a result as exact as igraph's (the L1 change allowed is n × this). */
const TIGHT_TOLERANCE = 1e-12;
/**
 * The conjugate-gradient solver's tolerance for at least that accuracy: it bounds the L1 error
 * of the scores by 2 × 1e-8, where the power iteration at TIGHT_TOLERANCE is bounded by
 * 0.85 / 0.15 × n × 1e-12 (5.7e-7 at n = 100,000). Measured on the 100,000-person network: the
 * largest relative error is ~1e-7 here and ~2e-6 for the power iteration at 1e-12.
 */
const CG_TOLERANCE = 1e-8;
const PAGERANK_CLOSE = 1e-5;

const log = (message: string) => process.stderr.write(`${message}\n`);
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const load = () => loadavg()[0] ?? 0;

// ---------------------------------------------------------------------------------------------
// Python peers

interface PeerPart {
  readonly error?: string;
  readonly version?: string;
  readonly loadSeconds?: number;
  readonly betweenness?: {
    readonly seconds: number;
    readonly others?: number | null;
    readonly scores: number[];
    readonly k?: number;
    readonly sources?: number[];
  };
  readonly pagerank?: {
    readonly times: number[];
    readonly scores: number[];
    readonly others?: number | null;
  };
  readonly closeness?: {
    readonly seconds?: number;
    readonly others?: number | null;
    readonly times?: number[];
    readonly scores: (number | null)[];
  };
}
interface PythonPeers {
  readonly igraph?: PeerPart;
  readonly networkx?: PeerPart;
}

function runPython(
  network: GeneratedNetwork,
  spec: object,
  tag: string,
  notes: string[],
): PythonPeers | undefined {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) {
    notes.push('Python peers skipped: /usr/bin/python3 not found.');
    return undefined;
  }
  const base = `bench/data/net-${network.people}-seed${seed}`;
  const t0 = performance.now();
  const ties = writeEdgeFile(network, `${base}.bin`);
  log(`  wrote ${base}.bin (${ties} ties, ${seconds(t0).toFixed(1)} s)`);
  writeFileSync(`${base}.${tag}.json`, JSON.stringify(spec));
  const result = spawnSync(
    python,
    ['bench/peers_centrality.py', `${base}.bin`, `${base}.${tag}.json`, `${base}.${tag}.out.json`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    notes.push(`Python peers failed (exit ${result.status}); see the run's output.`);
    return undefined;
  }
  return JSON.parse(readFileSync(`${base}.${tag}.out.json`, 'utf8')) as PythonPeers;
}

function peerName(python: PythonPeers | undefined, key: 'igraph' | 'networkx'): string {
  const version = python?.[key]?.version;
  const name = key === 'igraph' ? 'python-igraph' : 'NetworkX';
  return version === undefined ? name : `${name} ${version}`;
}

// ---------------------------------------------------------------------------------------------
// Rows and agreement

function outcomeRow(library: string, run: Outcome<unknown>, unit: string, baseline = false): Row {
  const timed = run.finished
    ? `all ${thousands(run.total)} ${unit}`
    : run.done > 0
      ? `stopped after ${run.elapsed.toFixed(0)} s (budget ${run.budget} s, checked at progress reports) at ${thousands(run.done)} of ${thousands(run.total)} ${unit}; extrapolated`
      : `no progress report within the ${run.budget} s budget`;
  return {
    library,
    seconds: run.seconds,
    extrapolated: !run.finished,
    timed,
    baseline,
    atLeast: run.elapsed,
    others: run.others,
  };
}

function agreement(
  compared: string,
  how: string,
  d: Difference,
  threshold = SAME_ALGORITHM,
): Agreement {
  return {
    compared,
    how,
    value: `max relative difference ${d.maxRelative.toExponential(1)} (max absolute ${d.maxAbsolute.toExponential(1)}, top score ${d.top.toPrecision(3)}; ${thousands(d.compared)} people)`,
    ok: d.maxRelative <= threshold,
  };
}

function missing(compared: string, why: string): Agreement {
  return { compared, how: why, value: 'not compared', ok: undefined };
}

// ---------------------------------------------------------------------------------------------
// 1. Exact weighted betweenness

interface Measured {
  readonly section: Section;
  readonly profiles: PassProfile[];
}

async function exactBetweenness(people: number): Promise<Measured> {
  log(`\n== exact weighted betweenness, ${thousands(people)} people`);
  const loadStart = load();
  const notes: string[] = [];
  const rows: Row[] = [];
  const agree: Agreement[] = [];
  const { network, ids, compiled, info } = compileGenerated(people, seed);
  log(`  compiled ${info.ties} ties in ${info.compileMs.toFixed(0)} ms`);
  const n = compiled.nodeCount;

  log('  warmpath betweenness (1 thread)');
  const one = budgetedSync(budgetMs, (p) => betweenness(compiled, p));
  rows.push(outcomeRow('warmpath `betweenness` (1 thread)', one, 'sources', true));
  log(`    ${one.seconds.toFixed(1)} s${one.finished ? '' : ' (extrapolated)'}`);

  log(`  warmpath betweennessParallel (${workers} workers)`);
  const parallel = await budgetedAsync(budgetMs, (p) =>
    betweennessParallel(compiled, { ...p, workers }),
  );
  rows.push(
    outcomeRow(`warmpath \`betweennessParallel\` (${workers} workers)`, parallel, 'sources', true),
  );
  log(`    ${parallel.seconds.toFixed(1)} s${parallel.finished ? '' : ' (extrapolated)'}`);
  const oneScores = one.result ? byIndex(one.result, ids) : undefined;
  const parallelScores = parallel.result ? byIndex(parallel.result, ids) : undefined;
  const reference = oneScores ?? parallelScores;
  if (oneScores && parallelScores)
    agree.push(
      agreement(
        'warmpath 2 workers vs 1 thread',
        'same normalisation',
        difference(parallelScores, oneScores),
      ),
    );

  if (sample < n && reference) {
    // The sampled estimator of the third part, checked where the exact answer is known.
    log(`  warmpath sampled betweenness (${sample} sources), 1 thread and ${workers} workers`);
    const options = { sample, seed: 1 } as const;
    const t0 = performance.now();
    const sampledOne = byIndex(betweenness(compiled, options), ids);
    const oneSeconds = seconds(t0);
    const t1 = performance.now();
    const sampledParallel = byIndex(
      await betweennessParallel(compiled, { ...options, workers }),
      ids,
    );
    notes.push(
      `Sampled betweenness (${sample} sources, seed 1) at this size: ${oneSeconds.toFixed(1)} s on 1 thread, ${seconds(t1).toFixed(1)} s on ${workers} workers.`,
    );
    agree.push(
      agreement(
        `sampled (${sample} sources): ${workers} workers vs 1 thread`,
        'same sample and seed',
        difference(sampledParallel, sampledOne),
      ),
    );
    const d = difference(sampledOne, reference);
    const bound = (n / (n - 1)) * Math.sqrt(Math.log(2 / 0.05) / (2 * sample));
    agree.push({
      compared: `sampled (${sample} sources) estimate vs exact`,
      how: `largest absolute error of a normalised score against the Hoeffding bound ε = ${bound.toFixed(3)} (δ = 0.05) that \`betweenness\` documents`,
      value: `max absolute error ${d.maxAbsolute.toExponential(2)} (top score ${d.top.toPrecision(3)})`,
      ok: d.maxAbsolute <= bound,
    });
  }

  if (people <= GRAPHOLOGY_EXACT_MAX) {
    log('  graphology-metrics betweenness');
    const t0 = performance.now();
    const graph = new UndirectedGraph<Record<string, never>, { cost: number }>();
    for (const id of ids) graph.addNode(id);
    network.forEachTie((s, t, strength) => {
      graph.addEdge(ids[s] as string, ids[t] as string, { cost: -Math.log(strength) });
    });
    notes.push(`graphology graph built in ${seconds(t0).toFixed(2)} s (not counted).`);
    const t1 = performance.now();
    const others = watchOtherWork();
    const scores = graphologyBetweenness(graph, { getEdgeWeight: 'cost', normalized: true });
    const s = seconds(t1);
    rows.push({
      library: 'graphology-metrics `betweenness` (getEdgeWeight: cost)',
      seconds: s,
      others: others(),
      extrapolated: false,
      timed: `all ${thousands(n)} sources`,
    });
    log(`    ${s.toFixed(1)} s`);
    if (reference)
      agree.push(
        agreement(
          'graphology-metrics vs warmpath',
          'both normalised by (n−1)(n−2) over ordered pairs',
          difference(
            Float64Array.from(ids, (id) => scores[id] ?? Number.NaN),
            reference,
          ),
        ),
      );
  } else {
    notes.push(
      `graphology-metrics not run above ${thousands(GRAPHOLOGY_EXACT_MAX)} people (it cannot be stopped early or sampled).`,
    );
  }
  settledMemory();

  log('  python peers');
  const python = runPython(
    network,
    {
      betweenness: { nxK: Math.min(nxK, n), nxSeed: seed, igraph: people <= IGRAPH_EXACT_MAX },
    },
    'betweenness',
    notes,
  );
  const ig = python?.igraph;
  if (ig?.betweenness) {
    rows.push({
      library: `${peerName(python, 'igraph')} \`betweenness(weights='cost')\``,
      seconds: ig.betweenness.seconds,
      others: ig.betweenness.others ?? undefined,
      extrapolated: false,
      timed: `all ${thousands(n)} sources`,
    });
    // igraph counts each unordered pair once, unnormalised.
    const scale = n > 2 ? 2 / ((n - 1) * (n - 2)) : 1;
    if (reference)
      agree.push(
        agreement(
          'python-igraph vs warmpath',
          'igraph × 2 / ((n−1)(n−2))',
          difference(
            Float64Array.from(ig.betweenness.scores, (x) => x * scale),
            reference,
          ),
        ),
      );
  } else notes.push(`python-igraph: ${ig?.error ?? 'not run'}`);
  const nx = python?.networkx;
  if (nx?.betweenness?.sources && nx.betweenness.k !== undefined) {
    const k = nx.betweenness.k;
    rows.push({
      library: `${peerName(python, 'networkx')} \`betweenness_centrality(weight='cost')\``,
      seconds: (nx.betweenness.seconds * n) / k,
      others: nx.betweenness.others ?? undefined,
      extrapolated: k < n,
      timed:
        k < n
          ? `k = ${k} sampled sources in ${nx.betweenness.seconds.toFixed(1)} s; extrapolated × n/k = ${(n / k).toFixed(0)}`
          : `all ${thousands(n)} sources`,
    });
    // Same sources in warmpath: the dependency sums from those sources must match exactly.
    const fromSources = betweenness(compiled, {
      sources: nx.betweenness.sources.map((s) => ids[s] as string),
    });
    const warmpathSubset = byIndex(fromSources, ids).map((x) => (x * n) / k);
    agree.push(
      agreement(
        'NetworkX (k sources) vs warmpath from the same sources',
        `NetworkX's k = ${k} sources (random.Random(${seed}).sample), warmpath \`sources\` × n/k`,
        difference(Float64Array.from(nx.betweenness.scores), warmpathSubset),
      ),
    );
  } else notes.push(`NetworkX: ${nx?.error ?? 'not run'}`);

  log('  profile of the single-source pass');
  const profiled = samplePeople(n, profileSmall, seed, 700);
  const warm = samplePeople(n, 5, seed, 701);
  const profiles = [
    profilePasses(`${thousands(n)} people, generator numbering`, compiled, profiled, warm),
  ];
  const rank = communityRank(network);
  const local = renumbered(network, rank);
  profiles.push(
    profilePasses(
      `${thousands(n)} people, community numbering`,
      local,
      profiled.map((s) => rank[s] as number),
      warm.map((s) => rank[s] as number),
    ),
  );
  checkRenumbering(profiles, notes);

  return {
    section: {
      id: 'betweenness',
      title: `Exact weighted betweenness, ${thousands(n)} people`,
      network: info,
      rows,
      agreement: agree,
      notes,
      load: [loadStart, load()],
    },
    profiles,
  };
}

function checkRenumbering(profiles: PassProfile[], notes: string[]): void {
  const [a, b] = profiles.slice(-2);
  if (!a || !b) return;
  const same =
    Math.abs(a.reached - b.reached) < 1e-9 &&
    Math.abs(a.checksum - b.checksum) <= 1e-9 * Math.abs(a.checksum);
  notes.push(
    `Profile check: the network renumbered by community gives the same reach (${a.reached.toFixed(0)} people per source) and dependency sum of the bucket pass (${a.checksum.toPrecision(12)} vs ${b.checksum.toPrecision(12)}): ${same ? 'same' : 'DIFFERENT'}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// 2. PageRank and closeness

const runs = (times: readonly number[]) =>
  `median of ${times.length} runs (${times.map((t) => t.toFixed(3)).join(', ')} s)`;

async function rankAndCloseness(people: number): Promise<Section[]> {
  log(`\n== PageRank and closeness, ${thousands(people)} people`);
  let loadStart = load();
  const { network, ids, compiled, info } = compileGenerated(people, seed);
  log(`  compiled ${info.ties} ties in ${info.compileMs.toFixed(0)} ms`);
  const n = compiled.nodeCount;

  // --- PageRank
  const prRows: Row[] = [];
  const prAgree: Agreement[] = [];
  const prNotes: string[] = [];
  {
    // The weighted view is built once per network and weight name and kept (src/centrality/
    // weights.ts): only the first run below pays it. A weight function is never cached, so it
    // times what that first run pays.
    const t0 = performance.now();
    weightedView(compiled, (tie) => tie.strength, 'similarity');
    prNotes.push(
      `warmpath builds its weighted view (a weight per tie from the compiled costs) once per network and weight name and keeps it, so of the runs below only the first warmpath run pays it: ${seconds(t0).toFixed(3)} s here. igraph and graphology hold their weights as an edge attribute before timing starts. python-igraph’s PRPACK may use both cores (OpenMP); warmpath runs on one.`,
    );
  }
  log('  warmpath pagerank');
  const mine = repeat(repeats, () => pagerank(compiled, { weight: 'strength' }));
  const mineScores = byIndex(mine.result, ids);
  prRows.push({
    library: 'warmpath `pagerank` (weight: strength)',
    seconds: median(mine.times) / 1000,
    others: mine.others,
    extrapolated: false,
    timed: runs(mine.times.map((t) => t / 1000)),
    baseline: true,
  });
  // NetworkX's stopping rule (L1 change < n × tolerance) loosens as n grows; igraph solves
  // exactly. A tight tolerance shows what warmpath costs at igraph's accuracy.
  log(`  warmpath pagerank (tolerance ${TIGHT_TOLERANCE})`);
  const tight = repeat(repeats, () =>
    pagerank(compiled, { weight: 'strength', tolerance: TIGHT_TOLERANCE, maxIterations: 1000 }),
  );
  const tightScores = byIndex(tight.result, ids);
  prRows.push({
    library: `warmpath \`pagerank\` (tolerance ${TIGHT_TOLERANCE}, maxIterations 1000)`,
    seconds: median(tight.times) / 1000,
    others: tight.others,
    extrapolated: false,
    timed: runs(tight.times.map((t) => t / 1000)),
    baseline: true,
  });
  // The same accuracy or better from the linear system, by conjugate gradients.
  log(`  warmpath pagerank (conjugate-gradient, tolerance ${CG_TOLERANCE})`);
  const linear = repeat(repeats, () =>
    pagerank(compiled, {
      weight: 'strength',
      solver: 'conjugate-gradient',
      tolerance: CG_TOLERANCE,
    }),
  );
  const linearScores = byIndex(linear.result, ids);
  prRows.push({
    library: `warmpath \`pagerank\` (solver conjugate-gradient, tolerance ${CG_TOLERANCE})`,
    seconds: median(linear.times) / 1000,
    others: linear.others,
    extrapolated: false,
    timed: runs(linear.times.map((t) => t / 1000)),
    baseline: true,
  });
  log('  graphology-metrics pagerank');
  {
    const t0 = performance.now();
    const graph = new UndirectedGraph<Record<string, never>, { strength: number }>();
    for (const id of ids) graph.addNode(id);
    network.forEachTie((s, t, strength) => {
      graph.addEdge(ids[s] as string, ids[t] as string, { strength });
    });
    prNotes.push(`graphology graph built in ${seconds(t0).toFixed(2)} s (not counted).`);
    const theirs = repeat(repeats, () =>
      graphologyPagerank(graph, {
        getEdgeWeight: 'strength',
        alpha: 0.85,
        tolerance: 1e-6,
        maxIterations: 100,
      }),
    );
    prRows.push({
      library: 'graphology-metrics `pagerank` (getEdgeWeight: strength)',
      seconds: median(theirs.times) / 1000,
      others: theirs.others,
      extrapolated: false,
      timed: runs(theirs.times.map((t) => t / 1000)),
    });
    prAgree.push(
      agreement(
        'graphology-metrics vs warmpath',
        'same power iteration and stopping rule (L1 change < n × 1e-6)',
        difference(
          Float64Array.from(ids, (id) => theirs.result[id] ?? Number.NaN),
          mineScores,
        ),
      ),
    );
  }
  settledMemory();

  // --- Closeness: warmpath's public closeness() under the budget, then per-source samples.
  const clRows: Row[] = [];
  const clAgree: Agreement[] = [];
  const clNotes: string[] = [];
  const clLoadStart = load();
  log('  warmpath closeness (budgeted)');
  const whole = budgetedSync(budgetMs, (p) => closeness(compiled, p));
  clRows.push(outcomeRow('warmpath `closeness` (every person)', whole, 'sources', true));
  log(`    ${whole.seconds.toFixed(0)} s${whole.finished ? '' : ' (extrapolated)'}`);
  const sources = samplePeople(n, closenessSources, seed, 800);
  const sizes = componentSizes(compiled);
  const view = weightedView(compiled, 'cost', 'distance');
  const single = new SingleSourceDistances(view);
  const closenessOf = (s: number) => {
    const reached = single.run(s);
    let total = 0;
    for (let i = 0; i < reached; i++) total += single.distance[single.order[i] as number] as number;
    const others = reached - 1;
    return total > 0 && n > 1 ? (others / total) * (others / (n - 1)) : 0;
  };
  for (const s of samplePeople(n, 3, seed, 801)) closenessOf(s); // warm-up
  const sampled = { times: [] as number[], values: [] as number[] };
  const sampleOthers = watchOtherWork();
  for (const s of sources) {
    const t0 = performance.now();
    sampled.values.push(closenessOf(s));
    sampled.times.push(performance.now() - t0);
  }
  const perSource = sampled.times.reduce((a, b) => a + b, 0) / sources.length / 1000;
  clRows.push({
    library: 'warmpath single-source Dijkstra of `closeness` (internal, diagnostic)',
    seconds: perSource * n,
    others: sampleOthers(),
    extrapolated: true,
    timed: `${sources.length} sampled sources, ${(perSource * 1000).toFixed(1)} ms each; × n`,
    baseline: true,
  });
  if (whole.result) {
    const all = byIndex(whole.result, ids);
    clAgree.push(
      agreement(
        'diagnostic per-source closeness vs `closeness()`',
        'the sampled people',
        difference(
          Float64Array.from(sampled.values),
          Float64Array.from(sources, (s) => all[s] as number),
        ),
      ),
    );
  } else {
    // The diagnostic must compute what closeness() computes: checked on a small network.
    const small = compileGenerated(2000, seed);
    const smallView = weightedView(small.compiled, 'cost', 'distance');
    const smallSingle = new SingleSourceDistances(smallView);
    const mineSmall = Float64Array.from({ length: 2000 }, (_, s) => {
      const reached = smallSingle.run(s);
      let total = 0;
      for (let i = 0; i < reached; i++)
        total += smallSingle.distance[smallSingle.order[i] as number] as number;
      return total > 0 ? ((reached - 1) / total) * ((reached - 1) / 1999) : 0;
    });
    clAgree.push(
      agreement(
        'diagnostic per-source closeness vs `closeness()`',
        'every person of a 2,000-person network of the same generator (closeness() did not finish at full size)',
        difference(mineSmall, byIndex(closeness(small.compiled), small.ids)),
      ),
    );
  }

  log('  python peers');
  const python = runPython(
    network,
    {
      pagerank: { repeats, networkx: true },
      closeness: { sources, budgetSeconds: budgetMs / 2000, minSources: 10 },
    },
    'rank',
    prNotes,
  );
  const ig = python?.igraph;
  if (ig?.pagerank) {
    prRows.push({
      library: `${peerName(python, 'igraph')} \`pagerank(weights='strength')\` (PRPACK)`,
      seconds: median(ig.pagerank.times),
      others: ig.pagerank.others ?? undefined,
      extrapolated: false,
      timed: runs(ig.pagerank.times),
    });
    const exact = Float64Array.from(ig.pagerank.scores);
    prAgree.push({
      ...agreement(
        'python-igraph vs warmpath (default tolerance)',
        'igraph solves exactly (PRPACK); warmpath stops as NetworkX does, at an L1 change < n × 1e-6',
        difference(mineScores, exact),
      ),
      ok: undefined,
    });
    prAgree.push(
      agreement(
        `python-igraph vs warmpath (tolerance ${TIGHT_TOLERANCE})`,
        `relative difference ≤ ${PAGERANK_CLOSE}`,
        difference(tightScores, exact),
        PAGERANK_CLOSE,
      ),
    );
    prAgree.push(
      agreement(
        `python-igraph vs warmpath (conjugate-gradient, tolerance ${CG_TOLERANCE})`,
        `relative difference ≤ ${PAGERANK_CLOSE}`,
        difference(linearScores, exact),
        PAGERANK_CLOSE,
      ),
    );
  } else prNotes.push(`python-igraph: ${ig?.error ?? 'not run'}`);
  const nx = python?.networkx;
  if (nx?.pagerank) {
    prRows.push({
      library: `${peerName(python, 'networkx')} \`pagerank(weight='strength')\` (SciPy)`,
      seconds: median(nx.pagerank.times),
      others: nx.pagerank.others ?? undefined,
      extrapolated: false,
      timed: runs(nx.pagerank.times),
    });
    prAgree.push(
      agreement(
        'NetworkX vs warmpath',
        'same power iteration and stopping rule',
        difference(Float64Array.from(nx.pagerank.scores), mineScores),
      ),
    );
  } else prNotes.push(`NetworkX: ${nx?.error ?? 'not run'}`);
  if (ig?.closeness?.seconds !== undefined) {
    const each = ig.closeness.seconds / sources.length;
    clRows.push({
      library: `${peerName(python, 'igraph')} \`closeness(vertices=sample, weights='cost')\``,
      seconds: each * n,
      others: ig.closeness.others ?? undefined,
      extrapolated: true,
      timed: `${sources.length} sampled sources in one call, ${(each * 1000).toFixed(1)} ms each; × n`,
    });
    // igraph 0.10 normalises by the people reached: (r − 1) / D; warmpath adds (r − 1) / (n − 1).
    const scaled = Float64Array.from(sources, (s, i) => {
      const r = sizes[s] as number;
      const x = ig.closeness?.scores[i] ?? 0;
      return (x ?? 0) * ((r - 1) / (n - 1));
    });
    clAgree.push(
      agreement(
        'python-igraph vs warmpath',
        'igraph × (r − 1)/(n − 1), r = size of the person’s component',
        difference(scaled, Float64Array.from(sampled.values)),
      ),
    );
  }
  if (nx?.closeness?.times) {
    const times = nx.closeness.times;
    const each = times.reduce((a, b) => a + b, 0) / times.length;
    clRows.push({
      library: `${peerName(python, 'networkx')} \`closeness_centrality(u=…, distance='cost')\``,
      seconds: each * n,
      others: nx.closeness.others ?? undefined,
      extrapolated: true,
      timed: `${times.length} of the sampled sources (${(budgetMs / 2000).toFixed(0)} s budget), ${(each * 1000).toFixed(0)} ms each; × n`,
    });
    clAgree.push(
      agreement(
        'NetworkX vs warmpath',
        'wf_improved = True, as warmpath',
        difference(
          Float64Array.from(nx.closeness.scores, (x) => x ?? 0),
          Float64Array.from(sampled.values.slice(0, times.length)),
        ),
      ),
    );
  }
  clNotes.push(
    'graphology-metrics’ `closeness` is unweighted only (hop counts), so it is no peer for distance = cost.',
  );
  const prSection: Section = {
    id: 'pagerank',
    title: `Weighted PageRank, ${thousands(n)} people`,
    network: info,
    rows: prRows,
    agreement: prAgree,
    notes: prNotes,
    load: [loadStart, clLoadStart],
  };
  loadStart = clLoadStart;
  return [
    prSection,
    {
      id: 'closeness',
      title: `Closeness (distance = cost), ${thousands(n)} people`,
      network: info,
      rows: clRows,
      agreement: clAgree,
      notes: clNotes,
      load: [loadStart, load()],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 3. Sampled betweenness

async function sampledBetweenness(people: number): Promise<Measured> {
  log(`\n== betweenness from ${sample} sampled sources, ${thousands(people)} people`);
  const loadStart = load();
  const notes: string[] = [];
  const rows: Row[] = [];
  const agree: Agreement[] = [];
  const { network, ids, compiled, info } = compileGenerated(people, seed);
  log(`  compiled ${info.ties} ties in ${(info.compileMs / 1000).toFixed(1)} s`);
  const options = { sample, seed: 1 } as const;

  log(`  warmpath betweennessParallel (${workers} workers), budget ${sampledBudgetMs / 1000} s`);
  const parallel = await budgetedAsync(sampledBudgetMs, (p) =>
    betweennessParallel(compiled, { ...options, ...p, workers }),
  );
  rows.push(
    outcomeRow(
      `warmpath \`betweennessParallel\` (${workers} workers)`,
      parallel,
      'sampled sources',
      true,
    ),
  );
  log(`    ${parallel.seconds.toFixed(0)} s${parallel.finished ? '' : ' (extrapolated)'}`);
  settledMemory();

  log(`  warmpath betweenness (1 thread), budget ${budgetMs / 1000} s`);
  const one = budgetedSync(budgetMs, (p) => betweenness(compiled, { ...options, ...p }));
  rows.push(outcomeRow('warmpath `betweenness` (1 thread)', one, 'sampled sources', true));
  log(`    ${one.seconds.toFixed(0)} s${one.finished ? '' : ' (extrapolated)'}`);
  if (parallel.result && one.result)
    agree.push(
      agreement(
        'warmpath 2 workers vs 1 thread',
        'same sample and seed',
        difference(byIndex(parallel.result, ids), byIndex(one.result, ids)),
      ),
    );
  else
    agree.push(
      missing(
        'warmpath 2 workers vs 1 thread',
        'a run stopped at its budget, so there are no scores to compare (the same sampled runs are compared at the first size)',
      ),
    );
  notes.push(
    'No peer: python-igraph 0.10.2 has no source sampling or source subset for betweenness, and NetworkX’s `k = 1000` would take hours at this size.',
  );
  rateNotes(parallel, one, notes);

  log('  set-up and profile of the single-source pass');
  const t0 = performance.now();
  const plan = planBetweenness(compiled, options);
  notes.push(
    `Set-up before the first source (\`planBetweenness\`: option checks, the weighted view of ${thousands(info.ties)} ties, the sample) takes ${seconds(t0).toFixed(2)} s in this thread.`,
  );
  const profiled = Array.from(plan.sources.subarray(0, profileLarge));
  const profiles = [
    profilePasses(`${thousands(people)} people, generator numbering`, compiled, profiled, []),
  ];
  const rank = communityRank(network);
  let local: CompiledNetwork | undefined = renumbered(network, rank);
  profiles.push(
    profilePasses(
      `${thousands(people)} people, community numbering`,
      local,
      profiled.map((s) => rank[s] as number),
      [],
    ),
  );
  local = undefined;
  checkRenumbering(profiles, notes);
  settledMemory();

  // A reference for one source: igraph's weighted Dijkstra in C (closeness from the same sources).
  log('  python-igraph closeness from the profiled sources (reference)');
  const python = runPython(
    network,
    { peers: ['igraph'], closeness: { sources: profiled, budgetSeconds: 0, minSources: 0 } },
    'sampled',
    notes,
  );
  const reference = python?.igraph?.closeness?.seconds;
  if (reference !== undefined) {
    const each = reference / profiled.length;
    notes.push(
      `Reference: python-igraph ${python?.igraph?.version ?? ''} \`closeness(vertices, weights='cost')\` from the ${profiled.length} profiled sources, one weighted Dijkstra each in C, takes ${each.toFixed(2)} s per source (warmpath’s Dijkstra of closeness: ${((profiles[0]?.dijkstraMs ?? Number.NaN) / 1000).toFixed(2)} s; its bucket pass, what betweenness runs: ${((profiles[0]?.bucketMs ?? Number.NaN) / 1000).toFixed(2)} s). ${thousands(sample)} such searches on ${workers} cores would take ≈ ${((each * sample) / workers).toFixed(0)} s, before any path counting or accumulation.`,
    );
  }
  return {
    section: {
      id: 'sampled',
      title: `Betweenness from ${thousands(sample)} sampled sources, ${thousands(people)} people`,
      network: info,
      rows,
      agreement: agree,
      notes,
      load: [loadStart, load()],
    },
    profiles,
  };
}

/** Seconds per source between the first and last progress reports (or up to the only one). */
function rate(run: Outcome<unknown>): number {
  const first = run.points[0];
  const last = run.points[run.points.length - 1];
  if (!first || !last || first[1] === 0) return Number.NaN;
  if (last[1] === first[1]) return first[0] / first[1] / 1000;
  return (last[0] - first[0]) / (last[1] - first[1]) / 1000;
}

function rateNotes(parallel: Outcome<unknown>, one: Outcome<unknown>, notes: string[]): void {
  const p = rate(parallel);
  const s = rate(one);
  const first = parallel.points[0];
  if (first)
    notes.push(
      `${workers} workers: first progress report after ${(first[0] / 1000).toFixed(1)} s, at ${first[1]} sources done (workers report every 2% of their share).`,
    );
  if (Number.isFinite(p) && Number.isFinite(s))
    notes.push(
      `Steady rate: 1 thread ${s.toFixed(2)} s per source; ${workers} workers together ${p.toFixed(2)} s per source, i.e. ${(p * workers).toFixed(2)} s per source in each worker: a speed-up of ${(s / p).toFixed(2)}× on ${workers} workers.`,
    );
}

// ---------------------------------------------------------------------------------------------

function targets(sections: readonly Section[]): Target[] {
  const out: Target[] = [];
  const find = (id: string) => sections.find((s) => s.id === id);
  const row = (section: Section | undefined, prefix: string) =>
    section?.rows.find((r) => r.library.startsWith(prefix));
  const exact = find('betweenness');
  const fastest = row(exact, 'warmpath `betweennessParallel`');
  for (const [peer, factor, label] of [
    ['graphology-metrics', 4, 'graphology-metrics'],
    ['python-igraph', 1.5, 'igraph'],
  ] as const) {
    const theirs = row(exact, peer);
    const ratio = theirs && fastest ? theirs.seconds / fastest.seconds : Number.NaN;
    out.push({
      name: `Exact weighted betweenness (${exact ? thousands(exact.network.people) : '–'} people): ≥ ${factor}× faster than ${label}, ${workers} workers`,
      measured: Number.isNaN(ratio)
        ? 'not measured'
        : `${ratio.toFixed(2)}× (${label} ${theirs?.seconds.toFixed(1)} s, warmpath ${fastest?.seconds.toFixed(1)} s${fastest?.extrapolated ? ', extrapolated' : ''}; other processes kept ${fastest?.others?.toFixed(2)} of the 2 cores busy during warmpath’s run)`,
      met: Number.isNaN(ratio) ? undefined : ratio >= factor,
    });
  }
  const pr = find('pagerank');
  const mine = row(pr, 'warmpath `pagerank` (weight');
  const exactly = row(pr, 'warmpath `pagerank` (solver conjugate-gradient');
  const igraph = row(pr, 'python-igraph');
  const people = pr ? thousands(pr.network.people) : '–';
  for (const [label, warmpath] of [
    ['default tolerance', mine],
    [`at igraph’s accuracy (conjugate-gradient, tolerance ${CG_TOLERANCE})`, exactly],
  ] as const) {
    const x = warmpath && igraph ? igraph.seconds / warmpath.seconds : Number.NaN;
    out.push({
      name: `PageRank (${people} people), ${label}: faster than igraph`,
      measured: Number.isNaN(x)
        ? 'not measured'
        : `${x.toFixed(2)}× (igraph ${igraph?.seconds.toFixed(3)} s, warmpath ${warmpath?.seconds.toFixed(3)} s)`,
      met: Number.isNaN(x) ? undefined : x > 1,
    });
  }
  const sampled = find('sampled');
  const run = row(sampled, 'warmpath `betweennessParallel`');
  const big = sampled !== undefined && sampled.network.ties >= 9_000_000;
  let met: boolean | undefined;
  if (run && big) {
    if (!run.extrapolated) met = run.seconds <= TARGET_SAMPLED_SECONDS;
    else if ((run.atLeast ?? 0) >= TARGET_SAMPLED_SECONDS) met = false;
    else if (Number.isFinite(run.seconds)) met = run.seconds <= TARGET_SAMPLED_SECONDS;
  }
  out.push({
    name: `Betweenness, ${thousands(sample)} sampled sources, ${sampled ? `${thousands(sampled.network.people)} people / ${thousands(sampled.network.ties)} ties` : '1M people / 10M ties'}: under ${TARGET_SAMPLED_SECONDS} s (${workers} workers)`,
    measured: run
      ? run.extrapolated
        ? `not finished after ${(run.atLeast ?? 0).toFixed(0)} s; ${Number.isFinite(run.seconds) ? `≈ ${run.seconds.toFixed(0)} s extrapolated` : 'no progress report to extrapolate from'} (other processes kept ${run.others?.toFixed(2)} of the 2 cores busy)`
        : `${run.seconds.toFixed(1)} s (other processes kept ${run.others?.toFixed(2)} of the 2 cores busy)`
      : 'not measured',
    met: big ? met : undefined,
  });
  return out;
}

async function main(): Promise<void> {
  const measured = revision();
  mkdirSync('bench/data', { recursive: true });
  const started = new Date();
  const loadAtStart = load();
  const sections: Section[] = [];
  const profiles: PassProfile[] = [];
  if (exactPeople > 0) {
    const { section, profiles: p } = await exactBetweenness(exactPeople);
    sections.push(section);
    profiles.push(...p);
    settledMemory();
  }
  if (rankPeople > 0) {
    sections.push(...(await rankAndCloseness(rankPeople)));
    settledMemory();
  }
  if (sampledPeople > 0) {
    const { section, profiles: p } = await sampledBetweenness(sampledPeople);
    sections.push(section);
    profiles.push(...p);
  }
  const run: CentralityRun = {
    started,
    seconds: (Date.now() - started.getTime()) / 1000,
    command: [
      'node',
      ...process.execArgv,
      relative(process.cwd(), process.argv[1] ?? ''),
      ...process.argv.slice(2),
    ].join(' '),
    revision: measured,
    load: [loadAtStart, load()],
    seed,
    workers,
    sample,
    nxK,
    closenessSources,
    repeats,
    budgetSeconds: budgetMs / 1000,
    sampledBudgetSeconds: sampledBudgetMs / 1000,
    sections,
    profiles,
    targets: targets(sections),
  };
  console.log(renderCentralityConsole(run));
  writeFileSync(out, renderCentralityMarkdown(run));
  log(`wrote ${out}`);
}

await main();

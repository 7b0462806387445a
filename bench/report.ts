/**
 * Tables of the chains benchmark: for the console, and docs/benchmarks.md.
 *
 * @module
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { quantile } from './measure.js';

/** Per-pair timings (ms) and answers of one library on one question, pairs in order. */
export interface Series<T = number | null> {
  readonly name: string;
  readonly times: readonly number[];
  readonly costs: readonly T[];
}

/** How a library loaded the network. */
export interface Loaded {
  readonly name: string;
  readonly loadMs: number;
  readonly detail: string;
  /** Sum of the compiled typed arrays' byteLength (warmpath only). */
  readonly typedBytes?: number;
  /** Growth of V8 heap + external memory after garbage collection (JavaScript only). */
  readonly heapBytes?: number;
  /** Growth of the resident set. */
  readonly rssBytes: number;
}

/** Everything measured at one size. */
export interface SizeResult {
  readonly people: number;
  readonly ties: number;
  readonly communities: number;
  readonly giant: number;
  readonly generationMs: number;
  readonly finderBytes: number;
  readonly loads: readonly Loaded[];
  readonly best: readonly Series[];
  readonly k: readonly Series<number[]>[];
  readonly checks: number;
  readonly mismatches: readonly string[];
  readonly notes: readonly string[];
}

/** A whole run. */
export interface BenchRun {
  readonly started: Date;
  readonly seconds: number;
  readonly command: string;
  readonly pairCount: number;
  readonly kPairCount: number;
  readonly k: number;
  readonly budgetSeconds: number;
  readonly seed: number;
  /** The commit measured, and whether src/ had uncommitted changes. */
  readonly revision: string;
  /** os.loadavg()[0] when the run started and ended (other work on the machine skews timings). */
  readonly load: readonly [number, number];
  readonly results: readonly SizeResult[];
}

const BASE_FREE = 'warmpath (maxHops ∞)';
const BASE_BOUNDED = 'warmpath (maxHops 4, default)';

const fmt = (x: number, digits = 3) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(digits)) : '–';
const thousands = (x: number) => x.toLocaleString('en-US');
/** A ratio against its target, with enough digits that rounding never hides a miss. */
const targetRatio = (x: number, factor: number) =>
  x < factor && Number(fmt(x, 1)) >= factor
    ? `${x.toFixed(3)}× (under ${factor}×)`
    : `${fmt(x, 1)}×`;
const perTie = (bytes: number | undefined, ties: number) =>
  bytes === undefined ? '–' : (bytes / ties).toFixed(1);

/** median(peer) / median(base), both over the pairs the peer answered (the first ones). */
export function ratio(peer: Series<unknown>, base: Series<unknown> | undefined): number {
  if (base === undefined || peer.times.length === 0) return Number.NaN;
  return quantile(peer.times, 0.5) / quantile(base.times.slice(0, peer.times.length), 0.5);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function timingRows(series: readonly Series<unknown>[]): string[][] {
  const free = series.find((s) => s.name === BASE_FREE);
  const bounded = series.find((s) => s.name === BASE_BOUNDED);
  return series.map((s) => [
    s.name,
    String(s.times.length),
    fmt(quantile(s.times, 0.5)),
    fmt(quantile(s.times, 0.95)),
    s.name.startsWith('warmpath') ? '' : `${fmt(ratio(s, free), 1)}×`,
    s.name.startsWith('warmpath') || bounded === undefined ? '' : `${fmt(ratio(s, bounded), 1)}×`,
  ]);
}

const TIMING_HEADER = [
  'library',
  'pairs',
  'median ms',
  'p95 ms',
  'peer / warmpath (maxHops ∞)',
  'peer / warmpath (maxHops 4)',
];

function loadRows(result: SizeResult): string[][] {
  return result.loads.map((l) => [
    l.name,
    `${(l.loadMs / 1000).toFixed(2)} s`,
    perTie(l.typedBytes, result.ties),
    perTie(l.heapBytes, result.ties),
    perTie(l.rssBytes, result.ties),
    l.detail,
  ]);
}

const LOAD_HEADER = [
  'library',
  'build / load',
  'typed arrays B/tie',
  'heap Δ B/tie',
  'RSS Δ B/tie',
  'how',
];

interface Target {
  readonly name: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

function find(series: readonly Series<unknown>[], prefix: string) {
  return series.find((s) => s.name.startsWith(prefix));
}

function targets(run: BenchRun): Target[] {
  const out: Target[] = [];
  for (const r of run.results) {
    const free = find(r.best, BASE_FREE);
    for (const [peer, factor] of [
      ['ngraph.path nba', 10],
      ['graphology bidirectional', 50],
    ] as const) {
      const series = find(r.best, peer);
      const x = series ? ratio(series, free) : Number.NaN;
      out.push({
        name: `${thousands(r.people)}: best chain ≥ ${factor}× faster than ${peer}`,
        measured: Number.isNaN(x) ? 'not measured' : targetRatio(x, factor),
        met: Number.isNaN(x) ? undefined : x >= factor,
      });
    }
    const warmpath = r.loads[0];
    const bytes = (warmpath?.typedBytes ?? Number.NaN) / r.ties;
    out.push({
      name: `${thousands(r.people)}: ≤ 40 bytes per tie`,
      measured: `${bytes.toFixed(1)} B/tie typed arrays (heap Δ ${perTie(warmpath?.heapBytes, r.ties)})`,
      met: bytes <= 40,
    });
  }
  const small = run.results.find((r) => r.people === 10_000);
  const igraph = small ? find(small.k, 'python-igraph') : undefined;
  const kRatio = igraph && small ? ratio(igraph, find(small.k, BASE_FREE)) : Number.NaN;
  out.push({
    name: `10,000: k = 5 chains ≥ 10× faster than igraph`,
    measured: Number.isNaN(kRatio) ? 'not measured' : `${fmt(kRatio, 1)}×`,
    met: Number.isNaN(kRatio) ? undefined : kRatio >= 10,
  });
  const largest = run.results.reduce<SizeResult | undefined>(
    (a, r) => (a === undefined || r.ties > a.ties ? r : a),
    undefined,
  );
  const compile = largest?.loads[0];
  out.push({
    name: '10M ties compile',
    measured: largest
      ? `${thousands(largest.ties)} ties in ${((compile?.loadMs ?? 0) / 1000).toFixed(1)} s`
      : 'not measured',
    // A run without a 10M-tie network (--sizes) did not test this target: neither met nor missed.
    met: largest && largest.ties >= 10_000_000 ? true : undefined,
  });
  return out;
}

const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**MISSED**';

/** The machine, as lines of Markdown. */
export function machine(): string[] {
  const run = (command: string) => {
    try {
      return execSync(command, { encoding: 'utf8' }).trimEnd();
    } catch {
      return 'unavailable';
    }
  };
  let cpu = 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(info)?.[1];
    cpu = `${field('model name')} (family ${field('cpu family')}, model ${field('model')}, ${field('cpu MHz')} MHz)`;
  } catch {}
  return [
    `- CPU: ${cpu}; \`nproc\`: ${run('nproc')} (availableParallelism ${availableParallelism()})`,
    `- Node ${process.versions.node}, V8 ${process.versions.v8}; Python ${run('/usr/bin/python3 --version').replace('Python ', '')}`,
    '- `free -g`:',
    '',
    '```',
    run('free -g'),
    '```',
  ];
}

/** The tables as plain text for the terminal. */
export function renderConsole(run: BenchRun): string {
  const lines: string[] = [];
  for (const r of run.results) {
    lines.push(
      `\n${thousands(r.people)} people, ${thousands(r.ties)} ties (stream generated in ${r.generationMs.toFixed(0)} ms)`,
    );
    lines.push(table(LOAD_HEADER, loadRows(r)));
    lines.push(`\nBest chain (k = 1):`);
    lines.push(table(TIMING_HEADER, timingRows(r.best)));
    if (r.k.length > 0) {
      lines.push(`\nk = ${run.k} chains:`);
      lines.push(table(TIMING_HEADER, timingRows(r.k)));
    }
    lines.push(`\ncost checks: ${r.checks}, mismatches: ${r.mismatches.length}`);
    for (const m of r.mismatches.slice(0, 20)) lines.push(`  MISMATCH ${m}`);
    for (const n of r.notes) lines.push(`  note: ${n}`);
  }
  lines.push('\nTargets:');
  for (const t of targets(run))
    lines.push(`  ${verdict(t.met).padEnd(14)} ${t.name}: ${t.measured}`);
  lines.push(`\n(${run.seconds.toFixed(0)} s in all)`);
  return lines.join('\n');
}

/** docs/benchmarks.md. */
export function renderMarkdown(run: BenchRun): string {
  const out: string[] = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench:chains` (bench/chains.ts, also run by `npm run bench`); rerun it to',
    'refresh every number below. Speed is compared as ratios between libraries measured in the',
    'same run (the JavaScript peers in the same process, the Python peers in a child process right',
    'after), never as absolute timings in tests. Machines are noisy: read the ratios, not the',
    'milliseconds.',
    '',
    'Centrality (betweenness, PageRank, closeness) is in',
    '[benchmarks-centrality.md](benchmarks-centrality.md), written by `npm run bench:centrality`;',
    'chains on a network stored in PostgreSQL in [benchmarks-postgres.md](benchmarks-postgres.md),',
    'from `npm run bench:postgres`.',
    '',
    '## Run',
    '',
    `- Date: ${run.started.toISOString()}; ${run.seconds.toFixed(0)} s in all; 1-minute load average ${run.load[0].toFixed(2)} at the start, ${run.load[1].toFixed(2)} at the end (above 1 means other work shared the machine's cores during the run)`,
    `- Command: \`${run.command}\` (\`npm run bench:chains\`)`,
    `- warmpath: ${run.revision}`,
    ...machine(),
    '',
    '## What is measured',
    '',
    '- **Networks** (bench/generate.ts, seed ' +
      `${run.seed}): clustered small worlds. Communities with heavy-tailed (Pareto) sizes; Chung–Lu`,
    '  ties with heavy-tailed expected degrees, about 75% inside communities (strength uniform in',
    '  0.4–0.95) and 25% across (0.05–0.4); about 10 ties per person. Streamed tie by tie: every',
    '  library is built from the same stream. Everyone is `open` (peers have no introduction',
    '  policies), ties are symmetric, cost = −ln(strength).',
    `- **Pairs**: ${run.pairCount} seeded random pairs inside the largest connected component, the`,
    `  same for every library; k = ${run.k} uses the first ${run.kPairCount}. Each library first`,
    '  answers other pairs untimed (warm-up, the same rule for warmpath and the JavaScript peers:',
    '  2,000 answers or 2 s, at least 3, so that V8 has optimised the code being timed; 3 in',
    '  Python), then every pair once; no timed pair is repeated. Slow peers stop',
    `  after ${run.budgetSeconds} s per question (aStar ${run.budgetSeconds / 2} s), having done at least 20 pairs`,
    '  (10 for k, 5 for aStar); their ratio is taken against warmpath on the same first pairs.',
    '  ngraph.path `aStar` is skipped above 100,000 people (a one-sided search, seconds a query).',
    '- **warmpath**: `CompiledNetworkBuilder` fed from the stream, `build()`, then',
    '  `createIntroductionFinder(compiled).find({ from, to, k, maxHops })`, through the public API',
    '  (each answer explained, as users get it). `maxHops: Infinity` is comparable with the peers,',
    '  which have no hop limit; the default `maxHops: 4` is shown beside it (a different question:',
    '  in these networks the likeliest chain is usually longer than 4 hops, see the notes).',
    '  The row *warmpath core search (internal, diagnostic)* times the bidirectional search under',
    '  `find()` alone (no option checks, Yen bookkeeping or explanations), in its own loop over the',
    '  same pairs after `find()`’s; it is not used for any ratio. The row *core search on the heap*',
    '  is that search kept on its decrease-key heap instead of the bucket ring these networks allow',
    '  (every tie weaker than strength 1; see docs/paths.md). Every library, warmpath included,',
    '  is timed in a loop of its own over the pairs after the same warm-up pairs.',
    '- **graphology-shortest-path** `dijkstra.bidirectional(graph, s, t, "cost")` on an',
    '  `UndirectedGraph` with a `cost` edge attribute. **ngraph.path** `nba` and `aStar` (zero',
    '  heuristic, so both are exact) on `ngraph.graph` with numeric ids and the cost as link data.',
    '  **NetworkX** `bidirectional_dijkstra` and `shortest_simple_paths`; **python-igraph**',
    '  `get_shortest_paths` and `get_k_shortest_paths` (Debian packages, `/usr/bin/python3`; times',
    '  measured inside Python per query, loading excluded).',
    '- **Memory**: for warmpath, bytes per tie = the compiled typed arrays’ `byteLength` summed,',
    '  divided by ties; beside it the growth of V8 heap + external memory after `gc()` (which adds',
    '  the `ids` array and the `indexOf` map; the id strings existed before and are not counted)',
    '  and of the resident set (RSS includes the builder’s peak and rarely shrinks: an upper',
    '  bound). For JavaScript peers the same heap and RSS growth; for Python peers RSS growth. A',
    '  peer loaded after another one reuses the pages the first one freed, so its RSS growth can',
    '  be far below its heap growth: trust the heap column for JavaScript.',
    '- **Correctness**: for every pair, each library’s best chain is re-costed on the compiled',
    '  structure and must match warmpath’s cost within 1e-9; k = 5 cost lists must match rank for',
    '  rank; `maxHops: 4` answers are checked against a hop-limited Bellman–Ford.',
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'verdict'],
      targets(run).map((t) => [t.name, t.measured, verdict(t.met)]),
    ),
    '',
  ];
  for (const r of run.results) {
    out.push(
      `## ${thousands(r.people)} people, ${thousands(r.ties)} ties`,
      '',
      `${thousands(r.communities)} communities; largest connected component ${thousands(r.giant)} people. ` +
        `Generating the tie stream alone takes ${(r.generationMs / 1000).toFixed(2)} s; it is subtracted from every build / load time. ` +
        (r.finderBytes > 0
          ? `The finder’s reusable search buffers add ${(r.finderBytes / r.people).toFixed(0)} bytes per person.`
          : 'The finder’s reusable search buffers are too small here to measure against the noise of the heap after `gc()`.'),
      '',
      table(LOAD_HEADER, loadRows(r)),
      '',
      '**Best chain** (k = 1), milliseconds per query:',
      '',
      table(TIMING_HEADER, timingRows(r.best)),
      '',
    );
    if (r.k.length > 0)
      out.push(
        `**k = ${run.k} chains**, milliseconds per query:`,
        '',
        table(TIMING_HEADER, timingRows(r.k)),
        '',
      );
    const free = find(r.best, BASE_FREE);
    const core = r.best.find((b) => b.name.includes('core search') && !b.name.includes('heap'));
    const heapCore = r.best.find((b) => b.name.includes('core search on the heap'));
    const overhead =
      free && core ? quantile(free.times, 0.5) / quantile(core.times, 0.5) - 1 : Number.NaN;
    const heapRatio =
      heapCore && core ? quantile(heapCore.times, 0.5) / quantile(core.times, 0.5) : Number.NaN;
    out.push(
      `Cost checks: ${thousands(r.checks)}; mismatches: ${r.mismatches.length}.`,
      ...(Number.isNaN(overhead)
        ? []
        : [
            `- \`find()\` takes ${(1 + overhead).toFixed(2)}× as long as the bare search it runs (medians, maxHops ∞; below 1 is noise).`,
          ]),
      ...(Number.isNaN(heapRatio)
        ? []
        : [
            `- The bare search on the decrease-key heap takes ${heapRatio.toFixed(2)}× as long as on the bucket ring it uses here (medians).`,
          ]),
      ...r.mismatches.slice(0, 30).map((m) => `- MISMATCH ${m}`),
      ...r.notes.map((n) => `- ${n}`),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

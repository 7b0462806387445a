/**
 * Tables of the centrality benchmark: for the console, and docs/benchmarks-centrality.md.
 *
 * @module
 */
import { type CompiledInfo, type PassProfile, WARMUP_RUNS } from './centrality-measure.js';
import { machine } from './report.js';

/** One library's time for one whole job (every source, or the whole ranking). */
export interface Row {
  readonly library: string;
  /** Seconds for the whole job: measured, or extrapolated (NaN if it could not be). */
  readonly seconds: number;
  readonly extrapolated: boolean;
  /** What was actually timed. */
  readonly timed: string;
  /** A warmpath row that peers' ratios are taken against. */
  readonly baseline?: boolean;
  /** For a run stopped at its budget: the seconds it had already run. */
  readonly atLeast?: number;
  /** Mean cores other processes kept busy while it ran. */
  readonly others?: number | undefined;
}

/** Whether two libraries' scores agree. */
export interface Agreement {
  readonly compared: string;
  readonly how: string;
  readonly value: string;
  /** undefined: reported, not judged. */
  readonly ok: boolean | undefined;
}

export interface Section {
  readonly id: 'betweenness' | 'pagerank' | 'closeness' | 'sampled';
  readonly title: string;
  readonly network: CompiledInfo;
  readonly rows: readonly Row[];
  readonly agreement: readonly Agreement[];
  readonly notes: readonly string[];
  /** 1-minute load average at the start and end of the section. */
  readonly load: readonly [number, number];
}

export interface Target {
  readonly name: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

export interface CentralityRun {
  readonly started: Date;
  readonly seconds: number;
  readonly command: string;
  readonly revision: string;
  readonly load: readonly [number, number];
  readonly seed: number;
  readonly workers: number;
  readonly sample: number;
  readonly nxK: number;
  readonly closenessSources: number;
  readonly repeats: number;
  readonly budgetSeconds: number;
  readonly sampledBudgetSeconds: number;
  readonly sections: readonly Section[];
  readonly profiles: readonly PassProfile[];
  readonly targets: readonly Target[];
}

const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

function time(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s < 1) return `${s.toFixed(3)} s`;
  if (s < 100) return `${s.toFixed(1)} s`;
  return `${thousands(s)} s`;
}

function rowTime(row: Row): string {
  if (!Number.isFinite(row.seconds))
    return row.atLeast === undefined ? '–' : `> ${time(row.atLeast)}`;
  return row.extrapolated ? `≈ ${time(row.seconds)} (extrapolated)` : time(row.seconds);
}

const ratio = (row: Row, base: Row) => {
  const x = row.seconds / base.seconds;
  if (!Number.isFinite(x)) return '–';
  const text = `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`;
  return row.extrapolated || base.extrapolated ? `≈ ${text}` : text;
};

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function timingTable(section: Section): string {
  const bases = section.rows.filter((r) => r.baseline);
  return table(
    [
      'library',
      'time',
      'what was timed',
      'other work (cores)',
      ...bases.map((b) => `÷ ${b.library}`),
    ],
    section.rows.map((r) => [
      r.library,
      rowTime(r),
      r.timed,
      typeof r.others !== 'number' || Number.isNaN(r.others) ? '–' : r.others.toFixed(2),
      ...bases.map((b) => (b === r ? '1×' : ratio(r, b))),
    ]),
  );
}

const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**MISSED**';
const agreed = (ok: boolean | undefined) =>
  ok === undefined ? 'reported' : ok ? 'agree' : '**DIFFER**';

function networkRows(sections: readonly Section[]): string[][] {
  const seen = new Set<number>();
  const rows: string[][] = [];
  for (const s of sections) {
    const n = s.network;
    if (seen.has(n.people)) continue;
    seen.add(n.people);
    rows.push([
      thousands(n.people),
      thousands(n.ties),
      thousands(n.communities),
      time(n.generationMs / 1000),
      time(n.compileMs / 1000),
      time(n.buildMs / 1000),
      (n.typedBytes / n.ties).toFixed(1),
    ]);
  }
  return rows;
}

const NETWORK_HEADER = [
  'people',
  'ties',
  'communities',
  'tie stream alone',
  'compile (stream into builder + build())',
  'of which build()',
  'typed arrays B/tie',
];

/** A time per source, with nanoseconds per adjacency entry scanned when `entries` is given. */
function perSource(x: number, entries?: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = `${x.toFixed(x < 1 ? 3 : x < 100 ? 2 : 0)} ms`;
  if (entries === undefined) return text;
  const ns = (1e6 * x) / entries;
  return `${text} (${ns.toFixed(ns < 10 ? 1 : 0)} ns/entry)`;
}

const perPerson = (x: number, p: PassProfile) =>
  Number.isFinite(x) ? `${thousands(x)} (${(x / p.reached).toFixed(2)} per person)` : '–';

function profileRows(profiles: readonly PassProfile[]): string[][] {
  return profiles.map((p) => [
    p.label,
    String(p.sources),
    thousands(p.reached),
    thousands(p.scanned),
    perSource(p.bucketMs, p.scanned),
    perSource(p.bucketAccumulateMs),
    perSource(p.heapMs, p.scanned),
    perSource(p.accumulateMs),
    perSource(p.dijkstraMs, p.scanned),
    perSource(p.tiesMs, p.scanned),
    perSource(p.tiesDistMs, p.scanned),
  ]);
}

const PROFILE_HEADER = [
  'network',
  'sources',
  'people reached',
  'adjacency entries scanned',
  'bucket pass `shortestPathDagBuckets` (what betweenness runs)',
  '+ `accumulateDependencies`',
  'heap pass `shortestPathDag` (fallback)',
  '+ `accumulateDependencies`',
  'Dijkstra of closeness (distances only)',
  'floor: ties read in settle order',
  'floor: ties + each neighbour’s `dist`',
];

function queueRows(profiles: readonly PassProfile[]): string[][] {
  return profiles.map((p) => [
    p.label,
    p.slots === 0 ? 'no bucket queue' : thousands(p.slots),
    Number.isFinite(p.bucketsVisited)
      ? `${thousands(p.bucketsVisited)} (${thousands(p.bucketsFilled)})`
      : '–',
    perPerson(p.bucketPushes, p),
    perPerson(p.staleEntries, p),
    perPerson(p.pushes, p),
    perPerson(p.moves, p),
    thousands(p.peakQueued),
  ]);
}

const QUEUE_HEADER = [
  'network',
  'bucket ring (slots)',
  'buckets visited (of which settled someone)',
  'bucket entries pushed',
  'stale bucket entries skipped',
  'heap pushes (heap pass)',
  'of which decrease-key moves',
  'most people in the heap',
];

/**
 * A line-level CPU profile cannot be taken under tsx (its transform leaves V8 no useful line
 * numbers), so this one was taken by hand, once, of the heap pass before the bucket queue
 * existed; it is kept as history and not refreshed by a run.
 */
const LINE_PROFILE = [
  '**Line by line, historical: the heap pass only** (now the fallback). Taken once by hand at',
  'commit 86b338d (2026-11-26), before the bucket queue, and not refreshed by this script:',
  '`node --cpu-prof` on an esbuild bundle of `shortestPathDag` + `accumulateDependencies` with',
  '`NodeHeap`, CPU samples of `shortestPathDag` and the heap methods grouped by source line.',
  '',
  table(
    [
      'share of `shortestPathDag` + heap',
      '10,000 people (1,000 sources)',
      '1,000,000 people (3 sources)',
    ],
    [
      ['heap `pop` (sift-down; `#before` compares key, hops, push order)', '36.4%', '38.8%'],
      ['heap `push` / decrease-key (sift-up)', '9.1%', '7.9%'],
      ['scanning the adjacency (`weights[e]`, `neighbors[e]`)', '23.7%', '12.3%'],
      ['`seenStamp[w]` / `settled[w]` checks of each neighbour', '6.6%', '16.5%'],
      ['`dist[w]` / `hops[w]` comparison', '8.9%', '9.3%'],
      ['predecessor lists (`addPred`)', '1.8%', '8.9%'],
      ['settling a person (σ from its pusher, `order`)', '4.7%', '4.1%'],
      ['writing an improvement (`dist`, `hops`, `sigma`, `predHead`, `pusher`)', '5.2%', '2.1%'],
      ['equal paths (`sigma[w] += sigma[v]`)', '3.5%', '0.3%'],
    ],
  ),
  '',
  'The heap (pop and push, about 45% of that pass at both sizes) is what the bucket queue',
  'removes; the per-neighbour reads of person-sized arrays, which miss the caches at 1,000,000',
  'people, remain in both passes.',
];

/** Plain-text summary for the terminal. */
export function renderCentralityConsole(run: CentralityRun): string {
  const lines: string[] = [];
  for (const s of run.sections) {
    lines.push(`\n${s.title} (${thousands(s.network.ties)} ties)`);
    lines.push(timingTable(s));
    for (const a of s.agreement) lines.push(`  ${agreed(a.ok)}: ${a.compared}: ${a.value}`);
    for (const n of s.notes) lines.push(`  note: ${n}`);
  }
  if (run.profiles.length > 0) {
    lines.push('\nSingle-source passes, per source:');
    lines.push(table(PROFILE_HEADER, profileRows(run.profiles)));
    lines.push('\nQueue traffic, per source:');
    lines.push(table(QUEUE_HEADER, queueRows(run.profiles)));
    for (const f of profileFacts(run)) lines.push(`  note: ${f}`);
  }
  lines.push('\nTargets:');
  for (const t of run.targets)
    lines.push(`  ${verdict(t.met).padEnd(14)} ${t.name}: ${t.measured}`);
  lines.push(`\n(${run.seconds.toFixed(0)} s in all)`);
  return lines.join('\n');
}

const short = (p: PassProfile) => p.label.slice(0, p.label.indexOf(' people') + 7);
const fixed = (x: number) => x.toFixed(x < 100 ? 2 : 0);

/** The notes under the profile tables. */
export function profileFacts(
  run: Pick<CentralityRun, 'profiles' | 'sample' | 'workers'>,
): string[] {
  const profiles = run.profiles;
  const facts: string[] = [];
  const bucket = (p: PassProfile) => p.bucketMs + p.bucketAccumulateMs;
  const heap = (p: PassProfile) => p.heapMs + p.accumulateMs;
  for (let i = 0; i + 1 < profiles.length; i += 2) {
    const a = profiles[i] as PassProfile;
    const b = profiles[i + 1] as PassProfile;
    if (a.slots === 0) {
      facts.push(
        `${short(a)}: no bucket queue applies (a tie of strength 1, or steps too spread), so betweenness runs the heap pass: ${fixed(heap(a))} ms per source with its accumulation.`,
      );
      continue;
    }
    facts.push(
      `${short(a)}: the bucket pass with its accumulation takes ${fixed(bucket(a))} ms per source, ` +
        `${(heap(a) / bucket(a)).toFixed(2)}× faster than the heap pass (${fixed(heap(a))} ms). ` +
        `\`shortestPathDagBuckets\` alone is ${(a.bucketMs / a.dijkstraMs).toFixed(2)}× closeness’s Dijkstra (distances only) over the same people ` +
        `and ${(a.bucketMs / a.tiesDistMs).toFixed(1)}× the floor of reading every tie and its neighbour’s distance in settle order (${perSource(a.tiesDistMs)}). ` +
        `Per person settled it pushes ${(a.bucketPushes / a.reached).toFixed(2)} bucket entries (${(a.staleEntries / a.reached).toFixed(2)} skipped as stale), ` +
        `where the heap pass pushes ${(a.pushes / a.reached).toFixed(2)} (${(a.moves / a.reached).toFixed(2)} decrease-key moves). ` +
        `Numbering by community changes the bucket pass with its accumulation from ${fixed(bucket(a))} to ${fixed(bucket(b))} ms (× ${(bucket(b) / bucket(a)).toFixed(2)}).`,
    );
  }
  const compared = profiles.filter((p) => p.slots > 0);
  if (compared.length > 0) {
    const worst = (f: (p: PassProfile) => number) => {
      const x = Math.max(...compared.map(f));
      return x === 0 ? '0' : x.toExponential(1);
    };
    facts.push(
      compared.every((p) => p.passesAgree)
        ? `From every profiled source the bucket and heap passes reached the same people, and their dependency sums differ by at most ${worst((p) => p.dependencyDifference)} (relative; one person’s accumulated dependency by at most ${worst((p) => p.scoreDifference)}): the bucket queue changes the order of summation, not the result.`
        : `**The bucket and heap passes did not reach the same people, or their dependency sums differ by more than 1e-9 (relative; largest ${worst((p) => p.dependencyDifference)}).**`,
    );
  }
  const replayed =
    profiles.every((p) => p.replayMatches) && compared.every((p) => p.bucketReplayMatches);
  facts.push(
    replayed
      ? 'The bucket and heap replays settled people in exactly warmpath’s order from every profiled source, so their counts are warmpath’s.'
      : '**A replay did not settle people in warmpath’s order: its counts are not verified.**',
  );
  const largest = profiles.reduce<PassProfile | undefined>(
    (best, p) => (best === undefined || p.people > best.people ? p : best),
    undefined,
  );
  if (largest !== undefined) {
    const floor = (largest.tiesDistMs * run.sample) / run.workers / 1000;
    facts.push(
      `The floor columns read, in the bucket pass’s settle order, each tie’s weight (and then also its neighbour’s distance from a saved copy) and nothing else: no queue, no comparison, no write. ` +
        `At ${thousands(largest.people)} people that alone takes ${perSource(largest.tiesDistMs)} per source (${perSource(largest.tiesMs)} for the weights only), ` +
        `so ${thousands(run.sample)} sources on ${run.workers} workers need at least ≈ ${time(floor)} for it: a bound on what any exact single-source method (one full pass per source, people settled in distance order) can reach on this machine, ` +
        'before any path counting, queue or accumulation, and if anything optimistic, as the workers share one memory bus.',
    );
  }
  return facts;
}

function whereTimeGoes(run: CentralityRun): string[] {
  const profiles = run.profiles;
  if (profiles.length === 0) return [];
  return [
    '## Where warmpath’s time goes',
    '',
    'Every betweenness run, exact or sampled, one thread or workers, is one single-source pass',
    'per source followed by `accumulateDependencies` (the dependencies δ in reverse settle',
    'order). On these networks every tie is weaker than strength 1, so every step costs more',
    'than 0 and betweenness runs the bucket pass `shortestPathDagBuckets`',
    '(src/centrality/brandes-buckets.ts): people wait in a ring of buckets by tentative distance,',
    'each bucket a little narrower than the cheapest step, so when a bucket’s turn comes its',
    'people are final and it is settled whole, with no heap and no decrease-key (Dial 1969,',
    'Dinitz 1978); shortest paths, path counts σ and predecessor lists are those of the heap pass.',
    'The heap pass `shortestPathDag` (Dijkstra with `NodeHeap`, keyed by cost, then hops, then',
    'push order, with decrease-key) is what betweenness ran before, and still runs where no',
    'bucket queue applies (a tie of strength 1, or steps too spread for the ring): it is timed',
    'beside it for comparison. The first table times those internal functions separately, in',
    'this thread, on a few sources, with the Dijkstra that `closeness` runs (distances only), and two loops',
    'that only read the ties of the people reached, in the bucket pass’s settle order (the',
    '*floor*, below). The second table counts each queue’s traffic by replaying its pass’s push',
    'rule and order in bench code (`BucketReplay`, `HeapReplay`), untimed, each checked to settle',
    'people in exactly warmpath’s order. The *community numbering* rows run the very same network',
    '(same ties, same sources) after renumbering people community by community, so that about',
    'three steps in four go to a nearby index (the generator, like real data keyed by id,',
    'numbers people with no relation to who knows whom): if scattered access to person-sized',
    'arrays were the main cost, the second row of each pair would be much faster than the first.',
    '',
    table(PROFILE_HEADER, profileRows(profiles)),
    '',
    table(QUEUE_HEADER, queueRows(profiles)),
    '',
    ...profileFacts(run).map((f) => `- ${f}`),
    '',
    ...LINE_PROFILE,
    '',
  ];
}

/** docs/benchmarks-centrality.md. */
export function renderCentralityMarkdown(run: CentralityRun): string {
  const out: string[] = [
    '# Centrality benchmarks',
    '',
    'Generated by `npm run bench:centrality` (bench/centrality.ts, with bench/peers_centrality.py;',
    'also run by `npm run bench`); rerun it to refresh every number below. Chains are in',
    '[benchmarks.md](benchmarks.md). As there, speed is compared as ratios between libraries',
    'measured in the same run, graphology-metrics in the same process and the Python peers in a',
    'child process right after, never as timed assertions in tests. This machine is shared with',
    'other work: read the ratios and the load averages, not the seconds alone.',
    '',
    '## Run',
    '',
    `- Date: ${run.started.toISOString()}; ${run.seconds.toFixed(0)} s in all; 1-minute load average ${run.load[0].toFixed(2)} at the start, ${run.load[1].toFixed(2)} at the end (2 cores: above 1 means other work shared them; each section gives its own)`,
    `- Command: \`${run.command}\` (\`npm run bench:centrality\`)`,
    `- warmpath: ${run.revision}`,
    ...machine(),
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'verdict'],
      run.targets.map((t) => [t.name, t.measured, verdict(t.met)]),
    ),
    '',
    '## What is measured',
    '',
    `- **Networks**: bench/generate.ts, seed ${run.seed}, as for chains (clustered small worlds,`,
    '  about 10 ties per person, strengths 0.4–0.95 inside communities and 0.05–0.4 across).',
    '  warmpath compiles them with `CompiledNetworkBuilder` from the tie stream; graphology and',
    '  the Python peers are built from the same ties (Python reads the binary edge file that',
    '  `writeEdgeFile` writes, with cost = −ln strength computed once in JavaScript). Building',
    '  peers’ graphs is not counted in their times.',
    '- **Times** are for the whole job: every source of exact betweenness, closeness of every',
    '  person, the whole PageRank vector, all sampled sources. Runs that can be stopped',
    `  (warmpath's, through their \`signal\`) stop at a budget (${run.budgetSeconds} s; ${run.sampledBudgetSeconds} s for the`,
    '  sampled betweenness on workers) and their time is **extrapolated** from their own',
    '  `onProgress` reports: the time of the first report plus the rate between the first and',
    '  the last for the remaining sources. Peers that cannot be stopped run in full, or on a',
    `  sample of sources: NetworkX betweenness with k = ${run.nxK} sources, then × n/k;`,
    `  closeness on ${run.closenessSources} seeded random people, then × n. Every extrapolated time says so.`,
    `  PageRank is the median of ${run.repeats} runs, after ${WARMUP_RUNS} untimed runs for the JavaScript`,
    '  libraries (warmpath and graphology-metrics alike) so that V8 has optimised their code.',
    '  Ratios are peer time ÷ warmpath time (above 1: warmpath is faster).',
    '- **Other work**: this machine (2 cores) is shared with other sessions. *Other work (cores)*',
    '  is the mean number of cores that other processes kept busy while a row was timed (busy',
    '  time in /proc/stat less the measuring process’s own CPU time, over wall time). A row with',
    '  other work near 1 ran on about one free core: a 2-worker run then cannot show its speed-up.',
    '  Work of the host’s other tenants is invisible from inside: timings vary between runs,',
    '  sometimes by tens of percent, also with 0 in that column. Rerun before trusting a ratio',
    '  close to a target.',
    '- **warmpath** through its public API on the compiled network: `betweenness(compiled)`,',
    `  \`betweennessParallel(compiled, { workers: ${run.workers} })\`, \`pagerank(compiled)\`, \`closeness(compiled)\`,`,
    `  \`betweennessParallel(compiled, { sample: ${run.sample}, seed: 1, workers: ${run.workers} })\`. The closeness`,
    '  row marked *internal, diagnostic* times the single-source Dijkstra that `closeness` runs',
    '  (`SingleSourceDistances`) on the same sampled people as the peers, for a like-for-like',
    '  ratio; it is checked to compute exactly what `closeness()` computes.',
    '- **Peers**: graphology-metrics `centrality/betweenness.js` (`getEdgeWeight: "cost"`) and',
    '  `centrality/pagerank.js` (`getEdgeWeight: "strength"`, alpha 0.85, tolerance 1e-6);',
    '  python-igraph `betweenness(directed=False, weights="cost")`, `pagerank(weights="strength")`',
    '  (PRPACK), `closeness(vertices=sample, weights="cost")`; NetworkX',
    '  `betweenness_centrality(k, weight="cost", seed)`, `pagerank(weight="strength")` (SciPy),',
    '  `closeness_centrality(u=…, distance="cost")` (Debian packages, `/usr/bin/python3`).',
    '- **PageRank accuracy**: warmpath stops as NetworkX does, when the L1 change of an iteration',
    '  is below n × `tolerance` (1e-6 by default), which is loose at large n; igraph’s PRPACK',
    '  solves the system exactly. A second warmpath row runs `pagerank(compiled, { tolerance:',
    '  1e-12, maxIterations: 1000 })` for an answer as exact as igraph’s, a third',
    "  `pagerank(compiled, { solver: 'conjugate-gradient', tolerance: 1e-8 })`, which solves the",
    '  same linear system as PRPACK by conjugate gradients to at least that accuracy (L1 error',
    '  ≤ 2e-8), and all three are compared with igraph.',
    '- **Agreement**: scores compared person by person after putting them on the same scale;',
    '  the relative difference ignores people whose scores are both below 1e-12 × the top score.',
    '  NetworkX’s sampled betweenness is compared with warmpath run from exactly NetworkX’s k',
    '  sources (`sources` option, × n/k), so the comparison is exact, not statistical.',
    '',
    '## Networks',
    '',
    table(NETWORK_HEADER, networkRows(run.sections)),
    '',
  ];
  for (const s of run.sections) {
    out.push(
      `## ${s.title}`,
      '',
      `${thousands(s.network.ties)} ties. Load average ${s.load[0].toFixed(2)} at the start of this part, ${s.load[1].toFixed(2)} at its end.`,
      '',
      timingTable(s),
      '',
    );
    if (s.agreement.length > 0) {
      out.push(
        table(
          ['compared', 'how', 'difference', 'verdict'],
          s.agreement.map((a) => [a.compared, a.how, a.value, agreed(a.ok)]),
        ),
        '',
      );
    }
    out.push(...s.notes.map((n) => `- ${n}`), '');
  }
  out.push(...whereTimeGoes(run));
  return `${out.join('\n')}\n`;
}

/**
 * Tables of the centrality benchmark: for the console, and docs/benchmarks-centrality.md.
 *
 * @module
 */
import type { CompiledInfo, PassProfile } from './centrality-measure.js';
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

function profileRows(profiles: readonly PassProfile[]): string[][] {
  return profiles.map((p) => [
    p.label,
    String(p.sources),
    thousands(p.reached),
    thousands(p.scanned),
    `${thousands(p.pushes)} (${(p.pushes / p.reached).toFixed(2)} per person)`,
    thousands(p.moves),
    thousands(p.peakQueued),
    `${p.dagMs.toFixed(p.dagMs < 100 ? 2 : 0)} ms (${((1e6 * p.dagMs) / p.scanned).toFixed(0)} ns/entry)`,
    `${p.accumulateMs.toFixed(p.accumulateMs < 100 ? 2 : 0)} ms`,
    `${p.dijkstraMs.toFixed(p.dijkstraMs < 100 ? 2 : 0)} ms (${((1e6 * p.dijkstraMs) / p.scanned).toFixed(0)} ns/entry)`,
  ]);
}

const PROFILE_HEADER = [
  'network',
  'sources',
  'people reached',
  'adjacency entries scanned',
  'heap pushes',
  'of which decrease-key moves',
  'most people queued',
  '`shortestPathDag`',
  '`accumulateDependencies`',
  'plain Dijkstra (closeness)',
];

/**
 * A line-level CPU profile cannot be taken under tsx (its transform leaves V8 no useful line
 * numbers), so this one was taken by hand, once, and is not refreshed by a run.
 */
const LINE_PROFILE = [
  '**Line by line** (taken once by hand, not refreshed by this script: `node --cpu-prof` on an',
  'esbuild bundle of `shortestPathDag` + `accumulateDependencies` with the decrease-key',
  '`NodeHeap` of src/graph/heap.ts, commit 86b338d; CPU samples of `shortestPathDag` and the',
  'heap methods, grouped by source line; 2026-11-27):',
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
  'The heap is still the largest single cost, about 45% with push. `NodeHeap` keeps one entry',
  'per person (no stale entries: it halved exact betweenness at 10,000 people against the',
  'earlier lazy-deletion heap), but its keys, hops and push counters are indexed by person, not',
  'by heap slot: every comparison of a sift reads two people’s entries from three arrays at',
  'unrelated addresses. At 10,000 people those arrays sit in cache; at 1,000,000 (8 + 4 + 4 MB,',
  'with `position` another 4 MB) each comparison is a cache miss, so the new heap gained',
  'little there (one thread, per source: 2.4–3.4 s in trial runs with the old heap, 2.8–3.0 s',
  'with this one). The per-neighbour reads of the',
  'person-sized `seenStamp`, `settled`, `dist` and `hops` (about 17 MB) miss the caches too at',
  'that size; renumbering by community (the table above) is no cure, as a quarter of the ties',
  'still cross communities. For reference, igraph’s weighted Brandes uses an indexed two-way',
  'heap (decrease-key) as well.',
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
    lines.push('\nSingle-source pass, per source:');
    lines.push(table(PROFILE_HEADER, profileRows(run.profiles)));
  }
  lines.push('\nTargets:');
  for (const t of run.targets)
    lines.push(`  ${verdict(t.met).padEnd(14)} ${t.name}: ${t.measured}`);
  lines.push(`\n(${run.seconds.toFixed(0)} s in all)`);
  return lines.join('\n');
}

function whereTimeGoes(run: CentralityRun): string[] {
  const profiles = run.profiles;
  if (profiles.length === 0) return [];
  const out = [
    '## Where warmpath’s time goes',
    '',
    'Every betweenness run, exact or sampled, one thread or workers, is one single-source pass',
    'per source: `shortestPathDag` (Dijkstra on the CSR that also counts shortest paths σ and',
    'records predecessor lists, with `NodeHeap`, a binary heap of people keyed by cost, then',
    'hops, then push order, where a person improved again moves up: decrease-key)',
    'followed by `accumulateDependencies` (the dependencies δ in reverse settle order). The table',
    'times those two internal functions separately, in this thread, on a few sources, with the',
    'plain Dijkstra that `closeness` runs beside them. Heap pushes, decrease-key moves and the',
    'most people queued at once are counted by replaying the same push rule and heap order in',
    'bench code (`HeapReplay`), untimed, and checked to settle people in exactly warmpath’s',
    'order. The *community',
    'numbering* rows run the very same network (same ties, same sources) after renumbering',
    'people community by community, so that about three steps in four go to a nearby index',
    '(the generator, like real data keyed by id, numbers people with no relation to who knows',
    'whom): if scattered access to person-sized arrays were the main cost, the second row of',
    'each pair would be much faster than the first.',
    '',
    table(PROFILE_HEADER, profileRows(profiles)),
    '',
  ];
  const facts: string[] = [];
  const total = (p: PassProfile) => p.dagMs + p.accumulateMs;
  const pass = (p: PassProfile) => total(p).toFixed(p.dagMs > 100 ? 0 : 2);
  for (let i = 0; i + 1 < profiles.length; i += 2) {
    const a = profiles[i] as PassProfile;
    const b = profiles[i + 1] as PassProfile;
    const dagShare = a.dagMs / (a.dagMs + a.accumulateMs);
    facts.push(
      `${a.label.slice(0, a.label.indexOf(' people') + 7)}: \`shortestPathDag\` is ${(100 * dagShare).toFixed(0)}% of a pass, ` +
        `${(a.dagMs / a.dijkstraMs).toFixed(2)}× a plain Dijkstra over the same people; the heap takes ` +
        `${(a.pushes / a.reached).toFixed(2)} pushes per person settled, ${(a.moves / a.reached).toFixed(2)} of them decrease-key moves. Numbering by community ` +
        `changes a pass from ${pass(a)} to ${pass(b)} ms (× ${(total(b) / total(a)).toFixed(2)}).`,
    );
  }
  const replayed = profiles.every((p) => p.replayMatches);
  facts.push(
    replayed
      ? 'The heap replay settled people in exactly warmpath’s order from every profiled source, so its counts are warmpath’s.'
      : '**The heap replay did not settle people in warmpath’s order: its counts are not verified.**',
  );
  out.push(...facts.map((f) => `- ${f}`), '', ...LINE_PROFILE, '');
  return out;
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
    `  PageRank is the median of ${run.repeats} runs. Ratios are peer time ÷ warmpath time (above 1:`,
    '  warmpath is faster).',
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
    '  1e-12, maxIterations: 1000 })` for an answer as exact as igraph’s, and both rows are',
    '  compared with igraph.',
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

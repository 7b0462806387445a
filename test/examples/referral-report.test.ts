import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attributeHires,
  createNetwork,
  generateMarket,
  type Network,
  proportionInterval,
  referralChains,
  referralFunnel,
  referralShare,
  requirementsGap,
  type SimulationResult,
  simulateHiring,
  sweepReferralShare,
  tieAnalysis,
  vacancyChains,
} from 'warmpath';
import {
  CHAIN_THRESHOLDS,
  DISAGREEMENTS_LISTED,
  HIRING,
  loadSeedNetwork,
  MARKET,
  type Report,
  SWEEP,
  seedStoryReport,
  simulatedMarketReport,
  writeReport,
} from '../../examples/referral-report.js';

// Formatting as the report promises it, written out here so the test does not lean on the script.
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const share = (k: number, n: number): string => {
  const interval = proportionInterval(k, n);
  return `${pct(interval.estimate)} [${pct(interval.lower)}, ${pct(interval.upper)}]`;
};
/** A library result's Markdown as the report embeds it: its `##` title one level down. */
const embedded = (markdown: string): string => markdown.replace(/^## /, '### ').trimEnd();
const row = (...cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

const COMMON_TITLES = [
  'Referral share',
  'Referral funnel',
  'Ties referrals ran over',
  'Attribution: recorded referrals and the network',
  'Referral and vacancy chains',
  'Requirements gap by channel',
];

/** The `## ` sections of a report by title (text up to the next `## `). */
function sections(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    result.set(part.slice(0, newline), part.slice(newline + 1));
  }
  return result;
}

function sectionOf(report: Report, title: string): string {
  const text = sections(report.markdown).get(title);
  expect(text, `section "${title}"`).toBeDefined();
  return text ?? '';
}

function svgOf(report: Report, suffix: string): string {
  const chart = report.charts.find((c) => c.file === `${report.name}-${suffix}.svg`);
  expect(chart, `${report.name}-${suffix}.svg`).toBeDefined();
  const svg = chart?.svg ?? '';
  expect(report.markdown).toContain(`](${report.name}-${suffix}.svg)`);
  return svg;
}

const decodeEntities = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

/** The text of every `<text>` element. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1] ?? ''));

/** How many marks have this ARIA role description (Vega writes one per mark item). */
const marks = (svg: string, role: string): number =>
  svg.split(`aria-roledescription="${role}"`).length - 1;

/** The attributes of every start tag. */
const tags = (svg: string): Map<string, string>[] =>
  [...svg.matchAll(/<[a-z]+((?:\s+[a-z:-]+="[^"]*")*)\s*\/?>/g)].map(
    (m) =>
      new Map(
        [...(m[1] ?? '').matchAll(/([a-z:-]+)="([^"]*)"/g)].map((a) => [
          a[1] ?? '',
          decodeEntities(a[2] ?? ''),
        ]),
      ),
  );

/** The ARIA labels of the marks with this role description. */
const labelsOf = (svg: string, role: string): string[] =>
  tags(svg)
    .filter((attributes) => attributes.get('aria-roledescription') === role)
    .map((attributes) => attributes.get('aria-label') ?? '');

function expectWellFormedSvg(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toMatch(/^<svg[^>]*><title>[^<]+<\/title>/);
  const opened = svg.match(/<g[\s>]/g)?.length ?? 0;
  expect(opened).toBeGreaterThan(0);
  expect(svg.match(/<\/g>/g)?.length).toBe(opened);
}

/** A report and the network its measures were taken on, once built. */
interface Built {
  readonly report: Report;
  readonly network: Network;
}

/** The measures' sections, checked against the library's own results on the network. */
function checkCommonSections(built: () => Built, groupedShare: 'organization' | 'quarter'): void {
  it('has every section, in order', () => {
    const { report } = built();
    const titles = [...sections(report.markdown).keys()].filter((t) => COMMON_TITLES.includes(t));
    expect(titles).toEqual(COMMON_TITLES);
  });

  it('writes each SVG as a well-formed document', () => {
    const { report } = built();
    expect(report.charts.map((c) => c.file)).toEqual(
      ['share', 'funnel', 'ties', 'chains'].map((s) => `${report.name}-${s}.svg`),
    );
    for (const chart of report.charts) expectWellFormedSvg(chart.svg);
  });

  it('shows the share table of referralShare and one point and count per group', () => {
    const { report, network } = built();
    const result =
      groupedShare === 'organization'
        ? referralShare(network, { by: 'organization' })
        : referralShare(network, { by: { period: 'quarter' } });
    expect(sectionOf(report, 'Referral share')).toContain(embedded(result.toMarkdown()));
    const svg = svgOf(report, 'share');
    const groups = [result.overall, ...result.groups];
    expect(marks(svg, 'point')).toBe(groups.length);
    const labels = texts(svg);
    expect(labels).toContain('All hires');
    for (const group of result.groups) expect(labels).toContain(group.label);
    const counts = labels.filter((t) => /^\d+\/\d+$/.test(t)).sort();
    expect(counts).toEqual(groups.map((g) => `${g.referrals}/${g.hires}`).sort());
  });

  it('shows the funnel table of referralFunnel and a bar and error bar per stage and side', () => {
    const { report, network } = built();
    const funnel = referralFunnel(network);
    expect(sectionOf(report, 'Referral funnel')).toContain(embedded(funnel.toMarkdown()));
    const svg = svgOf(report, 'funnel');
    const sides = funnel.overall.stages.flatMap((s) => [s.referred, s.nonReferred]);
    const expected = sides.filter((s) => s !== null).length;
    expect(expected).toBe(6);
    expect(marks(svg, 'bar')).toBe(expected);
    expect(marks(svg, 'rule mark')).toBe(expected);
    for (const label of ['interviewed', 'offered', 'hired', 'referred', 'not referred'])
      expect(texts(svg)).toContain(label);
  });

  it('tabulates the tie classes and frequencies of tieAnalysis and charts every strength', () => {
    const { report, network } = built();
    const { summary, weakThreshold } = tieAnalysis(network);
    const n = summary.referrals;
    const text = sectionOf(report, 'Ties referrals ran over');
    expect(text).toContain(
      row(
        `strong (strength ≥ ${weakThreshold})`,
        `${summary.strength.strong} (${share(summary.strength.strong, n)})`,
      ),
    );
    expect(text).toContain(
      row(
        `weak (strength < ${weakThreshold})`,
        `${summary.strength.weak} (${share(summary.strength.weak, n)})`,
      ),
    );
    for (const frequency of ['often', 'occasionally', 'rarely', 'unknown'] as const) {
      const count = summary.frequency[frequency];
      expect(text).toMatch(
        new RegExp(
          `^\\| ${frequency} \\| [^|]+ \\| ${count} \\(${escapeRegExp(share(count, n))}\\) \\|$`,
          'm',
        ),
      );
    }
    expect(text).toContain(
      `tied in ${summary.referrerToManager.tie}, not tied in ${summary.referrerToManager.noTie}`,
    );
    // Each bar says how many referral hires it holds and of which class: they add up.
    const bars = labelsOf(svgOf(report, 'ties'), 'bar');
    expect(bars.length).toBeGreaterThan(0);
    const total = { weak: 0, strong: 0 };
    for (const label of bars) {
      const match = /referral hires: (\d+); tie: (weak|strong)$/.exec(label);
      expect(match, label).not.toBeNull();
      total[match?.[2] as 'weak' | 'strong'] += Number(match?.[1]);
    }
    expect(total).toEqual({ weak: summary.strength.weak, strong: summary.strength.strong });
  });

  it('tabulates the lengths of referralChains and vacancyChains and charts each as a bar', () => {
    const { report, network } = built();
    const referral = referralChains(network);
    const vacancy = vacancyChains(network);
    const text = sectionOf(report, 'Referral and vacancy chains');
    const lengths = new Set([...referral.lengths, ...vacancy.lengths].map((l) => l.length));
    const count = (list: typeof referral.lengths, length: number): number =>
      list.find((l) => l.length === length)?.count ?? 0;
    for (const length of lengths)
      expect(text).toContain(
        row(length, count(referral.lengths, length), count(vacancy.lengths, length)),
      );
    expect(text).toContain(`${referral.trees.length} tree(s)`);
    expect(text).toContain(`${vacancy.chains.length} chain(s)`);
    const open = vacancy.chains.filter((chain) => chain.open !== null).length;
    expect(text).toContain(`and ${open} ended with a vacancy that no later hire filled`);
    const svg = svgOf(report, 'chains');
    const bars = labelsOf(svg, 'bar').map((label) => {
      const match = /^chain length: (\d+); chains: (\d+); kind: (referral|vacancy)/.exec(label);
      expect(match, label).not.toBeNull();
      return `${match?.[3]} ${match?.[1]}: ${match?.[2]}`;
    });
    expect(bars.sort()).toEqual(
      [
        ...referral.lengths.map((l) => `referral ${l.length}: ${l.count}`),
        ...vacancy.lengths.map((l) => `vacancy ${l.length}: ${l.count}`),
      ].sort(),
    );
  });

  it('tabulates requirementsGap by channel', () => {
    const { report, network } = built();
    const gap = requirementsGap(network);
    const text = sectionOf(report, 'Requirements gap by channel');
    const part = (k: number, interval: { successes: number; trials: number } | null): string =>
      `${k} (${interval === null ? '–' : share(interval.successes, interval.trials)})`;
    for (const c of gap.byChannel) {
      expect(text).toContain(
        row(
          c.channel,
          c.hires,
          c.withRequirements,
          part(c.lackingAny, c.lackingAnyShare),
          part(c.lackingAll, c.lackingAllShare),
        ),
      );
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What `writeReport` wrote, by file name. */
const written = new Map<string, string>();

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warmpath-report-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the seed story report', () => {
  const network = loadSeedNetwork();
  let report: Report = { name: '', markdown: '', charts: [] };
  beforeAll(async () => {
    report = await seedStoryReport(network);
    for (const path of writeReport(report, dir)) {
      const file = path.slice(dir.length + 1);
      written.set(file, readFileSync(path, 'utf8'));
    }
  }, 30_000);

  it('writes the Markdown and every chart to the directory', () => {
    expect(written.get('seed-story.md')).toBe(report.markdown);
    for (const chart of report.charts) expect(written.get(chart.file)).toBe(`${chart.svg}\n`);
  });

  it('cautions that the sample is tiny, with the overall interval', () => {
    const overall = referralShare(network).overall.interval;
    expect(network.hires).toHaveLength(3);
    const caution = report.markdown.split('\n').find((line) => line.startsWith('> **Caution'));
    expect(caution).toBeDefined();
    expect(caution).toContain('tiny sample');
    expect(caution).toContain('only 3 hires');
    expect(caution).toContain(
      `from ${pct(overall?.lower ?? NaN)} to ${pct(overall?.upper ?? NaN)}`,
    );
    // before the first section
    expect(report.markdown.indexOf('> **Caution')).toBeLessThan(report.markdown.indexOf('\n## '));
  });

  describe('sections', () => {
    checkCommonSections(() => ({ report, network }), 'organization');
  });

  it('names every organisation with hires in the share chart', () => {
    const labels = texts(svgOf(report, 'share'));
    for (const name of [
      'Brightline IT Solutions',
      'Harbor Creative Group',
      'Keystone Construction',
    ])
      expect(labels).toContain(name);
  });

  it('sets recorded referrals beside reachable hires at each threshold, as attributeHires finds', () => {
    const text = sectionOf(report, 'Attribution: recorded referrals and the network');
    const base = attributeHires(network);
    const n = base.summary.hires;
    expect(text).toContain(
      `- Recorded as referrals: ${base.summary.recordedReferrals} of ${n} (${share(base.summary.recordedReferrals, n)}).`,
    );
    for (const threshold of CHAIN_THRESHOLDS) {
      const { summary } = attributeHires(network, { minProbability: threshold });
      const label = threshold === 0 ? 'any chain within 4 hops' : `p ≥ ${threshold}`;
      expect(text).toContain(
        row(
          label,
          `${summary.reachable} of ${n} (${share(summary.reachable, n)})`,
          summary.referralWithoutChain,
          summary.chainWithoutReferral,
        ),
      );
    }
    expect(base.disagreements).toHaveLength(1);
    for (const hire of base.disagreements) {
      const line = text.split('\n').find((l) => l.startsWith(`| ${hire.date} |`));
      expect(line).toContain(network.requirePerson(hire.personId).name);
      expect(line).toContain(`| ${hire.channel} | ${hire.disagreement} |`);
      expect(line).toContain(`| ${hire.best?.probability.toFixed(3)} |`);
    }
  });

  it('lists what each hire lacked', () => {
    const text = sectionOf(report, 'Requirements gap by channel');
    for (const hire of requirementsGap(network).hires) {
      const name = network.requirePerson(hire.personId).name;
      expect(text).toContain(row(hire.date, name, hire.channel, hire.lacked.join('; ')));
    }
  });

  it('has no sweep, and comes out byte for byte the same when built again', async () => {
    expect(report.markdown).not.toContain('## When does the referral share reach 70%?');
    const again = await seedStoryReport(loadSeedNetwork());
    expect(again.markdown).toBe(report.markdown);
    expect(again.charts.map((c) => c.svg)).toEqual(report.charts.map((c) => c.svg));
  }, 30_000);
});

describe('the simulated market report', () => {
  let base: Network;
  let run: SimulationResult;
  let network: Network;
  let report: Report = { name: '', markdown: '', charts: [] };
  beforeAll(async () => {
    // The documented pipeline, run here on its own.
    base = createNetwork(generateMarket(MARKET));
    run = simulateHiring(base, HIRING);
    network = createNetwork(run.dataset);
    report = await simulatedMarketReport();
    for (const path of writeReport(report, dir)) {
      const file = path.slice(dir.length + 1);
      written.set(file, readFileSync(path, 'utf8'));
    }
  }, 60_000);

  it('writes the Markdown and every chart to the directory, with no caution about 3 hires', () => {
    expect(written.get('simulated-market.md')).toBe(report.markdown);
    for (const chart of report.charts) expect(written.get(chart.file)).toBe(`${chart.svg}\n`);
    expect(report.markdown).not.toContain('Caution');
    expect(report.markdown).toContain('a simulated market of 10,000 people');
    expect(report.markdown).toContain('**Simulated data**');
  });

  it('documents the parameters and the run', () => {
    const text = sectionOf(report, 'Parameters');
    expect(text).toContain(row('people', MARKET.people));
    expect(text).toContain(row('seed', MARKET.seed ?? 1));
    expect(text).toContain(row('organizations', base.organizations.length));
    for (const [key, value] of Object.entries(HIRING))
      expect(text).toMatch(new RegExp(`^\\| ${key} \\| ${escapeRegExp(String(value))} \\| `, 'm'));
    const s = run.summary;
    expect(text).toContain(`${s.hires} hires (${s.hiresByChannel.referral} by referral)`);
    expect(text).toContain(`${s.applications} applications`);
  });

  describe('sections', () => {
    checkCommonSections(() => ({ report, network }), 'quarter');
  });

  it('groups the share by quarter, one label per quarter of 2025', () => {
    const result = referralShare(network, { by: { period: 'quarter' } });
    expect(result.groups.map((g) => g.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const labels = texts(svgOf(report, 'share'));
    for (const quarter of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
      expect(labels).toContain(quarter);
  });

  it('reports attribution as attributeHires finds it, listing the first disagreements', () => {
    const text = sectionOf(report, 'Attribution: recorded referrals and the network');
    const result = attributeHires(network);
    const { summary } = result;
    const n = summary.hires;
    expect(text).toContain(
      `- Reachable through the network: ${summary.reachable} of ${n} (${share(summary.reachable, n)}).`,
    );
    expect(text).toContain(
      row(
        'any chain within 4 hops',
        `${summary.reachable} of ${n} (${share(summary.reachable, n)})`,
        summary.referralWithoutChain,
        summary.chainWithoutReferral,
      ),
    );
    // The stricter thresholds, counted from the same chains.
    for (const threshold of CHAIN_THRESHOLDS.slice(1)) {
      const reachable = result.hires.filter(
        (h) => h.best !== null && h.best.probability >= threshold,
      ).length;
      expect(text).toContain(
        `| p ≥ ${threshold} | ${reachable} of ${n} (${share(reachable, n)}) |`,
      );
    }
    expect(text).toContain(
      `The first ${DISAGREEMENTS_LISTED} of ${result.disagreements.length} disagreements`,
    );
    const listed = text
      .split('\n')
      .filter((l) => l.includes('chain-without-referral') || l.includes('referral-without-chain'));
    expect(listed).toHaveLength(DISAGREEMENTS_LISTED);
    result.disagreements.slice(0, DISAGREEMENTS_LISTED).forEach((hire, i) => {
      expect(listed[i]).toContain(
        `| ${network.requirePerson(hire.personId).name} | ${hire.channel} |`,
      );
      expect(listed[i]).toContain(`| ${hire.best?.probability.toFixed(3)} |`);
    });
  }, 30_000);

  it('says that simulated jobs post no requirements', () => {
    expect(requirementsGap(network).byChannel.every((c) => c.withRequirements === 0)).toBe(true);
    expect(sectionOf(report, 'Requirements gap by channel')).toContain(
      'No job here posted requirements',
    );
  });

  it('tabulates the sweep as sweepReferralShare computes it, naming the combinations reaching 70%', () => {
    const { postingReach, referralPropensity, managerPreference, seed, ...fixed } = HIRING;
    const sweep = sweepReferralShare(base, { ...fixed, ...SWEEP });
    const text = sectionOf(report, 'When does the referral share reach 70%?');
    expect(sweep.rows).toHaveLength(
      SWEEP.postingReach.length * SWEEP.referralPropensity.length * SWEEP.managerPreference.length,
    );
    for (const r of sweep.rows) {
      expect(text).toContain(
        row(
          r.postingReach,
          r.referralPropensity,
          r.managerPreference,
          r.hires,
          `${pct(r.meanReferralShare ?? NaN)} ± ${pct(r.standardError ?? NaN)}`,
          `${pct(r.minReferralShare ?? NaN)} – ${pct(r.maxReferralShare ?? NaN)}`,
          r.reachesTarget ? 'yes' : 'no',
        ),
      );
    }
    expect(sweep.reaching.length).toBeGreaterThan(0);
    expect(text).toContain(
      `reaches 70% in ${sweep.reaching.length} of ${sweep.rows.length} combinations`,
    );
    for (const r of sweep.reaching) {
      expect(text).toContain(
        `posting reach ${r.postingReach}, referral propensity ${r.referralPropensity}, manager preference ${r.managerPreference}`,
      );
    }
  });
});

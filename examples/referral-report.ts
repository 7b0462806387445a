/**
 * `npm run report`: Markdown reports with charts of warmpath's referral measures, written to
 * examples/reports/:
 * - `seed-story.md`: the seed story (examples/seed-story/network.json), three hires;
 * - `simulated-market.md`: a market of 10,000 people from `generateMarket`, hired into by
 *   `simulateHiring` with the parameters in {@link MARKET} and {@link HIRING}, and a small
 *   `sweepReferralShare` grid ({@link SWEEP}) asking when the referral share reaches 70%.
 *
 * Each report has the referral share with Wilson intervals (overall and by organisation, or by
 * quarter for the simulated market), the referral funnel, the ties referrals ran over, attribution
 * (recorded referrals beside hires the network could explain), referral and vacancy chain lengths,
 * and the requirements hires lacked, by channel. Charts are Vega-Lite specs compiled to Vega and
 * drawn by Vega's headless SVG renderer, so they are plain SVG files next to the Markdown.
 *
 * The output is deterministic: the data and every random draw are seeded, nothing reads the
 * clock, and Vega's SVG renderer measures text by estimate (no canvas), so each run writes the
 * same bytes.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import {
  attributeHires,
  CONTACT_FREQUENCY_CUTS,
  createNetwork,
  FUNNEL_STAGES,
  generateMarket,
  type HireAttributions,
  MARKET_DEFAULTS,
  type MarketOptions,
  type Network,
  networkFromJson,
  type ProportionInterval,
  proportionInterval,
  type ReferralChains,
  type ReferralFunnel,
  type ReferralShare,
  type RequirementsGap,
  referralChains,
  referralFunnel,
  referralShare,
  requirementsGap,
  type SimulationOptions,
  type SimulationResult,
  type SweepResult,
  simulateHiring,
  sweepReferralShare,
  type TieAnalysis,
  tieAnalysis,
  type VacancyChains,
  vacancyChains,
} from 'warmpath';

// ---------------------------------------------------------------------------------------------
// Parameters

/** Where `npm run report` writes the reports and charts. */
export const REPORTS_DIR = fileURLToPath(new URL('./reports/', import.meta.url));
/** The seed story's data. */
export const SEED_DATA_URL = new URL('./seed-story/network.json', import.meta.url);

/** The simulated market: `generateMarket` options (everything else is `MARKET_DEFAULTS`). */
export const MARKET: MarketOptions = Object.freeze({ people: 10_000, seed: 1 });

/**
 * The hiring run on the simulated market. 200 jobs open on 1 January 2025 and rounds are 91 days
 * apart, so the four rounds fall in the four quarters of 2025 and the share by quarter follows the
 * market as it drains (vacancies left by employed hires reopen in the next round). Posting reach
 * and referral propensity are per round, set low so that a job takes a few rounds to fill rather
 * than filling at once; the manager prefers a referred applicant at 2:1 odds (the default).
 */
export const HIRING = Object.freeze({
  jobs: 200,
  steps: 4,
  stepDays: 91,
  start: '2025-01-01',
  postingReach: 0.0003,
  referralPropensity: 0.01,
  managerPreference: 2,
  interviews: 3,
  seed: 1,
}) satisfies SimulationOptions;

/** What each simulation parameter means, for the report's parameter table. */
const HIRING_MEANINGS: Readonly<Record<keyof typeof HIRING, string>> = {
  jobs: 'jobs opened at the start, at the employers of random employees',
  steps: 'rounds of applying and hiring',
  stepDays: 'days between rounds (91: one round a quarter)',
  start: 'date of the first round',
  postingReach: 'chance a job seeker sees and answers a posting, per job and round',
  referralPropensity:
    'chance, per unit of tie strength, that an employee refers a seeker they know',
  managerPreference: 'odds multiplier of a referred applicant in the hiring choice',
  interviews: 'applicants interviewed per hire',
  seed: 'seed of every random draw',
};

/**
 * The sweep: every combination of these values, each run with every seed, with the other options
 * of {@link HIRING} fixed; does the mean referral share of hires reach `target`?
 */
export const SWEEP = Object.freeze({
  postingReach: [0.0003, 0.001],
  referralPropensity: [0.01, 0.03, 0.1],
  managerPreference: [1, 3],
  seeds: [1, 2, 3],
  target: 0.7,
});

/**
 * Attribution is reported at these thresholds on the probability of the likeliest chain: 0 (any
 * chain within 4 hops, `attributeHires`' default) and two stricter ones.
 */
export const CHAIN_THRESHOLDS = [0, 0.25, 0.5] as const;

/** At most this many disagreements are listed in a report. */
export const DISAGREEMENTS_LISTED = 10;

/** The section titles, in order (the sweep only in the simulated market's report). */
export const SECTION_TITLES = Object.freeze({
  share: 'Referral share',
  funnel: 'Referral funnel',
  ties: 'Ties referrals ran over',
  attribution: 'Attribution: recorded referrals and the network',
  chains: 'Referral and vacancy chains',
  requirements: 'Requirements gap by channel',
  sweep: 'When does the referral share reach 70%?',
});

// ---------------------------------------------------------------------------------------------
// Report structure

/** A chart as drawn: its file name (beside the report) and its SVG text. */
export interface Chart {
  readonly file: string;
  readonly title: string;
  readonly svg: string;
}

/** A report: its Markdown and its charts. */
export interface Report {
  /** The file name of the Markdown, without `.md`; charts are `<name>-<chart>.svg`. */
  readonly name: string;
  readonly markdown: string;
  readonly charts: readonly Chart[];
}

/** A chart still to draw. */
interface ChartSpec {
  readonly file: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** One section of a report: Markdown lines and the charts they show. */
interface Section {
  readonly lines: readonly string[];
  readonly charts: readonly ChartSpec[];
}

/** What every section builder needs besides its results. */
interface Context {
  /** The report's name: the prefix of its chart files. */
  readonly name: string;
  readonly network: Network;
  /** Whether to list hires one by one (for small data). */
  readonly detail: boolean;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** A share as a percentage with one decimal, as the library's tables write it; `–` for none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(100 * value).toFixed(1)}%`;
}

/** `66.7% [20.8%, 93.9%]`: an estimate and its interval; `–` for none. */
export function intervalText(interval: ProportionInterval | null): string {
  if (interval === null) return '–';
  return `${percent(interval.estimate)} [${percent(interval.lower)}, ${percent(interval.upper)}]`;
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)];
}

/** A library result's Markdown, its `##` title made a `###` under the section's heading. */
export function embedded(markdown: string): string[] {
  return markdown.replace(/^## /, '### ').trimEnd().split('\n');
}

/** The Markdown image of a chart. */
const image = (chart: ChartSpec): string => `![${chart.title}](${chart.file})`;

/** `k of n (share [lower, upper])` with a Wilson interval, or `0 of 0`. */
function countOf(k: number, n: number): string {
  return n === 0 ? `${k} of ${n}` : `${k} of ${n} (${intervalText(proportionInterval(k, n))})`;
}

const nameOf = (network: Network, personId: string): string =>
  network.person(personId)?.name ?? personId;

// ---------------------------------------------------------------------------------------------
// Charts

/** Common look: a white background, no frame around the plot, modest fonts. */
const CHART_CONFIG = {
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 13, anchor: 'start' },
} as const;

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Draws a Vega-Lite spec as SVG: compiled to Vega, run headless (`renderer: 'none'`), then given
 * a `<title>` (the image's accessible name) and stripped of Vega's `role` attributes. Biome lints
 * SVG files as HTML and reads those SVG-ARIA roles on `<g>`, `<path>` and `<text>` as roles forced
 * on interactive elements; the charts are shown as images, where no inner ARIA tree is exposed,
 * so nothing is lost. The marks keep their `aria-label` descriptions.
 *
 * @throws Whatever Vega-Lite or Vega throw for an invalid spec.
 */
export async function renderSvg(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg
      .replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title>`)
      .replaceAll(/ role="[^"]*"/g, '');
  } finally {
    view.finalize();
  }
}

/** A quantitative position channel on a 0–100% scale. */
function percentScale(field: string, title: string) {
  return {
    field,
    type: 'quantitative' as const,
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
    title,
  };
}

/** One row of the share chart. */
interface ShareDatum {
  readonly label: string;
  readonly kind: 'all' | 'group';
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly count: string;
}

/** Referral share by group with error bars, overall first. */
function shareChart(name: string, share: ReferralShare, groupTitle: string): ChartSpec {
  const datum = (label: string, kind: ShareDatum['kind'], interval: ProportionInterval) => ({
    label,
    kind,
    estimate: interval.estimate,
    lower: interval.lower,
    upper: interval.upper,
    count: `${interval.successes}/${interval.trials}`,
  });
  const values: ShareDatum[] = [];
  if (share.overall.interval) values.push(datum('All hires', 'all', share.overall.interval));
  for (const group of share.groups) {
    if (group.interval && share.by !== 'all')
      values.push(datum(group.label, 'group', group.interval));
  }
  const x = (field: string) =>
    percentScale(field, 'share of hires through a referral (95% Wilson interval)');
  const color = {
    field: 'kind',
    type: 'nominal' as const,
    scale: { domain: ['all', 'group'], range: ['#333333', '#4c78a8'] },
    legend: null,
  };
  return {
    file: `${name}-share.svg`,
    title: `Referral share by ${groupTitle}`,
    spec: {
      title: `Referral share of hires by ${groupTitle}`,
      config: CHART_CONFIG,
      width: 360,
      height: { step: 26 },
      data: { values },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 280 } },
      },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { x: x('lower'), x2: { field: 'upper' }, color },
        },
        {
          mark: { type: 'point', filled: true, size: 80, opacity: 1 },
          encoding: { x: x('estimate'), color },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 },
          encoding: { x: x('upper'), text: { field: 'count' } },
        },
      ],
    },
  };
}

/** The referral funnel: rate of reaching each stage, referred vs not, with error bars. */
function funnelChart(name: string, funnel: ReferralFunnel): ChartSpec {
  const sides = ['referred', 'not referred'] as const;
  const values = funnel.overall.stages.flatMap((rate) =>
    sides.flatMap((side) => {
      const interval = side === 'referred' ? rate.referred : rate.nonReferred;
      return interval === null
        ? []
        : [
            {
              stage: rate.stage,
              side,
              estimate: interval.estimate,
              lower: interval.lower,
              upper: interval.upper,
            },
          ];
    }),
  );
  const y = (field: string) => percentScale(field, 'share of applications');
  return {
    file: `${name}-funnel.svg`,
    title: 'Referral funnel',
    spec: {
      title: 'Applications reaching each stage, with 95% Wilson intervals',
      config: CHART_CONFIG,
      width: { step: 36 },
      height: 220,
      data: { values },
      encoding: {
        x: {
          field: 'stage',
          type: 'nominal',
          sort: [...FUNNEL_STAGES],
          title: 'stage reached',
          axis: { labelAngle: 0 },
        },
        xOffset: { field: 'side', type: 'nominal', sort: [...sides] },
      },
      layer: [
        {
          mark: 'bar',
          encoding: {
            y: y('estimate'),
            color: {
              field: 'side',
              type: 'nominal',
              sort: [...sides],
              scale: { range: ['#f58518', '#4c78a8'] },
              title: 'application',
            },
          },
        },
        {
          mark: { type: 'rule', color: 'black', strokeWidth: 1.5 },
          encoding: { y: y('lower'), y2: { field: 'upper' } },
        },
      ],
    },
  };
}

/** Histogram of referrer–hire tie strengths, coloured weak/strong, the threshold dashed. */
function tiesChart(name: string, ties: TieAnalysis): ChartSpec {
  const values = ties.referrals.flatMap((r) =>
    r.referrerToHire.strength === null
      ? []
      : [{ strength: r.referrerToHire.strength, tie: r.tieClass }],
  );
  return {
    file: `${name}-ties.svg`,
    title: 'Referrer–hire tie strengths',
    spec: {
      title: `Referrer–hire tie strength (dashed: strong at ≥ ${ties.weakThreshold})`,
      config: CHART_CONFIG,
      width: 360,
      height: 200,
      layer: [
        {
          data: { values },
          mark: 'bar',
          encoding: {
            x: {
              field: 'strength',
              type: 'quantitative',
              bin: { extent: [0, 1], step: 0.1 },
              title: 'tie strength',
            },
            y: {
              aggregate: 'count',
              type: 'quantitative',
              title: 'referral hires',
              axis: { format: 'd', tickMinStep: 1 },
            },
            color: {
              field: 'tie',
              type: 'nominal',
              scale: { domain: ['weak', 'strong'], range: ['#72b7b2', '#e45756'] },
              title: 'tie',
            },
          },
        },
        {
          data: { values: [{}] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#333333' },
          encoding: { x: { datum: ties.weakThreshold, type: 'quantitative' } },
        },
      ],
    },
  };
}

const REFERRAL_KIND = 'referral chains (referrals, root to leaf)';
const VACANCY_KIND = 'vacancy chains (moves)';

/** Referral and vacancy chain lengths as grouped bars with their counts. */
function chainsChart(name: string, referral: ReferralChains, vacancy: VacancyChains): ChartSpec {
  const values = [
    ...referral.lengths.map((l) => ({ kind: REFERRAL_KIND, length: l.length, count: l.count })),
    ...vacancy.lengths.map((l) => ({ kind: VACANCY_KIND, length: l.length, count: l.count })),
  ];
  const kinds = [REFERRAL_KIND, VACANCY_KIND];
  return {
    file: `${name}-chains.svg`,
    title: 'Chain lengths',
    spec: {
      title: 'How long referral and vacancy chains are',
      config: CHART_CONFIG,
      width: { step: 28 },
      height: 200,
      data: { values },
      encoding: {
        x: { field: 'length', type: 'ordinal', title: 'chain length', axis: { labelAngle: 0 } },
        xOffset: { field: 'kind', type: 'nominal', sort: kinds },
        y: {
          field: 'count',
          type: 'quantitative',
          title: 'chains',
          axis: { format: 'd', tickMinStep: 1 },
        },
      },
      layer: [
        {
          mark: 'bar',
          encoding: {
            color: {
              field: 'kind',
              type: 'nominal',
              sort: kinds,
              scale: { range: ['#f58518', '#54a24b'] },
              title: null,
              legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 },
            },
          },
        },
        {
          mark: { type: 'text', dy: -6, fontSize: 10 },
          encoding: { text: { field: 'count', type: 'quantitative' } },
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sections

function shareSection(context: Context, share: ReferralShare, groupTitle: string): Section {
  const chart = shareChart(context.name, share, groupTitle);
  const { overall } = share;
  return {
    lines: [
      `## ${SECTION_TITLES.share}`,
      '',
      `Of ${overall.hires} hires with a known channel, ${overall.referrals} came through a referral: ` +
        `${percent(overall.interval?.estimate)}, with a 95% Wilson interval of ` +
        `${percent(overall.interval?.lower)} to ${percent(overall.interval?.upper)}. ` +
        `By ${groupTitle}, each with its own interval:`,
      '',
      image(chart),
      '',
      ...embedded(share.toMarkdown()),
    ],
    charts: [chart],
  };
}

function funnelSection(context: Context, funnel: ReferralFunnel): Section {
  const chart = funnelChart(context.name, funnel);
  const { referred, nonReferred } = funnel.overall;
  return {
    lines: [
      `## ${SECTION_TITLES.funnel}`,
      '',
      `${referred.applications} referred and ${nonReferred.applications} other applications: the share of each ` +
        'that reached an interview, an offer and a hire (every rate out of all applications of its kind), ' +
        "with Newcombe's interval for the difference.",
      '',
      image(chart),
      '',
      ...embedded(funnel.toMarkdown()),
    ],
    charts: [chart],
  };
}

/** `2 (66.7% [20.8%, 93.9%])`: a count and its share of `total`. */
function shareOfTotal(count: number, total: number): string {
  return total === 0
    ? String(count)
    : `${count} (${intervalText(proportionInterval(count, total))})`;
}

function tiesSection(context: Context, ties: TieAnalysis): Section {
  const chart = tiesChart(context.name, ties);
  const { summary, weakThreshold } = ties;
  const n = summary.referrals;
  const strength = table(
    ['referrer–hire tie', 'referral hires (share [95% Wilson])'],
    [
      [`strong (strength ≥ ${weakThreshold})`, shareOfTotal(summary.strength.strong, n)],
      [`weak (strength < ${weakThreshold})`, shareOfTotal(summary.strength.weak, n)],
      ['no tie', shareOfTotal(summary.strength['no-tie'], n)],
    ],
  );
  const frequency = table(
    ['frequency of contact (Granovetter 1974)', 'interactions a month', 'referral hires'],
    [
      [
        'often',
        `≥ ${CONTACT_FREQUENCY_CUTS.oftenAtLeast.toFixed(2)} (twice a week)`,
        shareOfTotal(summary.frequency.often, n),
      ],
      ['occasionally', 'between', shareOfTotal(summary.frequency.occasionally, n)],
      ['rarely', '≤ 1/12 (once a year)', shareOfTotal(summary.frequency.rarely, n)],
      ['unknown', 'not recorded', shareOfTotal(summary.frequency.unknown, n)],
      ['no tie', '–', shareOfTotal(summary.frequency['no-tie'], n)],
    ],
  );
  const manager = summary.referrerToManager;
  return {
    lines: [
      `## ${SECTION_TITLES.ties}`,
      '',
      `${n} referral hires with a recorded referrer, each measured on the network as it stood the day ` +
        'before the hire. Strong and weak ties by strength:',
      '',
      image(chart),
      '',
      ...strength,
      '',
      ...frequency,
      ...(n > 0 && summary.frequency.unknown === n
        ? [
            '',
            'No relationship a referral ran over records how often the two were in contact ' +
              '(`interactionsPerMonth`), so every frequency is unknown here.',
          ]
        : []),
      '',
      `Referrer and hiring manager: tied in ${manager.tie}, not tied in ${manager.noTie}, ` +
        `the same person in ${manager.referrerIsManager}.` +
        (summary.referralsWithoutReferrer > 0
          ? ` ${summary.referralsWithoutReferrer} referral hire(s) without a recorded referrer are not analysed.`
          : ''),
    ],
    charts: [chart],
  };
}

/** Hires reachable at a threshold, and the disagreements there (see `attributeHires`). */
export interface Reachability {
  readonly threshold: number;
  readonly reachable: number;
  readonly referralWithoutChain: number;
  readonly chainWithoutReferral: number;
}

/**
 * Reachability at a stricter threshold, from one `attributeHires` run at threshold 0: a hire is
 * reachable when its likeliest chain has at least that probability (as `minProbability` does).
 */
export function reachabilityAt(attribution: HireAttributions, threshold: number): Reachability {
  let reachable = 0;
  let referralWithoutChain = 0;
  let chainWithoutReferral = 0;
  for (const hire of attribution.hires) {
    const ok = hire.best !== null && hire.best.probability >= threshold;
    if (ok) reachable++;
    if (hire.recordedReferral && !ok) referralWithoutChain++;
    if (!hire.recordedReferral && ok) chainWithoutReferral++;
  }
  return { threshold, reachable, referralWithoutChain, chainWithoutReferral };
}

function attributionSection(context: Context, attribution: HireAttributions): Section {
  const { summary } = attribution;
  const n = summary.hires;
  const rows = CHAIN_THRESHOLDS.map((threshold) => {
    const at = reachabilityAt(attribution, threshold);
    return [
      threshold === 0 ? `any chain within ${attribution.maxHops} hops` : `p ≥ ${threshold}`,
      countOf(at.reachable, n),
      String(at.referralWithoutChain),
      String(at.chainWithoutReferral),
    ];
  });
  const listed = attribution.disagreements.slice(0, DISAGREEMENTS_LISTED);
  const people = (ids: readonly string[]): string =>
    ids.map((id) => nameOf(context.network, id)).join(' → ');
  const disagreements = table(
    ['date', 'person hired', 'recorded channel', 'disagreement', 'likeliest chain', 'p'],
    listed.map((hire) => [
      hire.date,
      nameOf(context.network, hire.personId),
      hire.channel,
      hire.disagreement ?? '',
      hire.best === null ? 'none' : people(hire.best.people),
      hire.best === null ? '–' : hire.best.probability.toFixed(3),
    ]),
  );
  return {
    lines: [
      `## ${SECTION_TITLES.attribution}`,
      '',
      'For every hire, `attributeHires` looks for a warm-introduction chain (at most ' +
        `${attribution.maxHops} hops) from the person hired to the hiring manager or anyone at the ` +
        'organisation, on the network as it stood the day before the hire.',
      '',
      `- Recorded as referrals: ${countOf(summary.recordedReferrals, n)}.`,
      `- Reachable through the network: ${countOf(summary.reachable, n)}.`,
      '',
      'Reachable hires and disagreements, by how likely the likeliest chain had to be ' +
        '(p is the chance that every hop works):',
      '',
      ...table(
        [
          'likeliest chain',
          'reachable hires (share [95% Wilson])',
          'recorded referral, no chain',
          'chain, not recorded as referral',
        ],
        rows,
      ),
      '',
      listed.length === attribution.disagreements.length
        ? `The ${listed.length} disagreement(s) when any chain counts:`
        : `The first ${listed.length} of ${attribution.disagreements.length} disagreements when any chain counts, in hire order:`,
      '',
      ...disagreements,
    ],
    charts: [],
  };
}

function chainsSection(
  context: Context,
  referral: ReferralChains,
  vacancy: VacancyChains,
  notes: readonly string[] = [],
): Section {
  const chart = chainsChart(context.name, referral, vacancy);
  const lengths = [...new Set([...referral.lengths, ...vacancy.lengths].map((l) => l.length))].sort(
    (a, b) => a - b,
  );
  const countAt = (list: ReferralChains['lengths'], length: number): string =>
    String(list.find((l) => l.length === length)?.count ?? 0);
  const open = vacancy.chains.filter((chain) => chain.open !== null).length;
  return {
    lines: [
      `## ${SECTION_TITLES.chains}`,
      '',
      `Referral chains: ${referral.trees.length} tree(s) of who referred whom, from ` +
        `${referral.referralHires} referral hire(s); a chain's length is the referrals from a root to a ` +
        `leaf. Vacancy chains (White 1970): ${vacancy.chains.length} chain(s) from ` +
        `${context.network.hires.length} hires; a chain's length is its moves, and ${open} ended with a ` +
        'vacancy that no later hire filled.',
      '',
      image(chart),
      '',
      ...table(
        ['length', 'referral chains', 'vacancy chains'],
        lengths.map((length) => [
          String(length),
          countAt(referral.lengths, length),
          countAt(vacancy.lengths, length),
        ]),
      ),
      ...notes.flatMap((note) => ['', note]),
    ],
    charts: [chart],
  };
}

function requirementsSection(context: Context, gap: RequirementsGap): Section {
  const rows = gap.byChannel.map((c) => [
    c.channel,
    String(c.hires),
    String(c.withRequirements),
    `${c.lackingAny} (${intervalText(c.lackingAnyShare)})`,
    `${c.lackingAll} (${intervalText(c.lackingAllShare)})`,
  ]);
  const all = gap.byChannel[gap.byChannel.length - 1];
  const perHire = table(
    ['date', 'person hired', 'channel', 'requirements lacked'],
    gap.hires.map((hire) => [
      hire.date,
      nameOf(context.network, hire.personId),
      hire.channel,
      hire.requirements.length === 0
        ? '(none posted)'
        : hire.lacked.length === 0
          ? 'none'
          : hire.lacked.join('; '),
    ]),
  );
  return {
    lines: [
      `## ${SECTION_TITLES.requirements}`,
      '',
      "The job's posted requirements that the person's record before the hire (skills and earlier " +
        'titles) does not show, judged word for word by `defaultRequirementMatcher`; shares are of ' +
        'hires into jobs that posted requirements, with 95% Wilson intervals.',
      '',
      ...table(
        ['channel', 'hires', 'into jobs with requirements', 'lacked at least one', 'lacked all'],
        rows,
      ),
      ...(all !== undefined && all.withRequirements === 0
        ? [
            '',
            'No job here posted requirements (`simulateHiring` opens jobs without any), so no hire ' +
              'can lack one and every share is empty.',
          ]
        : []),
      ...(context.detail ? ['', ...perHire] : []),
    ],
    charts: [],
  };
}

/** `0.0003`: a swept value as written, not rounded. */
const value = (x: number): string => String(x);

function sweepSection(sweep: SweepResult): Section {
  const target = `${Math.round(100 * sweep.target)}%`;
  const reaching = sweep.reaching.map(
    (r) =>
      `posting reach ${value(r.postingReach)}, referral propensity ${value(r.referralPropensity)}, ` +
      `manager preference ${value(r.managerPreference)}`,
  );
  const rows = sweep.rows.map((r) => [
    value(r.postingReach),
    value(r.referralPropensity),
    value(r.managerPreference),
    String(r.hires),
    r.meanReferralShare === null
      ? '–'
      : `${percent(r.meanReferralShare)} ± ${percent(r.standardError)}`,
    `${percent(r.minReferralShare)} – ${percent(r.maxReferralShare)}`,
    r.reachesTarget ? 'yes' : 'no',
  ]);
  return {
    lines: [
      `## ${SECTION_TITLES.sweep}`,
      '',
      '`sweepReferralShare` reruns the simulation above on the same market for every combination ' +
        `below, each with seeds ${sweep.seeds.join(', ')}, the other options as in the parameters. ` +
        "The share is the mean over the runs of each run's referral share of hires, ± its standard " +
        'error (which measures only the noise of the simulation, not doubt about the assumptions).',
      '',
      sweep.reaching.length === 0
        ? `The mean referral share reaches ${target} under none of the ${sweep.rows.length} combinations.`
        : `The mean referral share reaches ${target} in ${sweep.reaching.length} of ${sweep.rows.length} ` +
          `combinations: ${reaching.join('; ')}.`,
      '',
      ...table(
        [
          'posting reach',
          'referral propensity',
          'manager preference',
          `hires (${sweep.seeds.length} runs)`,
          'mean referral share ± s.e.',
          'min – max',
          `reaches ${target}`,
        ],
        rows,
      ),
    ],
    charts: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Reports

/** Renders the sections' charts and joins everything into a report. */
async function assemble(
  name: string,
  head: readonly string[],
  sections: readonly Section[],
): Promise<Report> {
  const lines = [...head];
  for (const section of sections) lines.push('', ...section.lines);
  const charts: Chart[] = [];
  for (const chart of sections.flatMap((s) => s.charts)) {
    const svg = await renderSvg(chart.spec, chart.title);
    charts.push({ file: chart.file, title: chart.title, svg });
  }
  return { name, markdown: `${lines.join('\n')}\n`, charts };
}

/** The measures every report shows, in order. */
function commonSections(
  context: Context,
  share: ReferralShare,
  groupTitle: string,
  chainNotes: readonly string[] = [],
): readonly Section[] {
  const { network } = context;
  return [
    shareSection(context, share, groupTitle),
    funnelSection(context, referralFunnel(network)),
    tiesSection(context, tieAnalysis(network)),
    attributionSection(context, attributeHires(network)),
    chainsSection(context, referralChains(network), vacancyChains(network), chainNotes),
    requirementsSection(context, requirementsGap(network)),
  ];
}

/** The seed story's network. */
export function loadSeedNetwork(): Network {
  return networkFromJson(readFileSync(SEED_DATA_URL, 'utf8'), undefined, 'network.json');
}

/** The caution at the top of the seed story's report. */
export function seedCaution(network: Network): string {
  const overall = referralShare(network).overall;
  return (
    `> **Caution: tiny sample.** The seed story records only ${network.hires.length} hires and ` +
    `${network.applications.length} applications, so every interval below is wide (the overall ` +
    `referral share's 95% interval runs from ${percent(overall.interval?.lower)} to ` +
    `${percent(overall.interval?.upper)}). The numbers show what each method reports, not a finding ` +
    'about referrals.'
  );
}

/** The report on the seed story. */
export async function seedStoryReport(network: Network = loadSeedNetwork()): Promise<Report> {
  const context: Context = { name: 'seed-story', network, detail: true };
  const head = [
    '# Referral report: the seed story',
    '',
    'Generated by `npm run report` (examples/referral-report.ts) from ' +
      `examples/seed-story/network.json: ${network.people.length} people, ` +
      `${network.organizations.length} organisations, ${network.hires.length} hires, ` +
      `${network.applications.length} applications.`,
    '',
    seedCaution(network),
  ];
  const share = referralShare(network, { by: 'organization' });
  return assemble(context.name, head, commonSections(context, share, 'organisation'));
}

/** The simulated market: the generated network, the run, and the network after it. */
export interface SimulatedMarket {
  readonly base: Network;
  readonly run: SimulationResult;
  readonly network: Network;
}

/** Generates the market of {@link MARKET} and runs {@link HIRING} on it. */
export function simulateMarket(): SimulatedMarket {
  const base = createNetwork(generateMarket(MARKET));
  const run = simulateHiring(base, HIRING);
  return { base, run, network: createNetwork(run.dataset) };
}

/** The sweep of {@link SWEEP} on the market, the other options fixed as in {@link HIRING}. */
export function sweepMarket(base: Network): SweepResult {
  const { postingReach, referralPropensity, managerPreference, seed, ...fixed } = HIRING;
  return sweepReferralShare(base, { ...fixed, ...SWEEP });
}

function parametersSection(market: SimulatedMarket): Section {
  // People first, and the organisations generateMarket chose (people / 40 unless given).
  const { people, ...rest } = MARKET;
  const marketOptions = {
    people,
    organizations: market.base.organizations.length,
    ...MARKET_DEFAULTS,
    ...rest,
  };
  const s = market.run.summary;
  return {
    lines: [
      '## Parameters',
      '',
      `The market: \`generateMarket(${JSON.stringify(MARKET)})\`, with these options in full:`,
      '',
      ...table(
        ['option', 'value'],
        Object.entries(marketOptions).map(([key, v]) => [key, String(v)]),
      ),
      '',
      `The hiring: \`simulateHiring(network, HIRING)\` with:`,
      '',
      ...table(
        ['option', 'value', 'meaning'],
        (Object.keys(HIRING_MEANINGS) as (keyof typeof HIRING)[]).map((key) => [
          key,
          String(HIRING[key]),
          HIRING_MEANINGS[key],
        ]),
      ),
      '',
      `The run: ${s.hires} hires (${s.hiresByChannel.referral} by referral), ${s.applications} ` +
        `applications (${s.applicationsByChannel.referral} referred), ${s.initialJobs} jobs opened at ` +
        `the start and ${s.vacancies} vacancies behind employed hires; ${s.jobsFilled} jobs filled, ` +
        `${s.jobsOpen} still open at the end.`,
    ],
    charts: [],
  };
}

/** The report on the simulated market (and the sweep). */
export async function simulatedMarketReport(
  market: SimulatedMarket = simulateMarket(),
): Promise<Report> {
  const context: Context = { name: 'simulated-market', network: market.network, detail: false };
  const head = [
    `# Referral report: a simulated market of ${market.base.people.length.toLocaleString('en-US')} people`,
    '',
    'Generated by `npm run report` (examples/referral-report.ts). **Simulated data**: a seeded model ' +
      'of a labour market (`generateMarket`, `simulateHiring`), not observations. Every number is ' +
      'what the model produces under the parameters below.',
  ];
  const share = referralShare(market.network, { by: { period: 'quarter' } });
  const own = market.run.summary.vacancyChains;
  const chainNote =
    `The simulation's own tally, by the job each hire actually filled: ${own.count} chains started ` +
    `by the jobs open at the start, mean length ${own.meanLength?.toFixed(2) ?? '–'}, longest ` +
    `${own.maxLength}. \`vacancyChains\` rebuilds chains from the records alone and reads a position ` +
    'that ended up to 31 days before a hire as the job left for it, so a seeker whose last job ended ' +
    'shortly before being hired counts as leaving a vacancy: the two tallies can differ.';
  return assemble(context.name, head, [
    parametersSection(market),
    ...commonSections(context, share, 'quarter', [chainNote]),
    sweepSection(sweepMarket(market.base)),
  ]);
}

/** Writes a report's Markdown and charts into `dir` (created if missing); returns the paths. */
export function writeReport(report: Report, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, `${report.name}.md`)];
  writeFileSync(written[0] as string, report.markdown);
  for (const chart of report.charts) {
    const path = join(dir, chart.file);
    writeFileSync(path, `${chart.svg}\n`);
    written.push(path);
  }
  return written;
}

/** Builds both reports and writes them to `dir` (examples/reports/ by default). */
export async function main(dir: string = REPORTS_DIR): Promise<void> {
  const seed = await seedStoryReport();
  console.log(seedCaution(loadSeedNetwork()).replace(/^> /, '').replaceAll('**', ''));
  const simulated = await simulatedMarketReport();
  for (const report of [seed, simulated]) {
    for (const path of writeReport(report, dir)) console.log(`wrote ${relative('.', path)}`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();

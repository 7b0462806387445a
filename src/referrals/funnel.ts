/**
 * The hiring funnel of referred and non-referred applicants: how many of each reach an interview,
 * an offer and a hire, with intervals and the referred − non-referred difference.
 *
 * @module
 */
import type { Network } from '../model/network.js';
import type { Application, ApplicationStage } from '../model/schema.js';
import {
  type DifferenceInterval,
  differenceOf,
  type IntervalMethod,
  intervalOf,
  type ProportionInterval,
} from './intervals.js';
import { type Column, type Exportable, exportable, intervalColumns } from './report.js';
import {
  type GroupedRateOptions,
  type GroupedRateSettings,
  type GroupKey,
  groupedRates,
  REFERRAL_SHARE_DEFAULTS,
  type UnknownChannelPolicy,
} from './share.js';

/** The funnel stages measured, in order. */
export const FUNNEL_STAGES = ['interviewed', 'offered', 'hired'] as const;
/** A funnel stage: reached an interview, an offer, a hire. */
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Options of {@link referralFunnel}. */
export type ReferralFunnelOptions = GroupedRateOptions<Application>;

/** The defaults of {@link ReferralFunnelOptions}. */
export const REFERRAL_FUNNEL_DEFAULTS = REFERRAL_SHARE_DEFAULTS;

/** How many applications of one kind there were and how many reached each stage. */
export interface FunnelCounts {
  /** Applications (the denominator of every rate). */
  readonly applications: number;
  /** Applications that reached an interview (stage interviewed, offered or hired). */
  readonly interviewed: number;
  /** Applications that reached an offer (stage offered or hired). */
  readonly offered: number;
  /** Applications that ended in a hire (stage hired). */
  readonly hired: number;
}

/** The rate of reaching one stage, for referred and non-referred applications. */
export interface FunnelRate {
  /** The stage. */
  readonly stage: FunnelStage;
  /** The share of referred applications that reached it; `null` if there were none. */
  readonly referred: ProportionInterval | null;
  /** The share of non-referred applications that reached it; `null` if there were none. */
  readonly nonReferred: ProportionInterval | null;
  /** Newcombe's interval for referred − non-referred; `null` if either side has none. */
  readonly difference: DifferenceInterval | null;
}

/** The funnel of one group of applications. */
export interface FunnelGroup {
  /** The group's key (see `GroupKey`). */
  readonly key: GroupKey;
  /** For people: the organisation's name, the job's title, else the key; `'(missing)'`. */
  readonly label: string;
  /** Applications through a referral (channel `'referral'`). */
  readonly referred: FunnelCounts;
  /** Other applications (and unknown ones under `unknown: 'as-not-referral'`). */
  readonly nonReferred: FunnelCounts;
  /** Applications in the group whose channel is `'unknown'`. */
  readonly unknown: number;
  /** One rate per stage, in {@link FUNNEL_STAGES} order. */
  readonly stages: readonly FunnelRate[];
}

/** What {@link referralFunnel} returns. */
export interface ReferralFunnel extends Exportable {
  /** The grouping (as `by` of `ReferralShare`). */
  readonly by: string;
  /** The confidence level. */
  readonly level: number;
  /** The interval method of each rate (differences always use Newcombe's method). */
  readonly method: IntervalMethod;
  /** How applications with an unknown channel were treated. */
  readonly unknown: UnknownChannelPolicy;
  /** All applications together (key `'all'`). */
  readonly overall: FunnelGroup;
  /** One entry per group, in the order of `compareGroupKeys`; `[overall]` when not grouped. */
  readonly groups: readonly FunnelGroup[];
}

const FUNNEL_OPTION_NAMES = ['by', 'level', 'method', 'unknown'] as const;

/** How far each recorded stage got: 'rejected' is a rejection before any later stage. */
const DEPTH: Readonly<Record<ApplicationStage, number>> = {
  applied: 0,
  rejected: 0,
  interviewed: 1,
  offered: 2,
  hired: 3,
};

function countsOf(applications: readonly Application[]): FunnelCounts {
  let interviewed = 0;
  let offered = 0;
  let hired = 0;
  for (const application of applications) {
    const depth = DEPTH[application.stage];
    if (depth >= 1) interviewed++;
    if (depth >= 2) offered++;
    if (depth >= 3) hired++;
  }
  return Object.freeze({ applications: applications.length, interviewed, offered, hired });
}

function funnelOf(
  key: GroupKey,
  label: string,
  applications: readonly Application[],
  settings: GroupedRateSettings,
): FunnelGroup {
  const referred: Application[] = [];
  const others: Application[] = [];
  let unknown = 0;
  for (const application of applications) {
    if (application.channel === 'referral') referred.push(application);
    else {
      if (application.channel === 'unknown') {
        unknown++;
        if (settings.unknown === 'exclude') continue;
      }
      others.push(application);
    }
  }
  const referredCounts = countsOf(referred);
  const otherCounts = countsOf(others);
  const rate = (counts: FunnelCounts, stage: FunnelStage): ProportionInterval | null =>
    counts.applications === 0
      ? null
      : intervalOf(counts[stage], counts.applications, settings.level, settings.method);
  const stages = FUNNEL_STAGES.map((stage) => {
    const r = rate(referredCounts, stage);
    const o = rate(otherCounts, stage);
    return Object.freeze({
      stage,
      referred: r,
      nonReferred: o,
      difference: r && o ? differenceOf(r, o, settings.level) : null,
    });
  });
  return Object.freeze({
    key,
    label,
    referred: referredCounts,
    nonReferred: otherCounts,
    unknown,
    stages: Object.freeze(stages),
  });
}

/** One row of the exported table: a group and a stage. */
interface FunnelRow {
  readonly group: FunnelGroup;
  readonly rate: FunnelRate;
}

const FUNNEL_COLUMNS: readonly Column<FunnelRow>[] = [
  { label: 'group', value: (r) => r.group.key },
  { label: 'label', value: (r) => r.group.label },
  { label: 'stage', value: (r) => r.rate.stage },
  { label: 'referred reached', value: (r) => r.group.referred[r.rate.stage] },
  { label: 'referred applications', value: (r) => r.group.referred.applications },
  ...intervalColumns<FunnelRow>(
    ['referred rate', 'referred lower', 'referred upper'],
    (r) => r.rate.referred,
  ),
  { label: 'non-referred reached', value: (r) => r.group.nonReferred[r.rate.stage] },
  { label: 'non-referred applications', value: (r) => r.group.nonReferred.applications },
  ...intervalColumns<FunnelRow>(
    ['non-referred rate', 'non-referred lower', 'non-referred upper'],
    (r) => r.rate.nonReferred,
  ),
  ...intervalColumns<FunnelRow>(
    ['difference', 'difference lower', 'difference upper'],
    (r) => r.rate.difference,
  ),
];

/**
 * The hiring funnel of referred versus non-referred applications, the measures of Fernandez and
 * Weinberg (1997): for each stage (reached an interview, an offer, a hire) the share of referred
 * and of non-referred applications that reached it, each with a confidence interval, and
 * Newcombe's interval for the difference referred − non-referred. Every rate has all the
 * applications of its kind as denominator (not those that reached the previous stage).
 *
 * **Stages.** An application's `stage` records the furthest stage it reached: `'interviewed'`,
 * `'offered'` and `'hired'` count for that stage and every earlier one, so an application
 * rejected after an interview is recorded as `'interviewed'`. `'rejected'` means rejected without
 * reaching a later stage and counts, like `'applied'`, as reaching none.
 *
 * **Referred** means channel `'referral'`; every other known channel is non-referred. Applications
 * with channel `'unknown'` are, by default (`unknown: 'exclude'`), left out of both sides; with
 * `unknown: 'as-not-referral'` they count as non-referred. Each group reports how many it had.
 *
 * **Groups** (`by`: organisation or job applied to, period of the application `date`, an
 * attribute of the application, or a function) follow the rules and order of `referralShare`.
 *
 * @param network - The network whose `applications` are counted.
 * @param options - `by`, `level` (0.95), `method` (`'wilson'`), `unknown` (`'exclude'`).
 * @returns The overall funnel, one per group, and `toJSON`, `toCSV` and `toMarkdown`, whose table
 *   has one row per group and stage.
 * @throws InvalidOptionsError listing every problem: unknown options, a `by` of another form (or a
 *   `by` function returning anything but a string or undefined), a level outside (0, 1), an
 *   unknown method or `unknown` policy.
 * @example
 * ```ts
 * const funnel = referralFunnel(network, { by: 'organization' });
 * const interviews = funnel.overall.stages[0];
 * interviews?.referred?.estimate;     // e.g. 0.8
 * interviews?.nonReferred?.estimate;  // e.g. 0.26
 * interviews?.difference?.lower;      // > 0 if referred applicants are interviewed more often
 * ```
 * @see R. M. Fernandez and N. Weinberg, "Sifting and sorting: personal contacts and hiring in a
 *   retail bank", American Sociological Review 62 (1997) 883–902.
 * @see R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 *   comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890.
 */
export function referralFunnel(network: Network, options?: ReferralFunnelOptions): ReferralFunnel {
  const applications = network.applications;
  const { grouping, settings, overall, groups } = groupedRates(
    network,
    applications,
    options,
    FUNNEL_OPTION_NAMES,
    'applications',
    funnelOf,
  );
  const rows = groups.flatMap((group) => group.stages.map((rate) => ({ group, rate })));
  const notes = [
    `Rates are shares of all applications of each kind; ${settings.method} intervals at ${100 * settings.level}%, differences (referred − non-referred) by Newcombe's hybrid score method.`,
    `All applications: ${overall.referred.applications} referred, ${overall.nonReferred.applications} non-referred.`,
    overall.unknown === 0
      ? 'No application has an unknown channel.'
      : settings.unknown === 'exclude'
        ? `${overall.unknown} application(s) with an unknown channel are left out.`
        : `${overall.unknown} application(s) with an unknown channel are counted as non-referred.`,
    "A stage counts applications that reached it or a later one; 'rejected' counts as 'applied'.",
  ];
  const title =
    options?.by === undefined ? 'Referral funnel' : `Referral funnel by ${grouping.name}`;
  const result = { by: grouping.name, ...settings, overall, groups: Object.freeze(groups) };
  return exportable(result, title, FUNNEL_COLUMNS, rows, notes);
}

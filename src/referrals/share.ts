/**
 * The share of hires that came through referrals, overall and by group, each with a confidence
 * interval, and Newcombe intervals for the difference between chosen groups. Also the grouping
 * rules the referral funnel shares (`by`, `unknown`, group order).
 *
 * @module
 */
import { checkOptions } from '../centrality/options.js';
import type { Issue } from '../errors.js';
import type { Network } from '../model/network.js';
import type { Application, Hire } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import {
  checkLevel,
  checkMethod,
  type DifferenceInterval,
  differenceOf,
  INTERVAL_DEFAULTS,
  type IntervalMethod,
  type IntervalOptions,
  intervalOf,
  type ProportionInterval,
} from './intervals.js';
import { type Column, type Exportable, exportable, intervalColumns, percent } from './report.js';

/** Calendar periods records can be grouped by. */
export const REFERRAL_PERIODS = ['year', 'quarter', 'month'] as const;
/** A calendar period: `'2024'`, `'2024-Q1'` or `'2024-03'`. */
export type ReferralPeriod = (typeof REFERRAL_PERIODS)[number];
/** What to do with records whose channel is `'unknown'`. */
export const UNKNOWN_CHANNEL_POLICIES = ['exclude', 'as-not-referral'] as const;
/**
 * `'exclude'`: leave them out of the denominator (they are still counted, in `unknown`);
 * `'as-not-referral'`: count them as not referred.
 */
export type UnknownChannelPolicy = (typeof UNKNOWN_CHANNEL_POLICIES)[number];

/**
 * How to group hires or applications:
 * - `'organization'`: the organisation of the job (the job's `organizationId`);
 * - `'job'`: the job;
 * - `{ period: 'year' | 'quarter' | 'month' }`: the calendar period of the record's `date`, read
 *   as written (`2024-03-31T23:30:00-05:00` is in March 2024, whatever the zone);
 * - `{ attribute: name }`: the value of the record's custom attribute, as text (`String(value)`);
 *   records without it form the missing group;
 * - a function of the record (and the network) returning the group's name, or `undefined` for the
 *   missing group.
 */
export type GroupBy<T> =
  | 'organization'
  | 'job'
  | { readonly period: ReferralPeriod }
  | { readonly attribute: string }
  | ((record: T, network: Network) => string | undefined);

/**
 * A group's key: an organisation or job id, a period (`'2024-Q1'`), an attribute value or a
 * function's result; `null` for the missing group; `'all'` for everything when not grouping.
 */
export type GroupKey = string | null;

/** Label of the group of records without the attribute (or for which the function gave none). */
export const MISSING_GROUP_LABEL = '(missing)';
/** Key and label of the one group when records are not grouped. */
export const ALL_GROUP = 'all';

/** The options every referral measure that groups records accepts. */
export interface GroupedRateOptions<T> extends IntervalOptions {
  /** How to group the records (default: not grouped, one group `'all'`). */
  readonly by?: GroupBy<T>;
  /** What to do with records whose channel is `'unknown'` (default `'exclude'`). */
  readonly unknown?: UnknownChannelPolicy;
}

/** Options of {@link referralShare}. */
export interface ReferralShareOptions extends GroupedRateOptions<Hire> {
  /**
   * Pairs of group keys `[a, b]` to compare: each gives the Newcombe interval of share(a) −
   * share(b), in the order given. `null` names the missing group.
   */
  readonly compare?: readonly (readonly [GroupKey, GroupKey])[];
}

/** The defaults of {@link ReferralShareOptions} (and of the referral funnel). */
export const REFERRAL_SHARE_DEFAULTS = Object.freeze({
  level: INTERVAL_DEFAULTS.level,
  method: INTERVAL_DEFAULTS.method,
  unknown: 'exclude' as UnknownChannelPolicy,
});

/** What a grouped rate is computed with: its options with their defaults. */
export interface GroupedRateSettings {
  readonly level: number;
  readonly method: IntervalMethod;
  readonly unknown: UnknownChannelPolicy;
}

/** The referral share of one group of hires. */
export interface ShareGroup {
  /** The group's key (see {@link GroupKey}). */
  readonly key: GroupKey;
  /** For people: the organisation's name, the job's title, else the key; `'(missing)'`. */
  readonly label: string;
  /** Hires through a referral (channel `'referral'`). */
  readonly referrals: number;
  /** The denominator: hires with a known channel, plus unknown ones under `'as-not-referral'`. */
  readonly hires: number;
  /** Hires in the group whose channel is `'unknown'` (see `unknown` of the result). */
  readonly unknown: number;
  /** The share `referrals / hires` with its interval; `null` when `hires` is 0. */
  readonly interval: ProportionInterval | null;
}

/** The difference in referral share between two groups. */
export interface ShareComparison {
  /** The first group's key. */
  readonly a: GroupKey;
  /** The second group's key. */
  readonly b: GroupKey;
  /** Newcombe's interval for share(a) − share(b); `null` if either group has no hires. */
  readonly difference: DifferenceInterval | null;
}

/** What {@link referralShare} returns. */
export interface ReferralShare extends Exportable {
  /** The grouping: `'all'`, `'organization'`, `'job'`, `'year'`, `'quarter'`, `'month'`, `'attribute:<name>'` or `'function'`. */
  readonly by: string;
  /** The confidence level. */
  readonly level: number;
  /** The interval method of each share. */
  readonly method: IntervalMethod;
  /** How hires with an unknown channel were treated. */
  readonly unknown: UnknownChannelPolicy;
  /** All hires together (key `'all'`). */
  readonly overall: ShareGroup;
  /** One entry per group, in the order of {@link compareGroupKeys}; `[overall]` when not grouped. */
  readonly groups: readonly ShareGroup[];
  /** The comparisons asked for with `compare`, in that order. */
  readonly comparisons: readonly ShareComparison[];
}

/** A hire or an application: what grouping reads. */
export type HireLike = Hire | Application;

/** Records of one group. */
export interface RecordGroup<T> {
  readonly key: GroupKey;
  readonly label: string;
  readonly records: readonly T[];
}

const SHARE_OPTION_NAMES = ['by', 'level', 'method', 'unknown', 'compare'] as const;
const BY_FORMS =
  "'organization', 'job', { period: 'year' | 'quarter' | 'month' }, { attribute: name } or a function (record, network) => string | undefined";

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * Checks `by`, `unknown`, `level` and `method` of a grouped referral measure, pushing every
 * problem.
 * @internal Shared by {@link referralShare} and the referral funnel.
 */
export function checkGroupedRateOptions(record: Record<string, unknown>, issues: Issue[]): void {
  checkLevel(record, issues);
  checkMethod(record, issues);
  const unknown = record['unknown'];
  if (
    unknown !== undefined &&
    !(UNKNOWN_CHANNEL_POLICIES as readonly unknown[]).includes(unknown)
  ) {
    issues.push({
      code: 'invalid_value',
      path: 'unknown',
      message: `must be "exclude" or "as-not-referral", got ${describe(unknown)}`,
    });
  }
  const by = record['by'];
  if (by === undefined || by === 'organization' || by === 'job' || typeof by === 'function') return;
  if (typeof by === 'object' && by !== null && !Array.isArray(by)) {
    const keys = Object.keys(by);
    const form = by as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === 'period') {
      if ((REFERRAL_PERIODS as readonly unknown[]).includes(form['period'])) return;
      issues.push({
        code: 'invalid_value',
        path: 'by.period',
        message: `must be "year", "quarter" or "month", got ${describe(form['period'])}`,
      });
      return;
    }
    if (keys.length === 1 && keys[0] === 'attribute') {
      if (typeof form['attribute'] === 'string' && form['attribute'] !== '') return;
      issues.push({
        code: 'invalid_value',
        path: 'by.attribute',
        message: `must be a non-empty attribute name, got ${describe(form['attribute'])}`,
      });
      return;
    }
  }
  issues.push({
    code: 'invalid_value',
    path: 'by',
    message: `must be ${BY_FORMS}, got ${describe(by)}`,
  });
}

function numericKey(key: string): number | undefined {
  const value = Number(key);
  return key !== '' && Number.isFinite(value) && String(value) === key ? value : undefined;
}

/**
 * The order of groups: keys that are numbers written canonically (`'7'`, `'2024'`, `'-1.5'`)
 * first, by value; then the other keys by UTF-16 code units (locale-independent, so `'2024-Q2'`
 * after `'2024-Q1'` and periods in time order); the missing group (`null`) last.
 *
 * @param a - A group key.
 * @param b - Another group key.
 * @returns Negative if `a` comes first, positive if `b` does, 0 if they are equal.
 * @example
 * ```ts
 * ['b', null, '10', 'a', '9'].sort(compareGroupKeys); // ['9', '10', 'a', 'b', null]
 * ```
 */
export function compareGroupKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const na = numericKey(a);
  const nb = numericKey(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  if (na !== undefined && nb === undefined) return -1;
  if (na === undefined && nb !== undefined) return 1;
  return a < b ? -1 : 1;
}

function periodKey(date: string, period: ReferralPeriod): string {
  const year = date.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'month') return date.slice(0, 7);
  return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The name of a grouping, as results report it. */
function groupingName<T>(by: GroupBy<T> | undefined): string {
  if (by === undefined) return ALL_GROUP;
  if (typeof by === 'string') return by;
  if (typeof by === 'function') return 'function';
  return 'period' in by ? by.period : `attribute:${by.attribute}`;
}

/**
 * Splits records into groups by a checked `by`, in the order of {@link compareGroupKeys}.
 * A function that returns anything but a string or `undefined` adds an issue (path `by`) naming
 * the record.
 * @internal Shared by {@link referralShare} and the referral funnel.
 */
export function groupRecords<T extends HireLike>(
  network: Network,
  records: readonly T[],
  by: GroupBy<T> | undefined,
  collection: 'hires' | 'applications',
  issues: Issue[],
): RecordGrouping<T> {
  const name = groupingName(by);
  if (by === undefined) {
    return { name, groups: [{ key: ALL_GROUP, label: 'All', records }] };
  }
  const keyOf = (record: T, index: number): GroupKey => {
    if (by === 'organization') return network.requireJob(record.jobId).organizationId;
    if (by === 'job') return record.jobId;
    if (typeof by === 'function') {
      const key: unknown = by(record, network);
      if (key === undefined || typeof key === 'string') return key ?? null;
      issues.push({
        code: 'invalid_type',
        path: 'by',
        message: `returned ${describe(key)} for ${collection}[${index}] (must return a string, or undefined for the missing group)`,
      });
      return null;
    }
    if ('period' in by) return periodKey(record.date, by.period);
    const value = record.attributes?.[by.attribute];
    return value === undefined ? null : String(value);
  };
  const members = new Map<GroupKey, T[]>();
  for (const [index, record] of records.entries()) {
    const key = keyOf(record, index);
    const list = members.get(key);
    if (list) list.push(record);
    else members.set(key, [record]);
  }
  const labelOf = (key: GroupKey): string => {
    if (key === null) return MISSING_GROUP_LABEL;
    if (by === 'organization') return network.organization(key)?.name ?? key;
    if (by === 'job') return network.job(key)?.title ?? key;
    return key;
  };
  const groups = [...members.keys()]
    .sort(compareGroupKeys)
    .map((key) => ({ key, label: labelOf(key), records: members.get(key) ?? [] }));
  return { name, groups };
}

/** Records split into groups, and the grouping's name. */
export interface RecordGrouping<T> {
  /** See `by` of {@link ReferralShare}. */
  readonly name: string;
  /** The groups, in the order of {@link compareGroupKeys}. */
  readonly groups: readonly RecordGroup<T>[];
}

/** Checks of a measure's own options, given the groups when `by` is valid. */
type MoreOptionChecks<T> = (
  record: Record<string, unknown>,
  issues: Issue[],
  groups: readonly RecordGroup<T>[] | undefined,
) => void;

/**
 * Checks the options of a grouped referral measure (only `allowed` keys; `by`, `level`, `method`,
 * `unknown`; then `more`, given the groups when `by` is valid) and groups the records, throwing
 * one error that lists every problem.
 * @throws InvalidOptionsError listing every problem.
 * @internal Shared by {@link referralShare} and the referral funnel.
 */
export function checkGroupedOptions<T extends HireLike>(
  network: Network,
  records: readonly T[],
  options: GroupedRateOptions<T> | undefined,
  allowed: readonly string[],
  collection: 'hires' | 'applications',
  more?: MoreOptionChecks<T>,
): RecordGrouping<T> {
  let grouping: RecordGrouping<T> | undefined;
  checkOptions(options ?? {}, allowed, (record, issues) => {
    const before = issues.length;
    checkGroupedRateOptions(record, issues);
    const badBy = issues
      .slice(before)
      .some((issue) => issue.path === 'by' || issue.path.startsWith('by.'));
    if (!badBy) {
      grouping = groupRecords(network, records, record['by'] as GroupBy<T>, collection, issues);
    }
    more?.(record, issues, grouping?.groups);
  });
  // checkOptions has thrown unless `by` was valid, so the records are grouped.
  return grouping as RecordGrouping<T>;
}

/** A grouped referral measure's grouping and settings, and its summaries. */
export interface GroupedRates<T, S> {
  readonly grouping: RecordGrouping<T>;
  readonly settings: GroupedRateSettings;
  /** The summary of all records (key `'all'`). */
  readonly overall: S;
  /** One summary per group; `[overall]` when not grouped. */
  readonly groups: readonly S[];
}

/**
 * Checks the options of a grouped referral measure and groups the records (see
 * {@link checkGroupedOptions}), resolves the settings, and summarises all records and each group.
 * Not grouped, the one group is the overall summary itself, so the two never disagree.
 * @throws InvalidOptionsError listing every problem.
 * @internal Shared by {@link referralShare} and the referral funnel, which have the same defaults.
 */
export function groupedRates<T extends HireLike, S>(
  network: Network,
  records: readonly T[],
  options: GroupedRateOptions<T> | undefined,
  allowed: readonly string[],
  collection: 'hires' | 'applications',
  summarise: (
    key: GroupKey,
    label: string,
    records: readonly T[],
    settings: GroupedRateSettings,
  ) => S,
  more?: MoreOptionChecks<T>,
): GroupedRates<T, S> {
  const grouping = checkGroupedOptions(network, records, options, allowed, collection, more);
  const settings: GroupedRateSettings = {
    level: options?.level ?? REFERRAL_SHARE_DEFAULTS.level,
    method: options?.method ?? REFERRAL_SHARE_DEFAULTS.method,
    unknown: options?.unknown ?? REFERRAL_SHARE_DEFAULTS.unknown,
  };
  const overall = summarise(ALL_GROUP, 'All', records, settings);
  const groups =
    options?.by === undefined
      ? [overall]
      : grouping.groups.map((g) => summarise(g.key, g.label, g.records, settings));
  return { grouping, settings, overall, groups };
}

/** Counts referrals among hires and builds the group's interval. */
function shareOf(
  key: GroupKey,
  label: string,
  hires: readonly Hire[],
  settings: GroupedRateSettings,
): ShareGroup {
  let referrals = 0;
  let unknown = 0;
  for (const hire of hires) {
    if (hire.channel === 'referral') referrals++;
    else if (hire.channel === 'unknown') unknown++;
  }
  const counted = settings.unknown === 'exclude' ? hires.length - unknown : hires.length;
  return Object.freeze({
    key,
    label,
    referrals,
    hires: counted,
    unknown,
    interval:
      counted === 0 ? null : intervalOf(referrals, counted, settings.level, settings.method),
  });
}

function checkComparisons(
  compare: unknown,
  keys: readonly GroupKey[] | undefined,
  issues: Issue[],
): void {
  if (compare === undefined) return;
  if (!Array.isArray(compare)) {
    issues.push({
      code: 'invalid_type',
      path: 'compare',
      message: 'must be an array of [groupKey, groupKey] pairs',
    });
    return;
  }
  const names = (keys ?? []).filter((key): key is string => key !== null);
  for (const [i, pair] of compare.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      issues.push({
        code: 'invalid_type',
        path: `compare[${i}]`,
        message: `must be a pair [groupKey, groupKey], got ${describe(pair)}`,
      });
      continue;
    }
    for (const [j, key] of pair.entries()) {
      if (key !== null && typeof key !== 'string') {
        issues.push({
          code: 'invalid_type',
          path: `compare[${i}][${j}]`,
          message: `must be a group key (a string, or null for the missing group), got ${describe(key)}`,
        });
      } else if (keys !== undefined && !keys.includes(key)) {
        const hint = key === null ? '' : didYouMean(key, names);
        issues.push({
          code: 'invalid_value',
          path: `compare[${i}][${j}]`,
          message: `no group ${key === null ? 'of records without a value' : JSON.stringify(key)}${hint}`,
        });
      }
    }
  }
}

function describeShare(group: ShareGroup): string {
  const interval = group.interval;
  return interval === null
    ? `${group.referrals} of ${group.hires}`
    : `${group.referrals} of ${group.hires} = ${percent(interval.estimate)} (${percent(interval.lower)} to ${percent(interval.upper)})`;
}

const SHARE_COLUMNS: readonly Column<ShareGroup>[] = [
  { label: 'group', value: (g) => g.key },
  { label: 'label', value: (g) => g.label },
  { label: 'referrals', value: (g) => g.referrals },
  { label: 'hires', value: (g) => g.hires },
  { label: 'unknown channel', value: (g) => g.unknown },
  ...intervalColumns<ShareGroup>(['share', 'lower', 'upper'], (g) => g.interval),
];

/**
 * The share of hires that came through a referral (channel `'referral'`), overall and by group,
 * each with a confidence interval: the headline number of the referral-hiring literature (about
 * a third to a half of jobs in Granovetter's and later surveys), with honest uncertainty for the
 * small counts of one organisation, job or quarter.
 *
 * **Unknown channels.** Hires whose channel is `'unknown'` are never silently folded in: by
 * default (`unknown: 'exclude'`) they are left out of the denominator, so the share is that among
 * hires whose channel is known (unbiased if the channel is missing at random); with
 * `unknown: 'as-not-referral'` they count as not referred, a lower bound on the share. Either way
 * every group reports how many it had (`unknown`), and so does the Markdown export.
 *
 * **Groups** (`by`, see {@link GroupBy}) are the keys at least one hire falls in (an organisation
 * without hires has no group), in the order of {@link compareGroupKeys}: numeric keys by value,
 * then others by code units (so periods in time order), the missing group last; the input order of
 * the hires does not matter. A group whose hires all have an unknown channel is kept, with `hires`
 * 0 and `interval` null.
 *
 * **Comparisons.** `compare: [['acme', 'globex']]` adds Newcombe's hybrid score interval for
 * share(acme) − share(globex) (always built from Wilson intervals, whatever `method`). Any two
 * groups' intervals can also be compared afterwards with `differenceInterval`, since each holds
 * its `successes` and `trials`.
 *
 * @param network - The network whose `hires` are counted.
 * @param options - `by`, `level` (0.95), `method` (`'wilson'`), `unknown` (`'exclude'`), `compare`.
 * @returns The overall share, one entry per group, the comparisons, and `toJSON`, `toCSV` (one
 *   row per group) and `toMarkdown`.
 * @throws InvalidOptionsError listing every problem: unknown options, a `by` of another form (or a
 *   `by` function returning anything but a string or undefined, naming each hire), a level outside
 *   (0, 1), an unknown method or `unknown` policy, and `compare` pairs naming groups that do not
 *   exist (with the closest key when it looks like a typo).
 * @example
 * ```ts
 * const share = referralShare(network, { by: { period: 'year' }, compare: [['2024', '2023']] });
 * share.overall.interval?.estimate;       // e.g. 0.42
 * share.groups.map((g) => g.key);         // ['2023', '2024']
 * share.comparisons[0]?.difference;       // { estimate, lower, upper, ... }
 * console.log(share.toMarkdown());
 * ```
 * @see M. Granovetter, "Getting a Job: A Study of Contacts and Careers", Harvard University Press
 *   (1974; 2nd ed. 1995).
 * @see R. M. Fernandez, E. J. Castilla and P. Moore, "Social capital at work: networks and
 *   employment at a phone center", American Journal of Sociology 105 (2000) 1288–1356.
 * @see R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 *   comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890.
 */
export function referralShare(network: Network, options?: ReferralShareOptions): ReferralShare {
  const hires = network.hires;
  const { grouping, settings, overall, groups } = groupedRates(
    network,
    hires,
    options,
    SHARE_OPTION_NAMES,
    'hires',
    shareOf,
    (record, issues, groups) =>
      checkComparisons(
        record['compare'],
        groups?.map((g) => g.key),
        issues,
      ),
  );
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const comparisons = (options?.compare ?? []).map(([a, b]) => {
    const first = byKey.get(a)?.interval ?? null;
    const second = byKey.get(b)?.interval ?? null;
    return Object.freeze({
      a,
      b,
      difference: first && second ? differenceOf(first, second, settings.level) : null,
    });
  });
  const unknownTotal = overall.unknown;
  const notes = [
    `Share of hires through a referral; ${settings.method} intervals at ${100 * settings.level}%.`,
    `All hires: ${describeShare(overall)}.`,
    unknownTotal === 0
      ? 'No hire has an unknown channel.'
      : settings.unknown === 'exclude'
        ? `${unknownTotal} hire(s) with an unknown channel are left out of the denominators.`
        : `${unknownTotal} hire(s) with an unknown channel are counted as not referred.`,
    ...comparisons.map(({ a, b, difference }) => {
      const name = (key: GroupKey) => (key === null ? MISSING_GROUP_LABEL : key);
      return difference === null
        ? `${name(a)} − ${name(b)}: not computed (a group has no hires).`
        : `${name(a)} − ${name(b)}: ${percent(difference.estimate)} (${percent(difference.lower)} to ${percent(difference.upper)}, Newcombe hybrid score).`;
    }),
  ];
  const title =
    options?.by === undefined
      ? 'Referral share of hires'
      : `Referral share of hires by ${grouping.name}`;
  const result = {
    by: grouping.name,
    ...settings,
    overall,
    groups: Object.freeze(groups),
    comparisons: Object.freeze(comparisons),
  };
  return exportable(result, title, SHARE_COLUMNS, groups, notes);
}

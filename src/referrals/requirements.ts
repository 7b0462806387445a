/**
 * `requirementsGap`: which posted requirements each hire lacked, judged from their record before
 * the hire, and how often hires through each channel lacked one or all of them.
 *
 * @module
 */
import { checkOptions } from '../centrality/options.js';
import { InvalidOptionsError } from '../errors.js';
import type { Network } from '../model/network.js';
import {
  HIRE_CHANNELS,
  type Hire,
  type HireChannel,
  type Job,
  type Person,
} from '../model/schema.js';
import { dayOf } from './attribution.js';
import {
  checkLevel,
  checkMethod,
  INTERVAL_DEFAULTS,
  type IntervalMethod,
  intervalOf,
  type ProportionInterval,
} from './intervals.js';
import { type Column, type Exportable, exportable } from './report.js';

/** What a {@link RequirementMatcher} is told besides the requirement and the person. */
export interface RequirementContext {
  /** The hire being judged. */
  readonly hire: Hire;
  /** Its job. */
  readonly job: Job;
  /** The person's full record, later positions included. */
  readonly record: Person;
}

/**
 * Whether a person met a posted requirement. `person` is the record as it stood before the hire:
 * its `positions` are only those that began before the hire's day (or have no `from`); skills,
 * which carry no dates, are all there.
 */
export type RequirementMatcher = (
  requirement: string,
  person: Person,
  context: RequirementContext,
) => boolean;

/** Options of {@link requirementsGap}. */
export interface RequirementsGapOptions {
  /** Decides whether a person met a requirement (default {@link defaultRequirementMatcher}). */
  readonly matcher?: RequirementMatcher;
  /** Confidence level of the shares' intervals, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
  /** Interval method of the shares (default `'wilson'`; see `proportionInterval`). */
  readonly method?: IntervalMethod;
}

/**
 * Words that say nothing about what a requirement asks for, left out before comparing: English
 * function words and the boilerplate of job postings ("experience", "years", "previous", ...).
 */
export const REQUIREMENT_STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'or',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'as',
  'into',
  'within',
  'per',
  'via',
  'is',
  'are',
  'be',
  'have',
  'has',
  'must',
  'should',
  'can',
  'will',
  'etc',
  'e',
  'g',
  'eg',
  'ie',
  'including',
  'least',
  'more',
  'plus',
  'than',
  'able',
  'ability',
  'experience',
  'experienced',
  'previous',
  'prior',
  'proven',
  'demonstrated',
  'strong',
  'solid',
  'good',
  'excellent',
  'knowledge',
  'skill',
  'background',
  'familiarity',
  'familiar',
  'understanding',
  'year',
  'minimum',
  'preferred',
  'required',
  'requirement',
]);

/** Lower-cased words with a letter, a plural `s` dropped (not `ss`) from words of four letters or more. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => /\p{L}/u.test(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

/**
 * The content words of a requirement, skill or title, as {@link defaultRequirementMatcher} compares
 * them: lower case, split at anything but letters, digits, `+` and `#`, words without a letter
 * dropped, a plural `s` dropped from words of four letters or more (not from `ss`), and
 * {@link REQUIREMENT_STOPWORDS} removed; all the words if every one is a stopword.
 *
 * @throws Nothing.
 * @example
 * ```ts
 * [...contentWords('3+ years of Public Relations experience')]; // ['public', 'relation']
 * ```
 */
export function contentWords(text: string): ReadonlySet<string> {
  const all = words(text);
  const content = all.filter((word) => !REQUIREMENT_STOPWORDS.has(word));
  return new Set(content.length > 0 ? content : all);
}

const within = (small: ReadonlySet<string>, large: ReadonlySet<string>): boolean =>
  small.size > 0 && [...small].every((word) => large.has(word));

/**
 * The default {@link RequirementMatcher}: a requirement is met when one of the person's skills,
 * or the title of one of their positions (as passed: those begun before the hire), covers it word
 * for word. Both are reduced to their content words (lower case, split at anything but letters,
 * digits, `+` and `#`, words without a letter dropped, a plural `s` dropped, stopwords removed:
 * {@link REQUIREMENT_STOPWORDS}); the requirement is met when all the content words of a skill or
 * title appear among the requirement's, or all the requirement's among theirs.
 *
 * So "IT solutions sales" meets "previous IT solutions sales experience", but "insurance sales"
 * does not (sharing "sales" is not enough), and "public relations" meets "3+ years of public
 * relations experience". No stemming beyond the plural and no synonyms: "selling" does not meet
 * "sales". A one-word skill meets every requirement that contains its word. Pass your own
 * `matcher` for anything finer.
 *
 * @param requirement - The posted requirement.
 * @param person - The person, with only the positions that count.
 * @returns Whether the record shows the requirement.
 * @throws Nothing.
 * @example
 * ```ts
 * const person = { id: 'm', name: 'M', skills: ['IT solutions sales'] };
 * defaultRequirementMatcher('previous IT solutions sales experience', person); // true
 * defaultRequirementMatcher('advertising or media sales experience', person);  // false
 * ```
 * @see Fernandez & Weinberg, "Sifting and Sorting: Personal Contacts and Hiring in a Retail Bank",
 *   American Sociological Review 62(6), 1997 (referred applicants and screening on the posting).
 */
export function defaultRequirementMatcher(requirement: string, person: Person): boolean {
  const wanted = contentWords(requirement);
  const shown = [...(person.skills ?? []), ...(person.positions ?? []).map((p) => p.title)];
  return shown.some((text) => {
    const have = contentWords(text);
    return within(have, wanted) || within(wanted, have);
  });
}

/** One hire and the requirements it lacked. */
export interface HireRequirementGap {
  /** Index of the hire in `network.hires`. */
  readonly hire: number;
  /** The person hired. */
  readonly personId: string;
  /** The job. */
  readonly jobId: string;
  /** The channel recorded. */
  readonly channel: HireChannel;
  /** The hire's date. */
  readonly date: string;
  /** The job's posted requirements. */
  readonly requirements: readonly string[];
  /** The requirements the record before the hire does not show, in posted order. */
  readonly lacked: readonly string[];
  /** Whether at least one requirement was lacked; `null` when the job posted none. */
  readonly lackedAny: boolean | null;
  /** Whether every requirement was lacked; `null` when the job posted none. */
  readonly lackedAll: boolean | null;
}

/** The hires of one channel (or of all) and how many lacked posted requirements. */
export interface ChannelRequirementGap {
  /** The channel, or `'all'`. */
  readonly channel: HireChannel | 'all';
  /** Hires through it. */
  readonly hires: number;
  /** Of those, hires into jobs that posted requirements: the shares' denominator. */
  readonly withRequirements: number;
  /** Hires that lacked at least one posted requirement. */
  readonly lackingAny: number;
  /** Hires that lacked every posted requirement. */
  readonly lackingAll: number;
  /** `lackingAny / withRequirements` with its interval, or `null` when that is 0 / 0. */
  readonly lackingAnyShare: ProportionInterval | null;
  /** `lackingAll / withRequirements` with its interval, or `null` when that is 0 / 0. */
  readonly lackingAllShare: ProportionInterval | null;
}

/** What {@link requirementsGap} returns. */
export interface RequirementsGap {
  /** The intervals' confidence level. */
  readonly level: number;
  /** The intervals' method. */
  readonly method: IntervalMethod;
  /** One entry per hire, in the order of `network.hires`. */
  readonly hires: readonly HireRequirementGap[];
  /** One entry per channel with hires (in `HIRE_CHANNELS` order), then `'all'`. */
  readonly byChannel: readonly ChannelRequirementGap[];
}

/** The person as the record stood before `day`: positions begun before it (or undated). */
function personBefore(person: Person, day: string): Person {
  const positions = person.positions;
  if (positions === undefined) return person;
  const before = positions.filter((p) => p.from === undefined || dayOf(p.from) < day);
  return before.length === positions.length
    ? person
    : Object.freeze({ ...person, positions: before });
}

const COLUMNS: readonly Column<HireRequirementGap>[] = [
  { label: 'Hire', value: (r) => r.hire },
  { label: 'Date', value: (r) => r.date },
  { label: 'Person', value: (r) => r.personId },
  { label: 'Job', value: (r) => r.jobId },
  { label: 'Channel', value: (r) => r.channel },
  { label: 'Requirements', value: (r) => r.requirements.length },
  { label: 'Lacked', value: (r) => r.lacked.length },
  { label: 'Requirements lacked', value: (r) => r.lacked.join('; ') },
  { label: 'Lacked any', value: (r) => r.lackedAny },
  { label: 'Lacked all', value: (r) => r.lackedAll },
];

function shareText(share: ProportionInterval | null): string {
  if (share === null) return '–';
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  return `${pct(share.estimate)} [${pct(share.lower)}, ${pct(share.upper)}]`;
}

/**
 * For each hire, the job's posted requirements that the person's record before the hire does not
 * show, and, by channel, the share of hires that lacked at least one of them and the share that
 * lacked all of them, each with a confidence interval (`proportionInterval`; Wilson at 95% by
 * default).
 *
 * The record before the hire is the person's skills (which carry no dates, so all count: a skill
 * learned on the job would count too) and the titles of their positions that began before the
 * hire's calendar day (or have no `from`); their current `title` is not used, being often the job
 * itself. Whether a requirement is shown is decided by `matcher`, by default
 * {@link defaultRequirementMatcher} (content words of a skill or title all among the
 * requirement's, or the other way round, ignoring case, plurals and stopwords).
 *
 * Hires into jobs that posted no requirements cannot lack any: their `lackedAny` and `lackedAll`
 * are `null` and they are left out of the shares' denominators (`withRequirements`), though
 * counted in `hires`.
 *
 * @param network - The network.
 * @param options - `matcher`, `level` (0.95), `method` (`'wilson'`).
 * @returns One entry per hire in input order and the shares by channel; with `toJSON`, `toCSV`
 *   and `toMarkdown` (one row per hire, the shares by channel as notes).
 * @throws InvalidOptionsError for an unknown option, a `matcher` that is not a function, a `level`
 *   outside (0, 1) or an unknown `method`, listed together; and, while running, if `matcher`
 *   returns anything but a boolean (naming the hire and requirement).
 * @example
 * ```ts
 * const gap = requirementsGap(network);
 * gap.hires.find((h) => h.personId === 'coach')?.lacked; // both posted requirements
 * const referral = gap.byChannel.find((c) => c.channel === 'referral');
 * referral?.lackingAnyShare?.estimate; // e.g. 1
 * requirementsGap(network, { matcher: (req, person) => (person.skills ?? []).includes(req) });
 * ```
 * @see Granovetter, *Getting a Job: A Study of Contacts and Careers*, Harvard University Press, 1974.
 * @see Fernandez & Weinberg, "Sifting and Sorting: Personal Contacts and Hiring in a Retail Bank",
 *   American Sociological Review 62(6), 1997.
 * @see Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22, 1927.
 */
export function requirementsGap(
  network: Network,
  options?: RequirementsGapOptions,
): RequirementsGap & Exportable {
  checkOptions(options, ['matcher', 'level', 'method'], (record, issues) => {
    if (record['matcher'] !== undefined && typeof record['matcher'] !== 'function') {
      issues.push({
        code: 'invalid_type',
        path: 'matcher',
        message: 'must be a function (requirement, person, context) => boolean',
      });
    }
    checkLevel(record, issues);
    checkMethod(record, issues);
  });
  const matcher = options?.matcher ?? defaultRequirementMatcher;
  const level = options?.level ?? INTERVAL_DEFAULTS.level;
  const method = options?.method ?? INTERVAL_DEFAULTS.method;

  const hires = network.hires.map((hire, index): HireRequirementGap => {
    const job = network.requireJob(hire.jobId);
    const record = network.requirePerson(hire.personId);
    const person = personBefore(record, dayOf(hire.date));
    const context: RequirementContext = Object.freeze({ hire, job, record });
    const lacked = job.requirements.filter((requirement) => {
      const met: unknown = matcher(requirement, person, context);
      if (typeof met !== 'boolean') {
        throw new InvalidOptionsError([
          {
            code: 'invalid_type',
            path: 'matcher',
            message: `must return a boolean, got ${typeof met} for hires[${index}] and requirement ${JSON.stringify(requirement)}`,
          },
        ]);
      }
      return !met;
    });
    const posted = job.requirements.length > 0;
    return Object.freeze({
      hire: index,
      personId: hire.personId,
      jobId: hire.jobId,
      channel: hire.channel,
      date: hire.date,
      requirements: job.requirements,
      lacked: Object.freeze(lacked),
      lackedAny: posted ? lacked.length > 0 : null,
      lackedAll: posted ? lacked.length === job.requirements.length : null,
    });
  });

  const gapOf = (channel: HireChannel | 'all'): ChannelRequirementGap => {
    const mine = hires.filter((h) => channel === 'all' || h.channel === channel);
    const withRequirements = mine.filter((h) => h.lackedAny !== null).length;
    const lackingAny = mine.filter((h) => h.lackedAny === true).length;
    const lackingAll = mine.filter((h) => h.lackedAll === true).length;
    const share = (k: number): ProportionInterval | null =>
      withRequirements === 0 ? null : intervalOf(k, withRequirements, level, method);
    return Object.freeze({
      channel,
      hires: mine.length,
      withRequirements,
      lackingAny,
      lackingAll,
      lackingAnyShare: share(lackingAny),
      lackingAllShare: share(lackingAll),
    });
  };
  const byChannel = [
    ...HIRE_CHANNELS.filter((channel) => hires.some((h) => h.channel === channel)).map(gapOf),
    gapOf('all'),
  ];
  const notes = [
    `Shares of hires into jobs with posted requirements, with ${100 * level}% ${method} intervals:`,
    '',
    ...byChannel.map(
      (c) =>
        `- ${c.channel}: lacked at least one ${c.lackingAny} of ${c.withRequirements} (${shareText(c.lackingAnyShare)}), ` +
        `lacked all ${c.lackingAll} of ${c.withRequirements} (${shareText(c.lackingAllShare)})` +
        (c.hires > c.withRequirements
          ? `; ${c.hires - c.withRequirements} hire(s) into jobs without requirements left out`
          : ''),
    ),
    '',
    'Judged from skills (undated) and the titles of positions begun before each hire.',
  ];
  return exportable(
    { level, method, hires: Object.freeze(hires), byChannel: Object.freeze(byChannel) },
    'Posted requirements the hires lacked',
    COLUMNS,
    hires,
    notes,
  );
}

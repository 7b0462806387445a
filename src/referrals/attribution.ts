/**
 * `attributeHires`: for every hire, whether a warm-introduction chain could have carried the
 * candidate to the hiring manager (or to anyone at the hiring organisation) in the network as it
 * stood before the hire, set beside how the hire was recorded.
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import type { Issue } from '../errors.js';
import { createNetwork } from '../model/create.js';
import { dateToTime, timeToDate } from '../model/dates.js';
import type { Network } from '../model/network.js';
import type { HireChannel, Person } from '../model/schema.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { createIntroductionFinder, type IntroductionFinder } from '../paths/find.js';
import type { IntroductionTarget } from '../paths/options.js';
import { type Column, type Exportable, exportable } from './report.js';

const DAY_MS = 86_400_000;

/** The calendar day (`YYYY-MM-DD`, UTC) a date falls on. @internal */
export function dayOf(date: string): string {
  return timeToDate(dateToTime(date));
}

/**
 * The day before a hire's calendar day (UTC): the last day whose network may explain the hire.
 * Everything dated on the hire's day, at any time of it, is left out.
 *
 * @internal
 */
export function hireEve(date: string): string {
  return timeToDate(dateToTime(dayOf(date)) - DAY_MS);
}

/**
 * The network as it stood at the end of `eve`, built once per distinct day. @internal
 */
export class NetworksByDay {
  readonly #build: (eve: string) => Network;
  readonly #views = new Map<string, Network>();

  constructor(network: Network, build?: (eve: string) => Network) {
    this.#build =
      build ??
      ((eve) =>
        createNetwork(network.dataset, { asOf: eve, strengthModel: network.strengthModel }));
  }

  /** The network as it stood at the end of `eve` (a `YYYY-MM-DD` day). */
  on(eve: string): Network {
    let view = this.#views.get(eve);
    if (view === undefined) {
      view = this.#build(eve);
      this.#views.set(eve, view);
    }
    return view;
  }
}

/** Options of {@link attributeHires}. */
export interface AttributionOptions extends ViewerOptions {
  /** At most this many hops per chain (default 4; a positive integer, or `Infinity`). */
  readonly maxHops?: number;
  /** A hire is reachable when its likeliest chain has at least this probability (default 0), in [0, 1]. */
  readonly minProbability?: number;
}

/** The defaults of {@link AttributionOptions}. */
export const ATTRIBUTION_DEFAULTS = Object.freeze({ maxHops: 4, minProbability: 0 });

/** The likeliest chain found to one target. */
export interface AttributedChain {
  /** The chance every hop works (see `findIntroductions`). */
  readonly probability: number;
  /** The people along it: the hired person first, the person reached last. */
  readonly people: readonly string[];
}

/** How a hire's record and the network before it compare. */
export type AttributionDisagreement = 'referral-without-chain' | 'chain-without-referral';

/** One hire, attributed. */
export interface HireAttribution {
  /** Index of the hire in `network.hires`. */
  readonly hire: number;
  /** The person hired. */
  readonly personId: string;
  /** The job. */
  readonly jobId: string;
  /** The job's organisation. */
  readonly organizationId: string;
  /** The job's hiring manager. */
  readonly hiringManagerId: string;
  /** The hire's date, as recorded. */
  readonly date: string;
  /** The channel recorded. */
  readonly channel: HireChannel;
  /** The referrer recorded, or `null`. */
  readonly referrerId: string | null;
  /** The day whose network was searched: the day before the hire (see {@link attributeHires}). */
  readonly asOf: string;
  /** The likeliest chain to the hiring manager, or `null` if none within `maxHops`. */
  readonly toManager: AttributedChain | null;
  /** The likeliest chain to anyone at the organisation then, or `null` if none. */
  readonly toOrganization: AttributedChain | null;
  /** The likelier of the two (the manager's on a tie), or `null` if neither exists. */
  readonly best: AttributedChain | null;
  /** Whether the hire was recorded with channel `referral`. */
  readonly recordedReferral: boolean;
  /** Whether `best` exists and its probability is at least `minProbability`. */
  readonly reachable: boolean;
  /** Where the record and the network disagree, or `null` when they agree. */
  readonly disagreement: AttributionDisagreement | null;
}

/** The counts behind the shares of {@link HireAttributions}. */
export interface AttributionSummary {
  /** Hires attributed. */
  readonly hires: number;
  /** Hires recorded as referrals. */
  readonly recordedReferrals: number;
  /** `recordedReferrals / hires`, or `null` when there are no hires. */
  readonly recordedReferralShare: number | null;
  /** Hires a chain could explain. */
  readonly reachable: number;
  /** `reachable / hires`, or `null` when there are no hires. */
  readonly reachableShare: number | null;
  /** Recorded referrals with no chain. */
  readonly referralWithoutChain: number;
  /** Hires not recorded as referrals that a chain could explain. */
  readonly chainWithoutReferral: number;
}

/** What {@link attributeHires} returns. */
export interface HireAttributions {
  /** The `maxHops` used. */
  readonly maxHops: number;
  /** The `minProbability` used. */
  readonly minProbability: number;
  /** One entry per hire, in the order of `network.hires`. */
  readonly hires: readonly HireAttribution[];
  /** The hires where record and network disagree, in the same order. */
  readonly disagreements: readonly HireAttribution[];
  /** Counts and shares. */
  readonly summary: AttributionSummary;
}

function checkAttributionOptions(options: unknown): Required<Omit<AttributionOptions, 'viewer'>> {
  const names = [...Object.keys(ATTRIBUTION_DEFAULTS), 'viewer'];
  checkOptions(options, names, (record, issues: Issue[]) => {
    const maxHops = record['maxHops'];
    if (
      maxHops !== undefined &&
      maxHops !== Number.POSITIVE_INFINITY &&
      !(typeof maxHops === 'number' && Number.isInteger(maxHops) && maxHops >= 1)
    ) {
      issues.push({
        code: 'out_of_range',
        path: 'maxHops',
        message: `must be a positive integer or Infinity, got ${String(maxHops)}`,
      });
    }
    checkNumber(record, 'minProbability', issues, { min: 0, max: 1 });
  });
  const given = (options ?? {}) as AttributionOptions;
  return {
    maxHops: given.maxHops ?? ATTRIBUTION_DEFAULTS.maxHops,
    minProbability: given.minProbability ?? ATTRIBUTION_DEFAULTS.minProbability,
  };
}

/** When a person joined an organisation through a hire or a job they filled. */
interface Joining {
  readonly organizationId: string;
  readonly day: string;
}

function joiningsByPerson(network: Network): ReadonlyMap<string, readonly Joining[]> {
  const joinings = new Map<string, Joining[]>();
  const add = (personId: string, organizationId: string, date: string): void => {
    const list = joinings.get(personId);
    const joining = { organizationId, day: dayOf(date) };
    if (list) list.push(joining);
    else joinings.set(personId, [joining]);
  };
  for (const hire of network.hires) {
    const job = network.job(hire.jobId);
    if (job) add(hire.personId, job.organizationId, hire.date);
  }
  for (const job of network.jobs) {
    if (job.filledBy !== undefined && job.filledAt !== undefined)
      add(job.filledBy, job.organizationId, job.filledAt);
  }
  return joinings;
}

/**
 * Where a person worked at the end of `eve`, as far as the record tells: the organisation of the
 * position (with an `organizationId`) that covered that day, the latest-begun if several; else
 * their current `organizationId`, unless their positions there say when they were there (and none
 * covers the day) or they joined it through a hire or a filled job dated after the day.
 */
function organizationOn(
  person: Person,
  eve: string,
  joinings: readonly Joining[],
): string | undefined {
  let covering: string | undefined;
  let coveringFrom = '';
  for (const position of person.positions ?? []) {
    if (position.organizationId === undefined) continue;
    const from = position.from === undefined ? '' : dayOf(position.from);
    if (from > eve || (position.to !== undefined && dayOf(position.to) < eve)) continue;
    if (covering === undefined || from >= coveringFrom) {
      covering = position.organizationId;
      coveringFrom = from;
    }
  }
  if (covering !== undefined) return covering;
  const current = person.organizationId;
  if (current === undefined) return undefined;
  if ((person.positions ?? []).some((position) => position.organizationId === current))
    return undefined;
  if (joinings.some((j) => j.organizationId === current && j.day > eve)) return undefined;
  return current;
}

/** The people with their organisation rewound to the end of `eve`. */
function peopleOn(
  network: Network,
  eve: string,
  joinings: ReadonlyMap<string, readonly Joining[]>,
): readonly Person[] {
  return network.people.map((person) => {
    const then = organizationOn(person, eve, joinings.get(person.id) ?? []);
    if (then === person.organizationId) return person;
    const { organizationId: _now, ...rest } = person;
    return then === undefined ? rest : { ...rest, organizationId: then };
  });
}

function chainOf(
  finder: IntroductionFinder,
  from: string,
  to: IntroductionTarget,
  maxHops: number,
): AttributedChain | null {
  const path = finder.find({ from, to, k: 1, maxHops }).paths[0];
  return path === undefined
    ? null
    : Object.freeze({ probability: path.probability, people: path.people });
}

const share = (count: number, total: number): number | null => (total === 0 ? null : count / total);

const chainText = (chain: AttributedChain | null): string =>
  chain === null ? '' : chain.people.join(' → ');

const COLUMNS: readonly Column<HireAttribution>[] = [
  { label: 'Hire', value: (r) => r.hire },
  { label: 'Date', value: (r) => r.date },
  { label: 'Person', value: (r) => r.personId },
  { label: 'Job', value: (r) => r.jobId },
  { label: 'Organisation', value: (r) => r.organizationId },
  { label: 'Hiring manager', value: (r) => r.hiringManagerId },
  { label: 'Channel', value: (r) => r.channel },
  { label: 'Referrer', value: (r) => r.referrerId },
  { label: 'Network as of', value: (r) => r.asOf },
  { label: 'P(chain to manager)', value: (r) => r.toManager?.probability ?? null },
  { label: 'Chain to manager', value: (r) => chainText(r.toManager) },
  { label: 'P(chain to organisation)', value: (r) => r.toOrganization?.probability ?? null },
  { label: 'Chain to organisation', value: (r) => chainText(r.toOrganization) },
  { label: 'Reachable', value: (r) => r.reachable },
  { label: 'Disagreement', value: (r) => r.disagreement },
];

/**
 * For every hire: was there a warm-introduction chain from the person hired to the job's hiring
 * manager, or to anyone at the hiring organisation, in the network as it stood **before** the
 * hire? Sets the share of hires recorded as referrals beside the share a chain could explain, and
 * lists the hires where the two disagree: recorded referrals with no chain
 * (`referral-without-chain`) and hires recorded through another channel (`unknown` included) that
 * a chain could explain (`chain-without-referral`).
 *
 * **Time.** Each hire is judged on the network at the end of the day before its calendar day
 * (UTC): `createNetwork(dataset, { asOf: <day before>, strengthModel })`. A relationship that began
 * after that, on the hire day itself included, does not count, because the hire itself often
 * creates one that day (the manager's `manager` tie to the new hire, a `colleague` tie) and a
 * tie caused by the hire must not explain it. The price is that a tie genuinely formed on the day
 * of the hire is missed. Derived strengths are measured to that day. Networks are built once per
 * distinct day.
 *
 * **Targets.** The hiring manager is asked for directly (`to: managerId`), not through
 * `{ job }`: the job may not have been opened yet on the day before, or show as filled; the
 * manager is what matters. "Anyone at the organisation" uses the staff of that day: people's
 * `organizationId` is not rewound by `createNetwork`, so here each person's organisation is the
 * one of the position (with an `organizationId`) covering the day before, the latest-begun if
 * several; failing that their current organisation, unless their positions there say when they
 * were there and none covers the day, or they joined it through a hire or a filled job dated
 * after it. So the person hired is not counted as already at the organisation unless a position
 * says they were (an internal move: the chain is then just them, probability 1).
 *
 * `best` is the likelier of the two chains; `reachable` is `best.probability ≥ minProbability`.
 * Chains follow `findIntroductions` (k = 1, default willingness for `ask-first` people).
 *
 * @param network - The network (its hires, jobs and relationships with their dates).
 * People with `introductions: 'never'` are never intermediaries of these chains (they may be the
 * person hired or the person reached). With `viewer`, chains run only over the relationships that
 * viewer may see (see `visibleNetwork`).
 *
 * @param options - `maxHops` (4), `minProbability` (0), `viewer`.
 * @returns One entry per hire in input order, the disagreements, and a summary; with `toJSON`,
 *   `toCSV` and `toMarkdown` (one row per hire).
 * @throws InvalidOptionsError for an unknown option, `maxHops` not a positive integer or
 *   `Infinity`, `minProbability` outside [0, 1], or an invalid `viewer` (all problems listed at once).
 * @example
 * ```ts
 * const result = attributeHires(network, { minProbability: 0.1 });
 * result.summary.recordedReferralShare; // e.g. 0.67
 * result.summary.reachableShare;        // e.g. 1
 * for (const hire of result.disagreements) console.log(hire.personId, hire.disagreement, hire.best?.people);
 * console.log(result.toMarkdown());
 * ```
 * @see Granovetter, *Getting a Job: A Study of Contacts and Careers*, Harvard University Press,
 *   1974 (how hires came about through contacts).
 * @see Fernandez, Castilla & Moore, "Social Capital at Work: Networks and Employment at a Phone
 *   Center", American Journal of Sociology 105(5), 2000 (recorded referrals).
 * @see Brown, Setren & Topa, "Do Informal Referrals Lead to Better Matches? Evidence from a Firm's
 *   Employee Referral System", Journal of Labor Economics 34(1), 2016.
 */
export function attributeHires(
  network: Network,
  options?: AttributionOptions,
): HireAttributions & Exportable {
  const { maxHops, minProbability } = checkAttributionOptions(options);
  const seen = viewedBy(network, options?.viewer);
  const joinings = joiningsByPerson(network);
  const networks = new NetworksByDay(network, (eve) =>
    createNetwork(
      { ...seen.dataset, people: peopleOn(network, eve, joinings) },
      { asOf: eve, strengthModel: network.strengthModel },
    ),
  );
  const finders = new Map<string, IntroductionFinder>();
  const finderOn = (eve: string): IntroductionFinder => {
    let finder = finders.get(eve);
    if (finder === undefined) {
      finder = createIntroductionFinder(networks.on(eve));
      finders.set(eve, finder);
    }
    return finder;
  };

  const hires = network.hires.map((hire, index): HireAttribution => {
    const job = network.requireJob(hire.jobId);
    const asOf = hireEve(hire.date);
    const finder = finderOn(asOf);
    const toManager = chainOf(finder, hire.personId, job.hiringManagerId, maxHops);
    const toOrganization = chainOf(
      finder,
      hire.personId,
      { organization: job.organizationId },
      maxHops,
    );
    const best =
      toOrganization !== null &&
      (toManager === null || toOrganization.probability > toManager.probability)
        ? toOrganization
        : toManager;
    const recordedReferral = hire.channel === 'referral';
    const reachable = best !== null && best.probability >= minProbability;
    const disagreement: AttributionDisagreement | null =
      recordedReferral && !reachable
        ? 'referral-without-chain'
        : !recordedReferral && reachable
          ? 'chain-without-referral'
          : null;
    return Object.freeze({
      hire: index,
      personId: hire.personId,
      jobId: hire.jobId,
      organizationId: job.organizationId,
      hiringManagerId: job.hiringManagerId,
      date: hire.date,
      channel: hire.channel,
      referrerId: hire.referrerId ?? null,
      asOf,
      toManager,
      toOrganization,
      best,
      recordedReferral,
      reachable,
      disagreement,
    });
  });

  const count = (test: (row: HireAttribution) => boolean): number => hires.filter(test).length;
  const recordedReferrals = count((r) => r.recordedReferral);
  const reachable = count((r) => r.reachable);
  const summary: AttributionSummary = Object.freeze({
    hires: hires.length,
    recordedReferrals,
    recordedReferralShare: share(recordedReferrals, hires.length),
    reachable,
    reachableShare: share(reachable, hires.length),
    referralWithoutChain: count((r) => r.disagreement === 'referral-without-chain'),
    chainWithoutReferral: count((r) => r.disagreement === 'chain-without-referral'),
  });
  const percent = (value: number | null): string =>
    value === null ? '–' : `${(100 * value).toFixed(1)}%`;
  const notes = [
    `Recorded as referrals: ${recordedReferrals} of ${hires.length} (${percent(summary.recordedReferralShare)}); ` +
      `reachable through the network: ${reachable} of ${hires.length} (${percent(summary.reachableShare)}).`,
    `Disagreements: ${summary.referralWithoutChain} recorded referral(s) with no chain, ` +
      `${summary.chainWithoutReferral} hire(s) recorded otherwise that a chain could explain.`,
    `Each hire is judged on the network at the end of the day before it (ties formed on the hire day do not count); ` +
      `chains of at most ${maxHops} hops; reachable at probability ≥ ${minProbability}.`,
  ];
  return exportable(
    {
      maxHops,
      minProbability,
      hires: Object.freeze(hires),
      disagreements: Object.freeze(hires.filter((r) => r.disagreement !== null)),
      summary,
    },
    'Hires explained by the network before them',
    COLUMNS,
    hires,
    notes,
  );
}

/**
 * `tieAnalysis`: the ties a referral ran over (referrer–hire and referrer–hiring manager), as they
 * stood before the hire: strength, kinds, age, frequency of contact, mutual contacts and
 * neighbourhood overlap, with Granovetter's weak/strong and frequency-of-contact summaries.
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import { neighborhoodOverlap, type TieOverlap } from '../centrality/tie-overlap.js';
import { dateToTime, daysBetween } from '../model/dates.js';
import type { Network } from '../model/network.js';
import type { RelationshipKind } from '../model/schema.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { hireEve, NetworksByDay } from './attribution.js';
import { type Column, type Exportable, exportable } from './report.js';

/** Options of {@link tieAnalysis}. */
export interface TieAnalysisOptions extends ViewerOptions {
  /** A referrer–hire tie is weak below this strength, strong at or above it (default 0.5), in (0, 1]. */
  readonly weakThreshold?: number;
}

/** The defaults of {@link TieAnalysisOptions}. */
export const TIE_ANALYSIS_DEFAULTS = Object.freeze({ weakThreshold: 0.5 });

/**
 * Granovetter's (1974) frequency-of-contact categories, in interactions a month:
 * `often` at least twice a week (2 × 365.25 / 7 / 12 ≈ 8.70 a month), `rarely` once a year or
 * less (at most 1/12 a month), `occasionally` in between.
 */
export const CONTACT_FREQUENCY_CUTS = Object.freeze({
  /** Twice a week, in interactions a month. */
  oftenAtLeast: (2 * 365.25) / 7 / 12,
  /** Once a year, in interactions a month. */
  rarelyAtMost: 1 / 12,
});

/** How often two people were in contact, in Granovetter's (1974) categories. */
export type ContactFrequency = 'often' | 'occasionally' | 'rarely' | 'unknown';

/**
 * The frequency-of-contact category of a number of interactions a month (see
 * {@link CONTACT_FREQUENCY_CUTS}), `unknown` when it is not known.
 *
 * @throws Nothing.
 * @example
 * ```ts
 * contactFrequency(10);   // 'often' (more than twice a week)
 * contactFrequency(2);    // 'occasionally'
 * contactFrequency(0.05); // 'rarely' (less than once a year)
 * contactFrequency(null); // 'unknown'
 * ```
 * @see Granovetter, *Getting a Job: A Study of Contacts and Careers*, Harvard University Press,
 *   1974 (the categories often, occasionally and rarely).
 */
export function contactFrequency(interactionsPerMonth: number | null): ContactFrequency {
  if (interactionsPerMonth === null) return 'unknown';
  if (interactionsPerMonth >= CONTACT_FREQUENCY_CUTS.oftenAtLeast) return 'often';
  if (interactionsPerMonth <= CONTACT_FREQUENCY_CUTS.rarelyAtMost) return 'rarely';
  return 'occasionally';
}

/** A tie between two people as it stood before a hire. */
export interface PairTie {
  /** Whether the two were tied at all (a relationship or a shared group). */
  readonly present: boolean;
  /** The tie's strength (the stronger direction), or `null` without a tie. */
  readonly strength: number | null;
  /** The tie's kinds, strongest evidence first (empty without a tie). */
  readonly kinds: readonly RelationshipKind[];
  /**
   * Years from the earliest `since` of the pair's relationships to the hire date, or `null` when
   * no relationship between them states one.
   */
  readonly ageYears: number | null;
  /** The highest `interactionsPerMonth` among the pair's relationships, or `null` if none states it. */
  readonly interactionsPerMonth: number | null;
  /** {@link contactFrequency} of `interactionsPerMonth`, or `null` without a tie. */
  readonly frequency: ContactFrequency | null;
  /** Contacts both share (the tie's embeddedness), or `null` without a tie. */
  readonly mutualContacts: number | null;
  /** Neighbourhood overlap (Onnela et al. 2007), or `null` without a tie. */
  readonly overlap: number | null;
}

/** A referrer–hire tie's place in the weak/strong split. */
export type TieClass = 'strong' | 'weak' | 'no-tie';

/** One referral hire and the ties it ran over. */
export interface ReferralTies {
  /** Index of the hire in `network.hires`. */
  readonly hire: number;
  /** The person hired. */
  readonly personId: string;
  /** The job. */
  readonly jobId: string;
  /** The hire's date, as recorded. */
  readonly date: string;
  /** The referrer. */
  readonly referrerId: string;
  /** The job's hiring manager. */
  readonly hiringManagerId: string;
  /** The day whose network was measured: the day before the hire. */
  readonly asOf: string;
  /** The referrer–hire tie. */
  readonly referrerToHire: PairTie;
  /** The referrer–hiring-manager tie, or `null` when the referrer is the hiring manager. */
  readonly referrerToManager: PairTie | null;
  /** The referrer–hire tie under `weakThreshold`. */
  readonly tieClass: TieClass;
}

/** The summaries of {@link TieAnalysis}. */
export interface TieAnalysisSummary {
  /** Referral hires with a referrer (one row each). */
  readonly referrals: number;
  /** Hires recorded as referrals without a `referrerId` (not analysed). */
  readonly referralsWithoutReferrer: number;
  /** Referrer–hire ties by strength. */
  readonly strength: Readonly<Record<TieClass, number>>;
  /** Referrer–hire ties by frequency of contact; `no-tie` where the two were not tied. */
  readonly frequency: Readonly<Record<ContactFrequency | 'no-tie', number>>;
  /** Referrer–hiring-manager ties: present, absent, or the referrer was the manager. */
  readonly referrerToManager: Readonly<{ tie: number; noTie: number; referrerIsManager: number }>;
}

/** What {@link tieAnalysis} returns. */
export interface TieAnalysis {
  /** The threshold used. */
  readonly weakThreshold: number;
  /** One entry per referral hire with a referrer, in the order of `network.hires`. */
  readonly referrals: readonly ReferralTies[];
  /** The weak/strong and frequency summaries. */
  readonly summary: TieAnalysisSummary;
}

const pairKey = (a: string, b: string): string => JSON.stringify(a < b ? [a, b] : [b, a]);

/** A day's network with its ties' overlaps indexed by pair. */
interface Measured {
  readonly network: Network;
  readonly overlaps: ReadonlyMap<string, TieOverlap>;
}

function measurePair(then: Measured, a: string, b: string, hireTime: number): PairTie {
  const tie = then.network.tie(a, b);
  if (tie === undefined) {
    return Object.freeze({
      present: false,
      strength: null,
      kinds: Object.freeze([]),
      ageYears: null,
      interactionsPerMonth: null,
      frequency: null,
      mutualContacts: null,
      overlap: null,
    });
  }
  let since: number | undefined;
  let perMonth: number | null = null;
  for (const rel of then.network.relationshipsOf(a)) {
    if (!((rel.source === a && rel.target === b) || (rel.source === b && rel.target === a)))
      continue;
    if (rel.since !== undefined) {
      const t = dateToTime(rel.since);
      if (since === undefined || t < since) since = t;
    }
    if (
      rel.interactionsPerMonth !== undefined &&
      (perMonth === null || rel.interactionsPerMonth > perMonth)
    )
      perMonth = rel.interactionsPerMonth;
  }
  const overlap = then.overlaps.get(pairKey(a, b));
  return Object.freeze({
    present: true,
    strength: tie.strength,
    kinds: tie.kinds,
    ageYears: since === undefined ? null : daysBetween(since, hireTime) / 365.25,
    interactionsPerMonth: perMonth,
    frequency: contactFrequency(perMonth),
    mutualContacts: overlap?.common ?? null,
    overlap: overlap?.overlap ?? null,
  });
}

const kindsText = (tie: PairTie | null): string => (tie === null ? '' : tie.kinds.join(', '));

const COLUMNS: readonly Column<ReferralTies>[] = [
  { label: 'Hire', value: (r) => r.hire },
  { label: 'Date', value: (r) => r.date },
  { label: 'Person', value: (r) => r.personId },
  { label: 'Job', value: (r) => r.jobId },
  { label: 'Referrer', value: (r) => r.referrerId },
  { label: 'Hiring manager', value: (r) => r.hiringManagerId },
  { label: 'Network as of', value: (r) => r.asOf },
  { label: 'Referrer–hire strength', value: (r) => r.referrerToHire.strength },
  { label: 'Referrer–hire class', value: (r) => r.tieClass },
  { label: 'Referrer–hire kinds', value: (r) => kindsText(r.referrerToHire) },
  { label: 'Referrer–hire age (years)', value: (r) => r.referrerToHire.ageYears },
  { label: 'Referrer–hire per month', value: (r) => r.referrerToHire.interactionsPerMonth },
  { label: 'Referrer–hire frequency', value: (r) => r.referrerToHire.frequency },
  { label: 'Referrer–hire mutual contacts', value: (r) => r.referrerToHire.mutualContacts },
  { label: 'Referrer–hire overlap', value: (r) => r.referrerToHire.overlap },
  { label: 'Referrer is manager', value: (r) => r.referrerToManager === null },
  { label: 'Referrer–manager strength', value: (r) => r.referrerToManager?.strength ?? null },
  { label: 'Referrer–manager kinds', value: (r) => kindsText(r.referrerToManager) },
  { label: 'Referrer–manager age (years)', value: (r) => r.referrerToManager?.ageYears ?? null },
  {
    label: 'Referrer–manager mutual contacts',
    value: (r) => r.referrerToManager?.mutualContacts ?? null,
  },
  { label: 'Referrer–manager overlap', value: (r) => r.referrerToManager?.overlap ?? null },
];

/**
 * For each referral hire (channel `referral` with a `referrerId`), the referrer–hire tie and the
 * referrer–hiring-manager tie as they stood before the hire: strength and kinds, age in years at
 * the hire date (from the earliest `since` of the pair's relationships, when one is given), the
 * highest `interactionsPerMonth` of the pair's relationships and its frequency category, mutual
 * contacts (embeddedness) and neighbourhood overlap (Onnela et al. 2007). Without a tie, those
 * are `null`.
 *
 * **Time.** Every measure is taken on the network at the end of the day before the hire's
 * calendar day (UTC), the same rule as `attributeHires`: `createNetwork(dataset, { asOf: <day
 * before>, strengthModel })`, built once per distinct day. Ties that began on the hire day itself
 * are left out, since a hire often creates ties that day (with the manager, with colleagues) that
 * the referral cannot have run over; strengths are measured to that day.
 *
 * **Summaries.** Referrer–hire ties split into `strong` (strength ≥ `weakThreshold`), `weak` and
 * `no-tie`. The default threshold, 0.5, is the middle of the strength scale and, under the default
 * strength model, falls between the kinds Granovetter (1973) counts as acquaintances (former
 * colleagues 0.45, `other` 0.3, group co-members 0.25) and those he counts as strong (colleagues
 * 0.6 up to family 0.85), so a tie's kind decides its side unless its signals move it a good way.
 * It is a convention, not a finding: report results at other thresholds too. The ties also split
 * by Granovetter's (1974) frequency of contact: `often` (at least twice a week, ≥ 2 × 365.25 / 7
 * / 12 ≈ 8.70 interactions a month), `occasionally` (more than once a year, less than twice a
 * week), `rarely` (once a year or less, ≤ 1/12 a month) and `unknown` (no relationship of the pair
 * states `interactionsPerMonth`, e.g. a tie only through a shared group); see
 * {@link CONTACT_FREQUENCY_CUTS}.
 *
 * Runs one neighbourhood-overlap pass (O(m^1.5)) per distinct hire day.
 *
 * @param network - The network.
 * @param options - `weakThreshold` (0.5); `viewer`: measure only the relationships that viewer may
 *   see (see `visibleNetwork`), so a hidden referrer–hire relationship counts as no tie.
 * @returns One entry per referral hire in input order and the summaries; with `toJSON`, `toCSV`
 *   and `toMarkdown` (one row per referral hire).
 * @throws InvalidOptionsError for an unknown option, a `weakThreshold` outside (0, 1] or an
 *   invalid `viewer`.
 * @example
 * ```ts
 * const ties = tieAnalysis(network);
 * ties.summary.strength;  // { strong: 2, weak: 1, 'no-tie': 0 }
 * ties.summary.frequency; // { often: 0, occasionally: 3, rarely: 0, unknown: 0, 'no-tie': 0 }
 * ties.referrals[0]?.referrerToManager?.strength; // e.g. 0.6
 * console.log(ties.toCSV());
 * ```
 * @see Granovetter, "The Strength of Weak Ties", American Journal of Sociology 78(6), 1973.
 * @see Granovetter, *Getting a Job: A Study of Contacts and Careers*, Harvard University Press,
 *   1974 (frequency of contact between the job-finder and the contact).
 * @see Onnela, Saramäki, Hyvönen, Szabó, Lazer, Kaski, Kertész & Barabási, "Structure and tie
 *   strengths in mobile communication networks", PNAS 104(18), 2007.
 * @see Marsden & Campbell, "Measuring Tie Strength", Social Forces 63(2), 1984.
 */
export function tieAnalysis(
  network: Network,
  options?: TieAnalysisOptions,
): TieAnalysis & Exportable {
  checkOptions(options, [...Object.keys(TIE_ANALYSIS_DEFAULTS), 'viewer'], (record, issues) =>
    checkNumber(record, 'weakThreshold', issues, { min: 0, max: 1, minOpen: true }),
  );
  const weakThreshold = options?.weakThreshold ?? TIE_ANALYSIS_DEFAULTS.weakThreshold;
  const networks = new NetworksByDay(viewedBy(network, options?.viewer));
  const measured = new Map<string, Measured>();
  const measuredOn = (eve: string): Measured => {
    let entry = measured.get(eve);
    if (entry === undefined) {
      const then = networks.on(eve);
      const overlaps = new Map<string, TieOverlap>();
      for (const tie of neighborhoodOverlap(then))
        overlaps.set(pairKey(tie.source, tie.target), tie);
      entry = { network: then, overlaps };
      measured.set(eve, entry);
    }
    return entry;
  };

  const referrals: ReferralTies[] = [];
  let referralsWithoutReferrer = 0;
  network.hires.forEach((hire, index) => {
    if (hire.channel !== 'referral') return;
    const referrerId = hire.referrerId;
    if (referrerId === undefined) {
      referralsWithoutReferrer++;
      return;
    }
    const job = network.requireJob(hire.jobId);
    const asOf = hireEve(hire.date);
    const then = measuredOn(asOf);
    const hireTime = dateToTime(hire.date);
    const referrerToHire = measurePair(then, referrerId, hire.personId, hireTime);
    const strength = referrerToHire.strength;
    referrals.push(
      Object.freeze({
        hire: index,
        personId: hire.personId,
        jobId: hire.jobId,
        date: hire.date,
        referrerId,
        hiringManagerId: job.hiringManagerId,
        asOf,
        referrerToHire,
        referrerToManager:
          referrerId === job.hiringManagerId
            ? null
            : measurePair(then, referrerId, job.hiringManagerId, hireTime),
        tieClass: strength === null ? 'no-tie' : strength >= weakThreshold ? 'strong' : 'weak',
      }),
    );
  });

  const count = (test: (row: ReferralTies) => boolean): number => referrals.filter(test).length;
  const summary: TieAnalysisSummary = Object.freeze({
    referrals: referrals.length,
    referralsWithoutReferrer,
    strength: Object.freeze({
      strong: count((r) => r.tieClass === 'strong'),
      weak: count((r) => r.tieClass === 'weak'),
      'no-tie': count((r) => r.tieClass === 'no-tie'),
    }),
    frequency: Object.freeze({
      often: count((r) => r.referrerToHire.frequency === 'often'),
      occasionally: count((r) => r.referrerToHire.frequency === 'occasionally'),
      rarely: count((r) => r.referrerToHire.frequency === 'rarely'),
      unknown: count((r) => r.referrerToHire.frequency === 'unknown'),
      'no-tie': count((r) => r.referrerToHire.frequency === null),
    }),
    referrerToManager: Object.freeze({
      tie: count((r) => r.referrerToManager?.present === true),
      noTie: count((r) => r.referrerToManager?.present === false),
      referrerIsManager: count((r) => r.referrerToManager === null),
    }),
  });
  const { strength, frequency } = summary;
  const notes = [
    `Referrer–hire ties (strong at strength ≥ ${weakThreshold}): ${strength.strong} strong, ${strength.weak} weak, ${strength['no-tie']} without a tie.`,
    `Frequency of contact (Granovetter 1974): ${frequency.often} often (≥ ${CONTACT_FREQUENCY_CUTS.oftenAtLeast.toFixed(2)} a month), ` +
      `${frequency.occasionally} occasionally, ${frequency.rarely} rarely (≤ 1 a year), ${frequency.unknown} unknown, ${frequency['no-tie']} without a tie.`,
    `Referrer–manager ties: ${summary.referrerToManager.tie} present, ${summary.referrerToManager.noTie} absent, ` +
      `${summary.referrerToManager.referrerIsManager} where the referrer was the manager.`,
    ...(referralsWithoutReferrer > 0
      ? [`${referralsWithoutReferrer} referral hire(s) without a referrer are not analysed.`]
      : []),
    'Ties are measured on the network at the end of the day before each hire.',
  ];
  return exportable(
    { weakThreshold, referrals: Object.freeze(referrals), summary },
    'The ties referrals ran over',
    COLUMNS,
    referrals,
    notes,
  );
}

/**
 * The summary of a hiring simulation: hires and applications by channel, referral shares, and
 * vacancy chains (White 1970).
 *
 * @module
 */
import type { Column } from './report.js';
import type { RunOutcome, StepRecord } from './simulate-run.js';

/** Counts by channel. */
export interface ChannelCounts {
  readonly referral: number;
  readonly posting: number;
}

/** Vacancy chains: each job opened at the start (or open in the network) starts one. */
export interface VacancyChainSummary {
  /** Number of chains (jobs open at the start). */
  readonly count: number;
  /** Mean number of jobs filled along a chain (its moves, in White's terms). */
  readonly meanLength: number | null;
  /** The most jobs filled along one chain. */
  readonly maxLength: number;
}

/** What a hiring simulation produced, in numbers. */
export interface SimulationSummary {
  /** Rounds run. */
  readonly steps: number;
  /** Jobs open at the start: those already open in the network plus `jobs` new ones. */
  readonly initialJobs: number;
  /** Vacancies opened by hires of employed people. */
  readonly vacancies: number;
  /** Hires of employed people whose old job could not reopen (nobody left there to hire). */
  readonly vacanciesWithoutManager: number;
  /** Jobs filled during the run. */
  readonly jobsFilled: number;
  /** Jobs still open at the end. */
  readonly jobsOpen: number;
  /** Hires made. */
  readonly hires: number;
  readonly hiresByChannel: ChannelCounts;
  /** Share of hires that were referrals, or `null` without hires. */
  readonly referralShare: number | null;
  /** Applications made. */
  readonly applications: number;
  readonly applicationsByChannel: ChannelCounts;
  /** Share of applications that were referred, or `null` without applications. */
  readonly referralApplicationShare: number | null;
  readonly vacancyChains: VacancyChainSummary;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Summarises a run. */
export function summariseRun(outcome: RunOutcome, steps: number): SimulationSummary {
  const referralHires = outcome.hires.filter((h) => h.channel === 'referral').length;
  const referralApplications = outcome.applications.filter((a) => a.channel === 'referral').length;
  const chains = new Map<string, number>();
  let filled = 0;
  let vacancies = 0;
  for (const job of outcome.jobs) {
    if (job.origin === 'vacancy') vacancies++;
    else chains.set(job.id, 0);
    if (job.status === 'filled') {
      filled++;
      chains.set(job.chainRoot, (chains.get(job.chainRoot) ?? 0) + 1);
    }
  }
  const lengths = [...chains.values()];
  return Object.freeze({
    steps,
    initialJobs: outcome.jobs.length - vacancies,
    vacancies,
    vacanciesWithoutManager: outcome.vacanciesWithoutManager,
    jobsFilled: filled,
    jobsOpen: outcome.jobs.length - filled,
    hires: outcome.hires.length,
    hiresByChannel: Object.freeze({
      referral: referralHires,
      posting: outcome.hires.length - referralHires,
    }),
    referralShare: share(referralHires, outcome.hires.length),
    applications: outcome.applications.length,
    applicationsByChannel: Object.freeze({
      referral: referralApplications,
      posting: outcome.applications.length - referralApplications,
    }),
    referralApplicationShare: share(referralApplications, outcome.applications.length),
    vacancyChains: Object.freeze({
      count: lengths.length,
      meanLength: lengths.length === 0 ? null : lengths.reduce((a, b) => a + b, 0) / lengths.length,
      maxLength: lengths.reduce((a, b) => Math.max(a, b), 0),
    }),
  });
}

/** The per-round table of a simulation (CSV and Markdown). */
export const STEP_COLUMNS: readonly Column<StepRecord>[] = [
  { label: 'step', value: (r) => r.step },
  { label: 'date', value: (r) => r.date },
  { label: 'open jobs', value: (r) => r.openJobs },
  { label: 'applications', value: (r) => r.applications },
  { label: 'referral applications', value: (r) => r.referralApplications },
  { label: 'hires', value: (r) => r.hires },
  { label: 'referral hires', value: (r) => r.referralHires },
  { label: 'vacancies opened', value: (r) => r.vacanciesOpened },
];

/** The lines under the Markdown table. */
export function summaryNotes(summary: SimulationSummary): string[] {
  const percent = (value: number | null): string =>
    value === null ? '–' : `${(100 * value).toFixed(1)}%`;
  return [
    `Hires: ${summary.hires} (${summary.hiresByChannel.referral} by referral, ${percent(summary.referralShare)}).`,
    `Applications: ${summary.applications} (${summary.applicationsByChannel.referral} referred, ${percent(summary.referralApplicationShare)}).`,
    `Vacancy chains: ${summary.vacancyChains.count} started, ${summary.vacancies} vacancies opened, mean length ${summary.vacancyChains.meanLength?.toFixed(2) ?? '–'}, longest ${summary.vacancyChains.maxLength}.`,
    'Simulated data (simulateHiring): a model, not observations.',
  ];
}

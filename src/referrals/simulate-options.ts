/**
 * The options of `simulateHiring`, their defaults and their checks.
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import type { Issue } from '../errors.js';
import type { ViewerOptions } from '../model/visibility.js';
import { INTRODUCTION_DEFAULTS } from '../paths/options.js';
import { checkDay } from './market.js';

/** Options of `simulateHiring`. */
export interface SimulationOptions extends ViewerOptions {
  /** Jobs opened at the start, each at the employer of a random employed person (default 20). */
  readonly jobs?: number;
  /** Rounds of applying and hiring (default 12); a vacancy opened in one round is filled from the next. */
  readonly steps?: number;
  /** Chance that a job seeker sees (and answers) a job's posting, per job and round, in [0, 1] (default 0.05). */
  readonly postingReach?: number;
  /** Chance, per unit of tie strength, that an employee refers a seeker they know, in [0, 1] (default 0.3). */
  readonly referralPropensity?: number;
  /** Odds multiplier of a referred applicant in the manager's choice, ≥ 1 (default 2; 1 = no preference). */
  readonly managerPreference?: number;
  /** Applicants drawn for interview per hire (the first drawn is hired), an integer ≥ 1 (default 3). */
  readonly interviews?: number;
  /** Willingness of `'ask-first'` employees to refer, in [0, 1] (default 0.8, as for introductions). */
  readonly askFirstWillingness?: number;
  /** Who looks for a job: person ids (default: everyone without an organisation, and everyone tagged `job-seeker`). */
  readonly seekers?: readonly string[];
  /** Date of the first round, `YYYY-MM-DD` (default: the day after the network's latest date, else 2025-01-01). */
  readonly start?: string;
  /** Days between rounds, an integer ≥ 1 (default 7). */
  readonly stepDays?: number;
  /** Seed of every random draw (default 1): the same network, options and seed give the same result. */
  readonly seed?: number;
}

/** The defaults of {@link SimulationOptions}. */
export const SIMULATION_DEFAULTS = Object.freeze({
  jobs: 20,
  steps: 12,
  postingReach: 0.05,
  referralPropensity: 0.3,
  managerPreference: 2,
  interviews: 3,
  askFirstWillingness: INTRODUCTION_DEFAULTS.askFirstWillingness,
  stepDays: 7,
  seed: 1,
});

/** Options after checking, with defaults filled in (`start` and `seekers` stay optional). */
export type ResolvedSimulationOptions = {
  -readonly [K in keyof typeof SIMULATION_DEFAULTS]: number;
} & { start: string | undefined; seekers: readonly string[] | undefined };

/** The names `simulateHiring` accepts. */
export const SIMULATION_OPTION_NAMES: readonly string[] = [
  ...Object.keys(SIMULATION_DEFAULTS),
  'seekers',
  'start',
  'viewer',
];

/** Checks the options shared by `simulateHiring` and `sweepReferralShare` into `issues`. */
export function checkSimulationFields(record: Record<string, unknown>, issues: Issue[]): void {
  checkNumber(record, 'jobs', issues, { min: 0, integer: true });
  checkNumber(record, 'steps', issues, { min: 1, integer: true });
  checkNumber(record, 'postingReach', issues, { min: 0, max: 1 });
  checkNumber(record, 'referralPropensity', issues, { min: 0, max: 1 });
  checkNumber(record, 'managerPreference', issues, { min: 1 });
  checkNumber(record, 'interviews', issues, { min: 1, integer: true });
  checkNumber(record, 'askFirstWillingness', issues, { min: 0, max: 1 });
  checkNumber(record, 'stepDays', issues, { min: 1, integer: true });
  checkNumber(record, 'seed', issues, { integer: true });
  checkDay(record, 'start', issues);
  const seekers = record['seekers'];
  if (
    seekers !== undefined &&
    !(Array.isArray(seekers) && seekers.every((id) => typeof id === 'string'))
  ) {
    issues.push({
      code: 'invalid_type',
      path: 'seekers',
      message: 'must be an array of person ids',
    });
  }
}

/**
 * Checks `options` and fills in the defaults.
 * @throws InvalidOptionsError listing every problem.
 */
export function resolveSimulationOptions(options: unknown): ResolvedSimulationOptions {
  checkOptions(options, SIMULATION_OPTION_NAMES, checkSimulationFields);
  const given = (options ?? {}) as SimulationOptions;
  return {
    jobs: given.jobs ?? SIMULATION_DEFAULTS.jobs,
    steps: given.steps ?? SIMULATION_DEFAULTS.steps,
    postingReach: given.postingReach ?? SIMULATION_DEFAULTS.postingReach,
    referralPropensity: given.referralPropensity ?? SIMULATION_DEFAULTS.referralPropensity,
    managerPreference: given.managerPreference ?? SIMULATION_DEFAULTS.managerPreference,
    interviews: given.interviews ?? SIMULATION_DEFAULTS.interviews,
    askFirstWillingness: given.askFirstWillingness ?? SIMULATION_DEFAULTS.askFirstWillingness,
    stepDays: given.stepDays ?? SIMULATION_DEFAULTS.stepDays,
    seed: given.seed ?? SIMULATION_DEFAULTS.seed,
    start: given.start,
    seekers: given.seekers === undefined ? undefined : [...given.seekers],
  };
}

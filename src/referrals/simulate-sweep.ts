/**
 * `sweepReferralShare`: the referral share of hires over a grid of simulation assumptions, each
 * combination run with several seeds — under which assumptions does it reach, say, 70%?
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import type { Issue } from '../errors.js';
import { createNetwork } from '../model/create.js';
import { Network } from '../model/network.js';
import type { NetworkInput } from '../model/schema.js';
import { type Column, type Exportable, exportable } from './report.js';
import { simulateHiring } from './simulate.js';
import {
  checkSimulationFields,
  SIMULATION_DEFAULTS,
  SIMULATION_OPTION_NAMES,
  type SimulationOptions,
} from './simulate-options.js';

/** The swept parameters. */
const SWEPT = ['postingReach', 'referralPropensity', 'managerPreference'] as const;

/** Options of {@link sweepReferralShare}. */
export interface SweepOptions
  extends Omit<
    SimulationOptions,
    'postingReach' | 'referralPropensity' | 'managerPreference' | 'seed'
  > {
  /** Values of `postingReach` to try (default: the simulation's default alone). */
  readonly postingReach?: readonly number[];
  /** Values of `referralPropensity` to try (default: the simulation's default alone). */
  readonly referralPropensity?: readonly number[];
  /** Values of `managerPreference` to try (default: the simulation's default alone). */
  readonly managerPreference?: readonly number[];
  /** Seeds each combination runs with (default [1, 2, 3, 4, 5]). */
  readonly seeds?: readonly number[];
  /** The referral share of interest, in [0, 1] (default 0.7). */
  readonly target?: number;
}

/** The defaults of {@link SweepOptions} (the rest are `SIMULATION_DEFAULTS`). */
export const SWEEP_DEFAULTS = Object.freeze({
  seeds: Object.freeze([1, 2, 3, 4, 5]) as readonly number[],
  target: 0.7,
});

/** One combination of the grid, over its seeds. */
export interface SweepRow {
  readonly postingReach: number;
  readonly referralPropensity: number;
  readonly managerPreference: number;
  /** Runs (seeds), and how many of them made at least one hire. */
  readonly runs: number;
  readonly runsWithHires: number;
  /** Hires over all runs. */
  readonly hires: number;
  /** Mean over runs with hires of each run's referral share of hires, or `null` if none hired. */
  readonly meanReferralShare: number | null;
  /** Standard deviation of the runs' shares (n − 1), and the standard error of the mean. */
  readonly sd: number | null;
  readonly standardError: number | null;
  readonly minReferralShare: number | null;
  readonly maxReferralShare: number | null;
  /** Mean over runs of the referral share of applications. */
  readonly meanReferralApplicationShare: number | null;
  /** Whether `meanReferralShare` ≥ target. */
  readonly reachesTarget: boolean;
}

/** The result of {@link sweepReferralShare}. */
export interface SweepResult {
  /** Rows in grid order: `postingReach` outermost, `managerPreference` innermost. */
  readonly rows: readonly SweepRow[];
  readonly target: number;
  /** The rows whose mean referral share reaches the target, in grid order. */
  readonly reaching: readonly SweepRow[];
  readonly seeds: readonly number[];
}

const COLUMNS: readonly Column<SweepRow>[] = [
  { label: 'posting reach', value: (r) => r.postingReach },
  { label: 'referral propensity', value: (r) => r.referralPropensity },
  { label: 'manager preference', value: (r) => r.managerPreference },
  { label: 'runs', value: (r) => r.runs },
  { label: 'hires', value: (r) => r.hires },
  { label: 'mean referral share', value: (r) => r.meanReferralShare },
  { label: 'sd', value: (r) => r.sd },
  { label: 'standard error', value: (r) => r.standardError },
  { label: 'min', value: (r) => r.minReferralShare },
  { label: 'max', value: (r) => r.maxReferralShare },
  { label: 'mean referral share of applications', value: (r) => r.meanReferralApplicationShare },
  { label: 'reaches target', value: (r) => r.reachesTarget },
];

function checkList(
  record: Record<string, unknown>,
  key: string,
  issues: Issue[],
  check: (item: Record<string, unknown>, itemIssues: Issue[]) => void,
): void {
  const value = record[key];
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({
      code: 'invalid_type',
      path: key,
      message: 'must be a non-empty array of numbers',
    });
    return;
  }
  value.forEach((item, i) => {
    const itemIssues: Issue[] = [];
    check({ [key]: item }, itemIssues);
    for (const issue of itemIssues) issues.push({ ...issue, path: `${key}[${i}]` });
  });
}

/**
 * Runs {@link simulateHiring} for every combination of `postingReach` × `referralPropensity` ×
 * `managerPreference` and every seed, on the same network with the same other options, and
 * reports the referral share of hires per combination: its mean over seeds (runs without hires
 * left out), spread and standard error, and whether the mean reaches `target`.
 *
 * The runs of one combination differ only in their seed, so the standard error measures the
 * simulation's noise, not uncertainty about the assumptions themselves.
 *
 * @param base - A `Network`, or a dataset to build one from (built once).
 * @param options - The grid (`postingReach`, `referralPropensity`, `managerPreference`: arrays),
 *   `seeds` ([1..5]), `target` (0.7), and any fixed option of `simulateHiring`.
 * @returns `{ rows, reaching, target, seeds }`, exportable (one row per combination).
 * @throws InvalidOptionsError for an empty grid, a value out of range or an unknown option.
 * @throws UnknownEntityError, InvalidNetworkError as `simulateHiring` does.
 * @example
 * ```ts
 * const sweep = sweepReferralShare(generateMarket({ people: 2000 }), {
 *   referralPropensity: [0.2, 0.5, 0.8],
 *   managerPreference: [1, 3, 10],
 *   seeds: [1, 2, 3],
 * });
 * sweep.reaching.map((r) => [r.referralPropensity, r.managerPreference]);
 * console.log(sweep.toMarkdown());
 * ```
 * @see Fernandez & Weinberg, "Sifting and Sorting", American Sociological Review 62(6), 1997.
 */
export function sweepReferralShare(
  base: Network | NetworkInput,
  options: SweepOptions = {},
): SweepResult & Exportable {
  const fixedNames = SIMULATION_OPTION_NAMES.filter(
    (name) => name !== 'seed' && !(SWEPT as readonly string[]).includes(name),
  );
  checkOptions(options, [...fixedNames, ...SWEPT, 'seeds', 'target'], (record, issues) => {
    const fixed = Object.fromEntries(fixedNames.map((name) => [name, record[name]]));
    checkSimulationFields(fixed, issues);
    for (const key of SWEPT) checkList(record, key, issues, checkSimulationFields);
    checkList(record, 'seeds', issues, (item, itemIssues) =>
      checkNumber(item, 'seeds', itemIssues, { integer: true }),
    );
    checkNumber(record, 'target', issues, { min: 0, max: 1 });
  });
  const network = base instanceof Network ? base : createNetwork(base);
  const { postingReach, referralPropensity, managerPreference, seeds, target, ...fixed } = options;
  const reaches = postingReach ?? [SIMULATION_DEFAULTS.postingReach];
  const propensities = referralPropensity ?? [SIMULATION_DEFAULTS.referralPropensity];
  const preferences = managerPreference ?? [SIMULATION_DEFAULTS.managerPreference];
  const seedList = [...(seeds ?? SWEEP_DEFAULTS.seeds)];
  const goal = target ?? SWEEP_DEFAULTS.target;

  const rows: SweepRow[] = [];
  for (const reach of reaches) {
    for (const propensity of propensities) {
      for (const preference of preferences) {
        const shares: number[] = [];
        const applicationShares: number[] = [];
        let hires = 0;
        for (const seed of seedList) {
          const { summary } = simulateHiring(network, {
            ...fixed,
            postingReach: reach,
            referralPropensity: propensity,
            managerPreference: preference,
            seed,
          });
          hires += summary.hires;
          if (summary.referralShare !== null) shares.push(summary.referralShare);
          if (summary.referralApplicationShare !== null)
            applicationShares.push(summary.referralApplicationShare);
        }
        rows.push(
          row(
            reach,
            propensity,
            preference,
            seedList.length,
            hires,
            shares,
            applicationShares,
            goal,
          ),
        );
      }
    }
  }
  const frozen = Object.freeze(rows);
  return exportable(
    {
      rows: frozen,
      target: goal,
      reaching: Object.freeze(frozen.filter((r) => r.reachesTarget)),
      seeds: Object.freeze(seedList),
    },
    'Referral share of hires by assumption',
    COLUMNS,
    frozen,
    [
      `Each row: ${seedList.length} seeded runs of simulateHiring; mean, sd and standard error over the runs with hires.`,
      `Rows reaching a ${(100 * goal).toFixed(0)}% referral share: ${frozen.filter((r) => r.reachesTarget).length} of ${frozen.length}.`,
    ],
  );
}

function row(
  postingReach: number,
  referralPropensity: number,
  managerPreference: number,
  runs: number,
  hires: number,
  shares: readonly number[],
  applicationShares: readonly number[],
  target: number,
): SweepRow {
  const mean = (values: readonly number[]): number | null =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  const m = mean(shares);
  const sd =
    m === null || shares.length < 2
      ? null
      : Math.sqrt(shares.reduce((a, s) => a + (s - m) ** 2, 0) / (shares.length - 1));
  return Object.freeze({
    postingReach,
    referralPropensity,
    managerPreference,
    runs,
    runsWithHires: shares.length,
    hires,
    meanReferralShare: m,
    sd,
    standardError: sd === null ? null : sd / Math.sqrt(shares.length),
    minReferralShare: shares.length === 0 ? null : Math.min(...shares),
    maxReferralShare: shares.length === 0 ? null : Math.max(...shares),
    meanReferralApplicationShare: mean(applicationShares),
    reachesTarget: m !== null && m >= target,
  });
}

/**
 * `simulateHiring`: a seeded agent-based hiring market in which jobs fill through postings and
 * employees' referrals, and every hire of an employed person opens a vacancy behind them.
 *
 * @module
 */
import { InvalidOptionsError, type MissingEntity, UnknownEntityError } from '../errors.js';
import { createNetwork } from '../model/create.js';
import { dateToTime, timeToDate } from '../model/dates.js';
import { Network } from '../model/network.js';
import type { Dataset, NetworkInput } from '../model/schema.js';
import { closest } from '../model/suggest.js';
import { viewedBy } from '../model/visibility.js';
import { type Exportable, exportable } from './report.js';
import { simulatedDataset } from './simulate-dataset.js';
import {
  type ResolvedSimulationOptions,
  resolveSimulationOptions,
  type SimulationOptions,
} from './simulate-options.js';
import { type PreparedMarket, prepareMarket } from './simulate-prepare.js';
import { runHiring, type StepRecord } from './simulate-run.js';
import {
  type SimulationSummary,
  STEP_COLUMNS,
  summariseRun,
  summaryNotes,
} from './simulate-summary.js';

/** The result of {@link simulateHiring}. */
export interface SimulationResult {
  /** The network's data plus the run: jobs, hires, applications and people's moves. */
  readonly dataset: Dataset;
  /** Hires and applications by channel, referral shares, vacancy chains. */
  readonly summary: SimulationSummary;
  /** What happened in each round. */
  readonly steps: readonly StepRecord[];
  /** The options used, defaults filled in (`start` resolved). */
  readonly options: Readonly<ResolvedSimulationOptions> & { readonly start: string };
}

const DAY = 86_400_000;

/**
 * Simulates a hiring market on a network, seeded: the same network, options and seed give a
 * deep-equal result; another seed gives another run.
 *
 * The model (docs/referrals.md), round by round, the open jobs in a random order:
 * 1. **Applicants.** Each employee e of the hiring organisation (the hiring manager included)
 *    refers each job seeker s they are tied to with probability
 *    `referralPropensity × strength(s → e) × willingness(e)` — the first hop of an introduction
 *    chain, with willingness 1 for `'open'` people and the manager, `askFirstWillingness` for
 *    `'ask-first'` and 0 for `'never'`. A seeker referred at least once applies as a referral,
 *    credited to the employee with the strongest tie. Every other seeker sees the posting with
 *    probability `postingReach` and applies. Staff of the hiring organisation do not apply.
 * 2. **Choice.** With any applicants, the manager hires one: referred applicants have
 *    `managerPreference` times the odds of the others (a conditional logit with referral
 *    coefficient ln w), so a referral is hired with probability w·R / (w·R + P) for R referred
 *    and P posting applicants. Later draws of the same weighted order (`interviews − 1` of them)
 *    were interviewed; the rest are rejected. Without applicants, the job waits for the next round.
 * 3. **Moves.** The hired person leaves the seekers, joins the organisation with the job's title
 *    and a new position. If they were employed, their old job reopens (same title and
 *    organisation, hired for by their manager: the manager of the job they took here, else a
 *    `manager` relationship, else the first hiring manager still there) and takes applicants from
 *    the next round: a vacancy chain, ending when an unemployed person is hired (White 1970).
 *
 * Seekers are people without an organisation and people tagged `job-seeker` (or `seekers`). The
 * market is closed: nobody enters, retires or is laid off, and people hired stop looking. Cost
 * per round is the ties of the hiring organisations' staff plus seekers × open jobs: a market of
 * 10,000 people runs in well under a second once its network is built.
 *
 * @param network - A `Network`, or a dataset to build one from with `createNetwork`.
 * @param options - `jobs` (20), `steps` (12), `postingReach` (0.05), `referralPropensity` (0.3),
 *   `managerPreference` (2), `interviews` (3), `askFirstWillingness` (0.8), `seekers`, `start`,
 *   `stepDays` (7), `seed` (1), `viewer` (run on `visibleNetwork(network, viewer)`: referrals
 *   only over relationships that viewer may see, and only those in the resulting `dataset`).
 * @returns `{ dataset, summary, steps, options }`, exportable (the per-round table).
 *   `dataset` is a complete dataset for `createNetwork`: new jobs carry
 *   `attributes.simulated`, `origin` (`new` or `vacancy`), `chainRoot`, `chainPosition`, and for
 *   vacancies `leftBy` and `causedBy`.
 * @throws InvalidOptionsError for invalid options, or `jobs` > 0 in a network where nobody works
 *   at an organisation.
 * @throws UnknownEntityError for `seekers` the network does not have.
 * @throws InvalidNetworkError when given a dataset that is not valid.
 * @example
 * ```ts
 * const market = generateMarket({ people: 2000, seed: 1 });
 * const result = simulateHiring(market, { jobs: 40, steps: 10, managerPreference: 3, seed: 1 });
 * result.summary.referralShare;          // share of hires that came through referrals
 * const after = createNetwork(result.dataset);
 * console.log(result.toMarkdown());
 * ```
 * @see White, Chains of Opportunity: System Models of Mobility in Organizations, Harvard UP, 1970.
 * @see Granovetter, Getting a Job: A Study of Contacts and Careers, Harvard UP, 1974.
 * @see Fernandez & Weinberg, "Sifting and Sorting: Personal Contacts and Hiring in a Retail Bank", American Sociological Review 62(6), 1997.
 * @see Luce, Individual Choice Behavior, 1959; Plackett, "The Analysis of Permutations", Applied Statistics 24(2), 1975.
 */
export function simulateHiring(
  network: Network | NetworkInput,
  options?: SimulationOptions,
): SimulationResult & Exportable {
  const resolved = resolveSimulationOptions(options);
  const built = viewedBy(
    network instanceof Network ? network : createNetwork(network),
    options?.viewer,
  );
  const prep = prepareMarket(built);
  const seekers = resolveSeekers(prep, resolved.seekers);
  if (resolved.jobs > 0 && !prep.initialOrganization.some((org) => org !== -1)) {
    throw new InvalidOptionsError([
      {
        code: 'out_of_range',
        path: 'jobs',
        message: 'nobody in the network works at an organisation, so no job can be opened',
      },
    ]);
  }
  const start =
    resolved.start ??
    (built.referenceDate === undefined
      ? '2025-01-01'
      : timeToDate(dateToTime(built.referenceDate) + DAY));
  const outcome = runHiring(prep, resolved, seekers, dateToTime(start));
  const summary = summariseRun(outcome, resolved.steps);
  return exportable(
    {
      dataset: simulatedDataset(prep, outcome),
      summary,
      steps: Object.freeze(outcome.steps.map((s) => Object.freeze(s))),
      options: Object.freeze({ ...resolved, start }),
    },
    'Simulated hiring',
    STEP_COLUMNS,
    outcome.steps,
    summaryNotes(summary),
  );
}

/** Person indices of the seekers, ascending; unknown ids throw together. */
function resolveSeekers(prep: PreparedMarket, ids: readonly string[] | undefined): number[] {
  if (ids === undefined) return [...prep.defaultSeekers];
  const missing: MissingEntity[] = [];
  const found = new Set<number>();
  for (const id of ids) {
    const index = prep.indexOf.get(id);
    if (index === undefined)
      missing.push({ entity: 'person', id, suggestion: closest(id, prep.indexOf.keys()) });
    else found.add(index);
  }
  if (missing.length > 0) throw new UnknownEntityError(missing);
  return [...found].sort((a, b) => a - b);
}

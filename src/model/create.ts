/**
 * `createNetwork`: the one door from untrusted data to a {@link Network}.
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { asOfTime, datasetAsOf, latestTime } from './as-of.js';
import { dateProblem } from './dates.js';
import { Network } from './network.js';
import type { NetworkInput } from './schema.js';
import { resolveStrengthModel, type StrengthModelOptions } from './strength.js';
import { didYouMean } from './suggest.js';
import { validateDataset } from './validate.js';

/** Options of {@link createNetwork}. */
export interface CreateNetworkOptions {
  /**
   * Build the network as it stood at this moment: an ISO 8601 date (meaning the end of that day,
   * UTC), a date-time with a zone, or a `Date`. Relationships that began after it or ended
   * before it, and hires, applications and jobs after it, are left out (see docs/model.md).
   * Recency and duration of ties are measured to it.
   */
  readonly asOf?: string | Date;
  /** Changes to the tie-strength model; unspecified parameters keep their defaults. */
  readonly strengthModel?: StrengthModelOptions;
}

const OPTION_NAMES = ['asOf', 'strengthModel'] as const;

function resolveAsOf(asOf: unknown, issues: Issue[]): string | undefined {
  if (asOf === undefined) return undefined;
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) {
      issues.push({ code: 'invalid_date', path: 'asOf', message: 'is an invalid Date' });
      return undefined;
    }
    return asOf.toISOString();
  }
  if (typeof asOf !== 'string') {
    issues.push({
      code: 'invalid_type',
      path: 'asOf',
      message: `must be an ISO 8601 date string or a Date, got ${typeof asOf}`,
    });
    return undefined;
  }
  const problem = dateProblem(asOf);
  if (problem) issues.push({ code: 'invalid_date', path: 'asOf', message: problem });
  return problem ? undefined : asOf;
}

/**
 * Validates a dataset and builds a {@link Network} from it.
 *
 * Checks the shape of every record (zod) and every reference between records (a relationship's
 * people, a job's organisation and hiring manager, group members, hires and applications), ids
 * unique per collection, strengths in (0, 1], finite numbers, real dates in order. Collects all
 * problems before throwing. Never changes `input`; the network holds a frozen copy.
 *
 * @param input - The dataset: `{ people, organizations, jobs, groups, relationships, hires, applications }`,
 *   every collection optional. See docs/model.md.
 * @param options - `asOf` to see the network at a point in time, `strengthModel` to tune strengths.
 * @returns The network.
 * @throws InvalidNetworkError listing every problem in `input`, each with its path
 *   (e.g. `relationships[12].target`) and a message (e.g. `unknown person "jaocb" (did you mean "jacob"?)`).
 * @throws InvalidOptionsError if an option is invalid.
 * @example
 * ```ts
 * import { createNetwork } from 'warmpath';
 *
 * const network = createNetwork({
 *   people: [{ id: 'jacob', name: 'Jacob' }, { id: 'michael', name: 'Michael' }],
 *   relationships: [{ source: 'jacob', target: 'michael', kind: 'friend', interactionsPerMonth: 2 }],
 * });
 * network.tie('jacob', 'michael')?.strength; // 0.75 × frequency 0.92 ≈ 0.69
 * ```
 * @see Granovetter (1973) and Gilbert & Karahalios (2009) for the strength model (docs/tie-strength.md).
 */
export function createNetwork(input: NetworkInput, options: CreateNetworkOptions = {}): Network {
  const issues: Issue[] = [];
  if (typeof options !== 'object' || options === null) {
    const got = options === null ? 'null' : typeof options;
    throw new InvalidOptionsError([
      { code: 'invalid_type', path: '', message: `options must be an object, got ${got}` },
    ]);
  }
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      issues.push({
        code: 'unknown_field',
        path: key,
        message: `unknown option ${JSON.stringify(key)}${didYouMean(key, OPTION_NAMES)}`,
      });
    }
  }
  const asOf = resolveAsOf(options.asOf, issues);
  let strengthModel: ReturnType<typeof resolveStrengthModel> | undefined;
  try {
    strengthModel = resolveStrengthModel(options.strengthModel);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || strengthModel === undefined) throw new InvalidOptionsError(issues);

  const full = validateDataset(input);
  if (asOf === undefined) {
    return new Network(full, { asOf, referenceTime: latestTime(full), strengthModel });
  }
  const time = asOfTime(asOf);
  return new Network(datasetAsOf(full, time), { asOf, referenceTime: time, strengthModel });
}

/**
 * The network as it stood at `asOf`, with the same strength model: what the `asOf` option of a
 * query looks at. Never later than the network itself shows.
 * @throws InvalidOptionsError for an invalid date, or one after the network's own `asOf`.
 */
export function networkAsOf(network: Network, asOf: string | Date): Network {
  const view = createNetwork(network.dataset, { asOf, strengthModel: network.strengthModel });
  if (
    network.asOf !== undefined &&
    view.referenceDate !== undefined &&
    network.referenceDate !== undefined &&
    view.referenceDate > network.referenceDate
  ) {
    throw new InvalidOptionsError([
      {
        code: 'out_of_range',
        path: 'asOf',
        message: `this network already shows ${network.asOf}; it cannot show a later date`,
      },
    ]);
  }
  return view;
}

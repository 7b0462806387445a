/**
 * The options of `findIntroductions` and `introductionPaths`, their defaults, and their checks.
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { didYouMean } from '../model/suggest.js';
import { type Viewer, viewerIssues } from '../model/visibility.js';
import { MAX_CHAINS_FOR_EXACT_UNION } from './at-least-one.js';

/** Whom the chains should reach. */
export type IntroductionTarget =
  | string
  | { readonly job: string }
  | { readonly organization: string };

/** How alternative chains relate to each other. */
export type Diversity = 'none' | 'disjoint' | { readonly penalty: number };

/** Options of `findIntroductions`. */
export interface IntroductionOptions {
  /** The candidate: a person id. */
  readonly from: string;
  /** A person id, `{ job }` (its hiring manager) or `{ organization }` (anyone currently there). */
  readonly to: IntroductionTarget;
  /** How many chains (default 3, at most 20). */
  readonly k?: number;
  /** At most this many hops per chain (default 4; a positive integer, or `Infinity`). */
  readonly maxHops?: number;
  /** Ties weaker than this (in the direction walked) are not used. In (0, 1]. */
  readonly minStrength?: number;
  /** People never used as intermediaries. */
  readonly avoid?: readonly string[];
  /** Organisations whose current staff are never used as intermediaries. */
  readonly avoidOrganizations?: readonly string[];
  /** `'none'` (default): the k likeliest chains; `'disjoint'`: no shared intermediary; `{ penalty }`: a trade-off. */
  readonly diversity?: Diversity;
  /** Willingness of `'ask-first'` intermediaries to pass an introduction on (default 0.8), in (0, 1]. */
  readonly askFirstWillingness?: number;
  /** Find chains in the network as it stood at this date (see `createNetwork`'s `asOf`). */
  readonly asOf?: string | Date;
  /** Aborts a long search; the search then throws the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * The most people the query may settle, over all its searches (default `Infinity`): a cap on
   * work that does not depend on the clock. Reaching it throws `WorkLimitError`.
   */
  readonly maxExpansions?: number;
  /**
   * The most chains the query may build, counting Yen's candidates and the generator's chains
   * (default `Infinity`). Reaching it throws `WorkLimitError`.
   */
  readonly maxChains?: number;
  /**
   * Find chains as this viewer sees the network: only relationships they may see carry chains
   * (see `visibleNetwork`). Needs a `Network`, not a compiled one.
   */
  readonly viewer?: Viewer;
}

/** The defaults of {@link IntroductionOptions}. */
export const INTRODUCTION_DEFAULTS = Object.freeze({
  k: 3,
  maxHops: 4,
  minStrength: undefined as number | undefined,
  diversity: 'none' as Diversity,
  askFirstWillingness: 0.8,
  maxExpansions: Number.POSITIVE_INFINITY,
  maxChains: Number.POSITIVE_INFINITY,
});

const OPTION_NAMES = [
  'from',
  'to',
  'k',
  'maxHops',
  'minStrength',
  'avoid',
  'avoidOrganizations',
  'diversity',
  'askFirstWillingness',
  'asOf',
  'signal',
  'maxExpansions',
  'maxChains',
  'viewer',
] as const;

/** Options after checking, with defaults filled in. */
export interface ResolvedOptions {
  readonly from: string;
  readonly to: IntroductionTarget;
  readonly k: number;
  readonly maxHops: number;
  readonly minStrength: number | undefined;
  readonly avoid: readonly string[];
  readonly avoidOrganizations: readonly string[];
  readonly diversity: Diversity;
  readonly askFirstWillingness: number;
  readonly asOf: string | Date | undefined;
  readonly signal: AbortSignal | undefined;
  readonly maxExpansions: number;
  readonly maxChains: number;
  readonly viewer: Viewer | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';

function idList(value: unknown, path: string, issues: Issue[]): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isId)) {
    issues.push({
      code: 'invalid_type',
      path,
      message: 'must be an array of ids (non-empty strings)',
    });
    return [];
  }
  return value;
}

function workCap(value: unknown, path: string, issues: Issue[]): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (
    !(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && (value as number) >= 1))
  ) {
    issues.push({
      code: 'out_of_range',
      path,
      message: `must be a positive integer or Infinity, got ${String(value)}`,
    });
  }
  return value as number;
}

function probability(value: unknown, path: string, issues: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    issues.push({
      code: 'out_of_range',
      path,
      message: `must be a number in (0, 1], got ${String(value)}`,
    });
    return undefined;
  }
  return value;
}

/**
 * Checks options and fills in defaults.
 * @throws InvalidOptionsError listing every problem.
 */
export function resolveIntroductionOptions(options: unknown, allowK = true): ResolvedOptions {
  const issues: Issue[] = [];
  if (!isObject(options))
    throw new InvalidOptionsError([
      {
        code: 'invalid_type',
        path: '',
        message: 'options must be an object with at least `from` and `to`',
      },
    ]);
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key) || (!allowK && key === 'k')) {
      issues.push({
        code: 'unknown_field',
        path: key,
        message: `unknown option ${JSON.stringify(key)}${didYouMean(key, OPTION_NAMES)}`,
      });
    }
  }
  const { from, to } = options;
  if (!isId(from))
    issues.push({
      code: from === undefined ? 'missing_field' : 'invalid_type',
      path: 'from',
      message: 'must be a person id',
    });
  const targetOk =
    isId(to) ||
    (isObject(to) && Object.keys(to).length === 1 && (isId(to['job']) || isId(to['organization'])));
  if (!targetOk) {
    issues.push({
      code: to === undefined ? 'missing_field' : 'invalid_type',
      path: 'to',
      message: 'must be a person id, { job: id } or { organization: id }',
    });
  }
  const k = options['k'] ?? INTRODUCTION_DEFAULTS.k;
  if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > MAX_CHAINS_FOR_EXACT_UNION) {
    issues.push({
      code: 'out_of_range',
      path: 'k',
      message: `must be an integer from 1 to ${MAX_CHAINS_FOR_EXACT_UNION}, got ${String(k)}`,
    });
  }
  const maxHops = options['maxHops'] ?? INTRODUCTION_DEFAULTS.maxHops;
  if (
    !(
      maxHops === Number.POSITIVE_INFINITY ||
      (Number.isInteger(maxHops) && (maxHops as number) >= 1)
    )
  ) {
    issues.push({
      code: 'out_of_range',
      path: 'maxHops',
      message: `must be a positive integer or Infinity, got ${String(maxHops)}`,
    });
  }
  const diversity = options['diversity'] ?? INTRODUCTION_DEFAULTS.diversity;
  const penaltyOk =
    isObject(diversity) &&
    Object.keys(diversity).length === 1 &&
    typeof diversity['penalty'] === 'number' &&
    (diversity['penalty'] as number) >= 0;
  if (diversity !== 'none' && diversity !== 'disjoint' && !penaltyOk) {
    issues.push({
      code: 'invalid_value',
      path: 'diversity',
      message: "must be 'none', 'disjoint' or { penalty: a number >= 0 }",
    });
  }
  const signal = options['signal'];
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    issues.push({ code: 'invalid_type', path: 'signal', message: 'must be an AbortSignal' });
  }
  const asOf = options['asOf'];
  if (asOf !== undefined && typeof asOf !== 'string' && !(asOf instanceof Date)) {
    issues.push({
      code: 'invalid_type',
      path: 'asOf',
      message: 'must be an ISO 8601 date string or a Date',
    });
  }
  const viewer = options['viewer'];
  if (viewer !== undefined) issues.push(...viewerIssues(viewer));
  const resolved: ResolvedOptions = {
    from: from as string,
    to: to as IntroductionTarget,
    k: k as number,
    maxHops: maxHops as number,
    minStrength: probability(options['minStrength'], 'minStrength', issues),
    avoid: idList(options['avoid'], 'avoid', issues),
    avoidOrganizations: idList(options['avoidOrganizations'], 'avoidOrganizations', issues),
    diversity: diversity as Diversity,
    askFirstWillingness:
      probability(options['askFirstWillingness'], 'askFirstWillingness', issues) ??
      INTRODUCTION_DEFAULTS.askFirstWillingness,
    asOf: asOf as string | Date | undefined,
    signal: signal as AbortSignal | undefined,
    maxExpansions: workCap(options['maxExpansions'], 'maxExpansions', issues),
    maxChains: workCap(options['maxChains'], 'maxChains', issues),
    viewer: viewer as Viewer | undefined,
  };
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return resolved;
}

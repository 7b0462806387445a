/**
 * `planIntroductions`: chains for many requests at once, so that nobody is asked to pass on more
 * introductions than their budget (`person.maxIntroductionsPerPeriod`).
 *
 * @module
 */

import {
  InvalidOptionsError,
  type Issue,
  type MissingEntity,
  UnknownEntityError,
} from '../errors.js';
import type { Network } from '../model/network.js';
import { optionRecord } from '../model/options.js';
import { closest } from '../model/suggest.js';
import { createIntroductionFinder, type IntroductionPath } from './find.js';
import { type IntroductionOptions, resolveIntroductionOptions } from './options.js';
import { compareChains } from './rank.js';

/**
 * One request of a plan: the options of `findIntroductions` (`from`, `to`, `maxHops`, `avoid`,
 * `diversity`, ...), where `k` is how many chains to assign (default **1** in a plan, at most 20).
 */
export type IntroductionRequest = IntroductionOptions;

/** In which order requests are served. */
export type PlanOrder = 'fewest-alternatives' | 'given';

/** Options of {@link planIntroductions}. */
export interface PlanOptions {
  /**
   * The budget of people without `maxIntroductionsPerPeriod`: a whole number 0 or more, or
   * `Infinity` (the default: no limit).
   */
  readonly defaultBudget?: number;
  /**
   * `'fewest-alternatives'` (default): requests with fewer intermediary-disjoint chains first,
   * so that a request with one way through is not starved by one with many; ties in the given
   * order. `'given'`: the order of `requests`.
   */
  readonly order?: PlanOrder;
}

/** The defaults of {@link PlanOptions} (and of a request's `k`). */
export const PLAN_DEFAULTS = Object.freeze({
  defaultBudget: Number.POSITIVE_INFINITY,
  order: 'fewest-alternatives' as PlanOrder,
  k: 1,
  /** Alternatives are counted up to this many disjoint chains. */
  alternativesCounted: 8,
});

/** The chains assigned to one request. */
export interface PlannedAssignment {
  /** The request's index in `requests`. */
  readonly request: number;
  /** Its chains, likeliest first: at least one, at most its `k`. */
  readonly paths: readonly IntroductionPath[];
}

/**
 * Why a request got no chain: `'no-chain'`, there is none within its own limits even with
 * unlimited budgets; `'budgets-exhausted'`, every chain runs through someone whose budget was
 * used up (or is 0) when the request was served.
 */
export type UnservedReason = 'no-chain' | 'budgets-exhausted';

/** A request that got no chain. */
export interface UnservedRequest {
  /** The request's index in `requests`. */
  readonly request: number;
  /** Why. */
  readonly reason: UnservedReason;
  /**
   * For `'budgets-exhausted'`: everyone whose budget was used up when the request was served, by
   * id (code-unit order); with them avoided, the request has no chain. Empty for `'no-chain'`.
   */
  readonly exhausted: readonly string[];
}

/** The answer of {@link planIntroductions}. */
export interface IntroductionPlan {
  /** The requests that got chains, in request order. */
  readonly assignments: readonly PlannedAssignment[];
  /** The requests that got none, in request order. */
  readonly unserved: readonly UnservedRequest[];
  /** How many assigned chains each person is an intermediary of (people used at least once, by id). */
  readonly load: ReadonlyMap<string, number>;
  /** The order the requests were served in (indices into `requests`). */
  readonly order: readonly number[];
}

const OPTION_NAMES = ['defaultBudget', 'order'] as const;
const ORDERS: readonly string[] = ['fewest-alternatives', 'given'];

const isBudget = (value: unknown): value is number =>
  value === Number.POSITIVE_INFINITY ||
  (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);

function resolvePlanOptions(options: unknown): { defaultBudget: number; order: PlanOrder } {
  const { record, issues } = optionRecord(options, OPTION_NAMES);
  const defaultBudget = record['defaultBudget'] ?? PLAN_DEFAULTS.defaultBudget;
  if (!isBudget(defaultBudget)) {
    issues.push({
      code: 'out_of_range',
      path: 'defaultBudget',
      message: `must be a whole number 0 or more, or Infinity, got ${String(defaultBudget)}`,
    });
  }
  const order = record['order'] ?? PLAN_DEFAULTS.order;
  if (!ORDERS.includes(order as string)) {
    issues.push({
      code: 'invalid_value',
      path: 'order',
      message: `must be "fewest-alternatives" or "given", got ${String(order)}`,
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return { defaultBudget: defaultBudget as number, order: order as PlanOrder };
}

/** Checks every request's options and ids, throwing one error listing every problem. */
function checkRequests(network: Network, requests: unknown): readonly IntroductionRequest[] {
  if (!Array.isArray(requests)) {
    throw new InvalidOptionsError([
      { code: 'invalid_type', path: 'requests', message: 'must be an array of requests' },
    ]);
  }
  const issues: Issue[] = [];
  const missing: MissingEntity[] = [];
  const people = network.people.map((p) => p.id);
  const person = (id: string): void => {
    if (network.person(id) === undefined)
      missing.push({ entity: 'person', id, suggestion: closest(id, people) });
  };
  const organization = (id: string): void => {
    if (network.organization(id) === undefined)
      missing.push({
        entity: 'organization',
        id,
        suggestion: closest(
          id,
          network.organizations.map((o) => o.id),
        ),
      });
  };
  requests.forEach((request: unknown, i) => {
    try {
      const resolved = resolveIntroductionOptions(request);
      person(resolved.from);
      const to = resolved.to;
      if (typeof to === 'string') person(to);
      else if ('job' in to) {
        if (network.job(to.job) === undefined)
          missing.push({
            entity: 'job',
            id: to.job,
            suggestion: closest(
              to.job,
              network.jobs.map((j) => j.id),
            ),
          });
      } else organization(to.organization);
      for (const id of resolved.avoid) person(id);
      for (const id of resolved.avoidOrganizations) organization(id);
    } catch (error) {
      if (!(error instanceof InvalidOptionsError)) throw error;
      for (const issue of error.issues) {
        const path = issue.path === '' ? `requests[${i}]` : `requests[${i}].${issue.path}`;
        issues.push({ ...issue, path });
      }
    }
  });
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  if (missing.length > 0) throw new UnknownEntityError(missing);
  return requests as readonly IntroductionRequest[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Assigns warm-introduction chains to many requests at once, so that no intermediary is used
 * more times than their budget: `person.maxIntroductionsPerPeriod`, or `defaultBudget` for people
 * without one (no limit by default). The period is the plan: budgets start full at each call.
 * Each assigned chain counts once for each of its intermediaries (the people between the
 * candidate and the person reached; those two are never charged), so a request given two chains
 * through the same connector uses two of their introductions. People with budget 0 are never
 * intermediaries. `'never'` and `'ask-first'` policies apply exactly as in `findIntroductions`,
 * which answers every query (through one `createIntroductionFinder`).
 *
 * The plan is greedy and deterministic. Requests are served one at a time, in the given order or
 * (by default) fewest alternatives first: the number of intermediary-disjoint chains a request
 * has within its own limits and the zero budgets (counted up to 8), ties in the given order. A
 * request gets the likeliest chains, up to its `k` (default 1), that avoid everyone whose budget
 * is used up, itself included as it takes chains: when a chain it would take runs through someone
 * its earlier chains have just exhausted, the search restarts with them avoided. A request that
 * gets no chain is unserved, with the reason. Greedy is not optimal: serving a later request first
 * can sometimes serve more in total (the general problem is an integer multi-commodity flow).
 *
 * @param network - The network.
 * @param requests - Each `{ from, to, k?, ...the options of findIntroductions }`; `k` is how many
 *   chains to assign (default 1). Each query made for a request honours all of its options.
 * @param options - `defaultBudget` (`Infinity`), `order` (`'fewest-alternatives'`).
 * @returns `{ assignments, unserved, load, order }`: the chains of each served request, the
 *   unserved requests with their reason, how many chains each person is an intermediary of, and
 *   the order requests were served in.
 * @throws InvalidOptionsError listing every invalid request option (path `requests[i].k`, ...)
 *   or plan option.
 * @throws UnknownEntityError listing every unknown person, job or organisation named by any request.
 * @throws WorkLimitError when a request's `maxExpansions` or `maxChains` is reached.
 * @throws a request's `signal` reason when it aborts.
 * @example
 * ```ts
 * const plan = planIntroductions(network, [
 *   { from: 'jacob', to: { job: 'it-sales-rep' } },
 *   { from: 'ana', to: 'laura', k: 2 },
 * ], { defaultBudget: 3 });
 * for (const { request, paths } of plan.assignments) console.log(request, paths.map((p) => p.people.join(' → ')));
 * for (const { request, reason } of plan.unserved) console.log(request, reason);
 * plan.load.get('michael'); // introductions Michael is asked to pass on
 * ```
 * @see Yen, "Finding the K Shortest Loopless Paths in a Network", Management Science 17(11), 1971 (the chains).
 * @see Ahuja, Magnanti & Orlin, *Network Flows*, Prentice Hall, 1993, ch. 17 (multi-commodity flows: the exact problem greedy approximates).
 */
export function planIntroductions(
  network: Network,
  requests: readonly IntroductionRequest[],
  options: PlanOptions = {},
): IntroductionPlan {
  const { defaultBudget, order: orderRule } = resolvePlanOptions(options);
  checkRequests(network, requests);
  const finder = createIntroductionFinder(network);

  const budget = new Map<string, number>();
  const exhausted = new Set<string>();
  for (const person of network.people) {
    const limit = person.maxIntroductionsPerPeriod ?? defaultBudget;
    budget.set(person.id, limit);
    if (limit === 0) exhausted.add(person.id);
  }
  const load = new Map<string, number>();

  const avoidWith = (request: IntroductionRequest): string[] => [
    ...(request.avoid ?? []),
    ...exhausted,
  ];

  const order = requests.map((_, i) => i);
  if (orderRule === 'fewest-alternatives') {
    const alternatives = requests.map((request) => {
      let count = 0;
      const disjoint = finder.paths({
        ...request,
        diversity: 'disjoint',
        avoid: avoidWith(request),
      });
      for (const _path of disjoint) if (++count === PLAN_DEFAULTS.alternativesCounted) break;
      return count;
    });
    order.sort((a, b) => (alternatives[a] as number) - (alternatives[b] as number) || a - b);
  }

  const assigned = new Map<number, readonly IntroductionPath[]>();
  const unservedBy = new Map<number, UnservedRequest>();
  for (const index of order) {
    const request = requests[index] as IntroductionRequest;
    const k = request.k ?? PLAN_DEFAULTS.k;
    const taken: IntroductionPath[] = [];
    const takenKeys = new Set<string>();
    // Each restart avoids at least one more person (one this request has just exhausted), so
    // there are at most as many restarts as people.
    for (let restart = true; restart && taken.length < k; ) {
      restart = false;
      for (const path of finder.paths({ ...request, k, avoid: avoidWith(request) })) {
        const key = JSON.stringify(path.people);
        if (takenKeys.has(key)) continue;
        const intermediaries = path.people.slice(1, -1);
        if (intermediaries.some((id) => exhausted.has(id))) {
          restart = true;
          break;
        }
        for (const id of intermediaries) {
          const used = (load.get(id) ?? 0) + 1;
          load.set(id, used);
          if (used >= (budget.get(id) as number)) exhausted.add(id);
        }
        taken.push(path);
        takenKeys.add(key);
        if (taken.length === k) break;
      }
    }
    if (taken.length > 0) {
      // Likeliest first, ties as findIntroductions breaks them (people are numbered in id order).
      const ranked = (path: IntroductionPath) => ({
        nodes: path.people.map((id) => finder.compiled.indexOf.get(id) as number),
        cost: path.cost,
      });
      taken.sort((a, b) => compareChains(ranked(a), ranked(b)));
      assigned.set(index, Object.freeze(taken));
      continue;
    }
    // Nothing was taken, so `exhausted` is as it was when the request was served.
    const unlimited = finder.find({ ...request, k: 1 }).paths.length > 0;
    unservedBy.set(
      index,
      Object.freeze({
        request: index,
        reason: unlimited ? 'budgets-exhausted' : 'no-chain',
        exhausted: Object.freeze(unlimited ? [...exhausted].sort(byCodeUnits) : []),
      }),
    );
  }

  const indices = requests.map((_, i) => i);
  return Object.freeze({
    assignments: Object.freeze(
      indices
        .filter((i) => assigned.has(i))
        .map((i) =>
          Object.freeze({ request: i, paths: assigned.get(i) as readonly IntroductionPath[] }),
        ),
    ),
    unserved: Object.freeze(
      indices.filter((i) => unservedBy.has(i)).map((i) => unservedBy.get(i) as UnservedRequest),
    ),
    load: new Map([...load].sort(([a], [b]) => byCodeUnits(a, b))),
    order: Object.freeze(order),
  });
}

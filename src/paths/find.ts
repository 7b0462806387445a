/**
 * `findIntroductions`, `introductionPaths` and the reusable `IntroductionFinder` behind them.
 *
 * @module
 */
import { InvalidOptionsError, type MissingEntity, UnknownEntityError } from '../errors.js';
import { type Band, bandOf } from '../explain/band.js';
import { explainHop, type IntroductionHop } from '../explain/hop.js';
import { compileNetwork } from '../graph/compile-network.js';
import { type CompiledNetwork, POLICY_ASK_FIRST } from '../graph/compiled.js';
import { stepEntry } from '../graph/steps.js';
import { networkAsOf } from '../model/create.js';
import { Network } from '../model/network.js';
import { closest } from '../model/suggest.js';
import { type Viewer, viewedBy } from '../model/visibility.js';
import { atLeastOneSucceeds } from './at-least-one.js';
import { disjointChains } from './disjoint.js';
import {
  type IntroductionOptions,
  type ResolvedOptions,
  resolveIntroductionOptions,
} from './options.js';
import { penalisedChains } from './penalty.js';
import { compareChains, type RankedChain } from './rank.js';
import { ChainSearch, type SearchContext, throwAbort } from './search.js';
import { WorkBudget } from './search-side.js';
import { yenChains } from './yen.js';

/** One warm-introduction chain, explained. */
export interface IntroductionPath {
  /** The people along the chain: the candidate first, the person reached last. */
  readonly people: readonly string[];
  /** Each step, explained (one fewer than `people`). */
  readonly hops: readonly IntroductionHop[];
  /** The product of the hops' probabilities: the chance every step works. */
  readonly probability: number;
  /** `-ln(probability)`, summed hop by hop: what chains are ranked by (lower is likelier). */
  readonly cost: number;
  /** The hop least likely to work (the first of equals), or `undefined` for a chain of no hops. */
  readonly weakestHop: IntroductionHop | undefined;
  /** `probability` in words (see `BAND_THRESHOLDS`). */
  readonly band: Band;
}

/** Whom the chains reach. */
export type ReachedTarget =
  | { readonly type: 'person'; readonly personId: string }
  | { readonly type: 'job'; readonly jobId: string; readonly personId: string }
  | {
      readonly type: 'organization';
      readonly organizationId: string;
      readonly personIds: readonly string[];
    };

/** The answer of `findIntroductions`. */
export interface IntroductionResult {
  /** The chains, likeliest first; empty when there is none within the limits. */
  readonly paths: readonly IntroductionPath[];
  /** Whom they reach: the person, the job's hiring manager, or the organisation's people reached. */
  readonly target: ReachedTarget;
  /** The probability that at least one of `paths` works, counting a hop shared by chains once. */
  readonly atLeastOne: number;
}

interface Query {
  readonly options: ResolvedOptions;
  readonly source: number;
  readonly targets: readonly number[];
  readonly context: SearchContext;
  readonly target: ReachedTarget;
}

const MAX_AS_OF_VIEWS = 8;

/** Marks of one query: who may not be an intermediary, who is a target, and which were set. */
interface Scratch {
  readonly blocked: Uint8Array;
  readonly isTarget: Uint8Array;
  readonly marked: number[];
}

/**
 * Answers introduction queries on one network, reusing its compiled form and search buffers
 * (build it once, ask many times). Not re-entrant: one query at a time per finder.
 *
 * @example
 * ```ts
 * const finder = createIntroductionFinder(network);
 * for (const job of network.openJobs()) {
 *   console.log(job.id, finder.find({ from: 'jacob', to: { job: job.id } }).paths[0]?.probability);
 * }
 * ```
 */
export class IntroductionFinder {
  /** The network, when the finder was made from one (explanations then name relationships). */
  readonly network: Network | undefined;
  /** The compiled form queries run on. */
  readonly compiled: CompiledNetwork;
  readonly #search: ChainSearch;
  readonly #asOf = new Map<string, IntroductionFinder>();
  #members: Map<number, number[]> | undefined;
  #scratch: Scratch | undefined;

  constructor(source: Network | CompiledNetwork) {
    this.network = source instanceof Network ? source : undefined;
    this.compiled = source instanceof Network ? compileNetwork(source) : source;
    this.#search = new ChainSearch(this.compiled);
  }

  /**
   * The `k` likeliest chains (see {@link findIntroductions}).
   * @throws UnknownEntityError, InvalidOptionsError; the signal's reason when aborted.
   */
  find(options: IntroductionOptions): IntroductionResult {
    const resolved = resolveIntroductionOptions(options);
    if (resolved.viewer !== undefined)
      return this.#seenBy(resolved.viewer).find(without(options, 'viewer'));
    if (resolved.asOf !== undefined)
      return this.#viewAsOf(resolved.asOf).find(without(options, 'asOf'));
    const query = this.#prepare(resolved, true);
    const chains: RankedChain[] = [];
    if (resolved.diversity !== 'none' && typeof resolved.diversity === 'object') {
      chains.push(...this.#penalised(query));
    } else {
      for (const chain of this.#chains(query)) {
        chains.push(chain);
        if (chains.length === resolved.k) break;
      }
    }
    chains.sort(compareChains);
    const paths = chains.map((chain) => this.#explain(chain, query));
    return Object.freeze({
      paths: Object.freeze(paths),
      target: reachedTarget(query.target, paths),
      atLeastOne: atLeastOneOf(paths),
    });
  }

  /**
   * The chains one at a time, likeliest first, for callers who stop early. With
   * `diversity: 'disjoint'`, each chain avoids the intermediaries of the ones before it.
   * @throws UnknownEntityError, InvalidOptionsError (on the first `next()`).
   */
  *paths(
    options: Omit<IntroductionOptions, 'k'> & { readonly k?: number },
  ): Generator<IntroductionPath, void, undefined> {
    const resolved = resolveIntroductionOptions(options);
    if (resolved.viewer !== undefined) {
      yield* this.#seenBy(resolved.viewer).paths(without(options, 'viewer'));
      return;
    }
    if (resolved.asOf !== undefined) {
      yield* this.#viewAsOf(resolved.asOf).paths(without(options, 'asOf'));
      return;
    }
    const query = this.#prepare(resolved, false);
    const chains =
      typeof resolved.diversity === 'object' ? this.#penalised(query) : this.#chains(query);
    for (const chain of chains) yield this.#explain(chain, query);
  }

  #chains(query: Query): Iterable<RankedChain> {
    const { options, source, context } = query;
    const run = options.diversity === 'disjoint' ? disjointChains : yenChains;
    return run(this.compiled, this.#search, context, source, options.maxHops);
  }

  #penalised(query: Query): RankedChain[] {
    const { options } = query;
    const penalty = (options.diversity as { penalty: number }).penalty;
    const pool: RankedChain[] = [];
    const poolSize = Math.max(4 * options.k, 20);
    for (const chain of yenChains(
      this.compiled,
      this.#search,
      query.context,
      query.source,
      options.maxHops,
    )) {
      pool.push(chain);
      if (pool.length === poolSize) break;
    }
    return penalisedChains(pool, options.k, penalty).sort(compareChains);
  }

  /** The finder of the network as `viewer` sees it (cached with the network's view). */
  #seenBy(viewer: Viewer): IntroductionFinder {
    return finderFor(viewedBy(this.network ?? this.compiled, viewer));
  }

  #viewAsOf(asOf: string | Date): IntroductionFinder {
    const network = this.network;
    if (network === undefined) {
      throw new InvalidOptionsError([
        {
          code: 'invalid_value',
          path: 'asOf',
          message: 'needs a finder made from a Network, not a bare compiled network',
        },
      ]);
    }
    const key = asOf instanceof Date ? asOf.toISOString() : asOf;
    let finder = this.#asOf.get(key);
    if (finder === undefined) {
      const view = networkAsOf(network, asOf);
      finder = new IntroductionFinder(view);
      if (this.#asOf.size >= MAX_AS_OF_VIEWS)
        this.#asOf.delete(this.#asOf.keys().next().value as string);
      this.#asOf.set(key, finder);
    }
    return finder;
  }

  #borrowScratch(): Scratch {
    const n = this.compiled.nodeCount;
    this.#scratch ??= { blocked: new Uint8Array(n), isTarget: new Uint8Array(n), marked: [] };
    const scratch = this.#scratch;
    for (const v of scratch.marked) {
      scratch.blocked[v] = 0;
      scratch.isTarget[v] = 0;
    }
    scratch.marked.length = 0;
    return scratch;
  }

  #prepare(options: ResolvedOptions, pooled: boolean): Query {
    const g = this.compiled;
    const network = this.network;
    const missing: MissingEntity[] = [];
    const person = (id: string): number => {
      const index = g.indexOf.get(id);
      if (index === undefined)
        missing.push({ entity: 'person', id, suggestion: closest(id, g.indexOf.keys()) });
      return index ?? -1;
    };
    const organization = (id: string): number => {
      const index = g.organizations.indexOf(id);
      const known = network === undefined ? index !== -1 : network.organization(id) !== undefined;
      if (!known)
        missing.push({
          entity: 'organization',
          id,
          suggestion: closest(
            id,
            network ? network.organizations.map((o) => o.id) : g.organizations,
          ),
        });
      return index;
    };
    const source = person(options.from);
    let targets: number[] = [];
    let target: ReachedTarget;
    const to = options.to;
    if (typeof to === 'string') {
      targets = [person(to)];
      target = { type: 'person', personId: to };
    } else if ('job' in to) {
      const job = network?.job(to.job);
      if (network === undefined) {
        throw new InvalidOptionsError([
          {
            code: 'invalid_value',
            path: 'to',
            message: '{ job } needs a finder made from a Network',
          },
        ]);
      }
      if (job === undefined)
        missing.push({
          entity: 'job',
          id: to.job,
          suggestion: closest(
            to.job,
            network.jobs.map((j) => j.id),
          ),
        });
      targets = job === undefined ? [] : [person(job.hiringManagerId)];
      target = { type: 'job', jobId: to.job, personId: job?.hiringManagerId ?? '' };
    } else {
      const org = organization(to.organization);
      targets = org === -1 ? [] : this.#membersOf(org);
      target = { type: 'organization', organizationId: to.organization, personIds: [] };
    }
    const avoided = options.avoid.map(person);
    const avoidedOrganizations = options.avoidOrganizations.map(organization);
    if (missing.length > 0) throw new UnknownEntityError(missing);
    if (options.signal?.aborted) throwAbort(options.signal);

    // A query that completes within one call borrows the finder's marks (cleared at the next such
    // query); a generator, which may be suspended while other queries run, gets its own.
    const scratch: Scratch = pooled
      ? this.#borrowScratch()
      : { blocked: new Uint8Array(g.nodeCount), isTarget: new Uint8Array(g.nodeCount), marked: [] };
    const { blocked, isTarget, marked } = scratch;
    const mark = (array: Uint8Array, v: number): void => {
      array[v] = 1;
      marked.push(v);
    };
    for (const v of avoided) mark(blocked, v);
    for (const org of avoidedOrganizations) {
      if (org !== -1) for (const v of this.#membersOf(org)) mark(blocked, v);
    }
    for (const t of targets) mark(isTarget, t);
    const senderCost = new Float64Array([
      0,
      -Math.log(options.askFirstWillingness),
      Number.POSITIVE_INFINITY,
    ]);
    const context: SearchContext = {
      senderCost,
      blocked,
      isTarget,
      targets,
      maxStepCost:
        options.minStrength === undefined
          ? Number.POSITIVE_INFINITY
          : -Math.log(options.minStrength),
      signal: options.signal,
      work: new WorkBudget(options.maxExpansions, options.maxChains),
    };
    return { options, source, targets, context, target };
  }

  #membersOf(organization: number): number[] {
    if (this.#members === undefined) {
      this.#members = new Map();
      const orgs = this.compiled.organization;
      for (let v = 0; v < orgs.length; v++) {
        const org = orgs[v] as number;
        if (org === -1) continue;
        const list = this.#members.get(org);
        if (list) list.push(v);
        else this.#members.set(org, [v]);
      }
    }
    return this.#members.get(organization) ?? [];
  }

  #explain(chain: RankedChain, query: Query): IntroductionPath {
    const g = this.compiled;
    const network = this.network;
    const ties = network?.ties();
    const hops: IntroductionHop[] = [];
    for (let i = 0; i + 1 < chain.nodes.length; i++) {
      const u = chain.nodes[i] as number;
      const v = chain.nodes[i + 1] as number;
      const ref = g.refs[stepEntry(g, u, v)] as number;
      const tie = ties?.[ref >>> 1];
      const from = g.ids[u] as string;
      const strength =
        tie === undefined
          ? Math.exp(-(g.costs[ref] as number))
          : tie.source === from
            ? tie.forward
            : tie.backward;
      const askFirst = i > 0 && g.policy[u] === POLICY_ASK_FIRST;
      hops.push(
        explainHop({
          from,
          to: g.ids[v] as string,
          strength,
          willingness: askFirst ? query.options.askFirstWillingness : 1,
          askFirst,
          tie,
          network,
        }),
      );
    }
    let probability = 1;
    let weakestHop: IntroductionHop | undefined;
    for (const hop of hops) {
      probability *= hop.probability;
      if (weakestHop === undefined || hop.probability < weakestHop.probability) weakestHop = hop;
    }
    return Object.freeze({
      people: Object.freeze(chain.nodes.map((v) => g.ids[v] as string)),
      hops: Object.freeze(hops),
      probability,
      cost: chain.cost,
      weakestHop,
      band: bandOf(probability),
    });
  }
}

/** The chance that at least one of the chains works (one chain: its own probability). */
function atLeastOneOf(paths: readonly IntroductionPath[]): number {
  if (paths.length === 1) return (paths[0] as IntroductionPath).probability;
  const steps = paths.map((path) =>
    path.hops.map((hop) => ({
      key: JSON.stringify([hop.from, hop.to]),
      probability: hop.probability,
    })),
  );
  return atLeastOneSucceeds(steps);
}

/** The options without one that has been applied (by answering on another network). */
function without<T extends object>(options: T, key: 'asOf' | 'viewer'): T {
  const { [key]: _applied, ...rest } = options as Record<string, unknown>;
  return rest as T;
}

function reachedTarget(target: ReachedTarget, paths: readonly IntroductionPath[]): ReachedTarget {
  if (target.type !== 'organization') return Object.freeze(target);
  const reached = [...new Set(paths.map((p) => p.people[p.people.length - 1] as string))];
  return Object.freeze({ ...target, personIds: Object.freeze(reached) });
}

const finders = new WeakMap<Network | CompiledNetwork, IntroductionFinder>();

/**
 * A finder for repeated queries on one network (the one `findIntroductions` uses is cached).
 *
 * @example
 * ```ts
 * const finder = createIntroductionFinder(network);
 * const result = finder.find({ from: 'jacob', to: 'laura' });
 * ```
 */
export function createIntroductionFinder(network: Network | CompiledNetwork): IntroductionFinder {
  return new IntroductionFinder(network);
}

function finderFor(network: Network | CompiledNetwork): IntroductionFinder {
  let finder = finders.get(network);
  if (finder === undefined) {
    finder = new IntroductionFinder(network);
    finders.set(network, finder);
  }
  return finder;
}

/**
 * Who can introduce a candidate to a person, a job's hiring manager, or anyone at an
 * organisation: the `k` likeliest warm-introduction chains, each hop explained.
 *
 * A hop from u to v succeeds with probability `strength(u → v) × willingness(u)`, where
 * willingness is 1 for the candidate and for `'open'` intermediaries, `askFirstWillingness`
 * for `'ask-first'` ones, and `'never'` people are never intermediaries (they may still be the
 * candidate or the target). A chain's probability is the product of its hops' (hops are taken as
 * independent), its cost `-ln` of that. Directed relationships are walked only in their direction.
 *
 * Ranking: likelier first; chains within a relative 1e-12 in cost by fewer hops, then by the
 * people's ids in order. With `{ organization }`, chains end at the first person of that
 * organisation they reach (its other staff are not intermediaries). When `from` is already the
 * target (or works at the target organisation), the one chain is `[from]` with probability 1.
 *
 * With `viewer`, the chains run on `visibleNetwork(network, viewer)`: relationships the viewer
 * may not see carry no chain, appear in no explanation, and hop evidence indices refer to that
 * view's `relationships`.
 *
 * @param network - A `Network`, or a compiled network (then `to: { job }`, `asOf` and `viewer`
 *   are not available).
 * @param options - See {@link IntroductionOptions}: `from`, `to`, `k` (3), `maxHops` (4),
 *   `minStrength`, `avoid`, `avoidOrganizations`, `diversity` (`'none'`), `askFirstWillingness`
 *   (0.8), `asOf`, `viewer`, `signal`, `maxExpansions`, `maxChains`.
 * @returns `{ paths, target, atLeastOne }`. `paths` is empty when no chain exists within the limits.
 * @throws UnknownEntityError listing every unknown person, job or organisation named.
 * @throws InvalidOptionsError for invalid options.
 * @throws the signal's reason (an `AbortError` by default) when `signal` aborts.
 * @example
 * ```ts
 * const { paths, atLeastOne } = findIntroductions(network, { from: 'jacob', to: { job: 'it-sales-rep' }, k: 3 });
 * for (const path of paths) console.log(path.people.join(' → '), path.probability.toFixed(2), path.band);
 * console.log(paths[0]?.hops.map((hop) => hop.reason));
 * ```
 * @see Yen, "Finding the K Shortest Loopless Paths in a Network", Management Science 17(11), 1971.
 * @see Lawler, "A Procedure for Computing the K Best Solutions to Discrete Optimization Problems", Management Science 18(7), 1972.
 * @see Pohl, "Bi-directional Search", Machine Intelligence 6, 1971.
 */
export function findIntroductions(
  network: Network | CompiledNetwork,
  options: IntroductionOptions,
): IntroductionResult {
  return finderFor(network).find(options);
}

/**
 * The chains of {@link findIntroductions} as a lazy generator, likeliest first (with
 * `diversity: 'disjoint'`, each avoiding the intermediaries of those before it). `k` is ignored
 * except with a penalty diversity. Stop whenever you have enough.
 *
 * @throws UnknownEntityError, InvalidOptionsError when the generator starts.
 * @example
 * ```ts
 * for (const path of introductionPaths(network, { from: 'jacob', to: 'laura', maxHops: 5 })) {
 *   if (path.probability < 0.1) break;
 *   console.log(path.people.join(' → '));
 * }
 * ```
 * @see Yen (1971); Lawler (1972).
 */
export function introductionPaths(
  network: Network | CompiledNetwork,
  options: Omit<IntroductionOptions, 'k'> & { readonly k?: number },
): Generator<IntroductionPath, void, undefined> {
  return finderFor(network).paths(options);
}

/**
 * Introduction brokers: who sits on the likeliest chains from candidates to the hiring managers of
 * open jobs, under the same rules as `findIntroductions` (direction, consent, willingness).
 *
 * @module
 */
import { UnknownEntityError } from '../errors.js';
import { compileNetwork } from '../graph/compile-network.js';
import { NodeHeap } from '../graph/heap.js';
import type { Network } from '../model/network.js';
import { closest } from '../model/suggest.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { INTRODUCTION_DEFAULTS } from '../paths/options.js';
import { throwAbort } from '../paths/search.js';
import { createBrandesBuffers, shortestPathDag } from './brandes.js';
import { checkNumber, checkOptions, type ProgressOptions } from './options.js';

/** Options of {@link introductionBrokers}. */
export interface BrokerOptions extends ProgressOptions, ViewerOptions {
  /** The candidates whose chains count (default: everyone). */
  readonly candidates?: readonly string[];
  /** The jobs whose hiring managers the chains lead to (default: every open job). */
  readonly jobs?: readonly string[];
  /** Willingness of `'ask-first'` intermediaries (default 0.8, as `findIntroductions`). */
  readonly askFirstWillingness?: number;
  /** Ties weaker than this, in the direction walked, are not used. */
  readonly minStrength?: number;
  /** Return at most this many brokers (default: all with a score above 0). */
  readonly limit?: number;
}

/** A person who sits on likeliest chains to open jobs. */
export interface Broker {
  readonly personId: string;
  /** Σ over (candidate, job) pairs of the share of that pair's likeliest chains passing through this person. */
  readonly score: number;
  /** How many (candidate, job) pairs have at least one likeliest chain through this person. */
  readonly chains: number;
  /** The jobs those chains lead to, in the order of `network.jobs`. */
  readonly jobs: readonly string[];
}

const OPTION_NAMES = [
  'candidates',
  'jobs',
  'askFirstWillingness',
  'minStrength',
  'limit',
  'onProgress',
  'signal',
  'viewer',
];

/**
 * Betweenness restricted to the chains that lead to open jobs: for every candidate and every job,
 * the likeliest chains from the candidate to the job's hiring manager (ties read as `-ln` of the
 * hop probability, as in `findIntroductions`), and each intermediary's share of them. People
 * with `introductions: 'never'` are never intermediaries; `'ask-first'` people count with their
 * willingness; directed relationships are walked only in their direction. Chain length is not
 * bounded here.
 *
 * With `viewer`, only the relationships that viewer may see carry chains (see `visibleNetwork`).
 *
 * @param network - The network.
 * @param options - `candidates`, `jobs`, `askFirstWillingness` (0.8), `minStrength`, `limit`,
 *   `viewer`, `onProgress`, `signal`.
 * @returns Brokers with a score above 0, highest score first (ties by person id).
 * @throws UnknownEntityError for unknown candidates or jobs; InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * for (const broker of introductionBrokers(network, { limit: 5 })) {
 *   console.log(broker.personId, broker.score.toFixed(2), broker.chains, broker.jobs);
 * }
 * ```
 * @see Brandes, "A Faster Algorithm for Betweenness Centrality", Journal of Mathematical Sociology 25(2), 2001.
 * @see Burt, Structural Holes: The Social Structure of Competition, 1992 (brokerage).
 */
export function introductionBrokers(
  network: Network,
  options: BrokerOptions = {},
): readonly Broker[] {
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    checkNumber(record, 'askFirstWillingness', issues, { min: 0, max: 1, minOpen: true });
    checkNumber(record, 'minStrength', issues, { min: 0, max: 1, minOpen: true });
    checkNumber(record, 'limit', issues, { min: 1, integer: true });
  });
  const seen = viewedBy(network, options.viewer);
  const g = compileNetwork(seen);
  const missing = [
    ...(options.candidates ?? [])
      .filter((id) => !g.indexOf.has(id))
      .map((id) => ({ entity: 'person' as const, id, suggestion: closest(id, g.indexOf.keys()) })),
    ...(options.jobs ?? [])
      .filter((id) => seen.job(id) === undefined)
      .map((id) => ({
        entity: 'job' as const,
        id,
        suggestion: closest(
          id,
          seen.jobs.map((j) => j.id),
        ),
      })),
  ];
  if (missing.length > 0) throw new UnknownEntityError(missing);
  const jobs =
    options.jobs === undefined
      ? seen.openJobs()
      : seen.jobs.filter((j) => options.jobs?.includes(j.id));
  const candidates =
    options.candidates === undefined
      ? Array.from({ length: g.nodeCount }, (_, i) => i)
      : [...new Set(options.candidates.map((id) => g.indexOf.get(id) as number))];
  const willingness = options.askFirstWillingness ?? INTRODUCTION_DEFAULTS.askFirstWillingness;
  const senderCost = [0, -Math.log(willingness), Number.POSITIVE_INFINITY];
  const nodeCost = Float64Array.from(g.policy, (p) => senderCost[p] as number);
  const maxStep =
    options.minStrength === undefined ? Number.POSITIVE_INFINITY : -Math.log(options.minStrength);
  const weights = Float64Array.from(g.refs, (ref) => {
    const cost = g.costs[ref] as number;
    return cost > maxStep ? Number.POSITIVE_INFINITY : cost;
  });
  // Jobs grouped by hiring manager: one backward count serves all of a manager's jobs.
  const jobsByManager = new Map<number, number[]>();
  jobs.forEach((job, j) => {
    const t = g.indexOf.get(job.hiringManagerId) as number;
    jobsByManager.set(t, [...(jobsByManager.get(t) ?? []), j]);
  });

  const buffers = createBrandesBuffers(g.nodeCount, g.neighbors.length);
  const heap = new NodeHeap(g.nodeCount);
  const position = new Int32Array(g.nodeCount).fill(-1);
  const count = new Float64Array(g.nodeCount);
  const score = new Float64Array(g.nodeCount);
  const chains = new Uint32Array(g.nodeCount);
  const servedJobs = new Map<number, Set<number>>();
  const every = Math.max(1, Math.floor(candidates.length / 100));
  candidates.forEach((s, c) => {
    if (options.signal?.aborted) throwAbort(options.signal);
    const reached = shortestPathDag(
      s,
      g.offsets,
      g.neighbors,
      weights,
      false,
      nodeCost,
      buffers,
      heap,
    );
    for (let i = 0; i < reached; i++) position[buffers.order[i] as number] = i;
    for (const [t, jobIndices] of jobsByManager) {
      if (t === s || buffers.seenStamp[t] !== buffers.stamp) continue;
      // Count shortest chains from each person to t, walking the predecessor lists back from t.
      const last = position[t] as number;
      for (let i = 0; i <= last; i++) count[buffers.order[i] as number] = 0;
      count[t] = 1;
      for (let i = last; i >= 0; i--) {
        const w = buffers.order[i] as number;
        const cw = count[w] as number;
        if (cw === 0) continue;
        for (let q = buffers.predHead[w] as number; q !== -1; q = buffers.predNext[q] as number) {
          const v = buffers.predNode[q] as number;
          count[v] = (count[v] as number) + cw;
        }
      }
      const total = buffers.sigma[t] as number;
      for (let i = 1; i < last; i++) {
        const v = buffers.order[i] as number;
        if (v === t || (count[v] as number) === 0) continue;
        const share = ((buffers.sigma[v] as number) * (count[v] as number)) / total;
        score[v] = (score[v] as number) + share * jobIndices.length;
        chains[v] = (chains[v] as number) + jobIndices.length;
        const served = servedJobs.get(v) ?? new Set<number>();
        for (const j of jobIndices) served.add(j);
        servedJobs.set(v, served);
      }
    }
    for (let i = 0; i < reached; i++) {
      position[buffers.order[i] as number] = -1;
      buffers.settled[buffers.order[i] as number] = 0;
    }
    if (options.onProgress && ((c + 1) % every === 0 || c + 1 === candidates.length))
      options.onProgress(c + 1, candidates.length);
  });

  const brokers: Broker[] = [];
  for (const [v, served] of servedJobs) {
    brokers.push(
      Object.freeze({
        personId: g.ids[v] as string,
        score: score[v] as number,
        chains: chains[v] as number,
        jobs: Object.freeze(
          [...served].sort((a, b) => a - b).map((j) => (jobs[j] as { id: string }).id),
        ),
      }),
    );
  }
  brokers.sort(
    (a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  return Object.freeze(options.limit === undefined ? brokers : brokers.slice(0, options.limit));
}

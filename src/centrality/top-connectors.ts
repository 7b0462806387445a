/**
 * `topConnectors`: the people a report should name as connectors, ranked by one measure and
 * explained in a sentence each.
 *
 * @module
 */
import { InvalidOptionsError } from '../errors.js';
import type { Network } from '../model/network.js';
import { didYouMean } from '../model/suggest.js';
import { type ViewerOptions, viewedBy } from '../model/visibility.js';
import { betweenness } from './betweenness.js';
import { introductionBrokers } from './brokers.js';
import { closeness } from './closeness.js';
import { communities } from './communities.js';
import { constraint } from './constraint.js';
import { degree, strength } from './degree.js';
import { effectiveSize } from './effective-size.js';
import { eigenvector } from './eigenvector.js';
import { harmonic } from './harmonic.js';
import type { ProgressOptions } from './options.js';
import { pagerank } from './pagerank.js';

/** The measures `topConnectors` can rank by. */
export const CONNECTOR_METRICS = [
  'betweenness',
  'brokers',
  'pagerank',
  'closeness',
  'harmonic',
  'eigenvector',
  'degree',
  'strength',
  'constraint',
  'effectiveSize',
] as const;
export type ConnectorMetric = (typeof CONNECTOR_METRICS)[number];

/** Options of {@link topConnectors}. */
export interface TopConnectorOptions extends ViewerOptions, ProgressOptions {
  /** The measure to rank by (default `'betweenness'`). Low `constraint` ranks first. */
  readonly metric?: ConnectorMetric;
  /** How many people (default 10). */
  readonly n?: number;
  /** For `'betweenness'`: estimate from this many sampled sources (see `betweenness`). */
  readonly sample?: number;
  /** Seed for sampling and for the communities used in explanations (default 1). */
  readonly seed?: number;
}

/** One connector, ranked and explained. */
export interface Connector {
  /** 1 for the top connector. */
  readonly rank: number;
  readonly personId: string;
  readonly name: string;
  /** The measure's score. */
  readonly score: number;
  /** How many people they have ties with. */
  readonly ties: number;
  /** How many communities (Louvain, seeded) their ties reach, their own included. */
  readonly communitiesReached: number;
  /** One line for a report. */
  readonly reason: string;
}

const LABELS: Readonly<Record<ConnectorMetric, string>> = {
  betweenness: 'betweenness',
  brokers: 'share of chains to open jobs',
  pagerank: 'PageRank',
  closeness: 'closeness',
  harmonic: 'harmonic centrality',
  eigenvector: 'eigenvector centrality',
  degree: 'ties',
  strength: 'total tie strength',
  constraint: 'constraint (lower: more brokerage)',
  effectiveSize: 'effective size',
};

/**
 * The top `n` people by a connector measure, each with a one-line reason: the score, how many
 * ties they have and how many communities those ties reach (a bridge reaches several). Ties in
 * score are ordered by person id; people whose score is undefined (NaN, e.g. constraint of
 * someone without ties) are left out.
 *
 * With `viewer`, scores, tie counts and communities use only the relationships that viewer may
 * see (see `visibleNetwork`).
 *
 * @param network - The network.
 * @param options - `metric` (`'betweenness'`), `n` (10), `sample`, `seed` (1), `viewer`, and
 *   `onProgress` / `signal`, passed to the measures that take them (betweenness, brokers,
 *   PageRank, closeness, harmonic, eigenvector; the others finish in one pass over the ties).
 * @returns The top `n`, ranked, each with a reason.
 * @throws InvalidOptionsError for an unknown metric or invalid options (an invalid viewer included).
 * @throws The signal's reason when `signal` aborts.
 * @example
 * ```ts
 * for (const c of topConnectors(network, { metric: 'brokers', n: 5 })) console.log(c.rank, c.reason);
 * ```
 * @see Freeman (1977) and Brandes (2001) for betweenness; Burt (1992) for constraint and effective size.
 */
export function topConnectors(
  network: Network,
  options: TopConnectorOptions = {},
): readonly Connector[] {
  const metric = options.metric ?? 'betweenness';
  if (!(CONNECTOR_METRICS as readonly string[]).includes(metric)) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'metric',
        message: `unknown metric ${JSON.stringify(metric)}${didYouMean(metric, CONNECTOR_METRICS)}`,
      },
    ]);
  }
  const n = options.n ?? 10;
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidOptionsError([
      { code: 'out_of_range', path: 'n', message: `must be a positive integer, got ${String(n)}` },
    ]);
  const seed = options.seed ?? 1;
  const seen = viewedBy(network, options.viewer);
  const progress: ProgressOptions = {
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const scores = scoreBy(seen, metric, options.sample, seed, progress);
  const ascending = metric === 'constraint';
  const ranked = [...scores]
    .filter(([, score]) => !Number.isNaN(score))
    .sort(([a, x], [b, y]) => (ascending ? x - y : y - x) || (a < b ? -1 : a > b ? 1 : 0));
  const division = communities(seen, { seed }).of;
  return Object.freeze(
    ranked.slice(0, n).map(([personId, score], i) => {
      const ties = seen.tiesOf(personId);
      const reached = new Set([
        division.get(personId),
        ...ties.map((t) => division.get(t.source === personId ? t.target : t.source)),
      ]);
      const name = seen.requirePerson(personId).name;
      const reason = `${name}: ${LABELS[metric]} ${formatScore(score)}; ${ties.length} ties reaching ${reached.size} ${reached.size === 1 ? 'community' : 'communities'}`;
      return Object.freeze({
        rank: i + 1,
        personId,
        name,
        score,
        ties: ties.length,
        communitiesReached: reached.size,
        reason,
      });
    }),
  );
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(3);
}

function scoreBy(
  network: Network,
  metric: ConnectorMetric,
  sample: number | undefined,
  seed: number,
  progress: ProgressOptions,
): ReadonlyMap<string, number> {
  // Measures that finish in one pass over the ties take no progress callback.
  switch (metric) {
    case 'betweenness':
      return betweenness(network, sample === undefined ? progress : { ...progress, sample, seed });
    case 'brokers':
      return new Map(introductionBrokers(network, progress).map((b) => [b.personId, b.score]));
    case 'pagerank':
      return pagerank(network, progress);
    case 'closeness':
      return closeness(network, progress);
    case 'harmonic':
      return harmonic(network, progress);
    case 'eigenvector':
      return eigenvector(network, progress);
    case 'degree':
      return degree(network);
    case 'strength':
      return strength(network);
    case 'constraint':
      return constraint(network);
    case 'effectiveSize':
      return effectiveSize(network);
  }
}

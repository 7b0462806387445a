/**
 * Who may see which relationship: `relationship.visibleTo`, a {@link Viewer}, and the network as
 * one viewer sees it. Every query that takes a `viewer` option runs on {@link visibleNetwork}, so
 * nothing it returns, explains, counts or suggests can rest on a relationship the viewer may not
 * see. See docs/privacy.md.
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { asOfTime, latestTime } from './as-of.js';
import { Network } from './network.js';
import type { Relationship } from './schema.js';

/** Someone asking a question of the network: a person id, and the teams they belong to. */
export interface Viewer {
  /** Their id: usually a person of the network, but need not be (an analyst outside it). */
  readonly id: string;
  /** The teams they belong to (free text, matched against `visibleTo` entries). */
  readonly teams?: readonly string[];
}

/** The option every query that reads relationships accepts. */
export interface ViewerOptions {
  /**
   * Answer as this viewer sees the network: relationships whose `visibleTo` does not include
   * them (by id or team) are left out, unless they are one of its two ends. Needs a `Network`,
   * not a compiled one.
   */
  readonly viewer?: Viewer;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The problems of a `viewer` option (none for a valid one), with paths under `path`.
 *
 * @internal
 */
export function viewerIssues(value: unknown, path = 'viewer'): Issue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        code: 'invalid_type',
        path,
        message: 'must be an object { id, teams? }',
      },
    ];
  }
  const record = value as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const key of Object.keys(record)) {
    if (key !== 'id' && key !== 'teams')
      issues.push({
        code: 'unknown_field',
        path: `${path}.${key}`,
        message: `unknown field ${JSON.stringify(key)}; a viewer has only id and teams`,
      });
  }
  if (!isText(record['id'])) {
    issues.push({
      code: record['id'] === undefined ? 'missing_field' : 'invalid_type',
      path: `${path}.id`,
      message: 'must be a non-empty string',
    });
  }
  const teams = record['teams'];
  if (teams !== undefined && !(Array.isArray(teams) && teams.every(isText))) {
    issues.push({
      code: 'invalid_type',
      path: `${path}.teams`,
      message: 'must be an array of team names (non-empty strings)',
    });
  }
  return issues;
}

function checkViewer(viewer: unknown): asserts viewer is Viewer {
  const issues = viewerIssues(viewer);
  if (issues.length > 0) throw new InvalidOptionsError(issues);
}

/**
 * Whether a viewer may see a relationship: it has no `visibleTo`, or the viewer is one of its two
 * ends, or `visibleTo` lists the viewer's id or one of their teams.
 *
 * @param relationship - A relationship of a network.
 * @param viewer - Who is looking (assumed valid; {@link visibleNetwork} checks it).
 * @returns `true` when the viewer may see it.
 * @throws Nothing.
 * @example
 * ```ts
 * const rel = { source: 'ann', target: 'bob', kind: 'friend', visibleTo: ['recruiting'] } as const;
 * canSee(rel, { id: 'cy', teams: ['recruiting'] }); // true: by team
 * canSee(rel, { id: 'bob' });                       // true: one of its ends
 * canSee(rel, { id: 'dee' });                       // false
 * ```
 * @see docs/privacy.md
 */
export function canSee(relationship: Relationship, viewer: Viewer): boolean {
  const list = relationship.visibleTo;
  if (list === undefined) return true;
  if (relationship.source === viewer.id || relationship.target === viewer.id) return true;
  return list.includes(viewer.id) || (viewer.teams ?? []).some((team) => list.includes(team));
}

/** Views per network, by viewer key; a view is also filed under itself, so viewing it again is free. */
const views = new WeakMap<Network, Map<string, Network>>();
/** Views kept per network before the oldest is dropped. */
const MAX_VIEWS_PER_NETWORK = 64;

const keyOf = (viewer: Viewer): string =>
  JSON.stringify([viewer.id, [...new Set(viewer.teams ?? [])].sort()]);

function viewsOf(network: Network): Map<string, Network> {
  let map = views.get(network);
  if (map === undefined) {
    map = new Map();
    views.set(network, map);
  }
  return map;
}

/**
 * The network as a viewer sees it: the same people, organisations, jobs, groups, hires and
 * applications, and only the relationships the viewer may see ({@link canSee}). Strengths, ties
 * and the reference date are worked out again from what is left (so a hidden relationship's dates
 * do not move anyone's recency), and relationship indices (e.g. `evidence.relationship` in an
 * explanation) refer to the view's `relationships`. The same network when nothing is hidden.
 *
 * Built once per network and viewer (teams in any order) and cached: the network never changes.
 * Group memberships, hires' `referrerId` and people are not hidden: visibility is per relationship.
 *
 * @param network - The network.
 * @param viewer - `{ id, teams? }`. The id need not name a person of the network.
 * @returns The viewer's network.
 * @throws InvalidOptionsError if `viewer` is not `{ id: non-empty string, teams?: non-empty strings }`.
 * @example
 * ```ts
 * const network = createNetwork({
 *   people: [{ id: 'ann', name: 'Ann' }, { id: 'bob', name: 'Bob' }, { id: 'cy', name: 'Cy' }],
 *   relationships: [
 *     { source: 'ann', target: 'bob', kind: 'friend', visibleTo: ['cy'] },
 *     { source: 'bob', target: 'cy', kind: 'colleague', visibleTo: [] },
 *   ],
 * });
 * visibleNetwork(network, { id: 'ann' }).relationships.length; // 1: her own; bob–cy is theirs only
 * visibleNetwork(network, { id: 'cy' }).relationships.length;  // 2
 * findIntroductions(network, { from: 'ann', to: 'cy', viewer: { id: 'ann' } }).paths; // []
 * ```
 * @see docs/privacy.md
 */
export function visibleNetwork(network: Network, viewer: Viewer): Network {
  checkViewer(viewer);
  const cache = viewsOf(network);
  const key = keyOf(viewer);
  let view = cache.get(key);
  if (view === undefined) {
    view = build(network, viewer);
    if (cache.size >= MAX_VIEWS_PER_NETWORK) cache.delete(cache.keys().next().value as string);
    cache.set(key, view);
    if (view !== network) viewsOf(view).set(key, view);
  }
  return view;
}

function build(network: Network, viewer: Viewer): Network {
  const all = network.relationships;
  const seen = all.filter((rel) => canSee(rel, viewer));
  if (seen.length === all.length) return network;
  const dataset = { ...network.dataset, relationships: Object.freeze(seen) };
  return new Network(dataset, {
    asOf: network.asOf,
    referenceTime: network.asOf === undefined ? latestTime(dataset) : asOfTime(network.asOf),
    strengthModel: network.strengthModel,
  });
}

/**
 * What a query with a `viewer` option runs on: `network` itself without a viewer, else
 * {@link visibleNetwork}. Every entry point calls this once, at its boundary.
 *
 * @throws InvalidOptionsError for an invalid viewer, or a viewer with a compiled network (which
 *   holds no visibility: compile `visibleNetwork(network, viewer)` instead).
 * @internal
 */
export function viewedBy<N extends object>(network: N, viewer: Viewer | undefined): N {
  if (viewer === undefined) return network;
  checkViewer(viewer);
  if (!(network instanceof Network)) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'viewer',
        message:
          'needs a Network: a compiled network holds no visibility (compile visibleNetwork(network, viewer) instead)',
      },
    ]);
  }
  return visibleNetwork(network, viewer) as N & Network;
}

/**
 * `neighborhood`: the people within a few ties of one person, and the ties among them, as a small
 * frozen value to draw with `toDot` or `toMermaid`.
 *
 * @module
 */

import { InvalidOptionsError } from '../errors.js';
import { networkAsOf } from '../model/create.js';
import { dateProblem } from '../model/dates.js';
import type { Network } from '../model/network.js';
import { optionRecord } from '../model/options.js';
import type { RelationshipKind } from '../model/schema.js';
import type { TieEvidence } from '../model/ties.js';

/** Options of {@link neighborhood}. */
export interface NeighborhoodOptions {
  /** How many ties away from the person to look (default 2), a positive integer. */
  readonly hops?: number;
  /** A tie direction weaker than this is left out, in (0, 1]; a tie weak both ways is left out. */
  readonly minStrength?: number;
  /** Look at the network as it stood at this date (see `createNetwork`'s `asOf`). */
  readonly asOf?: string | Date;
}

/** The defaults of {@link NeighborhoodOptions}. */
export const NEIGHBORHOOD_DEFAULTS: Readonly<{ hops: number }> = Object.freeze({ hops: 2 });

/** Someone in a {@link Neighborhood}. */
export interface NeighborhoodPerson {
  readonly id: string;
  readonly name: string;
  /** Their current organisation's id, if any. */
  readonly organizationId: string | undefined;
  /** Their current organisation's name, if any. */
  readonly organizationName: string | undefined;
  /** Their job title, if known. */
  readonly title: string | undefined;
  /** How many ties from the center (0 for the center), whichever way the ties run. */
  readonly distance: number;
}

/**
 * A tie in a {@link Neighborhood}. A one-way tie (a directed relationship, usable only from
 * `source` to `target`) has `directed: true` and `backward: 0`; otherwise `source` is the person
 * whose id sorts first.
 */
export interface NeighborhoodTie {
  readonly source: string;
  readonly target: string;
  /** Strength from `source` towards `target` (0 if that way is not usable or below `minStrength`). */
  readonly forward: number;
  /** Strength from `target` towards `source`, or 0. */
  readonly backward: number;
  /** The larger of `forward` and `backward`. */
  readonly strength: number;
  /** The kinds of the relationships and shared groups behind the tie, strongest first. */
  readonly kinds: readonly RelationshipKind[];
  /** The kinds usable from `source` towards `target`, strongest first. */
  readonly forwardKinds: readonly RelationshipKind[];
  /** The kinds usable from `target` towards `source`, strongest first. */
  readonly backwardKinds: readonly RelationshipKind[];
  /** Whether the tie can carry an introduction one way only. */
  readonly directed: boolean;
}

/** The people within `hops` ties of `center` and every tie among them. Frozen. */
export interface Neighborhood {
  readonly type: 'neighborhood';
  /** The person the neighbourhood is drawn around. */
  readonly center: string;
  readonly hops: number;
  readonly minStrength: number | undefined;
  /** The date the network was looked at, if `asOf` was given (or the network was built `asOf`). */
  readonly asOf: string | undefined;
  /** Everyone within `hops`, sorted by id (code-unit order). */
  readonly people: readonly NeighborhoodPerson[];
  /** Every tie among them, sorted by `source`, then `target`. */
  readonly ties: readonly NeighborhoodTie[];
}

const OPTION_NAMES = ['hops', 'minStrength', 'asOf'] as const;

interface Resolved {
  readonly hops: number;
  readonly minStrength: number | undefined;
  readonly asOf: string | Date | undefined;
}

function resolveOptions(options: unknown): Resolved {
  if (options === undefined)
    return { hops: NEIGHBORHOOD_DEFAULTS.hops, minStrength: undefined, asOf: undefined };
  const { record, issues } = optionRecord(options, OPTION_NAMES);
  const hops = record['hops'] ?? NEIGHBORHOOD_DEFAULTS.hops;
  if (!Number.isInteger(hops) || (hops as number) < 1) {
    issues.push({
      code: 'out_of_range',
      path: 'hops',
      message: `must be a positive integer, got ${String(hops)}`,
    });
  }
  const minStrength = record['minStrength'];
  if (
    minStrength !== undefined &&
    (typeof minStrength !== 'number' || !(minStrength > 0 && minStrength <= 1))
  ) {
    issues.push({
      code: 'out_of_range',
      path: 'minStrength',
      message: `must be a number in (0, 1], got ${String(minStrength)}`,
    });
  }
  const asOf = record['asOf'];
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime()))
      issues.push({ code: 'invalid_date', path: 'asOf', message: 'is an invalid Date' });
  } else if (typeof asOf === 'string') {
    const problem = dateProblem(asOf);
    if (problem) issues.push({ code: 'invalid_date', path: 'asOf', message: problem });
  } else if (asOf !== undefined) {
    issues.push({
      code: 'invalid_type',
      path: 'asOf',
      message: 'must be an ISO 8601 date string or a Date',
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return {
    hops: hops as number,
    minStrength: minStrength as number | undefined,
    asOf: asOf as string | Date | undefined,
  };
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The people within `hops` ties of a person, and every tie among them: a small, frozen subgraph
 * to draw with `toDot` or `toMermaid`.
 *
 * Distance counts ties whichever way they run (a neighbourhood is about who is near, not who can
 * be asked). With `minStrength`, a tie's direction weaker than it is dropped (as
 * `findIntroductions` does), and a tie weak both ways is left out, also for distances. Ties are
 * the network's summarised ties (`network.ties()`): relationships and shared groups together.
 *
 * @param network - The network.
 * @param personId - The person at the center.
 * @param options - `hops` (default 2), `minStrength`, `asOf`.
 * @returns `{ type: 'neighborhood', center, hops, minStrength, asOf, people, ties }`, people
 *   sorted by id and ties by source then target, so the same input gives the same value.
 * @throws UnknownEntityError if `personId` is not in the network (with the closest id).
 * @throws InvalidOptionsError listing every invalid option.
 * @example
 * ```ts
 * const around = neighborhood(network, 'michael', { hops: 1, minStrength: 0.3 });
 * around.people.map((p) => p.name);  // Michael and everyone tied to him at 0.3 or more
 * const svg = await renderSvg(toDot(around));
 * ```
 * @see Gansner & North, "An open graph visualization system and its applications to software
 *   engineering", Software: Practice and Experience 30(11), 2000 (Graphviz, for drawing it).
 */
export function neighborhood(
  network: Network,
  personId: string,
  options?: NeighborhoodOptions,
): Neighborhood {
  const resolved = resolveOptions(options);
  network.requirePerson(personId);
  const view = resolved.asOf === undefined ? network : networkAsOf(network, resolved.asOf);
  const min = resolved.minStrength ?? 0;
  const usable = (strength: number): number => (strength >= min ? strength : 0);

  const distance = new Map<string, number>([[personId, 0]]);
  let frontier = [personId];
  for (let d = 1; d <= resolved.hops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const tie of view.tiesOf(id)) {
        if (usable(tie.forward) === 0 && usable(tie.backward) === 0) continue;
        const other = tie.source === id ? tie.target : tie.source;
        if (!distance.has(other)) {
          distance.set(other, d);
          next.push(other);
        }
      }
    }
    frontier = next;
  }

  const ids = [...distance.keys()].sort(compareIds);
  const people = ids.map((id) => {
    const person = view.requirePerson(id);
    const organizationId = person.organizationId;
    return Object.freeze({
      id,
      name: person.name,
      organizationId,
      organizationName:
        organizationId === undefined ? undefined : view.organization(organizationId)?.name,
      title: person.title,
      distance: distance.get(id) as number,
    });
  });

  const ties: NeighborhoodTie[] = [];
  for (const id of ids) {
    for (const tie of view.tiesOf(id)) {
      // Each tie once: from the end whose id sorts first.
      const other = tie.source === id ? tie.target : tie.source;
      if (!distance.has(other) || compareIds(id, other) > 0) continue;
      const forward = usable(tie.forward);
      const backward = usable(tie.backward);
      if (forward === 0 && backward === 0) continue;
      const directed = forward === 0 || backward === 0;
      // One-way ties point the way they can be used; two-way ones run from the smaller id.
      const flip = directed ? forward === 0 : compareIds(tie.source, tie.target) > 0;
      // Kinds of the evidence strong enough to keep, strongest first (tie.kinds' order).
      const kindsOf = (keep: (e: TieEvidence) => boolean): readonly RelationshipKind[] =>
        Object.freeze(
          tie.kinds.filter((kind) =>
            tie.evidence.some((e) => e.kind === kind && e.strength >= min && keep(e)),
          ),
        );
      const kinds = kindsOf(() => true);
      const towardsTarget = kindsOf((e) => e.direction !== 'backward');
      const towardsSource = kindsOf((e) => e.direction !== 'forward');
      ties.push(
        Object.freeze({
          source: flip ? tie.target : tie.source,
          target: flip ? tie.source : tie.target,
          forward: flip ? backward : forward,
          backward: flip ? forward : backward,
          strength: Math.max(forward, backward),
          kinds,
          forwardKinds: flip ? towardsSource : towardsTarget,
          backwardKinds: flip ? towardsTarget : towardsSource,
          directed,
        }),
      );
    }
  }
  ties.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));

  return Object.freeze({
    type: 'neighborhood',
    center: personId,
    hops: resolved.hops,
    minStrength: resolved.minStrength,
    asOf: view.asOf,
    people: Object.freeze(people),
    ties: Object.freeze(ties),
  });
}

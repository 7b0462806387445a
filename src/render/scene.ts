/**
 * What a diagram shows, independent of the diagram language: the people (as boxes with a role),
 * the steps or ties between them (with their labels and strengths), grouped by chain. `toDot` and
 * `toMermaid` only write a scene out.
 */
import { InvalidOptionsError, type MissingEntity, UnknownEntityError } from '../errors.js';
import type { IntroductionHop } from '../explain/hop.js';
import type { Network } from '../model/network.js';
import { closest } from '../model/suggest.js';
import { atLeastOneSucceeds } from '../paths/at-least-one.js';
import type { IntroductionPath, IntroductionResult, ReachedTarget } from '../paths/find.js';
import type { Neighborhood, NeighborhoodTie } from './neighborhood.js';
import type { ResolvedDiagramOptions } from './options.js';

/** What `toDot` and `toMermaid` draw: chains (a result or paths) or a neighbourhood. */
export type DiagramSubject = IntroductionResult | readonly IntroductionPath[] | Neighborhood;

/** How a person is drawn. */
export type Role = 'candidate' | 'target' | 'intermediary' | 'center' | 'neighbor';

export interface SceneNode {
  /** Unique in the scene: the person id, prefixed with the chain number in chain diagrams. */
  readonly key: string;
  readonly personId: string;
  readonly name: string;
  /** The organisation, shown under the name. */
  readonly detail: string | undefined;
  /** A further line, e.g. the other chains an intermediary is on. */
  readonly note: string | undefined;
  readonly role: Role;
  /** Also the target (a chain of no hops: the candidate already is the target). */
  readonly alsoTarget: boolean;
  /** An intermediary on more than one chain. */
  readonly shared: boolean;
}

export interface SceneEdge {
  readonly from: string;
  readonly to: string;
  /** `none` for a tie usable both ways at the same strength, else drawn as an arrow. */
  readonly directed: boolean;
  readonly strength: number;
  /** Label lines: the kinds, the strength, notes. */
  readonly lines: readonly string[];
  /** A sentence about the step (its explanation), when there is one. */
  readonly tooltip: string | undefined;
}

export interface SceneGroup {
  /** 1-based chain number, or 0 for the single group of a neighbourhood. */
  readonly number: number;
  /** The chain's caption; `undefined` for a neighbourhood. */
  readonly caption: string | undefined;
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
}

export interface Scene {
  readonly kind: 'chains' | 'neighborhood';
  /** Title lines (none when the title is `''`). */
  readonly title: readonly string[];
  /** What colours and widths mean. */
  readonly legend: string;
  readonly groups: readonly SceneGroup[];
  /** Shown instead of groups when there is nothing to draw. */
  readonly empty: string | undefined;
}

const fixed = (x: number): string => x.toFixed(2);
const kindText = (kinds: readonly string[]): string =>
  kinds.map((kind) => kind.replaceAll('-', ' ')).join(', ');
const list = (numbers: readonly number[]): string =>
  numbers.length === 1 ? `chain ${numbers[0]}` : `chains ${numbers.join(', ')}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isPath = (value: unknown): value is IntroductionPath =>
  isObject(value) &&
  Array.isArray(value['people']) &&
  value['people'].length > 0 &&
  value['people'].every((id) => typeof id === 'string') &&
  Array.isArray(value['hops']) &&
  value['hops'].length === value['people'].length - 1 &&
  typeof value['probability'] === 'number';

/**
 * The scene of a subject.
 * @throws InvalidOptionsError when `subject` is none of the three kinds.
 * @throws UnknownEntityError when `options.network` lacks people the chains name.
 */
export function sceneOf(subject: unknown, options: ResolvedDiagramOptions): Scene {
  if (isObject(subject) && subject['type'] === 'neighborhood' && !Array.isArray(subject)) {
    return neighborhoodScene(subject as unknown as Neighborhood, options);
  }
  if (Array.isArray(subject)) {
    const bad = subject.findIndex((path) => !isPath(path));
    if (bad !== -1) {
      throw new InvalidOptionsError([
        {
          code: 'invalid_type',
          path: `subject[${bad}]`,
          message: 'must be an IntroductionPath (from findIntroductions or introductionPaths)',
        },
      ]);
    }
    return chainScene(subject as readonly IntroductionPath[], undefined, options);
  }
  if (
    isObject(subject) &&
    Array.isArray(subject['paths']) &&
    subject['paths'].every(isPath) &&
    isObject(subject['target'])
  ) {
    const result = subject as unknown as IntroductionResult;
    return chainScene(result.paths, result, options);
  }
  throw new InvalidOptionsError([
    {
      code: 'invalid_type',
      path: 'subject',
      message:
        'must be an IntroductionResult (findIntroductions), an array of IntroductionPath, or a Neighborhood (neighborhood)',
    },
  ]);
}

function titleLines(made: readonly string[], options: ResolvedDiagramOptions): readonly string[] {
  if (options.title === undefined) return made;
  return options.title === '' ? [] : [options.title];
}

interface People {
  name(id: string): string;
  organization(id: string): string | undefined;
}

/** Names from the network, checking that it knows everyone; ids when there is no network. */
function peopleOf(ids: Iterable<string>, network: Network | undefined): People {
  if (network === undefined) return { name: (id) => id, organization: () => undefined };
  const missing: MissingEntity[] = [];
  for (const id of new Set(ids)) {
    if (network.person(id) === undefined) {
      missing.push({
        entity: 'person',
        id,
        suggestion: closest(
          id,
          network.people.map((p) => p.id),
        ),
      });
    }
  }
  if (missing.length > 0) throw new UnknownEntityError(missing);
  return {
    name: (id) => network.requirePerson(id).name,
    organization: (id) => {
      const organizationId = network.requirePerson(id).organizationId;
      return organizationId === undefined
        ? undefined
        : (network.organization(organizationId)?.name ?? organizationId);
    },
  };
}

function targetText(target: ReachedTarget, people: People, network: Network | undefined): string {
  switch (target.type) {
    case 'person':
      return people.name(target.personId);
    case 'job': {
      const title = network?.job(target.jobId)?.title ?? target.jobId;
      return target.personId === ''
        ? `the hiring manager for ${title}`
        : `${people.name(target.personId)}, hiring manager for ${title}`;
    }
    case 'organization':
      return `anyone at ${network?.organization(target.organizationId)?.name ?? target.organizationId}`;
  }
}

const CHAIN_LEGEND =
  'blue oval: candidate · green double box: target · amber: on more than one chain · thicker, darker line: stronger tie';
const NEIGHBORHOOD_LEGEND =
  'rings: ties away from the center · arrow: a one-way tie · thicker, darker line: stronger tie';

function stepKey(hop: IntroductionHop): string {
  return JSON.stringify([hop.from, hop.to]);
}

function hopLines(hop: IntroductionHop, sharedWith: readonly number[]): string[] {
  const lines: string[] = [];
  if (hop.kinds.length > 0) lines.push(kindText(hop.kinds));
  const oneWay = hop.evidence.length > 0 && hop.evidence.every((e) => e.direction !== 'both');
  let strength = fixed(hop.strength);
  if (oneWay) strength += ' (directed)';
  lines.push(strength);
  if (hop.askFirst) lines.push(`asks first: × ${fixed(hop.willingness)}`);
  if (sharedWith.length > 1) lines.push(`same step on ${list(sharedWith)}`);
  return lines;
}

function chainScene(
  paths: readonly IntroductionPath[],
  result: IntroductionResult | undefined,
  options: ResolvedDiagramOptions,
): Scene {
  const network = options.network;
  const ids = paths.flatMap((path) => path.people);
  if (result?.target.type === 'job' && result.target.personId !== '')
    ids.push(result.target.personId);
  if (result?.target.type === 'person') ids.push(result.target.personId);
  const people = peopleOf(ids, network);

  // Which chains each intermediary and each step is on: what several chains share fails for all.
  const chainsOf = new Map<string, number[]>();
  const stepsOf = new Map<string, number[]>();
  const note = (map: Map<string, number[]>, key: string, chain: number): void => {
    const chains = map.get(key) ?? [];
    if (chains.at(-1) !== chain) chains.push(chain);
    map.set(key, chains);
  };
  paths.forEach((path, i) => {
    for (const id of path.people.slice(1, -1)) note(chainsOf, id, i + 1);
    for (const hop of path.hops) note(stepsOf, stepKey(hop), i + 1);
  });

  const groups = paths.map((path, i): SceneGroup => {
    const number = i + 1;
    const last = path.people.length - 1;
    const nodes = path.people.map((id, position): SceneNode => {
      const chains = chainsOf.get(id) ?? [];
      const intermediary = position > 0 && position < last;
      const shared = intermediary && chains.length > 1;
      return {
        key: `${number}:${id}`,
        personId: id,
        name: people.name(id),
        detail: people.organization(id),
        note: shared ? `on ${list(chains)}` : undefined,
        role: position === 0 ? 'candidate' : position === last ? 'target' : 'intermediary',
        alsoTarget: last === 0,
        shared,
      };
    });
    const edges = path.hops.map(
      (hop): SceneEdge => ({
        from: `${number}:${hop.from}`,
        to: `${number}:${hop.to}`,
        directed: true,
        strength: hop.strength,
        lines: hopLines(hop, stepsOf.get(stepKey(hop)) ?? []),
        tooltip: hop.reason,
      }),
    );
    return {
      number,
      caption: `Chain ${number} · p = ${fixed(path.probability)} (${path.band})`,
      nodes,
      edges,
    };
  });

  const first = paths[0]?.people;
  const from = first?.[0];
  const sameEnds =
    first !== undefined &&
    paths.every((p) => p.people[0] === from && p.people.at(-1) === first.at(-1));
  const to =
    result === undefined
      ? sameEnds && first !== undefined
        ? people.name(first.at(-1) as string)
        : undefined
      : targetText(result.target, people, network);
  const heading =
    from === undefined
      ? `No chain${to === undefined ? '' : ` to ${to}`}`
      : to === undefined || !sameEnds
        ? 'Introduction chains'
        : `${people.name(from)} → ${to}`;
  const atLeastOne =
    result?.atLeastOne ??
    (paths.length === 0
      ? 0
      : atLeastOneSucceeds(
          paths.map((p) =>
            p.hops.map((hop) => ({ key: stepKey(hop), probability: hop.probability })),
          ),
        ));
  const summary =
    paths.length === 0
      ? 'no chain within the limits'
      : `${paths.length} ${paths.length === 1 ? 'chain' : 'chains'} · at least one works: p = ${fixed(atLeastOne)}`;
  return {
    kind: 'chains',
    title: titleLines([heading, summary], options),
    legend: CHAIN_LEGEND,
    groups,
    empty: paths.length === 0 ? 'no chain within the limits' : undefined,
  };
}

function tieLines(kinds: readonly string[], strength: number): string[] {
  return kinds.length > 0 ? [kindText(kinds), fixed(strength)] : [fixed(strength)];
}

function tieEdges(tie: NeighborhoodTie): SceneEdge[] {
  const edge = (
    from: string,
    to: string,
    strength: number,
    kinds: readonly string[],
    directed: boolean,
  ): SceneEdge => ({
    from,
    to,
    directed,
    strength,
    lines: tieLines(kinds, strength),
    tooltip: undefined,
  });
  if (tie.directed) return [edge(tie.source, tie.target, tie.forward, tie.forwardKinds, true)];
  if (tie.forward === tie.backward)
    return [edge(tie.source, tie.target, tie.strength, tie.kinds, false)];
  // Usable both ways at different strengths: one arrow per direction, each with its own.
  return [
    edge(tie.source, tie.target, tie.forward, tie.forwardKinds, true),
    edge(tie.target, tie.source, tie.backward, tie.backwardKinds, true),
  ];
}

function neighborhoodScene(around: Neighborhood, options: ResolvedDiagramOptions): Scene {
  const center = around.people.find((p) => p.id === around.center);
  const name = center?.name ?? around.center;
  const conditions = [
    `within ${around.hops} ${around.hops === 1 ? 'tie' : 'ties'}`,
    ...(around.minStrength === undefined ? [] : [`strength ≥ ${fixed(around.minStrength)}`]),
    ...(around.asOf === undefined ? [] : [`as of ${around.asOf}`]),
  ];
  const nodes = around.people.map(
    (person): SceneNode => ({
      key: person.id,
      personId: person.id,
      name: person.name,
      detail: person.organizationName,
      note: undefined,
      role: person.id === around.center ? 'center' : 'neighbor',
      alsoTarget: false,
      shared: false,
    }),
  );
  const count = around.people.length - 1;
  return {
    kind: 'neighborhood',
    title: titleLines(
      [
        `${name}'s network, ${conditions.join(', ')}`,
        `${count} ${count === 1 ? 'person' : 'people'} · ${around.ties.length} ${around.ties.length === 1 ? 'tie' : 'ties'}`,
      ],
      options,
    ),
    legend: NEIGHBORHOOD_LEGEND,
    groups: [{ number: 0, caption: undefined, nodes, edges: around.ties.flatMap(tieEdges) }],
    empty: undefined,
  };
}

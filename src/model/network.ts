/**
 * The `Network`: a validated, immutable dataset with indexes, derived tie strengths, summarised
 * ties and a graphology view. Built by `createNetwork`; never mutated after that.
 *
 * @module
 */
import type Graph from 'graphology';
import { UnknownEntityError } from '../errors.js';
import {
  buildPeopleGraph,
  type PersonNodeAttributes,
  type TieEdgeAttributes,
} from './graph-view.js';
import type {
  Application,
  Dataset,
  Group,
  Hire,
  IntroductionPolicy,
  Job,
  Organization,
  Person,
  Relationship,
} from './schema.js';
import { explainStrength, type StrengthExplanation, type StrengthModel } from './strength.js';
import { closest } from './suggest.js';
import { buildTies, type Tie } from './ties.js';

function indexById<T extends { readonly id: string }>(
  records: readonly T[],
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.id, record);
  return map;
}

function groupBy<T>(
  records: readonly T[],
  keys: (record: T) => Iterable<string>,
): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    for (const key of keys(record)) {
      const list = map.get(key);
      if (list) list.push(record);
      else map.set(key, [record]);
    }
  }
  for (const list of map.values()) Object.freeze(list);
  return map;
}

const NONE: readonly never[] = Object.freeze([]);

/** Settings a network was built with. */
export interface NetworkSettings {
  /** The point in time the network shows (ISO 8601), if it was built `asOf` one. */
  readonly asOf: string | undefined;
  /** Epoch ms that recency and duration are measured to (asOf, else the latest date in the data). */
  readonly referenceTime: number | undefined;
  /** The strength model in use. */
  readonly strengthModel: StrengthModel;
}

/**
 * A relationship network: people, organisations, jobs, groups, relationships, hires and
 * applications, validated and frozen. Create one with `createNetwork`.
 *
 * Collections keep input order. Lookups by id are `Map`-based, so any string is a safe id.
 *
 * @example
 * ```ts
 * const network = createNetwork(data);
 * network.person('michael')?.name;            // "Michael Brennan"
 * network.openJobs().map((job) => job.id);    // ["it-sales-rep"]
 * network.tiesOf('michael').length;           // his ties, including shared groups
 * ```
 */
export class Network {
  /** The validated dataset, exactly as given (after `asOf` filtering, if any). */
  readonly dataset: Dataset;
  /** The point in time the network shows, if built `asOf` one. */
  readonly asOf: string | undefined;
  /** The date recency and duration are measured to (`YYYY-MM-DD`), if the data has dates. */
  readonly referenceDate: string | undefined;
  /** The strength model in use. */
  readonly strengthModel: StrengthModel;

  readonly #referenceTime: number | undefined;
  readonly #people: ReadonlyMap<string, Person>;
  readonly #organizations: ReadonlyMap<string, Organization>;
  readonly #jobs: ReadonlyMap<string, Job>;
  readonly #groups: ReadonlyMap<string, Group>;
  #relationshipsByPerson: ReadonlyMap<string, readonly Relationship[]> | undefined;
  #membersByOrganization: ReadonlyMap<string, readonly Person[]> | undefined;
  #groupsByPerson: ReadonlyMap<string, readonly Group[]> | undefined;
  #explanations: readonly StrengthExplanation[] | undefined;
  #ties: readonly Tie[] | undefined;
  #tiesByPerson: ReadonlyMap<string, readonly Tie[]> | undefined;
  #graph: Graph<PersonNodeAttributes, TieEdgeAttributes> | undefined;

  /** @internal Use `createNetwork`, which validates; this constructor trusts its input. */
  constructor(dataset: Dataset, settings: NetworkSettings) {
    this.dataset = Object.freeze({ ...dataset });
    this.asOf = settings.asOf;
    this.#referenceTime = settings.referenceTime;
    this.referenceDate =
      settings.referenceTime === undefined
        ? undefined
        : new Date(settings.referenceTime).toISOString().slice(0, 10);
    this.strengthModel = settings.strengthModel;
    this.#people = indexById(dataset.people);
    this.#organizations = indexById(dataset.organizations);
    this.#jobs = indexById(dataset.jobs);
    this.#groups = indexById(dataset.groups);
    Object.freeze(this);
  }

  /** Everyone, in input order. */
  get people(): readonly Person[] {
    return this.dataset.people;
  }
  /** Every organisation, in input order. */
  get organizations(): readonly Organization[] {
    return this.dataset.organizations;
  }
  /** Every job, in input order. */
  get jobs(): readonly Job[] {
    return this.dataset.jobs;
  }
  /** Every networking group, in input order. */
  get groups(): readonly Group[] {
    return this.dataset.groups;
  }
  /** Every relationship as given (parallel relationships kept), in input order. */
  get relationships(): readonly Relationship[] {
    return this.dataset.relationships;
  }
  /** Every hire, in input order. */
  get hires(): readonly Hire[] {
    return this.dataset.hires;
  }
  /** Every application, in input order. */
  get applications(): readonly Application[] {
    return this.dataset.applications;
  }

  /** The person with this id, or `undefined`. */
  person(id: string): Person | undefined {
    return this.#people.get(id);
  }
  /** The organisation with this id, or `undefined`. */
  organization(id: string): Organization | undefined {
    return this.#organizations.get(id);
  }
  /** The job with this id, or `undefined`. */
  job(id: string): Job | undefined {
    return this.#jobs.get(id);
  }
  /** The group with this id, or `undefined`. */
  group(id: string): Group | undefined {
    return this.#groups.get(id);
  }

  /**
   * The person with this id.
   * @throws UnknownEntityError if there is none (with the closest id, if it looks like a typo).
   */
  requirePerson(id: string): Person {
    const person = this.#people.get(id);
    if (person === undefined)
      throw new UnknownEntityError([
        { entity: 'person', id, suggestion: closest(id, this.#people.keys()) },
      ]);
    return person;
  }
  /**
   * The organisation with this id.
   * @throws UnknownEntityError if there is none.
   */
  requireOrganization(id: string): Organization {
    const organization = this.#organizations.get(id);
    if (organization === undefined)
      throw new UnknownEntityError([
        { entity: 'organization', id, suggestion: closest(id, this.#organizations.keys()) },
      ]);
    return organization;
  }
  /**
   * The job with this id.
   * @throws UnknownEntityError if there is none.
   */
  requireJob(id: string): Job {
    const job = this.#jobs.get(id);
    if (job === undefined)
      throw new UnknownEntityError([
        { entity: 'job', id, suggestion: closest(id, this.#jobs.keys()) },
      ]);
    return job;
  }

  /**
   * Whether a person may be asked to pass an introduction on (`'open'` when not stated).
   * @throws UnknownEntityError for an id that is not a person of the network.
   */
  introductionPolicy(personId: string): IntroductionPolicy {
    return this.requirePerson(personId).introductions ?? 'open';
  }

  /**
   * The relationships a person is source or target of, in input order.
   * @throws UnknownEntityError for an unknown person.
   */
  relationshipsOf(personId: string): readonly Relationship[] {
    this.requirePerson(personId);
    this.#relationshipsByPerson ??= groupBy(this.dataset.relationships, (r) => [
      r.source,
      r.target,
    ]);
    return this.#relationshipsByPerson.get(personId) ?? NONE;
  }

  /**
   * The people whose current employer (`organizationId`) is this organisation, in input order.
   * @throws UnknownEntityError for an unknown organisation.
   */
  membersOf(organizationId: string): readonly Person[] {
    this.requireOrganization(organizationId);
    this.#membersByOrganization ??= groupBy(this.dataset.people, (p) =>
      p.organizationId === undefined ? [] : [p.organizationId],
    );
    return this.#membersByOrganization.get(organizationId) ?? NONE;
  }

  /**
   * The groups a person belongs to, in input order.
   * @throws UnknownEntityError for an unknown person.
   */
  groupsOf(personId: string): readonly Group[] {
    this.requirePerson(personId);
    this.#groupsByPerson ??= groupBy(this.dataset.groups, (g) => new Set(g.members));
    return this.#groupsByPerson.get(personId) ?? NONE;
  }

  /** Jobs whose status is `open`, in input order. */
  openJobs(): readonly Job[] {
    return this.dataset.jobs.filter((job) => job.status === 'open');
  }

  /** The strength of every relationship and how it was arrived at, parallel to `relationships`. */
  strengths(): readonly StrengthExplanation[] {
    this.#explanations ??= Object.freeze(
      this.dataset.relationships.map((rel) =>
        explainStrength(rel, this.#referenceTime, this.strengthModel),
      ),
    );
    return this.#explanations;
  }

  /**
   * One tie per connected pair of people: relationships and shared groups summarised, each
   * direction as strong as its strongest evidence. See {@link Tie}.
   */
  ties(): readonly Tie[] {
    this.#ties ??= buildTies(this.dataset, this.strengths(), this.strengthModel);
    return this.#ties;
  }

  /**
   * The ties of one person, in the order of {@link ties}.
   * @throws UnknownEntityError for an unknown person.
   */
  tiesOf(personId: string): readonly Tie[] {
    this.requirePerson(personId);
    this.#tiesByPerson ??= groupBy(this.ties(), (t) => [t.source, t.target]);
    return this.#tiesByPerson.get(personId) ?? NONE;
  }

  /**
   * The tie between two people (in either order), or `undefined` if they are not connected.
   * @throws UnknownEntityError for an unknown person.
   */
  tie(a: string, b: string): Tie | undefined {
    this.requirePerson(b);
    return this.tiesOf(a).find(
      (t) => (t.source === a && t.target === b) || (t.source === b && t.target === a),
    );
  }

  /**
   * The people and ties as a graphology graph (built once, on first use). Treat it as read-only;
   * call `.copy()` for a graph you may change. Edge attribute `strength` is the tie strength,
   * `cost` is `-ln(strength)`.
   */
  get graph(): Graph<PersonNodeAttributes, TieEdgeAttributes> {
    this.#graph ??= buildPeopleGraph(this.dataset.people, this.ties());
    return this.#graph;
  }
}

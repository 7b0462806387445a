/**
 * The whole network as a graphology graph, in graphology's serialised form (`graph.export()`),
 * and back. The graph is the full heterogeneous dataset, so reading it back gives the identical
 * dataset; GEXF (`gexf.ts`) is written from the same elements.
 *
 * **Layout.** A mixed multi graph (`{ type: 'mixed', multi: true, allowSelfLoops: false }`),
 * graph attributes `{ format: 'warmpath', version: 1 }`.
 *
 * Nodes, in this order, each collection in input order; key `<type>:<id>` (the id is everything
 * after the first colon, so `person:a:b` is person `a:b`; `person:__proto__` is not an
 * `Object.prototype` name, so graphology stores it safely):
 *
 * | type           | label   | attributes                                 |
 * | -------------- | ------- | ------------------------------------------ |
 * | `organization` | `name`  | `{ type, label, ...the record }`           |
 * | `person`       | `name`  | `{ type, label, ...the record }`           |
 * | `job`          | `title` | `{ type, label, ...the record }`           |
 * | `group`        | `name`  | `{ type, label, ...the record but members }` |
 *
 * Edges, in this order, each in input order; key `<type>:<n>` (n counts the edges of that type):
 *
 * | type             | from -> to                   | attributes                                       |
 * | ---------------- | ---------------------------- | ------------------------------------------------ |
 * | `relationship`   | source -> target (1)         | `{ type, label: kind, weight (2), ...the rest }` |
 * | `member`         | group -> person (3)          | `{ type }`                                       |
 * | `hire`           | person -> job                | `{ type, ...the record but personId, jobId }`    |
 * | `application`    | person -> job                | `{ type, ...the record but personId, jobId }`    |
 * | `works-at`       | person -> its organization   | `{ type }`, derived from `organizationId`        |
 * | `at`             | job -> its organization      | `{ type }`, derived from `organizationId`        |
 * | `hiring-manager` | job -> its hiring manager    | `{ type }`, derived from `hiringManagerId`       |
 *
 * (1) undirected unless the relationship has `directed: true`; (2) the relationship's tie
 * strength, `network.strengths()[i].strength`; (3) one edge per member, in `members` order.
 *
 * Note for sigma.js: it reads a node's `type` as the name of its rendering program; give it a
 * `nodeReducer` (or rename the attribute in a copy) to draw this graph.
 *
 * **Fields.** A record's fields are attributes under their own names, present exactly when the
 * record has them (an absent optional field is no attribute; `[]` and `{}` stay). Arrays and
 * `positions` stay arrays of plain objects. Custom attributes stay nested under `attributes`, so
 * they can never collide with a field or with `type`/`label`, and keys such as `__proto__` are
 * kept as own data. Values are fresh copies: changing the serialised graph never changes the
 * network.
 *
 * **Reading back.** Records are rebuilt from node keys and attributes and from the edges of type
 * `relationship`, `member`, `hire` and `application`, then validated by `createNetwork`. Derived
 * things are ignored: the edge types `works-at`, `at` and `hiring-manager` (the record fields
 * are the source of truth), and the attributes `label`, `weight` and graphology/Gephi display
 * attributes (`x`, `y`, `z`, `size`, `color`, `shape`, `thickness`), so a graph laid out in
 * sigma.js or Gephi reads back. Any other unknown attribute is an error.
 *
 * @see https://graphology.github.io/serialization.html (graphology's serialisation format)
 * @module
 */
import type { SerializedGraph } from 'graphology-types';
import { InvalidNetworkError, type Issue } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { CollectionName, NetworkInput } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';

/** The node types of an exported graph, in the order their nodes come. */
export const GRAPH_NODE_TYPES = ['organization', 'person', 'job', 'group'] as const;
/** A node type of an exported graph. */
export type GraphNodeType = (typeof GRAPH_NODE_TYPES)[number];

/**
 * The edge types of an exported graph, in the order their edges come. The last three are
 * derived from record fields for convenience and are ignored on import.
 */
export const GRAPH_EDGE_TYPES = [
  'relationship',
  'member',
  'hire',
  'application',
  'works-at',
  'at',
  'hiring-manager',
] as const;
/** An edge type of an exported graph. */
export type GraphEdgeType = (typeof GRAPH_EDGE_TYPES)[number];

const DERIVED_EDGE_TYPES: ReadonlySet<string> = new Set(['works-at', 'at', 'hiring-manager']);

/** Attributes that present an element and are ignored on import (label, weight, display). */
const PRESENTATION: ReadonlySet<string> = new Set([
  'label',
  'weight',
  'x',
  'y',
  'z',
  'size',
  'color',
  'shape',
  'thickness',
]);

const COLLECTION_OF_NODE: Readonly<Record<GraphNodeType, CollectionName>> = {
  organization: 'organizations',
  person: 'people',
  job: 'jobs',
  group: 'groups',
};

type Fields = Record<string, unknown>;

/** Sets an own data property, so that a key such as `__proto__` stays data. */
function define(target: Fields, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A mutable deep copy of plain data (own keys only, `__proto__` kept as data). */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (typeof value === 'object' && value !== null) {
    const out: Fields = {};
    for (const key of Object.keys(value)) define(out, key, copyPlain((value as Fields)[key]));
    return out;
  }
  return value;
}

function isObject(value: unknown): value is Readonly<Fields> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Readonly<Fields>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/**
 * The node key of a record in the exported graph (and the node id in GEXF): `<type>:<id>`.
 *
 * @param type - The record's node type.
 * @param id - The record's id (any string; colons and `__proto__` included).
 * @returns `<type>:<id>`.
 * @throws Nothing.
 * @example
 * ```ts
 * const graph = Graph.from(networkToGraphology(network));
 * graph.getNodeAttribute(nodeKey('person', 'jacob'), 'label'); // "Jacob Ellis"
 * ```
 * @see {@link networkToGraphology}
 */
export function nodeKey(type: GraphNodeType, id: string): string {
  return `${type}:${id}`;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** @internal One node of the exported graph, before a format lays it out. */
export interface NodeElement {
  readonly key: string;
  readonly type: GraphNodeType;
  readonly label: string;
  /** The record's fields (a group's without `members`), as stored in the network. */
  readonly fields: Readonly<Fields>;
  /** Where the record is in the dataset, e.g. `people[3]`. */
  readonly path: string;
}

/** @internal One edge of the exported graph, before a format lays it out. */
export interface EdgeElement {
  readonly key: string;
  readonly type: GraphEdgeType;
  readonly source: string;
  readonly target: string;
  readonly undirected: boolean;
  /** The edge's label, if it has one (a relationship's kind). */
  readonly label: string | undefined;
  /** A relationship's strength (derived). */
  readonly weight: number | undefined;
  /** The record's fields that are not endpoints (none for member and derived edges). */
  readonly fields: Readonly<Fields>;
  /** Where the record is in the dataset, e.g. `relationships[2]` or `groups[0].members[1]`. */
  readonly path: string;
}

function without(record: object, omit: readonly string[]): Readonly<Fields> {
  const out: Fields = {};
  for (const key of Object.keys(record)) {
    if (!omit.includes(key)) define(out, key, (record as Fields)[key]);
  }
  return out;
}

/** @internal The nodes and edges of a network's graph, in export order. */
export function graphElements(network: Network): {
  nodes: NodeElement[];
  edges: EdgeElement[];
} {
  const { dataset } = network;
  const nodes: NodeElement[] = [];
  const node = (type: GraphNodeType, label: string, record: object, path: string): void => {
    const id = (record as { id: string }).id;
    nodes.push({ key: nodeKey(type, id), type, label, fields: without(record, ['members']), path });
  };
  dataset.organizations.forEach((o, i) => {
    node('organization', o.name, o, `organizations[${i}]`);
  });
  dataset.people.forEach((p, i) => {
    node('person', p.name, p, `people[${i}]`);
  });
  dataset.jobs.forEach((j, i) => {
    node('job', j.title, j, `jobs[${i}]`);
  });
  dataset.groups.forEach((g, i) => {
    node('group', g.name, g, `groups[${i}]`);
  });

  const edges: EdgeElement[] = [];
  const counts = new Map<GraphEdgeType, number>();
  const edge = (
    type: GraphEdgeType,
    source: string,
    target: string,
    path: string,
    more: Partial<Pick<EdgeElement, 'undirected' | 'label' | 'weight' | 'fields'>> = {},
  ): void => {
    const n = counts.get(type) ?? 0;
    counts.set(type, n + 1);
    edges.push({
      key: `${type}:${n}`,
      type,
      source,
      target,
      undirected: more.undirected ?? false,
      label: more.label,
      weight: more.weight,
      fields: more.fields ?? {},
      path,
    });
  };
  const strengths = network.strengths();
  dataset.relationships.forEach((r, i) => {
    const [source, target] = [nodeKey('person', r.source), nodeKey('person', r.target)];
    edge('relationship', source, target, `relationships[${i}]`, {
      undirected: r.directed !== true,
      label: r.kind,
      weight: strengths[i]?.strength,
      fields: without(r, ['source', 'target']),
    });
  });
  dataset.groups.forEach((g, i) => {
    g.members.forEach((member, j) => {
      edge(
        'member',
        nodeKey('group', g.id),
        nodeKey('person', member),
        `groups[${i}].members[${j}]`,
      );
    });
  });
  for (const [collection, type] of [
    ['hires', 'hire'],
    ['applications', 'application'],
  ] as const) {
    dataset[collection].forEach((h, i) => {
      edge(type, nodeKey('person', h.personId), nodeKey('job', h.jobId), `${collection}[${i}]`, {
        fields: without(h, ['personId', 'jobId']),
      });
    });
  }
  dataset.people.forEach((p, i) => {
    if (p.organizationId !== undefined) {
      edge(
        'works-at',
        nodeKey('person', p.id),
        nodeKey('organization', p.organizationId),
        `people[${i}].organizationId`,
      );
    }
  });
  dataset.jobs.forEach((j, i) => {
    const organization = nodeKey('organization', j.organizationId);
    edge('at', nodeKey('job', j.id), organization, `jobs[${i}].organizationId`);
  });
  dataset.jobs.forEach((j, i) => {
    edge(
      'hiring-manager',
      nodeKey('job', j.id),
      nodeKey('person', j.hiringManagerId),
      `jobs[${i}].hiringManagerId`,
    );
  });
  return { nodes, edges };
}

/**
 * The whole network as a graphology serialised graph: a mixed multi graph with one node per
 * organisation, person, job and group (key `<type>:<id>`, attributes `{ type, label, ...fields }`)
 * and one edge per relationship, group membership, hire and application, plus derived
 * `works-at`, `at` and `hiring-manager` edges. The module documentation gives the full layout.
 * Reading it back with {@link networkFromGraphology} gives an identical dataset.
 *
 * Load it with `Graph.from(serialized)` or `new MultiGraph().import(serialized)`: a simple
 * (non-multi) graph rejects the parallel edges a network can have (two relationships between
 * the same people, or an application and a hire of the same person for the same job).
 * Relationship edges carry `weight`, the relationship's tie strength, which graphology-metrics
 * and graphology-shortest-path read by default (higher is stronger, so use `1 - weight` or
 * `-Math.log(weight)` as a distance).
 *
 * @param network - The network to export (as it stands, after any `asOf`).
 * @returns A fresh serialised graph: `{ attributes, options, nodes, edges }`.
 * @throws Nothing for a valid network.
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { networkToGraphology } from 'warmpath';
 *
 * const graph = Graph.from(networkToGraphology(network));
 * graph.getNodeAttribute('person:jacob', 'label'); // "Jacob Ellis"
 * graph.filterEdges((_, a) => a.type === 'hire').length;
 * ```
 * @see https://graphology.github.io/serialization.html
 */
export function networkToGraphology(network: Network): SerializedGraph {
  const { nodes, edges } = graphElements(network);
  return {
    attributes: { format: 'warmpath', version: 1 },
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    nodes: nodes.map((n) => {
      const attributes: Fields = { type: n.type, label: n.label };
      for (const key of Object.keys(n.fields)) define(attributes, key, copyPlain(n.fields[key]));
      return { key: n.key, attributes };
    }),
    edges: edges.map((e) => {
      const attributes: Fields = { type: e.type };
      if (e.label !== undefined) attributes['label'] = e.label;
      if (e.weight !== undefined) attributes['weight'] = e.weight;
      for (const key of Object.keys(e.fields)) define(attributes, key, copyPlain(e.fields[key]));
      return {
        key: e.key,
        source: e.source,
        target: e.target,
        attributes,
        ...(e.undirected ? { undirected: true } : {}),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** @internal How a format stores a record's fields in an element's attributes. */
export interface AttributeCodec {
  /**
   * The record fields held by `attributes` (which no longer has `type`, `id` or presentation
   * attributes). Reports what cannot be decoded to `issues`, with paths under `at`.
   */
  decode(
    element: 'node' | 'edge',
    type: string,
    attributes: ReadonlyArray<readonly [string, unknown]>,
    at: string,
    issues: Issue[],
  ): Fields;
  /** The attribute a record field is stored under, for error paths. */
  attributeOf(field: string): string;
}

const PLAIN_CODEC: AttributeCodec = {
  decode(_element, _type, attributes) {
    const out: Fields = {};
    for (const [key, value] of attributes) define(out, key, value);
    return out;
  },
  attributeOf: (field) => field,
};

/** Where a record came from, to point validation issues at the node or edge. */
interface Location {
  /** `nodes["person:jacob"]` or `edges["hire:0"]`. */
  readonly element: string;
  /** Record fields that are edge endpoints: field -> `source` | `target`. */
  readonly endpoints?: Readonly<Record<string, 'source' | 'target'>>;
  /** For a group: the member edges, in `members` order. */
  readonly members?: string[];
}

const RECORD_PATH = /^(organizations|people|jobs|groups|relationships|hires|applications)\[(\d+)\]/;
const FIELD = /^\.([^.[]+)/;

/** A validation issue's dataset path (`people[3].name`) as a graph path (`nodes["person:a"]...`). */
function graphPath(
  path: string,
  locations: Readonly<Record<CollectionName, readonly Location[]>>,
  codec: AttributeCodec,
): string {
  const record = RECORD_PATH.exec(path);
  if (!record) return path;
  const location = locations[record[1] as CollectionName][Number(record[2])];
  if (location === undefined) return path;
  const rest = path.slice(record[0].length);
  const field = FIELD.exec(rest);
  if (!field) return `${location.element}${rest}`;
  const name = field[1] as string;
  const after = rest.slice(field[0].length);
  const endpoint = location.endpoints?.[name];
  if (endpoint !== undefined) return `${location.element}.${endpoint}${after}`;
  if (name === 'id' && location.endpoints === undefined) return `${location.element}.key${after}`;
  if (name === 'members' && location.members !== undefined) {
    const member = /^\[(\d+)\]/.exec(after);
    const edge = member ? location.members[Number(member[1])] : undefined;
    if (member && edge !== undefined) return `${edge}.target${after.slice(member[0].length)}`;
  }
  return `${location.element}.attributes.${codec.attributeOf(name)}${after}`;
}

/** `nodes["person:jacob"]`, or `nodes[3]` when the key is not a string. */
function elementPath(list: 'nodes' | 'edges', index: number, key: unknown): string {
  return typeof key === 'string' ? `${list}[${JSON.stringify(key)}]` : `${list}[${index}]`;
}

/** Splits a node key `<type>:<id>` (the id may contain colons). */
function splitKey(key: string): { type: GraphNodeType; id: string } | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const type = key.slice(0, colon);
  if (!(GRAPH_NODE_TYPES as readonly string[]).includes(type)) return undefined;
  return { type: type as GraphNodeType, id: key.slice(colon + 1) };
}

const KEY_FORMAT = `"<type>:<id>" with <type> one of ${GRAPH_NODE_TYPES.join(', ')}`;

class GraphReader {
  readonly issues: Issue[] = [];
  readonly input: Record<CollectionName, Fields[]> = {
    organizations: [],
    people: [],
    jobs: [],
    groups: [],
    relationships: [],
    hires: [],
    applications: [],
  };
  readonly locations: Record<CollectionName, Location[]> = {
    organizations: [],
    people: [],
    jobs: [],
    groups: [],
    relationships: [],
    hires: [],
    applications: [],
  };
  /** The first group of each id: its members and their edges, filled by member edges. */
  readonly #groups = new Map<string, { members: string[]; edges: string[] }>();
  /** Whether edges without `undirected: true` are undirected (graph type `undirected`). */
  #undirectedByDefault = false;

  constructor(readonly codec: AttributeCodec) {}

  push(code: Issue['code'], path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** The element's attributes (`{}` when absent), or `undefined` (reported) if not an object. */
  attributes(element: Readonly<Fields>, at: string): Readonly<Fields> | undefined {
    const attributes = own(element, 'attributes');
    if (attributes === undefined) return {};
    if (isObject(attributes)) return attributes;
    this.push('invalid_type', `${at}.attributes`, `must be an object, got ${describe(attributes)}`);
    return undefined;
  }

  /** The element's `type` attribute if it is one of `types`, else `undefined` (reported). */
  type<T extends string>(
    attributes: Readonly<Fields>,
    types: readonly T[],
    at: string,
  ): T | undefined {
    const type = own(attributes, 'type');
    if (type === undefined) {
      this.push(
        'missing_field',
        `${at}.attributes.type`,
        `is required (one of ${types.join(', ')})`,
      );
      return undefined;
    }
    if (typeof type === 'string' && (types as readonly string[]).includes(type)) return type as T;
    const hint = typeof type === 'string' ? didYouMean(type, types) : '';
    this.push(
      'invalid_value',
      `${at}.attributes.type`,
      `must be one of ${types.map((t) => JSON.stringify(t)).join(', ')}; got ${describe(type)}${hint}`,
    );
    return undefined;
  }

  /** The record fields of an element's attributes (without `type`, `id` and presentation). */
  fields(element: 'node' | 'edge', type: string, attributes: Readonly<Fields>, at: string): Fields {
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(attributes)) {
      if (key === 'type' || PRESENTATION.has(key) || (element === 'node' && key === 'id')) continue;
      entries.push([key, attributes[key]]);
    }
    return this.codec.decode(element, type, entries, at, this.issues);
  }

  node(node: unknown, index: number): void {
    if (!isObject(node)) {
      this.push(
        'invalid_type',
        `nodes[${index}]`,
        `must be an object { key, attributes }, got ${describe(node)}`,
      );
      return;
    }
    const key = own(node, 'key');
    const at = elementPath('nodes', index, key);
    if (typeof key !== 'string') {
      this.push(
        key === undefined ? 'missing_field' : 'invalid_type',
        `${at}.key`,
        key === undefined
          ? `is required (${KEY_FORMAT})`
          : `must be a string, got ${describe(key)}`,
      );
      return;
    }
    const split = splitKey(key);
    if (split === undefined) {
      this.push('invalid_value', `${at}.key`, `must be ${KEY_FORMAT}, got ${describe(key)}`);
      return;
    }
    const attributes = this.attributes(node, at);
    if (attributes === undefined) return;
    const type = this.type(attributes, GRAPH_NODE_TYPES, at);
    if (type !== undefined && type !== split.type) {
      this.push(
        'inconsistent',
        `${at}.attributes.type`,
        `is ${JSON.stringify(type)} but the key says ${JSON.stringify(split.type)}`,
      );
    }
    const id = own(attributes, 'id');
    if (id !== undefined && id !== split.id) {
      this.push(
        'inconsistent',
        `${at}.attributes.id`,
        `is ${describe(id)} but the key says ${describe(split.id)}`,
      );
    }
    const record: Fields = { id: split.id };
    const fields = this.fields('node', split.type, attributes, at);
    for (const field of Object.keys(fields)) define(record, field, fields[field]);
    const collection = COLLECTION_OF_NODE[split.type];
    if (split.type === 'group') {
      if (Object.hasOwn(record, 'members')) {
        this.push(
          'unknown_field',
          `${at}.attributes.${this.codec.attributeOf('members')}`,
          'group members are read from "member" edges (group -> person), not from an attribute',
        );
      }
      const group = { members: [] as string[], edges: [] as string[] };
      record['members'] = group.members;
      if (!this.#groups.has(split.id)) this.#groups.set(split.id, group);
      this.input.groups.push(record);
      this.locations.groups.push({ element: at, members: group.edges });
      return;
    }
    this.input[collection].push(record);
    this.locations[collection].push({ element: at });
  }

  /** The id of an edge endpoint that must be a node key of `type`, or `undefined` (reported). */
  endpoint(
    edge: Readonly<Fields>,
    end: 'source' | 'target',
    type: GraphNodeType,
    at: string,
  ): string | undefined {
    const key = own(edge, end);
    if (typeof key !== 'string') {
      this.push(
        key === undefined ? 'missing_field' : 'invalid_type',
        `${at}.${end}`,
        key === undefined ? 'is required' : `must be a node key, got ${describe(key)}`,
      );
      return undefined;
    }
    const split = splitKey(key);
    if (split?.type !== type) {
      this.push(
        'invalid_value',
        `${at}.${end}`,
        `must be the key of a ${type} node ("${type}:<id>"), got ${describe(key)}`,
      );
      return undefined;
    }
    return split.id;
  }

  edge(edge: unknown, index: number): void {
    if (!isObject(edge)) {
      this.push(
        'invalid_type',
        `edges[${index}]`,
        `must be an object { key, source, target, attributes }, got ${describe(edge)}`,
      );
      return;
    }
    const at = elementPath('edges', index, own(edge, 'key'));
    const attributes = this.attributes(edge, at);
    if (attributes === undefined) return;
    const type = this.type(attributes, GRAPH_EDGE_TYPES, at);
    if (type === undefined || DERIVED_EDGE_TYPES.has(type)) return;
    const flag = own(edge, 'undirected');
    if (flag !== undefined && typeof flag !== 'boolean') {
      this.push('invalid_type', `${at}.undirected`, `must be a boolean, got ${describe(flag)}`);
      return;
    }
    const undirected = flag === true || this.#undirectedByDefault;
    const fields = this.fields('edge', type, attributes, at);
    if (type === 'relationship') {
      this.relationship(edge, fields, undirected, at);
      return;
    }
    if (undirected) {
      const ends = type === 'member' ? 'group -> person' : 'person -> job';
      this.push('inconsistent', `${at}.undirected`, `a ${type} edge must be directed (${ends})`);
    }
    if (type === 'member') this.member(edge, fields, at);
    else this.hireLike(type === 'hire' ? 'hires' : 'applications', edge, fields, at);
  }

  relationship(edge: Readonly<Fields>, fields: Fields, undirected: boolean, at: string): void {
    const source = this.endpoint(edge, 'source', 'person', at);
    const target = this.endpoint(edge, 'target', 'person', at);
    const directed = own(fields, 'directed');
    if ((directed === true && undirected) || (directed !== true && !undirected)) {
      this.push(
        'inconsistent',
        `${at}.undirected`,
        directed === true
          ? 'the relationship is directed ("directed": true) but the edge is undirected'
          : 'the relationship is undirected (no "directed": true) but the edge is directed',
      );
    }
    if (source === undefined || target === undefined) return;
    const record: Fields = { source, target };
    for (const field of Object.keys(fields)) define(record, field, fields[field]);
    this.input.relationships.push(record);
    this.locations.relationships.push({
      element: at,
      endpoints: { source: 'source', target: 'target' },
    });
  }

  member(edge: Readonly<Fields>, fields: Fields, at: string): void {
    for (const field of Object.keys(fields)) {
      this.push(
        'unknown_field',
        `${at}.attributes.${this.codec.attributeOf(field)}`,
        `a member edge has no attributes but its type, got ${JSON.stringify(field)}`,
      );
    }
    const group = this.endpoint(edge, 'source', 'group', at);
    const person = this.endpoint(edge, 'target', 'person', at);
    if (group === undefined || person === undefined) return;
    const members = this.#groups.get(group);
    if (members === undefined) {
      this.push(
        'unknown_reference',
        `${at}.source`,
        `unknown group ${JSON.stringify(group)}${didYouMean(group, this.#groups.keys())}`,
      );
      return;
    }
    members.members.push(person);
    members.edges.push(at);
  }

  hireLike(
    collection: 'hires' | 'applications',
    edge: Readonly<Fields>,
    fields: Fields,
    at: string,
  ): void {
    const personId = this.endpoint(edge, 'source', 'person', at);
    const jobId = this.endpoint(edge, 'target', 'job', at);
    if (personId === undefined || jobId === undefined) return;
    const record: Fields = { personId, jobId };
    for (const field of Object.keys(fields)) define(record, field, fields[field]);
    this.input[collection].push(record);
    this.locations[collection].push({
      element: at,
      endpoints: { personId: 'source', jobId: 'target' },
    });
  }

  /** The `nodes` or `edges` array; `[]` when absent. */
  list(graph: Readonly<Fields>, name: 'nodes' | 'edges'): readonly unknown[] {
    const value = own(graph, name);
    if (value === undefined || Array.isArray(value)) return value ?? [];
    this.push('invalid_type', name, `must be an array, got ${describe(value)}`);
    return [];
  }

  /** Reads the graph type: graphology leaves `undirected` out of the edges of undirected graphs. */
  graphOptions(graph: Readonly<Fields>): void {
    const options = own(graph, 'options');
    this.#undirectedByDefault = isObject(options) && own(options, 'type') === 'undirected';
  }

  graphAttributes(graph: Readonly<Fields>): void {
    const attributes = own(graph, 'attributes');
    if (attributes === undefined) return;
    if (!isObject(attributes)) {
      this.push('invalid_type', 'attributes', `must be an object, got ${describe(attributes)}`);
      return;
    }
    const format = own(attributes, 'format');
    if (format !== undefined && format !== 'warmpath') {
      this.push(
        'invalid_value',
        'attributes.format',
        `must be "warmpath", got ${describe(format)}`,
      );
    }
    const version = own(attributes, 'version');
    if (version !== undefined && version !== 1) {
      this.push(
        'invalid_value',
        'attributes.version',
        `this version of warmpath reads graph version 1, got ${describe(version)}`,
      );
    }
  }
}

/**
 * @internal Reads a network from a serialised graph whose attributes `codec` decodes. Shared by
 * the graphology and GEXF readers.
 */
export function networkFromGraph(
  serialized: unknown,
  codec: AttributeCodec,
  options: CreateNetworkOptions | undefined,
): Network {
  const live = isObject(serialized) && typeof serialized['export'] === 'function';
  if (!isObject(serialized) || live) {
    const got = live ? 'a graph: pass graph.export()' : describe(serialized);
    throw new InvalidNetworkError([
      {
        code: 'invalid_type',
        path: '',
        message: `a serialised graph must be an object with "nodes" and "edges" arrays, got ${got}`,
      },
    ]);
  }
  const reader = new GraphReader(codec);
  reader.graphAttributes(serialized);
  reader.graphOptions(serialized);
  const nodes = reader.list(serialized, 'nodes');
  const edges = reader.list(serialized, 'edges');
  nodes.forEach((node, i) => {
    reader.node(node, i);
  });
  edges.forEach((edge, i) => {
    reader.edge(edge, i);
  });
  let validation: readonly Issue[] = [];
  try {
    const network = createNetwork(reader.input as unknown as NetworkInput, options);
    if (reader.issues.length === 0) return network;
  } catch (error) {
    if (!(error instanceof InvalidNetworkError)) throw error;
    // A value the reader could not decode is reported once, not again as missing.
    const reported = new Set(reader.issues.map((issue) => issue.path));
    validation = error.issues
      .map((issue) => ({ ...issue, path: graphPath(issue.path, reader.locations, codec) }))
      .filter((issue) => !reported.has(issue.path));
  }
  throw new InvalidNetworkError([...reader.issues, ...validation]);
}

/**
 * Reads a network from a graphology serialised graph laid out as {@link networkToGraphology}
 * writes it (see the module documentation): records come from the node keys and attributes and
 * from the `relationship`, `member`, `hire` and `application` edges, in node and edge order;
 * derived edges and presentation attributes (`label`, `weight`, `x`, `y`, `size`, `color`, ...)
 * are ignored. For a live graph, pass `graph.export()`.
 *
 * @param serialized - A serialised graph (`graph.export()`, or its JSON parsed).
 * @param options - As for `createNetwork`.
 * @returns The validated network.
 * @throws InvalidNetworkError listing every problem, with paths that name the node or edge by
 *   key: `nodes["person:jacob"].attributes.name` (a record field), `nodes["robot:x"].key` (a key
 *   that is not `<type>:<id>`), `edges["relationship:3"].target` (an unknown person),
 *   `edges["hire:0"].undirected` (an edge whose direction contradicts its record).
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { networkFromGraphology, networkToGraphology } from 'warmpath';
 *
 * const graph = Graph.from(networkToGraphology(network));
 * graph.setNodeAttribute('person:jacob', 'x', 10); // layout attributes are ignored on import
 * const copy = networkFromGraphology(graph.export()); // same dataset as network
 * ```
 * @see https://graphology.github.io/serialization.html
 */
export function networkFromGraphology(
  serialized: SerializedGraph,
  options?: CreateNetworkOptions,
): Network {
  return networkFromGraph(serialized, PLAIN_CODEC, options);
}

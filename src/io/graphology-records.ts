/**
 * Rebuilding records from the elements of a serialised graph (the layout is described in
 * `graphology.ts`): nodes become organisations, people, jobs and groups; `relationship`,
 * `member`, `hire` and `application` edges become their records. Every problem is collected,
 * with the path of the node or edge, and each record remembers where it came from.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import { COLLECTIONS, type CollectionName } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { describe } from './describe.js';
import {
  type AttributeCodec,
  COLLECTION_OF_NODE,
  DERIVED_EDGE_TYPES,
  GRAPH_EDGE_TYPES,
  GRAPH_NODE_TYPES,
  type GraphNodeType,
  KEY_FORMAT,
  PRESENTATION,
  splitKey,
} from './graphology-layout.js';
import { elementPath, type Location } from './graphology-paths.js';
import { defineFields, type Fields, isFields, ownField } from './own-data.js';

/** One empty list per collection, in collection order. */
function perCollection<T>(): Record<CollectionName, T[]> {
  const lists: Partial<Record<CollectionName, T[]>> = {};
  for (const collection of COLLECTIONS) lists[collection] = [];
  return lists as Record<CollectionName, T[]>;
}

/** Reads nodes and edges, in order, into records of `input` and their `locations`. */
export class GraphReader {
  readonly input: Record<CollectionName, Fields[]> = perCollection();
  readonly locations: Record<CollectionName, Location[]> = perCollection();
  /** The first group of each id: its members and their edges, filled by member edges. */
  readonly #groups = new Map<string, { members: string[]; edges: string[] }>();

  /**
   * @param codec - How the format stores record fields in attributes.
   * @param undirectedByDefault - Whether edges without `undirected: true` are undirected
   *   (graphology leaves `undirected` out of the edges of a graph of type `undirected`).
   * @param issues - Where problems go: the graph's problems found so far, then the elements'.
   */
  constructor(
    readonly codec: AttributeCodec,
    readonly undirectedByDefault: boolean,
    readonly issues: Issue[] = [],
  ) {}

  push(code: Issue['code'], path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** The element's attributes (`{}` when absent), or `undefined` (reported) if not an object. */
  attributes(element: Readonly<Fields>, at: string): Readonly<Fields> | undefined {
    const attributes = ownField(element, 'attributes');
    if (attributes === undefined) return {};
    if (isFields(attributes)) return attributes;
    this.push('invalid_type', `${at}.attributes`, `must be an object, got ${describe(attributes)}`);
    return undefined;
  }

  /** The element's `type` attribute if it is one of `types`, else `undefined` (reported). */
  type<T extends string>(
    attributes: Readonly<Fields>,
    types: readonly T[],
    at: string,
  ): T | undefined {
    const type = ownField(attributes, 'type');
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
    if (!isFields(node)) {
      this.push(
        'invalid_type',
        `nodes[${index}]`,
        `must be an object { key, attributes }, got ${describe(node)}`,
      );
      return;
    }
    const key = ownField(node, 'key');
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
    const id = ownField(attributes, 'id');
    if (id !== undefined && id !== split.id) {
      this.push(
        'inconsistent',
        `${at}.attributes.id`,
        `is ${describe(id)} but the key says ${describe(split.id)}`,
      );
    }
    const record: Fields = { id: split.id };
    const fields = this.fields('node', split.type, attributes, at);
    defineFields(record, fields);
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
    const key = ownField(edge, end);
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
    if (!isFields(edge)) {
      this.push(
        'invalid_type',
        `edges[${index}]`,
        `must be an object { key, source, target, attributes }, got ${describe(edge)}`,
      );
      return;
    }
    const at = elementPath('edges', index, ownField(edge, 'key'));
    const attributes = this.attributes(edge, at);
    if (attributes === undefined) return;
    const type = this.type(attributes, GRAPH_EDGE_TYPES, at);
    if (type === undefined || DERIVED_EDGE_TYPES.has(type)) return;
    const flag = ownField(edge, 'undirected');
    if (flag !== undefined && typeof flag !== 'boolean') {
      this.push('invalid_type', `${at}.undirected`, `must be a boolean, got ${describe(flag)}`);
      return;
    }
    const undirected = flag === true || this.undirectedByDefault;
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
    const directed = ownField(fields, 'directed');
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
    defineFields(record, fields);
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
    defineFields(record, fields);
    this.input[collection].push(record);
    this.locations[collection].push({
      element: at,
      endpoints: { personId: 'source', jobId: 'target' },
    });
  }
}

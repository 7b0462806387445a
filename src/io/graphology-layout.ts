/**
 * The keys and types of the exported graph (the layout is described in `graphology.ts`), shared
 * by its writers and readers: graphology and GEXF.
 *
 * @module
 */
import type { Issue } from '../errors.js';
import type { CollectionName } from '../model/schema.js';
import type { Fields } from './own-data.js';

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

/** Edge types derived from record fields: written for convenience, ignored on import. */
export const DERIVED_EDGE_TYPES: ReadonlySet<string> = new Set([
  'works-at',
  'at',
  'hiring-manager',
]);

/** Attributes that present an element and are ignored on import (label, weight, display). */
export const PRESENTATION: ReadonlySet<string> = new Set([
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

/** The collection whose records each node type holds. */
export const COLLECTION_OF_NODE: Readonly<Record<GraphNodeType, CollectionName>> = {
  organization: 'organizations',
  person: 'people',
  job: 'jobs',
  group: 'groups',
};

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

/** Splits a node key `<type>:<id>` (the id may contain colons). */
export function splitKey(key: string): { type: GraphNodeType; id: string } | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const type = key.slice(0, colon);
  if (!(GRAPH_NODE_TYPES as readonly string[]).includes(type)) return undefined;
  return { type: type as GraphNodeType, id: key.slice(colon + 1) };
}

/** What a node key must look like, for error messages. */
export const KEY_FORMAT = `"<type>:<id>" with <type> one of ${GRAPH_NODE_TYPES.join(', ')}`;

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

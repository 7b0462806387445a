/**
 * Issue paths of the graph readers: a validation issue's dataset path (`people[3].name`) turned
 * into the node or edge the record came from (`nodes["person:a"].attributes.name`).
 *
 * @module
 */
import type { CollectionName } from '../model/schema.js';
import type { AttributeCodec } from './graphology-layout.js';
import { splitRecordPath } from './record-path.js';

/** Where a record came from, to point validation issues at the node or edge. */
export interface Location {
  /** `nodes["person:jacob"]` or `edges["hire:0"]`. */
  readonly element: string;
  /** Record fields that are edge endpoints: field -> `source` | `target`. */
  readonly endpoints?: Readonly<Record<string, 'source' | 'target'>>;
  /** For a group: the member edges, in `members` order. */
  readonly members?: string[];
}

const FIELD = /^\.([^.[]+)/;

/** A validation issue's dataset path (`people[3].name`) as a graph path (`nodes["person:a"]...`). */
export function graphPath(
  path: string,
  locations: Readonly<Record<CollectionName, readonly Location[]>>,
  codec: AttributeCodec,
): string {
  const record = splitRecordPath(path);
  if (record === undefined) return path;
  const location = locations[record.collection][record.index];
  if (location === undefined) return path;
  const rest = record.rest;
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
export function elementPath(list: 'nodes' | 'edges', index: number, key: unknown): string {
  return typeof key === 'string' ? `${list}[${JSON.stringify(key)}]` : `${list}[${index}]`;
}

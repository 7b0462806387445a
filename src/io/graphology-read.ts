/**
 * Reading a network from a serialised graph (the layout is described in `graphology.ts`), shared
 * by the graphology and GEXF readers: the graph's own attributes and lists are checked here, the
 * nodes and edges are read into records by {@link GraphReader}, then validated by
 * `createNetwork`, whose issues are pointed back at the nodes and edges.
 *
 * @module
 */
import { InvalidNetworkError, type Issue } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { NetworkInput } from '../model/schema.js';
import { describe } from './describe.js';
import type { AttributeCodec } from './graphology-layout.js';
import { graphPath } from './graphology-paths.js';
import { GraphReader } from './graphology-records.js';
import { type Fields, isFields, ownField } from './own-data.js';

/** The `nodes` or `edges` array; `[]` when absent. */
function list(
  graph: Readonly<Fields>,
  name: 'nodes' | 'edges',
  issues: Issue[],
): readonly unknown[] {
  const value = ownField(graph, name);
  if (value === undefined || Array.isArray(value)) return value ?? [];
  issues.push({
    code: 'invalid_type',
    path: name,
    message: `must be an array, got ${describe(value)}`,
  });
  return [];
}

/** Reads the graph type: graphology leaves `undirected` out of the edges of undirected graphs. */
function undirectedByDefault(graph: Readonly<Fields>): boolean {
  const options = ownField(graph, 'options');
  return isFields(options) && ownField(options, 'type') === 'undirected';
}

function checkGraphAttributes(graph: Readonly<Fields>, issues: Issue[]): void {
  const attributes = ownField(graph, 'attributes');
  if (attributes === undefined) return;
  if (!isFields(attributes)) {
    issues.push({
      code: 'invalid_type',
      path: 'attributes',
      message: `must be an object, got ${describe(attributes)}`,
    });
    return;
  }
  const format = ownField(attributes, 'format');
  if (format !== undefined && format !== 'warmpath') {
    issues.push({
      code: 'invalid_value',
      path: 'attributes.format',
      message: `must be "warmpath", got ${describe(format)}`,
    });
  }
  const version = ownField(attributes, 'version');
  if (version !== undefined && version !== 1) {
    issues.push({
      code: 'invalid_value',
      path: 'attributes.version',
      message: `this version of warmpath reads graph version 1, got ${describe(version)}`,
    });
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
  const live = isFields(serialized) && typeof serialized['export'] === 'function';
  if (!isFields(serialized) || live) {
    const got = live ? 'a graph: pass graph.export()' : describe(serialized);
    throw new InvalidNetworkError([
      {
        code: 'invalid_type',
        path: '',
        message: `a serialised graph must be an object with "nodes" and "edges" arrays, got ${got}`,
      },
    ]);
  }
  const issues: Issue[] = [];
  checkGraphAttributes(serialized, issues);
  const reader = new GraphReader(codec, undirectedByDefault(serialized), issues);
  const nodes = list(serialized, 'nodes', issues);
  const edges = list(serialized, 'edges', issues);
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

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
 * The node and edge types and keys are in `graphology-layout.ts`; the elements both writers
 * (graphology, GEXF) lay out come from `graphology-write.ts`; both readers share
 * `graphology-read.ts`. This module is the graphology format's public face.
 *
 * @see https://graphology.github.io/serialization.html (graphology's serialisation format)
 * @module
 */
import type { SerializedGraph } from 'graphology-types';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { AttributeCodec } from './graphology-layout.js';
import { networkFromGraph } from './graphology-read.js';
import { graphElements } from './graphology-write.js';
import { copyPlain, defineField, defineFields, type Fields } from './own-data.js';

export {
  GRAPH_EDGE_TYPES,
  GRAPH_NODE_TYPES,
  type GraphEdgeType,
  type GraphNodeType,
  nodeKey,
} from './graphology-layout.js';

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
      defineFields(attributes, n.fields, copyPlain);
      return { key: n.key, attributes };
    }),
    edges: edges.map((e) => {
      const attributes: Fields = { type: e.type };
      if (e.label !== undefined) attributes['label'] = e.label;
      if (e.weight !== undefined) attributes['weight'] = e.weight;
      defineFields(attributes, e.fields, copyPlain);
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

/** graphology attributes hold JSON-like values: record fields are stored as they are. */
const PLAIN_CODEC: AttributeCodec = {
  decode(_element, _type, attributes) {
    const out: Fields = {};
    for (const [key, value] of attributes) defineField(out, key, value);
    return out;
  },
  attributeOf: (field) => field,
};

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

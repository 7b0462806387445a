/**
 * GEXF, the XML graph format of Gephi, written and read with graphology-gexf. The file holds the
 * same nodes and edges as the graphology export (`graphology.ts`): node ids `<type>:<id>`, edge
 * ids `<type>:<n>`, in input order, so reading it back gives the identical dataset.
 *
 * **Columns.** GEXF attribute values are scalars, declared per column with one type. Every node
 * and edge has a `type` column (`person`, `relationship`, ...; partition by it in Gephi). Record
 * fields are columns of their own name, present exactly when the record has the field: text
 * fields as `string` columns, `strength` and `interactionsPerMonth` as numbers, `directed` as a
 * boolean. Arrays and objects are JSON text in a column named `<field>_json`: `skills_json`,
 * `tags_json`, `positions_json`, `requirements_json` and `attributes_json` (the custom
 * attributes, so a key such as `__proto__` or a value such as `"42"` keeps its exact type). The
 * record id is the node id after the first colon; group members are `member` edges.
 *
 * **For Gephi.** Nodes are labelled with the person's, organisation's or group's name or the
 * job's title and coloured by type; relationship edges have `weight` = the tie strength
 * (`network.strengths()[i].strength`) and label = the relationship kind; every edge has
 * `kind` = its type, which Gephi uses to keep parallel edges of different types apart (it may
 * merge two relationships between the same people). Labels, weights, kinds, colours, sizes and
 * positions are ignored on import, so a file laid out in Gephi reads back.
 *
 * **Limits.** XML 1.0 cannot hold U+0000 to U+001F except tab, line feed and carriage return,
 * U+FFFE, U+FFFF or unpaired surrogates. JSON columns escape them, so custom attributes, skills,
 * tags, requirements and positions carry any text; in ids and the other text fields they make
 * {@link networkToGexf} throw {@link GexfEncodingError}. Tabs and line breaks are written as
 * character references and survive. A column of numbers that holds `-0` is written as text, so
 * the sign survives (Gephi then sees a text column). A `boolean` column reads anything but
 * `true` as `false` (graphology-gexf's rule). Columns other than those above are errors.
 *
 * @see https://gexf.net/ (GEXF 1.3 specification)
 * @see https://graphology.github.io/standard-library/gexf.html (graphology-gexf)
 * @module
 */
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import type { Issue } from '../errors.js';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { GraphNodeType } from './graphology-layout.js';
import { networkFromGraph } from './graphology-read.js';
import { graphElements } from './graphology-write.js';
import { readingFile } from './source-file.js';
import { checkXml, recordColumns, XmlEncodingError, xmlColumnCodec } from './xml-columns.js';
import { documentError, parseXmlGraph, xmlDocument } from './xml-parse.js';

const COLOURS: Readonly<Record<GraphNodeType, string>> = {
  organization: 'rgb(31,119,180)',
  person: 'rgb(255,127,14)',
  job: 'rgb(44,160,44)',
  group: 'rgb(148,103,189)',
};

/**
 * The network holds text that GEXF (XML 1.0) cannot represent: a control character other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate, in an id or a
 * text field. `.issues` lists every such value with its dataset path (e.g. `people[3].name`).
 * Custom attributes, skills, tags, requirements and positions never cause it (they are written
 * as escaped JSON).
 *
 * @example
 * ```ts
 * try {
 *   networkToGexf(network);
 * } catch (error) {
 *   if (error instanceof GexfEncodingError) console.log(error.issues[0]?.path); // "people[3].name"
 * }
 * ```
 */
export class GexfEncodingError extends XmlEncodingError {
  override readonly name = 'GexfEncodingError' as const;

  constructor(issues: readonly Issue[]) {
    super('GEXF', issues);
  }
}

/** The GEXF columns of a record's fields; `-0` as text, since graphology-gexf writes it as 0. */
function columns(
  type: string,
  fields: Readonly<Record<string, unknown>>,
  path: string,
  issues: Issue[],
): Record<string, unknown> {
  const out = recordColumns(type, fields, path, issues, 'GEXF');
  for (const [column, value] of Object.entries(out)) {
    if (typeof value === 'number' && Object.is(value, -0)) out[column] = '-0';
  }
  return out;
}

/**
 * The whole network as a GEXF 1.3 document for Gephi: one node per organisation, person, job
 * and group (id `<type>:<id>`, labelled with the name or title, coloured by type) and one edge
 * per relationship (`weight` = tie strength), group membership, hire and application, plus the
 * derived `works-at`, `at` and `hiring-manager` edges; every record field is a column (arrays and
 * custom attributes as JSON text in `<field>_json` columns). See the module documentation.
 * Reading it back with {@link networkFromGexf} gives an identical dataset. The output is
 * deterministic (no timestamp).
 *
 * @param network - The network to write (as it stands, after any `asOf`).
 * @returns The GEXF document (XML, UTF-8 declared): write it to a `.gexf` file as UTF-8.
 * @throws GexfEncodingError if an id or a text field holds a character XML 1.0 cannot represent
 *   (control characters other than tab and line breaks, U+FFFE, U+FFFF, unpaired surrogates),
 *   listing every one with its dataset path.
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { networkToGexf } from 'warmpath';
 *
 * await writeFile('network.gexf', networkToGexf(network), 'utf8'); // open it in Gephi
 * ```
 * @see https://gexf.net/ (GEXF 1.3)
 * @see https://graphology.github.io/standard-library/gexf.html
 */
export function networkToGexf(network: Network): string {
  const { nodes, edges } = graphElements(network);
  const issues: Issue[] = [];
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    creator: 'warmpath',
    description: 'warmpath network: organisations, people, jobs, groups and their relationships',
  });
  for (const node of nodes) {
    // The id is the node id, not a column (Gephi reserves the column name "id").
    const { id, ...fields } = node.fields;
    checkXml(String(id), `${node.path}.id`, issues, 'GEXF');
    graph.addNode(node.key, {
      label: node.label,
      viz: { color: COLOURS[node.type] },
      attributes: columns(node.type, fields, node.path, issues),
    });
  }
  for (const edge of edges) {
    const attributes = {
      kind: edge.type,
      attributes: columns(edge.type, edge.fields, edge.path, issues),
      ...(edge.label === undefined ? {} : { label: edge.label }),
      ...(edge.weight === undefined ? {} : { weight: edge.weight }),
    };
    if (edge.undirected)
      graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  }
  if (issues.length > 0) throw new GexfEncodingError(issues);
  // The formatters return copies: graphology-gexf adds fields to what they return.
  const text = gexf.write(graph, {
    version: '1.3',
    formatNode: (_key, attributes) => ({ ...attributes }),
    formatEdge: (_key, attributes) => ({ ...attributes }),
  });
  // XML 1.0 holds NEL and LINE SEPARATOR, but xmldom reads them as line feeds (spaces in
  // attributes): as character references they read back as themselves. They can only be in
  // values, never in the markup, so every one is replaced.
  return text.replace(/[\u0085\u2028]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// graphology-gexf reads an edge's XML `kind` (its type) as the attribute `kind`; a
// relationship's `kind` column overrides it.
const GEXF_CODEC = xmlColumnCodec(
  (element, type, column) => element === 'edge' && column === 'kind' && type !== 'relationship',
);

/**
 * Reads a network from a GEXF document laid out as {@link networkToGexf} writes it (see the
 * module documentation): records come from node ids and columns and from the `relationship`,
 * `member`, `hire` and `application` edges, in document order; JSON columns are parsed;
 * labels, weights, edge kinds, colours, sizes, positions and derived edges are ignored, so a
 * file laid out and saved by Gephi reads back.
 *
 * @param text - The GEXF document (optionally starting with a byte-order mark).
 * @param options - As for `createNetwork`.
 * @param file - A file name to put in error reports.
 * @returns The validated network.
 * @throws InvalidNetworkError for text that is not well-formed GEXF (`parse_error`, with the
 *   line when the XML parser gives one), and for a graph that is not a valid network, with
 *   paths naming the node or edge by id: `nodes["person:jacob"].attributes.skills_json[0]`,
 *   `edges["relationship:3"].target`.
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { networkFromGexf } from 'warmpath';
 *
 * const network = networkFromGexf(await readFile('network.gexf', 'utf8'));
 * ```
 * @see https://gexf.net/ (GEXF 1.3)
 * @see https://graphology.github.io/standard-library/gexf.html
 */
export function networkFromGexf(
  text: string,
  options?: CreateNetworkOptions,
  file?: string,
): Network {
  const xml = xmlDocument(text, 'GEXF', 'gexf', file);
  const { result: graph, problems } = parseXmlGraph(
    () => gexf.parse(Graph, xml) as Graph,
    'graphology-gexf',
    'GEXF',
  );
  if (graph === undefined) throw documentError(problems, file);
  return readingFile(file, () => networkFromGraph(graph.export(), GEXF_CODEC, options));
}

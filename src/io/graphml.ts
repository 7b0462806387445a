/**
 * GraphML, the XML graph format of the graph-drawing community (yEd, Gephi, Cytoscape, igraph),
 * written by warmpath itself and read with graphology-graphml. The file holds the same nodes and
 * edges as the graphology export (`graphology.ts`) and the same columns as GEXF
 * (`xml-columns.ts`), so reading it back gives the identical dataset.
 *
 * **Layout.** One `<graph edgedefault="undirected">`; graph data `format` = `warmpath` and
 * `version` = 1. Nodes `<node id="<type>:<id>">`, edges `<edge id="<type>:<n>">`, in input
 * order; an edge is undirected unless it has `directed="true"` (member, hire, application and
 * derived edges, and relationships with `directed: true`). Every value is a `<data>` element
 * whose key is declared once per element kind by a `<key id for attr.name attr.type>`: node keys
 * `n_<name>`, edge keys `e_<name>`, graph keys `g_<name>`. Columns: `type` on every node and
 * edge, `label` (the name or title; a relationship's kind) and `weight` (a relationship's tie
 * strength) for display, then the record's fields under their own names (`strength` and
 * `interactionsPerMonth` as `double`, `directed` as `boolean`, other fields as `string`) and its
 * arrays and custom attributes as JSON text in `<field>_json`. The record id is the node id
 * after the first colon; group members are `member` edges (group -> person).
 *
 * **Text.** Tabs, line breaks and carriage returns are written as character references, so they
 * survive XML's normalisation; leading and trailing spaces are kept. XML 1.0 cannot hold other
 * control characters, U+FFFE, U+FFFF or unpaired surrogates: in ids and text fields they make
 * {@link networkToGraphml} throw {@link GraphmlEncodingError} (nothing is dropped silently);
 * JSON columns escape them, so custom attributes, skills, tags, requirements and positions carry
 * any text.
 *
 * **Other readers.** Labels, weights and the `type` column make the file useful in yEd and
 * Gephi. Node ids are the `<type>:<id>` keys as they are; the GraphML schema types ids as
 * `NMTOKEN`, so ids with spaces are not schema-valid, which no common reader checks. NetworkX's
 * `read_graphml` refuses graphs that mix directed and undirected edges: it reads a network whose
 * only edges are undirected relationships, but a group, job, hire, application, employer or
 * directed relationship adds directed edges.
 *
 * **Reading.** graphology-graphml parses the document. Three of its habits are corrected by the
 * graph class it is given ({@link networkFromGraphml}): it copies the whole graph for every edge
 * of a mixed graph (quadratic time), it merges an edge into an earlier one with the same id or
 * endpoints (losing a record silently), and it stops at the first node id used twice or edge to
 * a missing node. Here every such problem is collected and reported at once.
 *
 * @see Brandes, Eiglsperger, Herman, Himsolt and Marshall, "GraphML Progress Report: Structural
 *   Layer Proposal", Graph Drawing 2001, LNCS 2265, Springer 2002, pp. 501-512.
 * @see http://graphml.graphdrawing.org/primer/graphml-primer.html (the GraphML Primer)
 * @see https://graphology.github.io/standard-library/graphml.html (graphology-graphml)
 * @module
 */
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import type { Attributes, EdgeMergeResult } from 'graphology-types';
import type { Issue } from '../errors.js';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import { networkFromGraph } from './graphology-read.js';
import { graphElements } from './graphology-write.js';
import { readingFile } from './source-file.js';
import { checkXml, recordColumns, XmlEncodingError, xmlColumnCodec } from './xml-columns.js';
import {
  documentError,
  hasXmlElement,
  parseXmlGraph,
  type XmlProblem,
  xmlDocument,
} from './xml-parse.js';

/**
 * The network holds text that GraphML (XML 1.0) cannot represent: a control character other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate, in an id or
 * a text field. `.issues` lists every such value with its dataset path (e.g. `people[3].name`).
 * Custom attributes, skills, tags, requirements and positions never cause it (they are written
 * as escaped JSON).
 *
 * @example
 * ```ts
 * try {
 *   networkToGraphml(network);
 * } catch (error) {
 *   if (error instanceof GraphmlEncodingError) console.log(error.issues[0]?.path); // "people[3].name"
 * }
 * ```
 * @see https://www.w3.org/TR/xml/#charsets
 */
export class GraphmlEncodingError extends XmlEncodingError {
  override readonly name = 'GraphmlEncodingError' as const;

  constructor(issues: readonly Issue[]) {
    super('GraphML', issues);
  }
}

type Domain = 'graph' | 'node' | 'edge';
type KeyType = 'string' | 'double' | 'int' | 'boolean';
type Column = readonly [name: string, value: unknown];

const KEY_PREFIX: Readonly<Record<Domain, string>> = { graph: 'g', node: 'n', edge: 'e' };
const GRAPHML_NAMESPACE =
  'xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"';

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  // XML 1.0 holds NEL and LINE SEPARATOR, but xmldom reads them as line feeds: references keep them.
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
};

/** Element content: markup escaped, CR as a reference (XML turns a literal CR into LF). */
function escapeText(text: string): string {
  return text.replace(/[&<>\r\u0085\u2028]/g, (c) => TEXT_ESCAPES[c] as string);
}

/** An attribute value: also quotes, tabs and line breaks (XML turns literal ones into spaces). */
function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r\u0085\u2028]/g, (c) => TEXT_ESCAPES[c] as string);
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return String(value);
}

/** The keys of one element kind: one per column name, typed by the values the column holds. */
class KeyTable {
  readonly #types = new Map<string, KeyType>();

  constructor(readonly domain: Domain) {}

  add(name: string, value: unknown): void {
    const type: KeyType =
      typeof value === 'number'
        ? Number.isInteger(value) && this.domain === 'graph'
          ? 'int'
          : 'double'
        : typeof value === 'boolean'
          ? 'boolean'
          : 'string';
    const known = this.#types.get(name);
    this.#types.set(name, known === undefined || known === type ? type : 'string');
  }

  id(name: string): string {
    return `${KEY_PREFIX[this.domain]}_${name}`;
  }

  declarations(): string[] {
    return [...this.#types].map(
      ([name, type]) =>
        `  <key id="${escapeAttribute(this.id(name))}" for="${this.domain}" attr.name="${escapeAttribute(name)}" attr.type="${type}"/>`,
    );
  }
}

function dataLines(keys: KeyTable, columns: readonly Column[], indent: string): string[] {
  return columns.map(
    ([name, value]) =>
      `${indent}<data key="${escapeAttribute(keys.id(name))}">${escapeText(formatValue(value))}</data>`,
  );
}

/** `type`, the display columns, then the record's columns (without its `type`). */
function orderedColumns(
  type: string,
  display: readonly Column[],
  fields: Readonly<Record<string, unknown>>,
  path: string,
  issues: Issue[],
): Column[] {
  const record = Object.entries(recordColumns(type, fields, path, issues, 'GraphML'));
  return [['type', type], ...display, ...record.filter(([name]) => name !== 'type')];
}

/**
 * The whole network as a GraphML document: one node per organisation, person, job and group
 * (id `<type>:<id>`) and one edge per relationship (undirected unless `directed`), group
 * membership, hire and application, plus the derived `works-at`, `at` and `hiring-manager`
 * edges; every record field is a `<data>` value of a declared key (arrays and custom attributes
 * as JSON text in `<field>_json`), with `label` and `weight` for display. See the module
 * documentation. Reading it back with {@link networkFromGraphml} gives an identical dataset,
 * and graphology-graphml reads it as a mixed multi graph with the same nodes and edges. The
 * output is deterministic. Nothing is dropped: what GraphML cannot hold is refused.
 *
 * @param network - The network to write (as it stands, after any `asOf`).
 * @returns The GraphML document (XML, UTF-8 declared): write it to a `.graphml` file as UTF-8.
 * @throws GraphmlEncodingError if an id or a text field holds a character XML 1.0 cannot
 *   represent (control characters other than tab and line breaks, U+FFFE, U+FFFF, unpaired
 *   surrogates), listing every one with its dataset path.
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { networkToGraphml } from 'warmpath';
 *
 * await writeFile('network.graphml', networkToGraphml(network), 'utf8'); // open it in yEd
 * ```
 * @see Brandes et al., "GraphML Progress Report: Structural Layer Proposal", Graph Drawing 2001,
 *   LNCS 2265, Springer 2002.
 * @see http://graphml.graphdrawing.org/primer/graphml-primer.html
 */
export function networkToGraphml(network: Network): string {
  const { nodes, edges } = graphElements(network);
  const issues: Issue[] = [];
  const graphKeys = new KeyTable('graph');
  const nodeKeys = new KeyTable('node');
  const edgeKeys = new KeyTable('edge');
  const graphColumns: Column[] = [
    ['format', 'warmpath'],
    ['version', 1],
  ];
  const nodeColumns = nodes.map((node) => {
    // The id is the node id, not a column, as in GEXF.
    const { id, ...fields } = node.fields;
    checkXml(String(id), `${node.path}.id`, issues, 'GraphML');
    return orderedColumns(node.type, [['label', node.label]], fields, node.path, issues);
  });
  const edgeColumns = edges.map((edge) => {
    const display: Column[] = [];
    if (edge.label !== undefined) display.push(['label', edge.label]);
    if (edge.weight !== undefined) display.push(['weight', edge.weight]);
    return orderedColumns(edge.type, display, edge.fields, edge.path, issues);
  });
  if (issues.length > 0) throw new GraphmlEncodingError(issues);

  for (const [name, value] of graphColumns) graphKeys.add(name, value);
  for (const columns of nodeColumns) for (const [name, value] of columns) nodeKeys.add(name, value);
  for (const columns of edgeColumns) for (const [name, value] of columns) edgeKeys.add(name, value);

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml ${GRAPHML_NAMESPACE}>`,
    ...graphKeys.declarations(),
    ...nodeKeys.declarations(),
    ...edgeKeys.declarations(),
    '  <graph edgedefault="undirected">',
    ...dataLines(graphKeys, graphColumns, '    '),
  ];
  nodes.forEach((node, i) => {
    lines.push(`    <node id="${escapeAttribute(node.key)}">`);
    lines.push(...dataLines(nodeKeys, nodeColumns[i] ?? [], '      '));
    lines.push('    </node>');
  });
  edges.forEach((edge, i) => {
    const ends = `source="${escapeAttribute(edge.source)}" target="${escapeAttribute(edge.target)}"`;
    const directed = edge.undirected ? '' : ' directed="true"';
    lines.push(`    <edge id="${escapeAttribute(edge.key)}" ${ends}${directed}>`);
    lines.push(...dataLines(edgeKeys, edgeColumns[i] ?? [], '      '));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const GRAPHML_CODEC = xmlColumnCodec();

/** The attribute types graphology-graphml can cast (GraphML's, minus none). */
const KEY_TYPES: ReadonlySet<string> = new Set([
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'string',
]);
const KEY_DOMAINS: ReadonlySet<string> = new Set(['graph', 'node', 'edge']);
// Linear on hostile text: a start tag ends at the next "<" at the latest, and an attribute name
// is only tried where a name begins (otherwise 40,000 "<key" or an 80,000-letter word in a key
// tag took seconds, growing with the square of the length).
const KEY_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?key\b([^<>]*)>/g;
const XML_ATTRIBUTE = /(?<![\w.:-])([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Key declarations graphology-graphml would stumble on (it reads `for="all"` and unknown
 * `attr.type`s as a crash): found in the start tags of `<key>` elements.
 */
function keyProblems(xml: string): XmlProblem[] {
  const problems: XmlProblem[] = [];
  for (const key of xml.matchAll(KEY_ELEMENT)) {
    const attributes = new Map<string, string>();
    for (const a of (key[1] ?? '').matchAll(XML_ATTRIBUTE)) {
      attributes.set(a[1] as string, a[2] ?? a[3] ?? '');
    }
    const id = JSON.stringify(attributes.get('id') ?? '');
    const domain = attributes.get('for');
    if (domain !== undefined && !KEY_DOMAINS.has(domain)) {
      problems.push({
        message: `key ${id} is declared for="${domain}": declare it once for each of graph, node and edge that use it`,
      });
    }
    const type = attributes.get('attr.type');
    if (type !== undefined && !KEY_TYPES.has(type)) {
      problems.push({
        message: `key ${id} has attr.type="${type}": use one of ${[...KEY_TYPES].join(', ')}`,
      });
    }
  }
  return problems;
}

/** The graph graphology-graphml is given: always mixed and multi, it collects every problem. */
class GraphmlGraph extends Graph {
  readonly problems: XmlProblem[] = [];
  #nodes = 0;
  #edges = 0;

  /** graphology-graphml passes the file's `edgedefault` as the graph type. */
  constructor(options?: { type?: unknown }) {
    super({ type: 'mixed', multi: true, allowSelfLoops: true });
    const type = options?.type;
    if (type !== 'directed' && type !== 'undirected') {
      this.problems.push({
        message: `<graph edgedefault="${String(type)}">: edgedefault must be "directed" or "undirected"`,
      });
    }
  }

  /** The graph is already mixed and multi: graphology-graphml's "upgrade" copies are not needed. */
  override copy(): this {
    return this;
  }

  override addNode(node: unknown, attributes?: Attributes): string {
    const index = this.#nodes++;
    if (typeof node !== 'string' || node === '') {
      this.problems.push({
        code: 'missing_field',
        path: `nodes[${index}].id`,
        message: 'a <node> needs an id',
      });
      return '';
    }
    if (this.hasNode(node)) {
      this.problems.push({
        code: 'duplicate_id',
        path: `nodes[${JSON.stringify(node)}]`,
        message: 'the node id appears more than once: node ids must be unique',
      });
      return node;
    }
    return super.addNode(node, attributes);
  }

  /** Adds every edge as it is, never merging; an edge without an id is named `#<n>`. */
  #add(
    key: unknown,
    source: unknown,
    target: unknown,
    attributes: Attributes | undefined,
    undirected: boolean,
  ): EdgeMergeResult {
    const n = ++this.#edges;
    let name = typeof key === 'string' && key !== '' ? key : `#${n}`;
    const at = `edges[${JSON.stringify(name)}]`;
    let ok = true;
    if (typeof key === 'string' && key !== '' && this.hasEdge(key)) {
      this.problems.push({
        code: 'duplicate_id',
        path: at,
        message: 'the edge id appears more than once: edge ids must be unique',
      });
      ok = false;
    }
    for (const [end, node] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (typeof node !== 'string' || !this.hasNode(node)) {
        this.problems.push({
          code: 'unknown_reference',
          path: `${at}.${end}`,
          message:
            node === null || node === ''
              ? `the <edge> has no ${end}`
              : `${JSON.stringify(node)} is not the id of a node in the file`,
        });
        ok = false;
      }
    }
    if (!ok) return [name, false, false, false];
    while (this.hasEdge(name)) name = `#${name}`;
    if (undirected) this.addUndirectedEdgeWithKey(name, source, target, attributes);
    else this.addDirectedEdgeWithKey(name, source, target, attributes);
    return [name, true, false, false];
  }

  override mergeDirectedEdgeWithKey(
    key: unknown,
    source: unknown,
    target: unknown,
    attributes?: Attributes,
  ): EdgeMergeResult {
    return this.#add(key, source, target, attributes, false);
  }

  override mergeUndirectedEdgeWithKey(
    key: unknown,
    source: unknown,
    target: unknown,
    attributes?: Attributes,
  ): EdgeMergeResult {
    return this.#add(key, source, target, attributes, true);
  }

  override mergeDirectedEdge(
    source: unknown,
    target: unknown,
    attributes?: Attributes,
  ): EdgeMergeResult {
    return this.#add(undefined, source, target, attributes, false);
  }

  override mergeUndirectedEdge(
    source: unknown,
    target: unknown,
    attributes?: Attributes,
  ): EdgeMergeResult {
    return this.#add(undefined, source, target, attributes, true);
  }
}

/**
 * Reads a network from a GraphML document laid out as {@link networkToGraphml} writes it (see
 * the module documentation), parsed by graphology-graphml: records come from node ids and
 * `<data>` values and from the `relationship`, `member`, `hire` and `application` edges, in
 * document order; JSON columns are parsed; labels, weights, display attributes and derived
 * edges are ignored, so a file laid out and saved by yEd or Gephi reads back as long as it keeps
 * the data. The document's structure is checked first (well-formed XML, `<graphml>` and
 * `<graph>`, keys graphology-graphml can read, node and edge ids unique, edge endpoints that are
 * nodes, no hyperedges), every problem at once; then the records, every problem at once.
 *
 * @param text - The GraphML document (optionally starting with a byte-order mark).
 * @param options - As for `createNetwork`.
 * @param file - A file name to put in error reports.
 * @returns The validated network.
 * @throws InvalidNetworkError for text that is not well-formed GraphML (`parse_error`, with the
 *   line when the XML parser gives one), for structural problems (`duplicate_id` at
 *   `nodes["person:a"]`, `unknown_reference` at `edges["hire:0"].target`), and for a graph that
 *   is not a valid network, with paths naming the node or edge by id:
 *   `nodes["person:jacob"].attributes.skills_json[0]`, `edges["relationship:3"].target`.
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { networkFromGraphml } from 'warmpath';
 *
 * const network = networkFromGraphml(await readFile('network.graphml', 'utf8'), {}, 'network.graphml');
 * ```
 * @see Brandes et al., "GraphML Progress Report: Structural Layer Proposal", Graph Drawing 2001,
 *   LNCS 2265, Springer 2002.
 * @see https://graphology.github.io/standard-library/graphml.html
 */
export function networkFromGraphml(
  text: string,
  options?: CreateNetworkOptions,
  file?: string,
): Network {
  const xml = xmlDocument(text, 'GraphML', 'graphml', file);
  const structure: XmlProblem[] = [];
  if (!hasXmlElement(xml, 'graph')) {
    structure.push({
      message: 'there is no <graph> element: a GraphML document holds its nodes and edges in one',
    });
  }
  if (hasXmlElement(xml, 'hyperedge')) {
    structure.push({
      message: 'hyperedges are not part of a warmpath network: use <edge> elements',
    });
  }
  structure.push(...keyProblems(xml));
  if (structure.length > 0) throw documentError(structure, file);
  const { result: graph, problems } = parseXmlGraph(
    () => graphml.parse(GraphmlGraph, xml) as GraphmlGraph,
    'graphology-graphml',
    'GraphML',
  );
  if (graph === undefined) throw documentError(problems, file);
  if (graph.problems.length > 0) throw documentError(graph.problems, file);
  return readingFile(file, () => networkFromGraph(graph.export(), GRAPHML_CODEC, options));
}

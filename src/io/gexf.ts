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
import { InvalidNetworkError, type Issue, WarmpathError } from '../errors.js';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { AttributeCodec, GraphNodeType } from './graphology-layout.js';
import { networkFromGraph } from './graphology-read.js';
import { graphElements } from './graphology-write.js';
import { defineField, type Fields } from './own-data.js';
import { inFile, readingFile, withoutByteOrderMark } from './source-file.js';

/** Fields held as JSON text, each in the column `<field>_json`. */
const JSON_FIELDS: ReadonlySet<string> = new Set([
  'skills',
  'tags',
  'positions',
  'requirements',
  'attributes',
]);
const JSON_SUFFIX = '_json';
const NUMBER_FIELDS: ReadonlySet<string> = new Set(['strength', 'interactionsPerMonth']);
/** A number as JSON (and `String(number)`) writes it, `-0` included. */
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const COLOURS: Readonly<Record<GraphNodeType, string>> = {
  organization: 'rgb(31,119,180)',
  person: 'rgb(255,127,14)',
  job: 'rgb(44,160,44)',
  group: 'rgb(148,103,189)',
};

const SHOWN_IN_MESSAGE = 20;

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
export class GexfEncodingError extends WarmpathError {
  override readonly name = 'GexfEncodingError' as const;
  /** Every value that cannot be written, in dataset order. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const lines = issues
      .slice(0, SHOWN_IN_MESSAGE)
      .map((issue) => `  - ${issue.path}: ${issue.message}`);
    if (issues.length > SHOWN_IN_MESSAGE)
      lines.push(`  ... and ${issues.length - SHOWN_IN_MESSAGE} more (see .issues)`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Cannot write GEXF (${count}):\n${lines.join('\n')}`);
    this.issues = Object.freeze([...issues]);
  }
}

/** The first character XML 1.0 cannot represent, as `U+XXXX` and its index, if any. */
function nonXmlCharacter(text: string): { code: string; index: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bad = false;
    if (c < 0x20) bad = c !== 0x9 && c !== 0xa && c !== 0xd;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad = true;
    } else bad = (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
    if (bad) return { code: `U+${c.toString(16).toUpperCase().padStart(4, '0')}`, index: i };
  }
  return undefined;
}

/** A JSON string literal that XML can carry: JSON escapes controls and lone surrogates. */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

/** JSON text of plain data, keeping `-0` (which `JSON.stringify` writes as `0`). */
function jsonText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    const entries = Object.keys(record).map((k) => `${jsonString(k)}:${jsonText(record[k])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value);
}

/** Reports `text` at `path` if it holds a character XML 1.0 cannot represent. */
function checkXml(text: string, path: string, issues: Issue[]): void {
  const bad = nonXmlCharacter(text);
  if (bad === undefined) return;
  issues.push({
    code: 'invalid_value',
    path,
    message: `contains ${bad.code} (at index ${bad.index}), which XML 1.0 and so GEXF cannot represent`,
  });
}

/** The GEXF columns of a record's fields; reports text XML cannot hold. */
function columns(
  type: string,
  fields: Readonly<Record<string, unknown>>,
  path: string,
  issues: Issue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { type };
  for (const field of Object.keys(fields)) {
    const value = fields[field];
    if (JSON_FIELDS.has(field)) {
      out[`${field}${JSON_SUFFIX}`] = jsonText(value);
      continue;
    }
    if (typeof value === 'string') checkXml(value, `${path}.${field}`, issues);
    out[field] = typeof value === 'number' && Object.is(value, -0) ? '-0' : value;
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
    checkXml(String(id), `${node.path}.id`, issues);
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
  return gexf.write(graph, {
    version: '1.3',
    formatNode: (_key, attributes) => ({ ...attributes }),
    formatEdge: (_key, attributes) => ({ ...attributes }),
  });
}

const GEXF_CODEC: AttributeCodec = {
  decode(element, type, attributes, at, issues) {
    const out: Fields = {};
    const set = (field: string, value: unknown): void => defineField(out, field, value);
    for (const [column, value] of attributes) {
      // graphology-gexf reads an edge's XML `kind` (its type) as the attribute `kind`; a
      // relationship's `kind` column overrides it.
      if (element === 'edge' && column === 'kind' && type !== 'relationship') continue;
      const path = `${at}.attributes.${column}`;
      if (column.endsWith(JSON_SUFFIX) && JSON_FIELDS.has(column.slice(0, -JSON_SUFFIX.length))) {
        if (typeof value !== 'string') {
          issues.push({ code: 'invalid_type', path, message: 'must be JSON text' });
          continue;
        }
        try {
          set(column.slice(0, -JSON_SUFFIX.length), JSON.parse(value));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          issues.push({ code: 'parse_error', path, message: `is not valid JSON: ${reason}` });
        }
      } else if (JSON_FIELDS.has(column)) {
        issues.push({
          code: 'unknown_field',
          path,
          message: `unknown column ${JSON.stringify(column)}: ${column} is JSON text in "${column}${JSON_SUFFIX}"`,
        });
      } else if (
        NUMBER_FIELDS.has(column) &&
        typeof value === 'string' &&
        NUMBER_TEXT.test(value)
      ) {
        set(column, Number(value));
      } else if (column === 'directed' && (value === 'true' || value === 'false')) {
        set(column, value === 'true');
      } else {
        set(column, value);
      }
    }
    return out;
  },
  attributeOf: (field) => (JSON_FIELDS.has(field) ? `${field}${JSON_SUFFIX}` : field),
};

const GEXF_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?gexf[\s/>]/;
const XMLDOM_PREFIX = /^\[xmldom (?:warning|error)\]\s*/;
const XMLDOM_PLACE = /line:(\d+),col:(\d+)/;
const MISSING_NODE = /points to an inexisting node/;

/**
 * Parses GEXF with graphology-gexf. Its XML parser (xmldom) reports malformed XML on the console
 * and carries on; those reports are caught here, while the synchronous parse runs, and become
 * issues instead, so that a broken file is an error rather than a half-read graph.
 */
function parseGexf(text: string): {
  graph?: Graph;
  problems: { message: string; line?: number }[];
} {
  const problems: { message: string; line?: number }[] = [];
  const report = (...args: unknown[]): void => {
    const place = XMLDOM_PLACE.exec(String(args[1] ?? ''));
    const message = String(args[0]).replace(XMLDOM_PREFIX, '').trim();
    problems.push({
      message: `not well-formed XML: ${message}${place ? ` (line ${place[1]}, column ${place[2]})` : ''}`,
      ...(place ? { line: Number(place[1]) } : {}),
    });
  };
  const { warn, error } = console;
  console.warn = report;
  console.error = report;
  try {
    const graph = gexf.parse(Graph, text) as Graph;
    return problems.length > 0 ? { problems } : { graph, problems };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (problems.length === 0) {
      problems.push({
        message: MISSING_NODE.test(message)
          ? "an edge's source or target is not the id of a node in the file"
          : `not a GEXF graph graphology-gexf can read: ${message}`,
      });
    }
    return { problems };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

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
  const fail = (message: string, line?: number): never => {
    throw new InvalidNetworkError(
      inFile(
        [{ code: 'parse_error', path: '', message, ...(line === undefined ? {} : { line }) }],
        file,
      ),
    );
  };
  if (typeof text !== 'string') return fail(`GEXF must be text, got ${typeof text}`);
  const xml = withoutByteOrderMark(text);
  if (!GEXF_ELEMENT.test(xml)) return fail('not a GEXF document: there is no <gexf> element');
  const { graph, problems } = parseGexf(xml);
  if (graph === undefined) {
    throw new InvalidNetworkError(
      inFile(
        problems.map((p) => ({
          code: 'parse_error',
          path: '',
          message: p.message,
          ...(p.line === undefined ? {} : { line: p.line }),
        })),
        file,
      ),
    );
  }
  return readingFile(file, () => networkFromGraph(graph.export(), GEXF_CODEC, options));
}

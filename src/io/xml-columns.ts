/**
 * Record fields as the scalar columns of the XML graph formats (GEXF, GraphML), shared by their
 * writers and readers so that both carry data the same way:
 *
 * - every node and edge has a `type` column; record fields are columns of their own name,
 *   present exactly when the record has the field: text as text, numbers (`strength`,
 *   `interactionsPerMonth`) as numbers, booleans (`directed`) as booleans;
 * - arrays and objects (`skills`, `tags`, `positions`, `requirements`, `attributes`, every list
 *   field of the schema) are JSON text in a column named `<field>_json`, escaped so that XML can
 *   carry any text they hold;
 * - XML 1.0 cannot hold U+0000 to U+001F except tab, line feed and carriage return, U+FFFE,
 *   U+FFFF or unpaired surrogates: such text in an id or another text field is refused with an
 *   {@link XmlEncodingError} naming every field, never dropped.
 *
 * @see https://www.w3.org/TR/xml/#charsets (XML 1.0, section 2.2, Characters)
 * @module
 */
import { type Issue, WarmpathError } from '../errors.js';
import { type CellKind, POSITIONS, TABLES } from './csv-layout.js';
import type { AttributeCodec } from './graphology-layout.js';
import { defineField, type Fields } from './own-data.js';

/** The names of the record fields of these CSV cell kinds, in any collection (from the schema). */
function fieldsOfKind(...kinds: readonly CellKind[]): ReadonlySet<string> {
  const columns = [...Object.values(TABLES), POSITIONS].flatMap((table) => table.columns);
  return new Set(columns.filter((c) => kinds.includes(c.kind)).map((c) => c.name));
}

/**
 * Fields held as JSON text, each in the column `<field>_json`: every array or object field of the
 * schema (`skills`, `tags`, `positions`, `requirements`, `attributes`, ...). Read from the zod
 * schemas, like the CSV columns, so that the formats cannot drift from the model.
 */
const JSON_FIELDS = fieldsOfKind('list', 'positions', 'attributes');
const JSON_SUFFIX = '_json';
/** Number fields (`strength`, `interactionsPerMonth`, ...): text that is a number reads as one. */
const NUMBER_FIELDS = fieldsOfKind('number');
/** Boolean fields (`directed`, ...): `true` and `false` as text read as booleans. */
const BOOLEAN_FIELDS = fieldsOfKind('boolean');
/** A number as JSON (and `String(number)`) writes it, `-0` included. */
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const SHOWN_IN_MESSAGE = 20;

/**
 * The network holds text that an XML format (XML 1.0) cannot represent: a control character
 * other than tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate, in an
 * id or a text field. `.issues` lists every such value with its dataset path (e.g.
 * `people[3].name`). Custom attributes, skills, tags, requirements and positions never cause it
 * (they are written as escaped JSON). The base class of `GexfEncodingError` and
 * `GraphmlEncodingError`.
 *
 * @example
 * ```ts
 * try {
 *   networkToGraphml(network);
 * } catch (error) {
 *   if (error instanceof XmlEncodingError) console.log(error.issues[0]?.path); // "people[3].name"
 * }
 * ```
 * @see https://www.w3.org/TR/xml/#charsets
 */
export class XmlEncodingError extends WarmpathError {
  override readonly name: string = 'XmlEncodingError';
  /** Every value that cannot be written, in dataset order. */
  readonly issues: readonly Issue[];

  /**
   * @param format - The format's name for the message (`GEXF`, `GraphML`).
   * @param issues - Every value that cannot be written.
   */
  constructor(format: string, issues: readonly Issue[]) {
    const lines = issues
      .slice(0, SHOWN_IN_MESSAGE)
      .map((issue) => `  - ${issue.path}: ${issue.message}`);
    if (issues.length > SHOWN_IN_MESSAGE)
      lines.push(`  ... and ${issues.length - SHOWN_IN_MESSAGE} more (see .issues)`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Cannot write ${format} (${count}):\n${lines.join('\n')}`);
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

/** Reports `text` at `path` if it holds a character XML 1.0 (and so `format`) cannot represent. */
export function checkXml(text: string, path: string, issues: Issue[], format: string): void {
  const bad = nonXmlCharacter(text);
  if (bad === undefined) return;
  issues.push({
    code: 'invalid_value',
    path,
    message: `contains ${bad.code} (at index ${bad.index}), which XML 1.0 and so ${format} cannot represent`,
  });
}

/**
 * The columns of a record's fields: `type`, then each field under its own name (numbers and
 * booleans as they are, `-0` included) or as JSON text in `<field>_json`. Reports text XML
 * cannot hold to `issues`, with paths under `path`.
 */
export function recordColumns(
  type: string,
  fields: Readonly<Record<string, unknown>>,
  path: string,
  issues: Issue[],
  format: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { type };
  for (const field of Object.keys(fields)) {
    const value = fields[field];
    if (JSON_FIELDS.has(field)) {
      out[`${field}${JSON_SUFFIX}`] = jsonText(value);
      continue;
    }
    if (typeof value === 'string') checkXml(value, `${path}.${field}`, issues, format);
    out[field] = value;
  }
  return out;
}

/**
 * How the XML formats store record fields (see the module documentation), for the shared graph
 * reader. `ignore` names columns a format's parser adds on its own (e.g. graphology-gexf reads
 * an edge's XML `kind` as a column).
 */
export function xmlColumnCodec(
  ignore: (element: 'node' | 'edge', type: string, column: string) => boolean = () => false,
): AttributeCodec {
  return {
    decode(element, type, attributes, at, issues) {
      const out: Fields = {};
      const set = (field: string, value: unknown): void => defineField(out, field, value);
      for (const [column, value] of attributes) {
        if (ignore(element, type, column)) continue;
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
        } else if (BOOLEAN_FIELDS.has(column) && (value === 'true' || value === 'false')) {
          set(column, value === 'true');
        } else {
          set(column, value);
        }
      }
      return out;
    },
    attributeOf: (field) => (JSON_FIELDS.has(field) ? `${field}${JSON_SUFFIX}` : field),
  };
}

/**
 * The CSV dataset format: one file per collection (positions in their own file), one row per
 * record, one column per field. Export then import gives back exactly the same data.
 *
 * Cells: empty means the field is absent; text is taken verbatim; numbers use plain decimal
 * syntax; booleans are `true`/`false`; lists are `a;b;c`, or a JSON array when an item could not
 * be written that way (`[]`, `["a;b"]`); each custom attribute has a column `attributes.<key>`
 * whose cell is raw text, or JSON when raw text would read back as another value (`"42"`, `""`).
 * Two rare cases have marker columns, written only when needed: `positions` (`[]` for a person
 * with an empty list of positions) and `attributes` (`{}` for an empty attributes object).
 *
 * @see RFC 4180 for the CSV syntax; docs/model.md for the fields.
 * @module
 */
import { z } from 'zod';
import { InvalidNetworkError, type Issue, type IssueCode } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import {
  type AttributeValue,
  type CollectionName,
  type NetworkInput,
  PositionSchema,
  RECORD_SCHEMAS,
} from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { formatCsv, parseCsv } from './csv-text.js';

/** The files of a CSV dataset, in the order they are read, written and reported. */
export const CSV_FILES = [
  'organizations.csv',
  'people.csv',
  'positions.csv',
  'jobs.csv',
  'groups.csv',
  'relationships.csv',
  'hires.csv',
  'applications.csv',
] as const;
export type CsvFileName = (typeof CSV_FILES)[number];

/** The files of a CSV dataset: file name (e.g. `people.csv`) to its text. */
export type CsvFiles = Readonly<Record<string, string>>;

type CellKind = 'text' | 'number' | 'boolean' | 'list' | 'positions' | 'attributes';
interface Column {
  readonly name: string;
  readonly kind: CellKind;
  readonly required: boolean;
}
interface Table {
  readonly file: CsvFileName;
  readonly columns: readonly Column[];
  /** Whether the records have custom attributes (`attributes.<key>` columns). */
  readonly attributes: boolean;
}

const ATTRIBUTE_PREFIX = 'attributes.';

/** The cell kind of a schema field, read from the zod schema so that the two cannot drift. */
function kindOf(name: string, schema: z.ZodType): CellKind {
  if (name === 'attributes' || name === 'positions') return name;
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodArray) return 'list';
  return 'text';
}

function columnsOf(shape: Readonly<Record<string, z.ZodType>>): Column[] {
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    kind: kindOf(name, schema),
    required: !(schema instanceof z.ZodOptional),
  }));
}

function table(file: CsvFileName, shape: Readonly<Record<string, z.ZodType>>): Table {
  return { file, columns: columnsOf(shape), attributes: Object.hasOwn(shape, 'attributes') };
}

const TABLES: { readonly [C in CollectionName]: Table } = {
  organizations: table('organizations.csv', RECORD_SCHEMAS.organizations.shape),
  people: table('people.csv', RECORD_SCHEMAS.people.shape),
  jobs: table('jobs.csv', RECORD_SCHEMAS.jobs.shape),
  groups: table('groups.csv', RECORD_SCHEMAS.groups.shape),
  relationships: table('relationships.csv', RECORD_SCHEMAS.relationships.shape),
  hires: table('hires.csv', RECORD_SCHEMAS.hires.shape),
  applications: table('applications.csv', RECORD_SCHEMAS.applications.shape),
};
const POSITIONS: Table = table('positions.csv', {
  personId: z.string(),
  ...PositionSchema.shape,
});
const COLLECTION_OF_FILE = new Map<string, CollectionName>(
  Object.entries(TABLES).map(([collection, t]) => [t.file, collection as CollectionName]),
);

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Text that JSON.parse might turn into a number, boolean or string (after JSON white space). */
const MAYBE_JSON_SCALAR = /^[ \t\n\r]*["\-0-9tf]/;

/** A cell for a message: quoted, long ones cut short. */
function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

function formatNumber(value: number): string {
  // String(-0) is "0": keep the sign so that -0 reads back as -0.
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Items joined by `;` when that reads back the same, else a JSON array. */
function formatList(items: readonly string[]): string {
  const plain =
    items.length > 0 &&
    items.every(
      (item) => item !== '' && !item.includes(';') && !item.startsWith('[') && item.trim() === item,
    );
  return plain ? items.join(';') : JSON.stringify(items);
}

/** An attribute cell's value, or `undefined` for an empty cell (the key is absent). */
function parseAttribute(text: string): AttributeValue | undefined {
  if (text === '') return undefined;
  if (MAYBE_JSON_SCALAR.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return value;
      }
    } catch {
      // Not JSON: the text itself is the value.
    }
  }
  return text;
}

function formatAttribute(value: AttributeValue): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  // Raw text unless it would read back as another value; text starting with a quote is always
  // JSON, so that a reader never has to guess whether the quotes are part of the value.
  return !value.startsWith('"') && parseAttribute(value) === value ? value : JSON.stringify(value);
}

type CellResult =
  | { readonly value: unknown }
  | { readonly code: IssueCode; readonly message: string };

function parseCell(kind: CellKind, text: string): CellResult {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'number': {
      if (!NUMBER.test(text)) {
        return { code: 'invalid_type', message: `must be a number, got ${show(text)}` };
      }
      const value = Number(text);
      return Number.isFinite(value)
        ? { value }
        : { code: 'invalid_value', message: `must be a finite number, got ${show(text)}` };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { value: lower === 'true' };
      return { code: 'invalid_type', message: `must be true or false, got ${show(text)}` };
    }
    case 'list': {
      if (!text.startsWith('[')) return { value: text.split(';') };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        return { value };
      }
      return {
        code: 'invalid_type',
        message: `a list starting with "[" must be a JSON array of strings such as ["a;b","c"], got ${show(text)}`,
      };
    }
    case 'positions':
      return text === '[]'
        ? { value: [] }
        : {
            code: 'invalid_value',
            message: `must be empty or [] (an empty list): positions go in positions.csv, got ${show(text)}`,
          };
    case 'attributes':
      return text === '{}'
        ? { value: {} }
        : {
            code: 'invalid_value',
            message: `must be empty or {} (no attributes): attributes go in attributes.<key> columns, got ${show(text)}`,
          };
  }
}

function formatCell(kind: CellKind, value: unknown): string {
  if (value === undefined) return '';
  switch (kind) {
    case 'number':
      return formatNumber(value as number);
    case 'boolean':
      return String(value);
    case 'list':
      return formatList(value as readonly string[]);
    case 'positions':
      return (value as readonly unknown[]).length === 0 ? '[]' : '';
    case 'attributes':
      return Object.keys(value as object).length === 0 ? '{}' : '';
    default:
      return value as string;
  }
}

/** Sets `key` as an own data property, so that `__proto__` is kept as data. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function tableRows(spec: Table, records: readonly object[]): string[][] {
  const attributeKeys = new Set<string>();
  for (const record of records) {
    const attributes = own(record, 'attributes');
    if (attributes) for (const key of Object.keys(attributes)) attributeKeys.add(key);
  }
  // Marker columns are written only when some record needs them, to keep files plain.
  const columns = spec.columns.filter(
    (column) =>
      (column.kind !== 'positions' && column.kind !== 'attributes') ||
      records.some((record) => formatCell(column.kind, own(record, column.name)) !== ''),
  );
  const keys = [...attributeKeys];
  const header = [
    ...columns.map((column) => column.name),
    ...keys.map((key) => ATTRIBUTE_PREFIX + key),
  ];
  const rows = records.map((record) => {
    const attributes = (own(record, 'attributes') ?? {}) as object;
    return [
      ...columns.map((column) => formatCell(column.kind, own(record, column.name))),
      ...keys.map((key) => {
        const value = own(attributes, key) as AttributeValue | undefined;
        return value === undefined ? '' : formatAttribute(value);
      }),
    ];
  });
  return [header, ...rows];
}

function positionRows(people: Network['dataset']['people']): string[][] {
  const rows = [POSITIONS.columns.map((column) => column.name)];
  for (const person of people) {
    for (const position of person.positions ?? []) {
      rows.push(
        POSITIONS.columns.map((column) =>
          column.name === 'personId'
            ? person.id
            : formatCell(column.kind, own(position, column.name)),
        ),
      );
    }
  }
  return rows;
}

/**
 * Writes a network's data as CSV files, one per collection plus `positions.csv` (see
 * {@link CSV_FILES}). Every file is written, with a header even when it has no rows, and every
 * schema column, in schema order, then one `attributes.<key>` column per custom attribute.
 * {@link networkFromCsv} reads the files back to exactly the same dataset.
 *
 * @param network - The network to write (its dataset, after any `asOf` filtering).
 * @returns File name to CSV text (LF line endings, quoted only where needed).
 * @throws Nothing.
 * @example
 * ```ts
 * const files = networkToCsv(network);
 * for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
 * ```
 * @see RFC 4180 for the CSV syntax.
 */
export function networkToCsv(network: Network): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of CSV_FILES) {
    const collection = COLLECTION_OF_FILE.get(file);
    out[file] = formatCsv(
      collection === undefined
        ? positionRows(network.dataset.people)
        : tableRows(TABLES[collection], network.dataset[collection]),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Where each record came from, to put file, line and column on validation issues. */
interface Origins {
  readonly lines: Map<CollectionName, number[]>;
  /** Per person index, the line of each of their positions in positions.csv. */
  readonly positionLines: Map<number, number[]>;
}

/** A file's rows, with the index of each known column and of each attribute's column. */
interface ReadTable {
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
  readonly columns: ReadonlyMap<string, number>;
  readonly attributeColumns: readonly (readonly [key: string, index: number])[];
}

class Reader {
  /** Problems that make validation pointless (files, syntax, headers): validation is skipped. */
  readonly structural: Issue[] = [];
  /** Problems with single cells; the rest of the data is still validated. */
  readonly cells: Issue[] = [];

  /** Parses a file and checks its header against `spec`; `undefined` if it has no header. */
  read(spec: Table, text: string): ReadTable | undefined {
    const file = spec.file;
    const parsed = parseCsv(text, file);
    this.structural.push(...parsed.issues);
    const [header, ...rows] = parsed.rows;
    if (header === undefined) {
      if (parsed.issues.length === 0) {
        this.structural.push({
          code: 'bad_header',
          path: '',
          message: `the file is empty: the first line must name the columns, e.g. ${spec.columns
            .filter((column) => column.required)
            .map((column) => column.name)
            .join(',')}`,
          file,
          line: 1,
        });
      }
      return undefined;
    }
    const known = spec.columns.map((column) => column.name);
    const columns = new Map<string, number>();
    const attributeColumns: [string, number][] = [];
    const problem = (column: string, message: string): void => {
      this.structural.push({
        code: 'bad_header',
        path: '',
        message,
        file,
        line: header.line,
        column,
      });
    };
    header.fields.forEach((name, index) => {
      if (columns.has(name)) problem(name, `column ${show(name)} appears more than once`);
      else if (known.includes(name)) columns.set(name, index);
      else if (spec.attributes && name.startsWith(ATTRIBUTE_PREFIX)) {
        columns.set(name, index);
        attributeColumns.push([name.slice(ATTRIBUTE_PREFIX.length), index]);
      } else if (name === '') {
        problem(name, 'a column has no name (a comma too many in the header?)');
      } else {
        const hint =
          didYouMean(name, known) ||
          (spec.attributes ? ' (custom attributes go in columns named attributes.<key>)' : '');
        problem(name, `unknown column ${show(name)}${hint}`);
      }
    });
    for (const column of spec.columns) {
      if (column.required && !columns.has(column.name)) {
        problem(column.name, `missing required column ${show(column.name)}`);
      }
    }
    return { rows, columns, attributeColumns };
  }

  /** Builds one record from a row; cells that do not parse are reported and left out. */
  record(
    spec: Table,
    read: ReadTable,
    fields: readonly string[],
    line: number,
    path: string,
  ): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const column of spec.columns) {
      const index = read.columns.get(column.name);
      const text = index === undefined ? '' : (fields[index] ?? '');
      if (text === '') continue;
      const result = parseCell(column.kind, text);
      if ('value' in result) record[column.name] = result.value;
      else
        this.cell(
          result.code,
          `${path}.${column.name}`,
          result.message,
          spec.file,
          line,
          column.name,
        );
    }
    for (const [key, index] of read.attributeColumns) {
      const value = parseAttribute(fields[index] ?? '');
      if (value === undefined) continue;
      record['attributes'] ??= {};
      define(record['attributes'] as Record<string, unknown>, key, value);
    }
    return record;
  }

  cell(code: IssueCode, path: string, message: string, file: string, line: number, column: string) {
    this.cells.push({ code, path, message, file, line, column });
  }
}

/** Attaches the rows of positions.csv to their people, in file order. */
function attachPositions(
  reader: Reader,
  read: ReadTable,
  people: Record<string, unknown>[],
  origins: Origins,
): void {
  const personIndex = new Map<string, number>();
  people.forEach((person, i) => {
    const id = person['id'];
    if (typeof id === 'string' && !personIndex.has(id)) personIndex.set(id, i);
  });
  const personColumn = read.columns.get('personId');
  for (const row of read.rows) {
    const personId = personColumn === undefined ? '' : (row.fields[personColumn] ?? '');
    const i = personIndex.get(personId);
    const person = i === undefined ? undefined : people[i];
    if (i === undefined || person === undefined) {
      if (personColumn === undefined) continue; // already reported as a bad header
      const [code, message]: [IssueCode, string] =
        personId === ''
          ? ['missing_field', 'is required: the id of the person who held the position']
          : [
              'unknown_reference',
              `unknown person ${show(personId)}${didYouMean(personId, personIndex.keys())}`,
            ];
      reader.cell(code, '', message, POSITIONS.file, row.line, 'personId');
      continue;
    }
    const positions = (person['positions'] ?? []) as unknown[];
    person['positions'] = positions;
    const path = `people[${i}].positions[${positions.length}]`;
    const position = reader.record(POSITIONS, read, row.fields, row.line, path);
    delete position['personId'];
    positions.push(position);
    const lines = origins.positionLines.get(i) ?? [];
    lines.push(row.line);
    origins.positionLines.set(i, lines);
  }
}

const PATH = /^([A-Za-z]+)\[(\d+)\](.*)$/s;
const POSITION_PATH = /^\.positions\[(\d+)\](?:\.(.*))?$/s;

/** The file, line and column of a validation issue's path, e.g. `people[3].positions[1].title`. */
function locate(path: string, origins: Origins): Partial<Pick<Issue, 'file' | 'line' | 'column'>> {
  const match = PATH.exec(path);
  const collection = match?.[1] as CollectionName | undefined;
  if (!match || collection === undefined || !Object.hasOwn(TABLES, collection)) return {};
  const spec = TABLES[collection];
  const index = Number(match[2]);
  const rest = match[3] ?? '';
  const position = POSITION_PATH.exec(rest);
  if (position) {
    const line = origins.positionLines.get(index)?.[Number(position[1])];
    const column = position[2]?.replace(/\[\d+\]$/, '');
    return {
      file: POSITIONS.file,
      ...(line === undefined ? {} : { line }),
      ...(column ? { column } : {}),
    };
  }
  const line = origins.lines.get(collection)?.[index];
  let column: string | undefined;
  if (rest.startsWith(`.${ATTRIBUTE_PREFIX}`)) column = rest.slice(1);
  else column = /^\.([A-Za-z]+)/.exec(rest)?.[1];
  return {
    file: spec.file,
    ...(line === undefined ? {} : { line }),
    ...(column ? { column } : {}),
  };
}

/** Unknown files and issues of the whole input first, then by file order and line; stable. */
function sortIssues(issues: Issue[]): Issue[] {
  const rank = (issue: Issue): number => (CSV_FILES as readonly string[]).indexOf(issue.file ?? '');
  return issues.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}

function entriesOf(files: CsvFiles | ReadonlyMap<string, string>): [string, unknown][] {
  if (files instanceof Map) return [...(files as ReadonlyMap<string, unknown>)];
  return Object.keys(files).map((name) => [name, (files as Record<string, unknown>)[name]]);
}

/**
 * Reads a network from CSV files (see {@link CSV_FILES} and the module documentation for the
 * cell encoding). Every file is optional, but at least one must be given; header order is free.
 *
 * Problems are collected over all files before throwing: unknown file names, malformed CSV and
 * bad headers first (the data is then not validated, as a half-read dataset would report
 * phantom problems), else cells that do not parse and every problem `createNetwork` finds, each
 * with its `file`, `line` (where the row starts) and `column`, sorted by file and line.
 *
 * @param files - File name to CSV text, as an object or a `Map`; names that do not end in `.csv`
 *   are ignored.
 * @param options - As for `createNetwork`.
 * @returns The validated network.
 * @throws InvalidNetworkError listing every problem, e.g. `relationships.csv:5 (target)
 *   relationships[3].target: unknown person "jaocb" (did you mean "jacob"?)`.
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * const network = networkFromCsv({
 *   'people.csv': 'id,name\njacob,Jacob\nmichael,Michael\n',
 *   'relationships.csv': 'source,target,kind,strength\njacob,michael,friend,0.8\n',
 * });
 * ```
 * @see RFC 4180 for the CSV syntax.
 */
export function networkFromCsv(
  files: CsvFiles | ReadonlyMap<string, string>,
  options?: CreateNetworkOptions,
): Network {
  const reader = new Reader();
  const texts = new Map<string, string>();
  let known = false;
  for (const [name, text] of entriesOf(files)) {
    if (!/\.csv$/i.test(name)) continue;
    known ||= (CSV_FILES as readonly string[]).includes(name);
    if (!(CSV_FILES as readonly string[]).includes(name)) {
      reader.structural.push({
        code: 'unknown_field',
        path: '',
        message: `unknown file ${show(name)}${didYouMean(name, CSV_FILES)}`,
        file: name,
      });
    } else if (typeof text !== 'string') {
      reader.structural.push({
        code: 'invalid_type',
        path: '',
        message: `the file's contents must be a string, got ${typeof text}`,
        file: name,
      });
    } else texts.set(name, text);
  }
  if (!known) {
    reader.structural.push({
      code: 'missing_file',
      path: '',
      message: `no CSV file of a network: expected one or more of ${CSV_FILES.join(', ')}`,
    });
  }

  const input: Record<string, Record<string, unknown>[]> = {};
  const origins: Origins = { lines: new Map(), positionLines: new Map() };
  for (const [collection, spec] of Object.entries(TABLES) as [CollectionName, Table][]) {
    const text = texts.get(spec.file);
    const read = text === undefined ? undefined : reader.read(spec, text);
    if (read === undefined) continue;
    input[collection] = read.rows.map((row, i) =>
      reader.record(spec, read, row.fields, row.line, `${collection}[${i}]`),
    );
    origins.lines.set(
      collection,
      read.rows.map((row) => row.line),
    );
  }
  const positionsText = texts.get(POSITIONS.file);
  const positions = positionsText === undefined ? undefined : reader.read(POSITIONS, positionsText);
  if (positions) {
    const people = input['people'] ?? [];
    input['people'] = people;
    attachPositions(reader, positions, people, origins);
  }

  if (reader.structural.length > 0) {
    throw new InvalidNetworkError(sortIssues([...reader.structural, ...reader.cells]));
  }
  let network: Network;
  try {
    network = createNetwork(input as NetworkInput, options);
  } catch (error) {
    if (!(error instanceof InvalidNetworkError)) throw error;
    // A bad cell was left out of its record, so validation may report the same field as missing.
    const reported = new Set(reader.cells.map((issue) => issue.path));
    const located = error.issues
      .filter((issue) => !reported.has(issue.path))
      .map((issue) => ({ ...issue, ...locate(issue.path, origins) }));
    throw new InvalidNetworkError(sortIssues([...reader.cells, ...located]));
  }
  if (reader.cells.length > 0) throw new InvalidNetworkError(sortIssues(reader.cells));
  return network;
}

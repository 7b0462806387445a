/**
 * Reading the tables of a CSV dataset into records (the format is described in `csv.ts`),
 * remembering the line of each record, so that validation issues can name file, line and column.
 *
 * @module
 */
import { formatPath, type Issue, type IssueCode } from '../errors.js';
import type { CollectionName } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { parseAttribute, parseCell } from './csv-cells.js';
import { ATTRIBUTE_PREFIX, CSV_FILES, POSITIONS, TABLES, type Table } from './csv-layout.js';
import { type CsvRow, parseCsv } from './csv-text.js';
import { quoted } from './describe.js';
import { defineField, type Fields } from './own-data.js';
import { splitRecordPath } from './record-path.js';

/** Where each record came from, to put file, line and column on validation issues. */
export interface Origins {
  readonly lines: Map<CollectionName, number[]>;
  /** Per person index, the line of each of their positions in positions.csv. */
  readonly positionLines: Map<number, number[]>;
}

/** A file's rows, with the index of each known column and of each attribute's column. */
export interface ReadTable {
  readonly rows: readonly CsvRow[];
  readonly columns: ReadonlyMap<string, number>;
  readonly attributeColumns: readonly (readonly [key: string, index: number])[];
}

export class Reader {
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
      if (columns.has(name)) problem(name, `column ${quoted(name)} appears more than once`);
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
        problem(name, `unknown column ${quoted(name)}${hint}`);
      }
    });
    for (const column of spec.columns) {
      if (column.required && !columns.has(column.name)) {
        problem(column.name, `missing required column ${quoted(column.name)}`);
      }
    }
    return { rows, columns, attributeColumns };
  }

  /**
   * Builds one record from a row; cells that do not parse are reported and left out. `path` is
   * the record's dataset path, as validation will report it (e.g. `['people', 3]`).
   */
  record(
    spec: Table,
    read: ReadTable,
    fields: readonly string[],
    line: number,
    path: readonly PropertyKey[],
  ): Fields {
    const record: Fields = {};
    for (const column of spec.columns) {
      const index = read.columns.get(column.name);
      const text = index === undefined ? '' : (fields[index] ?? '');
      if (text === '') continue;
      const result = parseCell(column.kind, text);
      if ('value' in result) record[column.name] = result.value;
      else
        this.cell(
          result.code,
          formatPath([...path, column.name]),
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
      defineField(record['attributes'] as Fields, key, value);
    }
    return record;
  }

  cell(code: IssueCode, path: string, message: string, file: string, line: number, column: string) {
    this.cells.push({ code, path, message, file, line, column });
  }
}

/** Attaches the rows of positions.csv to their people, in file order. */
export function attachPositions(
  reader: Reader,
  read: ReadTable,
  people: Fields[],
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
              `unknown person ${quoted(personId)}${didYouMean(personId, personIndex.keys())}`,
            ];
      reader.cell(code, '', message, POSITIONS.file, row.line, 'personId');
      continue;
    }
    const positions = (person['positions'] ?? []) as unknown[];
    person['positions'] = positions;
    const path = ['people', i, 'positions', positions.length];
    const position = reader.record(POSITIONS, read, row.fields, row.line, path);
    delete position['personId'];
    positions.push(position);
    const lines = origins.positionLines.get(i) ?? [];
    lines.push(row.line);
    origins.positionLines.set(i, lines);
  }
}

const POSITION_PATH = /^\.positions\[(\d+)\](?:\.(.*))?$/s;

/** The file, line and column of a validation issue's path, e.g. `people[3].positions[1].title`. */
export function locate(
  path: string,
  origins: Origins,
): Partial<Pick<Issue, 'file' | 'line' | 'column'>> {
  const record = splitRecordPath(path);
  if (record === undefined) return {};
  const { collection, index, rest } = record;
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
    file: TABLES[collection].file,
    ...(line === undefined ? {} : { line }),
    ...(column ? { column } : {}),
  };
}

/** Unknown files and issues of the whole input first, then by file order and line; stable. */
export function sortIssues(issues: Issue[]): Issue[] {
  const rank = (issue: Issue): number => (CSV_FILES as readonly string[]).indexOf(issue.file ?? '');
  return issues.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}

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
 * The files and columns are in `csv-layout.ts`, the cells in `csv-cells.ts`; this module reads
 * a whole dataset and is the format's public face.
 *
 * @see RFC 4180 for the CSV syntax; docs/model.md for the fields.
 * @module
 */
import { InvalidNetworkError } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { CollectionName, NetworkInput } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { CSV_FILES, type CsvFiles, POSITIONS, TABLES, type Table } from './csv-layout.js';
import { attachPositions, locate, type Origins, Reader, sortIssues } from './csv-read.js';
import { quoted } from './describe.js';
import type { Fields } from './own-data.js';

export { CSV_FILES, type CsvFileName, type CsvFiles } from './csv-layout.js';
export { networkToCsv } from './csv-write.js';

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
        message: `unknown file ${quoted(name)}${didYouMean(name, CSV_FILES)}`,
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

  const input: Record<string, Fields[]> = {};
  const origins: Origins = { lines: new Map(), positionLines: new Map() };
  for (const [collection, spec] of Object.entries(TABLES) as [CollectionName, Table][]) {
    const text = texts.get(spec.file);
    const read = text === undefined ? undefined : reader.read(spec, text);
    if (read === undefined) continue;
    input[collection] = read.rows.map((row, i) =>
      reader.record(spec, read, row.fields, row.line, [collection, i]),
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

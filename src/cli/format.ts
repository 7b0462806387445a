/**
 * How the CLI prints a result: `table` (aligned text for people), `json` (the whole result),
 * `ndjson` (one JSON value per line) or `csv` (RFC 4180, header first). A command describes its
 * result once as an {@link Output}; this module turns it into text.
 *
 * @module
 */
import { formatCsv } from '../index.js';

/** The values of `--format`. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One cell: numbers stay numbers so that CSV and JSON carry them in full. */
export type Cell = string | number | boolean | null | undefined;

/** One column of a table: its header, its value, and how people see it (default: {@link showCell}). */
export interface Field<Row> {
  readonly label: string;
  readonly value: (row: Row) => Cell;
  readonly show?: (row: Row) => string;
}

/** Rows with their columns. */
export interface Table<Row = unknown> {
  readonly fields: readonly Field<Row>[];
  readonly rows: readonly Row[];
}

/** A table's header and cells, whatever its rows were. */
export interface Cells {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The header and cells of a table. */
export function cellsOf<Row>(table: Table<Row>): Cells {
  return {
    header: table.fields.map((f) => f.label),
    rows: table.rows.map((row) => table.fields.map((f) => f.value(row))),
  };
}

/** A command's result, in each format. Only the format asked for is computed. */
export interface Output {
  /** `--format json`: the whole result, as JSON-ready data. */
  readonly json: () => unknown;
  /** `--format ndjson`: one value per line (usually one per table row). */
  readonly records: () => readonly unknown[];
  /** `--format csv`: a table, or CSV text that the library already wrote (`toCSV()`). */
  readonly csv: () => Cells | string;
  /** `--format table`: lines for people. */
  readonly text: () => readonly string[];
}

/** The text of an output in a format, ending with a newline (empty when there is nothing). */
export function render(output: Output, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(output.json(), null, 2)}\n`;
    case 'ndjson':
      return output
        .records()
        .map((record) => `${JSON.stringify(record)}\n`)
        .join('');
    case 'csv': {
      const csv = output.csv();
      return typeof csv === 'string' ? csv : csvText(csv);
    }
    case 'table': {
      const lines = output.text();
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    }
  }
}

/**
 * A number for people: integers as they are, others to `digits` decimals (never `-0.00`), and
 * a small non-zero value to 3 significant digits rather than rounded to zero.
 */
export function showNumber(value: number, digits = 3): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toPrecision(3);
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A cell for people: `-` for nothing, numbers by {@link showNumber}. */
export function showCell(cell: Cell): string {
  if (cell === null || cell === undefined || cell === '') return '-';
  if (typeof cell === 'number') return showNumber(cell);
  return String(cell);
}

/** A share as a percentage to one decimal, `-` for none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : `${(100 * value).toFixed(1)}%`;
}

/**
 * The rows as aligned columns two spaces apart, a header and a rule under it; columns whose
 * values are all numbers are aligned right.
 */
export function alignTable<Row>(table: Table<Row>, indent = ''): string[] {
  const { fields, rows } = table;
  const cells = rows.map((row) =>
    fields.map((f) => (f.show ? f.show(row) : showCell(f.value(row)))),
  );
  const numeric = fields.map(
    (f) =>
      rows.length > 0 &&
      rows.every((row) => {
        const value = f.value(row);
        return typeof value === 'number' || value === null || value === undefined;
      }),
  );
  const widths = fields.map((f, i) =>
    Math.max(f.label.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    `${indent}${values
      .map((value, i) =>
        numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0),
      )
      .join('  ')}`.trimEnd();
  return [
    line(fields.map((f) => f.label)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ];
}

/** Cells as CSV (RFC 4180, via the library's writer): header first, nothing as an empty field. */
export function csvText(cells: Cells): string {
  return formatCsv([
    cells.header,
    ...cells.rows.map((row) =>
      row.map((value) => (value === null || value === undefined ? '' : String(value))),
    ),
  ]);
}

/** `label: value` lines with the values aligned. */
export function labelled(pairs: readonly (readonly [string, string])[], indent = ''): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${indent}${`${label}:`.padEnd(width + 2)}${value}`);
}

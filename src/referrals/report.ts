/**
 * Every referral result can leave as JSON, CSV or Markdown: one table each, built from the same
 * column definitions so the three never disagree.
 *
 * @module
 */
import { formatCsv } from '../io/csv-text.js';

/** One column of a result table. */
export interface Column<Row> {
  /** Header in CSV and Markdown. */
  readonly label: string;
  /** The cell value; numbers are written in full in CSV and JSON. */
  readonly value: (row: Row) => string | number | boolean | null;
  /** How Markdown shows the value (default: numbers to 3 significant decimals). */
  readonly markdown?: (row: Row) => string;
}

/** An estimate with its interval, as the proportion and difference intervals give them. */
interface Bounded {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** A share as Markdown shows it: a percentage to one decimal, `–` when there is none. */
export function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(100 * value).toFixed(1)}%`;
}

/**
 * Three columns for an interval (estimate, lower, upper), so that every referral table writes
 * intervals alike: full numbers in CSV and JSON, percentages in Markdown, and no value where the
 * row has no interval.
 *
 * @param labels - The headers of the estimate, lower and upper columns.
 * @param intervalOf - The row's interval, or `null` when it has none.
 */
export function intervalColumns<Row>(
  labels: readonly [estimate: string, lower: string, upper: string],
  intervalOf: (row: Row) => Bounded | null | undefined,
): Column<Row>[] {
  const fields = ['estimate', 'lower', 'upper'] as const;
  return fields.map((field, i) => ({
    label: labels[i] as string,
    value: (row: Row) => intervalOf(row)?.[field] ?? null,
    markdown: (row: Row) => percent(intervalOf(row)?.[field]),
  }));
}

/** What every result offers besides its own fields. */
export interface Exportable {
  /** A plain, JSON-ready copy of the result. */
  toJSON(): unknown;
  /** The result's main table as CSV (RFC 4180, header first). */
  toCSV(): string;
  /** The result's main table as a Markdown table, with a title and notes. */
  toMarkdown(): string;
}

function markdownCell(value: string | number | boolean | null): string {
  if (value === null) return '–';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // Three decimals, but never round a small non-zero value (a posting reach of 0.0003) to 0.
    return Math.abs(value) >= 0.001 ? value.toFixed(3) : value.toPrecision(3);
  }
  return String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/**
 * Attaches `toJSON`, `toCSV` and `toMarkdown` to a result.
 *
 * @param result - The result's fields (returned frozen, with the three methods).
 * @param title - Markdown heading.
 * @param columns - The table's columns.
 * @param rows - The table's rows.
 * @param notes - Lines written under the Markdown table (caveats, method, level).
 */
export function exportable<T extends object, Row>(
  result: T,
  title: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  notes: readonly string[] = [],
): T & Exportable {
  const toJSON = (): unknown => JSON.parse(JSON.stringify({ ...result }));
  const toCSV = (): string =>
    formatCsv([
      columns.map((c) => c.label),
      ...rows.map((row) =>
        columns.map((c) => {
          const value = c.value(row);
          return value === null ? '' : String(value);
        }),
      ),
    ]);
  const toMarkdown = (): string => {
    const header = `| ${columns.map((c) => c.label).join(' | ')} |`;
    const rule = `| ${columns.map(() => '---').join(' | ')} |`;
    const body = rows.map(
      (row) =>
        `| ${columns.map((c) => (c.markdown ? c.markdown(row) : markdownCell(c.value(row)))).join(' | ')} |`,
    );
    return [
      `## ${title}`,
      '',
      header,
      rule,
      ...body,
      ...(notes.length > 0 ? ['', ...notes] : []),
      '',
    ].join('\n');
  };
  // toJSON copies `result` (the fields alone), so it never calls itself.
  return Object.freeze({ ...result, toJSON, toCSV, toMarkdown });
}

/**
 * A small CSV reader and writer following RFC 4180, with no dependency. The reader reports
 * malformed text as {@link Issue}s with line numbers instead of throwing, so a caller can list
 * every problem of every file at once.
 *
 * @see RFC 4180, Common Format and MIME Type for Comma-Separated Values (CSV) Files.
 * @module
 */
import type { Issue } from '../errors.js';

/** One row of a CSV file. */
export interface CsvRow {
  /** The 1-based line of the file where the row starts (a quoted field may span lines). */
  readonly line: number;
  /** The row's fields, unquoted. */
  readonly fields: readonly string[];
}

/** What {@link parseCsv} found. */
export interface CsvParseResult {
  /** The well-formed rows, the header first. Malformed rows are left out (see `issues`). */
  readonly rows: readonly CsvRow[];
  /** Every malformed row, as a `parse_error` with its line. */
  readonly issues: readonly Issue[];
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

interface RawRow extends CsvRow {
  readonly malformed: boolean;
  /** The line had no characters at all. */
  readonly blank: boolean;
}

/** Counts the line breaks (LF, CRLF or a lone CR) in `text` from `start` to before `end`. */
function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Scans the text into rows, in one pass and without recursion, so it is linear in the input. */
function scan(text: string, report: (line: number, message: string) => void): RawRow[] {
  const rows: RawRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return rows;
  let line = 1;
  let rowLine = 1;
  let rowStart = i;
  let fields: string[] = [];
  let malformed = false;

  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const quoteLine = line;
      const parts: string[] = [];
      let chunk = i + 1;
      let closed = false;
      while (!closed) {
        const q = text.indexOf('"', chunk);
        if (q === -1) {
          report(quoteLine, 'unterminated quoted field: add the closing quote (")');
          line += lineBreaks(text, chunk, n);
          parts.push(text.slice(chunk));
          i = n;
          malformed = true;
          break;
        }
        line += lineBreaks(text, chunk, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push(text.slice(chunk, q + 1));
          chunk = q + 2;
        } else {
          parts.push(text.slice(chunk, q));
          i = q + 1;
          closed = true;
        }
      }
      field = parts.join('');
      const next = text.charCodeAt(i);
      if (closed && i < n && next !== COMMA && next !== CR && next !== LF) {
        report(
          line,
          'text after the closing quote of a field: put the whole field in quotes and double any quote inside it ("")',
        );
        malformed = true;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          i++;
        }
      }
    } else {
      // A quote inside an unquoted field (RFC 4180 forbids it) has only one reading: itself.
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === CR || c === LF) break;
        i++;
      }
      field = text.slice(start, i);
    }
    fields.push(field);

    if (i >= n) {
      rows.push({ line: rowLine, fields, malformed, blank: false });
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    const blank = fields.length === 1 && i === rowStart;
    rows.push({ line: rowLine, fields, malformed, blank });
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (i >= n) return rows;
    rowLine = line;
    rowStart = i;
    fields = [];
    malformed = false;
  }
}

/**
 * Parses CSV text (RFC 4180): fields separated by commas, rows by CRLF or LF, fields in double
 * quotes may hold commas, line breaks and doubled quotes (`""`). A leading byte-order mark and
 * completely empty lines at the end are ignored. Every row must have as many fields as the first.
 *
 * A quote inside an unquoted field (`5" disk`) is read as itself, as most readers do.
 *
 * Never throws on bad text: each malformed row (an unterminated quote, text after a closing quote,
 * the wrong number of fields) is left out and reported as a `parse_error` issue with its line. If
 * the first row is malformed, no rows are returned.
 *
 * @param text - The CSV text.
 * @param file - A file name to put in the issues.
 * @returns The rows (each with the line it starts on) and the issues.
 * @throws Nothing: problems are returned as issues.
 * @example
 * ```ts
 * parseCsv('id,name\r\np1,"Smith, Jo"\r\n').rows;
 * // [{ line: 1, fields: ['id', 'name'] }, { line: 2, fields: ['p1', 'Smith, Jo'] }]
 * ```
 * @see RFC 4180, section 2 (the format).
 */
export function parseCsv(text: string, file?: string): CsvParseResult {
  const issues: Issue[] = [];
  const report = (line: number, message: string): void => {
    issues.push({ code: 'parse_error', path: '', message, ...(file ? { file } : {}), line });
  };
  const raw = scan(text, report);
  while (raw.length > 0 && raw[raw.length - 1]?.blank) raw.pop();
  const header = raw[0];
  if (header === undefined || header.malformed) return { rows: [], issues };

  const expected = header.fields.length;
  const rows: CsvRow[] = [{ line: header.line, fields: header.fields }];
  for (let r = 1; r < raw.length; r++) {
    const row = raw[r] as RawRow;
    if (row.malformed) continue;
    if (row.fields.length !== expected) {
      report(
        row.line,
        row.blank
          ? `the line is empty: expected ${expected} fields as in the header (remove the line)`
          : `has ${row.fields.length} fields, expected ${expected} as in the header (a comma in a value needs the value in quotes)`,
      );
      continue;
    }
    rows.push({ line: row.line, fields: row.fields });
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, issues };
}

/** Quotes a field when it would otherwise not read back the same (or be trimmed by other tools). */
function formatField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Writes rows as CSV text (RFC 4180): a field is quoted only when it holds a comma, a quote or a
 * line break, or starts or ends with white space; lines end with LF, including the last.
 * {@link parseCsv} reads the text back to the same rows.
 *
 * @param rows - The rows, each with at least one field.
 * @returns The CSV text.
 * @throws Nothing.
 * @example
 * ```ts
 * formatCsv([['id', 'name'], ['p1', 'Smith, Jo']]); // 'id,name\np1,"Smith, Jo"\n'
 * ```
 * @see RFC 4180, section 2 (the format).
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((row) =>
    // A lone empty field would be an empty line, which readers skip: quote it.
    row.length === 1 && row[0] === '' ? '""' : row.map(formatField).join(','),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

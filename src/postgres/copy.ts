/**
 * Bulk writes with `COPY ... FROM STDIN (FORMAT csv)` through pg-copy-streams: rows are encoded
 * as CSV in batches and written with back-pressure, so memory stays flat however many rows.
 *
 * @module
 */
import { once } from 'node:events';
import { copyFromStream, type PostgresClient } from './client.js';

/** A cell: `null` is SQL NULL, arrays become PostgreSQL array literals. */
export type Cell = string | number | boolean | null | readonly string[];

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** An element of a PostgreSQL array literal, always quoted (so `NULL` stays a string). */
const arrayElement = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** One cell in CSV: NULL is an unquoted empty field, every string is quoted. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot store ${value}`);
    // String() gives the shortest text that reads back to the same double.
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return quote(`{${value.map(arrayElement).join(',')}}`);
}

const BATCH_CHARS = 1 << 20;

/**
 * Streams rows into `table (columns)` with COPY.
 * @returns The number of rows written.
 */
export async function copyRows(
  client: PostgresClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  const from = await copyFromStream();
  const stream = from(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`);
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  (client as unknown as { query(s: unknown): unknown }).query(stream);
  let count = 0;
  let buffer = '';
  try {
    for (const row of rows) {
      buffer += `${row.map(csvCell).join(',')}\n`;
      count++;
      if (buffer.length >= BATCH_CHARS) {
        const more = stream.write(buffer);
        buffer = '';
        if (!more) await once(stream, 'drain');
      }
    }
  } catch (error) {
    (stream as unknown as { destroy(error: unknown): void }).destroy(error);
    await done.catch(() => {});
    throw error;
  }
  if (buffer !== '') stream.write(buffer);
  stream.end();
  await done;
  return count;
}

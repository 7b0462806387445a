/**
 * Writing a network's data as CSV files (the format is described in `csv.ts`).
 *
 * @module
 */
import type { Network } from '../model/network.js';
import type { AttributeValue } from '../model/schema.js';
import { formatAttribute, formatCell } from './csv-cells.js';
import {
  ATTRIBUTE_PREFIX,
  COLLECTION_OF_FILE,
  CSV_FILES,
  POSITIONS,
  TABLES,
  type Table,
} from './csv-layout.js';
import { formatCsv } from './csv-text.js';
import { ownField } from './own-data.js';

function tableRows(spec: Table, records: readonly object[]): string[][] {
  const attributeKeys = new Set<string>();
  for (const record of records) {
    const attributes = ownField(record, 'attributes');
    if (attributes) for (const key of Object.keys(attributes)) attributeKeys.add(key);
  }
  // Marker columns are written only when some record needs them, to keep files plain.
  const columns = spec.columns.filter(
    (column) =>
      (column.kind !== 'positions' && column.kind !== 'attributes') ||
      records.some((record) => formatCell(column.kind, ownField(record, column.name)) !== ''),
  );
  const keys = [...attributeKeys];
  const header = [
    ...columns.map((column) => column.name),
    ...keys.map((key) => ATTRIBUTE_PREFIX + key),
  ];
  const rows = records.map((record) => {
    const attributes = (ownField(record, 'attributes') ?? {}) as object;
    return [
      ...columns.map((column) => formatCell(column.kind, ownField(record, column.name))),
      ...keys.map((key) => {
        const value = ownField(attributes, key) as AttributeValue | undefined;
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
            : formatCell(column.kind, ownField(position, column.name)),
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

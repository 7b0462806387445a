/**
 * Reading and writing networks on disk: a JSON file, or a folder of CSV files.
 *
 * @module
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidOptionsError } from '../errors.js';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import { didYouMean } from '../model/suggest.js';
import { networkFromCsv, networkToCsv } from './csv.js';
import { networkFromJson, networkToJson } from './json.js';

/** The formats {@link writeNetwork} writes. */
export const NETWORK_FORMATS = ['json', 'csv'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** Options of {@link writeNetwork}. */
export interface WriteNetworkOptions {
  /** `json`: one file in the warmpath dataset format; `csv`: a folder of CSV files. */
  readonly format: NetworkFormat;
}

/**
 * Reads a network from disk: a folder is read as CSV files (every `*.csv` file in it, see
 * `networkFromCsv`), any other path as a JSON file (see `networkFromJson`), UTF-8 with or without
 * a byte-order mark.
 *
 * @param path - A JSON file or a folder of CSV files.
 * @param options - As for `createNetwork`.
 * @returns The validated network.
 * @throws InvalidNetworkError listing every problem, each with its file (the JSON file's name or
 *   the CSV file's name in the folder), line and, for CSV, column.
 * @throws InvalidOptionsError for invalid options.
 * @throws The file system's error (e.g. `ENOENT`) when the path cannot be read.
 * @example
 * ```ts
 * const network = await readNetwork('data/network.json');
 * const fromCsv = await readNetwork('data/network-csv/');
 * ```
 * @see RFC 4180 for the CSV syntax.
 */
export async function readNetwork(path: string, options?: CreateNetworkOptions): Promise<Network> {
  if (!(await stat(path)).isDirectory()) {
    return networkFromJson(await readFile(path, 'utf8'), options, basename(path));
  }
  const entries = await readdir(path, { withFileTypes: true });
  const names = entries
    .filter((entry) => !entry.isDirectory() && /\.csv$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const texts = await Promise.all(names.map((name) => readFile(join(path, name), 'utf8')));
  return networkFromCsv(new Map(names.map((name, i) => [name, texts[i] ?? ''])), options);
}

/**
 * Writes a network's data to disk so that {@link readNetwork} reads back exactly the same data:
 * `json` writes one file at `path`; `csv` creates the folder `path` (and its parents) if needed
 * and writes every file of `networkToCsv` into it, replacing files of the same name.
 *
 * @param network - The network to write.
 * @param path - The JSON file, or the CSV folder.
 * @param options - `format`: `json` or `csv`.
 * @throws InvalidOptionsError if `format` is not `json` or `csv`.
 * @throws The file system's error (e.g. `EACCES`) when the path cannot be written.
 * @example
 * ```ts
 * await writeNetwork(network, 'out/network.json', { format: 'json' });
 * await writeNetwork(network, 'out/network-csv', { format: 'csv' });
 * ```
 * @see RFC 4180 for the CSV syntax.
 */
export async function writeNetwork(
  network: Network,
  path: string,
  options: WriteNetworkOptions,
): Promise<void> {
  const format: unknown = options?.format;
  if (format === 'json') {
    await writeFile(path, networkToJson(network));
    return;
  }
  if (format !== 'csv') {
    const hint = typeof format === 'string' ? didYouMean(format, NETWORK_FORMATS) : '';
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'format',
        message: `must be "json" or "csv", got ${JSON.stringify(format) ?? String(format)}${hint}`,
      },
    ]);
  }
  await mkdir(path, { recursive: true });
  const files = networkToCsv(network);
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(path, name), text)));
}

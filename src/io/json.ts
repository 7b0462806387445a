/**
 * The JSON dataset format: one object with the collections of docs/model.md.
 *
 * @module
 */
import { InvalidNetworkError } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import type { NetworkInput } from '../model/schema.js';
import { networkToDataset } from './dataset.js';
import { readingFile, withoutByteOrderMark } from './source-file.js';

/** Where in `text` a JSON.parse error message points, if it says. */
function locate(text: string, message: string): { line: number; column: number } | undefined {
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads a network from JSON text in the warmpath dataset format.
 *
 * @param text - JSON text, optionally starting with a byte-order mark.
 * @param options - As for `createNetwork`.
 * @param file - A file name to put in error reports.
 * @returns The validated network.
 * @throws InvalidNetworkError for text that is not JSON (with line and column) or data that is
 *   not a valid network (every problem, with its path).
 * @throws InvalidOptionsError for invalid options.
 * @example
 * ```ts
 * const network = networkFromJson(await readFile('network.json', 'utf8'));
 * ```
 */
export function networkFromJson(
  text: string,
  options?: CreateNetworkOptions,
  file?: string,
): Network {
  let data: unknown;
  try {
    data = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = locate(text, message);
    throw new InvalidNetworkError([
      {
        code: 'parse_error',
        path: '',
        message: `not valid JSON: ${message}${where ? ` (line ${where.line}, column ${where.column})` : ''}`,
        ...(file === undefined ? {} : { file }),
        ...(where === undefined ? {} : { line: where.line }),
      },
    ]);
  }
  return readingFile(file, () => createNetwork(data as NetworkInput, options));
}

/** Options of {@link networkToJson}. */
export interface NetworkToJsonOptions {
  /** Indentation, as for `JSON.stringify` (default 2; 0 for one line). */
  readonly indent?: number;
}

/**
 * `JSON.stringify`, except that `-0` is written `-0` (which `JSON.parse` reads back as -0), not
 * `0`: each -0 is first written as a marker string that occurs nowhere else in the text.
 */
function stringifyKeepingSign(value: unknown, indent: number): string {
  let marker = 'warmpath:-0';
  for (;;) {
    let found = false;
    const text = JSON.stringify(
      value,
      (_key, item: unknown) => {
        if (!Object.is(item, -0)) return item;
        found = true;
        return marker;
      },
      indent,
    );
    if (!found) return text;
    if (!JSON.stringify(value, null, indent).includes(marker)) {
      return text.replaceAll(JSON.stringify(marker), '-0');
    }
    marker += '~';
  }
}

/**
 * Writes a network's data as JSON in the warmpath dataset format. Reading it back with
 * {@link networkFromJson} gives an identical dataset (`-0` keeps its sign).
 *
 * @example
 * ```ts
 * await writeFile('network.json', networkToJson(network));
 * ```
 */
export function networkToJson(network: Network, options: NetworkToJsonOptions = {}): string {
  return `${stringifyKeepingSign(networkToDataset(network), options.indent ?? 2)}\n`;
}

/**
 * Reading and writing networks on disk. A file's format is told by its content, not its name:
 * JSON, GEXF, GraphML or a LinkedIn `Connections.csv` export; a folder is a CSV dataset; `-`
 * is standard input.
 *
 * @module
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InvalidNetworkError, InvalidOptionsError } from '../errors.js';
import type { CreateNetworkOptions } from '../model/create.js';
import type { Network } from '../model/network.js';
import { didYouMean } from '../model/suggest.js';
import { networkFromCsv, networkToCsv } from './csv.js';
import { networkFromGexf, networkToGexf } from './gexf.js';
import { networkFromGraphml, networkToGraphml } from './graphml.js';
import { networkFromJson, networkToJson } from './json.js';
import { type LinkedInOwner, networkFromLinkedIn } from './linkedin.js';
import { looksLikeLinkedIn } from './linkedin-cells.js';
import { withoutByteOrderMark } from './source-file.js';
import { xmlRootName } from './xml-parse.js';

/** The formats {@link writeNetwork} writes. */
export const NETWORK_FORMATS = ['json', 'csv', 'graphml', 'gexf'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** The formats {@link detectFormat} tells from a file's text. */
export const DETECTED_FORMATS = ['json', 'gexf', 'graphml', 'linkedin'] as const;
export type DetectedFormat = (typeof DETECTED_FORMATS)[number];

/** The name standard input goes by in error reports. */
const STDIN = 'stdin';

/** Options of {@link writeNetwork}. */
export interface WriteNetworkOptions {
  /**
   * `json`: one file in the warmpath dataset format; `csv`: a folder of CSV files; `graphml`:
   * one GraphML file; `gexf`: one GEXF file.
   */
  readonly format: NetworkFormat;
}

/** Options of {@link readNetwork}: those of `createNetwork`, and the owner of a LinkedIn export. */
export interface ReadNetworkOptions extends CreateNetworkOptions {
  /**
   * Whose connections a LinkedIn export lists (`{ owner: 'Jacob Ellis', ownerId: 'jacob' }`):
   * required when the file is one, not used otherwise.
   */
  readonly linkedIn?: LinkedInOwner;
}

/**
 * Tells the format of a network file from its text (after a byte-order mark and white space):
 * `json` when it starts with `{`; `gexf` or `graphml` when it is XML whose root element is
 * `<gexf>` or `<graphml>` (after an XML declaration, comments or a document type); `linkedin`
 * when it starts with LinkedIn's `Notes:` preamble or has the header line of LinkedIn's
 * `Connections.csv` within its first 20 lines. Reads only the start of the text.
 *
 * @param text - The file's text.
 * @returns The format, or `undefined` when the text is none of these.
 * @throws Nothing.
 * @example
 * ```ts
 * detectFormat('{"people":[]}'); // 'json'
 * detectFormat('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'); // 'graphml'
 * detectFormat('Notes:\n"..."\n\nFirst Name,Last Name,URL,...'); // 'linkedin'
 * detectFormat('id,name\n'); // undefined
 * ```
 * @see Brandes et al., "GraphML Progress Report", Graph Drawing 2001 (GraphML); https://gexf.net/
 *   (GEXF); LinkedIn Help, "Download your account data" (Connections.csv).
 */
export function detectFormat(text: string): DetectedFormat | undefined {
  const start = withoutByteOrderMark(text).trimStart();
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('<')) {
    const root = xmlRootName(start);
    return root === 'gexf' || root === 'graphml' ? root : undefined;
  }
  return looksLikeLinkedIn(start) ? 'linkedin' : undefined;
}

/** Standard input, read to its end and decoded as UTF-8. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function unknownFormat(text: string, file: string): InvalidNetworkError {
  const start = withoutByteOrderMark(text).trimStart();
  const root = start.startsWith('<') ? xmlRootName(start) : undefined;
  const what =
    start === ''
      ? 'the file is empty'
      : root === undefined
        ? 'cannot tell the format from the content'
        : `an XML document whose root element is <${root}>`;
  return new InvalidNetworkError([
    {
      code: 'parse_error',
      path: '',
      message: `${what}: expected a warmpath JSON object (starting with "{"), a GEXF or GraphML document (root element <gexf> or <graphml>), or LinkedIn's Connections.csv ("Notes:" or the header "First Name,Last Name,..."); a folder is read as CSV files`,
      file,
      line: 1,
    },
  ]);
}

/** Reads one file's text in the format its content shows. */
function networkFromText(
  text: string,
  file: string,
  options: CreateNetworkOptions | undefined,
  linkedIn: LinkedInOwner | undefined,
): Network {
  switch (detectFormat(text)) {
    case 'json':
      return networkFromJson(text, options, file);
    case 'gexf':
      return networkFromGexf(text, options, file);
    case 'graphml':
      return networkFromGraphml(text, options, file);
    case 'linkedin':
      if (linkedIn === undefined) {
        throw new InvalidOptionsError([
          {
            code: 'missing_field',
            path: 'linkedIn.owner',
            message: `${file} is a LinkedIn connections export: say whose, e.g. { linkedIn: { owner: 'Jacob Ellis' } }`,
          },
        ]);
      }
      return networkFromLinkedIn(text, { ...options, ...linkedIn }, file);
    default:
      throw unknownFormat(text, file);
  }
}

/**
 * Reads a network from disk, or from standard input when `path` is `-`. A folder is read as CSV
 * files (every `*.csv` file in it, see `networkFromCsv`). A file's format is told by its content
 * (see {@link detectFormat}), whatever its name: warmpath JSON (`networkFromJson`), GEXF
 * (`networkFromGexf`), GraphML (`networkFromGraphml`) or LinkedIn's `Connections.csv`
 * (`networkFromLinkedIn`, which needs `options.linkedIn`). Text is UTF-8, with or without a
 * byte-order mark.
 *
 * @param path - A file, a folder of CSV files, or `-` for standard input (read to its end).
 * @param options - As for `createNetwork`, plus `linkedIn: { owner, ownerId? }` for a LinkedIn
 *   export.
 * @returns The validated network.
 * @throws InvalidNetworkError listing every problem, each with its file (the file's name, the
 *   CSV file's name in the folder, or `stdin`), line and, for CSV, column; a `parse_error` when
 *   the content is none of the formats.
 * @throws InvalidOptionsError for invalid options, and when the file is a LinkedIn export but
 *   `options.linkedIn` is missing.
 * @throws The file system's error (e.g. `ENOENT`) when the path cannot be read.
 * @example
 * ```ts
 * const network = await readNetwork('data/network.json');
 * const fromCsv = await readNetwork('data/network-csv/');
 * const fromGephi = await readNetwork('data/network.gexf');
 * const mine = await readNetwork('Connections.csv', { linkedIn: { owner: 'Jacob Ellis' } });
 * const piped = await readNetwork('-'); // e.g. `cat network.graphml | node script.js`
 * ```
 * @see RFC 4180 for the CSV syntax; docs/formats.md for every format.
 */
export async function readNetwork(path: string, options?: ReadNetworkOptions): Promise<Network> {
  let linkedIn: LinkedInOwner | undefined;
  let networkOptions: CreateNetworkOptions | undefined = options;
  if (typeof options === 'object' && options !== null) {
    ({ linkedIn, ...networkOptions } = options);
  }
  if (path === '-') return networkFromText(await readStdin(), STDIN, networkOptions, linkedIn);
  if (!(await stat(path)).isDirectory()) {
    return networkFromText(await readFile(path, 'utf8'), basename(path), networkOptions, linkedIn);
  }
  const entries = await readdir(path, { withFileTypes: true });
  const names = entries
    .filter((entry) => !entry.isDirectory() && /\.csv$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const texts = await Promise.all(names.map((name) => readFile(join(path, name), 'utf8')));
  return networkFromCsv(new Map(names.map((name, i) => [name, texts[i] ?? ''])), networkOptions);
}

const WRITERS: Readonly<Record<Exclude<NetworkFormat, 'csv'>, (network: Network) => string>> = {
  json: (network) => networkToJson(network),
  graphml: networkToGraphml,
  gexf: networkToGexf,
};

/**
 * Writes a network's data to disk so that {@link readNetwork} reads back exactly the same data:
 * `json`, `graphml` and `gexf` write one file at `path`; `csv` creates the folder `path` (and
 * its parents) if needed and writes every file of `networkToCsv` into it, replacing files of the
 * same name. Every format carries every record and field, so nothing is dropped; GraphML and
 * GEXF refuse text XML 1.0 cannot hold (see `networkToGraphml`) rather than drop it.
 *
 * @param network - The network to write.
 * @param path - The file, or the CSV folder.
 * @param options - `format`: `json`, `csv`, `graphml` or `gexf`.
 * @returns A promise that settles once every file is written.
 * @throws InvalidOptionsError if `format` is not one of those.
 * @throws GraphmlEncodingError or GexfEncodingError for text XML cannot hold; nothing is written.
 * @throws The file system's error (e.g. `EACCES`) when the path cannot be written.
 * @example
 * ```ts
 * await writeNetwork(network, 'out/network.json', { format: 'json' });
 * await writeNetwork(network, 'out/network-csv', { format: 'csv' });
 * await writeNetwork(network, 'out/network.graphml', { format: 'graphml' }); // yEd, Cytoscape
 * await writeNetwork(network, 'out/network.gexf', { format: 'gexf' }); // Gephi
 * ```
 * @see RFC 4180 (CSV); Brandes et al. 2002 (GraphML); https://gexf.net/ (GEXF 1.3).
 */
export async function writeNetwork(
  network: Network,
  path: string,
  options: WriteNetworkOptions,
): Promise<void> {
  const format: unknown = options?.format;
  if (format === 'csv') {
    await mkdir(path, { recursive: true });
    const files = networkToCsv(network);
    await Promise.all(
      Object.entries(files).map(([name, text]) => writeFile(join(path, name), text)),
    );
    return;
  }
  if (format === 'json' || format === 'graphml' || format === 'gexf') {
    await writeFile(path, WRITERS[format](network));
    return;
  }
  const hint = typeof format === 'string' ? didYouMean(format, NETWORK_FORMATS) : '';
  throw new InvalidOptionsError([
    {
      code: 'invalid_value',
      path: 'format',
      message: `must be one of ${NETWORK_FORMATS.map((f) => `"${f}"`).join(', ')}, got ${JSON.stringify(format) ?? String(format)}${hint}`,
    },
  ]);
}

/**
 * `warmpath convert`: reads a network in one format and writes it in another (`readNetwork`,
 * `writeNetwork`). Also the helper other commands use to write a network (`--out`, `--save`).
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { NETWORK_FORMATS, type Network, type NetworkFormat, writeNetwork } from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { labelled, type Output } from '../format.js';

/** The single-file formats, as extensions: `.json, .graphml, .gexf`. */
const FILE_FORMATS = NETWORK_FORMATS.filter((f) => f !== 'csv')
  .map((f) => `.${f}`)
  .join(', ');

/** The formats writeNetwork knows, by file extension (a folder, or `.csv`, is CSV). */
function formatOfExtension(path: string): string | undefined {
  const extension = extname(path).toLowerCase().slice(1);
  if (extension === '' || extension === 'csv') return 'csv';
  return extension;
}

function isFormat(name: string): name is NetworkFormat {
  return (NETWORK_FORMATS as readonly string[]).includes(name);
}

/** `--to`: one of the formats writeNetwork writes. */
export function networkFormat(text: string): NetworkFormat {
  if (!isFormat(text)) {
    throw new InvalidArgumentError(`must be one of ${NETWORK_FORMATS.join(', ')}.`);
  }
  return text;
}

/** The format to write `path` in: `explicit`, else by its extension (an existing folder: CSV). */
export async function formatFor(
  path: string,
  explicit: NetworkFormat | undefined,
): Promise<NetworkFormat> {
  if (explicit !== undefined) return explicit;
  const folder = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const format = folder ? 'csv' : formatOfExtension(path);
  if (format === undefined || !isFormat(format)) {
    throw new CliError(
      `cannot tell the format of ${JSON.stringify(path)} from its extension: name it ` +
        `${NETWORK_FORMATS.map((f) => (f === 'csv' ? 'a folder' : `*.${f}`)).join(', ')}, or pass --to`,
    );
  }
  return format;
}

/** Writes `network` to `path` and returns what was written, for the command's output. */
export async function saveNetwork(
  network: Network,
  path: string,
  explicit: NetworkFormat | undefined,
): Promise<{ readonly path: string; readonly format: NetworkFormat }> {
  const format = await formatFor(path, explicit);
  await writeNetwork(network, path, { format });
  return { path, format };
}

/** What a written network holds, as an output. */
export function writtenOutput(
  network: Network,
  written: { readonly path: string; readonly format: NetworkFormat },
  from?: string,
): Output {
  const counts = {
    organizations: network.organizations.length,
    people: network.people.length,
    jobs: network.jobs.length,
    groups: network.groups.length,
    relationships: network.relationships.length,
    hires: network.hires.length,
    applications: network.applications.length,
  };
  const record = { ...(from === undefined ? {} : { from }), ...written, ...counts };
  return {
    json: () => record,
    records: () => [record],
    csv: () => ({ header: Object.keys(record), rows: [Object.values(record)] }),
    text: () => [
      `Wrote ${written.path} (${written.format}):`,
      ...labelled(
        Object.entries(counts).map(([label, count]) => [label, String(count)]),
        '  ',
      ),
    ],
  };
}

interface ConvertFlags {
  readonly to?: NetworkFormat;
}

async function convert(context: Context, flags: ConvertFlags, input: string, output: string) {
  const network = await context.readData(input);
  const written = await saveNetwork(network, output, flags.to);
  context.print(writtenOutput(network, written, input));
}

export function addConvert(program: Command): void {
  program
    .command('convert')
    .summary('read a network in one format, write it in another')
    .description(
      'Reads a network and writes the same data in another format: the format is --to, else ' +
        `the extension of <out> (${FILE_FORMATS}; a folder or .csv for a folder of CSV files). ` +
        'The data is validated on the way: an invalid network is not written.',
    )
    .argument('<in>', DATA_HELP)
    .argument('<out>', 'the file or folder to write (replacing files of the same name)')
    .option('--to <format>', `the format to write: ${NETWORK_FORMATS.join(', ')}`, networkFormat)
    .addHelpText(
      'after',
      examples([
        ['warmpath convert network.json network-csv/', 'a JSON file to a folder of CSV files'],
        ['warmpath convert network-csv/ network.json', 'and back'],
        [
          'cat network.json | warmpath convert - out --to csv',
          'standard input to CSV files in out/',
        ],
      ]),
    )
    .action(action(convert));
}

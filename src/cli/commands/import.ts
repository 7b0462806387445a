/**
 * `warmpath import linkedin`: LinkedIn's `Connections.csv` export as the owner's network
 * (`networkFromLinkedIn`), written as a warmpath network.
 *
 * @module
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { type NetworkFormat, networkFromLinkedIn, networkToDataset } from '../../index.js';
import { action, examples } from '../command.js';
import { CliError } from '../errors.js';
import { labelled } from '../format.js';
import { networkFormat, saveNetwork, writtenOutput } from './convert.js';

interface LinkedInFlags {
  readonly owner: string;
  readonly ownerId?: string;
  readonly out?: string;
  readonly to?: NetworkFormat;
}

export function addImport(program: Command): void {
  const command = program
    .command('import')
    .summary('turn another source into a warmpath network (LinkedIn connections)')
    .description('Turns data from another source into a warmpath network.')
    .addHelpText(
      'after',
      examples([
        [
          'warmpath import linkedin Connections.csv --owner "Jacob Ellis" --out network.json',
          'your LinkedIn connections as a warmpath network',
        ],
      ]),
    );
  command
    .command('linkedin')
    .summary("LinkedIn's Connections.csv export as your network")
    .description(
      "Reads LinkedIn's Connections.csv (Settings, Data privacy, Get a copy of your data, " +
        'Connections) as your network: you, one person per connection, an organisation per ' +
        'company, and a `connection` relationship from you to each, dated by Connected On. ' +
        'With --out, writes it (.json, a folder for CSV, .graphml, .gexf); otherwise prints it ' +
        'as warmpath JSON on stdout, or a summary on a terminal.',
    )
    .argument('<file>', 'Connections.csv, or - for standard input')
    .requiredOption('--owner <name>', 'your name, as the owner of the connections')
    .option('--owner-id <id>', 'your person id (default: from your name, e.g. jacob-ellis)')
    .option('--out <path>', 'write the network here (format by extension, or --to)')
    .option('--to <format>', 'the format of --out (default: by its extension)', networkFormat)
    .addHelpText(
      'after',
      examples([
        [
          'warmpath import linkedin Connections.csv --owner "Jacob Ellis" --out network.json',
          'your LinkedIn connections as a warmpath network',
        ],
        [
          'warmpath import linkedin Connections.csv --owner "Jacob Ellis" --owner-id jacob > network.json',
          'the same on stdout, with your own id',
        ],
        [
          'warmpath intro network.json --from jacob --to org:brightline-it',
          'then: who at a company you know',
        ],
      ]),
    )
    .action(
      action(async (context, flags: LinkedInFlags, file: string) => {
        if (flags.to !== undefined && flags.out === undefined) {
          throw new CliError('--to is the format of --out: give --out too');
        }
        const text = await context.readText(file);
        const network = networkFromLinkedIn(
          text,
          {
            owner: flags.owner,
            ...(flags.ownerId === undefined ? {} : { ownerId: flags.ownerId }),
          },
          file === '-' ? 'stdin' : basename(file),
        );
        if (flags.out !== undefined) {
          const written = await saveNetwork(network, flags.out, flags.to);
          context.print(writtenOutput(network, written, file));
          return;
        }
        const notATable = (): never => {
          throw new CliError(
            `a network is not one table: write it with --out (a folder for CSV), not --format ${context.format}`,
          );
        };
        context.print({
          json: () => networkToDataset(network),
          records: notATable,
          csv: notATable,
          text: () => [
            `${flags.owner}'s LinkedIn connections:`,
            ...labelled(
              [
                ['connections', String(network.people.length - 1)],
                ['organisations', String(network.organizations.length)],
              ],
              '  ',
            ),
            'Give --out network.json to save them (stdout gets the network as JSON when it is not a terminal).',
          ],
        });
      }),
    );
}

/**
 * `warmpath validate`: reads a network and lists every problem in it, each with its file, line
 * and field, or says what it holds when it is valid.
 *
 * @module
 */
import type { Command } from 'commander';
import { InvalidNetworkError, type Issue, type Network } from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { CliError } from '../errors.js';
import { cellsOf, type Field, labelled, type Output } from '../format.js';

/** `people.csv:4 (name) people[2].name`: where an issue is, as precisely as it is known. */
export function placeOf(issue: Issue): string {
  const file =
    issue.file === undefined
      ? ''
      : `${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}${issue.column ? ` (${issue.column})` : ''}`;
  return [file, issue.path].filter((part) => part !== '').join(' ') || '(input)';
}

const ISSUE_FIELDS: readonly Field<Issue>[] = [
  { label: 'file', value: (i) => i.file },
  { label: 'line', value: (i) => i.line },
  { label: 'column', value: (i) => i.column },
  { label: 'path', value: (i) => i.path },
  { label: 'code', value: (i) => i.code },
  { label: 'message', value: (i) => i.message },
];

function issuesOutput(issues: readonly Issue[]): Output {
  return {
    json: () => ({ valid: false, issues }),
    records: () => issues,
    csv: () => cellsOf({ fields: ISSUE_FIELDS, rows: issues }),
    text: () => issues.map((issue) => `${placeOf(issue)}: ${issue.message}`),
  };
}

function validOutput(network: Network): Output {
  const counts = {
    organizations: network.organizations.length,
    people: network.people.length,
    jobs: network.jobs.length,
    groups: network.groups.length,
    relationships: network.relationships.length,
    ties: network.ties().length,
    hires: network.hires.length,
    applications: network.applications.length,
  };
  return {
    json: () => ({ valid: true, issues: [], counts }),
    records: () => [],
    csv: () => ({ header: Object.keys(counts), rows: [Object.values(counts)] }),
    text: () => [
      'Valid network:',
      ...labelled(
        Object.entries(counts).map(([label, count]) => [label, String(count)]),
        '  ',
      ),
    ],
  };
}

export function addValidate(program: Command): void {
  program
    .command('validate')
    .summary('check a network and list every problem, with file and line')
    .description(
      'Reads a network and checks every record and reference. Lists every problem at once, each ' +
        'with its file, line (and CSV column) and field, and exits with 2; exits with 0 and the ' +
        'counts of records when the network is valid.',
    )
    .argument('<data>', DATA_HELP)
    .addHelpText(
      'after',
      examples([
        ['warmpath validate network.json', 'check a JSON file'],
        [
          'warmpath validate network-csv/ --format csv > problems.csv',
          'every problem of a CSV folder, as a CSV file',
        ],
      ]),
    )
    .action(
      action(async (context, _flags: object, data: string) => {
        let network: Network;
        try {
          network = await context.readData(data);
        } catch (error) {
          if (!(error instanceof InvalidNetworkError)) throw error;
          context.print(issuesOutput(error.issues));
          const count = error.issues.length;
          throw new CliError(`invalid network: ${count} ${count === 1 ? 'problem' : 'problems'}`);
        }
        context.print(validOutput(network));
      }),
    );
}

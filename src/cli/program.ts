/**
 * The `warmpath` program: global options and every command.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { version } from '../../package.json';
import { examples } from './command.js';
import { addAttribute } from './commands/attribute.js';
import { addConnectors } from './commands/connectors.js';
import { addConvert } from './commands/convert.js';
import { addDemo } from './commands/demo.js';
import { addDraw } from './commands/draw.js';
import { addImport } from './commands/import.js';
import { addIntro } from './commands/intro.js';
import { addReferrals } from './commands/referrals.js';
import { addSimulate } from './commands/simulate.js';
import { addValidate } from './commands/validate.js';
import { OUTPUT_FORMATS } from './format.js';

const DATA_HELP_LONG =
  '<data> is a warmpath JSON, GEXF or GraphML file (told by its content), a folder of CSV\n' +
  'files, or - for standard input.';
const EXIT_HELP = 'Exit status: 0 done; 1 no result (e.g. no chain); 2 bad input or usage.';

/** The program, ready to parse; errors are thrown (as `CommanderError`), never exit the process. */
export function createProgram(): Command {
  const program = new Command('warmpath')
    .description(
      'Warm introductions, connectors and referral research on a relationship network. ' +
        'Results go to stdout (a table on a terminal, JSON otherwise); messages and progress ' +
        'bars to stderr.',
    )
    .version(version, '-V, --version', 'print the version')
    .addOption(
      new Option(
        '--format <format>',
        'output format (default: table on a terminal, json otherwise)',
      ).choices(OUTPUT_FORMATS),
    )
    .option('-q, --quiet', 'no progress bars or notes on stderr')
    .option('--progress', 'show progress bars even when stderr is not a terminal')
    .option('--debug', 'print the stack trace of an error')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      outputError: (message, write) => write(`warmpath: ${message.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `\n${DATA_HELP_LONG}\n${EXIT_HELP}\n${examples([
        ['warmpath demo', 'the seed story end to end, on data built in'],
        [
          'warmpath intro network.json --from jacob --to job:it-sales-rep',
          'who can introduce Jacob to the hiring manager of a job',
        ],
        [
          'warmpath connectors network.json --metric brokers',
          'who sits on the chains to open jobs',
        ],
        ['warmpath <command> --help', 'the options and examples of a command'],
      ])}`,
    )
    .exitOverride();
  for (const add of [
    addIntro,
    addConnectors,
    addReferrals,
    addAttribute,
    addSimulate,
    addValidate,
    addConvert,
    addImport,
    addDraw,
    addDemo,
  ]) {
    add(program);
  }
  return program;
}

/**
 * What the commands share: their action wrapper and the examples under their `--help`.
 *
 * @module
 */
import type { Command } from 'commander';
import { type Context, contextOf } from './context.js';

/**
 * Wraps a command's work as a commander action: commander calls actions with the arguments, the
 * options and the command; the work gets the context, the options and the arguments.
 */
export function action<Options, Args extends unknown[]>(
  work: (context: Context, options: Options, ...args: Args) => Promise<void>,
): (...params: unknown[]) => Promise<void> {
  return async (...params) => {
    const command = params[params.length - 1] as Command;
    const options = params[params.length - 2] as Options;
    const args = params.slice(0, -2) as Args;
    await work(contextOf(command), options, ...args);
  };
}

/** The `Examples:` section of a command's help. */
export function examples(lines: readonly (readonly [command: string, what: string])[]): string {
  return `\nExamples:\n${lines.map(([command, what]) => `  # ${what}\n  $ ${command}\n`).join('')}`;
}

/** The help line of the `<data>` argument, the same for every command. */
export const DATA_HELP =
  'the network: a JSON, GEXF or GraphML file, a folder of CSV files, or - for standard input';

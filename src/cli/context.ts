/**
 * What every command gets from the global options: the output format, progress bars on stderr,
 * and reading its `<data>` argument.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InvalidOptionsError, type Network, readNetwork } from '../index.js';
import { CliError } from './errors.js';
import { type Output, type OutputFormat, render } from './format.js';

/** The global options, as commander parses them. */
export interface GlobalOptions {
  readonly format?: OutputFormat;
  readonly quiet?: boolean;
  readonly progress?: boolean;
  readonly debug?: boolean;
}

/** Reports work done on stderr; a no-op when progress is not shown. */
export interface Progress {
  /** Pass as `onProgress` to a long-running library function. */
  readonly update: (done: number, total: number) => void;
  /** Removes the bar. Always call it, also when the work failed. */
  readonly stop: () => void;
}

/** What a command runs with. */
export interface Context {
  /** The output format: `--format`, else `table` on a terminal and `json` otherwise. */
  readonly format: OutputFormat;
  /** Writes a result to stdout in {@link format}. */
  readonly print: (output: Output) => void;
  /** Writes a note for people on stderr (unless `--quiet`). */
  readonly note: (message: string) => void;
  /** A progress bar on stderr for work labelled `label`. */
  readonly progress: (label: string) => Progress;
  /** Reads `<data>`: a file or folder (see `readNetwork`), or `-` for standard input. */
  readonly readData: (path: string) => Promise<Network>;
  /** Reads a text file, or standard input for `-`. */
  readonly readText: (path: string) => Promise<string>;
}

const SILENT: Progress = Object.freeze({ update: () => {}, stop: () => {} });

/**
 * Progress is shown on stderr when it is a terminal, or always with `--progress`; never with
 * `--quiet`. The bar appears at the first update, so quick work shows nothing on a terminal.
 */
function progressBar(label: string, options: GlobalOptions): Progress {
  const terminal = process.stderr.isTTY === true;
  if (options.quiet || !(terminal || options.progress)) return SILENT;
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% {value}/{total} | ETA {eta_formatted}`,
    barsize: 30,
    hideCursor: terminal,
    clearOnComplete: terminal,
    noTTYOutput: !terminal,
    notTTYSchedule: 1000,
    etaBuffer: 50,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** Reads a network; a LinkedIn export gets a pointer to `import linkedin` instead of API advice. */
async function readData(path: string): Promise<Network> {
  try {
    return await readNetwork(path);
  } catch (error) {
    if (
      error instanceof InvalidOptionsError &&
      error.issues.some((i) => i.path === 'linkedIn.owner')
    ) {
      const file = path === '-' ? '-' : JSON.stringify(path);
      throw new CliError(
        `${path === '-' ? 'standard input' : path} is a LinkedIn connections export: make it a network first, ` +
          `e.g. warmpath import linkedin ${file} --owner "Your Name" --out network.json`,
      );
    }
    throw error;
  }
}

/** The context of the command being run, from its options and the program's. */
export function contextOf(command: Command): Context {
  const options = command.optsWithGlobals<GlobalOptions>();
  const format: OutputFormat = options.format ?? (process.stdout.isTTY ? 'table' : 'json');
  return {
    format,
    print: (output) => {
      const text = render(output, format);
      if (text !== '') process.stdout.write(text);
    },
    note: (message) => {
      if (!options.quiet) process.stderr.write(`${message}\n`);
    },
    progress: (label) => progressBar(label, options),
    readData: (path) => readData(path),
    readText: (path) => (path === '-' ? text(process.stdin) : readFile(path, 'utf8')),
  };
}

/** Runs `work` with a progress bar, and removes the bar whatever happens. */
export async function withProgress<T>(
  context: Context,
  label: string,
  work: (update: Progress['update']) => T | Promise<T>,
): Promise<T> {
  const progress = context.progress(label);
  try {
    return await work(progress.update);
  } finally {
    progress.stop();
  }
}

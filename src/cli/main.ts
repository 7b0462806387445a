/**
 * The `warmpath` command (`bin` in package.json, built to dist/cli.js): parses the arguments,
 * runs the command, and turns a failure into one message on stderr and an exit status.
 *
 * @module
 */
import { describeFailure } from './errors.js';
import { createProgram } from './program.js';

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    if (argv.includes('--debug') && error instanceof Error && error.stack !== undefined) {
      process.stderr.write(`${error.stack}\n`);
    } else if (message !== '') {
      process.stderr.write(`warmpath: ${message}\n`);
    }
    return exitCode;
  }
}

// `warmpath ... | head` closes stdout early: stop quietly rather than crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));

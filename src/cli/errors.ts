/**
 * Exit codes and the one message the CLI prints on stderr when a command fails.
 *
 * @module
 */
import { CommanderError } from 'commander';
import {
  ConvergenceError,
  InvalidNetworkError,
  InvalidOptionsError,
  type Issue,
  UnknownEntityError,
  WarmpathError,
} from '../index.js';

/** What the process exits with. */
export const EXIT = Object.freeze({
  /** The command did what was asked. */
  ok: 0,
  /** It ran, but found nothing (no chain, no hire, ...). */
  noResult: 1,
  /** Bad input or usage: an unreadable or invalid file, an unknown id, a bad option. */
  usage: 2,
});

/** A failure the CLI itself detects: a bad option value (exit 2) or no result (exit 1). */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** The command ran and found nothing; its message says what. */
export class NoResultError extends CliError {
  override readonly name = 'NoResultError';
  constructor(message: string) {
    super(message, EXIT.noResult);
  }
}

/** Library option names whose flag is not simply their kebab-case form. */
const FLAG_OVERRIDES: Readonly<Record<string, string>> = {
  n: '--top',
  limit: '--top',
  avoidOrganizations: '--avoid-org',
  k: '--k',
};

/** The flag a library option is set with: `maxHops` → `--max-hops`. */
export function flagOf(path: string): string {
  const head = path.split(/[.[]/)[0] ?? path;
  const flag = FLAG_OVERRIDES[head] ?? `--${head.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return head === '' ? 'options' : flag;
}

function optionProblems(issues: readonly Issue[]): string {
  const lines = issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`);
  return lines.length === 1
    ? `invalid option ${lines[0]}`
    : `invalid options:\n  ${lines.join('\n  ')}`;
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on device',
};

interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as Partial<SystemError>).code === 'string' &&
    ((error as Partial<SystemError>).code as string) in SYSTEM_ERRORS
  );
}

/** What to print and exit with for an error a command threw. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and --version end normally.
    return { message: '', exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.usage };
  }
  if (error instanceof InvalidOptionsError) {
    return { message: optionProblems(error.issues), exitCode: EXIT.usage };
  }
  if (error instanceof InvalidNetworkError || error instanceof UnknownEntityError) {
    return { message: error.message, exitCode: EXIT.usage };
  }
  if (error instanceof ConvergenceError) {
    return { message: error.message, exitCode: EXIT.noResult };
  }
  if (error instanceof WarmpathError) return { message: error.message, exitCode: EXIT.usage };
  if (isSystemError(error)) {
    const where = error.path === undefined ? '' : ` ${JSON.stringify(error.path)}`;
    return {
      message: `cannot use${where}: ${SYSTEM_ERRORS[error.code]}`,
      exitCode: EXIT.usage,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected error: ${message} (run again with --debug for the stack trace)`,
    exitCode: EXIT.usage,
  };
}

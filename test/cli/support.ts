/**
 * Running the built CLI (dist/cli.js) as a subprocess. The test files build the package once
 * (`npm run build`) before their tests: a lock keeps the files, which vitest runs in parallel,
 * from building at the same time, and a build newer than every source is reused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// Every test here starts node a few times (a few hundred ms each, more on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SEED = join(ROOT, 'examples', 'seed-story', 'network.json');

/** How long a build may take before the tests give up (tsup with declarations: ~10 s). */
export const BUILD_TIMEOUT_MS = 240_000;

function newestTime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestTime(join(path, entry)));
  return newest;
}

function builtTime(): number {
  try {
    return Math.min(statSync(CLI).mtimeMs, statSync(join(ROOT, 'dist', 'index.js')).mtimeMs);
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

function isFresh(): boolean {
  const sources = ['src', 'package.json', 'tsup.config.ts', 'examples/seed-story/network.json'];
  return builtTime() > Math.max(...sources.map((path) => newestTime(join(ROOT, path))));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The vitest run this process belongs to: vitest runs test files in child processes of one main
 * process (or in its threads), so the parent's id (or our own) names the run.
 */
const RUN = String(process.env['VITEST_POOL_ID'] === undefined ? process.pid : process.ppid);

/**
 * Builds the package once per test run (unless dist/ is newer than every source), one build at
 * a time: the first test file to get here builds, the others wait for it and reuse its build.
 */
export async function ensureBuilt(): Promise<void> {
  const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `warmpath-cli-build-${id}.lock`);
  const marker = join(tmpdir(), `warmpath-cli-build-${id}.run`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any build takes.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > BUILD_TIMEOUT_MS) {
        rmSync(lock, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      await sleep(200);
    }
  }
  try {
    const builtInThisRun =
      readFileSync(marker, { encoding: 'utf8', flag: 'a+' }) === RUN && existsSync(CLI);
    if (!builtInThisRun) {
      if (!isFresh()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
      writeFileSync(marker, RUN);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a run of the CLI gave. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args`, with `input` on standard input, in `cwd` (default: a temp dir). */
export function cli(
  args: readonly string[],
  { input, cwd }: { readonly input?: string; readonly cwd?: string } = {},
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: cwd ?? tmpdir(),
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its stdout as JSON. */
export function cliJson<T = unknown>(args: readonly string[], input?: string): T {
  const run = cli(args, input === undefined ? {} : { input });
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(): { readonly path: string; readonly remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'warmpath-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A throwaway PostgreSQL cluster for tests and the benchmark: `initdb` into a temporary folder,
 * `pg_ctl start` on 127.0.0.1 with a free port, trust authentication, no fsync (nothing here needs
 * to survive a crash). As root, the server runs as the `postgres` OS user (PostgreSQL refuses to
 * run as root). `stop()` shuts it down and deletes the folder.
 *
 * When no server can be started (no PostgreSQL installed), {@link startCluster} returns the reason
 * instead of a cluster; the tests then skip loudly, except under CI (`process.env.CI` set), where
 * they fail.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running cluster. */
export interface Cluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** A connection string for another database of the cluster (see {@link createDatabase}). */
  urlOf(database: string): string;
  /** Creates an empty database and returns a connected client to it. */
  createDatabase(name: string): Promise<pg.Client>;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

/** Extra settings (`-c name=value`) for the server, e.g. memory for the benchmark. */
export type ServerSettings = Readonly<Record<string, string | number>>;

/** The folder holding initdb and pg_ctl: the newest Debian install, else whatever is on PATH. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return found === '' ? undefined : join(found, '..');
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function run(bin: string, program: string, args: readonly string[]): void {
  const path = join(bin, program);
  if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: 'pipe' });
  else execFileSync(path, args, { stdio: 'pipe' });
}

/**
 * Starts a throwaway cluster, or says why it cannot.
 *
 * @param settings - Extra server settings.
 * @returns The cluster, or `{ reason }` when PostgreSQL is not installed or will not start.
 */
export async function startCluster(
  settings: ServerSettings = {},
): Promise<Cluster | { reason: string }> {
  const bin = postgresBin();
  if (bin === undefined) return { reason: 'no PostgreSQL found (initdb not installed)' };
  const dir = mkdtempSync(join(tmpdir(), 'warmpath-pg-'));
  const data = join(dir, 'data');
  try {
    if (isRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    run(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    run(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    process.once('exit', stop);
    const urlOf = (database: string): string =>
      `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return {
      url,
      port,
      urlOf,
      async createDatabase(name) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        } finally {
          await admin.end();
        }
        const client = new pg.Client({ connectionString: urlOf(name) });
        await client.connect();
        return client;
      },
      stop,
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { reason: `PostgreSQL would not start: ${detail}` };
  }
}

/**
 * What the PostgreSQL tests share: one throwaway cluster per test file (or a loud skip when none
 * can be started outside CI), a database per file, and a fresh schema per network loaded.
 */
import type pg from 'pg';
import { afterAll, describe, expect } from 'vitest';
import type { IntroductionOptions, Network } from '../../src/index.js';
import { findIntroductions } from '../../src/index.js';
import { loadNetwork, migrate, PostgresNetwork } from '../../src/postgres/index.js';
import { type Cluster, startCluster } from './cluster.js';

const started = await startCluster();

/** Why the PostgreSQL tests are skipped, or `undefined` when a server is running. */
export const skipReason = 'reason' in started ? started.reason : undefined;

if (skipReason !== undefined) {
  if (process.env['CI']) {
    throw new Error(`PostgreSQL tests cannot run under CI: ${skipReason}`);
  }
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!!! SKIPPING the PostgreSQL tests (test/postgres): ${skipReason}\n` +
      '!!! Install PostgreSQL (apt-get install -y postgresql) to run them.\n' +
      `${line}\n`,
  );
}

const cluster = 'reason' in started ? undefined : (started as Cluster);
let client: pg.Client | undefined;
let schemas = 0;

afterAll(async () => {
  await client?.end();
  cluster?.stop();
});

/** `describe`, skipped (loudly, above) when no PostgreSQL server could be started. */
export const describePostgres = skipReason === undefined ? describe : describe.skip;

/** The client of this file's database (created on first use). */
export async function database(): Promise<pg.Client> {
  if (cluster === undefined) throw new Error('no PostgreSQL server');
  if (client === undefined) {
    client = await cluster.createDatabase(`test_${process.pid}_${Math.floor(Math.random() * 1e9)}`);
  }
  return client;
}

/** A new, migrated schema name. */
export async function freshSchema(): Promise<string> {
  const db = await database();
  const schema = `n${++schemas}`;
  await migrate(db, { schema });
  return schema;
}

/** Loads a network into a fresh schema and returns the PostgreSQL network on it. */
export async function stored(network: Network): Promise<PostgresNetwork> {
  const db = await database();
  const schema = await freshSchema();
  await loadNetwork(db, network, { schema });
  return new PostgresNetwork(db, { schema });
}

/** What a call gave: its result, or its error's class, message and data. */
export type Outcome =
  | { readonly result: unknown }
  | { readonly error: string; readonly message: string; readonly data: unknown };

function describeError(error: unknown): Outcome {
  if (!(error instanceof Error)) return { error: 'non-error', message: String(error), data: error };
  const data = error as Error & { issues?: unknown; missing?: unknown; limit?: unknown };
  return {
    error: error.constructor.name,
    message: error.message,
    data: data.issues ?? data.missing ?? data.limit,
  };
}

export async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return { result: await run() };
  } catch (error) {
    return describeError(error);
  }
}

/**
 * Asserts that the PostgreSQL backend gives exactly what the in-memory engine gives for these
 * options: the same result (every field, explanations included) or the same error.
 */
export async function expectSameAnswer(
  network: Network,
  onPostgres: PostgresNetwork,
  options: IntroductionOptions,
): Promise<Outcome> {
  const memory = await outcomeOf(() => findIntroductions(network, options));
  const postgres = await outcomeOf(() => onPostgres.findIntroductions(options));
  expect(postgres, JSON.stringify(options)).toStrictEqual(memory);
  return memory;
}

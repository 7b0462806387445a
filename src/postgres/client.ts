/**
 * What warmpath/postgres needs of a database connection, and the few helpers every module of it
 * shares: identifier quoting, transactions, snapshots and abort checks.
 *
 * The client is the caller's: a `pg.Client`, or a client checked out of a `pg.Pool`
 * (`await pool.connect()`). warmpath/postgres never imports `pg` itself, except in
 * {@link connectPostgres}, which loads it only when called.
 *
 * @module
 */
import { WarmpathError } from 'warmpath';

/** One page of rows, as `pg` returns them. */
export interface QueryRows<R> {
  readonly rows: R[];
  readonly rowCount: number | null;
}

/** A query with options, as `pg` accepts it (`rowMode: 'array'` returns rows as arrays). */
export interface QueryConfig {
  readonly text: string;
  readonly values?: readonly unknown[];
  readonly rowMode?: 'array';
}

/**
 * The part of a `pg.Client` (or a `PoolClient`) warmpath/postgres uses: parameterised queries,
 * and `query(stream)` for COPY with pg-copy-streams. A `pg.Client` fits it as it is.
 */
export interface PostgresClient {
  // biome-ignore lint/suspicious/noExplicitAny: rows are typed per query by the caller
  query(text: string, values?: readonly unknown[]): Promise<QueryRows<any>>;
  // biome-ignore lint/suspicious/noExplicitAny: rows are typed per query by the caller
  query(config: QueryConfig): Promise<QueryRows<any>>;
}

/** Options every function of warmpath/postgres accepts. */
export interface SchemaOptions {
  /** The PostgreSQL schema the tables live in (default `warmpath`). */
  readonly schema?: string;
}

/** The default PostgreSQL schema. */
export const DEFAULT_SCHEMA = 'warmpath';

/**
 * Something went wrong on the PostgreSQL side in a way the caller can act on: the schema is
 * missing or newer than this version of warmpath, the stored strengths are stale, or an optional
 * package (`pg`, `pg-copy-streams`) is not installed. `.reason` says which.
 *
 * @example
 * ```ts
 * try {
 *   await compileFromPostgres(client);
 * } catch (error) {
 *   if (error instanceof PostgresStateError && error.reason === 'stale-strengths') await refreshStrengths(client);
 * }
 * ```
 */
export class PostgresStateError extends WarmpathError {
  override readonly name = 'PostgresStateError' as const;
  /** What is wrong. */
  readonly reason:
    | 'no-schema'
    | 'schema-too-new'
    | 'stale-strengths'
    | 'missing-package'
    | 'empty-database';

  constructor(reason: PostgresStateError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/** A schema name quoted as an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The quoted schema of the options. */
export function schemaOf(options: SchemaOptions | undefined): string {
  return quoteIdentifier(options?.schema ?? DEFAULT_SCHEMA);
}

/**
 * Runs `work` in a transaction: COMMIT when it resolves, ROLLBACK when it throws.
 * @param mode - e.g. `ISOLATION LEVEL REPEATABLE READ READ ONLY` for a consistent read.
 */
export async function inTransaction<T>(
  client: PostgresClient,
  work: () => Promise<T>,
  mode = '',
): Promise<T> {
  await client.query(`BEGIN ${mode}`.trim());
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The transaction mode of a read: every query of it sees the same snapshot. */
export const SNAPSHOT = 'ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** A read of several queries that all see the same snapshot of the database. */
export function inSnapshot<T>(client: PostgresClient, work: () => Promise<T>): Promise<T> {
  return inTransaction(client, work, SNAPSHOT);
}

/** Throws the signal's reason when it has aborted, as the in-memory search does. */
export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** A pg `bigint` (returned as a string) as a number. */
export const toNumber = (value: unknown): number =>
  typeof value === 'number' ? value : Number(value);

/**
 * Opens a connection with the `pg` package, loaded only now (it is an optional peer dependency).
 *
 * @param connectionString - e.g. `postgres://user@localhost:5432/people`.
 * @returns A connected `pg.Client`; call `end()` when done.
 * @throws PostgresStateError (`missing-package`) when `pg` is not installed.
 * @example
 * ```ts
 * const client = await connectPostgres('postgres://localhost/people');
 * const network = new PostgresNetwork(client);
 * console.log((await network.findIntroductions({ from: 'jacob', to: 'greg' })).paths[0]?.people);
 * await client.end();
 * ```
 */
export async function connectPostgres(
  connectionString: string,
): Promise<PostgresClient & { end(): Promise<void> }> {
  let pg: { Client: new (config: { connectionString: string }) => unknown };
  try {
    const loaded = (await import('pg')) as unknown as { default?: typeof pg } & typeof pg;
    pg = loaded.default ?? loaded;
  } catch {
    throw new PostgresStateError(
      'missing-package',
      'warmpath/postgres needs the "pg" package to connect: npm install pg',
    );
  }
  const client = new pg.Client({ connectionString }) as PostgresClient & {
    connect(): Promise<void>;
    end(): Promise<void>;
  };
  await client.connect();
  return client;
}

/** Loads pg-copy-streams' `from` (an optional peer dependency) for COPY ... FROM STDIN. */
export async function copyFromStream(): Promise<
  (text: string) => NodeJS.WritableStream & { readonly rowCount?: number }
> {
  try {
    const loaded = (await import('pg-copy-streams')) as unknown as {
      from?: (text: string) => NodeJS.WritableStream;
      default?: { from: (text: string) => NodeJS.WritableStream };
    };
    const from = loaded.from ?? loaded.default?.from;
    if (from === undefined) throw new Error('no export "from"');
    return from;
  } catch {
    throw new PostgresStateError(
      'missing-package',
      'bulk loading needs the "pg-copy-streams" package: npm install pg-copy-streams',
    );
  }
}

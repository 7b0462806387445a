/**
 * The versioned PostgreSQL schema of warmpath/postgres and `migrate`.
 *
 * Every table that grows with the network is keyed so that it can be distributed by person with
 * Citus (see docs/scale.md): `people` by `no`, `ties` by `person_no`, `relationships` by
 * `source_no`, `group_members` by `group_id`, `person_ids` by `id`; unique constraints include the
 * distribution column and there are no foreign keys (the loaders check references instead).
 * `organizations`, `jobs`, `groups`, `meta` and `schema_version` are small: reference tables.
 *
 * @module
 */
import {
  inTransaction,
  type PostgresClient,
  PostgresStateError,
  type SchemaOptions,
  schemaOf,
} from './client.js';

/** The schema version this release of warmpath creates and reads. */
export const SCHEMA_VERSION = 1;

interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (s: string) => string;
}

/**
 * The migrations, in order. A released migration is never edited: changes come as a new one.
 * Person numbers (`no`) are dense integers in input order; strengths are float8, exactly the
 * doubles the in-memory engine computes; times (`*_t`) are epoch milliseconds.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'people, organisations, jobs, groups, relationships, hires, applications, ties',
    sql: (s) => `
CREATE TABLE ${s}.meta (key text PRIMARY KEY, value json);
CREATE TABLE ${s}.organizations (id text PRIMARY KEY, ordinal bigint NOT NULL, record json NOT NULL);
CREATE TABLE ${s}.people (
  no integer PRIMARY KEY,
  id text NOT NULL,
  name text NOT NULL,
  organization_id text,
  introductions smallint NOT NULL DEFAULT 0,
  latest_t double precision,
  record json NOT NULL
);
CREATE INDEX people_organization ON ${s}.people (organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX people_latest ON ${s}.people (latest_t) WHERE latest_t IS NOT NULL;
CREATE TABLE ${s}.person_ids (id text PRIMARY KEY, no integer NOT NULL);
CREATE TABLE ${s}.jobs (
  id text PRIMARY KEY,
  ordinal bigint NOT NULL,
  hiring_manager_id text NOT NULL,
  opened_t double precision,
  latest_t double precision,
  record json NOT NULL
);
CREATE TABLE ${s}.groups (id text PRIMARY KEY, ordinal bigint NOT NULL, record json NOT NULL);
CREATE TABLE ${s}.group_members (
  group_id text NOT NULL,
  position integer NOT NULL,
  person_no integer NOT NULL,
  PRIMARY KEY (group_id, position)
);
CREATE INDEX group_members_person ON ${s}.group_members (person_no);
CREATE TABLE ${s}.relationships (
  ordinal bigint NOT NULL,
  source_no integer NOT NULL,
  target_no integer NOT NULL,
  kind text NOT NULL,
  directed boolean NOT NULL,
  strength double precision NOT NULL,
  visible_to text[],
  since_t double precision,
  until_t double precision,
  latest_t double precision,
  record json NOT NULL,
  PRIMARY KEY (source_no, ordinal)
);
CREATE INDEX relationships_target ON ${s}.relationships (target_no);
CREATE INDEX relationships_latest_public ON ${s}.relationships (latest_t)
  WHERE visible_to IS NULL AND latest_t IS NOT NULL;
CREATE INDEX relationships_latest_restricted ON ${s}.relationships (latest_t)
  WHERE visible_to IS NOT NULL AND latest_t IS NOT NULL;
CREATE INDEX relationships_restricted ON ${s}.relationships (ordinal) WHERE visible_to IS NOT NULL;
CREATE INDEX relationships_since ON ${s}.relationships (since_t) WHERE since_t IS NOT NULL;
CREATE INDEX relationships_until ON ${s}.relationships (until_t) WHERE until_t IS NOT NULL;
CREATE TABLE ${s}.hires (ordinal bigint PRIMARY KEY, latest_t double precision, record json NOT NULL);
CREATE TABLE ${s}.applications (ordinal bigint PRIMARY KEY, latest_t double precision, record json NOT NULL);
CREATE INDEX hires_latest ON ${s}.hires (latest_t) WHERE latest_t IS NOT NULL;
CREATE INDEX applications_latest ON ${s}.applications (latest_t) WHERE latest_t IS NOT NULL;
CREATE INDEX jobs_latest ON ${s}.jobs (latest_t) WHERE latest_t IS NOT NULL;
CREATE TABLE ${s}.ties (
  person_no integer NOT NULL,
  neighbor_no integer NOT NULL,
  out_strength double precision NOT NULL,
  in_strength double precision NOT NULL,
  public boolean NOT NULL,
  visible_to text[],
  PRIMARY KEY (person_no, neighbor_no)
);
`,
  },
];

/** The version of the schema in the database: 0 when there is none. */
export async function schemaVersion(
  client: PostgresClient,
  options?: SchemaOptions,
): Promise<number> {
  const s = schemaOf(options);
  const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [
    `${s}.schema_version`,
  ]);
  if (!exists.rows[0]?.present) return 0;
  const { rows } = await client.query(`SELECT max(version) AS version FROM ${s}.schema_version`);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Checks that the schema is there and of this version.
 * @throws PostgresStateError (`no-schema` or `schema-too-new`).
 */
export async function requireSchema(
  client: PostgresClient,
  options?: SchemaOptions,
): Promise<void> {
  const version = await schemaVersion(client, options);
  if (version === 0) {
    throw new PostgresStateError(
      'no-schema',
      `no warmpath schema ${schemaOf(options)} in this database: run migrate(client) first`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new PostgresStateError(
      'schema-too-new',
      `the warmpath schema is at version ${version}, newer than this warmpath (${SCHEMA_VERSION}): upgrade warmpath`,
    );
  }
  if (version < SCHEMA_VERSION) {
    throw new PostgresStateError(
      'no-schema',
      `the warmpath schema is at version ${version}; run migrate(client) to bring it to ${SCHEMA_VERSION}`,
    );
  }
}

/**
 * Creates the warmpath tables, or brings an older schema up to {@link SCHEMA_VERSION}, in one
 * transaction holding an advisory lock (so two processes migrating at once do not collide).
 * Running it again is a no-op. Each applied migration is recorded in `schema_version`.
 *
 * @param client - A connected `pg.Client` (or pool client) with the right to create schemas.
 * @param options - `schema`: the PostgreSQL schema to use (default `warmpath`).
 * @returns The schema version now in the database.
 * @throws PostgresStateError (`schema-too-new`) when the database was migrated by a newer warmpath.
 * @example
 * ```ts
 * import pg from 'pg';
 * import { migrate } from 'warmpath/postgres';
 *
 * const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * await client.connect();
 * await migrate(client); // 1
 * ```
 */
export async function migrate(client: PostgresClient, options?: SchemaOptions): Promise<number> {
  const s = schemaOf(options);
  return inTransaction(client, async () => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`warmpath:${s}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = await schemaVersion(client, options);
    if (current > SCHEMA_VERSION) {
      throw new PostgresStateError(
        'schema-too-new',
        `the warmpath schema is at version ${current}, newer than this warmpath (${SCHEMA_VERSION})`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_version (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    return SCHEMA_VERSION;
  });
}

/**
 * Runs a bulk write with the indexes and key constraints of some tables dropped, then builds
 * them again from their own definitions (as read from the catalogue): one sorted build per index
 * instead of one insertion per row, several times faster for millions of rows. Call it inside a
 * transaction, so readers never see the tables without their indexes.
 */
export async function withoutIndexes<T>(
  client: PostgresClient,
  s: string,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const names = tables.map((t) => `${s}.${t}`);
  const constraints = await client.query(
    `SELECT conrelid::regclass::text AS tbl, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype IN ('p', 'u')`,
    [names],
  );
  const indexes = await client.query(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index
     WHERE indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = indexrelid)`,
    [names],
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  for (const c of constraints.rows)
    await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  const result = await work();
  for (const c of constraints.rows)
    await client.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
  for (const index of indexes.rows) await client.query(index.def);
  return result;
}

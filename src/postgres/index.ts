/**
 * warmpath/postgres: the same warm-introduction queries on a network stored in PostgreSQL, for
 * networks too large to hold in memory or apps that already keep their people there.
 *
 * ```ts
 * import pg from 'pg';
 * import { migrate, loadNetwork, PostgresNetwork } from 'warmpath/postgres';
 *
 * const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * await client.connect();
 * await migrate(client);
 * await loadNetwork(client, network);
 * const { paths } = await new PostgresNetwork(client).findIntroductions({ from: 'jacob', to: 'greg' });
 * ```
 *
 * `pg` (and `pg-copy-streams`, for the bulk loads) are optional peer dependencies: install them
 * to use this entry point; the main `warmpath` entry never loads them. See docs/scale.md.
 *
 * @packageDocumentation
 */

export {
  connectPostgres,
  DEFAULT_SCHEMA,
  type PostgresClient,
  PostgresStateError,
  type QueryConfig,
  type QueryRows,
  type SchemaOptions,
} from './client.js';
export { type CompileFromPostgresOptions, compileFromPostgres } from './compile.js';
export {
  PostgresNetwork,
  type PostgresPool,
  type PostgresQueryStats,
} from './find.js';
export { type LoadCsvOptions, type LoadSummary, loadCsvFolder, loadNetwork } from './load.js';
export { networkFromPostgres } from './read.js';
export { migrate, SCHEMA_VERSION } from './schema.js';
export { type RefreshSummary, refreshStrengths } from './strengths.js';
export {
  type UpsertSummary,
  upsertGroups,
  upsertJobs,
  upsertOrganizations,
  upsertPeople,
  upsertRelationships,
} from './upsert.js';

/**
 * Bulk loads: a whole `Network` (or a CSV folder read into one) written to the warmpath tables
 * with COPY, replacing what was there.
 *
 * @module
 */
import { type CreateNetworkOptions, type Network, readNetwork } from 'warmpath';
import { asOfTime, latestTime } from '../model/as-of.js';
import { inTransaction, type PostgresClient, type SchemaOptions, schemaOf } from './client.js';
import { type Cell, copyRows } from './copy.js';
import { writeMeta } from './meta.js';
import {
  EVENT_COLUMNS,
  eventRow,
  GROUP_COLUMNS,
  GROUP_MEMBER_COLUMNS,
  groupRow,
  JOB_COLUMNS,
  jobRow,
  ORGANIZATION_COLUMNS,
  organizationRow,
  PEOPLE_COLUMNS,
  personRow,
  RELATIONSHIP_COLUMNS,
  relationshipRow,
  TIE_COLUMNS,
  tieRows,
} from './rows.js';
import { requireSchema, withoutIndexes } from './schema.js';

/** How many rows a load wrote to each table. */
export interface LoadSummary {
  readonly people: number;
  readonly organizations: number;
  readonly jobs: number;
  readonly groups: number;
  readonly groupMembers: number;
  readonly relationships: number;
  readonly hires: number;
  readonly applications: number;
  /** Rows of `ties`: two per tie, one from each end. */
  readonly tieRows: number;
}

/** Every data table, in the order they are emptied. */
export const DATA_TABLES = [
  'ties',
  'relationships',
  'group_members',
  'groups',
  'jobs',
  'person_ids',
  'people',
  'organizations',
  'hires',
  'applications',
  'meta',
] as const;

/** The tables whose indexes a bulk load drops and builds again. */
const BIG_TABLES = ['people', 'person_ids', 'relationships', 'group_members', 'ties'] as const;

/** The time the network's strengths are measured to (see `createNetwork`), or `null`. */
export function referenceTimeOf(network: Network): number | null {
  return network.asOf === undefined
    ? (latestTime(network.dataset) ?? null)
    : asOfTime(network.asOf);
}

function* map<T>(items: readonly T[], row: (item: T, index: number) => Cell[]): Iterable<Cell[]> {
  for (let i = 0; i < items.length; i++) yield row(items[i] as T, i);
}

/**
 * Writes a network into the warmpath tables with COPY, replacing their contents, in one
 * transaction (readers see the old network or the new one, never half of it). People are
 * numbered in input order; each relationship keeps its strength as the in-memory engine computes
 * it, and each tie its strength in each direction (`network.ties()`), so that
 * `PostgresNetwork.findIntroductions` and `compileFromPostgres` reproduce the in-memory results
 * exactly. The network's `asOf` and strength model are stored with it.
 *
 * @param client - A connected `pg.Client` (not a `pg.Pool`: the load is one transaction).
 * @param network - The network to store.
 * @param options - `schema` (default `warmpath`).
 * @returns How many rows went into each table.
 * @throws PostgresStateError when the schema is missing (run {@link migrate}) or pg-copy-streams
 *   is not installed.
 * @example
 * ```ts
 * await migrate(client);
 * await loadNetwork(client, createNetwork(data));
 * ```
 * @see PostgreSQL, COPY: https://www.postgresql.org/docs/current/sql-copy.html
 */
export async function loadNetwork(
  client: PostgresClient,
  network: Network,
  options?: SchemaOptions,
): Promise<LoadSummary> {
  await requireSchema(client, options);
  const s = schemaOf(options);
  const noOf = new Map(network.people.map((p, i) => [p.id, i]));
  const strengths = network.strengths();
  return inTransaction(client, async () => {
    await client.query(`TRUNCATE ${DATA_TABLES.map((t) => `${s}.${t}`).join(', ')}`);
    return withoutIndexes(client, s, BIG_TABLES, () => copyAll());
  });

  async function copyAll(): Promise<LoadSummary> {
    const copy = (table: string, columns: readonly string[], rows: Iterable<Cell[]>) =>
      copyRows(client, `${s}.${table}`, columns, rows);
    const people = await copy('people', PEOPLE_COLUMNS, map(network.people, personRow));
    await copy(
      'person_ids',
      ['id', 'no'],
      map(network.people, (p, i) => [p.id, i]),
    );
    const organizations = await copy(
      'organizations',
      ORGANIZATION_COLUMNS,
      map(network.organizations, organizationRow),
    );
    const jobs = await copy('jobs', JOB_COLUMNS, map(network.jobs, jobRow));
    const groups = await copy('groups', GROUP_COLUMNS, map(network.groups, groupRow));
    const groupMembers = await copy(
      'group_members',
      GROUP_MEMBER_COLUMNS,
      (function* () {
        for (const group of network.groups)
          for (const [position, id] of group.members.entries())
            yield [group.id, position, noOf.get(id) as number];
      })(),
    );
    const relationships = await copy(
      'relationships',
      RELATIONSHIP_COLUMNS,
      map(network.relationships, (rel, i) =>
        relationshipRow(
          rel,
          i,
          noOf.get(rel.source) as number,
          noOf.get(rel.target) as number,
          strengths[i]?.strength as number,
        ),
      ),
    );
    const hires = await copy('hires', EVENT_COLUMNS, map(network.hires, eventRow));
    const applications = await copy(
      'applications',
      EVENT_COLUMNS,
      map(network.applications, eventRow),
    );
    const tieCount = await copy(
      'ties',
      TIE_COLUMNS,
      (function* () {
        for (const tie of network.ties()) yield* tieRows(tie, network, noOf);
      })(),
    );
    await writeMeta(client, s, {
      asOf: network.asOf ?? null,
      strengthModel: network.strengthModel,
      strengthTime: referenceTimeOf(network),
    });
    await client.query(`ANALYZE ${DATA_TABLES.map((t) => `${s}.${t}`).join(', ')}`);
    return Object.freeze({
      people,
      organizations,
      jobs,
      groups,
      groupMembers,
      relationships,
      hires,
      applications,
      tieRows: tieCount,
    });
  }
}

/** Options of {@link loadCsvFolder}. */
export interface LoadCsvOptions extends SchemaOptions, CreateNetworkOptions {}

/**
 * Reads a CSV folder (`people.csv`, `relationships.csv`, ...: see docs/model.md) with warmpath's
 * own reader, which checks every record and reference, and loads it with {@link loadNetwork}.
 * The folder is read into memory once; for networks larger than memory, load them in parts with
 * the upserts.
 *
 * @param client - A connected `pg.Client`.
 * @param folder - The folder of CSV files.
 * @param options - `schema`, and `asOf` / `strengthModel` as `createNetwork` takes them.
 * @returns How many rows went into each table.
 * @throws InvalidNetworkError listing every problem of the files.
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await loadCsvFolder(client, 'data/network', { strengthModel: { halfLifeDays: 180 } });
 * ```
 */
export async function loadCsvFolder(
  client: PostgresClient,
  folder: string,
  options: LoadCsvOptions = {},
): Promise<LoadSummary> {
  const { schema, ...networkOptions } = options;
  const network = await readNetwork(folder, networkOptions);
  return loadNetwork(client, network, schema === undefined ? {} : { schema });
}

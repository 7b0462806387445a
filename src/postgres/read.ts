/**
 * The stored network read back whole: `networkFromPostgres`, for networks that fit in memory
 * (exports, tests, moving a database to files).
 *
 * @module
 */
import {
  type Application,
  createNetwork,
  type Group,
  type Hire,
  type Job,
  type Network,
  type Organization,
  type Person,
  type Relationship,
} from 'warmpath';
import { inSnapshot, type PostgresClient, type SchemaOptions, schemaOf } from './client.js';
import { readMeta } from './meta.js';
import { requireSchema } from './schema.js';

/**
 * Reads the whole stored network into memory: every record in stored order (people by number,
 * the rest by ordinal, group members in listed order), built with the stored `asOf` and strength
 * model. `networkFromPostgres` after `loadNetwork(network)` gives back the same dataset.
 *
 * @param client - A connected `pg.Client`.
 * @param options - `schema` (default `warmpath`).
 * @returns The network.
 * @throws PostgresStateError when the schema is missing or nothing is stored.
 * @throws InvalidNetworkError if the stored records no longer form a valid network.
 * @example
 * ```ts
 * const network = await networkFromPostgres(client);
 * writeNetwork(network, 'backup.json', { format: 'json' });
 * ```
 */
export async function networkFromPostgres(
  client: PostgresClient,
  options?: SchemaOptions,
): Promise<Network> {
  await requireSchema(client, options);
  const s = schemaOf(options);
  return inSnapshot(client, async () => {
    const meta = await readMeta(client, s);
    const records = async <T>(sql: string): Promise<T[]> =>
      (await client.query(sql)).rows.map((r) => r.record as T);
    const peopleRows = await client.query(`SELECT no, record FROM ${s}.people ORDER BY no`);
    const people = peopleRows.rows.map((r) => r.record as Person);
    const idOf = new Map<number, string>(peopleRows.rows.map((r) => [r.no, r.record.id]));
    const organizations = await records<Organization>(
      `SELECT record FROM ${s}.organizations ORDER BY ordinal`,
    );
    const jobs = await records<Job>(`SELECT record FROM ${s}.jobs ORDER BY ordinal`);
    const members = await client.query(
      `SELECT group_id, person_no FROM ${s}.group_members ORDER BY group_id, position`,
    );
    const byGroup = new Map<string, string[]>();
    for (const row of members.rows) {
      const list = byGroup.get(row.group_id) ?? [];
      list.push(idOf.get(row.person_no) as string);
      byGroup.set(row.group_id, list);
    }
    const groups = (
      await records<Omit<Group, 'members'>>(`SELECT record FROM ${s}.groups ORDER BY ordinal`)
    ).map((group) => ({ ...group, members: byGroup.get(group.id) ?? [] }));
    const relationships = await records<Relationship>(
      `SELECT record FROM ${s}.relationships ORDER BY ordinal`,
    );
    const hires = await records<Hire>(`SELECT record FROM ${s}.hires ORDER BY ordinal`);
    const applications = await records<Application>(
      `SELECT record FROM ${s}.applications ORDER BY ordinal`,
    );
    return createNetwork(
      { organizations, people, jobs, groups, relationships, hires, applications },
      {
        ...(meta.asOf === null ? {} : { asOf: meta.asOf }),
        strengthModel: meta.strengthModel,
      },
    );
  });
}

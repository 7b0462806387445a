/**
 * Incremental writes: records added or replaced a batch at a time, each batch checked as
 * `createNetwork` checks records (shape and references, against what is stored) and written in
 * one transaction, with the affected rows of `ties` derived again.
 *
 * @module
 */
import {
  createNetwork,
  DEFAULT_STRENGTH_MODEL,
  explainStrength,
  type Group,
  type Job,
  type NetworkInput,
  type Organization,
  type Person,
  type Relationship,
} from 'warmpath';
import {
  inTransaction,
  type PostgresClient,
  PostgresStateError,
  type SchemaOptions,
  schemaOf,
  toNumber,
} from './client.js';
import { copyRows } from './copy.js';
import { readMeta, type StoredMeta, writeMeta } from './meta.js';
import {
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
} from './rows.js';
import { requireSchema } from './schema.js';
import { rebuildTies } from './ties.js';

/** What an upsert did. */
export interface UpsertSummary {
  /** Records that were new. */
  readonly inserted: number;
  /** Records that replaced a stored one. */
  readonly updated: number;
}

/**
 * Runs a write in a transaction that holds the schema's write lock (so concurrent upserts do not
 * hand out the same numbers), with the stored settings (defaults when nothing is stored yet).
 */
async function write<T>(
  client: PostgresClient,
  options: SchemaOptions | undefined,
  work: (s: string, meta: StoredMeta) => Promise<T>,
): Promise<T> {
  await requireSchema(client, options);
  const s = schemaOf(options);
  return inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`warmpath-write:${s}`]);
    let meta: StoredMeta;
    try {
      meta = await readMeta(client, s);
    } catch (error) {
      if (!(error instanceof PostgresStateError && error.reason === 'empty-database')) throw error;
      meta = { asOf: null, strengthModel: DEFAULT_STRENGTH_MODEL, strengthTime: null };
      await writeMeta(client, s, meta);
    }
    return work(s, meta);
  });
}

/** Stored people as the least a reference needs (their own references are checked already). */
const stubs = (people: ReadonlyMap<string, { record: Person }>): Person[] =>
  [...people.values()].map(({ record }) => ({ id: record.id, name: record.name }));

/** Checks records as `createNetwork` does, with the stored records they refer to beside them. */
function validate(input: NetworkInput): void {
  createNetwork(input);
}

const records = async <T>(
  client: PostgresClient,
  sql: string,
  values: readonly unknown[],
): Promise<T[]> => (await client.query(sql, values)).rows.map((r) => r.record as T);

/** Stored people by id, with their numbers. */
async function storedPeople(
  client: PostgresClient,
  s: string,
  ids: readonly string[],
): Promise<Map<string, { no: number; record: Person }>> {
  const out = new Map<string, { no: number; record: Person }>();
  if (ids.length === 0) return out;
  const nos = await client.query(`SELECT id, no FROM ${s}.person_ids WHERE id = ANY($1::text[])`, [
    [...new Set(ids)],
  ]);
  if (nos.rows.length === 0) return out;
  const { rows } = await client.query(
    `SELECT no, record FROM ${s}.people WHERE no = ANY($1::int[])`,
    [nos.rows.map((r) => r.no)],
  );
  for (const r of rows) out.set(r.record.id, { no: r.no, record: r.record });
  return out;
}

async function storedOrganizations(
  client: PostgresClient,
  s: string,
  ids: readonly string[],
): Promise<Organization[]> {
  if (ids.length === 0) return [];
  return records<Organization>(
    client,
    `SELECT record FROM ${s}.organizations WHERE id = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
}

/** Ordinals of stored records by id, and the next free ordinal, of a table keyed by id. */
async function ordinals(
  client: PostgresClient,
  s: string,
  table: string,
  ids: readonly string[],
): Promise<{ existing: Map<string, number>; next: number }> {
  const { rows } = await client.query(
    `SELECT id, ordinal FROM ${s}.${table} WHERE id = ANY($1::text[])`,
    [ids],
  );
  const next = await client.query(`SELECT coalesce(max(ordinal) + 1, 0) AS n FROM ${s}.${table}`);
  return {
    existing: new Map(rows.map((r) => [r.id as string, toNumber(r.ordinal)])),
    next: toNumber(next.rows[0]?.n ?? 0),
  };
}

/** Later records of a batch win over earlier ones with the same id. */
function lastById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/**
 * Adds organisations, or replaces stored ones with the same id (keeping their place in order).
 *
 * @param client - A connected `pg.Client`.
 * @param organizations - The records, as `createNetwork` takes them.
 * @param options - `schema` (default `warmpath`).
 * @returns How many were new and how many replaced stored ones.
 * @throws InvalidNetworkError listing every invalid record (paths index into `organizations`).
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await upsertOrganizations(client, [{ id: 'brightline', name: 'Brightline IT' }]);
 * ```
 */
export async function upsertOrganizations(
  client: PostgresClient,
  organizations: readonly Organization[],
  options?: SchemaOptions,
): Promise<UpsertSummary> {
  validate({ organizations });
  return write(client, options, async (s) => {
    const batch = lastById(organizations);
    const ids = batch.map((o) => o.id);
    const { existing, next } = await ordinals(client, s, 'organizations', ids);
    let n = next;
    const rows = batch.map((o) => organizationRow(o, existing.get(o.id) ?? n++));
    await client.query(`DELETE FROM ${s}.organizations WHERE id = ANY($1::text[])`, [ids]);
    await copyRows(client, `${s}.organizations`, ORGANIZATION_COLUMNS, rows);
    return { inserted: batch.length - existing.size, updated: existing.size };
  });
}

/**
 * Adds people, or replaces stored ones with the same id. New people get the next person numbers;
 * the organisations they name must be stored (or in an earlier upsert).
 *
 * @param client - A connected `pg.Client`.
 * @param people - The records, as `createNetwork` takes them.
 * @param options - `schema` (default `warmpath`).
 * @returns How many were new and how many replaced stored ones.
 * @throws InvalidNetworkError listing every invalid record or unknown organisation.
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await upsertPeople(client, [{ id: 'greg', name: 'Greg Hollis', organizationId: 'brightline', introductions: 'ask-first' }]);
 * ```
 */
export async function upsertPeople(
  client: PostgresClient,
  people: readonly Person[],
  options?: SchemaOptions,
): Promise<UpsertSummary> {
  return write(client, options, async (s) => {
    const orgIds = people.flatMap((p) => [
      ...(p.organizationId === undefined ? [] : [p.organizationId]),
      ...(p.positions ?? []).flatMap((q) =>
        q.organizationId === undefined ? [] : [q.organizationId],
      ),
    ]);
    validate({ organizations: await storedOrganizations(client, s, orgIds), people });
    const batch = lastById(people);
    const stored = await storedPeople(
      client,
      s,
      batch.map((p) => p.id),
    );
    const next = await client.query(`SELECT coalesce(max(no) + 1, 0) AS n FROM ${s}.people`);
    let n = toNumber(next.rows[0]?.n ?? 0);
    const numbered = batch.map((p) => ({ person: p, no: stored.get(p.id)?.no ?? n++ }));
    await client.query(`DELETE FROM ${s}.people WHERE no = ANY($1::int[])`, [
      [...stored.values()].map((p) => p.no),
    ]);
    await copyRows(
      client,
      `${s}.people`,
      PEOPLE_COLUMNS,
      numbered.map(({ person, no }) => personRow(person, no)),
    );
    await copyRows(
      client,
      `${s}.person_ids`,
      ['id', 'no'],
      numbered
        .filter(({ person }) => !stored.has(person.id))
        .map(({ person, no }) => [person.id, no]),
    );
    return { inserted: batch.length - stored.size, updated: stored.size };
  });
}

/**
 * Adds jobs, or replaces stored ones with the same id. Their organisation and people must be
 * stored.
 *
 * @param client - A connected `pg.Client`.
 * @param jobs - The records, as `createNetwork` takes them.
 * @param options - `schema` (default `warmpath`).
 * @returns How many were new and how many replaced stored ones.
 * @throws InvalidNetworkError listing every invalid record or unknown reference.
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await upsertJobs(client, [{ id: 'rep', title: 'IT Sales Rep', organizationId: 'brightline', hiringManagerId: 'greg', requirements: [], status: 'open' }]);
 * ```
 */
export async function upsertJobs(
  client: PostgresClient,
  jobs: readonly Job[],
  options?: SchemaOptions,
): Promise<UpsertSummary> {
  return write(client, options, async (s) => {
    const people = await storedPeople(
      client,
      s,
      jobs.flatMap((j) => [j.hiringManagerId, ...(j.filledBy === undefined ? [] : [j.filledBy])]),
    );
    const organizations = await storedOrganizations(
      client,
      s,
      jobs.map((j) => j.organizationId),
    );
    validate({ organizations, people: stubs(people), jobs });
    const batch = lastById(jobs);
    const ids = batch.map((j) => j.id);
    const { existing, next } = await ordinals(client, s, 'jobs', ids);
    let n = next;
    const rows = batch.map((j) => jobRow(j, existing.get(j.id) ?? n++));
    await client.query(`DELETE FROM ${s}.jobs WHERE id = ANY($1::text[])`, [ids]);
    await copyRows(client, `${s}.jobs`, JOB_COLUMNS, rows);
    return { inserted: batch.length - existing.size, updated: existing.size };
  });
}

/**
 * Adds groups, or replaces stored ones with the same id (members included), and derives the ties
 * between their old and new members again.
 *
 * @param client - A connected `pg.Client`.
 * @param groups - The records, as `createNetwork` takes them; members must be stored people.
 * @param options - `schema` (default `warmpath`).
 * @returns How many were new and how many replaced stored ones.
 * @throws InvalidNetworkError listing every invalid record or unknown member.
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await upsertGroups(client, [{ id: 'bni', name: 'BNI Riverside', members: ['jacob', 'greg'] }]);
 * ```
 */
export async function upsertGroups(
  client: PostgresClient,
  groups: readonly Group[],
  options?: SchemaOptions,
): Promise<UpsertSummary> {
  return write(client, options, async (s, meta) => {
    const people = await storedPeople(
      client,
      s,
      groups.flatMap((g) => g.members),
    );
    validate({ people: stubs(people), groups });
    const batch = lastById(groups);
    const ids = batch.map((g) => g.id);
    const { existing, next } = await ordinals(client, s, 'groups', ids);
    const old = await client.query(
      `SELECT group_id, person_no FROM ${s}.group_members WHERE group_id = ANY($1::text[])`,
      [ids],
    );
    const touched = new Map<string, Set<number>>();
    for (const row of old.rows) {
      const set = touched.get(row.group_id) ?? new Set<number>();
      set.add(row.person_no);
      touched.set(row.group_id, set);
    }
    let n = next;
    const rows = batch.map((g) => groupRow(g, existing.get(g.id) ?? n++));
    await client.query(`DELETE FROM ${s}.groups WHERE id = ANY($1::text[])`, [ids]);
    await client.query(`DELETE FROM ${s}.group_members WHERE group_id = ANY($1::text[])`, [ids]);
    await copyRows(client, `${s}.groups`, GROUP_COLUMNS, rows);
    await copyRows(
      client,
      `${s}.group_members`,
      GROUP_MEMBER_COLUMNS,
      batch.flatMap((g) =>
        g.members.map((id, position) => [g.id, position, people.get(id)?.no as number]),
      ),
    );
    for (const g of batch) {
      const set = touched.get(g.id) ?? new Set<number>();
      for (const id of g.members) set.add(people.get(id)?.no as number);
      touched.set(g.id, set);
    }
    await rebuildTies(
      client,
      s,
      meta.strengthModel,
      (function* () {
        for (const members of touched.values()) {
          const list = [...members];
          for (let i = 0; i < list.length; i++)
            for (let j = i + 1; j < list.length; j++)
              yield [list[i] as number, list[j] as number] as const;
        }
      })(),
    );
    return { inserted: batch.length - existing.size, updated: existing.size };
  });
}

/**
 * Adds relationships, or replaces stored ones: a relationship with the same source, target and
 * kind as a stored one replaces it (the first in stored order) and keeps its place; any other is
 * added at the end. Within a batch, a later relationship with the same key replaces an earlier
 * one. Strengths are computed as the in-memory engine does, measured to the stored reference
 * time; the ties of the pairs touched are derived again. If the batch has later dates than the
 * network had, queries stay exact but skip the `minStrength` filter in SQL, and
 * `compileFromPostgres` asks for {@link refreshStrengths}, until it is run.
 *
 * @param client - A connected `pg.Client`.
 * @param relationships - The records, as `createNetwork` takes them; their people must be stored.
 * @param options - `schema` (default `warmpath`).
 * @returns How many were new and how many replaced stored ones.
 * @throws InvalidNetworkError listing every invalid record or unknown person.
 * @throws PostgresStateError when the schema is missing.
 * @example
 * ```ts
 * await upsertRelationships(client, [
 *   { source: 'jacob', target: 'michael', kind: 'friend', interactionsPerMonth: 2, lastInteraction: '2024-11-08' },
 * ]);
 * ```
 */
export async function upsertRelationships(
  client: PostgresClient,
  relationships: readonly Relationship[],
  options?: SchemaOptions,
): Promise<UpsertSummary> {
  return write(client, options, async (s, meta) => {
    const people = await storedPeople(
      client,
      s,
      relationships.flatMap((r) => [r.source, r.target]),
    );
    validate({ people: stubs(people), relationships });
    const noOf = (id: string): number => people.get(id)?.no as number;
    const sources = [...new Set(relationships.map((r) => noOf(r.source)))];
    const { rows } = await client.query(
      `SELECT ordinal, source_no, target_no, kind FROM ${s}.relationships
       WHERE source_no = ANY($1::int[]) ORDER BY ordinal`,
      [sources],
    );
    const key = (a: number, b: number, kind: string) => `${a},${b},${kind}`;
    const stored = new Map<string, number>();
    for (const r of rows) {
      const k = key(r.source_no, r.target_no, r.kind);
      if (!stored.has(k)) stored.set(k, toNumber(r.ordinal));
    }
    const next = await client.query(
      `SELECT coalesce(max(ordinal) + 1, 0) AS n FROM ${s}.relationships`,
    );
    let n = toNumber(next.rows[0]?.n ?? 0);
    const chosen = new Map<number, { rel: Relationship; a: number; b: number }>();
    let updated = 0;
    for (const rel of relationships) {
      const a = noOf(rel.source);
      const b = noOf(rel.target);
      const k = key(a, b, rel.kind);
      let ordinal = stored.get(k);
      if (ordinal === undefined) {
        ordinal = n++;
        stored.set(k, ordinal);
      } else if (!chosen.has(ordinal)) updated++;
      chosen.set(ordinal, { rel, a, b });
    }
    const replaced = [...chosen.keys()].filter((o) => o < toNumber(next.rows[0]?.n ?? 0));
    await client.query(
      `DELETE FROM ${s}.relationships WHERE source_no = ANY($1::int[]) AND ordinal = ANY($2::bigint[])`,
      [sources, replaced],
    );
    await copyRows(
      client,
      `${s}.relationships`,
      RELATIONSHIP_COLUMNS,
      [...chosen.entries()].map(([ordinal, { rel, a, b }]) =>
        relationshipRow(
          rel,
          ordinal,
          a,
          b,
          explainStrength(rel, meta.strengthTime ?? undefined, meta.strengthModel).strength,
        ),
      ),
    );
    await rebuildTies(
      client,
      s,
      meta.strengthModel,
      [...chosen.values()].map(({ a, b }) => [a, b] as const),
    );
    return { inserted: chosen.size - updated, updated };
  });
}

/**
 * Storing networks in PostgreSQL: the versioned schema, bulk loads (a network, a CSV folder),
 * reading back, the `ties` table against `network.ties()`, incremental upserts (which must end in
 * the same stored network as a bulk load of the same records), refreshing strengths, and
 * streaming the whole network into the compiled engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import {
  betweenness,
  type CompiledNetwork,
  compileNetwork,
  createNetwork,
  InvalidNetworkError,
  type Network,
  writeNetwork,
} from '../../src/index.js';
import {
  compileFromPostgres,
  loadCsvFolder,
  loadNetwork,
  migrate,
  networkFromPostgres,
  PostgresNetwork,
  PostgresStateError,
  refreshStrengths,
  SCHEMA_VERSION,
  upsertGroups,
  upsertJobs,
  upsertOrganizations,
  upsertPeople,
  upsertRelationships,
} from '../../src/postgres/index.js';
import { RICH } from '../support/rich-network.js';
import { randomNetwork, randomQueries } from './networks.js';
import { database, describePostgres, expectSameAnswer, freshSchema } from './support.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The stored tie rows, as sorted plain rows. */
async function tieTable(schema: string) {
  const db = await database();
  const { rows } = await db.query(
    `SELECT p.id AS a, q.id AS b, t.out_strength, t.in_strength, t.public, t.visible_to
     FROM "${schema}".ties t JOIN "${schema}".people p ON p.no = t.person_no
     JOIN "${schema}".people q ON q.no = t.neighbor_no ORDER BY 1, 2`,
  );
  return byEnds(
    rows.map((r) => ({
      ...r,
      visible_to: r.visible_to === null ? null : [...r.visible_to].sort(),
    })),
  );
}

type TieRow = { a: string; b: string; [column: string]: unknown };
const byEnds = (rows: TieRow[]): TieRow[] =>
  rows.sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));

/** The ties of a network as the rows `ties` should hold. */
function expectedTies(network: Network) {
  const rows: TieRow[] = [];
  for (const tie of network.ties()) {
    const lists = tie.evidence.map((e) =>
      e.relationship === undefined ? undefined : network.relationships[e.relationship]?.visibleTo,
    );
    const open = lists.some((list) => list === undefined);
    const visible = open ? null : [...new Set(lists.flatMap((list) => list ?? []))].sort();
    rows.push({
      a: tie.source,
      b: tie.target,
      out_strength: tie.forward,
      in_strength: tie.backward,
      public: open,
      visible_to: visible,
    });
    rows.push({
      a: tie.target,
      b: tie.source,
      out_strength: tie.backward,
      in_strength: tie.forward,
      public: open,
      visible_to: visible,
    });
  }
  return byEnds(rows);
}

/** Compiled networks equal up to tie numbering: same people, neighbours in order, costs. */
function expectSameCompiled(actual: CompiledNetwork, expected: CompiledNetwork): void {
  expect(actual.nodeCount).toBe(expected.nodeCount);
  expect(actual.tieCount).toBe(expected.tieCount);
  expect(actual.ids).toEqual(expected.ids);
  expect(actual.offsets).toEqual(expected.offsets);
  expect(actual.neighbors).toEqual(expected.neighbors);
  expect(actual.policy).toEqual(expected.policy);
  expect(actual.organization).toEqual(expected.organization);
  expect(actual.organizations).toEqual(expected.organizations);
  const costs = (g: CompiledNetwork) =>
    Array.from(g.refs, (ref) => [g.costs[ref], g.costs[ref ^ 1]]);
  expect(costs(actual)).toEqual(costs(expected));
}

const rich = createNetwork(RICH);
const random = createNetwork(
  randomNetwork(77, { people: 120, density: 3, hubs: 2, groups: 4, groupSize: 9 }),
);

describePostgres('warmpath/postgres storage', () => {
  it('migrates to the current version, once, and refuses a newer schema', async () => {
    const db = await database();
    expect(await migrate(db, { schema: 'versions' })).toBe(SCHEMA_VERSION);
    expect(await migrate(db, { schema: 'versions' })).toBe(SCHEMA_VERSION);
    const { rows } = await db.query('SELECT version FROM versions.schema_version');
    expect(rows.map((r) => r.version)).toEqual([1]);
    await db.query(
      `INSERT INTO versions.schema_version (version, description) VALUES (99, 'future')`,
    );
    await expect(migrate(db, { schema: 'versions' })).rejects.toMatchObject({
      reason: 'schema-too-new',
    });
    await expect(loadNetwork(db, rich, { schema: 'versions' })).rejects.toBeInstanceOf(
      PostgresStateError,
    );
    await expect(networkFromPostgres(db, { schema: 'nowhere' })).rejects.toMatchObject({
      reason: 'no-schema',
    });
    const empty = await freshSchema();
    await expect(
      new PostgresNetwork(db, { schema: empty }).findIntroductions({ from: 'a', to: 'b' }),
    ).rejects.toMatchObject({ reason: 'empty-database' });
  });

  it('loads a network and reads the same dataset back, with the same ties', async () => {
    const db = await database();
    for (const network of [rich, random, createNetwork(RICH, { asOf: '2023-06-01' })]) {
      const schema = await freshSchema();
      const summary = await loadNetwork(db, network, { schema });
      expect(summary.people).toBe(network.people.length);
      expect(summary.relationships).toBe(network.relationships.length);
      expect(summary.tieRows).toBe(2 * network.ties().length);
      const back = await networkFromPostgres(db, { schema });
      expect(json(back.dataset)).toEqual(json(network.dataset));
      expect(back.asOf).toBe(network.asOf);
      expect(back.ties()).toEqual(network.ties());
      expect(await tieTable(schema)).toEqual(expectedTies(network));
    }
  });

  it('loads a CSV folder as readNetwork reads it', async () => {
    const db = await database();
    const folder = mkdtempSync(join(tmpdir(), 'warmpath-csv-'));
    try {
      await writeNetwork(rich, folder, { format: 'csv' });
      const schema = await freshSchema();
      await loadCsvFolder(db, folder, { schema });
      expect(json((await networkFromPostgres(db, { schema })).dataset)).toEqual(json(rich.dataset));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('derives the same ties in SQL as network.ties() (refreshStrengths after a moved date)', async () => {
    const db = await database();
    const schema = await freshSchema();
    await loadNetwork(db, random, { schema });
    // Pretend the strengths were measured to another time: refresh derives everything again.
    await db.query(`UPDATE "${schema}".meta SET value = '0' WHERE key = 'strength_time'`);
    await db.query(
      `UPDATE "${schema}".relationships SET strength = 0.5 WHERE record->>'strength' IS NULL`,
    );
    await db.query(`TRUNCATE "${schema}".ties`);
    const summary = await refreshStrengths(db, { schema });
    expect(summary.changed).toBe(true);
    expect(summary.relationships).toBe(
      random.relationships.filter((r) => r.strength === undefined).length,
    );
    expect(await tieTable(schema)).toEqual(expectedTies(random));
    expect((await refreshStrengths(db, { schema })).changed).toBe(false);
  });

  it('builds the same network from upserts as from one bulk load, and answers the same', async () => {
    const db = await database();
    const schema = await freshSchema();
    // Upserts key relationships by source, target and kind: keep one of each here.
    const seen = new Set<string>();
    const keyed = createNetwork({
      ...random.dataset,
      relationships: random.dataset.relationships.filter((r) => {
        const key = JSON.stringify([r.source, r.target, r.kind]);
        return !seen.has(key) && seen.add(key) !== undefined;
      }),
    });
    expect(keyed.relationships.length).toBeLessThan(random.relationships.length);
    const data = keyed.dataset;
    await upsertOrganizations(db, data.organizations, { schema });
    // In several batches, some records first in an outdated form, then replaced.
    const half = Math.floor(data.people.length / 2);
    await upsertPeople(
      db,
      data.people.slice(0, half).map((p) => ({ ...p, name: 'Old name' })),
      { schema },
    );
    await upsertPeople(db, data.people.slice(0, half), { schema });
    expect(await upsertPeople(db, data.people.slice(half), { schema })).toEqual({
      inserted: data.people.length - half,
      updated: 0,
    });
    await upsertJobs(db, data.jobs, { schema });
    await upsertGroups(
      db,
      data.groups.map((g) => ({ ...g, members: g.members.slice(0, 2) })),
      { schema },
    );
    await upsertGroups(db, data.groups, { schema });
    const third = Math.floor(data.relationships.length / 3);
    await upsertRelationships(db, data.relationships.slice(0, third), { schema });
    const again = await upsertRelationships(db, data.relationships.slice(0, 2 * third), { schema });
    expect(again.updated).toBeGreaterThan(0);
    await upsertRelationships(db, data.relationships.slice(2 * third), { schema });
    await refreshStrengths(db, { schema });

    const back = await networkFromPostgres(db, { schema });
    expect(json(back.dataset)).toEqual(json(data));
    expect(await tieTable(schema)).toEqual(expectedTies(keyed));
    const onPostgres = new PostgresNetwork(db, { schema });
    const ids = keyed.people.map((p) => p.id);
    for (const options of randomQueries(5, ids, 40))
      await expectSameAnswer(keyed, onPostgres, options);
  });

  it('keeps queries exact while strengths are stale, and compiles only once refreshed', async () => {
    const db = await database();
    const schema = await freshSchema();
    await loadNetwork(db, random, { schema });
    const later = {
      source: random.people[0]?.id as string,
      target: random.people[1]?.id as string,
      kind: 'friend' as const,
      lastInteraction: '2030-01-01',
    };
    await upsertRelationships(db, [later], { schema });
    const updated = createNetwork({
      ...random.dataset,
      relationships: [...random.dataset.relationships, later],
    });
    await expect(compileFromPostgres(db, { schema })).rejects.toMatchObject({
      reason: 'stale-strengths',
    });
    const onPostgres = new PostgresNetwork(db, { schema });
    const ids = random.people.map((p) => p.id);
    for (const options of randomQueries(9, ids, 30, { rich: false }))
      await expectSameAnswer(updated, onPostgres, { ...options, minStrength: 0.3 });
    await refreshStrengths(db, { schema });
    expectSameCompiled(await compileFromPostgres(db, { schema }), compileNetwork(updated));
  });

  it('rejects invalid upserts as createNetwork does, writing nothing', async () => {
    const db = await database();
    const schema = await freshSchema();
    await loadNetwork(db, rich, { schema });
    const error = await upsertRelationships(
      db,
      [
        { source: 'jacob', target: 'lee', kind: 'friend' },
        { source: 'jacob', target: 'jaocb', kind: 'friend' },
        { source: 'lee', target: 'lee', kind: 'friend', strength: 2 },
      ],
      { schema },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidNetworkError);
    const paths = (error as InvalidNetworkError).issues.map((i) => i.path);
    expect(paths).toContain('relationships[1].target');
    expect(paths).toContain('relationships[2].strength');
    expect(json((await networkFromPostgres(db, { schema })).dataset)).toEqual(json(rich.dataset));
    await expect(
      upsertPeople(db, [{ id: 'new', name: 'New', organizationId: 'nowhere' }], { schema }),
    ).rejects.toBeInstanceOf(InvalidNetworkError);
  });

  it('streams the whole network into the compiled engine, equal to compileNetwork', async () => {
    const db = await database();
    const schema = await freshSchema();
    await loadNetwork(db, random, { schema });
    const progress: number[] = [];
    const compiled = await compileFromPostgres(db, {
      schema,
      batchSize: 100,
      onProgress: (n) => progress.push(n),
    });
    expectSameCompiled(compiled, compileNetwork(random));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(random.ties().length);
    expect(betweenness(compiled)).toEqual(betweenness(random));
  });
});

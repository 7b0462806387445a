/**
 * The same chain queries against both backends: `findIntroductions` on the in-memory network and
 * `PostgresNetwork.findIntroductions` on the same network stored in PostgreSQL must give identical
 * results (every field: people, costs, probabilities, explanations, evidence) or identical errors.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { beforeAll, expect, it, vi } from 'vitest';
import {
  createNetwork,
  findIntroductions,
  type IntroductionOptions,
  InvalidOptionsError,
  type Network,
  networkFromJson,
} from '../../src/index.js';
import { PostgresNetwork } from '../../src/postgres/index.js';
import { RICH } from '../support/rich-network.js';
import { randomNetwork, randomQueries } from './networks.js';
import { database, describePostgres, expectSameAnswer, type Outcome, stored } from './support.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SEED_STORY = networkFromJson(
  readFileSync(new URL('../../examples/seed-story/network.json', import.meta.url), 'utf8'),
);

/** Counts answers by kind, to check that the comparisons are not all empty. */
function tally(outcomes: Outcome[]) {
  let chains = 0;
  let empty = 0;
  let errors = 0;
  for (const o of outcomes) {
    if ('error' in o) errors++;
    else if ((o.result as { paths: unknown[] }).paths.length > 0) chains++;
    else empty++;
  }
  return { chains, empty, errors };
}

describePostgres('PostgresNetwork.findIntroductions gives the in-memory answer', () => {
  describePostgres('on the seed story', () => {
    let onPostgres: PostgresNetwork;
    beforeAll(async () => {
      onPostgres = await stored(SEED_STORY);
    });

    it('for every candidate and target, with the default and other options', async () => {
      const ids = SEED_STORY.people.map((p) => p.id);
      const outcomes: Outcome[] = [];
      const variants: Partial<IntroductionOptions>[] = [
        {},
        { k: 5, maxHops: 3, diversity: 'disjoint' },
        { k: 4, maxHops: 5, minStrength: 0.3, diversity: { penalty: 1 } },
      ];
      for (const from of ids)
        for (const to of ids)
          for (const variant of variants)
            outcomes.push(await expectSameAnswer(SEED_STORY, onPostgres, { from, to, ...variant }));
      const counts = tally(outcomes);
      expect(counts.chains).toBeGreaterThan(1000);
      expect(counts.empty).toBeGreaterThan(0);
    });

    it('to jobs and organisations, avoiding people and employers', async () => {
      const outcomes: Outcome[] = [];
      for (const from of SEED_STORY.people.map((p) => p.id)) {
        for (const job of SEED_STORY.jobs)
          outcomes.push(
            await expectSameAnswer(SEED_STORY, onPostgres, { from, to: { job: job.id }, k: 3 }),
          );
        for (const org of SEED_STORY.organizations)
          outcomes.push(
            await expectSameAnswer(SEED_STORY, onPostgres, {
              from,
              to: { organization: org.id },
              k: 5,
              avoidOrganizations: SEED_STORY.organizations.slice(0, 2).map((o) => o.id),
              avoid: [SEED_STORY.people[3]?.id as string],
            }),
          );
      }
      expect(tally(outcomes).chains).toBeGreaterThan(50);
    });

    it('names unknown people, jobs and organisations as the in-memory engine does', async () => {
      const first = SEED_STORY.people[0]?.id as string;
      const bad: IntroductionOptions[] = [
        { from: `${first}x`, to: { job: 'no-such-job' }, avoid: ['nobody', first] },
        { from: first, to: { organization: 'brightlin' }, avoidOrganizations: ['x', 'brightline'] },
        { from: 'jacbo', to: 'michael' },
      ];
      for (const options of bad) {
        const outcome = await expectSameAnswer(SEED_STORY, onPostgres, options);
        expect(outcome).toMatchObject({ error: 'UnknownEntityError' });
      }
    });

    it('rejects invalid options with the same issues, and maxHops Infinity with its own', async () => {
      const invalid = [
        { from: 'jacob', to: 'greg', k: 0 },
        { from: 'jacob', to: 'greg', maxHops: 0.5, diversity: 'all' },
        { from: 'jacob', to: 'greg', viewer: { id: '' } },
        { from: 'jacob', to: 'greg', asOf: 'yesterday' },
        { from: 'jacob', to: 'greg', speed: 'fast' },
      ] as unknown as IntroductionOptions[];
      for (const options of invalid) {
        const outcome = await expectSameAnswer(SEED_STORY, onPostgres, options);
        expect(outcome).toMatchObject({ error: 'InvalidOptionsError' });
      }
      const error = await onPostgres
        .findIntroductions({ from: 'jacob', to: 'greg', maxHops: Number.POSITIVE_INFINITY })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).issues[0]?.path).toBe('maxHops');
    });

    it('throws the signal reason when aborted, and reaches the same work caps', async () => {
      const ids = SEED_STORY.people.map((p) => p.id);
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await expect(
        onPostgres.findIntroductions({
          from: ids[0] as string,
          to: ids[5] as string,
          signal: controller.signal,
        }),
      ).rejects.toThrow('stop');
      const outcomes: Outcome[] = [];
      for (const from of ids.slice(0, 6))
        for (const to of ids)
          for (const cap of [{ maxExpansions: 7 }, { maxChains: 2 }])
            outcomes.push(
              await expectSameAnswer(SEED_STORY, onPostgres, { from, to, k: 4, ...cap }),
            );
      expect(tally(outcomes).errors).toBeGreaterThan(10);
    });
  });

  it('answers concurrent queries on one client, and on a pool', async () => {
    const onClient = await stored(SEED_STORY);
    const ids = SEED_STORY.people.map((p) => p.id);
    const queries = ids
      .slice(0, 12)
      .map((from, i) => ({ from, to: ids[(i * 7 + 3) % ids.length] as string, k: 3 }));
    const expected = queries.map((q) => findIntroductions(SEED_STORY, q));
    expect(await Promise.all(queries.map((q) => onClient.findIntroductions(q)))).toStrictEqual(
      expected,
    );
    const db = await database();
    const pool = new pg.Pool({
      host: db.host,
      port: db.port,
      user: db.user,
      database: db.database,
      max: 3,
    });
    try {
      const onPool = new PostgresNetwork(pool, { schema: onClient.schema });
      expect(await Promise.all(queries.map((q) => onPool.findIntroductions(q)))).toStrictEqual(
        expected,
      );
    } finally {
      await pool.end();
    }
  });

  it('on a network using every field (dates, directed, groups, visibility, asOf)', async () => {
    const network = createNetwork(RICH);
    const onPostgres = await stored(network);
    const ids = network.people.map((p) => p.id);
    for (const from of ids)
      for (const to of ids)
        for (const extra of [{}, { asOf: '2023-02-01' }, { viewer: { id: 'lee' } }, { maxHops: 2 }])
          await expectSameAnswer(network, onPostgres, { from, to, k: 5, ...extra });
  });

  it('on 40 small random networks with every option (properties.test.ts style)', async () => {
    const outcomes: Outcome[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const network = createNetwork(
        randomNetwork(seed, {
          people: 4 + (seed % 9),
          density: 2.5,
          hubs: 1.5,
          groups: 1,
          groupSize: 3,
        }),
      );
      const onPostgres = await stored(network);
      const ids = network.people.map((p) => p.id);
      for (const options of randomQueries(seed * 101, ids, 30))
        outcomes.push(await expectSameAnswer(network, onPostgres, options));
    }
    const counts = tally(outcomes);
    expect(counts.chains).toBeGreaterThan(300);
    expect(counts.empty).toBeGreaterThan(20);
  });

  it('on larger random networks with hubs (search-pruning.test.ts style)', async () => {
    const outcomes: Outcome[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const network: Network = createNetwork(
        randomNetwork(1000 + seed, {
          people: 80 + 60 * seed,
          density: 1 + (seed % 4),
          hubs: 2.5,
          groups: 3,
          groupSize: 6 + seed,
        }),
      );
      const onPostgres = await stored(network);
      const ids = network.people.map((p) => p.id);
      for (const options of randomQueries(seed * 7, ids, 40))
        outcomes.push(await expectSameAnswer(network, onPostgres, options));
      // Hop-bounded search on PostgreSQL reads only part of the network.
      const probe = { from: ids[1] as string, to: ids[2] as string, maxHops: 2 };
      await expectSameAnswer(network, onPostgres, probe);
      expect(onPostgres.lastQuery?.people).toBeLessThanOrEqual(network.people.length);
    }
    const counts = tally(outcomes);
    expect(counts.chains).toBeGreaterThan(100);
    expect(findIntroductions).toBeDefined();
  });
});

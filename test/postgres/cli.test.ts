/**
 * `warmpath intro postgres://...`: the built CLI answers from a network stored in PostgreSQL, with
 * the same chains as from the file the network came from.
 */
import { beforeAll, expect, it } from 'vitest';
import { findIntroductions, type IntroductionResult } from '../../src/index.js';
import { loadNetwork } from '../../src/postgres/index.js';
import { BUILD_TIMEOUT_MS, cli, ensureBuilt, SEED } from '../cli/support.js';
import { seedStoryNetwork } from '../support/fixtures.js';
import { database, describePostgres, freshSchema } from './support.js';

const network = seedStoryNetwork();
let url = '';

describePostgres('warmpath intro with a PostgreSQL connection string', () => {
  beforeAll(async () => {
    await ensureBuilt();
    const db = await database();
    // The CLI reads the default schema, "warmpath".
    await db.query('DROP SCHEMA IF EXISTS warmpath CASCADE');
    const schema = await freshSchema();
    await db.query(`ALTER SCHEMA "${schema}" RENAME TO warmpath`);
    await loadNetwork(db, network);
    const { host, port, user, database: name } = db as unknown as Record<string, string>;
    url = `postgres://${user}@${host}:${port}/${name}`;
  }, BUILD_TIMEOUT_MS);

  it('prints the chains findIntroductions finds on the same network', () => {
    const run = cli(['intro', url, '--from', 'jacob', '--to', 'job:it-sales-rep', '--k', '4']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as IntroductionResult;
    const expected = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      k: 4,
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.paths.length).toBeGreaterThan(0);
  });

  it('shows names in the table, and the file and the database give the same table', () => {
    const args = ['--from', 'jacob', '--to', 'org:keystone-construction', '--format', 'table'];
    const fromDatabase = cli(['intro', url, ...args]);
    const fromFile = cli(['intro', SEED, ...args]);
    expect(fromDatabase.status).toBe(0);
    expect(fromDatabase.stdout).toBe(fromFile.stdout);
    expect(fromDatabase.stdout).toContain('Jacob');
  });

  it('reports unknown people as for a file', () => {
    const run = cli(['intro', url, '--from', 'jacbo', '--to', 'michael']);
    const fromFile = cli(['intro', SEED, '--from', 'jacbo', '--to', 'michael']);
    expect(run.status).toBe(fromFile.status);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toBe(fromFile.stderr);
  });
});

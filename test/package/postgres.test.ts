/**
 * The built `warmpath/postgres` entry (dist/postgres.js and .cjs): it loads in both formats, uses
 * the main entry's classes (one `WarmpathError`, one `Network`), and neither it nor the main entry
 * loads `pg` until a connection is asked for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dist = (file: string) => new URL(`../../dist/${file}`, import.meta.url);

describe.each([
  [
    'ESM',
    async () => ({
      postgres: await import(dist('postgres.js').href),
      core: await import(dist('index.js').href),
    }),
  ],
  [
    'CJS',
    async () => ({
      postgres: require('../../dist/postgres.cjs'),
      core: require('../../dist/index.cjs'),
    }),
  ],
])('warmpath/postgres as %s', (_format, load) => {
  it('exports the backend, built on the main entry’s classes', async () => {
    const { postgres, core } = await load();
    for (const name of [
      'PostgresNetwork',
      'migrate',
      'loadNetwork',
      'loadCsvFolder',
      'networkFromPostgres',
      'compileFromPostgres',
      'upsertPeople',
      'upsertRelationships',
      'refreshStrengths',
      'connectPostgres',
    ])
      expect(typeof postgres[name], name).toBe('function');
    const error = new postgres.PostgresStateError('no-schema', 'x');
    expect(error).toBeInstanceOf(core.WarmpathError);
    // Options are checked by the main entry's engine: its error class comes back.
    const network = new postgres.PostgresNetwork({
      query: async () => ({ rows: [], rowCount: 0 }),
    });
    await expect(network.findIntroductions({ from: 'a', to: 'b', k: 0 })).rejects.toBeInstanceOf(
      core.InvalidOptionsError,
    );
  });
});

describe('the optional pg dependency', () => {
  it('is never imported by the main entry, and only lazily by warmpath/postgres', () => {
    const importsPg = /(?:from\s*|require\(\s*|import\(\s*)["']pg(?:-copy-streams)?["']/;
    for (const file of ['index.js', 'index.cjs', 'cli.js'])
      expect(importsPg.test(readFileSync(dist(file), 'utf8')), file).toBe(false);
    for (const file of ['postgres.js', 'postgres.cjs']) {
      const text = readFileSync(dist(file), 'utf8');
      expect(/^import .* from ["']pg["']/m.test(text), file).toBe(false);
      expect(/import\(["']pg["']\)/.test(text), file).toBe(true);
    }
  });
});

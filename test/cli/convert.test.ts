import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_FILES, networkToDataset, readNetwork } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, ensureBuilt, SEED, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);
const dataset = networkToDataset(seedStoryNetwork());

describe('warmpath convert', () => {
  it('converts JSON to a CSV folder and back to the same data', async () => {
    const folder = join(temp.path, 'seed-csv');
    const toCsv = cli(['convert', SEED, folder]);
    expect(toCsv.status).toBe(0);
    expect(JSON.parse(toCsv.stdout)).toMatchObject({
      from: SEED,
      path: folder,
      format: 'csv',
      people: dataset.people.length,
      relationships: dataset.relationships.length,
    });
    expect(
      readdirSync(folder).every((name) => (CSV_FILES as readonly string[]).includes(name)),
    ).toBe(true);
    expect(networkToDataset(await readNetwork(folder))).toEqual(dataset);

    const back = join(temp.path, 'back.json');
    const toJson = cli(['convert', folder, back, '--format', 'table']);
    expect(toJson.status).toBe(0);
    expect(toJson.stdout).toContain(`Wrote ${back} (json):\n`);
    expect(networkToDataset(await readNetwork(back))).toEqual(dataset);
  });

  it('takes the format from --to whatever the name, and reads standard input', async () => {
    const out = join(temp.path, 'from-stdin.data');
    const run = cli(['convert', '-', out, '--to', 'csv'], { input: readFileSync(SEED, 'utf8') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(networkToDataset(await readNetwork(out))).toEqual(dataset);
  });

  it('exits with 2 when the format cannot be told, or is unknown', () => {
    const out = join(temp.path, 'network.xyz');
    const unknown = cli(['convert', SEED, out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /^warmpath: cannot tell the format of ".*network\.xyz" from its extension/,
    );
    expect(existsSync(out)).toBe(false);
    const to = cli(['convert', SEED, out, '--to', 'yaml']);
    expect(to.status).toBe(2);
    expect(to.stderr).toContain("option '--to <format>' argument 'yaml' is invalid");
  });

  it('has help with examples', () => {
    expect(cli(['convert', '--help']).stdout).toContain(
      '$ warmpath convert network.json network-csv/',
    );
  });
});

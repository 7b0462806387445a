import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidNetworkError, type Issue, readNetwork, writeNetwork } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, cliJson, ensureBuilt, SEED, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);
const network = seedStoryNetwork();

/** The seed story with three mistakes. */
function badJson(): string {
  const data = JSON.parse(readFileSync(SEED, 'utf8'));
  data.people[2].name = '';
  data.people[5].colour = 'blue';
  data.relationships[3].target = 'jaocb';
  const path = join(temp.path, 'bad.json');
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

/** The seed story as CSV files, with an unknown person on line 3 of relationships.csv. */
async function badCsv(): Promise<string> {
  const good = join(temp.path, 'good-csv');
  await writeNetwork(network, good, { format: 'csv' });
  const bad = join(temp.path, 'bad-csv');
  cpSync(good, bad, { recursive: true });
  const file = join(bad, 'relationships.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const fields = (lines[2] ?? '').split(',');
  fields[1] = 'nobody';
  lines[2] = fields.join(',');
  writeFileSync(file, lines.join('\n'));
  return bad;
}

async function issuesOf(path: string): Promise<readonly Issue[]> {
  try {
    await readNetwork(path);
  } catch (error) {
    if (error instanceof InvalidNetworkError) return error.issues;
    throw error;
  }
  throw new Error(`${path} is valid`);
}

describe('warmpath validate', () => {
  it('says what a valid network holds, and exits with 0', () => {
    const run = cli(['validate', SEED, '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Valid network:\n');
    expect(run.stdout).toContain(`  people:        ${network.people.length}\n`);
    expect(run.stdout).toContain(`  ties:          ${network.ties().length}\n`);
    expect(cliJson(['validate', SEED])).toMatchObject({ valid: true, issues: [] });
  });

  it('lists every problem of a JSON file, with the file, and exits with 2', async () => {
    const path = badJson();
    const issues = await issuesOf(path);
    expect(issues.length).toBe(3);
    const run = cli(['validate', path, '--format', 'table']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      [
        'bad.json people[2].name: must not be empty (omit the field instead), got ""',
        'bad.json people[5].colour: unknown field "colour"',
        'bad.json relationships[3].target: unknown person "jaocb" (did you mean "jacob"?)',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('warmpath: invalid network: 3 problems\n');
    const json = cli(['validate', path]);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ valid: false, issues });
  });

  it('gives the file, line and column of a problem in a CSV folder', async () => {
    const folder = await badCsv();
    const run = cli(['validate', folder, '--format', 'table']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      'relationships.csv:3 (target) relationships[1].target: unknown person "nobody"\n',
    );
    expect(run.stderr).toBe('warmpath: invalid network: 1 problem\n');
    const csv = cli(['validate', folder, '--format', 'csv']);
    expect(csv.stdout).toBe(
      'file,line,column,path,code,message\n' +
        'relationships.csv,3,target,relationships[1].target,unknown_reference,"unknown person ""nobody"""\n',
    );
    const ndjson = cli(['validate', folder, '--format', 'ndjson']);
    expect(JSON.parse(ndjson.stdout)).toEqual((await issuesOf(folder))[0]);
  });

  it('other commands reject an invalid network with exit 2 and the problems on stderr', () => {
    const run = cli(['intro', badJson(), '--from', 'jacob', '--to', 'laura']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('warmpath: Invalid network (3 problems):\n');
    expect(run.stderr).toContain('  - bad.json relationships[3].target: unknown person "jaocb"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with 2 for a file that does not exist', () => {
    const run = cli(['validate', join(temp.path, 'missing.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `warmpath: cannot use ${JSON.stringify(join(temp.path, 'missing.json'))}: no such file or directory\n`,
    );
  });

  it('validates standard input with -', () => {
    const run = cli(['validate', '-', '--format', 'table'], {
      input: readFileSync(badJson(), 'utf8'),
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(
      'relationships[3].target: unknown person "jaocb" (did you mean "jacob"?)\n',
    );
  });
});

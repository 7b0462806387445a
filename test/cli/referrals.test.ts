import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeHires, networkToJson, referralShare } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, cliJson, ensureBuilt, SEED, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const network = seedStoryNetwork();
const temp = tempDir();
afterAll(temp.remove);

/** The seed story without its hires. */
function withoutHires(): string {
  const path = join(temp.path, 'no-hires.json');
  const data = JSON.parse(networkToJson(network)) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...data, hires: [] }));
  return path;
}

describe('warmpath referrals', () => {
  it('gives the overall share and its interval, as referralShare does', () => {
    expect(cliJson(['referrals', SEED])).toEqual(referralShare(network).toJSON());
    const run = cli(['referrals', SEED, '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Referral share of hires (wilson 95% intervals):',
        '  group  label  referrals  hires  unknown channel  share  lower  upper',
        '  -----  -----  ---------  -----  ---------------  -----  -----  -----',
        '  all    All            2      3                0  66.7%  20.8%  93.9%',
        '',
      ].join('\n'),
    );
  });

  it('groups by organisation, job or period, at a level, as CSV from toCSV', () => {
    const byOrganization = referralShare(network, { by: 'organization', level: 0.9 });
    expect(
      cli(['referrals', SEED, '--by', 'organization', '--level', '0.9', '--format', 'csv']).stdout,
    ).toBe(byOrganization.toCSV());
    expect(cliJson(['referrals', SEED, '--by', 'job'])).toEqual(
      referralShare(network, { by: 'job' }).toJSON(),
    );
    expect(cliJson(['referrals', SEED, '--by', 'period'])).toEqual(
      referralShare(network, { by: { period: 'year' } }).toJSON(),
    );
    const quarters = referralShare(network, {
      by: { period: 'quarter' },
      method: 'jeffreys',
      compare: [['2024-Q2', '2024-Q1']],
    });
    expect(
      cliJson([
        'referrals',
        SEED,
        '--by',
        'period:quarter',
        '--method',
        'jeffreys',
        '--compare',
        '2024-Q2,2024-Q1',
      ]),
    ).toEqual(quarters.toJSON());
    const table = cli([
      'referrals',
      SEED,
      '--by',
      'quarter',
      '--compare',
      '2024-Q2,2024-Q1',
      '--format',
      'table',
    ]);
    expect(table.stdout).toContain('Referral share of hires by quarter (wilson 95% intervals):');
    expect(table.stdout).toMatch(/\n {2}all +All +2 +3 +0 +66\.7% +20\.8% +93\.9%\n/);
    expect(table.stdout).toContain('  2024-Q2 − 2024-Q1: 100.0% (');
  });

  it('writes one NDJSON line per group', () => {
    const run = cli(['referrals', SEED, '--by', 'organization', '--format', 'ndjson']);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string });
    expect(lines.map((group) => group.key)).toEqual(
      referralShare(network, { by: 'organization' }).groups.map((group) => group.key),
    );
  });

  it('exits with 2 for a bad grouping or level, and 1 when there are no hires', () => {
    const by = cli(['referrals', SEED, '--by', 'colour']);
    expect(by.status).toBe(2);
    expect(by.stderr).toContain("option '--by <group>' argument 'colour' is invalid");
    const level = cli(['referrals', SEED, '--level', '95']);
    expect(level.status).toBe(2);
    expect(level.stderr).toMatch(
      /^warmpath: invalid option --level: must be a number strictly between 0 and 1/,
    );
    const none = cli(['referrals', withoutHires()]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('warmpath: the network records no hires\n');
    expect(JSON.parse(none.stdout)).toMatchObject({ overall: { hires: 0 } });
  });

  it('has help with examples', () => {
    const run = cli(['referrals', '--help']);
    expect(run.stdout).toContain('$ warmpath referrals network.json --by organization --level 0.9');
  });
});

describe('warmpath attribute', () => {
  it('attributes every hire as attributeHires does', () => {
    expect(cliJson(['attribute', SEED])).toEqual(attributeHires(network).toJSON());
    expect(
      cli(['attribute', SEED, '--max-hops', '2', '--min-probability', '0.5', '--format', 'csv'])
        .stdout,
    ).toBe(attributeHires(network, { maxHops: 2, minProbability: 0.5 }).toCSV());
  });

  it('prints each hire with the chain of the day before and the disagreements', () => {
    const run = cli(['attribute', SEED, '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\n {2}2024-03-25 {2}Michael Brennan +Sales Executive +direct +- +Michael Brennan → Laura Whitfield \(p = 0\.76\) +chain-without-referral\n/,
    );
    expect(run.stdout).toContain(
      '  Recorded as referrals: 2 of 3 (66.7%); reachable through a warm chain: 3 of 3 (100.0%).\n',
    );
    expect(run.stdout).toContain(
      '  Disagreements: 0 referral(s) without a chain, 1 hire(s) recorded otherwise that a chain could explain.\n',
    );
  });

  it('exits with 2 for a bad option and 1 when there are no hires', () => {
    const bad = cli(['attribute', SEED, '--min-probability', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^warmpath: invalid option --min-probability: /);
    expect(cli(['attribute', withoutHires()]).status).toBe(1);
  });
});

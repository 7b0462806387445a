import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, generateMarket, readNetwork, simulateHiring } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, cliJson, ensureBuilt, SEED, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);

interface Printed {
  readonly market: unknown;
  readonly options: unknown;
  readonly summary: unknown;
  readonly steps: unknown;
}

const market = (people: number, seed: number) => createNetwork(generateMarket({ people, seed }));

describe('warmpath simulate', () => {
  it('generates a market and simulates hiring on it, as generateMarket and simulateHiring do', () => {
    const printed = cliJson<Printed>([
      'simulate',
      '--people',
      '400',
      '--seed',
      '3',
      '--steps',
      '4',
    ]);
    const expected = simulateHiring(market(400, 3), { seed: 3, steps: 4 });
    expect(printed.market).toEqual({ people: 400, seed: 3 });
    expect(printed.summary).toEqual(expected.summary);
    expect(printed.steps).toEqual(expected.steps);
    expect(printed.options).toEqual(expected.options);
  });

  it('passes the model options on, and writes the rounds as CSV', () => {
    const args = ['--people', '300', '--organizations', '5', '--jobs', '6', '--steps', '3'];
    const model = [
      '--posting-reach',
      '0.1',
      '--referral-propensity',
      '0.5',
      '--manager-preference',
      '3',
    ];
    const more = ['--interviews', '2', '--start', '2025-02-03', '--step-days', '14'];
    const run = cli(['simulate', ...args, ...model, ...more, '--format', 'csv']);
    expect(run.status).toBe(0);
    const expected = simulateHiring(
      createNetwork(generateMarket({ people: 300, organizations: 5, seed: 1 })),
      {
        seed: 1,
        jobs: 6,
        steps: 3,
        postingReach: 0.1,
        referralPropensity: 0.5,
        managerPreference: 3,
        interviews: 2,
        start: '2025-02-03',
        stepDays: 14,
      },
    );
    expect(run.stdout).toBe(expected.toCSV());
  });

  it('prints a summary and the rounds as a table', () => {
    const run = cli(['simulate', '--people', '300', '--steps', '2', '--format', 'table']);
    const s = simulateHiring(market(300, 1), { steps: 2 }).summary;
    expect(run.stdout).toContain(
      'Simulated hiring on a generated market of 300 people in 8 organisations, seed 1:\n',
    );
    expect(run.stdout).toContain(
      `  hires:          ${s.hires}, ${s.hiresByChannel.referral} by referral (`,
    );
    expect(run.stdout).toMatch(
      /\n {2}round {2}date +open jobs {2}applications {2}referred {2}hires {2}by referral {2}vacancies opened\n/,
    );
    expect(run.stdout).toContain('not observations');
  });

  it('simulates on a given network and writes the network after the run with --out', async () => {
    const out = join(temp.path, 'after.json');
    const run = cli(['simulate', SEED, '--jobs', '2', '--steps', '2', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`wrote ${out} (json)\n`);
    const expected = simulateHiring(seedStoryNetwork(), { jobs: 2, steps: 2 });
    expect((JSON.parse(run.stdout) as Printed).summary).toEqual(expected.summary);
    const after = await readNetwork(out);
    expect(after.hires.length).toBe(seedStoryNetwork().hires.length + expected.summary.hires);
  });

  it('exits with 2 for options that do not fit together or are out of range', () => {
    const both = cli(['simulate', SEED, '--people', '100']);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      'warmpath: --people and --organizations describe a generated market: not with <data>\n',
    );
    const reach = cli(['simulate', '--people', '100', '--posting-reach', '2']);
    expect(reach.status).toBe(2);
    expect(reach.stderr).toMatch(/^warmpath: invalid option --posting-reach: /);
    const people = cli(['simulate', '--people', '1']);
    expect(people.status).toBe(2);
    expect(people.stderr).toMatch(/^warmpath: invalid option --people: /);
  });

  it('has help with examples', () => {
    const run = cli(['simulate', '--help']);
    expect(run.stdout).toContain('$ warmpath simulate --people 10000 --seed 1');
  });
});

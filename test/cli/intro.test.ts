import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIntroductions, type IntroductionResult } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, cliJson, ensureBuilt, SEED } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const network = seedStoryNetwork();
const JACOB_TO_REP = ['intro', SEED, '--from', 'jacob', '--to', 'job:it-sales-rep'];
const AS_OF = ['--as-of', '2024-04-10'];

describe('warmpath intro', () => {
  it('prints the chains as findIntroductions finds them, as JSON when stdout is not a terminal', () => {
    const run = cli([...JACOB_TO_REP, ...AS_OF]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout) as IntroductionResult;
    const expected = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      asOf: '2024-04-10',
    });
    expect(printed.atLeastOne).toBe(expected.atLeastOne);
    expect(printed.paths.map((p) => p.people)).toEqual(expected.paths.map((p) => p.people));
    expect(printed.paths.map((p) => p.probability)).toEqual(
      expected.paths.map((p) => p.probability),
    );
    expect(printed.target).toEqual({ type: 'job', jobId: 'it-sales-rep', personId: 'greg-hollis' });
  });

  it('explains every hop in the table, with the probability that at least one chain works', () => {
    const run = cli([...JACOB_TO_REP, ...AS_OF, '--format', 'table']);
    expect(run.status).toBe(0);
    const expected = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      asOf: '2024-04-10',
    });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'Jacob Okafor to Greg Hollis (hiring manager, IT Solutions Sales Representative at Brightline IT Solutions), as of 2024-04-10:',
    );
    expect(lines[1]).toBe(
      `  1. Jacob Okafor → Michael Brennan → Greg Hollis   p = ${expected.paths[0]?.probability.toFixed(2)} (${expected.paths[0]?.band})`,
    );
    for (const hop of expected.paths.flatMap((p) => p.hops)) {
      expect(run.stdout).toContain(`       ${hop.reason}\n`);
    }
    expect(run.stdout).toContain(
      `  At least one of these works: p = ${expected.atLeastOne.toFixed(2)}\n`,
    );
  });

  it('passes every option on: k, diversity, max hops, avoid, avoid-org, min strength', () => {
    const args = [
      '--k',
      '2',
      '--diversity',
      'penalty:0.5',
      '--max-hops',
      '5',
      '--min-strength',
      '0.2',
    ];
    const avoid = ['--avoid', 'michael', '--avoid-org', 'meridian-insurance,stone-wealth'];
    const printed = cliJson<IntroductionResult>([...JACOB_TO_REP, ...args, ...avoid]);
    const expected = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      k: 2,
      diversity: { penalty: 0.5 },
      maxHops: 5,
      minStrength: 0.2,
      avoid: ['michael'],
      avoidOrganizations: ['meridian-insurance', 'stone-wealth'],
    });
    expect(expected.paths.length).toBe(2);
    expect(printed.paths.map((p) => p.people)).toEqual(expected.paths.map((p) => p.people));
    expect(printed.paths.flatMap((p) => p.people.slice(1, -1))).not.toContain('michael');
  });

  it('reaches a person, person:<id> and anyone at an organisation', () => {
    const toLaura = cliJson<IntroductionResult>([
      'intro',
      SEED,
      '--from',
      'michael',
      '--to',
      'laura',
    ]);
    const prefixed = cliJson<IntroductionResult>([
      'intro',
      SEED,
      '--from',
      'michael',
      '--to',
      'person:laura',
    ]);
    expect(prefixed).toEqual(toLaura);
    expect(toLaura.target).toEqual({ type: 'person', personId: 'laura' });
    const toOrg = cliJson<IntroductionResult>([
      'intro',
      SEED,
      '--from',
      'jacob',
      '--to',
      'org:keystone-construction',
      '--diversity',
      'disjoint',
    ]);
    const expected = findIntroductions(network, {
      from: 'jacob',
      to: { organization: 'keystone-construction' },
      diversity: 'disjoint',
    });
    expect(toOrg.paths.map((p) => p.people)).toEqual(expected.paths.map((p) => p.people));
    expect(toOrg.target.type).toBe('organization');
  });

  it('writes one CSV row per hop and one NDJSON line per chain', () => {
    const expected = findIntroductions(network, { from: 'jacob', to: { job: 'it-sales-rep' } });
    const csv = cli([...JACOB_TO_REP, '--format', 'csv']);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'chain,chain probability,band,hop,from,to,kinds,strength,willingness,probability,reason',
    );
    expect(lines.length - 1).toBe(expected.paths.reduce((n, p) => n + p.hops.length, 0));
    // Reasons hold commas, so they are quoted (RFC 4180).
    const first = expected.paths[0]?.hops[0];
    expect(lines[1]).toBe(
      `1,${expected.paths[0]?.probability},${expected.paths[0]?.band},1,${first?.from},${first?.to},${first?.kinds.join(';')},${first?.strength},${first?.willingness},${first?.probability},"${first?.reason.replaceAll('"', '""')}"`,
    );
    const ndjson = cli([...JACOB_TO_REP, '--format', 'ndjson']);
    const records = ndjson.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { rank: number; people: string[] });
    expect(records.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(records.map((r) => r.people)).toEqual(expected.paths.map((p) => p.people));
  });

  it('reads the network from standard input with -', () => {
    const fromFile = cli([...JACOB_TO_REP]);
    const fromStdin = cli(['intro', '-', '--from', 'jacob', '--to', 'job:it-sales-rep'], {
      input: readFileSync(SEED, 'utf8'),
    });
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('exits with 1 and says so when there is no chain', () => {
    const table = cli([
      'intro',
      SEED,
      '--from',
      'jacob',
      '--to',
      'ellen-wright',
      '--max-hops',
      '1',
      '--format',
      'table',
    ]);
    expect(table.status).toBe(1);
    expect(table.stdout).toBe('');
    expect(table.stderr).toBe(
      'warmpath: no chain from Jacob Okafor to Ellen Wright within 1 hop under these options\n',
    );
    const json = cli(['intro', SEED, '--from', 'jacob', '--to', 'ellen-wright', '--max-hops', '1']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ paths: [], atLeastOne: 0 });
  });

  it('exits with 2 and one message for unknown ids and bad options, without a stack trace', () => {
    const typo = cli(['intro', SEED, '--from', 'jaocb', '--to', 'job:it-sales-rep']);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('warmpath: unknown person "jaocb" (did you mean "jacob"?)\n');
    const tooMany = cli([...JACOB_TO_REP, '--k', '50']);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toBe(
      'warmpath: invalid option --k: must be an integer from 1 to 20, got 50\n',
    );
    const notANumber = cli([...JACOB_TO_REP, '--max-hops', 'four']);
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr).toContain("option '--max-hops <n>' argument 'four' is invalid");
    const diversity = cli([...JACOB_TO_REP, '--diversity', 'some']);
    expect(diversity.status).toBe(2);
    expect(diversity.stderr).toContain('must be none, disjoint or penalty:<number>');
    const missing = cli(['intro', SEED, '--from', 'jacob']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--to <target>' not specified");
    for (const run of [typo, tooMany, notANumber, diversity, missing]) {
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('shows the stack trace with --debug', () => {
    const run = cli(['intro', SEED, '--from', 'jaocb', '--to', 'laura', '--debug']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^UnknownEntityError: unknown person "jaocb"/);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('has help with examples', () => {
    const run = cli(['intro', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: warmpath intro [options] <data>');
    expect(run.stdout).toContain('--to <target>');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(
      '$ warmpath intro network.json --from jacob --to job:it-sales-rep --as-of 2024-04-10',
    );
    expect(run.stdout).toContain('--format <format>');
  });
});

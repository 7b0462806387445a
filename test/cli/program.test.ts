import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIntroductions, networkToDataset, readNetwork } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import {
  BUILD_TIMEOUT_MS,
  CLI,
  cli,
  cliJson,
  ensureBuilt,
  ROOT,
  SEED,
  tempDir,
} from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);
const COMMANDS = [
  'intro',
  'connectors',
  'referrals',
  'attribute',
  'simulate',
  'validate',
  'convert',
  'import',
  'draw',
  'demo',
];

describe('warmpath', () => {
  it('is an executable with a shebang, and package.json points bin at it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ warmpath: './dist/cli.js' });
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const run = cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });

  it('lists every command and the global options in its help', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`\\n  ${command} `));
    for (const option of ['--format <format>', '--quiet', '--progress', '--debug', '--version']) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain(
      'Exit status: 0 done; 1 no result (e.g. no chain); 2 bad input or usage.',
    );
    expect(run.stdout).toContain('\nExamples:\n');
    expect(cli(['help', 'intro']).stdout).toBe(cli(['intro', '--help']).stdout);
  });

  it('gives every command help with examples', () => {
    for (const command of COMMANDS) {
      const run = cli([command, '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: warmpath ${command}`);
      expect(run.stdout, command).toContain('\nExamples:\n');
      expect(run.stdout, command).toContain(`  $ warmpath ${command}`);
    }
  });

  it('exits with 2 for usage errors: no command, unknown command or option, bad --format', () => {
    const none = cli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: warmpath [options] [command]');
    const unknown = cli(['introduce', SEED]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "warmpath: unknown command 'introduce'\n(run with --help for usage)\n",
    );
    const option = cli(['connectors', SEED, '--colour']);
    expect(option.status).toBe(2);
    expect(option.stderr).toBe(
      "warmpath: unknown option '--colour'\n(run with --help for usage)\n",
    );
    const format = cli(['connectors', SEED, '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Allowed choices are table, json, csv, ndjson.');
    for (const run of [none, unknown, option, format]) expect(run.stdout).toBe('');
  });

  it('takes the global options before or after the command', () => {
    const before = cli(['--format', 'csv', 'referrals', SEED]);
    const after = cli(['referrals', SEED, '--format', 'csv']);
    expect(before.status).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout.startsWith('group,label,referrals,')).toBe(true);
  });
});

/** `script` (util-linux) runs a command on a pseudo-terminal: stdout and stderr are then a TTY. */
const SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!SCRIPT)('warmpath on a terminal', () => {
  it('prints a table by default, and a progress bar that clears itself', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} connectors ${JSON.stringify(SEED)} --metric brokers --top 2`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const screen = run.stdout.replaceAll('\r\n', '\n');
    // The bar, drawn on stderr, then erased (ESC[2K) before the table.
    expect(screen).toMatch(/brokers \[=+\] 100% 28\/28/);
    expect(screen).toContain('\u001b[2K');
    expect(screen).toMatch(/ {2}rank {2}person +name +score {2}chains {2}jobs\n/);
    expect(screen).toMatch(
      /\n {5}1 {2}michael +Michael Brennan +37 +37 {2}PR Account Manager, Inside Sales Manager\n/,
    );
    expect(screen).not.toContain('{');
  });
});

describe('warmpath demo', () => {
  it('tells the seed story end to end on the data built in', () => {
    const run = cli(['demo', '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const network = seedStoryNetwork();
    const jacob = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      asOf: '2024-04-10',
    });
    expect(run.stdout).toContain('warmpath demo: the seed story, "The Power of Networking"');
    expect(run.stdout).toContain(
      `    1. Jacob Okafor → Michael Brennan → Greg Hollis   p = ${jacob.paths[0]?.probability.toFixed(2)} (${jacob.paths[0]?.band})\n`,
    );
    expect(run.stdout).toContain('  on the chains to open jobs: Michael Brennan (');
    expect(run.stdout).toContain(
      '  recorded referrals: 2 of 3 hires, 66.7% (95% interval 20.8% to 93.9%',
    );
    expect(run.stdout).toMatch(
      /2024-03-25 {2}Michael Brennan +recorded direct +chain the day before: Michael Brennan → Laura Whitfield/,
    );
  });

  it('gives the same chains as JSON', () => {
    const printed = cliJson<{ chains: { question: { from: string }; atLeastOne: number }[] }>([
      'demo',
    ]);
    expect(printed.chains.map((chain) => chain.question.from)).toEqual([
      'michael',
      'jacob',
      'jacob',
      'jacob',
    ]);
    const network = seedStoryNetwork();
    expect(printed.chains[3]?.atLeastOne).toBe(
      findIntroductions(network, { from: 'jacob', to: { job: 'keystone-inside-sales-manager' } })
        .atLeastOne,
    );
  });

  it('saves the seed network with --save, to try the other commands on', async () => {
    const path = join(temp.path, 'seed.json');
    const run = cli(['demo', '--save', path]);
    expect(run.status).toBe(0);
    expect(networkToDataset(await readNetwork(path))).toEqual(networkToDataset(seedStoryNetwork()));
  });
});

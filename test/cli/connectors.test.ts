import { beforeAll, describe, expect, it } from 'vitest';
import { type Broker, type Connector, introductionBrokers, topConnectors } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, cliJson, ensureBuilt, SEED } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const network = seedStoryNetwork();

describe('warmpath connectors', () => {
  it('ranks by betweenness by default, as topConnectors does', () => {
    const printed = cliJson<{ metric: string; connectors: Connector[] }>(['connectors', SEED]);
    expect(printed.metric).toBe('betweenness');
    expect(printed.connectors).toEqual(topConnectors(network, { metric: 'betweenness', n: 10 }));
  });

  it('takes every metric by its kebab-case name, and --top and --seed', () => {
    const printed = cliJson<{ metric: string; connectors: Connector[] }>([
      'connectors',
      SEED,
      '--metric',
      'effective-size',
      '--top',
      '3',
      '--seed',
      '2',
    ]);
    expect(printed.metric).toBe('effectiveSize');
    expect(printed.connectors).toEqual(
      topConnectors(network, { metric: 'effectiveSize', n: 3, seed: 2 }),
    );
  });

  it('estimates betweenness from a sample with --sample and --seed', () => {
    const printed = cliJson<{ connectors: Connector[] }>([
      'connectors',
      SEED,
      '--sample',
      '5',
      '--seed',
      '3',
    ]);
    const exact = topConnectors(network, { metric: 'betweenness' });
    const sampled = topConnectors(network, { metric: 'betweenness', sample: 5, seed: 3 });
    expect(printed.connectors).toEqual(sampled);
    expect(sampled.map((c) => c.score)).not.toEqual(exact.map((c) => c.score));
  });

  it('lists the brokers of chains to open jobs with introductionBrokers', () => {
    const printed = cliJson<{ brokers: (Broker & { rank: number; name: string })[] }>([
      'connectors',
      SEED,
      '--metric',
      'brokers',
      '--top',
      '4',
    ]);
    const expected = introductionBrokers(network, { limit: 4 });
    expect(printed.brokers.map(({ rank, name, ...broker }) => broker)).toEqual(expected);
    expect(printed.brokers.map((b) => b.rank)).toEqual([1, 2, 3, 4]);
    expect(printed.brokers[0]?.name).toBe('Michael Brennan');
  });

  it('prints an aligned table, numbers right-aligned, lowest constraint first', () => {
    const run = cli([
      'connectors',
      SEED,
      '--metric',
      'constraint',
      '--top',
      '3',
      '--format',
      'table',
    ]);
    expect(run.status).toBe(0);
    const expected = topConnectors(network, { metric: 'constraint', n: 3 });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Top 3 by constraint (lowest first: the most brokerage):');
    expect(lines[1]).toMatch(/^ {2}rank {2}person +name +score {2}ties {2}communities reached$/);
    expect(lines.length).toBe(2 + 1 + 3);
    for (const [i, c] of expected.entries()) {
      const line = lines[3 + i] ?? '';
      expect(line).toMatch(
        new RegExp(
          `^ +${c.rank}  ${c.personId} +${c.name} +${c.score.toFixed(3)} +${c.ties} +${c.communitiesReached}$`,
        ),
      );
    }
    // Columns line up: every row is as long as the header.
    expect(new Set(lines.slice(1).map((line) => line.length)).size).toBe(1);
  });

  it('writes CSV with the reason of each connector', () => {
    const run = cli(['connectors', SEED, '--metric', 'degree', '--top', '2', '--format', 'csv']);
    const expected = topConnectors(network, { metric: 'degree', n: 2 });
    expect(run.stdout).toBe(
      [
        'rank,person,name,score,ties,communities reached,reason',
        ...expected.map(
          // No field here holds a comma or a quote, so none is quoted.
          (c) =>
            `${c.rank},${c.personId},${c.name},${c.score},${c.ties},${c.communitiesReached},${c.reason}`,
        ),
        '',
      ].join('\n'),
    );
  });

  it('shows progress on stderr with --progress, none without it or with --quiet', () => {
    const args = ['connectors', SEED, '--metric', 'brokers', '--top', '2'];
    const shown = cli([...args, '--progress']);
    expect(shown.status).toBe(0);
    expect(shown.stderr).toMatch(/^brokers \[.*\] 100% 28\/28/m);
    expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(cli(args).stdout));
    expect(cli(args).stderr).toBe('');
    expect(cli([...args, '--progress', '--quiet']).stderr).toBe('');
  });

  it('exits with 2 for an unknown metric or --sample with another metric', () => {
    const unknown = cli(['connectors', SEED, '--metric', 'fame']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown metric; choose one of betweenness, brokers');
    expect(unknown.stderr).toContain('effective-size');
    const sample = cli(['connectors', SEED, '--metric', 'pagerank', '--sample', '10']);
    expect(sample.status).toBe(2);
    expect(sample.stderr).toBe('warmpath: --sample applies to --metric betweenness only\n');
    const top = cli(['connectors', SEED, '--top', '0']);
    expect(top.status).toBe(2);
    expect(top.stderr).toBe('warmpath: invalid option --top: must be a positive integer, got 0\n');
  });

  it('has help with examples', () => {
    const run = cli(['connectors', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--metric <name>');
    expect(run.stdout).toContain('$ warmpath connectors network.json --metric brokers --top 5');
  });
});

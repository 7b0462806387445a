import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIntroductions, neighborhood, toDot, toMermaid } from 'warmpath';
import { seedStoryNetwork } from '../support/fixtures.js';
import { BUILD_TIMEOUT_MS, cli, ensureBuilt, SEED, tempDir } from './support.js';

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

const temp = tempDir();
afterAll(temp.remove);
const network = seedStoryNetwork();
const out = (name: string): string => join(temp.path, name);

describe('warmpath draw', () => {
  it('writes the chains as DOT source, as toDot draws them', () => {
    const path = out('chains.dot');
    const run = cli([
      'draw',
      SEED,
      '--from',
      'jacob',
      '--to',
      'job:it-sales-rep',
      '--as-of',
      '2024-04-10',
      '--out',
      path,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'it-sales-rep' },
      asOf: '2024-04-10',
    });
    expect(readFileSync(path, 'utf8')).toBe(toDot(result, { network }));
    expect(JSON.parse(run.stdout)).toEqual({
      path,
      kind: 'dot',
      subject: 'chains',
      description:
        '3 chains from Jacob Okafor to Greg Hollis (hiring manager, IT Solutions Sales Representative at Brightline IT Solutions), as of 2024-04-10',
      people: new Set(result.paths.flatMap((p) => p.people)).size,
      chains: 3,
    });
  });

  it('writes a neighbourhood as Mermaid, as toMermaid draws it, with a title', () => {
    const path = out('michael.mmd');
    const run = cli([
      'draw',
      SEED,
      '--around',
      'michael',
      '--hops',
      '1',
      '--title',
      'Michael',
      '--out',
      path,
      '--format',
      'table',
    ]);
    expect(run.status).toBe(0);
    const found = neighborhood(network, 'michael', { hops: 1 });
    expect(readFileSync(path, 'utf8')).toBe(toMermaid(found, { title: 'Michael' }));
    expect(run.stdout).toBe(
      `Wrote ${path} (mermaid): the people within 1 tie of Michael Brennan\n  people: ${found.people.length}\n  ties:   ${found.ties.length}\n`,
    );
  });

  it('draws SVG and PNG by extension', () => {
    const svg = out('michael.svg');
    expect(cli(['draw', SEED, '--around', 'michael', '--hops', '2', '--out', svg]).status).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/<svg[\s>]/);
    expect(text).toContain('>Michael Brennan<');
    const png = out('chains.png');
    const run = cli([
      'draw',
      SEED,
      '--from',
      'michael',
      '--to',
      'laura',
      '--out',
      png,
      '--width',
      '600',
    ]);
    expect(run.stderr).toBe('');
    const bytes = readFileSync(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(600);
  });

  it('exits with 1 and writes nothing when there is no chain', () => {
    const path = out('none.svg');
    const run = cli([
      'draw',
      SEED,
      '--from',
      'jacob',
      '--to',
      'ellen-wright',
      '--max-hops',
      '1',
      '--out',
      path,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'warmpath: no chain from Jacob Okafor to Ellen Wright within 1 hop under these options\n',
    );
    expect(existsSync(path)).toBe(false);
  });

  it('exits with 2 for an unknown extension, mixed modes or an unknown person', () => {
    const cases: [string[], string][] = [
      [['--around', 'michael', '--out', out('x.pdf')], 'cannot tell what to draw'],
      [
        ['--out', out('x.svg')],
        'draw chains with --from and --to, or a neighbourhood with --around',
      ],
      [
        ['--around', 'michael', '--to', 'laura', '--out', out('x.svg')],
        '--around draws a neighbourhood: not with --from or --to',
      ],
      [
        ['--around', 'michael', '--k', '2', '--out', out('x.svg')],
        '--k goes with --from/--to, not --around',
      ],
      [
        ['--from', 'jacob', '--to', 'laura', '--hops', '2', '--out', out('x.svg')],
        '--hops goes with --around',
      ],
      [
        ['--around', 'michael', '--width', '300', '--out', out('x.svg')],
        '--width applies to a PNG',
      ],
      [
        ['--around', 'micheal', '--out', out('x.svg')],
        'unknown person "micheal" (did you mean "michael"?)',
      ],
      [['--around', 'michael', '--hops', '0', '--out', out('x.svg')], 'invalid option --hops: '],
    ];
    for (const [args, message] of cases) {
      const run = cli(['draw', SEED, ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(existsSync(out('x.svg'))).toBe(false);
    }
  });

  it('has help with examples', () => {
    const run = cli(['draw', '--help']);
    expect(run.stdout).toContain(
      '$ warmpath draw network.json --around michael --hops 2 --out michael.svg',
    );
    expect(run.stdout).toContain(
      '$ warmpath draw network.json --from jacob --to job:it-sales-rep --out chains.svg',
    );
  });
});

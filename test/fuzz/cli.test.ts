/**
 * The CLI under fuzzing: random command lines (known commands and options with valid, invalid,
 * hostile and very long values, unknown options, stray arguments) on valid, damaged and missing
 * data files. Every run must end with exit status 0, 1 or 2 within the time-out, with one
 * message and no stack trace, no "unexpected error" and no JavaScript error name on stderr; and
 * a successful run that writes JSON must write valid JSON.
 *
 * It runs the built CLI (dist/cli.js), building it first if needed (with test/cli's lock, so the
 * two never build at once).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, networkToCsv, networkToGexf, networkToGraphml } from '../../src/index.js';
import { BUILD_TIMEOUT_MS, CLI, ensureBuilt, ROOT } from '../cli/support.js';
import { seedStoryNetwork } from '../support/fixtures.js';
import { fuzz, printTally, record, testTimeout } from './harness.js';
import { HOSTILE_IDS, INVALID_UTF8_TEXT } from './mutations.js';

/** One run of the CLI may take this long (the slowest commands take about a second). */
const RUN_TIMEOUT_MS = 30_000;

const started = performance.now();
afterAll(() => printTally('CLI under fuzzing', started));

beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

describe('the CLI under fuzzing (dist/cli.js)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'warmpath-cli-fuzz-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const seed = seedStoryNetwork();
  const files: Record<string, string> = {
    seed: join(ROOT, 'examples', 'seed-story', 'network.json'),
    linkedin: join(ROOT, 'examples', 'linkedin', 'Connections.csv'),
    gexf: join(folder, 'seed.gexf'),
    graphml: join(folder, 'seed.graphml'),
    csv: join(folder, 'seed-csv'),
    broken: join(folder, 'broken.json'),
    empty: join(folder, 'empty.json'),
    binary: join(folder, 'binary.json'),
    emptyFolder: join(folder, 'empty-folder'),
    missing: join(folder, 'missing.json'),
    small: join(folder, 'small.json'),
  };
  writeFileSync(files['gexf'] as string, networkToGexf(seed));
  writeFileSync(files['graphml'] as string, networkToGraphml(seed));
  mkdirSync(files['csv'] as string);
  for (const [name, text] of Object.entries(networkToCsv(seed))) {
    writeFileSync(join(files['csv'] as string, name), text);
  }
  writeFileSync(files['broken'] as string, '{"people":[{"id":"a","name":"A"},{"id":"a"}],');
  writeFileSync(files['empty'] as string, '');
  writeFileSync(files['binary'] as string, INVALID_UTF8_TEXT.repeat(50));
  mkdirSync(files['emptyFolder'] as string);
  writeFileSync(
    files['small'] as string,
    JSON.stringify(
      createNetwork({
        people: [
          { id: '__proto__', name: 'P' },
          { id: 'constructor', name: 'C' },
        ],
        relationships: [{ source: '__proto__', target: 'constructor', kind: 'friend' }],
      }).dataset,
    ),
  );

  const people = seed.people.map((p) => p.id);
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...people.slice(0, 8)) },
    fc.constantFrom(
      '0',
      '1',
      '-1',
      '3',
      '1.5',
      '20',
      '21',
      'inf',
      'Infinity',
      'NaN',
      '1e309',
      '99999999999999999999',
      '0x10',
      '',
      ' ',
      '-',
      '--',
      '2024-03-15',
      '2024-02-30',
      'yesterday',
      'job:it-sales-rep',
      'org:brightline-it',
      'job:',
      'org:nope',
      'person:jacob',
      'penalty:0.5',
      'penalty:-1',
      'disjoint',
      'none',
      'betweenness',
      'pagerank',
      'effective-size',
      'organization',
      'year',
      'wilson',
      'exclude',
      'a,b',
      ',,,',
    ),
    fc.constantFrom(...HOSTILE_IDS.filter((id) => !id.includes('\u0000'))),
    fc.constant('x'.repeat(20_000)),
    fc.string({ maxLength: 12 }).filter((s) => !s.includes('\u0000')),
  );
  const data = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(files['seed'] as string, files['csv'] as string) },
    { weight: 2, arbitrary: fc.constantFrom(files['gexf'] as string, files['graphml'] as string) },
    fc.constantFrom(...Object.keys(files)).map((key) => files[key] as string),
  );
  const jobs = seed.jobs.map((j) => `job:${j.id}`);
  const orgs = seed.organizations.map((o) => `org:${o.id}`);
  /** Values each option takes when used as meant (the fuzzer mixes in hostile ones). */
  const valid: Record<string, fc.Arbitrary<string>> = {
    '--from': fc.constantFrom(...people),
    '--to': fc.constantFrom(...people, ...jobs, ...orgs),
    '--around': fc.constantFrom(...people),
    '--avoid': fc.constantFrom(...people),
    '--avoid-org': fc.constantFrom(...seed.organizations.map((o) => o.id)),
    '--k': fc.integer({ min: 1, max: 20 }).map(String),
    '--max-hops': fc.constantFrom('1', '2', '4', '6', 'inf'),
    '--hops': fc.constantFrom('1', '2', '3'),
    '--diversity': fc.constantFrom('none', 'disjoint', 'penalty:0.5', 'penalty'),
    '--min-strength': fc.constantFrom('0.1', '0.5', '1'),
    '--ask-first-willingness': fc.constantFrom('0.5', '1'),
    '--as-of': fc.constantFrom('2020-01-01', '2024-06-01'),
    '--metric': fc.constantFrom(
      'betweenness',
      'pagerank',
      'constraint',
      'effective-size',
      'degree',
    ),
    '--top': fc.constantFrom('1', '5', '100'),
    '--sample': fc.constantFrom('2', '10'),
    '--seed': fc.constantFrom('1', '7'),
    '--by': fc.constantFrom('organization', 'job', 'year', 'quarter'),
    '--level': fc.constantFrom('0.9', '0.95'),
    '--method': fc.constantFrom('wilson', 'jeffreys', 'clopper-pearson'),
    '--unknown': fc.constantFrom('exclude', 'as-not-referral'),
    '--min-probability': fc.constantFrom('0', '0.2'),
    '--to-format': fc.constantFrom('json', 'csv', 'gexf', 'graphml'),
    '--steps': fc.constantFrom('1', '3'),
    '--jobs': fc.constantFrom('2', '5'),
    '--interviews': fc.constantFrom('1', '3'),
    '--title': fc.constantFrom('A title', ''),
    '--format': fc.constantFrom('json', 'csv', 'ndjson', 'table'),
  };
  const options: Record<string, readonly string[]> = {
    intro: [
      '--from',
      '--to',
      '--k',
      '--max-hops',
      '--diversity',
      '--min-strength',
      '--avoid',
      '--avoid-org',
      '--ask-first-willingness',
      '--as-of',
    ],
    connectors: ['--metric', '--top', '--sample', '--seed'],
    referrals: ['--by', '--level', '--method', '--unknown', '--compare'],
    attribute: ['--max-hops', '--min-probability'],
    validate: [],
    convert: ['--to'],
    draw: ['--from', '--to', '--around', '--hops', '--title'],
    simulate: ['--steps', '--jobs', '--interviews', '--seed'],
  };
  const option = (command: string) =>
    fc
      .oneof(
        { weight: 5, arbitrary: fc.constantFrom(...(options[command] ?? []), '--format') },
        fc.constantFrom('--colour', '--from=jacob', '-x', '--__proto__', '--constructor'),
      )
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof(
            {
              weight: 3,
              arbitrary:
                (command === 'convert' && name === '--to' ? valid['--to-format'] : valid[name]) ??
                value,
            },
            value,
          ),
        ),
      );
  const commandLine = fc
    .constantFrom(...Object.keys(options), 'import', 'nonsense')
    .chain((command) =>
      fc.record({
        command: fc.constant(command),
        data: data,
        options: fc.array(option(command), { maxLength: 4 }),
        format: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(undefined, 'json') },
          fc.constantFrom('csv', 'ndjson', 'table', 'yaml'),
        ),
        stdin: fc.constantFrom('', '{"people":[]}', '<graphml>', 'Notes:\n'),
        useStdin: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        required: fc.tuple(
          fc.integer({ min: 0, max: 5 }).map((n) => n > 0),
          valid['--from'] as fc.Arbitrary<string>,
          valid['--to'] as fc.Arbitrary<string>,
        ),
      }),
    )
    .map(({ command, data, options, format, stdin, useStdin, required }) => {
      const args: string[] = format === undefined ? [] : ['--format', format];
      const input = useStdin ? '-' : data;
      if (command === 'import') args.push('import', 'linkedin', input, '--owner', 'Jacob Ellis');
      else if (command === 'convert') args.push(command, input, join(folder, 'out.graphml'));
      else if (command === 'draw') args.push(command, input, '--out', join(folder, 'out.dot'));
      else args.push(command, input);
      // intro needs --from and --to: usually given, so that the other options are reached.
      if (command === 'intro' && required[0]) args.push('--from', required[1], '--to', required[2]);
      if (command === 'draw' && required[0]) args.push('--around', required[1]);
      for (const [name, text] of options) {
        // simulate's sizes are the caller's to bound: huge values would only run long.
        const bounded = command === 'simulate' && Number(text) > 50 ? '50' : text;
        args.push(name, bounded);
      }
      return { args, stdin: useStdin ? stdin : '', format };
    });

  it(
    'ends every command line with status 0, 1 or 2 and a message, never a crash',
    () => {
      fuzz(
        fc.property(commandLine, ({ args, stdin, format }) => {
          const run = spawnSync(process.execPath, [CLI, ...args], {
            cwd: folder,
            input: stdin,
            encoding: 'utf8',
            timeout: RUN_TIMEOUT_MS,
          });
          const shown = JSON.stringify(args).slice(0, 300);
          expect(run.error, `${shown} did not finish`).toBeUndefined();
          record(`cli ${args[format === undefined ? 0 : 2]}`, `exit ${run.status}`);
          if (process.env['FUZZ_CLI_LOG']) {
            console.log(run.status, shown.slice(0, 200), run.stderr.slice(0, 200));
          }
          expect([0, 1, 2], `${shown}: ${run.stderr}`).toContain(run.status);
          expect(run.stderr, shown).not.toMatch(/unexpected error|\n\s+at |TypeError|RangeError/);
          if (run.status !== 0) expect(run.stderr.trim(), shown).not.toBe('');
          // The format in effect: the last --format given, before or after the command.
          const last = args.lastIndexOf('--format');
          const effective = last < 0 ? undefined : args[last + 1];
          if (run.status === 0 && (effective ?? 'json') === 'json' && run.stdout !== '') {
            expect(() => JSON.parse(run.stdout), shown).not.toThrow();
          }
        }),
        12,
      );
    },
    testTimeout(12, 2_000),
  );
});

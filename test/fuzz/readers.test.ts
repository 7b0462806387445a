/**
 * Proof under fuzzing: every reader, given random input or a valid input damaged at random,
 * either returns a valid network (which then reads back from its own export, and from JSON, to
 * the same data) or throws one of warmpath's named errors; never another exception, never a hang,
 * never a change to a built-in prototype. See docs/reliability.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CSV_FILES,
  type CsvFileName,
  DETECTED_FORMATS,
  detectFormat,
  type LinkedInOptions,
  networkFromCsv,
  networkFromGexf,
  networkFromGraphml,
  networkFromGraphology,
  networkFromJson,
  networkFromLinkedIn,
  networkToCsv,
  networkToDataset,
  networkToGexf,
  networkToGraphml,
  networkToGraphology,
  networkToJson,
  readNetwork,
} from '../../src/index.js';
import {
  expectNamedError,
  expectPrototypesUntouched,
  fuzz,
  fuzzAsync,
  oneCase,
  printTally,
  record,
  testTimeout,
} from './harness.js';
import {
  arbitraryCreateOptions,
  arbitraryLinkedInExport,
  arbitraryNetwork,
  arbitraryXmlSafeNetwork,
  expectRoundTrips,
} from './inputs.js';
import {
  CSV_PIECES,
  JSON_PIECES,
  nestedArray,
  noiseText,
  ownProto,
  textMutation,
  valueMutation,
  XML_PIECES,
} from './mutations.js';

const started = performance.now();
afterAll(() => printTally('Readers under fuzzing', started));

const INVALID_OR_OPTIONS = ['InvalidNetworkError', 'InvalidOptionsError'];

describe('networkFromJson under fuzzing', () => {
  it(
    'reads damaged JSON text to a valid network or an InvalidNetworkError',
    () => {
      fuzz(
        fc.property(arbitraryNetwork, textMutation(JSON_PIECES), (network, mutate) => {
          const text = mutate(networkToJson(network, { indent: network.people.length % 3 }));
          oneCase(
            'json (damaged text)',
            () => networkFromJson(text),
            (n) => expectRoundTrips(n, 'json'),
          );
        }),
        60,
      );
    },
    testTimeout(60),
  );

  it(
    'reads damaged data (hostile values, own __proto__ keys, duplicates, dangling ids)',
    () => {
      fuzz(
        fc.property(
          arbitraryNetwork,
          valueMutation(),
          arbitraryCreateOptions,
          (network, mutate, options) => {
            const text = JSON.stringify(mutate(networkToDataset(network)));
            oneCase(
              'json (damaged data, fuzzed options)',
              () => networkFromJson(text, options),
              (n) => expectRoundTrips(n, 'json'),
              INVALID_OR_OPTIONS,
            );
          },
        ),
        60,
      );
    },
    testTimeout(60),
  );

  it(
    'reads random text',
    () => {
      fuzz(
        fc.property(noiseText(JSON_PIECES), (text) => {
          oneCase(
            'json (random text)',
            () => networkFromJson(text),
            (n) => expectRoundTrips(n, 'json'),
          );
        }),
        40,
      );
    },
    testTimeout(40),
  );

  it('reads deeply nested and very long input without overflowing the stack', () => {
    const deep = 200_000;
    for (const text of [
      `{"people":${'['.repeat(deep)}${']'.repeat(deep)}}`,
      `{"people":[{"id":"a","name":"A","attributes":{"x":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}]}`,
      `{"people":[{"id":"${'x'.repeat(5_000_000)}","name":"A"}]}`,
      '['.repeat(deep),
    ]) {
      oneCase(
        'json (deep or long)',
        () => networkFromJson(text),
        (n) => expect(n.people).toHaveLength(1),
      );
    }
  });
});

describe('networkFromCsv under fuzzing', () => {
  it(
    'reads every CSV file damaged to a valid network or an InvalidNetworkError',
    () => {
      fuzz(
        fc.property(
          arbitraryNetwork,
          fc.constantFrom(...CSV_FILES),
          textMutation(CSV_PIECES),
          fc.boolean(),
          (network, file, mutate, asMap) => {
            const files: Record<string, string> = networkToCsv(network);
            files[file] = mutate(files[file] ?? '');
            const input = asMap ? new Map(Object.entries(files)) : files;
            oneCase(
              `csv (damaged ${file})`,
              () => networkFromCsv(input),
              (n) => expectRoundTrips(n, 'csv'),
            );
          },
        ),
        120,
      );
    },
    testTimeout(120),
  );

  it(
    'reads random files, unknown names, missing files and non-text contents',
    () => {
      const name = fc.oneof(
        fc.constantFrom<string>(...CSV_FILES),
        fc.constantFrom('__proto__.csv', 'constructor', 'toString.csv', 'PEOPLE.CSV', 'x.csv'),
      );
      fuzz(
        fc.property(
          fc.array(
            fc.tuple(
              name,
              fc.oneof(
                { weight: 5, arbitrary: noiseText(CSV_PIECES) },
                fc.constantFrom<unknown>(undefined, null, 42, ['id'], { id: 'a' }),
              ),
            ),
            { maxLength: 4 },
          ),
          arbitraryCreateOptions,
          (entries, options) => {
            const files: Record<string, unknown> = {};
            for (const [key, value] of entries) {
              Object.defineProperty(files, key, { value, enumerable: true, configurable: true });
            }
            oneCase(
              'csv (random files)',
              () => networkFromCsv(files as Partial<Record<CsvFileName, string>>, options),
              (n) => expectRoundTrips(n, 'csv'),
              INVALID_OR_OPTIONS,
            );
          },
        ),
        60,
      );
    },
    testTimeout(60),
  );
});

describe('networkFromGexf under fuzzing', () => {
  it(
    'reads damaged GEXF to a valid network or an InvalidNetworkError',
    () => {
      fuzz(
        fc.property(arbitraryXmlSafeNetwork, textMutation(XML_PIECES), (network, mutate) => {
          const text = mutate(networkToGexf(network));
          oneCase(
            'gexf (damaged)',
            () => networkFromGexf(text),
            (n) => expectRoundTrips(n, 'gexf'),
          );
        }),
        50,
      );
    },
    testTimeout(50, 100),
  );

  it(
    'reads random text',
    () => {
      fuzz(
        fc.property(noiseText(XML_PIECES), (noise) => {
          for (const text of [noise, `<gexf>${noise}</gexf>`]) {
            oneCase(
              'gexf (random text)',
              () => networkFromGexf(text),
              (n) => expectRoundTrips(n, 'gexf'),
            );
          }
        }),
        25,
      );
    },
    testTimeout(25, 100),
  );
});

describe('networkFromGraphml under fuzzing', () => {
  it(
    'reads damaged GraphML to a valid network or an InvalidNetworkError',
    () => {
      fuzz(
        fc.property(arbitraryXmlSafeNetwork, textMutation(XML_PIECES), (network, mutate) => {
          const text = mutate(networkToGraphml(network));
          oneCase(
            'graphml (damaged)',
            () => networkFromGraphml(text),
            (n) => expectRoundTrips(n, 'graphml'),
          );
        }),
        50,
      );
    },
    testTimeout(50, 100),
  );

  it(
    'reads random text',
    () => {
      fuzz(
        fc.property(noiseText(XML_PIECES), (noise) => {
          for (const text of [noise, `<graphml><graph>${noise}</graph></graphml>`]) {
            oneCase(
              'graphml (random text)',
              () => networkFromGraphml(text),
              (n) => expectRoundTrips(n, 'graphml'),
            );
          }
        }),
        25,
      );
    },
    testTimeout(25, 100),
  );
});

describe('networkFromGraphology under fuzzing', () => {
  it(
    'reads damaged serialised graphs to a valid network or an InvalidNetworkError',
    () => {
      fuzz(
        fc.property(
          arbitraryNetwork,
          valueMutation(),
          arbitraryCreateOptions,
          (network, mutate, options) => {
            const serialized = mutate(networkToGraphology(network));
            oneCase(
              'graphology (damaged)',
              () => networkFromGraphology(serialized as never, options),
              (n) => expectRoundTrips(n, 'graphology'),
              INVALID_OR_OPTIONS,
            );
          },
        ),
        80,
      );
    },
    testTimeout(80),
  );

  it(
    'reads arbitrary values',
    () => {
      const value = fc.oneof(
        fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
        fc.record({
          nodes: fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
          edges: fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
        }),
        fc.constantFrom<unknown>(
          { nodes: [{ key: 'person:a', attributes: nestedArray(100_000) }], edges: [] },
          { nodes: [{ key: 'person:__proto__', attributes: ownProto({ polluted: 1 }) }] },
          { nodes: nestedArray(100_000), edges: [] },
          ownProto({ nodes: [] }),
        ),
      );
      fuzz(
        fc.property(value, (serialized) => {
          oneCase(
            'graphology (arbitrary values)',
            () => networkFromGraphology(serialized as never),
            (n) => expectRoundTrips(n, 'graphology'),
          );
        }),
        60,
      );
    },
    testTimeout(60),
  );
});

describe('networkFromLinkedIn under fuzzing', () => {
  const owner = fc.oneof(
    { weight: 5, arbitrary: fc.constant<LinkedInOptions>({ owner: 'Jacob Ellis' }) },
    fc.constant<LinkedInOptions>({ owner: 'Jacob Ellis', ownerId: 'jacob' }),
    fc.constantFrom<unknown>(
      { owner: '__proto__' },
      { owner: 'A', ownerId: '__proto__' },
      { owner: '' },
      { owner: 42 },
      { owner: 'A', asOf: 'nope' },
      {},
      null,
      'Jacob',
    ),
  );

  it(
    'reads damaged exports to a valid network or a named error',
    () => {
      fuzz(
        fc.property(
          arbitraryLinkedInExport,
          textMutation(CSV_PIECES),
          fc.boolean(),
          owner,
          (text, mutate, damage, options) => {
            const input = damage ? mutate(text) : text;
            oneCase(
              damage ? 'linkedin (damaged)' : 'linkedin (generated)',
              () => networkFromLinkedIn(input, options as LinkedInOptions),
              (n) => expectRoundTrips(n, 'graphml'),
              INVALID_OR_OPTIONS,
            );
          },
        ),
        80,
      );
    },
    testTimeout(80),
  );

  it(
    'reads random text',
    () => {
      fuzz(
        fc.property(noiseText(CSV_PIECES), (text) => {
          oneCase(
            'linkedin (random text)',
            () => networkFromLinkedIn(text, { owner: 'Jacob Ellis' }),
            (n) => expectRoundTrips(n, 'json'),
          );
        }),
        30,
      );
    },
    testTimeout(30),
  );
});

describe('readNetwork content detection under fuzzing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'warmpath-fuzz-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** A valid file of any format, damaged or not. */
  const file = fc
    .tuple(
      arbitraryXmlSafeNetwork,
      fc.constantFrom('json', 'gexf', 'graphml', 'linkedin'),
      arbitraryLinkedInExport,
    )
    .map(([network, format, linkedIn]) => {
      switch (format) {
        case 'json':
          return networkToJson(network);
        case 'gexf':
          return networkToGexf(network);
        case 'graphml':
          return networkToGraphml(network);
        default:
          return linkedIn;
      }
    });
  const pieces = [...JSON_PIECES, ...XML_PIECES, ...CSV_PIECES, 'Notes:', '<?xml version="1.0"?>'];

  it(
    'detects the format of damaged and random files, and reads them or throws a named error',
    async () => {
      let n = 0;
      const property = fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(file, textMutation(pieces)).map(([t, m]) => m(t)) },
          file,
          noiseText(pieces),
        ),
        fc.boolean(),
        async (text, withOwner) => {
          // detectFormat documents that it throws nothing.
          const detected = detectFormat(text);
          expect(detected === undefined || DETECTED_FORMATS.includes(detected)).toBe(true);
          const path = join(folder, `case-${n++}.data`);
          writeFileSync(path, text, 'utf8');
          const started = performance.now();
          try {
            const network = await readNetwork(
              path,
              withOwner ? { linkedIn: { owner: 'Jacob Ellis' } } : {},
            );
            record(`readNetwork (${detected})`, 'valid');
            expectRoundTrips(network, 'json');
          } catch (error) {
            record(`readNetwork (${detected})`, expectNamedError(error, INVALID_OR_OPTIONS));
            if (detected === undefined) expect((error as Error).name).toBe('InvalidNetworkError');
          }
          expect(performance.now() - started).toBeLessThan(5_000);
          expectPrototypesUntouched();
          rmSync(path);
        },
      );
      await fuzzAsync(property, 40);
    },
    testTimeout(40, 100),
  );
});

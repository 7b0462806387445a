/**
 * Valid inputs to start mutating from: generated networks (test/support/arbitraries.ts) written
 * in every format, LinkedIn exports, and the checks a network read from damaged input must pass
 * (it reads back from its own export, and from JSON, to the same data).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type CreateNetworkOptions,
  createNetwork,
  LINKEDIN_COLUMNS,
  type Network,
  networkFromCsv,
  networkFromGexf,
  networkFromGraphml,
  networkFromGraphology,
  networkFromJson,
  networkToCsv,
  networkToGexf,
  networkToGraphml,
  networkToGraphology,
  networkToJson,
  WarmpathError,
} from '../../src/index.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { HOSTILE_IDS } from './mutations.js';

/** A generated valid network, some with text XML cannot hold. */
export const arbitraryNetwork: fc.Arbitrary<Network> = fc
  .oneof(arbitraryNetworkInput(), arbitraryNetworkInput({ xmlSafe: true }))
  .map((input) => createNetwork(input));

/** A generated network whose text every format (XML included) can carry. */
export const arbitraryXmlSafeNetwork: fc.Arbitrary<Network> = arbitraryNetworkInput({
  xmlSafe: true,
}).map((input) => createNetwork(input));

/**
 * Options of `createNetwork`, valid or not: none, an `asOf` (a date, a bad date, a `Date`, a
 * number), a strength model with hostile numbers, unknown keys, or arbitrary values.
 */
export const arbitraryCreateOptions: fc.Arbitrary<CreateNetworkOptions | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  fc.constant({}),
  fc
    .constantFrom(
      '2022-06-01',
      '2024-02-30',
      '2024-01-01T10:00',
      '',
      'yesterday',
      new Date(Number.NaN),
      new Date(0),
      1e12,
      null,
      '__proto__',
    )
    .map((asOf) => ({ asOf }) as unknown as CreateNetworkOptions),
  fc
    .record({
      key: fc.constantFrom(
        'halfLifeDays',
        'recencyFloor',
        'frequencyScale',
        'minStrength',
        'maxDerivedStrength',
        'kindBase',
        '__proto__',
        'constructor',
        'unknown',
      ),
      value: fc.constantFrom<unknown>(
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -1,
        0,
        1e308,
        0.5,
        'x',
        {},
        null,
        [],
      ),
    })
    .map(({ key, value }) => {
      const strengthModel: Record<string, unknown> = {};
      Object.defineProperty(strengthModel, key, { value, enumerable: true });
      return { strengthModel } as unknown as CreateNetworkOptions;
    }),
  fc
    .dictionary(fc.constantFrom('asOf', 'strengthModel', '__proto__', 'x'), fc.anything(), {
      maxKeys: 2,
    })
    .map((options) => options as unknown as CreateNetworkOptions),
  fc
    .constantFrom(null, 42, 'options', [])
    .map((options) => options as unknown as CreateNetworkOptions),
);

/** Same data, field by field and number by number (`Object.is`, so -0 is not 0). */
export function expectSameData(actual: Network, expected: Network, what: string): void {
  expect(actual.dataset, what).toStrictEqual(expected.dataset);
}

/** Reads `text` back with `read` and checks the data; a writer may refuse with `allowed`. */
function roundTrip(
  network: Network,
  write: (network: Network) => string,
  read: (text: string) => Network,
  what: string,
  allowed: readonly string[] = [],
): void {
  let text: string;
  try {
    text = write(network);
  } catch (error) {
    if (error instanceof WarmpathError && allowed.includes(error.name)) return;
    throw error;
  }
  expectSameData(read(text), network, what);
}

/**
 * The checks of a network read from fuzzed input: exported and imported again it gives the same
 * data, in JSON and in `format` (GEXF and GraphML may refuse text XML cannot hold, with their
 * named errors).
 */
export function expectRoundTrips(
  network: Network,
  format: 'json' | 'csv' | 'gexf' | 'graphml' | 'graphology',
): void {
  roundTrip(network, (n) => networkToJson(n), networkFromJson, 'JSON round trip');
  switch (format) {
    case 'csv':
      expectSameData(networkFromCsv(networkToCsv(network)), network, 'CSV round trip');
      return;
    case 'graphology':
      expectSameData(
        networkFromGraphology(networkToGraphology(network)),
        network,
        'graphology round trip',
      );
      return;
    case 'gexf':
      roundTrip(network, networkToGexf, networkFromGexf, 'GEXF round trip', ['GexfEncodingError']);
      return;
    case 'graphml':
      roundTrip(network, networkToGraphml, networkFromGraphml, 'GraphML round trip', [
        'GraphmlEncodingError',
      ]);
      return;
    case 'json':
      return;
  }
}

/** The LinkedIn preamble the export starts with. */
const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const name = fc.oneof(
  fc.constantFrom('Jo', 'Smith', 'Zoë', "O'Brien", 'José García', 'Lind, Berg', '', ' ', '李'),
  fc.constantFrom(...HOSTILE_IDS),
  fc.string({ maxLength: 12 }),
);

const linkedInRow = fc
  .record({
    first: name,
    last: name,
    handle: fc.oneof(
      fc.constant(''),
      fc.constantFrom('jane-doe-1a2b3c', 'zo%C3%AB-martin', '__proto__', 'constructor', '%E0%A4%A'),
      fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    ),
    email: fc.constantFrom('', 'a@example.com', '=HYPERLINK("x")'),
    company: fc.oneof(fc.constantFrom('', 'Acme, Inc.', 'ACME Inc', '__proto__'), name),
    position: fc.oneof(fc.constantFrom('', 'Director, Sales', '@SUM(A1)'), name),
    day: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 0, max: 11 }),
    year: fc.integer({ min: 1990, max: 2030 }),
  })
  .map(({ first, last, handle, email, company, position, day, month, year }) =>
    [
      first,
      last,
      handle === '' ? '' : `https://www.linkedin.com/in/${handle}`,
      email,
      company,
      position,
      `${String(day).padStart(2, '0')} ${MONTHS[month]} ${year}`,
    ]
      .map(csvCell)
      .join(','),
  );

/** A LinkedIn `Connections.csv` export (mostly valid: some dates do not exist, some rows repeat). */
export const arbitraryLinkedInExport: fc.Arbitrary<string> = fc
  .record({
    preamble: fc.boolean(),
    rows: fc.array(linkedInRow, { maxLength: 12 }),
  })
  .map(
    ({ preamble, rows }) =>
      `${preamble ? PREAMBLE : ''}${LINKEDIN_COLUMNS.join(',')}\n${rows.join('\n')}\n`,
  );

/**
 * LinkedIn's `Connections.csv`, the list of a member's first-degree connections in the archive
 * LinkedIn gives on request ("Download your account data": Settings, Data privacy, Get a copy of
 * your data, Connections), read as the owner's ego network.
 *
 * **The file.** A few lines of notes (`Notes:`, then a quoted paragraph about hidden e-mail
 * addresses, then a blank line), then CSV (RFC 4180) with the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` and one row per
 * connection: quoted fields with commas, dates such as `12 Mar 2024`, e-mail addresses mostly
 * empty (members choose whether to share them), names and companies sometimes empty; possibly a
 * byte-order mark and CRLF line ends. Everything before the header line is skipped. Header names
 * may come in any order; `URL` (absent from exports before 2020) and `Email Address` may be
 * missing; other columns are kept as person attributes under their header name.
 *
 * **The network.** Fields are trimmed of surrounding spaces.
 *
 * - The owner is a person: `{ id: ownerId, name: owner }`, `ownerId` defaulting to the slug of
 *   `owner` (`Jacob Ellis` -> `jacob-ellis`).
 * - Each row is a person: `name` = First Name and Last Name; `id` = the profile handle of the
 *   `URL` (`https://www.linkedin.com/in/jane-doe-1a2b3c` -> `jane-doe-1a2b3c`, decoded, in lower
 *   case), or for a row without URL the slug of the name. Ids are made unique in a fixed order:
 *   the owner first, then rows with a URL in file order, then rows without one in file order;
 *   a taken id gets `-2`, `-3`, ... (two people called Jo Smith are `jo-smith` and `jo-smith-2`),
 *   so a profile's id never depends on rows without a URL. A row with a URL but no name is named
 *   by its handle.
 * - `Company` is an organisation, `id` = its slug, so spellings that differ only in case,
 *   accents or punctuation (`Acme, Inc.`, `ACME Inc`) are one organisation, named as first seen.
 *   The person's `organizationId` is it; `Position` is their `title` and their current position
 *   (`positions: [{ title, organizationId }]`, undated: LinkedIn does not say since when).
 * - Attributes keep what the record's fields do not: `firstName`, `lastName`, `linkedinUrl`,
 *   `email` (each only when not empty), and any extra column.
 * - Each row is a relationship owner -> connection of kind `connection` (base strength 0.20 in
 *   the default strength model, the weakest kind: see docs/tie-strength.md), `since` = the
 *   `Connected On` date, `context` = `LinkedIn connection`. The relationship is undirected.
 *
 * **Errors.** Every problem is collected before throwing one {@link InvalidNetworkError}, each
 * with the file, the line, the column and the record path it would have had: rows with the wrong
 * number of fields (`parse_error`), a `URL` that is not a profile address (`invalid_value`), the
 * same profile twice (`duplicate_id`), a row with neither name nor URL (`missing_field`), a
 * `Connected On` that is not a date (`invalid_date`). Text without the header line is one
 * `bad_header` issue saying what was expected; a header lacking a required column lists each.
 *
 * @see https://www.linkedin.com/help/linkedin/answer/a1339364 (LinkedIn Help, "Download your
 *   account data")
 * @see RFC 4180 for the CSV syntax.
 * @module
 */
import { InvalidNetworkError, InvalidOptionsError, type Issue } from '../errors.js';
import { type CreateNetworkOptions, createNetwork } from '../model/create.js';
import type { Network } from '../model/network.js';
import type {
  CollectionName,
  NetworkInput,
  Organization,
  Person,
  Relationship,
} from '../model/schema.js';
import { parseCsv } from './csv-text.js';
import { quoted } from './describe.js';
import {
  findHeader,
  IdPool,
  LINKEDIN_COLUMNS,
  OPTIONAL_COLUMNS,
  parseConnectedOn,
  profileHandle,
  slugOf,
} from './linkedin-cells.js';
import { defineField, type Fields } from './own-data.js';
import { splitRecordPath } from './record-path.js';

export { LINKEDIN_COLUMNS, type LinkedInColumn } from './linkedin-cells.js';

/** Whose connections the export lists. */
export interface LinkedInOwner {
  /** The name of the member who exported their connections (the owner of the ego network). */
  readonly owner: string;
  /** The owner's person id; the slug of `owner` when left out. */
  readonly ownerId?: string;
}

/** Options of {@link networkFromLinkedIn}: the owner, and those of `createNetwork`. */
export interface LinkedInOptions extends CreateNetworkOptions, LinkedInOwner {}

/** The relationship kind and context of every LinkedIn connection. */
export const LINKEDIN_CONNECTION = Object.freeze({
  kind: 'connection',
  context: 'LinkedIn connection',
} as const);

/** The dataset field each column fills, to point validation issues at the column. */
const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  id: 'URL',
  name: 'First Name',
  organizationId: 'Company',
  title: 'Position',
  positions: 'Position',
  since: 'Connected On',
  'attributes.linkedinUrl': 'URL',
  'attributes.email': 'Email Address',
};

/** One row of the export, its fields trimmed. */
interface Row {
  readonly line: number;
  readonly cells: ReadonlyMap<string, string>;
  readonly extras: readonly (readonly [column: string, value: string])[];
}

function checkOwner(options: LinkedInOptions): { owner: string; ownerId: string } {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_type',
        path: '',
        message: 'options must be an object such as { owner: "Your Name" }',
      },
    ]);
  }
  const issues: Issue[] = [];
  const { owner, ownerId } = options as { owner: unknown; ownerId: unknown };
  if (typeof owner !== 'string' || owner.trim() === '') {
    issues.push({
      code: owner === undefined ? 'missing_field' : 'invalid_type',
      path: 'owner',
      message: `must be the name of the member whose connections these are, e.g. "Jacob Ellis"; got ${owner === undefined ? 'nothing' : JSON.stringify(owner)}`,
    });
  }
  if (ownerId !== undefined && (typeof ownerId !== 'string' || ownerId === '')) {
    issues.push({
      code: 'invalid_type',
      path: 'ownerId',
      message: `must be a non-empty string when given, got ${JSON.stringify(ownerId)}`,
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  const name = owner as string;
  return { owner: name, ownerId: (ownerId as string | undefined) ?? slugOf(name) };
}

/** The header's columns, or the header problems. */
function readHeader(
  fields: readonly string[],
  line: number,
  file: string,
  issues: Issue[],
): { columns: Map<string, number>; extras: [string, number][] } {
  const columns = new Map<string, number>();
  const extras: [string, number][] = [];
  const problem = (column: string, message: string): void => {
    issues.push({ code: 'bad_header', path: '', message, file, line, column });
  };
  fields.forEach((raw, index) => {
    const name = raw.trim();
    if (columns.has(name) || extras.some(([extra]) => extra === name)) {
      problem(name, `column ${quoted(name)} appears more than once`);
    } else if (name === '') problem(name, 'a column has no name (a comma too many in the header?)');
    else if ((LINKEDIN_COLUMNS as readonly string[]).includes(name)) columns.set(name, index);
    else extras.push([name, index]);
  });
  for (const column of LINKEDIN_COLUMNS) {
    if (!columns.has(column) && !OPTIONAL_COLUMNS.has(column)) {
      problem(column, `missing column ${quoted(column)} of LinkedIn's Connections.csv`);
    }
  }
  return { columns, extras };
}

/** The line each record came from (the owner and its own data have none). */
type Origins = Partial<Record<CollectionName, readonly (number | undefined)[]>>;

/** A validation issue of the built dataset, pointed back at the file, line and column. */
function locate(issue: Issue, origins: Origins, file: string): Issue {
  const record = splitRecordPath(issue.path);
  const line = record === undefined ? undefined : origins[record.collection]?.[record.index];
  const field = record?.rest.replace(/^\./, '').replace(/\[\d+\].*$/, '') ?? '';
  const column = COLUMN_OF_FIELD[field] ?? COLUMN_OF_FIELD[field.split('.')[0] ?? ''];
  return {
    ...issue,
    file,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  };
}

/** Builds the dataset from the rows; cell problems go to `issues`. */
function buildDataset(
  rows: readonly Row[],
  owner: { owner: string; ownerId: string },
  file: string,
  issues: Issue[],
): { input: NetworkInput; origins: Origins } {
  const problem = (
    code: Issue['code'],
    path: string,
    row: Row,
    column: string,
    message: string,
  ) => {
    issues.push({ code, path, message, file, line: row.line, column });
  };
  const ids = new IdPool([owner.ownerId]);
  const personIds: (string | undefined)[] = rows.map(() => undefined);
  const handles: (string | undefined)[] = rows.map(() => undefined);
  const seen = new Map<string, number>();
  rows.forEach((row, r) => {
    const url = row.cells.get('URL') ?? '';
    if (url === '') return;
    const handle = profileHandle(url);
    const path = `people[${r + 1}]`;
    if (handle === undefined) {
      problem(
        'invalid_value',
        `${path}.attributes.linkedinUrl`,
        row,
        'URL',
        `must be a LinkedIn profile address such as https://www.linkedin.com/in/jane-doe, got ${quoted(url)}`,
      );
      return;
    }
    handles[r] = handle;
    const first = seen.get(handle);
    if (first !== undefined) {
      problem(
        'duplicate_id',
        `${path}.id`,
        row,
        'URL',
        `the same profile as line ${first} (${quoted(handle)}): LinkedIn lists each connection once`,
      );
      return;
    }
    seen.set(handle, row.line);
    personIds[r] = ids.take(handle);
  });

  const organizations: Organization[] = [];
  const organizationLines: number[] = [];
  const organizationIds = new Set<string>();
  const people: Person[] = [{ id: owner.ownerId, name: owner.owner }];
  const relationships: Relationship[] = [];
  rows.forEach((row, r) => {
    const cell = (column: string): string => row.cells.get(column) ?? '';
    const [first, last, url] = [cell('First Name'), cell('Last Name'), cell('URL')];
    const name = [first, last].filter((part) => part !== '').join(' ') || handles[r];
    if (name === undefined) {
      if (url === '') {
        problem(
          'missing_field',
          `people[${r + 1}].name`,
          row,
          'First Name',
          'a connection needs a First Name or Last Name, or a URL to name them by',
        );
      }
      return;
    }
    const id = url === '' ? ids.take(slugOf(name)) : personIds[r];
    const connectedOn = cell('Connected On');
    const since = connectedOn === '' ? undefined : parseConnectedOn(connectedOn);
    if (connectedOn !== '' && since === undefined) {
      problem(
        'invalid_date',
        `relationships[${r}].since`,
        row,
        'Connected On',
        `must be a date such as "12 Mar 2024" or "2024-03-12", got ${quoted(connectedOn)}`,
      );
    }
    if (id === undefined) return;

    const company = cell('Company');
    const title = cell('Position');
    const organizationId = company === '' ? undefined : slugOf(company);
    if (organizationId !== undefined && !organizationIds.has(organizationId)) {
      organizationIds.add(organizationId);
      organizations.push({ id: organizationId, name: company });
      organizationLines.push(row.line);
    }
    const attributes: Fields = {};
    const keep = (key: string, value: string): void => {
      if (value !== '' && !Object.hasOwn(attributes, key)) defineField(attributes, key, value);
    };
    keep('firstName', first);
    keep('lastName', last);
    keep('linkedinUrl', url);
    keep('email', cell('Email Address'));
    for (const [column, value] of row.extras) keep(column, value);
    people.push({
      id,
      name,
      ...(organizationId === undefined ? {} : { organizationId }),
      ...(title === '' ? {} : { title }),
      ...(title === ''
        ? {}
        : { positions: [{ title, ...(organizationId === undefined ? {} : { organizationId }) }] }),
      attributes: attributes as Person['attributes'] & object,
    });
    relationships.push({
      source: owner.ownerId,
      target: id,
      kind: LINKEDIN_CONNECTION.kind,
      ...(since === undefined ? {} : { since }),
      context: LINKEDIN_CONNECTION.context,
    });
  });
  return {
    input: { organizations, people, relationships },
    origins: {
      people: [undefined, ...rows.map((row) => row.line)],
      relationships: rows.map((row) => row.line),
      organizations: organizationLines,
    },
  };
}

/**
 * Reads LinkedIn's `Connections.csv` export as the owner's ego network: the owner and one person
 * per connection (id from the profile address, else from the name, made unique
 * deterministically), an organisation per company, each connection's current position, and a
 * relationship owner -> connection of kind `connection` dated by `Connected On`. See the module
 * documentation for every rule.
 *
 * @param text - The file's text (a byte-order mark, CRLF line ends and the "Notes:" preamble are
 *   fine).
 * @param options - `owner` (required): the name of the member who exported the file; `ownerId`:
 *   their person id (default: the slug of `owner`); and the options of `createNetwork`.
 * @param file - The file name to put in error reports (default `Connections.csv`).
 * @returns The validated network.
 * @throws InvalidOptionsError if `owner` is missing or empty, `ownerId` is not a non-empty
 *   string, or a `createNetwork` option is invalid.
 * @throws InvalidNetworkError listing every problem, each with file, line, column and the record
 *   path it would have had, e.g. `Connections.csv:9 (Connected On) relationships[3].since: must
 *   be a date such as "12 Mar 2024" or "2024-03-12", got "yesterday"`; `bad_header` when the
 *   text has no LinkedIn header line or lacks a column.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { findIntroductions, networkFromLinkedIn } from 'warmpath';
 *
 * const text = await readFile('Connections.csv', 'utf8');
 * const network = networkFromLinkedIn(text, { owner: 'Jacob Ellis', ownerId: 'jacob' });
 * network.relationshipsOf('jacob').length; // one per connection
 * findIntroductions(network, { from: 'jacob', to: { organization: 'brightline-it' } });
 * ```
 * @see https://www.linkedin.com/help/linkedin/answer/a1339364 (LinkedIn Help, "Download your
 *   account data")
 * @see Rajkumar et al., "A causal test of the strength of weak ties", Science 377(6612), 2022
 *   (why a LinkedIn connection alone is a weak tie).
 */
export function networkFromLinkedIn(
  text: string,
  options: LinkedInOptions,
  file = 'Connections.csv',
): Network {
  const owner = checkOwner(options);
  const { owner: _owner, ownerId: _ownerId, ...networkOptions } = options;
  const header = typeof text === 'string' ? findHeader(text) : undefined;
  if (header === undefined) {
    throw new InvalidNetworkError([
      {
        code: 'bad_header',
        path: '',
        message: `not a LinkedIn connections export: no header line "${LINKEDIN_COLUMNS.join(',')}" (LinkedIn: Settings, Data privacy, Get a copy of your data, Connections)`,
        file,
        line: 1,
      },
    ]);
  }
  const shift = header.line - 1;
  const parsed = parseCsv(text.slice(header.offset), file);
  const issues: Issue[] = parsed.issues.map((issue) => ({
    ...issue,
    line: (issue.line ?? 1) + shift,
  }));
  const [head, ...csvRows] = parsed.rows;
  if (head === undefined) throw new InvalidNetworkError(issues);
  const { columns, extras } = readHeader(head.fields, header.line, file, issues);
  if (issues.some((issue) => issue.code === 'bad_header')) throw new InvalidNetworkError(issues);

  const rows: Row[] = csvRows.map((row) => {
    const cells = new Map<string, string>();
    for (const [column, index] of columns) cells.set(column, (row.fields[index] ?? '').trim());
    const rowExtras = extras.map(
      ([column, index]) => [column, (row.fields[index] ?? '').trim()] as const,
    );
    return { line: row.line + shift, cells, extras: rowExtras };
  });
  const { input, origins } = buildDataset(rows, owner, file, issues);
  if (issues.length > 0) {
    throw new InvalidNetworkError(issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }
  try {
    return createNetwork(input, networkOptions);
  } catch (error) {
    if (!(error instanceof InvalidNetworkError)) throw error;
    throw new InvalidNetworkError(error.issues.map((issue) => locate(issue, origins, file)));
  }
}

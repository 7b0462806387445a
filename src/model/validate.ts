/**
 * Turns untrusted input into a {@link Dataset}: the shape of every record (zod), then the references
 * between records. All problems are collected and thrown together as one InvalidNetworkError.
 */
import type { z } from 'zod';
import { formatPath, InvalidNetworkError, type Issue, type IssueCode } from '../errors.js';
import { dateProblem, dateToTime } from './dates.js';
import {
  COLLECTIONS,
  type CollectionName,
  type Dataset,
  HIRE_CHANNELS,
  RECORD_SCHEMAS,
} from './schema.js';
import { didYouMean } from './suggest.js';

const ENVELOPE_KEYS = ['format', 'version', ...COLLECTIONS] as const;

/** Every field name any record may have, for "did you mean" on unknown fields. */
const KNOWN_FIELDS: readonly string[] = [
  ...new Set(Object.values(RECORD_SCHEMAS).flatMap((schema) => Object.keys(schema.shape))),
  'title',
  'organizationName',
  'from',
  'to',
];

/** Suggestions are costly on large networks; beyond this many unknown references, skip them. */
const MAX_SUGGESTIONS = 100;

/** A copy with `undefined` fields dropped, own keys such as `__proto__` kept, all frozen. */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      Object.defineProperty(out, key, {
        value: frozenCopy(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return Object.freeze(out) as T;
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value;
}

function readAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

/** Maps a zod issue to ours, in words a person filling a spreadsheet understands. */
function fromZod(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  record: unknown,
  out: Issue[],
): void {
  const path = [...prefix, ...issue.path];
  const at = formatPath(path);
  const value = readAt(record, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        out.push({
          code: 'unknown_field',
          path: formatPath([...path, key]),
          message: `unknown field ${JSON.stringify(key)}${didYouMean(key, KNOWN_FIELDS)}`,
        });
      }
      return;
    case 'invalid_type': {
      if (value === undefined) {
        out.push({ code: 'missing_field', path: at, message: 'is required' });
      } else if (typeof value === 'number' && issue.expected === 'number') {
        out.push({
          code: 'invalid_value',
          path: at,
          message: `must be a finite number, got ${describeValue(value)}`,
        });
      } else {
        out.push({
          code: 'invalid_type',
          path: at,
          message: `must be ${article(issue.expected)}, got ${describeValue(value)}`,
        });
      }
      return;
    }
    case 'invalid_value': {
      if (value === undefined) {
        out.push({ code: 'missing_field', path: at, message: 'is required' });
        return;
      }
      const options = issue.values.map(String);
      const got = typeof value === 'string' ? didYouMean(value, options) : '';
      out.push({
        code: 'invalid_value',
        path: at,
        message: `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}; got ${describeValue(value)}${got}`,
      });
      return;
    }
    case 'too_small':
    case 'too_big':
      out.push({
        code: 'out_of_range',
        path: at,
        message: `${issue.message}, got ${describeValue(value)}`,
      });
      return;
    case 'invalid_union':
      out.push({
        code: 'invalid_type',
        path: at,
        message: `must be a string, a finite number or a boolean, got ${describeValue(value)}`,
      });
      return;
    case 'custom': {
      const code = (issue.params as { code?: IssueCode } | undefined)?.code ?? 'invalid_value';
      out.push({ code, path: at, message: issue.message });
      return;
    }
    default:
      out.push({ code: 'invalid_value', path: at, message: issue.message });
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

type Parsed = { -readonly [C in CollectionName]: (Dataset[C][number] | undefined)[] };

class Checker {
  readonly issues: Issue[] = [];
  private suggestions = 0;

  push(code: IssueCode, path: readonly PropertyKey[], message: string): void {
    this.issues.push({ code, path: formatPath(path), message });
  }

  /** Reports `id` at `path` unless `known` has it. */
  reference(
    known: ReadonlyMap<string, number>,
    what: string,
    id: string | undefined,
    path: readonly PropertyKey[],
  ): void {
    if (id === undefined || known.has(id)) return;
    const hint = this.suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, known.keys()) : '';
    this.push('unknown_reference', path, `unknown ${what} ${JSON.stringify(id)}${hint}`);
  }

  /** Reports when the date at `laterPath` comes before the one at `earlierPath`. */
  order(
    earlier: string | undefined,
    later: string | undefined,
    earlierName: string,
    path: readonly PropertyKey[],
    message?: string,
  ): void {
    if (earlier === undefined || later === undefined) return;
    if (dateToTime(later) < dateToTime(earlier)) {
      this.push('date_order', path, message ?? `${later} is before ${earlierName} (${earlier})`);
    }
  }
}

/** Indexes the ids of raw records (valid or not), reporting duplicates. */
function indexIds(
  raw: readonly unknown[],
  collection: CollectionName,
  what: string,
  check: Checker,
): Map<string, number> {
  const index = new Map<string, number>();
  raw.forEach((record, i) => {
    const id = readAt(record, ['id']);
    if (typeof id !== 'string' || id === '') return;
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else
      check.push(
        'duplicate_id',
        [collection, i, 'id'],
        `duplicate ${what} id ${JSON.stringify(id)} (first at ${collection}[${first}])`,
      );
  });
  return index;
}

/**
 * Validates `input` and returns the frozen dataset, or throws one InvalidNetworkError listing
 * every problem found.
 */
export function validateDataset(input: unknown): Dataset {
  const check = new Checker();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    check.push(
      'invalid_type',
      [],
      `a network must be an object with arrays such as "people" and "relationships", got ${describeValue(input)}`,
    );
    throw new InvalidNetworkError(check.issues);
  }
  const envelope = input as Record<string, unknown>;
  for (const key of Object.keys(envelope)) {
    if (!(ENVELOPE_KEYS as readonly string[]).includes(key)) {
      check.push(
        'unknown_field',
        [key],
        `unknown collection ${JSON.stringify(key)}${didYouMean(key, ENVELOPE_KEYS)}`,
      );
    }
  }
  if (envelope['format'] !== undefined && envelope['format'] !== 'warmpath') {
    check.push(
      'invalid_value',
      ['format'],
      `must be "warmpath", got ${describeValue(envelope['format'])}`,
    );
  }
  if (envelope['version'] !== undefined && envelope['version'] !== 1) {
    check.push(
      'invalid_value',
      ['version'],
      `this version of warmpath reads dataset version 1, got ${describeValue(envelope['version'])}`,
    );
  }

  const raw = {} as Record<CollectionName, readonly unknown[]>;
  const parsed = {} as Parsed;
  for (const collection of COLLECTIONS) {
    const value = Object.hasOwn(envelope, collection) ? envelope[collection] : undefined;
    if (value !== undefined && !Array.isArray(value)) {
      check.push('invalid_type', [collection], `must be an array, got ${describeValue(value)}`);
    }
    const records: readonly unknown[] = Array.isArray(value) ? value : [];
    raw[collection] = records;
    const schema = RECORD_SCHEMAS[collection];
    const out: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const result = schema.safeParse(records[i]);
      if (result.success) out[i] = result.data;
      else
        for (const issue of result.error.issues)
          fromZod(issue, [collection, i], records[i], check.issues);
    }
    (parsed as Record<CollectionName, unknown[]>)[collection] = out;
  }

  const organizations = indexIds(raw.organizations, 'organizations', 'organization', check);
  const people = indexIds(raw.people, 'people', 'person', check);
  const jobs = indexIds(raw.jobs, 'jobs', 'job', check);
  indexIds(raw.groups, 'groups', 'group', check);

  // References are checked on the raw records, so that a record with one bad field still has
  // its other references checked: all problems are reported at once.
  for (const [i, person] of raw.people.entries())
    checkPerson(loose(person), i, organizations, check);
  for (const [i, job] of raw.jobs.entries()) checkJob(loose(job), i, organizations, people, check);
  for (const [i, group] of raw.groups.entries()) checkGroup(loose(group), i, people, check);
  for (const [i, rel] of raw.relationships.entries())
    checkRelationship(loose(rel), i, people, check);
  const openedAt = (jobId: string | undefined): string | undefined => {
    const index = jobId === undefined ? undefined : jobs.get(jobId);
    return index === undefined ? undefined : date(loose(raw.jobs[index]), 'openedAt');
  };
  for (const collection of ['hires', 'applications'] as const) {
    for (const [i, record] of raw[collection].entries()) {
      checkHireLike(loose(record), collection, i, people, jobs, openedAt, check);
    }
  }

  if (check.issues.length > 0) throw new InvalidNetworkError(inInputOrder(check.issues));
  return frozenCopy(parsed as unknown as Dataset);
}

/**
 * Issues sorted by where they are: collection (in COLLECTIONS order), then record; shape and
 * reference problems of one record stay together, in the order they were found.
 */
function inInputOrder(issues: readonly Issue[]): Issue[] {
  const rank = (issue: Issue): [number, number] => {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(issue.path);
    const collection = match ? (COLLECTIONS as readonly string[]).indexOf(match[1] as string) : -1;
    return [collection, match?.[2] === undefined ? -1 : Number(match[2])];
  };
  return issues
    .map((issue, order) => ({ issue, order, rank: rank(issue) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.order - b.order)
    .map((entry) => entry.issue);
}

type Loose = Readonly<Record<string, unknown>>;

const isChannel = (value: unknown): boolean =>
  (HIRE_CHANNELS as readonly unknown[]).includes(value);

/** A raw record's fields, or none if it is not an object. */
function loose(record: unknown): Loose {
  return typeof record === 'object' && record !== null && !Array.isArray(record)
    ? (record as Loose)
    : {};
}
/** The field if it is a non-empty string (an id), else `undefined`. */
function id(record: Loose, field: string): string | undefined {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
/** The field if it is a valid date, else `undefined`. */
function date(record: Loose, field: string): string | undefined {
  const value = id(record, field);
  return value !== undefined && dateProblem(value) === undefined ? value : undefined;
}
/** The field's items if it is an array, else none. */
function items(record: Loose, field: string): readonly unknown[] {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  return Array.isArray(value) ? value : [];
}

function checkPerson(
  person: Loose,
  i: number,
  organizations: Map<string, number>,
  check: Checker,
): void {
  check.reference(organizations, 'organization', id(person, 'organizationId'), [
    'people',
    i,
    'organizationId',
  ]);
  items(person, 'positions').forEach((item, j) => {
    const position = loose(item);
    const path = ['people', i, 'positions', j];
    check.reference(organizations, 'organization', id(position, 'organizationId'), [
      ...path,
      'organizationId',
    ]);
    check.order(date(position, 'from'), date(position, 'to'), 'from', [...path, 'to']);
  });
}

function checkJob(
  job: Loose,
  i: number,
  organizations: Map<string, number>,
  people: Map<string, number>,
  check: Checker,
): void {
  check.reference(organizations, 'organization', id(job, 'organizationId'), [
    'jobs',
    i,
    'organizationId',
  ]);
  check.reference(people, 'person', id(job, 'hiringManagerId'), ['jobs', i, 'hiringManagerId']);
  check.reference(people, 'person', id(job, 'filledBy'), ['jobs', i, 'filledBy']);
  check.order(date(job, 'openedAt'), date(job, 'filledAt'), 'openedAt', ['jobs', i, 'filledAt']);
  if (job['status'] === 'open') {
    for (const field of ['filledAt', 'filledBy'] as const) {
      if (job[field] !== undefined) {
        check.push(
          'inconsistent',
          ['jobs', i, field],
          `the job's status is "open" but it has ${field}: set status to "filled" or remove ${field}`,
        );
      }
    }
  }
}

function checkGroup(group: Loose, i: number, people: Map<string, number>, check: Checker): void {
  const seen = new Map<string, number>();
  items(group, 'members').forEach((member, j) => {
    if (typeof member !== 'string' || member === '') return;
    check.reference(people, 'person', member, ['groups', i, 'members', j]);
    const first = seen.get(member);
    if (first === undefined) seen.set(member, j);
    else
      check.push(
        'duplicate_id',
        ['groups', i, 'members', j],
        `${JSON.stringify(member)} is already a member (members[${first}])`,
      );
  });
}

function checkRelationship(
  rel: Loose,
  i: number,
  people: Map<string, number>,
  check: Checker,
): void {
  const path = ['relationships', i];
  const source = id(rel, 'source');
  const target = id(rel, 'target');
  check.reference(people, 'person', source, [...path, 'source']);
  check.reference(people, 'person', target, [...path, 'target']);
  if (source !== undefined && source === target) {
    check.push(
      'self_reference',
      [...path, 'target'],
      `a relationship needs two different people, got ${JSON.stringify(source)} twice`,
    );
  }
  const visibleTo = items(rel, 'visibleTo');
  visibleTo.forEach((entry, j) => {
    const first = visibleTo.indexOf(entry);
    if (typeof entry === 'string' && entry !== '' && first < j)
      check.push(
        'duplicate_id',
        [...path, 'visibleTo', j],
        `${JSON.stringify(entry)} is already listed (visibleTo[${first}])`,
      );
  });
  const since = date(rel, 'since');
  const until = date(rel, 'until');
  const last = date(rel, 'lastInteraction');
  check.order(since, until, 'since', [...path, 'until']);
  check.order(since, last, 'since', [...path, 'lastInteraction']);
  check.order(
    last,
    until,
    'lastInteraction',
    [...path, 'until'],
    `${until} is before lastInteraction (${last}): a relationship cannot end before its last interaction`,
  );
}

function checkHireLike(
  record: Loose,
  collection: 'hires' | 'applications',
  i: number,
  people: Map<string, number>,
  jobs: Map<string, number>,
  openedAt: (jobId: string | undefined) => string | undefined,
  check: Checker,
): void {
  const path = [collection, i];
  const personId = id(record, 'personId');
  const jobId = id(record, 'jobId');
  const referrerId = id(record, 'referrerId');
  check.reference(people, 'person', personId, [...path, 'personId']);
  check.reference(jobs, 'job', jobId, [...path, 'jobId']);
  check.reference(people, 'person', referrerId, [...path, 'referrerId']);
  if (referrerId !== undefined && referrerId === personId) {
    check.push('self_reference', [...path, 'referrerId'], 'a person cannot refer themselves');
  }
  const channel = record['channel'];
  if (referrerId !== undefined && isChannel(channel) && channel !== 'referral') {
    check.push(
      'inconsistent',
      [...path, 'referrerId'],
      `has a referrer but its channel is ${JSON.stringify(channel)}: set channel to "referral" or remove referrerId`,
    );
  }
  check.order(openedAt(jobId), date(record, 'date'), "the job's openedAt", [...path, 'date']);
}

/**
 * `pseudonymize`: a copy of a network for research in which every id and name is a keyed
 * HMAC-SHA-256 pseudonym, optionally with coarsened dates and without free text.
 *
 * @see RFC 2104, "HMAC: Keyed-Hashing for Message Authentication", 1997.
 * @see FIPS 180-4, "Secure Hash Standard (SHS)", NIST, 2015 (SHA-256).
 * @module
 */

import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { InvalidOptionsError, type Issue } from '../errors.js';
import { createNetwork } from '../model/create.js';
import { dateToTime } from '../model/dates.js';
import type { Network } from '../model/network.js';
import { optionRecord } from '../model/options.js';
import type {
  Application,
  Attributes,
  Group,
  Hire,
  Job,
  NetworkInput,
  Organization,
  Person,
  Position,
  Relationship,
} from '../model/schema.js';

/** How finely dates are kept: the first day of their month or of their year (UTC). */
export type DateCoarsening = 'month' | 'year';

/** What a pseudonym stands for: each kind has its own pseudonyms, as each collection its own ids. */
export type PseudonymKind = 'person' | 'organization' | 'job' | 'group' | 'organizationName';

/** Options of {@link pseudonymize}. */
export interface PseudonymizeOptions {
  /**
   * The secret key: a string (its UTF-8 bytes) or bytes, at least 16 bytes. Anyone holding it can
   * recompute every pseudonym from a guessed id, so keep it apart from the export (docs/privacy.md).
   */
  readonly key: string | Uint8Array;
  /** Keep dates only to their month or year (the first day of it, UTC). Default: dates as given. */
  readonly coarsenDates?: DateCoarsening;
  /** Leave out free text (titles, skills, tags, requirements, contexts, industries, string attributes). Default `false`. */
  readonly dropFreeText?: boolean;
}

/** The smallest key accepted, in bytes (128 bits). */
export const MIN_PSEUDONYM_KEY_BYTES = 16;

/** Hex digits kept of each HMAC: 24 digits, 96 bits, so that collisions are out of reach. */
const ID_HEX_DIGITS = 24;
/** Hex digits of a pseudonym shown in a display name (`Person 3f9a1c2b`). */
const NAME_HEX_DIGITS = 8;
/** What a required free-text field holds when free text is dropped. */
const REMOVED = '(removed)';
/** Versioned, so that a future scheme can never produce the same pseudonyms by accident. */
const DOMAIN = 'warmpath-pseudonym-v1';

const OPTION_NAMES = ['key', 'coarsenDates', 'dropFreeText'] as const;
const COARSENINGS: readonly string[] = ['month', 'year'];
const LABELS = {
  person: 'Person',
  organization: 'Organization',
  job: 'Job',
  group: 'Group',
  organizationName: 'Organization',
} as const satisfies Record<PseudonymKind, string>;

/**
 * The fields of each record as `pseudonymize` treats them. A field a record type gains must be
 * added here (a test compares this list with the schemas); until then it is left out of exports,
 * so that nothing new leaks by default.
 */
export const PSEUDONYMIZED_FIELDS = Object.freeze({
  organizations: ['id', 'name', 'industry', 'attributes'],
  people: [
    'id',
    'name',
    'organizationId',
    'title',
    'skills',
    'tags',
    'positions',
    'introductions',
    'maxIntroductionsPerPeriod',
    'attributes',
  ],
  positions: ['title', 'organizationId', 'organizationName', 'from', 'to'],
  jobs: [
    'id',
    'title',
    'organizationId',
    'hiringManagerId',
    'requirements',
    'status',
    'openedAt',
    'filledAt',
    'filledBy',
    'attributes',
  ],
  groups: ['id', 'name', 'members', 'attributes'],
  relationships: [
    'source',
    'target',
    'kind',
    'strength',
    'since',
    'until',
    'lastInteraction',
    'interactionsPerMonth',
    'directed',
    'context',
    'visibleTo',
    'attributes',
  ],
  hires: ['personId', 'jobId', 'date', 'channel', 'referrerId', 'attributes'],
  applications: ['personId', 'jobId', 'date', 'channel', 'stage', 'referrerId', 'attributes'],
} as const);

interface Resolved {
  readonly key: KeyObject;
  readonly coarsenDates: DateCoarsening | undefined;
  readonly dropFreeText: boolean;
}

function keyBytes(key: unknown, issues: Issue[]): Uint8Array | undefined {
  let bytes: Uint8Array | undefined;
  if (typeof key === 'string') bytes = Buffer.from(key, 'utf8');
  else if (key instanceof Uint8Array) bytes = key;
  else {
    issues.push({
      code: key === undefined ? 'missing_field' : 'invalid_type',
      path: 'key',
      message: 'must be a string or a Uint8Array of at least 16 bytes',
    });
    return undefined;
  }
  if (bytes.length < MIN_PSEUDONYM_KEY_BYTES) {
    issues.push({
      code: 'out_of_range',
      path: 'key',
      message: `must be at least ${MIN_PSEUDONYM_KEY_BYTES} bytes, got ${bytes.length} (use e.g. crypto.randomBytes(32))`,
    });
    return undefined;
  }
  return bytes;
}

function resolveOptions(options: unknown): Resolved {
  const { record, issues } = optionRecord(options, OPTION_NAMES, 'an object with a `key`');
  const bytes = keyBytes(record['key'], issues);
  const coarsenDates = record['coarsenDates'];
  if (coarsenDates !== undefined && !COARSENINGS.includes(coarsenDates as string)) {
    issues.push({
      code: 'invalid_value',
      path: 'coarsenDates',
      message: `must be "month" or "year", got ${JSON.stringify(coarsenDates) ?? String(coarsenDates)}`,
    });
  }
  const dropFreeText = record['dropFreeText'];
  if (dropFreeText !== undefined && typeof dropFreeText !== 'boolean') {
    issues.push({ code: 'invalid_type', path: 'dropFreeText', message: 'must be a boolean' });
  }
  if (issues.length > 0 || bytes === undefined) throw new InvalidOptionsError(issues);
  return {
    key: createSecretKey(bytes),
    coarsenDates: coarsenDates as DateCoarsening | undefined,
    dropFreeText: dropFreeText === true,
  };
}

/** `kind` is a {@link PseudonymKind}, or `order` for the keyed order of records without ids. */
function hmacHex(key: KeyObject, kind: PseudonymKind | 'order', value: string): string {
  return createHmac('sha256', key)
    .update(`${DOMAIN}\u0000${kind}\u0000${value}`, 'utf8')
    .digest('hex')
    .slice(0, ID_HEX_DIGITS);
}

/**
 * The pseudonym {@link pseudonymize} gives an id (or a name, for `organizationName`) under a key:
 * 24 hexadecimal digits of HMAC-SHA-256 over the kind and the id. Use it to find a record of an
 * export from its original id (a participant who withdraws, say), or to ask the export as a
 * viewer (`{ id: pseudonymOf('person', id, key), teams: teams.map((t) => pseudonymOf('person', t, key)) }`:
 * `visibleTo` entries, person ids and team names alike, are person pseudonyms); it needs the key.
 *
 * @param kind - What the id names: `'person'` (also for team names of `visibleTo` and viewers),
 *   `'organization'`, `'job'`, `'group'`, or `'organizationName'` (a position's organisation
 *   outside the dataset).
 * @param id - The original id or name.
 * @param key - The export's key, a string or bytes of at least 16 bytes.
 * @returns The pseudonymous id, e.g. `'3f9a1c2b7d5e0a4f6b8c9d1e'`.
 * @throws InvalidOptionsError if the key is shorter than 16 bytes or not a string or bytes.
 * @example
 * ```ts
 * const key = process.env.WARMPATH_EXPORT_KEY as string;
 * const exported = pseudonymize(network, { key });
 * exported.person(pseudonymOf('person', 'jacob', key))?.name; // "Person 3f9a1c2b"
 * ```
 * @see RFC 2104 (HMAC); FIPS 180-4 (SHA-256).
 */
export function pseudonymOf(kind: PseudonymKind, id: string, key: string | Uint8Array): string {
  if (!Object.hasOwn(LABELS, kind)) {
    throw new InvalidOptionsError([
      {
        code: 'invalid_value',
        path: 'kind',
        message: `must be one of ${Object.keys(LABELS).join(', ')}, got ${String(kind)}`,
      },
    ]);
  }
  return hmacHex(resolveOptions({ key }).key, kind, id);
}

/** Coarsens a valid date monotonically: the first day (UTC) of its month or year, as `YYYY-MM-DD`. */
function coarsen(date: string, unit: DateCoarsening): string {
  const time = new Date(dateToTime(date));
  const year = time.getUTCFullYear();
  // Offsets can move a date-time of year 0000 or 9999 out of the four-digit range; clamping keeps
  // the order of dates (a clamp of a monotone map is monotone) and the result valid.
  if (year < 0) return '0000-01-01';
  if (year > 9999) return unit === 'year' ? '9999-01-01' : '9999-12-01';
  const month = unit === 'year' ? 1 : time.getUTCMonth() + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** The fields whose value is not `undefined` (for `exactOptionalPropertyTypes`); names are schema fields. */
function defined<T extends object>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out as T;
}

class Pseudonymizer {
  readonly #options: Resolved;
  readonly #cache = new Map<string, string>();

  constructor(options: Resolved) {
    this.#options = options;
  }

  id(kind: PseudonymKind | 'order', value: string): string {
    const cacheKey = `${kind}\u0000${value}`;
    let pseudonym = this.#cache.get(cacheKey);
    if (pseudonym === undefined) {
      pseudonym = hmacHex(this.#options.key, kind, value);
      this.#cache.set(cacheKey, pseudonym);
    }
    return pseudonym;
  }
  optionalId(kind: PseudonymKind, value: string | undefined): string | undefined {
    return value === undefined ? undefined : this.id(kind, value);
  }
  /** A display name made from the record's pseudonym, so it tells nothing more than the id. */
  name(kind: PseudonymKind, value: string): string {
    return `${LABELS[kind]} ${this.id(kind, value).slice(0, NAME_HEX_DIGITS)}`;
  }
  date(value: string | undefined): string | undefined {
    const unit = this.#options.coarsenDates;
    return value === undefined || unit === undefined ? value : coarsen(value, unit);
  }
  text(value: string | undefined): string | undefined {
    return this.#options.dropFreeText ? undefined : value;
  }
  texts(values: string[] | undefined): string[] | undefined {
    return this.#options.dropFreeText ? undefined : values;
  }
  attributes(attributes: Attributes | undefined): Attributes | undefined {
    if (attributes === undefined || !this.#options.dropFreeText) return attributes;
    // Object.fromEntries defines own properties, so a `__proto__` key stays data.
    const kept = Object.entries(attributes).filter(([, value]) => typeof value !== 'string');
    return kept.length === 0 ? undefined : Object.fromEntries(kept);
  }
  get dropFreeText(): boolean {
    return this.#options.dropFreeText;
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortById<T extends { readonly id: string }>(records: T[]): T[] {
  return records.sort((a, b) => byCodeUnits(a.id, b.id));
}

/** Records without ids, in an order set by the key alone: their input order tells nothing. */
function keyedOrder<T>(records: readonly T[], p: Pseudonymizer, collection: string): T[] {
  return records
    .map((record, index) => ({ record, rank: p.id('order', `${collection}#${index}`) }))
    .sort((a, b) => byCodeUnits(a.rank, b.rank))
    .map((entry) => entry.record);
}

function position(position: Position, p: Pseudonymizer): Position {
  return defined<Position>({
    title: p.dropFreeText ? REMOVED : position.title,
    organizationId: p.optionalId('organization', position.organizationId),
    organizationName:
      position.organizationName === undefined
        ? undefined
        : p.name('organizationName', position.organizationName),
    from: p.date(position.from),
    to: p.date(position.to),
  });
}

function person(person: Person, p: Pseudonymizer): Person {
  return defined<Person>({
    id: p.id('person', person.id),
    name: p.name('person', person.id),
    organizationId: p.optionalId('organization', person.organizationId),
    title: p.text(person.title),
    skills: p.texts(person.skills),
    tags: p.texts(person.tags),
    positions: person.positions?.map((item) => position(item, p)),
    introductions: person.introductions,
    maxIntroductionsPerPeriod: person.maxIntroductionsPerPeriod,
    attributes: p.attributes(person.attributes),
  });
}

function organization(organization: Organization, p: Pseudonymizer): Organization {
  return defined<Organization>({
    id: p.id('organization', organization.id),
    name: p.name('organization', organization.id),
    industry: p.text(organization.industry),
    attributes: p.attributes(organization.attributes),
  });
}

function job(job: Job, p: Pseudonymizer): Job {
  return defined<Job>({
    id: p.id('job', job.id),
    title: p.dropFreeText ? p.name('job', job.id) : job.title,
    organizationId: p.id('organization', job.organizationId),
    hiringManagerId: p.id('person', job.hiringManagerId),
    requirements: p.dropFreeText ? [] : job.requirements,
    status: job.status,
    openedAt: p.date(job.openedAt),
    filledAt: p.date(job.filledAt),
    filledBy: p.optionalId('person', job.filledBy),
    attributes: p.attributes(job.attributes),
  });
}

function group(group: Group, p: Pseudonymizer): Group {
  return defined<Group>({
    id: p.id('group', group.id),
    name: p.name('group', group.id),
    members: group.members.map((member) => p.id('person', member)).sort(byCodeUnits),
    attributes: p.attributes(group.attributes),
  });
}

function relationship(rel: Relationship, p: Pseudonymizer): Relationship {
  return defined<Relationship>({
    source: p.id('person', rel.source),
    target: p.id('person', rel.target),
    kind: rel.kind,
    strength: rel.strength,
    since: p.date(rel.since),
    until: p.date(rel.until),
    lastInteraction: p.date(rel.lastInteraction),
    interactionsPerMonth: rel.interactionsPerMonth,
    directed: rel.directed,
    context: p.text(rel.context),
    // Visibility matches an entry against the viewer's id and teams alike, so entries (person ids
    // and team names) share the person pseudonyms: a viewer pseudonymised the same way sees the same.
    visibleTo: rel.visibleTo?.map((entry) => p.id('person', entry)).sort(byCodeUnits),
    attributes: p.attributes(rel.attributes),
  });
}

function hire(hire: Hire, p: Pseudonymizer): Hire {
  return defined<Hire>({
    personId: p.id('person', hire.personId),
    jobId: p.id('job', hire.jobId),
    date: p.date(hire.date) as string,
    channel: hire.channel,
    referrerId: p.optionalId('person', hire.referrerId),
    attributes: p.attributes(hire.attributes),
  });
}

function application(application: Application, p: Pseudonymizer): Application {
  return defined<Application>({
    personId: p.id('person', application.personId),
    jobId: p.id('job', application.jobId),
    date: p.date(application.date) as string,
    channel: application.channel,
    stage: application.stage,
    referrerId: p.optionalId('person', application.referrerId),
    attributes: p.attributes(application.attributes),
  });
}

/**
 * A pseudonymised copy of a network, for research: every id of a person, organisation, job and
 * group, and every reference to one (a relationship's `source` and `target`, a job's hiring
 * manager, hires' and applications' people, jobs and referrers, group members, positions'
 * organisations, `visibleTo` entries), is replaced by its keyed pseudonym, the same wherever the id
 * occurs, so references stay valid and every analysis runs on the export with the same numbers
 * up to relabelling (chains, centrality, referral shares). Names become labels made from the
 * pseudonym (`Person 3f9a1c2b`, `Organization ...`, `Group ...`); a position's
 * `organizationName` becomes `Organization <pseudonym of the name>`.
 *
 * A pseudonym is the first 24 hex digits (96 bits) of HMAC-SHA-256(key, kind, id): the same key
 * gives the same pseudonyms in every export (exports of one key can be joined; use a new key per
 * release to prevent that), a different key unrelated ones, and without the key an id cannot be
 * recovered or checked against a guess. Records are written in an order that depends only on the
 * key and the pseudonyms (entities by pseudonymous id, group members and `visibleTo` sorted,
 * relationships, hires and applications in a keyed order), so input order (often alphabetical by
 * name) leaks nothing.
 *
 * `coarsenDates` keeps every date only to the first day of its month or year (UTC), which keeps
 * every date valid and in order; derived tie strengths (recency, duration) then change.
 * `dropFreeText` leaves out free text: people's `title`, `skills` and `tags`, positions'
 * `title` (kept as `"(removed)"`, as it is required), organisations' `industry`, jobs' `title`
 * (becomes `Job <pseudonym>`) and `requirements` (become `[]`), relationships' `context`, and
 * every string value of `attributes`. Everything else is kept as it is; docs/privacy.md lists it,
 * and explains why a pseudonymised network can still be re-identified from its structure.
 *
 * The export keeps the network's strength model, and its `asOf` unless dates are coarsened (an
 * `asOf` network's data is exported as of that date either way).
 *
 * @param network - The network to export; it is not changed.
 * @param options - `key` (required: a string or bytes, at least 16 bytes), `coarsenDates`
 *   (`'month'` or `'year'`), `dropFreeText` (default `false`).
 * @returns A new, validated {@link Network}; write it with `networkToJson`, `writeNetwork`, ...
 * @throws InvalidOptionsError if the key is missing, shorter than 16 bytes or not a string or
 *   bytes, or another option is invalid (all problems listed).
 * @throws InvalidNetworkError only if two ids of one kind get the same pseudonym (a 96-bit
 *   collision: not expected in practice).
 * @example
 * ```ts
 * import { randomBytes } from 'node:crypto';
 * import { networkToJson, pseudonymize } from 'warmpath';
 *
 * const key = randomBytes(32); // keep it apart from the export, or destroy it
 * const exported = pseudonymize(network, { key, coarsenDates: 'month', dropFreeText: true });
 * await writeFile('export.json', networkToJson(exported));
 * exported.people[0]?.name; // "Person 3f9a1c2b"
 * ```
 * @see RFC 2104, "HMAC: Keyed-Hashing for Message Authentication" (Krawczyk, Bellare & Canetti, 1997).
 * @see FIPS 180-4, "Secure Hash Standard (SHS)", NIST, 2015 (SHA-256).
 * @see Narayanan & Shmatikov, "De-anonymizing Social Networks", IEEE S&P 2009 (what pseudonyms do not prevent).
 */
export function pseudonymize(network: Network, options: PseudonymizeOptions): Network {
  const resolved = resolveOptions(options);
  const dataset = network.dataset;
  const p = new Pseudonymizer(resolved);
  const input: NetworkInput = {
    format: 'warmpath',
    version: 1,
    organizations: sortById(dataset.organizations.map((item) => organization(item, p))),
    people: sortById(dataset.people.map((item) => person(item, p))),
    jobs: sortById(dataset.jobs.map((item) => job(item, p))),
    groups: sortById(dataset.groups.map((item) => group(item, p))),
    relationships: keyedOrder(dataset.relationships, p, 'relationships').map((item) =>
      relationship(item, p),
    ),
    hires: keyedOrder(dataset.hires, p, 'hires').map((item) => hire(item, p)),
    applications: keyedOrder(dataset.applications, p, 'applications').map((item) =>
      application(item, p),
    ),
  };
  const asOf = resolved.coarsenDates === undefined ? network.asOf : undefined;
  return createNetwork(input, {
    strengthModel: network.strengthModel,
    ...(asOf === undefined ? {} : { asOf }),
  });
}

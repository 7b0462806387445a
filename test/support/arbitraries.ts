/**
 * fast-check arbitraries of valid warmpath datasets, for property tests (round trips, asOf,
 * determinism). Every generated input passes `createNetwork`; ids and text include the
 * adversarial cases (`__proto__`, `constructor`, emoji, colons, long strings).
 */
import fc from 'fast-check';
import { dateToTime } from '../../src/model/dates.js';
import {
  APPLICATION_STAGES,
  HIRE_CHANNELS,
  INTRODUCTION_POLICIES,
  JOB_STATUSES,
  type NetworkInput,
  RELATIONSHIP_KINDS,
} from '../../src/model/schema.js';

export interface ArbitraryOptions {
  /**
   * Restrict text to characters every format can carry (XML 1.0 forbids most control
   * characters and lone surrogates; XML parsers normalise CR and TAB in attribute values).
   */
  readonly xmlSafe?: boolean;
}

const ADVERSARIAL_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a:b',
  '😀',
  '~x',
  'x'.repeat(300),
];

// Printable ASCII and some letters, emoji and punctuation that need escaping in CSV, JSON or XML.
const SAFE_CHARS = [...'abcxyzABC019 ,;"\'<>&[]{}:~-_.éß中😀'];

function textArb(options: ArbitraryOptions, maxLength = 10): fc.Arbitrary<string> {
  if (options.xmlSafe) {
    return fc
      .array(fc.constantFrom(...SAFE_CHARS), { minLength: 1, maxLength })
      .map((chars) => chars.join(''));
  }
  return fc.oneof(
    fc.string({ minLength: 1, maxLength }),
    fc.string({ unit: 'binary', minLength: 1, maxLength }),
    fc.constantFrom(
      'a,b',
      ' lead',
      'trail ',
      'multi\nline',
      'quo"te',
      '[x]',
      'semi;colon',
      '42',
      'true',
      '"q"',
    ),
  );
}

function idArb(options: ArbitraryOptions): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...ADVERSARIAL_IDS) },
    { weight: 3, arbitrary: textArb(options, 8) },
  );
}

function attributesArb(
  options: ArbitraryOptions,
): fc.Arbitrary<Record<string, string | number | boolean>> {
  const key = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'cohort', 'a.b'),
    textArb(options, 6),
  );
  const value = fc.oneof(
    textArb(options),
    fc.constantFrom('', '42', 'true', '"x"'),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    fc.integer(),
    fc.boolean(),
  );
  return fc
    .uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 3 })
    .map((entries) => {
      const out: Record<string, string | number | boolean> = {};
      for (const [k, v] of entries)
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    });
}

const DAY = 86_400_000;
const BASE = Date.UTC(2000, 0, 1);

/** Up to `count` dates, sorted by the time they stand for, in mixed ISO 8601 forms. */
function datesArb(count: number): fc.Arbitrary<string[]> {
  const one = fc
    .record({
      day: fc.integer({ min: 0, max: 11_000 }),
      second: fc.integer({ min: 0, max: 86_399 }),
      form: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ day, second, form }) => {
      const t = BASE + day * DAY + second * 1000;
      if (form === 0) return new Date(BASE + day * DAY).toISOString().slice(0, 10);
      if (form === 1) return `${new Date(t).toISOString().slice(0, 19)}Z`;
      const shifted = new Date(t + 3_600_000).toISOString().slice(0, 19);
      return `${shifted}+01:00`;
    });
  return fc
    .array(one, { minLength: count, maxLength: count })
    .map((dates) => dates.sort((a, b) => dateToTime(a) - dateToTime(b)));
}

/** Keeps only the fields whose flag is set, so optional fields are sometimes absent. */
function some<T extends object>(record: T, keep: readonly boolean[]): Partial<T> {
  const out: Record<string, unknown> = {};
  Object.entries(record).forEach(([key, value], i) => {
    if (value !== undefined && keep[i % keep.length]) out[key] = value;
  });
  return out as Partial<T>;
}

const flags = (n: number): fc.Arbitrary<boolean[]> =>
  fc.array(fc.boolean(), { minLength: n, maxLength: n });

/** A fast-check arbitrary of valid `NetworkInput`s. */
export function arbitraryNetworkInput(options: ArbitraryOptions = {}): fc.Arbitrary<NetworkInput> {
  const ids = (min: number, max: number) =>
    fc.uniqueArray(idArb(options), { minLength: min, maxLength: max });
  const text = textArb(options);
  const list = fc.array(text, { maxLength: 3 });
  return fc
    .record({
      organizationIds: ids(0, 3),
      personIds: ids(0, 7),
      jobIds: ids(0, 3),
      groupIds: ids(0, 2),
    })
    .chain(({ organizationIds, personIds, jobIds, groupIds }) => {
      const orgRef =
        organizationIds.length > 0 ? fc.constantFrom(...organizationIds) : fc.constant(undefined);
      const personRef =
        personIds.length > 0 ? fc.constantFrom(...personIds) : fc.constant(undefined);
      const organizations = fc.tuple(
        ...organizationIds.map((id) =>
          fc
            .record({
              name: text,
              industry: text,
              attributes: attributesArb(options),
              keep: flags(2),
            })
            .map(({ keep, name, ...rest }) => ({ id, name, ...some(rest, keep) })),
        ),
      );
      const position = fc
        .record({
          title: text,
          organizationId: orgRef,
          organizationName: text,
          dates: datesArb(2),
          keep: flags(4),
        })
        .map(({ title, dates, keep, ...rest }) => ({
          title,
          ...some({ ...rest, from: dates[0], to: dates[1] }, keep),
        }));
      const people = fc.tuple(
        ...personIds.map((id) =>
          fc
            .record({
              name: text,
              organizationId: orgRef,
              title: text,
              skills: list,
              tags: list,
              positions: fc.array(position, { maxLength: 2 }),
              introductions: fc.constantFrom(...INTRODUCTION_POLICIES),
              maxIntroductionsPerPeriod: fc.nat(5),
              attributes: attributesArb(options),
              keep: flags(8),
            })
            .map(({ name, keep, ...rest }) => ({ id, name, ...some(rest, keep) })),
        ),
      );
      const canHaveJobs = organizationIds.length > 0 && personIds.length > 0;
      const jobs = fc.tuple(
        ...(canHaveJobs ? jobIds : []).map((id) =>
          fc
            .record({
              title: text,
              organizationId: orgRef,
              hiringManagerId: personRef,
              requirements: list,
              status: fc.constantFrom(...JOB_STATUSES),
              dates: datesArb(2),
              filledBy: personRef,
              attributes: attributesArb(options),
              keep: flags(4),
            })
            .map(
              ({
                title,
                organizationId,
                hiringManagerId,
                requirements,
                status,
                dates,
                filledBy,
                attributes,
                keep,
              }) => {
                const filled =
                  status === 'open' ? {} : some({ filledAt: dates[1], filledBy }, keep);
                return {
                  id,
                  title,
                  organizationId: organizationId as string,
                  hiringManagerId: hiringManagerId as string,
                  requirements,
                  status,
                  ...some({ openedAt: dates[0], attributes }, keep.slice(2)),
                  ...filled,
                };
              },
            ),
        ),
      );
      const groups = fc.tuple(
        ...groupIds.map((id) =>
          fc
            .record({
              name: text,
              members: fc.subarray(personIds),
              attributes: attributesArb(options),
              keep: flags(1),
            })
            .map(({ name, members, attributes, keep }) => ({
              id,
              name,
              members,
              ...some({ attributes }, keep),
            })),
        ),
      );
      const pair =
        personIds.length >= 2
          ? fc.shuffledSubarray(personIds, { minLength: 2, maxLength: 2 })
          : fc.constant(undefined);
      const relationship = fc
        .record({
          pair,
          kind: fc.constantFrom(...RELATIONSHIP_KINDS),
          strength: fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }),
          dates: datesArb(3),
          interactionsPerMonth: fc.oneof(
            fc.integer({ min: 0, max: 60 }),
            fc.double({ min: 0, max: 100, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
          ),
          directed: fc.boolean(),
          context: text,
          // Person ids and team names (free text), each once; [] means the two ends only.
          visibleTo: fc.uniqueArray(
            personIds.length > 0 ? fc.oneof(fc.constantFrom(...personIds), text) : text,
            { maxLength: 3 },
          ),
          attributes: attributesArb(options),
          keep: flags(9),
        })
        .map(({ pair, kind, dates, keep, ...rest }) => ({
          source: pair?.[0] as string,
          target: pair?.[1] as string,
          kind,
          ...some({ ...rest, since: dates[0], lastInteraction: dates[1], until: dates[2] }, keep),
        }));
      return fc.record({
        organizations,
        people,
        jobs,
        groups,
        relationships:
          personIds.length >= 2 ? fc.array(relationship, { maxLength: 10 }) : fc.constant([]),
      });
    })
    .chain((base) => {
      const jobs = base.jobs;
      const personIds = base.people.map((p) => p.id);
      if (jobs.length === 0)
        return fc.constant({ ...base, hires: [], applications: [] } as NetworkInput);
      const event = (stage: boolean) =>
        fc
          .record({
            job: fc.constantFrom(...jobs),
            pair: fc.shuffledSubarray(personIds, {
              minLength: Math.min(2, personIds.length),
              maxLength: Math.min(2, personIds.length),
            }),
            channel: fc.constantFrom(...HIRE_CHANNELS),
            stage: fc.constantFrom(...APPLICATION_STAGES),
            days: fc.integer({ min: 0, max: 2000 }),
            attributes: attributesArb(options),
            keep: flags(2),
          })
          .map(({ job, pair, channel, stage: reached, days, attributes, keep }) => {
            const start = job.openedAt === undefined ? BASE : dateToTime(job.openedAt);
            const date = new Date(start + days * DAY).toISOString();
            const referrerId =
              channel === 'referral' && pair.length === 2 && keep[0]
                ? { referrerId: pair[1] as string }
                : {};
            return {
              personId: pair[0] as string,
              jobId: job.id,
              date,
              channel,
              ...(stage ? { stage: reached } : {}),
              ...referrerId,
              ...some({ attributes }, keep.slice(1)),
            };
          });
      return fc
        .record({
          hires: fc.array(event(false), { maxLength: 4 }),
          applications: fc.array(event(true), { maxLength: 4 }),
        })
        .map((events) => ({ ...base, ...events }) as NetworkInput);
    });
}

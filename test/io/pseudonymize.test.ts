/**
 * Pseudonymised exports: keyed, consistent, leak-free (no original id, name or, when asked, free
 * text anywhere in the exported JSON), valid, and analysed with the same numbers as the original
 * up to relabelling.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  createNetwork,
  findIntroductions,
  InvalidOptionsError,
  introductionBrokers,
  introductionPaths,
  type Network,
  type NetworkInput,
  networkFromJson,
  networkToCsv,
  networkToJson,
  pagerank,
  pseudonymize,
  pseudonymOf,
  referralChains,
  referralShare,
  visibleNetwork,
} from '../../src/index.js';
import { PSEUDONYMIZED_FIELDS } from '../../src/io/pseudonymize.js';
import { dateToTime } from '../../src/model/dates.js';
import { PositionSchema, RECORD_SCHEMAS } from '../../src/model/schema.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';
import { seedStoryNetwork } from '../support/fixtures.js';
import { RICH } from '../support/rich-network.js';

const KEY = 'a research export key, 32 bytes';
const OTHER_KEY = 'another key entirely, 32 bytes!!';

const person = (id: string, key: string | Uint8Array = KEY) => pseudonymOf('person', id, key);

/** Every id and name of a dataset, and every name-like string (a position's organisation name). */
function idsAndNames(network: Network): string[] {
  const out: string[] = [];
  for (const o of network.organizations) out.push(o.id, o.name);
  for (const p of network.people) {
    out.push(p.id, p.name);
    for (const position of p.positions ?? [])
      if (position.organizationName) out.push(position.organizationName);
  }
  for (const j of network.jobs) out.push(j.id);
  for (const g of network.groups) out.push(g.id, g.name);
  for (const r of network.relationships) out.push(...(r.visibleTo ?? []));
  return out;
}

/** Every free-text string of a dataset (the fields `dropFreeText` removes). */
function freeText(network: Network): string[] {
  const out: string[] = [];
  const attributes = (a: Readonly<Record<string, unknown>> | undefined) => {
    for (const value of Object.values(a ?? {})) if (typeof value === 'string') out.push(value);
  };
  for (const o of network.organizations) {
    if (o.industry) out.push(o.industry);
    attributes(o.attributes);
  }
  for (const p of network.people) {
    if (p.title) out.push(p.title);
    out.push(...(p.skills ?? []), ...(p.tags ?? []));
    for (const position of p.positions ?? []) out.push(position.title);
    attributes(p.attributes);
  }
  for (const j of network.jobs) {
    out.push(j.title, ...j.requirements);
    attributes(j.attributes);
  }
  for (const g of network.groups) attributes(g.attributes);
  for (const r of network.relationships) {
    if (r.context) out.push(r.context);
    attributes(r.attributes);
  }
  for (const h of [...network.hires, ...network.applications]) attributes(h.attributes);
  return out;
}

/** Every date string of a dataset. */
function datesOf(network: Network): string[] {
  const out: (string | undefined)[] = [];
  for (const p of network.people) for (const x of p.positions ?? []) out.push(x.from, x.to);
  for (const j of network.jobs) out.push(j.openedAt, j.filledAt);
  for (const r of network.relationships) out.push(r.since, r.until, r.lastInteraction);
  for (const h of [...network.hires, ...network.applications]) out.push(h.date);
  return out.filter((d): d is string => d !== undefined);
}

/** A relationship as comparable text, its ids passed through `map`. */
function relationshipKeys(network: Network, map: (id: string) => string): string[] {
  return network.relationships
    .map((r) =>
      JSON.stringify([
        map(r.source),
        map(r.target),
        r.kind,
        r.strength ?? null,
        r.directed ?? false,
        r.interactionsPerMonth ?? null,
      ]),
    )
    .sort();
}

// --- Random networks whose every id, name and free text carries a "Q", which nothing warmpath
// writes contains (hex digits, field names, enum values and labels have no "Q"), so a search for
// them finds only a leak.

const LETTERS = [...'ghijklmnopqrstuvwxyz'];
const word = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 4, maxLength: 7 })
  .map((letters) => letters.join(''));
const marked = (prefix: string) => word.map((w) => `Q${prefix}${w}`);

/** A date near a month boundary, as a calendar date or a date-time with an offset. */
const dateArb = fc
  .record({
    year: fc.integer({ min: 2015, max: 2024 }),
    month: fc.integer({ min: 0, max: 11 }),
    minutes: fc.integer({ min: -1500, max: 1500 }),
    offset: fc.integer({ min: -92, max: 92 }).map((q) => q * 15),
    dateOnly: fc.boolean(),
  })
  .map(({ year, month, minutes, offset, dateOnly }) => {
    const instant = Date.UTC(year, month, 1) + minutes * 60_000;
    if (dateOnly) return new Date(instant).toISOString().slice(0, 10);
    const local = new Date(instant + offset * 60_000).toISOString().slice(0, 16);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${local}${zone}`;
  });
const inOrder = (dates: readonly string[]) =>
  [...dates].sort((a, b) => dateToTime(a) - dateToTime(b));

const markedNetwork: fc.Arbitrary<NetworkInput> = fc
  .record({
    orgIds: fc.uniqueArray(marked('o'), { minLength: 1, maxLength: 3 }),
    personIds: fc.uniqueArray(marked('p'), { minLength: 2, maxLength: 7 }),
    jobIds: fc.uniqueArray(marked('j'), { maxLength: 3 }),
    groupIds: fc.uniqueArray(marked('g'), { maxLength: 2 }),
    names: fc.array(marked('n'), { minLength: 16, maxLength: 16 }),
    texts: fc.array(marked('t'), { minLength: 16, maxLength: 16 }),
    teams: fc.array(marked('team'), { minLength: 2, maxLength: 2 }),
    picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    dates: fc.array(dateArb, { minLength: 48, maxLength: 48 }),
    policies: fc.array(fc.constantFrom('open', 'ask-first', 'never'), {
      minLength: 7,
      maxLength: 7,
    }),
  })
  .map(({ orgIds, personIds, jobIds, groupIds, names, texts, teams, picks, dates, policies }) => {
    let cursor = 0;
    const pick = <T>(list: readonly T[]): T =>
      list[(picks[cursor++ % picks.length] as number) % list.length] as T;
    let dateCursor = 0;
    const nextDate = () => dates[dateCursor++ % dates.length] as string;
    const text = (i: number) => texts[i % texts.length] as string;
    const organizations = orgIds.map((id, i) => ({
      id,
      name: names[i] as string,
      industry: text(i),
      attributes: { note: text(i + 1), size: i },
    }));
    const people = personIds.map((id, i) => {
      const [from, to] = inOrder([nextDate(), nextDate()]);
      return {
        id,
        name: names[4 + i] as string,
        organizationId: pick(orgIds),
        title: text(i + 2),
        skills: [text(i + 3)],
        tags: [text(i + 4)],
        positions: [
          { title: text(i + 5), organizationId: pick(orgIds), from, to },
          { title: text(i + 6), organizationName: names[12 + (i % 4)] as string },
        ],
        introductions: policies[i] as 'open',
        ...(i % 2 === 0 ? { maxIntroductionsPerPeriod: i } : {}),
        attributes: { cohort: text(i + 7), score: i, remote: i % 2 === 0 },
      };
    });
    const hires: NonNullable<NetworkInput['hires']>[number][] = [];
    const applications: NonNullable<NetworkInput['applications']>[number][] = [];
    const jobs = jobIds.map((id, i) => {
      const hireDates = [nextDate(), nextDate()];
      const opened = inOrder([nextDate(), ...hireDates])[0] as string;
      const hired = pick(personIds);
      const referrer = personIds.find((p) => p !== hired) as string;
      hires.push({
        personId: hired,
        jobId: id,
        date: hireDates[0] as string,
        channel: 'referral',
        referrerId: referrer,
        attributes: { via: text(i + 8) },
      });
      applications.push({
        personId: pick(personIds),
        jobId: id,
        date: hireDates[1] as string,
        channel: 'posting',
        stage: 'applied',
      });
      return {
        id,
        title: text(i + 9),
        organizationId: pick(orgIds),
        hiringManagerId: pick(personIds),
        requirements: [text(i + 10)],
        status: 'open' as const,
        openedAt: opened,
        attributes: { band: text(i + 11) },
      };
    });
    const groups = groupIds.map((id, i) => ({
      id,
      name: names[8 + i] as string,
      members: personIds.filter((_, j) => (j + i) % 2 === 0),
      attributes: { city: text(i + 12) },
    }));
    const relationships = personIds.flatMap((source, i) => {
      const target = personIds[(i + 1 + (picks[i] as number)) % personIds.length] as string;
      if (target === source) return [];
      const [since, last, until] = inOrder([nextDate(), nextDate(), nextDate()]);
      return [
        {
          source,
          target,
          kind: pick(['friend', 'colleague', 'mentor', 'other'] as const),
          ...(i % 3 === 0 ? { strength: 0.25 + i / 20 } : { interactionsPerMonth: i }),
          since,
          lastInteraction: last,
          ...(i % 4 === 3 ? { until } : {}),
          directed: i % 2 === 1,
          context: text(i + 13),
          visibleTo: i % 2 === 0 ? [pick(personIds), teams[0] as string] : [teams[1] as string],
          attributes: { met: text(i + 14), years: i },
        },
      ];
    });
    return { organizations, people, jobs, groups, relationships, hires, applications };
  });

describe('pseudonymize: options', () => {
  const network = createNetwork(RICH);

  it('needs a key of at least 16 bytes, as a string or bytes', () => {
    expect(optionIssuesOf(() => pseudonymize(network, { key: 'x'.repeat(15) }))).toEqual([
      { path: 'key', code: 'out_of_range' },
    ]);
    expect(optionIssuesOf(() => pseudonymize(network, { key: new Uint8Array(15) }))).toEqual([
      { path: 'key', code: 'out_of_range' },
    ]);
    expect(
      optionIssuesOf(() => pseudonymize(network, { key: 5 } as unknown as { key: string })),
    ).toEqual([{ path: 'key', code: 'invalid_type' }]);
    // Bytes, not characters: eight two-byte characters are 16 bytes.
    expect(() => pseudonymize(network, { key: 'é'.repeat(8) })).not.toThrow();
    expect(() => pseudonymize(network, { key: new Uint8Array(16) })).not.toThrow();
  });

  it('lists every invalid option at once', () => {
    const issues = optionIssuesOf(() =>
      pseudonymize(network, {
        coarsenDates: 'week',
        dropFreeText: 'yes',
        salt: 1,
      } as unknown as { key: string }),
    );
    expect(issues).toEqual([
      { path: 'salt', code: 'unknown_field' },
      { path: 'key', code: 'missing_field' },
      { path: 'coarsenDates', code: 'invalid_value' },
      { path: 'dropFreeText', code: 'invalid_type' },
    ]);
  });

  it('pseudonymOf checks its key and kind', () => {
    thrownBy(() => pseudonymOf('person', 'jacob', 'short'), InvalidOptionsError);
    thrownBy(() => pseudonymOf('planet' as 'person', 'jacob', KEY), InvalidOptionsError);
  });

  it('handles every field of every record (a new field needs a decision here)', () => {
    for (const [collection, schema] of Object.entries(RECORD_SCHEMAS)) {
      expect(
        [...PSEUDONYMIZED_FIELDS[collection as keyof typeof RECORD_SCHEMAS]].sort(),
        collection,
      ).toEqual(Object.keys(schema.shape).sort());
    }
    expect([...PSEUDONYMIZED_FIELDS.positions].sort()).toEqual(
      Object.keys(PositionSchema.shape).sort(),
    );
  });
});

describe('pseudonymize: keyed and consistent', () => {
  const network = createNetwork(RICH);

  it('gives the same export for the same key, as a string or as its bytes', () => {
    const a = networkToJson(pseudonymize(network, { key: KEY }));
    const b = networkToJson(pseudonymize(createNetwork(RICH), { key: KEY }));
    const c = networkToJson(pseudonymize(network, { key: new TextEncoder().encode(KEY) }));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(networkToCsv(pseudonymize(network, { key: KEY }))).toEqual(
      networkToCsv(networkFromJson(a)),
    );
  });

  it('gives unrelated pseudonyms under another key', () => {
    const a = pseudonymize(network, { key: KEY });
    const b = pseudonymize(network, { key: OTHER_KEY });
    const ids = (n: Network) => new Set([...n.people, ...n.organizations].map((r) => r.id));
    const shared = [...ids(a)].filter((id) => ids(b).has(id));
    expect(shared).toEqual([]);
    expect(person('jacob')).not.toBe(person('jacob', OTHER_KEY));
  });

  it('maps each id to pseudonymOf, the same in every record that names it', () => {
    const exported = pseudonymize(network, { key: KEY });
    const jacob = person('jacob');
    expect(jacob).toMatch(/^[0-9a-f]{24}$/);
    expect(exported.person(jacob)?.name).toBe(`Person ${jacob.slice(0, 8)}`);
    expect(exported.person(jacob)?.introductions).toBe('ask-first');
    // Person, organisation, job and group pseudonyms are separate even for one string.
    expect(pseudonymOf('organization', 'jacob', KEY)).not.toBe(jacob);
    const job = exported.job(pseudonymOf('job', 'analyst', KEY));
    expect(job?.hiringManagerId).toBe(person('michael'));
    expect(job?.filledBy).toBe(person('lee'));
    expect(job?.organizationId).toBe(pseudonymOf('organization', 'acme', KEY));
    expect(exported.hires[0]).toMatchObject({
      personId: person('lee'),
      referrerId: person('michael'),
      jobId: pseudonymOf('job', 'analyst', KEY),
    });
    expect(exported.group(pseudonymOf('group', 'bni', KEY))?.members).toEqual(
      ['jacob', 'michael', 'lee'].map((id) => person(id)).sort(),
    );
    expect(relationshipKeys(exported, (id) => id)).toEqual(
      relationshipKeys(network, (id) => person(id)),
    );
    const position = exported.person(jacob)?.positions?.[0];
    expect(position?.organizationId).toBe(pseudonymOf('organization', 'acme', KEY));
    expect(position?.organizationName).toBe(
      `Organization ${pseudonymOf('organizationName', 'Acme', KEY).slice(0, 8)}`,
    );
  });

  it('does not change the network it is given', () => {
    const before = networkToJson(network);
    pseudonymize(network, { key: KEY, coarsenDates: 'year', dropFreeText: true });
    expect(networkToJson(network)).toBe(before);
  });

  it('writes entities in pseudonym order, not in input order', () => {
    const exported = pseudonymize(network, { key: KEY });
    const ids = exported.people.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('pseudonymize: nothing leaks', () => {
  it('leaves no original id or name in the JSON of the rich network', () => {
    const network = createNetwork(RICH);
    for (const dropFreeText of [false, true]) {
      const json = networkToJson(pseudonymize(network, { key: KEY, dropFreeText }));
      for (const text of idsAndNames(network)) expect(json, text).not.toContain(text);
    }
  });

  it('leaves out free text only when asked', () => {
    const network = createNetwork(RICH);
    const kept = networkToJson(pseudonymize(network, { key: KEY }));
    const dropped = pseudonymize(network, { key: KEY, dropFreeText: true });
    expect(kept).toContain('Account manager');
    expect(kept).toContain('school');
    const json = networkToJson(dropped);
    for (const text of freeText(network).filter((t) => t.length > 0))
      expect(json, text).not.toContain(JSON.stringify(text));
    const jacob = dropped.person(person('jacob'));
    expect(jacob?.title).toBeUndefined();
    expect(jacob?.skills).toBeUndefined();
    expect(jacob?.positions?.map((p) => p.title)).toEqual(['(removed)', '(removed)']);
    expect(jacob?.attributes).toStrictEqual({ score: 42, active: true });
    const rep = dropped.job(pseudonymOf('job', 'it-sales-rep', KEY));
    expect(rep?.title).toBe(`Job ${pseudonymOf('job', 'it-sales-rep', KEY).slice(0, 8)}`);
    expect(rep?.requirements).toEqual([]);
    expect(dropped.organization(pseudonymOf('organization', 'acme', KEY))).toStrictEqual({
      id: pseudonymOf('organization', 'acme', KEY),
      name: `Organization ${pseudonymOf('organization', 'acme', KEY).slice(0, 8)}`,
      attributes: { size: 120 },
    });
    expect(dropped.relationships.some((r) => r.context !== undefined)).toBe(false);
  });

  it('keeps a __proto__ attribute key as data', () => {
    const network = createNetwork({
      people: [{ id: 'ann', name: 'Ann', attributes: JSON.parse('{"__proto__": 1, "x": "y"}') }],
    });
    const exported = pseudonymize(network, { key: KEY, dropFreeText: true });
    const attributes = exported.people[0]?.attributes as object;
    expect(Object.keys(attributes)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
  });

  it('on random networks: valid, consistent, and no id, name or dropped text left', () => {
    fc.assert(
      fc.property(
        markedNetwork,
        fc.uint8Array({ minLength: 16, maxLength: 40 }),
        fc.constantFrom(undefined, 'month' as const, 'year' as const),
        fc.boolean(),
        (input, key, coarsenDates, dropFreeText) => {
          const network = createNetwork(input);
          const options = { key, dropFreeText, ...(coarsenDates ? { coarsenDates } : {}) };
          const exported = pseudonymize(network, options);
          const json = networkToJson(exported);
          expect(networkToJson(pseudonymize(network, options))).toBe(json);
          for (const text of idsAndNames(network)) expect(json, text).not.toContain(text);
          const texts = freeText(network).filter((t) => t.startsWith('Q'));
          if (dropFreeText) for (const text of texts) expect(json, text).not.toContain(text);
          else for (const text of texts) expect(json, text).toContain(text);
          for (const collection of Object.keys(RECORD_SCHEMAS) as (keyof typeof RECORD_SCHEMAS)[])
            expect(exported.dataset[collection]).toHaveLength(network.dataset[collection].length);
          expect(relationshipKeys(exported, (id) => id)).toEqual(
            relationshipKeys(network, (id) => pseudonymOf('person', id, key)),
          );
          // visibleTo entries (person ids and team names alike) become person pseudonyms, so any
          // viewer, pseudonymised the same way, sees the same relationships.
          const P = (id: string) => pseudonymOf('person', id, key);
          const teams = [
            ...new Set(network.relationships.flatMap((r) => r.visibleTo ?? [])),
          ].filter((entry) => network.person(entry) === undefined);
          const viewers = [
            ...network.people.map((p, i) => ({ id: p.id, teams: teams.slice(0, i % 3) })),
            { id: 'Qoutsider', teams },
          ];
          for (const viewer of viewers) {
            const asPseudonyms = { id: P(viewer.id), teams: viewer.teams.map(P) };
            expect(relationshipKeys(visibleNetwork(exported, asPseudonyms), (id) => id)).toEqual(
              relationshipKeys(visibleNetwork(network, viewer), P),
            );
          }
          const pattern =
            coarsenDates === 'month'
              ? /^\d{4}-\d{2}-01$/
              : coarsenDates === 'year'
                ? /^\d{4}-01-01$/
                : undefined;
          if (pattern) for (const date of datesOf(exported)) expect(date).toMatch(pattern);
          else expect(datesOf(exported).sort()).toEqual(datesOf(network).sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('pseudonymize: coarsened dates', () => {
  it('keeps the first day of the month or year, in UTC, and every date in order', () => {
    const network = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      relationships: [
        {
          source: 'a',
          target: 'b',
          kind: 'friend',
          // 2024-02-29T22:30Z, before the next date although its local day is in March.
          since: '2024-03-01T00:30+02:00',
          lastInteraction: '2024-02-29T23:00Z',
          until: '2024-12-31T23:30-01:00',
        },
      ],
    });
    const month = pseudonymize(network, { key: KEY, coarsenDates: 'month' }).relationships[0];
    expect(month).toMatchObject({
      since: '2024-02-01',
      lastInteraction: '2024-02-01',
      until: '2025-01-01',
    });
    const year = pseudonymize(network, { key: KEY, coarsenDates: 'year' }).relationships[0];
    expect(year).toMatchObject({
      since: '2024-01-01',
      lastInteraction: '2024-01-01',
      until: '2025-01-01',
    });
  });

  it('keeps dates whose UTC year leaves 0000 to 9999 valid and in order', () => {
    const network = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      relationships: [
        {
          source: 'a',
          target: 'b',
          kind: 'friend',
          since: '0000-01-01T00:30+01:00',
          lastInteraction: '0000-01-01',
          until: '9999-12-31T23:30-01:00',
        },
      ],
    });
    for (const [unit, until] of [
      ['month', '9999-12-01'],
      ['year', '9999-01-01'],
    ] as const) {
      expect(
        pseudonymize(network, { key: KEY, coarsenDates: unit }).relationships[0],
      ).toMatchObject({ since: '0000-01-01', lastInteraction: '0000-01-01', until });
    }
  });

  it('keeps the asOf of an asOf network unless dates are coarsened', () => {
    const network = createNetwork(RICH, { asOf: '2023-06-30' });
    const exported = pseudonymize(network, { key: KEY });
    expect(exported.asOf).toBe('2023-06-30');
    expect(exported.referenceDate).toBe(network.referenceDate);
    expect(
      exported
        .strengths()
        .map((s) => s.strength)
        .sort(),
    ).toEqual(
      network
        .strengths()
        .map((s) => s.strength)
        .sort(),
    );
    expect(pseudonymize(network, { key: KEY, coarsenDates: 'month' }).asOf).toBeUndefined();
  });
});

// --- Analyses, on the original and on the export with ids mapped.

function chainsByPair(network: Network, map: (id: string) => string, maxHops: number) {
  const out = new Map<string, number>();
  for (const from of network.people) {
    for (const to of network.people) {
      if (from.id === to.id) continue;
      for (const path of introductionPaths(network, { from: from.id, to: to.id, maxHops })) {
        out.set(JSON.stringify(path.people.map(map)), path.probability);
      }
    }
  }
  return out;
}

function expectSameScores(
  original: ReadonlyMap<string, number>,
  exported: ReadonlyMap<string, number>,
  map: (id: string) => string,
): void {
  expect(exported.size).toBe(original.size);
  for (const [id, score] of original) expect(exported.get(map(id))).toBeCloseTo(score, 12);
}

function expectSameAnalyses(network: Network, key: string | Uint8Array, maxHops: number): void {
  const exported = pseudonymize(network, { key });
  const map = (id: string) => pseudonymOf('person', id, key);
  const original = chainsByPair(network, map, maxHops);
  const chains = chainsByPair(exported, (id) => id, maxHops);
  expect([...chains.keys()].sort()).toEqual([...original.keys()].sort());
  for (const [chain, probability] of original)
    expect(chains.get(chain)).toBeCloseTo(probability, 12);
  expectSameScores(betweenness(network), betweenness(exported), map);
  expectSameScores(pagerank(network), pagerank(exported), map);
  const brokers = (n: Network, m: (id: string) => string) =>
    new Map(introductionBrokers(n).map((b) => [m(b.personId), b.score]));
  expectSameScores(
    brokers(network, (id) => id),
    brokers(exported, (id) => id),
    map,
  );
}

describe('pseudonymize: analyses give the same numbers, up to relabelling', () => {
  it('on the seed story: chains, centrality, brokers, referral shares and chains', () => {
    const network = seedStoryNetwork();
    expectSameAnalyses(network, KEY, 3);
    const exported = pseudonymize(network, { key: KEY });
    const share = (n: Network) => {
      const { overall, groups } = referralShare(n, { by: { period: 'year' } });
      return { overall, groups };
    };
    expect(share(exported)).toEqual(share(network));
    expect(referralShare(exported).overall).toEqual(referralShare(network).overall);
    const byOrg = (n: Network, map: (id: string) => string) =>
      referralShare(n, { by: 'organization' })
        .groups.map((g) => [
          g.key === null ? null : map(g.key),
          g.referrals,
          g.hires,
          g.interval?.estimate,
        ])
        .sort();
    expect(byOrg(exported, (id) => id)).toEqual(
      byOrg(network, (id) => pseudonymOf('organization', id, KEY)),
    );
    const chains = (n: Network) => {
      const { lengths, referralHires, referralsWithoutReferrer } = referralChains(n);
      return { lengths, referralHires, referralsWithoutReferrer };
    };
    expect(chains(exported)).toEqual(chains(network));
    const best = findIntroductions(network, { from: 'jacob', to: { job: 'it-sales-rep' } });
    const bestExported = findIntroductions(exported, {
      from: person('jacob'),
      to: { job: pseudonymOf('job', 'it-sales-rep', KEY) },
    });
    expect(bestExported.atLeastOne).toBeCloseTo(best.atLeastOne, 12);
    expect(bestExported.paths.map((p) => p.probability)).toEqual(
      best.paths.map((p) => p.probability),
    );
  });

  it('on random networks: every chain, betweenness, PageRank and brokers', () => {
    fc.assert(
      fc.property(markedNetwork, fc.uint8Array({ minLength: 16, maxLength: 32 }), (input, key) => {
        expectSameAnalyses(createNetwork(input), key, 4);
      }),
      { numRuns: 40 },
    );
  });
});

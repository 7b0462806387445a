/**
 * Metamorphic tests: changes to the input that must not change the answers beyond the change
 * itself. Listing records in another order, renaming every id (a bijection), and adding a person
 * with no ties leave introductions, betweenness, PageRank, constraint, communities, referral
 * shares and hire attribution as they were (renamed, for the renaming).
 *
 * Two renamings are used. One keeps the ids' order (each id becomes `#` and its rank): results
 * whose ties are broken by id (chains of equal probability, Louvain's seeded visiting order of
 * people numbered by id, the chains of hire attribution) are then the same, renamed. The other is
 * a random bijection, used for the measures that have no tie-breaking by id (betweenness,
 * PageRank, constraint, referral shares).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeHires,
  betweenness,
  type Communities,
  communities,
  constraint,
  createNetwork,
  findIntroductions,
  type IntroductionTarget,
  type Network,
  type NetworkInput,
  pagerank,
  referralShare,
} from '../../src/index.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { seedStoryNetwork } from '../support/fixtures.js';
import { mulberry32, shuffled } from '../support/random.js';
import { fuzz, testTimeout } from './harness.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Rename = (id: string) => string;

/** One renaming per kind of id. */
interface Renaming {
  readonly person: Rename;
  readonly organization: Rename;
  readonly job: Rename;
  readonly group: Rename;
}

const same: Rename = (id) => id;

/** PageRank run to convergence, so that scores compare to 1e-9 (the default stops at 1e-6). */
const EXACT_PAGERANK = { tolerance: 1e-14, maxIterations: 100_000 };
const IDENTITY: Renaming = { person: same, organization: same, job: same, group: same };

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The input with every id renamed, references included. */
function renamed(input: NetworkInput, to: Renaming): NetworkInput {
  const out = copy(input) as Mutable<Required<NetworkInput>>;
  const person = (id: string | undefined) => (id === undefined ? undefined : to.person(id));
  const personIds = new Set((input.people ?? []).map((p) => p.id));
  const set = (record: object, key: string, value: unknown) => {
    if (value !== undefined) (record as Record<string, unknown>)[key] = value;
  };
  for (const org of out.organizations ?? []) set(org, 'id', to.organization(org.id));
  for (const p of out.people ?? []) {
    set(p, 'id', to.person(p.id));
    if (p.organizationId !== undefined) set(p, 'organizationId', to.organization(p.organizationId));
    for (const position of p.positions ?? []) {
      if (position.organizationId !== undefined)
        set(position, 'organizationId', to.organization(position.organizationId));
    }
  }
  for (const job of out.jobs ?? []) {
    set(job, 'id', to.job(job.id));
    set(job, 'organizationId', to.organization(job.organizationId));
    set(job, 'hiringManagerId', to.person(job.hiringManagerId));
    set(job, 'filledBy', person(job.filledBy));
  }
  for (const group of out.groups ?? []) {
    set(group, 'id', to.group(group.id));
    set(group, 'members', group.members.map(to.person));
  }
  for (const rel of out.relationships ?? []) {
    set(rel, 'source', to.person(rel.source));
    set(rel, 'target', to.person(rel.target));
    // visibleTo holds person ids and free-text team names: rename only the people.
    const visible = (rel as { visibleTo?: readonly string[] }).visibleTo;
    if (visible !== undefined)
      set(
        rel,
        'visibleTo',
        visible.map((id) => (personIds.has(id) ? to.person(id) : id)),
      );
  }
  for (const collection of ['hires', 'applications'] as const) {
    for (const event of out[collection] ?? []) {
      set(event, 'personId', to.person(event.personId));
      set(event, 'jobId', to.job(event.jobId));
      set(event, 'referrerId', person(event.referrerId));
    }
  }
  return out;
}

/** Each id renamed to `#` and its rank in code-unit order: the order of ids is kept. */
function orderKeepingRenaming(input: NetworkInput): Renaming {
  const of = (ids: readonly string[]): Rename => {
    const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const map = new Map(sorted.map((id, i) => [id, `#${String(i).padStart(6, '0')}`]));
    return (id) => map.get(id) ?? id;
  };
  return {
    person: of((input.people ?? []).map((p) => p.id)),
    organization: of((input.organizations ?? []).map((o) => o.id)),
    job: of((input.jobs ?? []).map((j) => j.id)),
    group: of((input.groups ?? []).map((g) => g.id)),
  };
}

/** A random bijection of each kind of id onto `@0`, `@1`, ... */
function randomRenaming(input: NetworkInput, seed: number): Renaming {
  const next = mulberry32(seed);
  const of = (ids: readonly string[]): Rename => {
    const map = new Map(shuffled([...new Set(ids)], next).map((id, i) => [id, `@${i}`]));
    return (id) => map.get(id) ?? id;
  };
  return {
    person: of((input.people ?? []).map((p) => p.id)),
    organization: of((input.organizations ?? []).map((o) => o.id)),
    job: of((input.jobs ?? []).map((j) => j.id)),
    group: of((input.groups ?? []).map((g) => g.id)),
  };
}

/** The same records in another order (every collection, and every group's members). */
function reordered(input: NetworkInput, seed: number): NetworkInput {
  const next = mulberry32(seed);
  const out = copy(input) as Mutable<NetworkInput>;
  for (const key of Object.keys(out) as (keyof NetworkInput)[]) {
    const list = out[key];
    if (Array.isArray(list)) (out as Record<string, unknown>)[key] = shuffled(list, next);
  }
  for (const group of out.groups ?? [])
    (group as Mutable<typeof group>).members = shuffled(group.members, next);
  return out;
}

/** An id no record uses. */
function freshId(input: NetworkInput): string {
  const used = new Set((input.people ?? []).map((p) => p.id));
  let id = 'isolated';
  while (used.has(id)) id += '+';
  return id;
}

function withIsolatedPerson(input: NetworkInput, id: string): NetworkInput {
  return { ...input, people: [...(input.people ?? []), { id, name: 'Nobody' }] };
}

function closeTo(actual: number | undefined, expected: number | undefined, what: string): void {
  if (expected === undefined || actual === undefined || !Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), what).toBeLessThanOrEqual(tolerance);
}

function expectScores(
  actual: ReadonlyMap<string, number>,
  expected: ReadonlyMap<string, number>,
  rename: Rename,
  what: string,
  tolerance = 1e-9,
): void {
  for (const [id, value] of expected) {
    const got = actual.get(rename(id));
    if (Number.isNaN(value)) expect(got, `${what} ${id}`).toBeNaN();
    else {
      expect(got, `${what} ${id}`).toBeTypeOf('number');
      const bound = tolerance * Math.max(1, Math.abs(value));
      expect(Math.abs((got as number) - value), `${what} ${id}`).toBeLessThanOrEqual(bound);
    }
  }
}

/** Every question asked of a network: chains between people and to jobs and organisations. */
function targets(network: Network): { from: string; to: IntroductionTarget }[] {
  const people = network.people.map((p) => p.id);
  const out: { from: string; to: IntroductionTarget }[] = [];
  for (const from of people) {
    for (const to of people) if (to !== from) out.push({ from, to });
    for (const job of network.jobs) out.push({ from, to: { job: job.id } });
    for (const org of network.organizations) out.push({ from, to: { organization: org.id } });
  }
  return out;
}

function renameTarget(to: IntroductionTarget, r: Renaming): IntroductionTarget {
  if (typeof to === 'string') return r.person(to);
  if ('job' in to) return { job: r.job(to.job) };
  return { organization: r.organization(to.organization) };
}

function expectSameIntroductions(a: Network, b: Network, r: Renaming, k: number): void {
  for (const { from, to } of targets(a)) {
    const expected = findIntroductions(a, { from, to, k });
    const actual = findIntroductions(b, { from: r.person(from), to: renameTarget(to, r), k });
    const what = `${from} → ${JSON.stringify(to)}`;
    expect(
      actual.paths.map((p) => p.people),
      what,
    ).toEqual(expected.paths.map((p) => p.people.map(r.person)));
    actual.paths.forEach((path, i) => {
      closeTo(path.probability, expected.paths[i]?.probability, what);
    });
    closeTo(actual.atLeastOne, expected.atLeastOne, what);
  }
}

/** The communities as sets of renamed ids, in a canonical order. */
function partition(found: Communities, rename: Rename): string[][] {
  return found.members
    .map((members) => members.map(rename).sort())
    .sort((x, y) => ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1));
}

function expectSameShares(a: Network, b: Network, r: Renaming): void {
  const key = (k: unknown, rename: Rename) =>
    typeof k === 'string' ? rename(k) : JSON.stringify(k);
  for (const [by, rename] of [
    [undefined, same],
    ['organization', r.organization],
    ['job', r.job],
  ] as const) {
    const expected = referralShare(a, by === undefined ? {} : { by });
    const actual = referralShare(b, by === undefined ? {} : { by });
    expect(actual.overall).toEqual(expected.overall);
    const groups = new Map(actual.groups.map((g) => [key(g.key, same), g]));
    expect(actual.groups).toHaveLength(expected.groups.length);
    for (const group of expected.groups) {
      const other = groups.get(key(group.key, rename));
      expect(other, `${String(by)} ${String(group.key)}`).toBeDefined();
      expect(other?.referrals).toBe(group.referrals);
      expect(other?.hires).toBe(group.hires);
      expect(other?.unknown).toBe(group.unknown);
      expect(other?.interval).toEqual(group.interval);
    }
  }
}

/** Hire attribution, hire by hire (matched by person, job and date: input order may differ). */
function expectSameAttribution(a: Network, b: Network, r: Renaming): void {
  const expected = attributeHires(a);
  const actual = attributeHires(b);
  expect(actual.summary).toEqual(expected.summary);
  const identity = (h: { personId: string; jobId: string; date: string; channel: string }) =>
    JSON.stringify([h.personId, h.jobId, h.date, h.channel]);
  const byHire = new Map<string, (typeof actual.hires)[number][]>();
  for (const hire of actual.hires) {
    const list = byHire.get(identity(hire)) ?? [];
    list.push(hire);
    byHire.set(identity(hire), list);
  }
  for (const hire of expected.hires) {
    const key = identity({ ...hire, personId: r.person(hire.personId), jobId: r.job(hire.jobId) });
    const other = byHire.get(key)?.shift();
    expect(other, key).toBeDefined();
    expect(other?.best?.people).toEqual(hire.best?.people.map(r.person));
    closeTo(other?.best?.probability, hire.best?.probability, key);
    expect(other?.reachable).toBe(hire.reachable);
    expect(other?.recordedReferral).toBe(hire.recordedReferral);
    expect(other?.disagreement).toBe(hire.disagreement);
  }
}

/** Everything, compared: `b` is `a` transformed by the renaming `r` (and reordered). */
function expectSameResults(a: Network, b: Network, r: Renaming, keepsIdOrder: boolean): void {
  expectScores(betweenness(b), betweenness(a), r.person, 'betweenness');
  expectScores(
    betweenness(b, { weight: 'unweighted' }),
    betweenness(a, { weight: 'unweighted' }),
    r.person,
    'betweenness (hops)',
  );
  expectScores(pagerank(b, EXACT_PAGERANK), pagerank(a, EXACT_PAGERANK), r.person, 'pagerank');
  expectScores(constraint(b), constraint(a), r.person, 'constraint');
  expectSameShares(a, b, r);
  if (!keepsIdOrder) return;
  expectSameIntroductions(a, b, r, 3);
  const [ca, cb] = [communities(a, { seed: 7 }), communities(b, { seed: 7 })];
  expect(partition(cb, same)).toEqual(partition(ca, r.person));
  closeTo(cb.modularity, ca.modularity, 'modularity');
  expectSameAttribution(a, b, r);
}

const inputs = fc.oneof(
  { weight: 9, arbitrary: arbitraryNetworkInput() },
  fc.constant(seedStoryNetwork().dataset as NetworkInput),
);

describe('metamorphic relations', () => {
  it(
    'listing records in another order changes nothing',
    () => {
      fuzz(
        fc.property(inputs, fc.integer(), (input, seed) => {
          expectSameResults(
            createNetwork(input),
            createNetwork(reordered(input, seed)),
            IDENTITY,
            true,
          );
        }),
        40,
      );
    },
    testTimeout(40, 200),
  );

  it(
    'renaming every id, keeping their order, renames the results and changes nothing else',
    () => {
      fuzz(
        fc.property(inputs, fc.integer(), (input, seed) => {
          const r = orderKeepingRenaming(input);
          const b = createNetwork(reordered(renamed(input, r), seed));
          expectSameResults(createNetwork(input), b, r, true);
        }),
        40,
      );
    },
    testTimeout(40, 200),
  );

  it(
    'renaming every id at random renames the scores and shares and changes nothing else',
    () => {
      fuzz(
        fc.property(inputs, fc.integer(), (input, seed) => {
          const r = randomRenaming(input, seed);
          expectSameResults(createNetwork(input), createNetwork(renamed(input, r)), r, false);
        }),
        40,
      );
    },
    testTimeout(40, 200),
  );

  it(
    'adding a person with no ties changes nothing for the others',
    () => {
      fuzz(
        fc.property(inputs, (input) => {
          const id = freshId(input);
          const a = createNetwork(input);
          const b = createNetwork(withIsolatedPerson(input, id));
          expectSameIntroductions(a, b, IDENTITY, 3);
          // Raw betweenness is unchanged; normalised scores only by the new count of pairs.
          expectScores(
            betweenness(b, { normalized: false }),
            betweenness(a, { normalized: false }),
            same,
            'betweenness',
          );
          expect(betweenness(b, { normalized: false }).get(id)).toBe(0);
          expectScores(constraint(b), constraint(a), same, 'constraint');
          // PageRank gives the newcomer the teleport share and scales everyone else by one
          // factor (the newcomer is a dangling node): their shares of the rest are unchanged.
          const [pa, pb] = [pagerank(a, EXACT_PAGERANK), pagerank(b, EXACT_PAGERANK)];
          const rest = 1 - (pb.get(id) as number);
          expectScores(
            new Map([...pb].filter(([key]) => key !== id).map(([key, v]) => [key, v / rest])),
            pa,
            same,
            'pagerank',
          );
          const [ca, cb] = [communities(a, { seed: 7 }), communities(b, { seed: 7 })];
          expect(cb.members.find((members) => members.includes(id))).toEqual([id]);
          expect(partition(cb, same).filter((m) => m[0] !== id)).toEqual(partition(ca, same));
          closeTo(cb.modularity, ca.modularity, 'modularity');
          expectSameShares(a, b, IDENTITY);
          expectSameAttribution(a, b, IDENTITY);
        }),
        40,
      );
    },
    testTimeout(40, 200),
  );
});

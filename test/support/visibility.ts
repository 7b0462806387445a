/**
 * Random small networks whose relationships say who may see them (`visibleTo`), a random viewer,
 * and the same dataset with the relationships that viewer may not see taken out by hand: the
 * oracle every `viewer` option is checked against.
 */
import fc from 'fast-check';
import type { NetworkInput, Viewer } from '../../src/index.js';

export const PEOPLE = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus'] as const;
export const TEAMS = ['recruiting', 'sales', 'board'] as const;

type Relationship = NonNullable<NetworkInput['relationships']>[number];

/** A network, and someone looking at it. */
export interface VisibilityCase {
  readonly input: NetworkInput;
  readonly viewer: Viewer;
}

/** The context text of relationship `i`: unique, so a test can look for it in any output. */
export const contextOf = (i: number): string => `[context ${i}]`;

const arbitraryVisibleTo = fc.option(
  fc.uniqueArray(fc.constantFrom(...PEOPLE, ...TEAMS, 'nobody-here'), { maxLength: 3 }),
  { nil: undefined },
);

/** Small networks (2 to 7 people) with dated relationships, some of them restricted, a group, open jobs and hires. */
export const arbitraryVisibilityCase: fc.Arbitrary<VisibilityCase> = fc
  .record({
    size: fc.integer({ min: 2, max: 7 }),
    policies: fc.array(fc.constantFrom('open', 'open', 'ask-first', 'never'), {
      minLength: 7,
      maxLength: 7,
    }),
    orgs: fc.array(fc.constantFrom(undefined, 'o1', 'o2'), { minLength: 7, maxLength: 7 }),
    rels: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: 6 }),
        b: fc.integer({ min: 0, max: 6 }),
        kind: fc.constantFrom('friend', 'colleague', 'other', 'family'),
        strength: fc.option(fc.constantFrom(0.2, 0.4, 0.5, 0.7, 0.9, 1), { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
        perMonth: fc.option(fc.constantFrom(0.5, 2, 10), { nil: undefined }),
        directed: fc.boolean(),
        visibleTo: arbitraryVisibleTo,
      }),
      { maxLength: 14 },
    ),
    group: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 3 }),
    managers: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 2 }),
    hires: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: 6 }),
        referrer: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 2 },
    ),
    viewerId: fc.oneof(fc.constantFrom(...PEOPLE), fc.constant('outsider')),
    viewerTeams: fc.option(fc.subarray([...TEAMS]), { nil: undefined }),
  })
  .map(({ size, policies, orgs, rels, group, managers, hires, viewerId, viewerTeams }) => {
    const id = (i: number): string => PEOPLE[i % size] as string;
    const relationships: Relationship[] = rels
      .filter((r) => r.a < size && r.b < size && r.a !== r.b)
      .map((r, i) => ({
        source: id(r.a),
        target: id(r.b),
        kind: r.kind,
        since: '2020-01-01',
        lastInteraction: `2024-02-${String(r.day).padStart(2, '0')}`,
        context: contextOf(i),
        ...(r.strength === undefined ? {} : { strength: r.strength }),
        ...(r.perMonth === undefined ? {} : { interactionsPerMonth: r.perMonth }),
        ...(r.directed ? { directed: true } : {}),
        ...(r.visibleTo === undefined ? {} : { visibleTo: r.visibleTo }),
      }));
    const input: NetworkInput = {
      organizations: [
        { id: 'o1', name: 'O1' },
        { id: 'o2', name: 'O2' },
      ],
      people: Array.from({ length: size }, (_, i) => ({
        id: id(i),
        name: id(i).toUpperCase(),
        introductions: policies[i] as 'open',
        ...(orgs[i] ? { organizationId: orgs[i] } : {}),
      })),
      groups: [{ id: 'g', name: 'G', members: group.filter((i) => i < size).map(id) }],
      jobs: managers.map((m, j) => ({
        id: `job${j}`,
        title: 'Job',
        organizationId: 'o1',
        hiringManagerId: id(m),
        requirements: [],
        status: 'open' as const,
      })),
      relationships,
      hires: hires
        .filter((h) => h.person % size !== h.referrer % size)
        .map((h) => ({
          personId: id(h.person),
          jobId: 'job0',
          date: '2024-03-01',
          channel: 'referral' as const,
          referrerId: id(h.referrer),
        })),
    };
    const viewer: Viewer =
      viewerTeams === undefined ? { id: viewerId } : { id: viewerId, teams: viewerTeams };
    return { input, viewer };
  });

/** Whether `viewer` may see `rel`, written out again from docs/privacy.md (the oracle). */
export function seenBy(rel: Relationship, viewer: Viewer): boolean {
  if (rel.visibleTo === undefined) return true;
  if (rel.source === viewer.id || rel.target === viewer.id) return true;
  return [viewer.id, ...(viewer.teams ?? [])].some((name) => rel.visibleTo?.includes(name));
}

/** The dataset without the relationships `viewer` may not see. */
export function withoutHidden({ input, viewer }: VisibilityCase): NetworkInput {
  return { ...input, relationships: (input.relationships ?? []).filter((r) => seenBy(r, viewer)) };
}

/** The contexts of the relationships `viewer` may not see. */
export function hiddenContexts({ input, viewer }: VisibilityCase): string[] {
  return (input.relationships ?? [])
    .filter((r) => !seenBy(r, viewer))
    .map((r) => r.context as string);
}

/** What a call returns, or the name and message of what it throws: answers compared whole. */
export function outcome(run: () => unknown): { value?: unknown; error?: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

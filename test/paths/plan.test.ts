/**
 * Introduction budgets: planIntroductions never uses anyone beyond their budget, honours
 * introduction policies, serves requests in its documented order, and leaves a request unserved
 * only when no chain avoids the people whose budgets are used up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  findIntroductions,
  type IntroductionPlan,
  type IntroductionRequest,
  InvalidNetworkError,
  type Network,
  type NetworkInput,
  PLAN_DEFAULTS,
  planIntroductions,
  UnknownEntityError,
} from '../../src/index.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';

type Rel = NonNullable<NetworkInput['relationships']>[number];
const tie = (source: string, target: string, strength: number, extra: Partial<Rel> = {}): Rel => ({
  source,
  target,
  kind: 'other',
  strength,
  ...extra,
});
const chains = (plan: IntroductionPlan, request: number) =>
  plan.assignments.find((a) => a.request === request)?.paths.map((p) => p.people.join(' ')) ?? [];

describe('planIntroductions', () => {
  // Three candidates reach the target through hub h; only a1 has another way (through x).
  const star = createNetwork({
    people: [
      { id: 'a1', name: 'A1' },
      { id: 'a2', name: 'A2' },
      { id: 'a3', name: 'A3' },
      { id: 'h', name: 'Hub', maxIntroductionsPerPeriod: 2 },
      { id: 'x', name: 'X' },
      { id: 't', name: 'Target' },
    ],
    relationships: [
      tie('a1', 'h', 0.9),
      tie('a2', 'h', 0.9),
      tie('a3', 'h', 0.9),
      tie('h', 't', 0.9),
      tie('a1', 'x', 0.5),
      tie('x', 't', 0.5),
    ],
  });
  const requests: IntroductionRequest[] = [
    { from: 'a1', to: 't' },
    { from: 'a2', to: 't' },
    { from: 'a3', to: 't' },
  ];

  it('serves requests in the given order until a budget is used up', () => {
    const plan = planIntroductions(star, requests, { order: 'given' });
    expect(plan.order).toEqual([0, 1, 2]);
    expect(chains(plan, 0)).toEqual(['a1 h t']);
    expect(chains(plan, 1)).toEqual(['a2 h t']);
    expect(plan.unserved).toEqual([{ request: 2, reason: 'budgets-exhausted', exhausted: ['h'] }]);
    expect([...plan.load]).toEqual([['h', 2]]);
  });

  it('serves requests with fewer alternatives first, by default', () => {
    const plan = planIntroductions(star, requests);
    // a1 has two disjoint chains, a2 and a3 one each: they go first, a1 takes the way through x.
    expect(plan.order).toEqual([1, 2, 0]);
    expect(chains(plan, 0)).toEqual(['a1 x t']);
    expect(chains(plan, 1)).toEqual(['a2 h t']);
    expect(chains(plan, 2)).toEqual(['a3 h t']);
    expect(plan.unserved).toEqual([]);
    expect([...plan.load]).toEqual([
      ['h', 2],
      ['x', 1],
    ]);
    expect(plan.assignments.map((a) => a.request)).toEqual([0, 1, 2]);
  });

  it('takes up to k chains, restarting when its own chains use a budget up', () => {
    const network = createNetwork({
      people: ['a', 'h', 'x', 'y', 't'].map((id) => ({
        id,
        name: id,
        ...(id === 'h' ? { maxIntroductionsPerPeriod: 1 } : {}),
      })),
      relationships: [
        tie('a', 'h', 0.9),
        tie('h', 't', 0.9),
        tie('h', 'x', 0.9),
        tie('x', 't', 0.9),
        tie('a', 'y', 0.4),
        tie('y', 't', 0.4),
      ],
    });
    // Unlimited, the two likeliest are a h t and a h x t; with h's budget of 1, the second is a y t.
    expect(
      findIntroductions(network, { from: 'a', to: 't', k: 2 }).paths.map((p) => p.people.join(' ')),
    ).toEqual(['a h t', 'a h x t']);
    const plan = planIntroductions(network, [{ from: 'a', to: 't', k: 2 }]);
    expect(chains(plan, 0)).toEqual(['a h t', 'a y t']);
    expect([...plan.load]).toEqual([
      ['h', 1],
      ['y', 1],
    ]);
    // Without budgets, a plan of one request is findIntroductions.
    const open = createNetwork({
      ...network.dataset,
      people: network.people.map(({ maxIntroductionsPerPeriod: _, ...p }) => p),
    });
    const free = planIntroductions(open, [{ from: 'a', to: 't', k: 2 }]);
    expect(free.assignments[0]?.paths).toEqual(
      findIntroductions(open, { from: 'a', to: 't', k: 2 }).paths,
    );
  });

  it('honours never and ask-first, and charges neither the candidate nor the target', () => {
    const network = createNetwork({
      people: [
        { id: 'a', name: 'A', maxIntroductionsPerPeriod: 0 },
        { id: 'n', name: 'Never', introductions: 'never', maxIntroductionsPerPeriod: 9 },
        { id: 'q', name: 'Asks', introductions: 'ask-first' },
        { id: 't', name: 'T', maxIntroductionsPerPeriod: 0 },
      ],
      relationships: [tie('a', 'n', 1), tie('n', 't', 1), tie('a', 'q', 0.5), tie('q', 't', 0.5)],
    });
    const plan = planIntroductions(network, [
      { from: 'a', to: 't' },
      { from: 'a', to: 't', askFirstWillingness: 0.5 },
    ]);
    expect(chains(plan, 0)).toEqual(['a q t']);
    expect(plan.assignments[0]?.paths[0]?.probability).toBeCloseTo(0.5 * 0.5 * 0.8, 12);
    expect(plan.assignments[1]?.paths[0]?.probability).toBeCloseTo(0.5 * 0.5 * 0.5, 12);
    expect([...plan.load]).toEqual([['q', 2]]);
  });

  it('applies defaultBudget to people without a budget of their own, and 0 blocks', () => {
    const plan = planIntroductions(star, requests, { defaultBudget: 0 });
    // h has 2 of their own; x has the default 0, so a1 can only go through h.
    expect(plan.unserved).toEqual([
      { request: 2, reason: 'budgets-exhausted', exhausted: expect.arrayContaining(['h', 'x']) },
    ]);
    expect(plan.load.get('x')).toBeUndefined();
    // With a default of 1, x can take a1 while h takes a2 and a3.
    const one = planIntroductions(star, requests, { defaultBudget: 1 });
    expect(one.unserved).toEqual([]);
    expect(one.load.get('x')).toBe(1);
  });

  it('tells a request without any chain from one blocked by budgets', () => {
    const network = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B', maxIntroductionsPerPeriod: 0 },
        { id: 'c', name: 'C' },
        { id: 'lonely', name: 'Lonely' },
      ],
      relationships: [tie('a', 'b', 0.9), tie('b', 'c', 0.9)],
    });
    const plan = planIntroductions(network, [
      { from: 'a', to: 'lonely' },
      { from: 'a', to: 'c' },
      { from: 'a', to: 'c', maxHops: 1 },
      { from: 'a', to: 'b' },
    ]);
    expect(plan.unserved).toEqual([
      { request: 0, reason: 'no-chain', exhausted: [] },
      { request: 1, reason: 'budgets-exhausted', exhausted: ['b'] },
      { request: 2, reason: 'no-chain', exhausted: [] },
    ]);
    expect(chains(plan, 3)).toEqual(['a b']);
  });

  it('is deterministic and does not change its inputs', () => {
    const frozen = Object.freeze(requests.map((r) => Object.freeze({ ...r })));
    expect(planIntroductions(star, frozen)).toEqual(planIntroductions(star, frozen));
  });

  it('lists every invalid option and unknown id at once', () => {
    expect(
      optionIssuesOf(() =>
        planIntroductions(star, [
          { from: 'a1', to: 't', k: 0 },
          { from: 'a1', to: 't' },
          { from: 'a2', to: 't', maxHops: -1, colour: 'red' } as IntroductionRequest,
        ]),
      ),
    ).toEqual([
      { path: 'requests[0].k', code: 'out_of_range' },
      { path: 'requests[2].colour', code: 'unknown_field' },
      { path: 'requests[2].maxHops', code: 'out_of_range' },
    ]);
    const unknown = thrownBy(
      () =>
        planIntroductions(star, [
          { from: 'a0', to: 't' },
          { from: 'a1', to: { job: 'nope' }, avoid: ['hh'] },
        ]),
      UnknownEntityError,
    );
    expect(unknown.missing.map((m) => [m.entity, m.id, m.suggestion])).toEqual([
      ['person', 'a0', 'a1'],
      ['job', 'nope', undefined],
      ['person', 'hh', 'h'],
    ]);
    expect(
      optionIssuesOf(() =>
        planIntroductions(star, requests, {
          defaultBudget: 1.5,
          order: 'random',
          budget: 1,
        } as never),
      ),
    ).toEqual([
      { path: 'budget', code: 'unknown_field' },
      { path: 'defaultBudget', code: 'out_of_range' },
      { path: 'order', code: 'invalid_value' },
    ]);
    expect(optionIssuesOf(() => planIntroductions(star, 'a1' as never))).toEqual([
      { path: 'requests', code: 'invalid_type' },
    ]);
  });

  it('validates maxIntroductionsPerPeriod as a whole number, 0 or more', () => {
    const issues = thrownBy(
      () =>
        createNetwork({
          people: [
            { id: 'a', name: 'A', maxIntroductionsPerPeriod: 1.5 },
            { id: 'b', name: 'B', maxIntroductionsPerPeriod: -1 },
            { id: 'c', name: 'C', maxIntroductionsPerPeriod: 0 },
          ],
        }),
      InvalidNetworkError,
    ).issues;
    expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'people[0].maxIntroductionsPerPeriod', code: 'out_of_range' },
      { path: 'people[1].maxIntroductionsPerPeriod', code: 'out_of_range' },
    ]);
  });
});

// --- Property: random small networks, budgets and requests.

const NAMES = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus'];

const arbitraryPlanCase = fc
  .record({
    size: fc.integer({ min: 2, max: 7 }),
    policies: fc.array(fc.constantFrom('open', 'open', 'open', 'ask-first', 'never'), {
      minLength: 7,
      maxLength: 7,
    }),
    budgets: fc.array(fc.constantFrom(undefined, 0, 1, 1, 2, 3), { minLength: 7, maxLength: 7 }),
    orgs: fc.array(fc.constantFrom(undefined, 'o1'), { minLength: 7, maxLength: 7 }),
    rels: fc.array(
      fc.record({
        a: fc.nat(6),
        b: fc.nat(6),
        strength: fc.constantFrom(0.2, 0.5, 0.7, 0.9),
        directed: fc.boolean(),
      }),
      { maxLength: 18 },
    ),
    requests: fc.array(
      fc.record({
        from: fc.nat(6),
        to: fc.nat(6),
        toOrganization: fc.boolean(),
        k: fc.integer({ min: 1, max: 3 }),
        maxHops: fc.constantFrom(2, 3, 4, Number.POSITIVE_INFINITY),
        avoid: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 1 }),
        diversity: fc.constantFrom('none' as const, 'disjoint' as const, { penalty: 1 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    defaultBudget: fc.constantFrom(0, 1, 2, Number.POSITIVE_INFINITY),
    order: fc.constantFrom('fewest-alternatives' as const, 'given' as const),
  })
  .map((c) => {
    const id = (i: number) => NAMES[i % c.size] as string;
    const network = createNetwork({
      organizations: [{ id: 'o1', name: 'O1' }],
      people: Array.from({ length: c.size }, (_, i) => ({
        id: id(i),
        name: id(i),
        introductions: c.policies[i] as 'open',
        ...(c.budgets[i] === undefined ? {} : { maxIntroductionsPerPeriod: c.budgets[i] }),
        ...(c.orgs[i] ? { organizationId: 'o1' } : {}),
      })),
      relationships: c.rels
        .filter((r) => id(r.a) !== id(r.b))
        .map((r) => tie(id(r.a), id(r.b), r.strength, r.directed ? { directed: true } : {})),
    });
    const requests: IntroductionRequest[] = c.requests.map((r) => ({
      from: id(r.from),
      to: r.toOrganization ? { organization: 'o1' } : id(r.to),
      k: r.k,
      maxHops: r.maxHops,
      avoid: r.avoid.map(id),
      diversity: r.diversity,
    }));
    return { network, requests, defaultBudget: c.defaultBudget, order: c.order };
  });

function budgetOf(network: Network, id: string, defaultBudget: number): number {
  return network.person(id)?.maxIntroductionsPerPeriod ?? defaultBudget;
}

describe('planIntroductions on random networks', () => {
  it('never exceeds a budget, and leaves unserved only requests with no chain within the budgets', () => {
    fc.assert(
      fc.property(arbitraryPlanCase, ({ network, requests, defaultBudget, order }) => {
        const plan = planIntroductions(network, requests, { defaultBudget, order });
        // Every request once, served or not; the order is a permutation.
        expect([...plan.order].sort((a, b) => a - b)).toEqual(requests.map((_, i) => i));
        const seen = [...plan.assignments, ...plan.unserved].map((x) => x.request);
        expect(seen.sort((a, b) => a - b)).toEqual(requests.map((_, i) => i));

        // The load is what the assigned chains use, and within every budget.
        const counted = new Map<string, number>();
        for (const { request, paths } of plan.assignments) {
          const r = requests[request] as IntroductionRequest;
          expect(paths.length).toBeGreaterThanOrEqual(1);
          expect(paths.length).toBeLessThanOrEqual(r.k ?? PLAN_DEFAULTS.k);
          expect(new Set(paths.map((p) => p.people.join(' '))).size).toBe(paths.length);
          for (const path of paths) {
            expect(path.people[0]).toBe(r.from);
            for (const middle of path.people.slice(1, -1)) {
              expect(network.introductionPolicy(middle)).not.toBe('never');
              expect(r.avoid).not.toContain(middle);
              counted.set(middle, (counted.get(middle) ?? 0) + 1);
            }
          }
        }
        expect(new Map([...plan.load])).toEqual(counted);
        for (const [id, used] of plan.load)
          expect(used).toBeLessThanOrEqual(budgetOf(network, id, defaultBudget));

        for (const { request, reason, exhausted } of plan.unserved) {
          const r = requests[request] as IntroductionRequest;
          // With the people whose budgets were used up avoided, there is no chain at all.
          const within = findIntroductions(network, {
            ...r,
            avoid: [...(r.avoid ?? []), ...exhausted],
          });
          expect(within.paths).toEqual([]);
          const unlimited = findIntroductions(network, r).paths.length > 0;
          expect(reason).toBe(unlimited ? 'budgets-exhausted' : 'no-chain');
          // Those people really had no introductions left (loads only grow).
          for (const id of exhausted)
            expect(plan.load.get(id) ?? 0).toBeGreaterThanOrEqual(
              budgetOf(network, id, defaultBudget),
            );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with no budgets, gives each request exactly the chains findIntroductions gives', () => {
    fc.assert(
      fc.property(arbitraryPlanCase, ({ network, requests }) => {
        const open = createNetwork({
          ...network.dataset,
          people: network.people.map(({ maxIntroductionsPerPeriod: _, ...p }) => p),
        });
        const plan = planIntroductions(open, requests);
        requests.forEach((r, i) => {
          const expected = findIntroductions(open, { ...r, k: r.k ?? 1 }).paths;
          const got = plan.assignments.find((a) => a.request === i)?.paths ?? [];
          expect(got.map((p) => p.people)).toEqual(expected.map((p) => p.people));
        });
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Chains checked against brute force: on small random networks, every simple chain is listed
 * with its cost computed from the ties directly, and the finder's answers are compared to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  findIntroductions,
  type IntroductionPath,
  type Network,
  type NetworkInput,
} from '../../src/index.js';

const ASK_FIRST = 0.8;

const arbitrarySmallNetwork = fc
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
        strength: fc.constantFrom(0.1, 0.3, 0.5, 0.5, 0.7, 0.9, 1),
        directed: fc.boolean(),
      }),
      { maxLength: 16 },
    ),
    group: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 3 }),
  })
  .map(({ size, policies, orgs, rels, group }): NetworkInput => {
    const id = (i: number) => ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus'][i] as string;
    return {
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
      relationships: rels
        .filter((r) => r.a < size && r.b < size && r.a !== r.b)
        .map((r) => ({
          source: id(r.a),
          target: id(r.b),
          kind: 'other' as const,
          strength: r.strength,
          ...(r.directed ? { directed: true } : {}),
        })),
    };
  });

interface Brute {
  readonly people: string[];
  readonly cost: number;
}

/** Every simple chain within the rules, straight from the network's ties. */
function allChains(
  network: Network,
  from: string,
  targets: Set<string>,
  maxHops: number,
  blocked: Set<string>,
  minStrength = 0,
): Brute[] {
  const out: Brute[] = [];
  if (targets.has(from)) return [{ people: [from], cost: 0 }];
  const step = (u: string, v: string): number => {
    const tie = network.tie(u, v);
    if (!tie) return 0;
    return tie.source === u ? tie.forward : tie.backward;
  };
  const walk = (path: string[], cost: number): void => {
    const u = path[path.length - 1] as string;
    if (path.length - 1 >= maxHops) return;
    for (const tie of network.tiesOf(u)) {
      const v = tie.source === u ? tie.target : tie.source;
      const s = step(u, v);
      if (s <= 0 || s < minStrength || path.includes(v)) continue;
      let c = cost - Math.log(s);
      if (path.length > 1) {
        const policy = network.introductionPolicy(u);
        if (policy === 'ask-first') c -= Math.log(ASK_FIRST);
      }
      if (targets.has(v)) {
        out.push({ people: [...path, v], cost: c });
        continue;
      }
      if (blocked.has(v) || network.introductionPolicy(v) === 'never') continue;
      walk([...path, v], c);
    }
  };
  walk([from], 0);
  return out.sort((a, b) => a.cost - b.cost);
}

/** The cost of a returned chain, recomputed from the ties. */
function recompute(network: Network, path: IntroductionPath): number {
  let cost = 0;
  path.people.slice(1).forEach((v, i) => {
    const u = path.people[i] as string;
    const tie = network.tie(u, v);
    expect(tie, `${u}-${v} is a tie`).toBeDefined();
    const s = tie?.source === u ? tie.forward : (tie?.backward ?? 0);
    cost -= Math.log(s);
    if (i > 0 && network.introductionPolicy(u) === 'ask-first') cost -= Math.log(ASK_FIRST);
  });
  return cost;
}

const query = fc.record({
  from: fc.integer({ min: 0, max: 6 }),
  to: fc.integer({ min: 0, max: 6 }),
  k: fc.integer({ min: 1, max: 6 }),
  maxHops: fc.constantFrom(1, 2, 3, 4, Number.POSITIVE_INFINITY),
  avoid: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 2 }),
  avoidOrg: fc.boolean(),
  minStrength: fc.constantFrom(undefined, 0.3),
});

function setup(input: NetworkInput, q: typeof query extends fc.Arbitrary<infer T> ? T : never) {
  const network = createNetwork(input);
  const ids = network.people.map((p) => p.id);
  const from = ids[q.from % ids.length] as string;
  const to = ids[q.to % ids.length] as string;
  const avoid = q.avoid.filter((i) => i < ids.length).map((i) => ids[i] as string);
  const avoidOrganizations = q.avoidOrg ? ['o2'] : [];
  const blocked = new Set([
    ...avoid,
    ...network.people
      .filter((p) => avoidOrganizations.includes(p.organizationId ?? ''))
      .map((p) => p.id),
  ]);
  return { network, from, to, avoid, avoidOrganizations, blocked };
}

describe('findIntroductions against brute force', () => {
  it('returns the k cheapest simple chains within every rule, with costs that recompute', () => {
    fc.assert(
      fc.property(arbitrarySmallNetwork, query, (input, q) => {
        const { network, from, to, avoid, avoidOrganizations, blocked } = setup(input, q);
        const options = {
          from,
          to,
          k: q.k,
          maxHops: q.maxHops,
          avoid,
          avoidOrganizations,
          ...(q.minStrength ? { minStrength: q.minStrength } : {}),
        };
        const { paths, atLeastOne } = findIntroductions(network, options);
        const brute = allChains(
          network,
          from,
          new Set([to]),
          q.maxHops,
          blocked,
          q.minStrength ?? 0,
        );
        expect(paths.map((p) => p.cost)).toHaveLength(Math.min(q.k, brute.length));
        paths.forEach((path, i) => {
          expect(path.cost).toBeCloseTo((brute[i] as Brute).cost, 9);
          expect(recompute(network, path)).toBeCloseTo(path.cost, 9);
          expect(path.probability).toBeCloseTo(Math.exp(-path.cost), 12);
          expect(path.people[0]).toBe(from);
          expect(path.people[path.people.length - 1]).toBe(to);
          expect(new Set(path.people).size).toBe(path.people.length);
          expect(path.hops.length).toBeLessThanOrEqual(q.maxHops);
          for (const person of path.people.slice(1, -1)) {
            expect(blocked.has(person)).toBe(false);
            expect(network.introductionPolicy(person)).not.toBe('never');
          }
        });
        const keys = paths.map((p) => p.people.join('>'));
        expect(new Set(keys).size).toBe(keys.length);
        for (let i = 1; i < paths.length; i++)
          expect((paths[i] as IntroductionPath).cost).toBeGreaterThanOrEqual(
            (paths[i - 1] as IntroductionPath).cost - 1e-12,
          );
        if (paths.length > 0)
          expect(atLeastOne).toBeGreaterThanOrEqual(
            (paths[0] as IntroductionPath).probability - 1e-12,
          );
        else expect(atLeastOne).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('finds disjoint chains: no shared intermediary, the first one the best', () => {
    fc.assert(
      fc.property(arbitrarySmallNetwork, query, (input, q) => {
        const { network, from, to } = setup(input, q);
        const { paths } = findIntroductions(network, {
          from,
          to,
          k: q.k,
          maxHops: q.maxHops,
          diversity: 'disjoint',
        });
        const brute = allChains(network, from, new Set([to]), q.maxHops, new Set());
        if (brute.length === 0) {
          expect(paths).toEqual([]);
          return;
        }
        expect(paths[0]?.cost).toBeCloseTo((brute[0] as Brute).cost, 9);
        const used = new Set<string>();
        for (const path of paths) {
          for (const person of path.people.slice(1, -1)) {
            expect(used.has(person)).toBe(false);
            used.add(person);
          }
          expect(recompute(network, path)).toBeCloseTo(path.cost, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends organisation chains at the first member reached', () => {
    fc.assert(
      fc.property(arbitrarySmallNetwork, query, (input, q) => {
        const { network, from } = setup(input, q);
        const members = new Set(
          network.people.filter((p) => p.organizationId === 'o1').map((p) => p.id),
        );
        const { paths, target } = findIntroductions(network, {
          from,
          to: { organization: 'o1' },
          k: q.k,
          maxHops: q.maxHops,
        });
        const brute = allChains(network, from, members, q.maxHops, new Set());
        expect(paths.map((p) => p.cost)).toHaveLength(Math.min(q.k, brute.length));
        paths.forEach((path, i) => {
          expect(path.cost).toBeCloseTo((brute[i] as Brute).cost, 9);
          expect(members.has(path.people[path.people.length - 1] as string)).toBe(true);
        });
        expect(target.type === 'organization' && [...target.personIds].sort()).toEqual(
          [...new Set(paths.map((p) => p.people[p.people.length - 1]))].sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('computes atLeastOne exactly, counting shared hops once', () => {
    fc.assert(
      fc.property(arbitrarySmallNetwork, query, (input, q) => {
        const { network, from, to } = setup(input, q);
        const { paths, atLeastOne } = findIntroductions(network, {
          from,
          to,
          k: Math.min(q.k, 4),
          maxHops: 3,
        });
        // Enumerate every success/failure outcome of the distinct hops.
        const hops = new Map<string, number>();
        for (const path of paths)
          for (const hop of path.hops) hops.set(`${hop.from}>${hop.to}`, hop.probability);
        const keys = [...hops.keys()];
        if (keys.length > 14) return;
        let expected = 0;
        for (let mask = 0; mask < 1 << keys.length; mask++) {
          let p = 1;
          keys.forEach((key, i) => {
            p *= mask & (1 << i) ? (hops.get(key) as number) : 1 - (hops.get(key) as number);
          });
          const ok = paths.some((path) =>
            path.hops.every((hop) => mask & (1 << keys.indexOf(`${hop.from}>${hop.to}`))),
          );
          if (ok) expected += p;
        }
        expect(atLeastOne).toBeCloseTo(paths.some((p) => p.hops.length === 0) ? 1 : expected, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(arbitrarySmallNetwork, query, fc.integer(), (input, q, seed) => {
        const { network, from, to } = setup(input, q);
        const shuffle = <T>(list: readonly T[] | undefined): T[] => {
          const out = [...(list ?? [])];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled = createNetwork({
          ...input,
          people: shuffle(input.people),
          relationships: shuffle(input.relationships),
        });
        const a = findIntroductions(network, { from, to, k: q.k, maxHops: q.maxHops });
        const b = findIntroductions(shuffled, { from, to, k: q.k, maxHops: q.maxHops });
        expect(b.paths.map((p) => p.people)).toEqual(a.paths.map((p) => p.people));
      }),
      { numRuns: 300 },
    );
  });
});

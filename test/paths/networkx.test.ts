/**
 * Chain search against NetworkX: best chain, five best chains and hop-limited chains on three
 * classic graphs, compared with reference values from test/fixtures/paths/make_fixtures.py.
 *
 * Equal-cost chains may come in a different order from NetworkX than from warmpath, so costs are
 * always compared and the people on a chain only where its cost is unique within TOLERANCE.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findIntroductions, type Network } from '../../src/index.js';
import { type GraphFixture, networkOfFixture, readFixture } from '../support/fixtures.js';

/** Two costs closer than this are the same cost. */
const TOLERANCE = 1e-9;
/** How many chains the fixtures list per question (`k5`, and hop-limited `paths`). */
const K = 5;
const GRAPHS = ['karate', 'les-miserables', 'florentine'] as const;

interface FixturePath {
  readonly path: readonly string[];
  readonly cost: number;
}

interface FixtureHopLimit {
  readonly maxHops: number;
  readonly minCost: number | null;
  readonly paths: readonly FixturePath[];
}

interface FixtureQuery {
  readonly from: string;
  readonly to: string;
  readonly best: FixturePath;
  readonly bestCostAll: number;
  readonly k5: readonly FixturePath[];
  readonly hopLimited: readonly FixtureHopLimit[];
}

interface PathFixture extends GraphFixture {
  readonly queries: readonly FixtureQuery[];
}

/** What these tests read from a returned chain. */
interface ChainLike {
  readonly people: readonly string[];
  readonly cost: number;
  readonly probability: number;
}

function edgeKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** Strength of every tie, looked up in either direction. */
function strengthsOf(fixture: PathFixture): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const { source, target, strength } of fixture.edges) {
    strengths.set(edgeKey(source, target), strength);
    strengths.set(edgeKey(target, source), strength);
  }
  return strengths;
}

/** The chain's strengths, hop by hop, from the fixture's edges (throws on a missing tie). */
function hopStrengths(people: readonly string[], strengths: Map<string, number>): number[] {
  const result: number[] = [];
  let previous: string | undefined;
  for (const person of people) {
    if (previous !== undefined) {
      const strength = strengths.get(edgeKey(previous, person));
      if (strength === undefined) throw new Error(`no tie ${previous} – ${person} in the fixture`);
      result.push(strength);
    }
    previous = person;
  }
  return result;
}

function recomputedCost(people: readonly string[], strengths: Map<string, number>): number {
  return hopStrengths(people, strengths).reduce((total, s) => total - Math.log(s), 0);
}

/**
 * Indices of the listed chains whose cost no other chain shares: the neighbours in the (sorted)
 * list differ by more than TOLERANCE, and the last one only counts when the list is complete
 * (shorter than K), since an unlisted chain could tie with it.
 */
function uniquelyRanked(paths: readonly FixturePath[]): number[] {
  const costs = paths.map((p) => p.cost);
  const unique: number[] = [];
  for (const [i, cost] of costs.entries()) {
    const before = costs[i - 1];
    const after = costs[i + 1];
    const clearBefore = before === undefined || cost - before > TOLERANCE;
    const clearAfter = after === undefined ? costs.length < K : after - cost > TOLERANCE;
    if (clearBefore && clearAfter) unique.push(i);
  }
  return unique;
}

function expectSameCosts(actual: readonly ChainLike[], expected: readonly FixturePath[]): void {
  expect(actual.map((p) => p.cost)).toHaveLength(expected.length);
  for (const [i, path] of expected.entries()) {
    expect(actual[i]?.cost, `cost of chain #${i + 1}`).toBeCloseTo(path.cost, 9);
  }
}

function expectSamePeopleWhereUnique(
  actual: readonly ChainLike[],
  expected: readonly FixturePath[],
): void {
  for (const i of uniquelyRanked(expected)) {
    expect(actual[i]?.people, `people on chain #${i + 1}`).toEqual(expected[i]?.path);
  }
}

/** Checks a returned chain on its own: ends, simplicity, hop limit, cost and probability. */
function expectValidChain(
  chain: ChainLike,
  query: FixtureQuery,
  maxHops: number,
  strengths: Map<string, number>,
): void {
  const { people } = chain;
  expect(people[0]).toBe(query.from);
  expect(people[people.length - 1]).toBe(query.to);
  expect(new Set(people).size, `${people.join(' → ')} repeats a person`).toBe(people.length);
  expect(people.length - 1).toBeLessThanOrEqual(maxHops);
  const hops = hopStrengths(people, strengths);
  expect(chain.cost).toBeCloseTo(recomputedCost(people, strengths), 9);
  const product = hops.reduce((p, s) => p * s, 1);
  expect(Math.abs(chain.probability - product)).toBeLessThanOrEqual(TOLERANCE * product);
}

function expectRanked(chains: readonly ChainLike[]): void {
  for (const [i, chain] of chains.entries()) {
    const next = chains[i + 1];
    if (next) expect(next.cost).toBeGreaterThanOrEqual(chain.cost - TOLERANCE);
  }
  const distinct = new Set(chains.map((c) => c.people.join('\u0000')));
  expect(distinct.size, 'the same chain listed twice').toBe(chains.length);
}

describe.each(GRAPHS)('NetworkX reference chains: %s', (name) => {
  const fixture = readFixture<PathFixture>(`paths/${name}.json`);
  const strengths = strengthsOf(fixture);
  let network: Network;

  beforeAll(() => {
    network = networkOfFixture(fixture);
  });

  it('has a self-consistent fixture', () => {
    expect(fixture.generatedBy).toMatch(/^make_fixtures\.py with NetworkX /);
    expect(fixture.queries).toHaveLength(25);
    for (const query of fixture.queries) {
      const listed = [query.best, ...query.k5, ...query.hopLimited.flatMap((h) => h.paths)];
      for (const path of listed) {
        expect(recomputedCost(path.path, strengths)).toBeCloseTo(path.cost, 9);
      }
      expect(query.best.cost).toBeCloseTo(query.bestCostAll, 9);
      expect(query.k5[0]?.cost).toBeCloseTo(query.bestCostAll, 9);
      expect(query.hopLimited.map((h) => h.maxHops)).toEqual([1, 2, 3]);
    }
  });

  for (const query of fixture.queries) {
    const { from, to } = query;

    describe(`${from} → ${to}`, () => {
      it('finds the most likely chain', () => {
        const { paths } = findIntroductions(network, {
          from,
          to,
          k: 1,
          maxHops: Infinity,
          diversity: 'none',
        });
        expect(paths).toHaveLength(1);
        const [best] = paths;
        if (!best) return;
        expect(best.cost).toBeCloseTo(query.bestCostAll, 9);
        expectValidChain(best, query, Infinity, strengths);
        const runnerUp = query.k5[1];
        if (runnerUp === undefined || runnerUp.cost > query.best.cost + TOLERANCE) {
          expect(best.people).toEqual(query.best.path);
        }
      });

      it('ranks the five most likely chains as NetworkX does', () => {
        const { paths } = findIntroductions(network, {
          from,
          to,
          k: K,
          maxHops: Infinity,
          diversity: 'none',
        });
        expectSameCosts(paths, query.k5);
        expectSamePeopleWhereUnique(paths, query.k5);
        expectRanked(paths);
        for (const chain of paths) expectValidChain(chain, query, Infinity, strengths);
      });

      it.each(query.hopLimited.map((limit) => [limit.maxHops, limit] as const))(
        'matches brute force within %i hops',
        (maxHops, limit) => {
          const { paths } = findIntroductions(network, {
            from,
            to,
            k: K,
            maxHops,
            diversity: 'none',
          });
          if (limit.minCost === null) expect(paths).toEqual([]);
          else expect(paths[0]?.cost).toBeCloseTo(limit.minCost, 9);
          expectSameCosts(paths, limit.paths);
          expectSamePeopleWhereUnique(paths, limit.paths);
          expectRanked(paths);
          for (const chain of paths) expectValidChain(chain, query, maxHops, strengths);
        },
      );
    });
  }
});

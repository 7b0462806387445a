/**
 * Resource limits: deep and long inputs never overflow the stack. A chain (the deepest shape: a
 * recursive walk would need one frame per person), a star (one person with every tie) and a
 * complete graph (the most ties per person), built with CompiledNetworkBuilder and, for the
 * chain, through createNetwork; then introductions, betweenness, closeness, harmonic centrality,
 * PageRank, communities and local bridges on them, and readers on long files.
 *
 * `npm test` runs these at sizes that take a few seconds (a 200,000-person chain and star, a
 * complete graph of 1,000 people); `npm run fuzz` (FUZZ_SCALE > 1) at 1,000,000 and 3,000
 * (4.5 million ties). Sizes and times are in docs/reliability.md.
 */
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  type CompiledNetwork,
  CompiledNetworkBuilder,
  closeness,
  communities,
  createNetwork,
  findIntroductions,
  harmonic,
  type IntroductionResult,
  LINKEDIN_COLUMNS,
  localBridges,
  networkFromCsv,
  networkFromJson,
  networkFromLinkedIn,
  networkToCsv,
  networkToJson,
  pagerank,
  referralChains,
  WorkLimitError,
} from '../../src/index.js';
import { LONG_RUN } from './harness.js';

const SIZES = LONG_RUN
  ? {
      chain: 1_000_000,
      star: 1_000_000,
      complete: 3_000,
      created: 1_000_000,
      closeness: 12_000,
      referrals: 300_000,
      namesakes: 200_000,
    }
  : {
      chain: 200_000,
      star: 200_000,
      complete: 1_000,
      created: 100_000,
      closeness: 3_000,
      referrals: 100_000,
      namesakes: 40_000,
    };

/** Generous: these run for seconds, and the long run for about a minute each. */
const TIMEOUT = LONG_RUN ? 900_000 : 120_000;

/** Runs `work`, printing its time in the long run (for docs/reliability.md). */
function timed<T>(what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  if (LONG_RUN || process.env['FUZZ_TIMES'])
    console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

/** Person ids that sort in index order, so the chain's ends are easy to name. */
const id = (i: number) => `p${String(i).padStart(7, '0')}`;

function chain(n: number): CompiledNetwork {
  const builder = new CompiledNetworkBuilder();
  for (let i = 0; i < n; i++) builder.addPerson(id(i));
  for (let i = 0; i + 1 < n; i++) builder.addTieByIndex(i, i + 1, 0.9, 0.9);
  return builder.build();
}

function star(leaves: number): CompiledNetwork {
  const builder = new CompiledNetworkBuilder();
  const hub = builder.addPerson('hub');
  for (let i = 0; i < leaves; i++) builder.addTieByIndex(hub, builder.addPerson(id(i)), 0.8, 0.8);
  return builder.build();
}

function complete(n: number): CompiledNetwork {
  const builder = new CompiledNetworkBuilder();
  for (let i = 0; i < n; i++) builder.addPerson(id(i));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) builder.addTieByIndex(i, j, 0.5 + ((i + j) % 7) / 20, 0.6);
  }
  return builder.build();
}

function expectFiniteScores(scores: ReadonlyMap<string, number>, n: number): void {
  expect(scores.size).toBe(n);
  let notFinite = 0;
  for (const value of scores.values()) if (!Number.isFinite(value)) notFinite++;
  expect(notFinite).toBe(0);
}

/** The measures every shape must survive; returns the likeliest chain from `from` to `to`. */
function survives(g: CompiledNetwork, name: string, from: string, to: string): IntroductionResult {
  const n = g.nodeCount;
  const one = timed(`${name}: findIntroductions, maxHops Infinity, k 1`, () =>
    findIntroductions(g, { from, to, maxHops: Number.POSITIVE_INFINITY, k: 1 }),
  );
  expect(one.paths).toHaveLength(1);
  const three = timed(`${name}: findIntroductions, maxHops Infinity, k 3`, () =>
    findIntroductions(g, { from, to, maxHops: Number.POSITIVE_INFINITY }),
  );
  // Compared as text: a deep comparison of million-item arrays would dominate the test.
  expect(three.paths[0]?.people.join('\n')).toBe(one.paths[0]?.people.join('\n'));
  timed(`${name}: findIntroductions, defaults`, () => findIntroductions(g, { from, to }));
  const sampled = timed(`${name}: betweenness, sample 4`, () =>
    betweenness(g, { sample: 4, seed: 1 }),
  );
  expectFiniteScores(sampled, n);
  expectFiniteScores(
    timed(`${name}: betweenness, unweighted, sample 4`, () =>
      betweenness(g, { sample: 4, seed: 1, weight: 'unweighted' }),
    ),
    n,
  );
  const ranks = timed(`${name}: pagerank`, () => pagerank(g));
  expectFiniteScores(ranks, n);
  expect([...ranks.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  const found = timed(`${name}: communities`, () => communities(g));
  expect(found.of.size).toBe(n);
  return one;
}

describe('resource limits: no stack overflow on deep or long inputs', () => {
  it(
    `a chain of ${SIZES.chain.toLocaleString('en')} people`,
    () => {
      const n = SIZES.chain;
      const g = timed(`chain ${n}: build`, () => chain(n));
      const longest = survives(g, `chain ${n}`, id(0), id(n - 1));
      expect(longest.paths[0]?.people).toHaveLength(n);
      // Within the default 4 hops there is no chain between the ends.
      expect(findIntroductions(g, { from: id(0), to: id(n - 1) }).paths).toEqual([]);
      // A work cap stops the search with a named error instead of running on.
      expect(() =>
        findIntroductions(g, {
          from: id(0),
          to: id(n - 1),
          maxHops: Number.POSITIVE_INFINITY,
          maxExpansions: 1_000,
        }),
      ).toThrow(WorkLimitError);
      const bridges = timed(`chain ${n}: localBridges`, () => localBridges(g));
      expect(bridges).toHaveLength(n - 1);
      expect(bridges.every((bridge) => bridge.span === Number.POSITIVE_INFINITY)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    `closeness and harmonic centrality on a chain of ${SIZES.closeness.toLocaleString('en')} (they have no sample option: O(n²))`,
    () => {
      const n = SIZES.closeness;
      const g = chain(n);
      const near = timed(`chain ${n}: closeness`, () => closeness(g));
      expectFiniteScores(near, n);
      // The middle of a chain is the closest to everyone.
      expect(near.get(id(n >> 1)) as number).toBeGreaterThan(near.get(id(0)) as number);
      expectFiniteScores(
        timed(`chain ${n}: harmonic`, () => harmonic(g, { weight: 'unweighted' })),
        n,
      );
      expectFiniteScores(
        timed(`star ${n}: closeness`, () => closeness(star(n - 1))),
        n,
      );
    },
    TIMEOUT,
  );

  it(
    `a star of ${SIZES.star.toLocaleString('en')} leaves`,
    () => {
      const n = SIZES.star;
      const g = timed(`star ${n}: build`, () => star(n));
      survives(g, `star ${n}`, id(0), id(n - 1));
      expect(findIntroductions(g, { from: id(0), to: id(n - 1) }).paths[0]?.people).toEqual([
        id(0),
        'hub',
        id(n - 1),
      ]);
      const bridges = timed(`star ${n}: localBridges`, () => localBridges(g));
      expect(bridges).toHaveLength(n);
    },
    TIMEOUT,
  );

  it(
    `a complete graph of ${SIZES.complete.toLocaleString('en')} people (${((SIZES.complete * (SIZES.complete - 1)) / 2).toLocaleString('en')} ties)`,
    () => {
      const n = SIZES.complete;
      const g = timed(`complete ${n}: build`, () => complete(n));
      expect(g.tieCount).toBe((n * (n - 1)) / 2);
      survives(g, `complete ${n}`, id(0), id(n - 1));
      if (!LONG_RUN) {
        // O(m^1.5) triangles: 4.5e9 at 3,000 people, so only at the smaller size.
        expect(timed(`complete ${n}: localBridges`, () => localBridges(g))).toEqual([]);
      }
    },
    TIMEOUT,
  );

  it(
    `a chain of ${SIZES.created.toLocaleString('en')} people through createNetwork, JSON and CSV`,
    () => {
      const n = SIZES.created;
      const network = timed(`createNetwork chain ${n}`, () =>
        createNetwork({
          people: Array.from({ length: n }, (_, i) => ({ id: id(i), name: `P${i}` })),
          relationships: Array.from({ length: n - 1 }, (_, i) => ({
            source: id(i),
            target: id(i + 1),
            kind: 'friend' as const,
            strength: 0.9,
          })),
        }),
      );
      const found = timed(`createNetwork chain ${n}: findIntroductions, maxHops Infinity`, () =>
        findIntroductions(network, {
          from: id(0),
          to: id(n - 1),
          maxHops: Number.POSITIVE_INFINITY,
          k: 1,
        }),
      );
      expect(found.paths[0]?.hops).toHaveLength(n - 1);
      const json = timed(`createNetwork chain ${n}: networkToJson`, () => networkToJson(network));
      expect(timed(`chain ${n}: networkFromJson`, () => networkFromJson(json)).people).toHaveLength(
        n,
      );
      const csv = networkToCsv(network);
      expect(timed(`chain ${n}: networkFromCsv`, () => networkFromCsv(csv)).people).toHaveLength(n);
    },
    TIMEOUT,
  );

  it(
    `a referral chain of ${SIZES.referrals.toLocaleString('en')} hires, each referred by the one hired before`,
    () => {
      const n = SIZES.referrals;
      const day = (i: number) =>
        `${new Date(Date.UTC(2000, 0, 1) + i * 60_000).toISOString().slice(0, 19)}Z`;
      const network = createNetwork({
        organizations: [{ id: 'o', name: 'O' }],
        people: Array.from({ length: n + 1 }, (_, i) => ({ id: id(i), name: `P${i}` })),
        jobs: Array.from({ length: n }, (_, i) => ({
          id: `j${i}`,
          title: 'J',
          organizationId: 'o',
          hiringManagerId: id(0),
          requirements: [],
          status: 'filled' as const,
        })),
        hires: Array.from({ length: n }, (_, i) => ({
          personId: id(i + 1),
          jobId: `j${i}`,
          date: day(i),
          channel: 'referral' as const,
          referrerId: id(i),
        })),
      });
      const chains = timed(`referralChains ${n}`, () => referralChains(network));
      expect(chains.trees).toHaveLength(1);
      expect(chains.trees[0]?.depth).toBe(n);
      expect(chains.lengths).toEqual([{ length: n, count: 1 }]);
    },
    TIMEOUT,
  );

  it(
    `a LinkedIn export of ${SIZES.namesakes.toLocaleString('en')} people of the same name`,
    () => {
      const n = SIZES.namesakes;
      const text = `${LINKEDIN_COLUMNS.join(',')}\n${'Jo,Smith,,,Acme,Dev,12 Mar 2024\n'.repeat(n)}`;
      const network = timed(`networkFromLinkedIn ${n} namesakes`, () =>
        networkFromLinkedIn(text, { owner: 'Jacob Ellis' }),
      );
      expect(network.people).toHaveLength(n + 1);
      expect(network.people[n]?.id).toBe(`jo-smith-${n}`);
    },
    TIMEOUT,
  );
});

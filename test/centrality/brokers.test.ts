import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { introductionBrokers } from '../../src/centrality/brokers.js';
import { createNetwork, type Network, type NetworkInput } from '../../src/index.js';

const NAMES = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay'];

/** Small networks where every tie has strength 0.5, so equal-length chains have exactly equal costs. */
const arbitraryHiringNetwork = fc
  .record({
    size: fc.integer({ min: 3, max: 6 }),
    never: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    rels: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: 5 }),
        b: fc.integer({ min: 0, max: 5 }),
        directed: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
    managers: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
  })
  .map(
    ({ size, never, rels, managers }): NetworkInput => ({
      organizations: [{ id: 'org', name: 'Org' }],
      people: NAMES.slice(0, size).map((id, i) => ({
        id,
        name: id,
        ...(never[i] ? { introductions: 'never' as const } : {}),
      })),
      jobs: managers.map((m, j) => ({
        id: `job${j}`,
        title: 'Job',
        organizationId: 'org',
        hiringManagerId: NAMES[m % size] as string,
        requirements: [],
        status: 'open' as const,
      })),
      relationships: rels
        .filter((r) => r.a < size && r.b < size && r.a !== r.b)
        .map((r) => ({
          source: NAMES[r.a] as string,
          target: NAMES[r.b] as string,
          kind: 'other' as const,
          strength: 0.5,
          ...(r.directed ? { directed: true } : {}),
        })),
    }),
  );

/** The fewest-hop chains from s to t (all hops cost the same), by enumerating every simple chain. */
function shortestChains(network: Network, s: string, t: string): string[][] {
  let best: string[][] = [];
  const walk = (path: string[]): void => {
    const u = path[path.length - 1] as string;
    if (best.length > 0 && path.length > (best[0] as string[]).length) return;
    for (const tie of network.tiesOf(u)) {
      const v = tie.source === u ? tie.target : tie.source;
      const usable = tie.source === u ? tie.forward > 0 : tie.backward > 0;
      if (!usable || path.includes(v)) continue;
      if (v === t) {
        const chain = [...path, v];
        if (best.length === 0 || chain.length < (best[0] as string[]).length) best = [chain];
        else if (chain.length === (best[0] as string[]).length) best.push(chain);
        continue;
      }
      if (network.introductionPolicy(v) === 'never') continue;
      walk([...path, v]);
    }
  };
  walk([s]);
  return best;
}

describe('introductionBrokers', () => {
  it('gives each intermediary its share of the likeliest chains to every open job (against brute force)', () => {
    fc.assert(
      fc.property(arbitraryHiringNetwork, (input) => {
        const network = createNetwork(input);
        const expected = new Map<string, { score: number; chains: number; jobs: Set<string> }>();
        for (const candidate of network.people) {
          for (const job of network.openJobs()) {
            if (candidate.id === job.hiringManagerId) continue;
            const chains = shortestChains(network, candidate.id, job.hiringManagerId);
            const through = new Map<string, number>();
            for (const chain of chains)
              for (const v of chain.slice(1, -1)) through.set(v, (through.get(v) ?? 0) + 1);
            for (const [v, k] of through) {
              const entry = expected.get(v) ?? { score: 0, chains: 0, jobs: new Set<string>() };
              entry.score += k / chains.length;
              entry.chains += 1;
              entry.jobs.add(job.id);
              expected.set(v, entry);
            }
          }
        }
        const brokers = introductionBrokers(network);
        expect(brokers.map((b) => b.personId).sort()).toEqual([...expected.keys()].sort());
        for (const broker of brokers) {
          const want = expected.get(broker.personId);
          expect(broker.score).toBeCloseTo(want?.score ?? 0, 9);
          expect(broker.chains).toBe(want?.chains);
          expect([...broker.jobs].sort()).toEqual([...(want?.jobs ?? [])].sort());
          expect(network.introductionPolicy(broker.personId)).not.toBe('never');
        }
        for (let i = 1; i < brokers.length; i++)
          expect((brokers[i] as { score: number }).score).toBeLessThanOrEqual(
            (brokers[i - 1] as { score: number }).score,
          );
      }),
      { numRuns: 300 },
    );
  });

  it('restricts to given candidates and jobs, and names unknown ones', () => {
    const network = createNetwork({
      organizations: [{ id: 'o', name: 'O' }],
      people: NAMES.map((id) => ({ id, name: id })),
      jobs: [
        {
          id: 'j1',
          title: 'J1',
          organizationId: 'o',
          hiringManagerId: 'cy',
          requirements: [],
          status: 'open',
        },
        {
          id: 'j2',
          title: 'J2',
          organizationId: 'o',
          hiringManagerId: 'fay',
          requirements: [],
          status: 'filled',
        },
      ],
      relationships: [
        { source: 'ann', target: 'bob', kind: 'friend', strength: 0.9 },
        { source: 'bob', target: 'cy', kind: 'friend', strength: 0.9 },
        { source: 'cy', target: 'dee', kind: 'friend', strength: 0.9 },
        { source: 'dee', target: 'fay', kind: 'friend', strength: 0.9 },
      ],
    });
    expect(introductionBrokers(network, { candidates: ['ann'] })).toEqual([
      { personId: 'bob', score: 1, chains: 1, jobs: ['j1'] },
    ]);
    expect(
      introductionBrokers(network, { candidates: ['ann'], jobs: ['j2'] }).map((b) => b.personId),
    ).toEqual(['bob', 'cy', 'dee']);
    expect(() => introductionBrokers(network, { candidates: ['anne'], jobs: ['j3'] })).toThrow(
      expect.objectContaining({
        name: 'UnknownEntityError',
        missing: [
          expect.objectContaining({ id: 'anne', suggestion: 'ann' }),
          expect.objectContaining({ id: 'j3' }),
        ],
      }),
    );
    expect(() => introductionBrokers(network, { limit: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
  });
});

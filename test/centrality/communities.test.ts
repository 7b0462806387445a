import { describe, expect, it } from 'vitest';
import {
  betweenness,
  bridgingTies,
  communities,
  constraint,
  createNetwork,
  modularity,
  type NetworkInput,
  topConnectors,
} from '../../src/index.js';

/** Two cliques of four joined by one weak tie between d and e. */
function twoCliques(order: 'forward' | 'reverse' = 'forward'): NetworkInput {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const relationships = [];
  for (const group of [ids.slice(0, 4), ids.slice(4)]) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++)
        relationships.push({
          source: group[i] as string,
          target: group[j] as string,
          kind: 'colleague' as const,
          strength: 0.9,
        });
    }
  }
  relationships.push({ source: 'd', target: 'e', kind: 'other' as const, strength: 0.1 });
  const people = ids.map((id) => ({ id, name: id.toUpperCase() }));
  return order === 'forward'
    ? { people, relationships }
    : { people: people.reverse(), relationships: relationships.reverse() };
}

describe('communities', () => {
  it('finds the two cliques, numbered by first appearance, with their modularity', () => {
    const network = createNetwork(twoCliques());
    const found = communities(network);
    expect(found.members).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ]);
    expect(found.of.get('h')).toBe(1);
    expect(found.modularity).toBeCloseTo(modularity(network, found.members), 15);
    // By hand: W = 12 × 0.9 + 0.1; each clique holds 6 × 0.9 and has degree 12 × 0.9 + 0.1 in total.
    const W = 12 * 0.9 + 0.1;
    expect(found.modularity).toBeCloseTo(
      2 * ((6 * 0.9) / W - ((6 * 1.8 + 0.1) / (2 * W)) ** 2),
      12,
    );
  });

  it('gives the same division for the same seed, whatever the input order', () => {
    const a = communities(createNetwork(twoCliques()), { seed: 5 });
    const b = communities(createNetwork(twoCliques('reverse')), { seed: 5 });
    const partition = (c: typeof a) => c.members.map((m) => [...m].sort().join(',')).sort();
    expect(partition(b)).toEqual(partition(a));
  });

  it('names the ties that bridge communities', () => {
    const network = createNetwork(twoCliques());
    expect(bridgingTies(network)).toEqual([
      { source: 'd', target: 'e', strength: 0.1, communities: [0, 1] },
    ]);
  });

  it('refuses a division that is not a partition, and bad options', () => {
    const network = createNetwork(twoCliques());
    expect(() => modularity(network, [['a', 'b'], ['b']])).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
    expect(() => modularity(network, [['a']])).toThrow(/is in no community/);
    expect(() => communities(network, { resolution: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
  });
});

describe('topConnectors', () => {
  const network = createNetwork(twoCliques());

  it('ranks by the chosen measure and explains each', () => {
    const top = topConnectors(network, { n: 2 });
    const scores = betweenness(network);
    expect(top.map((c) => c.personId)).toEqual(['d', 'e']);
    expect(top[0]).toMatchObject({
      rank: 1,
      name: 'D',
      score: scores.get('d'),
      ties: 4,
      communitiesReached: 2,
    });
    expect(top[0]?.reason).toBe(
      `D: betweenness ${(scores.get('d') as number).toFixed(3)}; 4 ties reaching 2 communities`,
    );
  });

  it('ranks low constraint first and breaks ties by id', () => {
    const top = topConnectors(network, { metric: 'constraint', n: 8 });
    const scores = constraint(network);
    const sorted = [...scores]
      .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))
      .map(([id]) => id);
    expect(top.map((c) => c.personId)).toEqual(sorted);
  });

  it('refuses unknown metrics', () => {
    expect(() => topConnectors(network, { metric: 'betweeness' as never })).toThrow(
      /did you mean "betweenness"/,
    );
    expect(() => topConnectors(network, { n: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
  });

  it('reports progress and stops on abort for the measures that run long', () => {
    for (const metric of ['betweenness', 'pagerank', 'closeness', 'brokers'] as const) {
      const calls: [number, number][] = [];
      topConnectors(network, { metric, onProgress: (done, total) => calls.push([done, total]) });
      expect(calls.length, metric).toBeGreaterThan(0);
      const [done, total] = calls[calls.length - 1] as [number, number];
      expect(done, metric).toBe(total);
      const controller = new AbortController();
      controller.abort(new Error(`stop ${metric}`));
      expect(() => topConnectors(network, { metric, signal: controller.signal })).toThrow(
        `stop ${metric}`,
      );
    }
  });
});

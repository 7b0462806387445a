import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../src/centrality/betweenness.js';
import { betweennessParallel } from '../../src/centrality/betweenness-parallel.js';
import { createNetwork, type NetworkInput } from '../../src/index.js';

const arbitraryGraph = fc
  .record({
    size: fc.integer({ min: 3, max: 12 }),
    rels: fc.array(
      fc.record({
        a: fc.nat(11),
        b: fc.nat(11),
        strength: fc.constantFrom(0.2, 0.4, 0.5, 0.7, 0.9),
      }),
      { maxLength: 30 },
    ),
  })
  .map(
    ({ size, rels }): NetworkInput => ({
      people: Array.from({ length: size }, (_, i) => ({ id: `p${i}`, name: `P${i}` })),
      relationships: rels
        .filter((r) => r.a < size && r.b < size && r.a !== r.b)
        .map((r) => ({
          source: `p${r.a}`,
          target: `p${r.b}`,
          kind: 'other' as const,
          strength: r.strength,
        })),
    }),
  );

function expectSameScores(a: Map<string, number>, b: Map<string, number>, digits = 12): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [id, score] of a) expect(b.get(id), id).toBeCloseTo(score, digits);
}

describe('betweenness', () => {
  it('scores a path graph by hand', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'other', strength: 0.5 },
        { source: 'b', target: 'c', kind: 'other', strength: 0.5 },
        { source: 'c', target: 'd', kind: 'other', strength: 0.5 },
      ],
    });
    // b lies between a–c and a–d: 2 of the 3 pairs not involving b; normalised by (n−1)(n−2)/2 = 3.
    expect([...betweenness(network)]).toEqual([
      ['a', 0],
      ['b', 2 / 3],
      ['c', 2 / 3],
      ['d', 0],
    ]);
    expect(betweenness(network, { normalized: false }).get('b')).toBe(2);
  });

  it('counts each path once across a tie of strength 1 (cost 0)', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'other', strength: 1 },
        { source: 'b', target: 'c', kind: 'other', strength: 0.5 },
        { source: 'c', target: 'd', kind: 'other', strength: 0.5 },
      ],
    });
    // A tree: b and c each lie on the chains of 2 of the 3 pairs not involving them.
    const scores = betweenness(network, { normalized: false });
    expect(scores.get('b')).toBe(2);
    expect(scores.get('c')).toBe(2);
  });

  it('splits credit between equally likely chains', () => {
    const network = createNetwork({
      people: ['s', 'x', 'y', 't'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 's', target: 'x', kind: 'other', strength: 0.5 },
        { source: 's', target: 'y', kind: 'other', strength: 0.5 },
        { source: 'x', target: 't', kind: 'other', strength: 0.5 },
        { source: 'y', target: 't', kind: 'other', strength: 0.5 },
      ],
    });
    const scores = betweenness(network, { normalized: false });
    expect(scores.get('x')).toBe(0.5);
    expect(scores.get('y')).toBe(0.5);
  });

  it('restricted to all pairs equals full betweenness (property)', () => {
    fc.assert(
      fc.property(arbitraryGraph, (input) => {
        const network = createNetwork(input);
        const ids = network.people.map((p) => p.id);
        const full = betweenness(network);
        expectSameScores(full, betweenness(network, { sources: ids, targets: ids }));
        const pairs = ids.flatMap((s) => ids.filter((t) => t !== s).map((t) => [s, t] as const));
        expectSameScores(full, betweenness(network, { pairs }));
      }),
      { numRuns: 150 },
    );
  });

  it('is invariant under relabelling and input order (property)', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const network = createNetwork(input);
        const rename = (id: string) => `z${(Number(id.slice(1)) * 7 + seed) % 1000}-${id}`;
        const people = [...(input.people ?? [])].reverse().map((p) => ({ ...p, id: rename(p.id) }));
        const relationships = [...(input.relationships ?? [])]
          .reverse()
          .map((r) => ({ ...r, source: rename(r.target), target: rename(r.source) }));
        const renamed = betweenness(createNetwork({ people, relationships }));
        for (const [id, score] of betweenness(network))
          expect(renamed.get(rename(id))).toBeCloseTo(score, 12);
      }),
      { numRuns: 150 },
    );
  });

  it('estimates within the documented bound when sampling', () => {
    // A seeded random network of 400 people; the bound is ε = n/(n−1)·sqrt(ln(2/δ)/(2k)).
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const n = 400;
    const relationships = [];
    for (let i = 1; i < n; i++) {
      for (let e = 0; e < 3; e++) {
        const j = Math.floor(random() * i);
        relationships.push({
          source: `p${i}`,
          target: `p${j}`,
          kind: 'other' as const,
          strength: 0.1 + 0.8 * random(),
        });
      }
    }
    const network = createNetwork({
      people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` })),
      relationships,
    });
    const exact = betweenness(network);
    const k = 100;
    const delta = 0.001;
    const epsilon = (n / (n - 1)) * Math.sqrt(Math.log(2 / delta) / (2 * k));
    const estimate = betweenness(network, { sample: k, seed: 42 });
    let worst = 0;
    for (const [id, value] of exact)
      worst = Math.max(worst, Math.abs((estimate.get(id) as number) - value));
    expect(worst).toBeLessThan(epsilon);
    // Unbiased: averaged over seeds, the estimate approaches the exact value.
    const mean = new Map<string, number>();
    for (let seed = 1; seed <= 20; seed++) {
      for (const [id, value] of betweenness(network, { sample: k, seed }))
        mean.set(id, (mean.get(id) ?? 0) + value / 20);
    }
    let meanError = 0;
    for (const [id, value] of exact) meanError += Math.abs((mean.get(id) as number) - value) / n;
    expect(meanError).toBeLessThan(0.25 * worst);
    // The same seed gives the same estimate.
    expect([...betweenness(network, { sample: k, seed: 42 })]).toEqual([...estimate]);
  });

  it('gives the same scores on worker threads', async () => {
    const input = fc.sample(arbitraryGraph, { numRuns: 1, seed: 7 })[0] as NetworkInput;
    const network = createNetwork(input);
    expectSameScores(betweenness(network), await betweennessParallel(network, { workers: 2 }), 14);
    expectSameScores(
      betweenness(network, { weight: 'unweighted' }),
      await betweennessParallel(network, { workers: 2, weight: 'unweighted' }),
      14,
    );
    const progress: number[] = [];
    await betweennessParallel(network, { workers: 2, onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(network.people.length);
  });

  it('reports progress, stops when aborted, and refuses bad options and unknown people', async () => {
    const network = createNetwork(
      fc.sample(arbitraryGraph, { numRuns: 1, seed: 3 })[0] as NetworkInput,
    );
    const seen: [number, number][] = [];
    betweenness(network, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([network.people.length, network.people.length]);
    const controller = new AbortController();
    controller.abort();
    expect(() => betweenness(network, { signal: controller.signal })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    await expect(
      betweennessParallel(network, { signal: controller.signal, workers: 2 }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(() => betweenness(network, { sample: 0, normalised: true } as never)).toThrow(
      expect.objectContaining({
        name: 'InvalidOptionsError',
        issues: [
          expect.objectContaining({ path: 'normalised' }),
          expect.objectContaining({ path: 'sample' }),
        ],
      }),
    );
    expect(() => betweenness(network, { sources: ['p0', 'q9'] })).toThrow(
      expect.objectContaining({ name: 'UnknownEntityError' }),
    );
    const pair = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      relationships: [{ source: 'a', target: 'b', kind: 'other', strength: 0.5 }],
    });
    expect(() => betweenness(pair, { weight: () => Number.NaN })).toThrow(
      /returned NaN for the tie "a"–"b"/,
    );
  });
});

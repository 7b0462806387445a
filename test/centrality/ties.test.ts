/**
 * Tie-level measures: local bridges with their span, embeddedness and neighbourhood overlap.
 * Hand-checked small networks, a brute-force reference on random networks, input-order
 * invariance, option errors and awkward ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LocalBridge, localBridges } from '../../src/centrality/local-bridges.js';
import { embeddedness, neighborhoodOverlap } from '../../src/centrality/tie-overlap.js';
import {
  CompiledNetworkBuilder,
  compileNetwork,
  InvalidOptionsError,
  type Network,
} from '../../src/index.js';
import {
  adjacencyOf,
  pendant,
  plainDistances,
  reversedTieNetwork,
  type Tie,
  tieNetwork,
} from '../support/tie-networks.js';

const pairKey = (a: string, b: string): string => JSON.stringify(a < b ? [a, b] : [b, a]);

// `pendant` is the triangle a–b–c, with d hanging off c, and e alone.
// Two triangles joined by the tie c–d.
const barbell = tieNetwork(
  ['a', 'b', 'c', 'd', 'e', 'f'],
  [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
    ['f', 'd'],
  ],
);
// The square a–b–c–d–a.
const square = tieNetwork(
  ['a', 'b', 'c', 'd'],
  [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'a'],
  ],
);
// Two cycles sharing s–t: a short weak one s–x–y–t and a long strong one s–p–q–r–t.
const WEAK = 0.2;
const STRONG = 0.9;
const twoCycles = tieNetwork(
  ['s', 't', 'x', 'y', 'p', 'q', 'r'],
  [
    ['s', 't', 0.5],
    ['s', 'x', WEAK],
    ['x', 'y', WEAK],
    ['y', 't', WEAK],
    ['s', 'p', STRONG],
    ['p', 'q', STRONG],
    ['q', 'r', STRONG],
    ['r', 't', STRONG],
  ],
);

describe('localBridges', () => {
  it('finds ties in no triangle; a bridge proper has span Infinity', () => {
    expect(localBridges(pendant)).toEqual([
      { source: 'c', target: 'd', span: Number.POSITIVE_INFINITY },
    ]);
    // The tie joining the two triangles is the only local bridge; nothing else links them.
    expect(localBridges(barbell)).toEqual([
      { source: 'c', target: 'd', span: Number.POSITIVE_INFINITY },
    ]);
  });

  it('gives the hop count of the way round without the tie, in tie order', () => {
    expect(localBridges(square)).toEqual([
      { source: 'a', target: 'b', span: 3 },
      { source: 'b', target: 'c', span: 3 },
      { source: 'c', target: 'd', span: 3 },
      { source: 'd', target: 'a', span: 3 },
    ]);
  });

  it('sums distance weights when asked: the cheapest detour may have more hops', () => {
    const cost = (s: number): number => -Math.log(s);
    const hops = new Map(localBridges(twoCycles).map((b) => [pairKey(b.source, b.target), b]));
    const costed = new Map(
      localBridges(twoCycles, { weight: 'cost' }).map((b) => [pairKey(b.source, b.target), b]),
    );
    expect(hops.size).toBe(8);
    expect(hops.get(pairKey('s', 't'))?.span).toBe(3);
    expect(costed.get(pairKey('s', 't'))?.span).toBeCloseTo(4 * cost(STRONG), 12);
    // Without s–x: s–t–y–x is 3 hops; by cost, s–p–q–r–t–y–x beats going through s–t.
    expect(hops.get(pairKey('s', 'x'))?.span).toBe(3);
    expect(costed.get(pairKey('s', 'x'))?.span).toBeCloseTo(4 * cost(STRONG) + 2 * cost(WEAK), 12);
    // A function weight counting 1 per tie is the hop count.
    const unit = localBridges(twoCycles, { weight: () => 1 });
    expect(unit.map((b) => b.span)).toEqual([...hops.values()].map((b) => b.span));
  });

  it('skips ties a bare compiled network merged into another', () => {
    const builder = new CompiledNetworkBuilder();
    builder.addTie('a', 'b', 0.5, 0.5);
    builder.addTie('b', 'a', 0.9, 0.9);
    builder.addTie('b', 'c', 0.5, 0.5);
    expect(localBridges(builder.build())).toEqual([
      { source: 'a', target: 'b', span: Number.POSITIVE_INFINITY },
      { source: 'b', target: 'c', span: Number.POSITIVE_INFINITY },
    ]);
  });
});

describe('embeddedness and neighborhoodOverlap', () => {
  it('count shared contacts and normalise them (triangle with a pendant)', () => {
    expect(embeddedness(pendant)).toEqual([
      { source: 'a', target: 'b', common: 1 },
      { source: 'b', target: 'c', common: 1 },
      { source: 'c', target: 'a', common: 1 },
      { source: 'c', target: 'd', common: 0 },
    ]);
    // a–b: 1 / (1 + 1 − 1); b–c and c–a: 1 / (1 + 2 − 1); c–d: 0 / (2 + 0 − 0).
    expect(neighborhoodOverlap(pendant)).toEqual([
      { source: 'a', target: 'b', overlap: 1, common: 1 },
      { source: 'b', target: 'c', overlap: 0.5, common: 1 },
      { source: 'c', target: 'a', overlap: 0.5, common: 1 },
      { source: 'c', target: 'd', overlap: 0, common: 0 },
    ]);
  });

  it('gives 0 to an isolated pair, whose denominator is 0', () => {
    const pair = tieNetwork(['a', 'b'], [['a', 'b']]);
    expect(neighborhoodOverlap(pair)).toEqual([
      { source: 'a', target: 'b', overlap: 0, common: 0 },
    ]);
  });

  it('counts every shared contact in a clique', () => {
    const people = ['a', 'b', 'c', 'd', 'e'];
    const edges: Tie[] = [];
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++)
        edges.push([people[i] as string, people[j] as string]);
    const clique = tieNetwork(people, edges);
    for (const tie of neighborhoodOverlap(clique)) {
      expect(tie.common).toBe(3);
      expect(tie.overlap).toBe(1);
    }
    expect(localBridges(clique)).toEqual([]);
  });
});

// ---- Brute force: shared contacts by set intersection, spans by plain Dijkstra. ----

function referenceTies(network: Network, weight: (strength: number) => number) {
  const adj = adjacencyOf(network, weight);
  const contacts = (u: string): Map<string, number> => adj.get(u) ?? new Map();
  const spanWithout = (s: string, t: string): number =>
    plainDistances(adj, s, (u, v) => (u === s && v === t) || (u === t && v === s)).get(t) ??
    Number.POSITIVE_INFINITY;
  return network.ties().map((tie) => {
    const a = contacts(tie.source);
    const b = contacts(tie.target);
    const common = [...a.keys()].filter((v) => b.has(v)).length;
    const others = a.size - 1 + (b.size - 1) - common;
    return {
      source: tie.source,
      target: tie.target,
      common,
      overlap: others === 0 ? 0 : common / others,
      span: common === 0 ? spanWithout(tie.source, tie.target) : undefined,
    };
  });
}

const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    pairs: fc.array(
      fc.tuple(fc.nat(11), fc.nat(11), fc.double({ min: 0.05, max: 1, noNaN: true })),
      { maxLength: 30 },
    ),
  })
  .map(({ n, pairs }) => ({
    people: Array.from({ length: n }, (_, i) => `p${i}`),
    edges: pairs
      .filter(([x, y]) => x % n !== y % n)
      .map(([x, y, s]): Tie => [`p${x % n}`, `p${y % n}`, s]),
  }));

describe('against a brute force', () => {
  it('agrees on random networks (hops, cost and a custom distance)', () => {
    const weights = [
      ['unweighted', () => 1],
      ['cost', (s: number) => -Math.log(s)],
      ['strength', (s: number) => s],
    ] as const;
    fc.assert(
      fc.property(graphArb, ({ people, edges }) => {
        const network = tieNetwork(people, edges);
        for (const [weight, of] of weights) {
          const expected = referenceTies(network, of);
          expect(embeddedness(network)).toEqual(
            expected.map(({ source, target, common }) => ({ source, target, common })),
          );
          expect(neighborhoodOverlap(network)).toEqual(
            expected.map(({ source, target, overlap, common }) => ({
              source,
              target,
              overlap,
              common,
            })),
          );
          const bridges = localBridges(network, { weight });
          const wanted = expected.filter((t) => t.common === 0);
          expect(bridges.map((b) => [b.source, b.target])).toEqual(
            wanted.map((t) => [t.source, t.target]),
          );
          bridges.forEach((bridge, i) => {
            const span = wanted[i]?.span as number;
            if (span === Number.POSITIVE_INFINITY) expect(bridge.span).toBe(span);
            else
              expect(Math.abs(bridge.span - span)).toBeLessThanOrEqual(1e-12 * Math.max(1, span));
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the same spans from both ends on longer cycles with chords', () => {
    // Rings of 40 with a few chords and uneven strengths: long detours for the two-sided searches.
    for (let chords = 0; chords < 6; chords++) {
      const people = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const strength = (i: number): number => 0.05 + ((i * 37) % 19) / 20;
      const edges: Tie[] = people.map((id, i) => [id, people[(i + 1) % 40] as string, strength(i)]);
      for (let c = 0; c < chords; c++)
        edges.push([people[c * 5] as string, people[c * 5 + 17] as string, strength(c + 7)]);
      const network = tieNetwork(people, edges);
      const hops = referenceTies(network, () => 1).filter((t) => t.common === 0);
      expect(localBridges(network).map((b) => b.span)).toEqual(hops.map((t) => t.span));
      const costs = referenceTies(network, (s) => -Math.log(s)).filter((t) => t.common === 0);
      localBridges(network, { weight: 'cost' }).forEach((bridge, i) => {
        const span = costs[i]?.span as number;
        expect(Math.abs(bridge.span - span)).toBeLessThanOrEqual(1e-12 * Math.max(1, span));
      });
    }
  });
});

describe('contracts', () => {
  it('does not depend on the order of people or relationships', () => {
    const people = ['s', 't', 'x', 'y', 'p', 'q', 'r', 'z'];
    const edges: Tie[] = [
      ['s', 't', 0.5],
      ['s', 'x', 0.2],
      ['x', 'y', 0.3],
      ['y', 't', 0.4],
      ['s', 'p', 0.9],
      ['p', 'q', 0.8],
      ['q', 'r', 0.7],
      ['r', 't', 0.6],
      ['q', 'z', 0.5],
      ['z', 'p', 0.5],
    ];
    const forward = tieNetwork(people, edges);
    const backward = reversedTieNetwork(people, edges);
    const byPair = <T extends { source: string; target: string }>(list: readonly T[]) =>
      new Map(list.map(({ source, target, ...rest }) => [pairKey(source, target), rest] as const));
    for (const weight of ['unweighted', 'cost'] as const) {
      const x = byPair<LocalBridge>(localBridges(forward, { weight }));
      const y = byPair<LocalBridge>(localBridges(backward, { weight }));
      expect(x.size).toBeGreaterThan(0);
      expect(new Map([...y].sort())).toEqual(new Map([...x].sort()));
    }
    expect(byPair(neighborhoodOverlap(backward))).toEqual(byPair(neighborhoodOverlap(forward)));
    expect(byPair(embeddedness(backward))).toEqual(byPair(embeddedness(forward)));
    // Output follows the input's tie order.
    expect(embeddedness(backward)[0]).toMatchObject({ source: 'p', target: 'z' });
  });

  it('accepts a compiled network and never changes it', () => {
    const compiled = compileNetwork(twoCycles);
    const neighbors = compiled.neighbors.slice();
    const costs = compiled.costs.slice();
    expect(localBridges(compiled, { weight: 'unweighted' })).toEqual(localBridges(twoCycles));
    expect(neighborhoodOverlap(compiled)).toEqual(neighborhoodOverlap(twoCycles));
    expect(compiled.neighbors).toEqual(neighbors);
    expect(compiled.costs).toEqual(costs);
  });

  it('returns frozen results', () => {
    const bridges = localBridges(square);
    expect(Object.isFrozen(bridges)).toBe(true);
    expect(Object.isFrozen(bridges[0])).toBe(true);
    expect(Object.isFrozen(embeddedness(square))).toBe(true);
    expect(Object.isFrozen(neighborhoodOverlap(square)[0])).toBe(true);
  });

  it('throws InvalidOptionsError for unknown options, bad weights and NaN weights', () => {
    expect(() => localBridges(square, { spam: true } as never)).toThrow(InvalidOptionsError);
    expect(() => localBridges(square, { weight: 'far' } as never)).toThrow(InvalidOptionsError);
    expect(() => localBridges(square, { weight: () => Number.NaN })).toThrow(InvalidOptionsError);
    expect(() => localBridges(square, { weight: () => -1 })).toThrow(InvalidOptionsError);
    expect(() => localBridges(square, 3 as never)).toThrow(InvalidOptionsError);
    // Distances may be 0.
    expect(localBridges(square, { weight: () => 0 }).map((b) => b.span)).toEqual([0, 0, 0, 0]);
  });

  it('reports progress over the ties and stops when aborted', () => {
    const calls: [number, number][] = [];
    localBridges(twoCycles, {
      weight: 'cost',
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.at(-1)).toEqual([8, 8]);
    expect(calls.map(([done]) => done)).toEqual(
      [...calls.map(([done]) => done)].sort((a, b) => a - b),
    );
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    expect(() => localBridges(twoCycles, { signal: controller.signal })).toThrow('stop');
    expect(() => localBridges(twoCycles, { signal: 'soon' } as never)).toThrow(InvalidOptionsError);
    expect(() => localBridges(twoCycles, { onProgress: 1 } as never)).toThrow(InvalidOptionsError);
  });

  it('handles ids that are names of Object.prototype members', () => {
    const odd = tieNetwork(
      ['__proto__', 'constructor', 'toString', 'valueOf'],
      [
        ['__proto__', 'constructor'],
        ['constructor', 'toString'],
        ['toString', 'valueOf'],
        ['valueOf', '__proto__'],
      ],
    );
    expect(localBridges(odd).map((b) => [b.source, b.target, b.span])).toEqual([
      ['__proto__', 'constructor', 3],
      ['constructor', 'toString', 3],
      ['toString', 'valueOf', 3],
      ['valueOf', '__proto__', 3],
    ]);
    expect(embeddedness(odd).every((t) => t.common === 0)).toBe(true);
  });
});

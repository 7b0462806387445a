/**
 * Distance measures (single-source distances, closeness, harmonic) and degree/strength on small
 * networks whose answers are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { closeness } from '../../src/centrality/closeness.js';
import { degree, strength } from '../../src/centrality/degree.js';
import { harmonic } from '../../src/centrality/harmonic.js';
import { forEachSource, SingleSourceDistances } from '../../src/centrality/shortest-distances.js';
import { weightedView } from '../../src/centrality/weights.js';
import {
  CompiledNetworkBuilder,
  createNetwork,
  InvalidOptionsError,
  type Network,
} from '../../src/index.js';
import { thrownBy } from '../support/errors.js';
import { mulberry32 } from '../support/random.js';
import { expectSameScores, expectScores } from '../support/scores.js';
import {
  adjacencyOf,
  plainDistances,
  randomTies,
  shuffledTieNetwork,
  tieNetwork,
} from '../support/tie-networks.js';

/** a–b–c–d, every tie of strength 0.5 (cost ln 2). */
const path = tieNetwork(
  ['a', 'b', 'c', 'd'],
  [
    ['a', 'b', 0.5],
    ['b', 'c', 0.5],
    ['c', 'd', 0.5],
  ],
);
/** A star: hub tied to four leaves. */
const star = tieNetwork(
  ['hub', 'l1', 'l2', 'l3', 'l4'],
  ['l1', 'l2', 'l3', 'l4'].map((leaf) => ['hub', leaf, 0.5] as const),
);
/** A triangle {a, b, c}, an edge {d, e} and an isolated person f. */
const parts = tieNetwork(
  ['a', 'b', 'c', 'd', 'e', 'f'],
  [
    ['a', 'b', 0.5],
    ['b', 'c', 0.5],
    ['a', 'c', 0.5],
    ['d', 'e', 0.5],
  ],
);
/** a–b of strength 1 (cost 0, so a and b are at distance 0) and b–c of strength 0.5. */
const twins = tieNetwork(
  ['a', 'b', 'c'],
  [
    ['a', 'b', 1],
    ['b', 'c', 0.5],
  ],
);
const LN2 = Math.log(2);

/** A random network: `n` people, `m` ties, some of strength exactly 1 (cost 0). */
function randomNetwork(n: number, m: number, seed: number) {
  return randomTies(n, m, seed, {
    strength: (next) => (next() < 0.1 ? 1 : Math.round(next() * 99 + 1) / 100),
  });
}

describe('SingleSourceDistances', () => {
  it('settles people by distance and leaves the unreachable at Infinity', () => {
    const view = weightedView(parts, 'unweighted', 'distance');
    const distances = new SingleSourceDistances(view);
    expect(distances.breadthFirst).toBe(true);
    const at = (id: string) => view.compiled.indexOf.get(id) as number;
    expect(distances.run(at('a'))).toBe(3);
    expect(distances.order[0]).toBe(at('a'));
    expect(distances.distance[at('b')]).toBe(1);
    expect(distances.distance[at('d')]).toBe(Number.POSITIVE_INFINITY);
    // The buffers are reused: the first run's people are reset by the second.
    expect(distances.run(at('d'))).toBe(2);
    expect([...distances.order.subarray(0, distances.reached)]).toEqual([at('d'), at('e')]);
    expect(distances.distance[at('a')]).toBe(Number.POSITIVE_INFINITY);
    expect(distances.distance[at('e')]).toBe(1);
    expect(distances.run(at('f'))).toBe(1);
    expect(distances.distance[at('d')]).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes a longer chain of stronger ties over a weak direct one (Dijkstra)', () => {
    // a–c directly costs ln 2 ≈ 0.69; a–b–c costs 2·(−ln 0.9) ≈ 0.21.
    const network = tieNetwork(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 0.9],
        ['b', 'c', 0.9],
        ['a', 'c', 0.5],
        ['c', 'd', 1],
      ],
    );
    const view = weightedView(network, 'cost', 'distance');
    const distances = new SingleSourceDistances(view);
    expect(distances.breadthFirst).toBe(false);
    const at = (id: string) => view.compiled.indexOf.get(id) as number;
    distances.run(at('a'));
    expect(distances.distance[at('b')]).toBeCloseTo(-Math.log(0.9), 15);
    expect(distances.distance[at('c')]).toBeCloseTo(-2 * Math.log(0.9), 15);
    // A tie of strength 1 costs 0: d is as far as c and settled right after it.
    expect(distances.distance[at('d')]).toBe(distances.distance[at('c')]);
    expect([...distances.order.subarray(0, 4)].map((v) => view.compiled.ids[v])).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('agrees with breadth-first search when every weight is 1, from every source', () => {
    const { people, ties } = randomNetwork(40, 70, 7);
    const network = tieNetwork(people, ties);
    const bfs = new SingleSourceDistances(weightedView(network, 'unweighted', 'distance'));
    const dijkstra = new SingleSourceDistances(weightedView(network, () => 1.0000001, 'distance'));
    expect(dijkstra.breadthFirst).toBe(false);
    for (let s = 0; s < 40; s++) {
      expect(dijkstra.run(s)).toBe(bfs.run(s));
      for (let v = 0; v < 40; v++) {
        const hops = bfs.distance[v] as number;
        if (hops === Number.POSITIVE_INFINITY) expect(dijkstra.distance[v]).toBe(hops);
        else expect(dijkstra.distance[v]).toBeCloseTo(hops * 1.0000001, 9);
      }
    }
  });

  it('finds the same distances on its bucket ring as a plain Dijkstra, and on the heap with ties of strength 1', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const withOnes = seed % 3 === 0;
      const { people, ties } = randomTies(60, 150, seed, {
        among: 55,
        // Strengths with exact repeats (equal distances) and, every third network, ties of 1.
        strength: (next) =>
          next() < 0.3
            ? ([withOnes ? 1 : 0.9, 0.5][Math.floor(next() * 2)] ?? 0.5)
            : 0.05 + 0.9 * next(),
      });
      const network = tieNetwork(people, ties);
      const view = weightedView(network, 'cost', 'distance');
      const distances = new SingleSourceDistances(view);
      expect(distances.bucketRing, `seed ${seed}`).toBe(!withOnes);
      const adjacency = adjacencyOf(network, (s) => -Math.log(s));
      for (let s = 0; s < 60; s += 3) {
        const reached = distances.run(s);
        const expected = plainDistances(adjacency, view.compiled.ids[s] as string);
        const settled = [...distances.order.subarray(0, reached)];
        expect(new Set(settled).size).toBe(reached);
        expect(settled.length).toBe(expected.size);
        for (let v = 0; v < 60; v++) {
          const want = expected.get(view.compiled.ids[v] as string);
          if (want === undefined) expect(distances.distance[v]).toBe(Number.POSITIVE_INFINITY);
          else expect(distances.distance[v], `seed ${seed} ${s}→${v}`).toBeCloseTo(want, 12);
        }
      }
    }
  });

  it('forEachSource visits every person once and reports progress up to the total', () => {
    const view = weightedView(parts, 'cost', 'distance');
    const visited: number[] = [];
    const reports: [number, number][] = [];
    forEachSource(view, { onProgress: (done, total) => reports.push([done, total]) }, (s) =>
      visited.push(s),
    );
    expect(visited).toEqual([0, 1, 2, 3, 4, 5]);
    expect(reports.at(-1)).toEqual([6, 6]);
  });
});

describe('closeness', () => {
  it('matches hand-computed values on a path (hops and costs)', () => {
    // a: distances 1, 2, 3 → 3 / 6; b: 1, 1, 2 → 3 / 4.
    expectScores(closeness(path, { weight: 'unweighted' }), { a: 0.5, b: 0.75, c: 0.75, d: 0.5 });
    // Every tie costs ln 2, so each distance is scaled by ln 2.
    expectScores(closeness(path), {
      a: 0.5 / LN2,
      b: 0.75 / LN2,
      c: 0.75 / LN2,
      d: 0.5 / LN2,
    });
  });

  it('matches hand-computed values on a star', () => {
    // hub: 4 / 4; a leaf: 4 / (1 + 3·2).
    expectScores(closeness(star, { weight: 'unweighted' }), {
      hub: 1,
      l1: 4 / 7,
      l2: 4 / 7,
      l3: 4 / 7,
      l4: 4 / 7,
    });
  });

  it('scales by the reachable share (Wasserman–Faust) unless wfImproved is false', () => {
    // n = 6. a reaches 2 at distance 1 each: (2 / 2)·(2 / 5); d reaches 1: (1 / 1)·(1 / 5).
    expectScores(closeness(parts, { weight: 'unweighted' }), {
      a: 0.4,
      b: 0.4,
      c: 0.4,
      d: 0.2,
      e: 0.2,
      f: 0,
    });
    expectScores(closeness(parts, { weight: 'unweighted', wfImproved: false }), {
      a: 1,
      b: 1,
      c: 1,
      d: 1,
      e: 1,
      f: 0,
    });
  });

  it('gives 0 when every reachable person is at distance 0, as NetworkX does', () => {
    const scores = closeness(tieNetwork(['a', 'b'], [['a', 'b', 1]]));
    expectScores(scores, { a: 0, b: 0 });
    // a: distances 0 (b) and ln 2 (c): 2 / ln 2 · 2 / 2.
    expect(closeness(twins).get('a')).toBeCloseTo(2 / LN2, 12);
    expect(closeness(createNetwork({ people: [{ id: 'solo', name: 'Solo' }] }))).toEqual(
      new Map([['solo', 0]]),
    );
  });
});

describe('harmonic', () => {
  it('matches hand-computed values on a path, a star and two components', () => {
    expectScores(harmonic(path, { weight: 'unweighted' }), {
      a: 1 + 1 / 2 + 1 / 3,
      b: 2.5,
      c: 2.5,
      d: 1 + 1 / 2 + 1 / 3,
    });
    expectScores(harmonic(star, { weight: 'unweighted' }), {
      hub: 4,
      l1: 2.5,
      l2: 2.5,
      l3: 2.5,
      l4: 2.5,
    });
    expectScores(harmonic(parts), {
      a: 2 / LN2,
      b: 2 / LN2,
      c: 2 / LN2,
      d: 1 / LN2,
      e: 1 / LN2,
      f: 0,
    });
  });

  it('skips people at distance 0 (ties of strength 1), as NetworkX does', () => {
    // a: b at 0 adds nothing, c at ln 2 adds 1 / ln 2.
    expectScores(harmonic(twins), { a: 1 / LN2, b: 1 / LN2, c: 2 / LN2 });
  });
});

describe('degree and strength', () => {
  it('count ties, once per pair and whatever their direction', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'friend', strength: 0.5 },
        { source: 'b', target: 'a', kind: 'colleague', strength: 0.25 },
        { source: 'a', target: 'c', kind: 'other', strength: 0.3, directed: true },
      ],
    });
    expectScores(degree(network), { a: 2, b: 1, c: 1, d: 0 });
    expectScores(degree(network, { normalized: true }), { a: 2 / 3, b: 1 / 3, c: 1 / 3, d: 0 });
    const strengths = strength(network);
    expect(strengths.get('c')).toBeCloseTo(0.3, 15);
    expect(strengths.get('d')).toBe(0);
    const ab = network.tie('a', 'b')?.strength as number;
    expect(strengths.get('a')).toBeCloseTo(ab + 0.3, 15);
    expectScores(strength(network, { weight: 'unweighted' }), { a: 2, b: 1, c: 1, d: 0 });
  });

  it('sum tie strengths on a star and give 1 to a one-person network (normalized)', () => {
    expectScores(strength(star), { hub: 2, l1: 0.5, l2: 0.5, l3: 0.5, l4: 0.5 });
    expectScores(degree(star, { normalized: true }), {
      hub: 1,
      l1: 0.25,
      l2: 0.25,
      l3: 0.25,
      l4: 0.25,
    });
    const solo = createNetwork({ people: [{ id: 'solo', name: 'Solo' }] });
    expectScores(degree(solo, { normalized: true }), { solo: 1 });
    expectScores(degree(solo), { solo: 0 });
  });
});

describe('all distance measures', () => {
  const measures = {
    closeness: (n: Network, o?: object) => closeness(n, o),
    harmonic: (n: Network, o?: object) => harmonic(n, o),
    degree: (n: Network, o?: object) => degree(n, o),
    strength: (n: Network, o?: object) => strength(n, o),
  } as const;

  it('do not depend on the order of people and relationships', () => {
    const { people, ties } = randomNetwork(60, 120, 11);
    const next = mulberry32(3);
    const a = tieNetwork(people, ties);
    for (let round = 0; round < 3; round++) {
      const b = shuffledTieNetwork(people, ties, next);
      for (const measure of Object.values(measures)) expectSameScores(measure(a), measure(b));
      expectSameScores(
        closeness(a, { weight: 'unweighted' }),
        closeness(b, { weight: 'unweighted' }),
      );
    }
  });

  it('list people in network order and run on a compiled network (id order)', () => {
    const network = tieNetwork(['z', 'y', 'x'], [['z', 'x', 0.5]]);
    expect([...harmonic(network).keys()]).toEqual(['z', 'y', 'x']);
    const builder = new CompiledNetworkBuilder();
    builder.addPerson('z');
    builder.addPerson('y');
    builder.addTie('z', 'x', 0.5, 0.5);
    const compiled = builder.build();
    const scores = harmonic(compiled);
    expect([...scores.keys()]).toEqual(['x', 'y', 'z']);
    expectSameScores(scores, harmonic(network));
    expectSameScores(closeness(compiled), closeness(network));
    expectSameScores(strength(compiled), strength(network));
  });

  it('work with ids named like Object.prototype members', () => {
    const network = tieNetwork(
      ['__proto__', 'constructor', 'toString'],
      [
        ['__proto__', 'constructor', 0.5],
        ['constructor', 'toString', 0.5],
      ],
    );
    expectScores(harmonic(network, { weight: 'unweighted' }), {
      ['__proto__']: 1.5,
      constructor: 2,
      toString: 1.5,
    });
    expect(closeness(network, { weight: 'unweighted' }).get('__proto__')).toBeCloseTo(2 / 3, 15);
    expect(degree(network).get('__proto__')).toBe(1);
  });

  it('reject unknown options and bad values, listing every problem', () => {
    for (const [name, measure] of Object.entries(measures)) {
      expect(() => measure(path, { wieght: 'cost' }), name).toThrow(InvalidOptionsError);
    }
    const error = thrownBy(
      () => closeness(path, { wfImproved: 'yes', colour: 1 } as never),
      InvalidOptionsError,
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['colour', 'wfImproved']);
    expect(() => degree(path, { normalized: 1 } as never)).toThrow(InvalidOptionsError);
    expect(() => harmonic(path, { weight: 'length' as never })).toThrow(InvalidOptionsError);
    expect(() => closeness(path, 'fast' as never)).toThrow(InvalidOptionsError);
    expect(() => harmonic(path, { onProgress: 1 } as never)).toThrow(InvalidOptionsError);
  });

  it('reject a weight function returning NaN or a negative length', () => {
    expect(() => closeness(path, { weight: () => Number.NaN })).toThrow(InvalidOptionsError);
    expect(() => harmonic(path, { weight: () => -1 })).toThrow(/must be a finite number ≥ 0/);
    expect(() => strength(path, { weight: () => Number.NaN })).toThrow(InvalidOptionsError);
    // Distances may be 0; similarities may not.
    expect(harmonic(path, { weight: () => 0 }).get('a')).toBe(0);
    expect(() => strength(path, { weight: () => 0 })).toThrow(InvalidOptionsError);
  });

  it('accept a weight function of the tie', () => {
    // Length 2 per tie: every hop distance doubles.
    const scores = harmonic(path, { weight: (tie) => (tie.strength === 0.5 ? 2 : 1) });
    expect(scores.get('a')).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 2, 15);
  });

  it('stop with the signal’s reason when aborted, before or during the run', () => {
    const { people, ties } = randomNetwork(150, 300, 5);
    const network = tieNetwork(people, ties);
    const before = new AbortController();
    before.abort(new Error('stop'));
    expect(() => closeness(network, { signal: before.signal })).toThrow('stop');
    expect(() => harmonic(network, { signal: before.signal })).toThrow('stop');
    const during = new AbortController();
    let reports = 0;
    expect(() =>
      harmonic(network, {
        signal: during.signal,
        onProgress: () => {
          reports++;
          during.abort();
        },
      }),
    ).toThrow(/aborted/i);
    expect(reports).toBe(1);
  });

  it('report progress at most about 100 times, ending with done === total', () => {
    const { people, ties } = randomNetwork(250, 400, 9);
    const network = tieNetwork(people, ties);
    for (const measure of [closeness, harmonic]) {
      const reports: [number, number][] = [];
      measure(network, { onProgress: (done, total) => reports.push([done, total]) });
      expect(reports.length).toBeGreaterThan(1);
      expect(reports.length).toBeLessThanOrEqual(101);
      expect(reports.at(-1)).toEqual([250, 250]);
      for (let i = 1; i < reports.length; i++)
        expect((reports[i] as [number, number])[0]).toBeGreaterThan(
          (reports[i - 1] as [number, number])[0],
        );
    }
  });
});

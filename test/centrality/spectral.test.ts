/**
 * PageRank and eigenvector centrality on small networks whose answers are worked out by hand in
 * the comments (stationary equations, principal eigenvectors of tiny matrices).
 */
import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/centrality/convergence-error.js';
import { eigenvector } from '../../src/centrality/eigenvector.js';
import { pagerank } from '../../src/centrality/pagerank.js';
import {
  CompiledNetworkBuilder,
  createNetwork,
  InvalidOptionsError,
  WarmpathError,
} from '../../src/index.js';
import { thrownBy } from '../support/errors.js';
import { mulberry32 } from '../support/random.js';
import { expectSameScores, expectScores } from '../support/scores.js';
import { randomTies, shuffledTieNetwork, tieNetwork } from '../support/tie-networks.js';

const LEAVES = ['l1', 'l2', 'l3', 'l4'];
/** A star: hub tied to four leaves, all ties of strength 0.5. */
const star = tieNetwork(
  ['hub', ...LEAVES],
  LEAVES.map((leaf) => ['hub', leaf, 0.5] as const),
);
/** Tight: iterate to machine precision so hand-computed values can be compared closely. */
const EXACT = { tolerance: 1e-15, maxIterations: 10_000 } as const;
/** The same for eigenvector centrality, whose tolerance bounds the L2 change of a unit vector. */
const EIGEN_EXACT = { tolerance: 1e-14 } as const;

/** A random connected-ish network plus two isolated people. */
function randomNetwork(n: number, m: number, seed: number) {
  return randomTies(n, m, seed, {
    among: n - 2,
    strength: (next) => Math.round(next() * 99 + 1) / 100,
  });
}

function sum(scores: Map<string, number>): number {
  let total = 0;
  for (const value of scores.values()) total += value;
  return total;
}

function norm(scores: Map<string, number>): number {
  let total = 0;
  for (const value of scores.values()) total += value * value;
  return Math.sqrt(total);
}

describe('pagerank', () => {
  it('solves the stationary equations of a star', () => {
    // hub = α·(1 − hub) + (1 − α)/n, so hub = (α + (1 − α)/n) / (1 + α); leaves share the rest.
    const alpha = 0.85;
    const hub = (alpha + (1 - alpha) / 5) / (1 + alpha);
    const leaf = (1 - hub) / 4;
    expectScores(pagerank(star, EXACT), { hub, l1: leaf, l2: leaf, l3: leaf, l4: leaf });
    // The default tolerance (L1 change < n · 1e-6) is close but not exact.
    expectScores(pagerank(star), { hub, l1: leaf, l2: leaf, l3: leaf, l4: leaf }, 5);
  });

  it('sends the walker from a person without ties to everyone (dangling people)', () => {
    // c is isolated: c = α·c/3 + (1 − α)/3, so c = (1 − α)/(3 − α); a and b split the rest.
    const network = tieNetwork(['a', 'b', 'c'], [['a', 'b', 0.4]]);
    const c = 0.15 / 2.15;
    expectScores(pagerank(network, EXACT), { a: (1 - c) / 2, b: (1 - c) / 2, c });
  });

  it('is proportional to strength when alpha is 1 (no jumps)', () => {
    // A triangle with a tail is connected and not bipartite, so the walk has a unique limit:
    // each person's weighted degree over twice the total weight.
    const network = tieNetwork(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 0.2],
        ['b', 'c', 0.5],
        ['a', 'c', 0.9],
        ['c', 'd', 0.4],
      ],
    );
    const total = 2 * (0.2 + 0.5 + 0.9 + 0.4);
    expectScores(pagerank(network, { ...EXACT, alpha: 1 }), {
      a: 1.1 / total,
      b: 0.7 / total,
      c: 1.8 / total,
      d: 0.4 / total,
    });
    // 'unweighted': proportional to degree.
    expectScores(pagerank(network, { ...EXACT, alpha: 1, weight: 'unweighted' }), {
      a: 2 / 8,
      b: 2 / 8,
      c: 3 / 8,
      d: 1 / 8,
    });
  });

  it('jumps only to the personalization, given as a Map or a record', () => {
    // All jumps go to the hub: hub = α·(1 − hub) + (1 − α), so hub = 1 / (1 + α).
    const hub = 1 / 1.85;
    const leaf = (1 - hub) / 4;
    const expected = { hub, l1: leaf, l2: leaf, l3: leaf, l4: leaf };
    expectScores(pagerank(star, { ...EXACT, personalization: new Map([['hub', 3]]) }), expected);
    expectScores(pagerank(star, { ...EXACT, personalization: { hub: 0.2, l1: 0 } }), expected);
  });

  it('rejects a bad personalization, listing every problem', () => {
    const { issues } = thrownBy(
      () => pagerank(star, { personalization: { hb: 1, l1: -1, l2: Number.NaN } }),
      InvalidOptionsError,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'personalization["hb"]',
      'personalization["l1"]',
      'personalization["l2"]',
    ]);
    expect(issues[0]?.message).toContain('did you mean "hub"?');
    expect(() => pagerank(star, { personalization: { l1: 0 } })).toThrow(InvalidOptionsError);
    expect(() => pagerank(star, { personalization: [1, 2] as never })).toThrow(InvalidOptionsError);
  });

  it('rejects bad numbers and unknown options', () => {
    for (const options of [
      { alpha: 1.5 },
      { alpha: Number.NaN },
      { tolerance: 0 },
      { maxIterations: 2.5 },
      { maxIterations: 0 },
      { damping: 0.85 },
      { weight: () => Number.NaN },
      { weight: () => 0 },
    ]) {
      expect(() => pagerank(star, options as never), JSON.stringify(options)).toThrow(
        InvalidOptionsError,
      );
    }
  });

  it('throws ConvergenceError with the iterations and the residual', () => {
    const failure = thrownBy(
      () => pagerank(star, { maxIterations: 2, tolerance: 1e-12 }),
      ConvergenceError,
    );
    expect(failure).toBeInstanceOf(WarmpathError);
    expect(failure.name).toBe('ConvergenceError');
    expect(failure.iterations).toBe(2);
    expect(failure.residual).toBeGreaterThan(5e-12);
  });

  it('gives an empty map for an empty network and 1 to a lone person', () => {
    expect(pagerank(createNetwork({}))).toEqual(new Map());
    expect(pagerank(createNetwork({ people: [{ id: 'solo', name: 'Solo' }] }))).toEqual(
      new Map([['solo', 1]]),
    );
  });
});

describe('eigenvector', () => {
  it('finds the principal eigenvector of a star (bipartite: the shift avoids oscillation)', () => {
    // λ = √4 = 2; hub = 1/√2, each leaf = 1/√(2·4).
    const leaf = 1 / Math.sqrt(8);
    expectScores(eigenvector(star), { hub: Math.SQRT1_2, l1: leaf, l2: leaf, l3: leaf, l4: leaf });
  });

  it('weighs ties on a weighted path', () => {
    // a –w1– b –w2– c: λ = √(w1² + w2²); b = 1/√2, a = w1/(√2 λ), c = w2/(√2 λ).
    const network = tieNetwork(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 0.3],
        ['b', 'c', 0.8],
      ],
    );
    const lambda = Math.hypot(0.3, 0.8);
    const expected = {
      a: 0.3 / (Math.SQRT2 * lambda),
      b: Math.SQRT1_2,
      c: 0.8 / (Math.SQRT2 * lambda),
    };
    expectScores(eigenvector(network, EIGEN_EXACT), expected);
    // The default tolerance (1e-10) is about as close.
    expectScores(eigenvector(network), expected, 9);
    expectScores(eigenvector(network, { ...EIGEN_EXACT, weight: 'unweighted' }), {
      a: 0.5,
      b: Math.SQRT1_2,
      c: 0.5,
    });
  });

  it('gives 0 outside the component with the largest eigenvalue', () => {
    // Triangle: λ = 2; edge: λ = 1; isolated: λ = 0.
    const network = tieNetwork(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        ['a', 'b', 0.5],
        ['b', 'c', 0.5],
        ['a', 'c', 0.5],
        ['d', 'e', 0.9],
      ],
    );
    const third = 1 / Math.sqrt(3);
    // With strengths the triangle has λ = 1 and the edge 0.9: the triangle still wins.
    expectScores(eigenvector(network), { a: third, b: third, c: third, d: 0, e: 0, f: 0 });
  });

  it('splits evenly between identical components, and over everyone without ties', () => {
    const twins = tieNetwork(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 0.7],
        ['c', 'd', 0.7],
      ],
    );
    expectScores(eigenvector(twins), { a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
    const loners = createNetwork({ people: ['x', 'y', 'z'].map((id) => ({ id, name: id })) });
    const each = 1 / Math.sqrt(3);
    expectScores(eigenvector(loners), { x: each, y: each, z: each });
    expect(eigenvector(createNetwork({}))).toEqual(new Map());
  });

  it('returns a positive unit vector that is an eigenvector of the adjacency', () => {
    const { people, ties } = randomNetwork(60, 150, 21);
    const network = tieNetwork(people, ties);
    const scores = eigenvector(network, EIGEN_EXACT);
    expect(norm(scores)).toBeCloseTo(1, 14);
    // A x = λ x on the largest component: check the ratio is the same for everyone scoring.
    const ratios: number[] = [];
    for (const [id, value] of scores) {
      if (value === 0) continue;
      expect(value).toBeGreaterThan(0);
      let ax = 0;
      for (const tie of network.tiesOf(id)) {
        const other = tie.source === id ? tie.target : tie.source;
        ax += tie.strength * (scores.get(other) as number);
      }
      ratios.push(ax / value);
    }
    expect(ratios.length).toBeGreaterThan(10);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] as number, 7);
    expect(scores.get('p58')).toBe(0);
  });

  it('rejects bad options and throws ConvergenceError when out of iterations', () => {
    expect(() => eigenvector(star, { tolerance: -1 })).toThrow(InvalidOptionsError);
    expect(() => eigenvector(star, { maxIterations: 0 })).toThrow(InvalidOptionsError);
    expect(() => eigenvector(star, { tol: 1e-6 } as never)).toThrow(InvalidOptionsError);
    expect(() => eigenvector(star, { weight: () => Number.NaN })).toThrow(InvalidOptionsError);
    const error = thrownBy(() => eigenvector(star, { maxIterations: 1 }), ConvergenceError);
    expect(error.iterations).toBe(1);
    expect(error.residual).toBeGreaterThan(1e-10);
  });
});

describe('spectral measures', () => {
  it('do not depend on the order of people and relationships', () => {
    const { people, ties } = randomNetwork(50, 110, 4);
    const next = mulberry32(8);
    const a = tieNetwork(people, ties);
    for (let round = 0; round < 3; round++) {
      const b = shuffledTieNetwork(people, ties, next);
      for (const measure of [pagerank, eigenvector]) expectSameScores(measure(a), measure(b));
    }
  });

  it('run on a compiled network, in id order', () => {
    const builder = new CompiledNetworkBuilder();
    builder.addPerson('c');
    builder.addTie('c', 'a', 0.5, 0.5);
    builder.addTie('a', 'b', 0.5, 0.5);
    const compiled = builder.build();
    const scores = pagerank(compiled, EXACT);
    expect([...scores.keys()]).toEqual(['a', 'b', 'c']);
    expect(sum(scores)).toBeCloseTo(1, 14);
    expect(scores.get('b')).toBeCloseTo(scores.get('c') as number, 14);
    expectScores(eigenvector(compiled, EIGEN_EXACT), { a: Math.SQRT1_2, b: 0.5, c: 0.5 });
  });

  it('work with ids named like Object.prototype members', () => {
    const network = tieNetwork(
      ['__proto__', 'constructor', 'toString'],
      [
        ['__proto__', 'constructor', 0.5],
        ['constructor', 'toString', 0.5],
      ],
    );
    expectScores(eigenvector(network, EIGEN_EXACT), {
      ['__proto__']: 0.5,
      constructor: Math.SQRT1_2,
      toString: 0.5,
    });
    const personal = pagerank(network, { ...EXACT, personalization: { ['__proto__']: 1 } });
    const other = pagerank(network, { ...EXACT, personalization: new Map([['toString', 1]]) });
    expect(personal.get('__proto__')).toBeGreaterThan(personal.get('toString') as number);
    expect(personal.get('__proto__')).toBeCloseTo(other.get('toString') as number, 14);
  });

  it('stop with the signal’s reason when aborted', () => {
    const aborted = new AbortController();
    aborted.abort(new Error('stop'));
    expect(() => pagerank(star, { signal: aborted.signal })).toThrow('stop');
    expect(() => eigenvector(star, { signal: aborted.signal })).toThrow('stop');
    const during = new AbortController();
    expect(() =>
      pagerank(star, { ...EXACT, signal: during.signal, onProgress: () => during.abort() }),
    ).toThrow(/aborted/i);
  });

  it('report progress at most about 100 times, ending with done === total', () => {
    for (const measure of [pagerank, eigenvector]) {
      const reports: [number, number][] = [];
      measure(star, {
        tolerance: 1e-15,
        maxIterations: 5000,
        onProgress: (done, total) => reports.push([done, total]),
      });
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.length).toBeLessThanOrEqual(101);
      expect(reports.at(-1)).toEqual([5000, 5000]);
    }
  });
});

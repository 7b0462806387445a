/**
 * Burt's structural-hole measures (constraint, effective size, efficiency, hierarchy) and the
 * clustering coefficient: hand-checked small networks, a literal transcription of each
 * definition as an independent reference on random networks, input-order invariance, option
 * errors and awkward ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clustering } from '../../src/centrality/clustering.js';
import { constraint } from '../../src/centrality/constraint.js';
import { effectiveSize, efficiency } from '../../src/centrality/effective-size.js';
import { hierarchy } from '../../src/centrality/hierarchy.js';
import type { TieWeight } from '../../src/centrality/weights.js';
import { compileNetwork, InvalidOptionsError } from '../../src/index.js';
import {
  type Adjacency,
  adjacencyOf,
  pendant,
  reversedTieNetwork,
  type Tie,
  tieNetwork,
} from '../support/tie-networks.js';

/** Relative closeness, treating two NaNs as equal. */
function close(actual: number | undefined, expected: number, tolerance = 1e-12): void {
  expect(actual).toBeTypeOf('number');
  const a = actual as number;
  if (Number.isNaN(expected)) {
    expect(a).toBeNaN();
    return;
  }
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(a - expected) / scale).toBeLessThanOrEqual(tolerance);
}

function expectScores(
  actual: ReadonlyMap<string, number>,
  expected: Readonly<Record<string, number>>,
): void {
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) close(actual.get(id), value);
}

// `pendant` is the triangle a–b–c, with d hanging off c, and e alone.
// The hub h and three people who do not know each other.
const star = tieNetwork(
  ['h', 'x', 'y', 'z'],
  [
    ['h', 'x'],
    ['h', 'y'],
    ['h', 'z'],
  ],
);
const UNWEIGHTED = { weight: 'unweighted' } as const;

describe('constraint', () => {
  it('is 1/k for a hub whose k contacts are strangers, and 1 for a single contact', () => {
    expectScores(constraint(star, UNWEIGHTED), { h: 1 / 3, x: 1, y: 1, z: 1 });
  });

  it('adds indirect investment through shared contacts (triangle with a pendant)', () => {
    // a: p_ab = p_ac = 1/2; c_ab = (1/2 + 1/2·1/3)² = 4/9, c_ac = (1/2 + 1/2·1/2)² = 9/16.
    // c: p = 1/3 each; c_ca = c_cb = (1/3 + 1/3·1/2)² = 1/4, c_cd = 1/9.
    expectScores(constraint(pendant, UNWEIGHTED), {
      a: 4 / 9 + 9 / 16,
      b: 4 / 9 + 9 / 16,
      c: 1 / 4 + 1 / 4 + 1 / 9,
      d: 1,
      e: Number.NaN,
    });
  });

  it('weighs contacts by strength by default', () => {
    // h's ties: 0.6 to x, 0.3 to y, 0.1 to z (sum 1), no shared contacts.
    const weighted = tieNetwork(
      ['h', 'x', 'y', 'z'],
      [
        ['h', 'x', 0.6],
        ['h', 'y', 0.3],
        ['h', 'z', 0.1],
      ],
    );
    close(constraint(weighted).get('h'), 0.36 + 0.09 + 0.01);
    close(constraint(weighted, { weight: (tie) => tie.strength }).get('h'), 0.46);
  });
});

describe('effective size and efficiency', () => {
  it('counts non-redundant contacts (Borgatti: n − 2t/n unweighted)', () => {
    expectScores(effectiveSize(star, UNWEIGHTED), { h: 3, x: 1, y: 1, z: 1 });
    expectScores(effectiveSize(pendant, UNWEIGHTED), {
      a: 2 - 2 / 2,
      b: 1,
      c: 3 - 2 / 3,
      d: 1,
      e: Number.NaN,
    });
    expectScores(efficiency(pendant, UNWEIGHTED), {
      a: 1 / 2,
      b: 1 / 2,
      c: 7 / 9,
      d: 1,
      e: Number.NaN,
    });
  });

  it('uses Burt’s weighted redundancy by default', () => {
    // a–b 0.8, a–c 0.4, b–c 0.2. For a: p_ab = 2/3, p_ac = 1/3; m_bc = 0.2/0.8, m_cb = 0.2/0.4.
    // e_a = (1 − p_ac·m_bc) + (1 − p_ab·m_cb) = (1 − 1/12) + (1 − 1/3) = 19/12.
    const triangle = tieNetwork(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 0.8],
        ['a', 'c', 0.4],
        ['b', 'c', 0.2],
      ],
    );
    close(effectiveSize(triangle).get('a'), 19 / 12);
    close(efficiency(triangle).get('a'), 19 / 24);
  });

  it('gives the same value from the weighted formula with unit weights', () => {
    const unit = (): number => 1;
    for (const network of [star, pendant]) {
      const borgatti = effectiveSize(network, UNWEIGHTED);
      const burt = effectiveSize(network, { weight: unit });
      for (const [id, value] of borgatti) close(burt.get(id), value);
    }
  });
});

describe('hierarchy', () => {
  it('is 0 when every contact constrains equally, or with one contact', () => {
    expectScores(hierarchy(star, UNWEIGHTED), { h: 0, x: 0, y: 0, z: 0 });
  });

  it('matches a hand computation (triangle with a pendant)', () => {
    // a: local constraints 4/9 and 9/16, mean 145/288, ratios 128/145 and 162/145.
    const ra = [128 / 145, 162 / 145];
    // c: local constraints 1/4, 1/4, 1/9, mean 11/54, ratios 27/22, 27/22, 12/22.
    const rc = [27 / 22, 27 / 22, 12 / 22];
    const theil = (r: number[]): number =>
      r.reduce((sum, x) => sum + x * Math.log(x), 0) / (r.length * Math.log(r.length));
    expectScores(hierarchy(pendant, UNWEIGHTED), {
      a: theil(ra),
      b: theil(ra),
      c: theil(rc),
      d: 0,
      e: Number.NaN,
    });
  });
});

describe('clustering', () => {
  it('is the share of closed pairs of contacts', () => {
    expectScores(clustering(star), { h: 0, x: 0, y: 0, z: 0 });
    expectScores(clustering(pendant), { a: 1, b: 1, c: 1 / 3, d: 0, e: 0 });
  });

  it('weighs triangles by the geometric mean of weight / strongest weight', () => {
    const network = tieNetwork(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 0.8],
        ['b', 'c', 0.4],
        ['c', 'a', 0.2],
        ['c', 'd', 1],
      ],
    );
    const mean = Math.cbrt(0.8 * 0.4 * 0.2);
    expectScores(clustering(network, { weight: 'strength' }), {
      a: mean,
      b: mean,
      c: mean / 3,
      d: 0,
    });
  });
});

// ---- An independent reference: each definition transcribed literally, on nested Maps. ----

const at = (adj: Adjacency, u: string, v: string): number => adj.get(u)?.get(v) ?? 0;
const contactsOf = (adj: Adjacency, u: string): Map<string, number> =>
  adj.get(u) ?? new Map<string, number>();

function share(adj: Adjacency, u: string, v: string): number {
  let total = 0;
  for (const w of contactsOf(adj, u).values()) total += w;
  return at(adj, u, v) / total;
}

function localConstraint(adj: Adjacency, i: string, j: string): number {
  let indirect = 0;
  for (const q of contactsOf(adj, i).keys()) indirect += share(adj, i, q) * share(adj, q, j);
  return (share(adj, i, j) + indirect) ** 2;
}

function referenceConstraint(adj: Adjacency): Map<string, number> {
  const out = new Map<string, number>();
  for (const [i, contacts] of adj) {
    let sum = contacts.size === 0 ? Number.NaN : 0;
    for (const j of contacts.keys()) sum += localConstraint(adj, i, j);
    out.set(i, sum);
  }
  return out;
}

function referenceEffectiveSize(adj: Adjacency): Map<string, number> {
  const out = new Map<string, number>();
  for (const [i, contacts] of adj) {
    let sum = contacts.size === 0 ? Number.NaN : 0;
    for (const j of contacts.keys()) {
      const strongest = Math.max(...contactsOf(adj, j).values());
      let redundancy = 0;
      for (const q of contacts.keys()) redundancy += share(adj, i, q) * (at(adj, j, q) / strongest);
      sum += 1 - redundancy;
    }
    out.set(i, sum);
  }
  return out;
}

function referenceHierarchy(adj: Adjacency): Map<string, number> {
  const out = new Map<string, number>();
  for (const [i, contacts] of adj) {
    const c = [...contacts.keys()].map((j) => localConstraint(adj, i, j));
    const n = c.length;
    if (n < 2) {
      out.set(i, n === 0 ? Number.NaN : 0);
      continue;
    }
    const mean = c.reduce((a, b) => a + b, 0) / n;
    const sum = c.reduce((acc, x) => acc + (x / mean) * Math.log(x / mean), 0);
    out.set(i, sum / (n * Math.log(n)));
  }
  return out;
}

function referenceClustering(adj: Adjacency, weighted: boolean): Map<string, number> {
  let heaviest = 0;
  for (const contacts of adj.values())
    for (const w of contacts.values()) heaviest = Math.max(w, heaviest);
  const out = new Map<string, number>();
  for (const [i, contacts] of adj) {
    const list = [...contacts.keys()];
    const k = list.length;
    let closed = 0;
    for (let x = 0; x < k; x++) {
      for (let y = x + 1; y < k; y++) {
        const j = list[x] as string;
        const h = list[y] as string;
        if (!contactsOf(adj, j).has(h)) continue;
        closed += weighted
          ? Math.cbrt(
              (at(adj, i, j) / heaviest) * (at(adj, j, h) / heaviest) * (at(adj, h, i) / heaviest),
            )
          : 1;
      }
    }
    out.set(i, closed === 0 ? 0 : (2 * closed) / (k * (k - 1)));
  }
  return out;
}

const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    pairs: fc.array(
      fc.tuple(
        fc.nat(11),
        fc.nat(11),
        fc.double({ min: 0.05, max: 1, noNaN: true, noDefaultInfinity: true }),
      ),
      { maxLength: 40 },
    ),
  })
  .map(({ n, pairs }) => {
    const people = Array.from({ length: n }, (_, i) => `p${i}`);
    const seen = new Set<string>();
    const edges: Tie[] = [];
    for (const [x, y, strength] of pairs) {
      const a = x % n;
      const b = y % n;
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      edges.push([`p${a}`, `p${b}`, strength]);
    }
    return { people, edges };
  });

const WEIGHTS: readonly [TieWeight, (strength: number) => number][] = [
  ['strength', (s) => s],
  ['unweighted', () => 1],
  [(tie) => 1 + tie.strength * tie.strength, (s) => 1 + s * s],
];

describe('against a literal transcription of the definitions', () => {
  it('agrees on random networks for every weight convention', () => {
    fc.assert(
      fc.property(graphArb, ({ people, edges }) => {
        const network = tieNetwork(people, edges);
        for (const [weight, of] of WEIGHTS) {
          const adj = adjacencyOf(network, of);
          const check = (actual: Map<string, number>, expected: Map<string, number>): void => {
            for (const [id, value] of expected) close(actual.get(id), value, 1e-9);
          };
          check(constraint(network, { weight }), referenceConstraint(adj));
          check(effectiveSize(network, { weight }), referenceEffectiveSize(adj));
          const eff = efficiency(network, { weight });
          for (const [id, size] of referenceEffectiveSize(adj))
            close(eff.get(id), size / contactsOf(adj, id).size, 1e-9);
          const h = hierarchy(network, { weight });
          for (const [id, value] of referenceHierarchy(adj)) {
            // Clamped at 0 where rounding leaves the sum a hair below it.
            if (Number.isNaN(value)) expect(h.get(id)).toBeNaN();
            else expect(Math.abs((h.get(id) as number) - value)).toBeLessThan(1e-9);
          }
          check(clustering(network, { weight }), referenceClustering(adj, weight !== 'unweighted'));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('contracts', () => {
  const measures = [
    ['constraint', constraint],
    ['effectiveSize', effectiveSize],
    ['efficiency', efficiency],
    ['hierarchy', hierarchy],
    ['clustering', clustering],
  ] as const;

  it('does not depend on the order of people or relationships', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const edges: Tie[] = [
      ['a', 'b', 0.9],
      ['b', 'c', 0.3],
      ['c', 'a', 0.7],
      ['c', 'd', 0.5],
      ['d', 'e', 0.2],
      ['e', 'f', 0.8],
      ['f', 'd', 0.4],
      ['b', 'd', 0.6],
    ];
    const forward = tieNetwork(people, edges);
    const backward = reversedTieNetwork(people, edges);
    for (const [, measure] of measures) {
      for (const weight of ['strength', 'unweighted'] as const) {
        const x = measure(forward, { weight });
        const y = measure(backward, { weight });
        expect(new Map([...y].sort())).toEqual(new Map([...x].sort()));
        expect([...x.keys()]).toEqual(people);
        expect([...y.keys()]).toEqual([...people].reverse());
      }
    }
  });

  it('accepts a compiled network (people in id order)', () => {
    const compiled = compileNetwork(pendant);
    for (const [, measure] of measures) {
      const fromCompiled = measure(compiled, UNWEIGHTED);
      expect([...fromCompiled.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(new Map([...fromCompiled].sort())).toEqual(
        new Map([...measure(pendant, UNWEIGHTED)].sort()),
      );
    }
  });

  it('throws InvalidOptionsError for unknown options, bad weights and NaN weights', () => {
    for (const [, measure] of measures) {
      expect(() => measure(star, { wieght: 'strength' } as never)).toThrow(InvalidOptionsError);
      expect(() => measure(star, { weight: 'heavy' } as never)).toThrow(InvalidOptionsError);
      expect(() => measure(star, { weight: () => Number.NaN })).toThrow(InvalidOptionsError);
      expect(() => measure(star, { weight: () => 0 })).toThrow(InvalidOptionsError);
      expect(() => measure(star, 'strength' as never)).toThrow(InvalidOptionsError);
    }
    expect(() => constraint(star, { wieght: 1 } as never)).toThrow(/did you mean "weight"/);
  });

  it('handles ids that are names of Object.prototype members', () => {
    const odd = tieNetwork(
      ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
      [
        ['__proto__', 'constructor'],
        ['constructor', 'toString'],
        ['toString', '__proto__'],
        ['toString', 'hasOwnProperty'],
      ],
    );
    const c = constraint(odd, UNWEIGHTED);
    expect([...c.keys()]).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    close(c.get('__proto__'), 4 / 9 + 9 / 16);
    close(c.get('toString'), 11 / 18);
    close(effectiveSize(odd, UNWEIGHTED).get('toString'), 7 / 3);
    close(clustering(odd).get('__proto__'), 1);
    close(hierarchy(odd, UNWEIGHTED).get('hasOwnProperty'), 0);
  });
});

/**
 * Extreme but valid numbers: tie strengths anywhere in (0, 1], down to the smallest double
 * (5e-324). Every connector measure answers with a number (never NaN) for every person who has a
 * tie, or throws a named error; none overflows to Infinity and then NaN (PageRank did, below
 * ~1e-308) or takes 0 × ln 0 (hierarchy did, once a constraint underflowed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  closeness,
  clustering,
  constraint,
  createNetwork,
  effectiveSize,
  efficiency,
  eigenvector,
  findIntroductions,
  harmonic,
  hierarchy,
  localBridges,
  type Network,
  type NetworkInput,
  pagerank,
  strength,
  topConnectors,
  WarmpathError,
} from '../../src/index.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { fuzz, testTimeout } from './harness.js';

const EXTREME_STRENGTHS = [5e-324, 1e-320, 1e-310, 1e-300, 1e-160, 1e-10, 0.5, 1 - 2 ** -53, 1];

/** The input with every relationship given one of the extreme strengths. */
const extremeInput: fc.Arbitrary<NetworkInput> = arbitraryNetworkInput().chain((input) =>
  fc
    .array(fc.constantFrom(...EXTREME_STRENGTHS), {
      minLength: input.relationships?.length ?? 0,
      maxLength: input.relationships?.length ?? 0,
    })
    .map((strengths) => ({
      ...input,
      relationships: (input.relationships ?? []).map((rel, i) => ({
        ...rel,
        strength: strengths[i] as number,
      })),
    })),
);

const MEASURES: readonly (readonly [string, (n: Network) => ReadonlyMap<string, number>])[] = [
  ['betweenness', (n) => betweenness(n)],
  ['closeness', (n) => closeness(n)],
  ['harmonic', (n) => harmonic(n)],
  ['pagerank', (n) => pagerank(n)],
  ['eigenvector', (n) => eigenvector(n, { maxIterations: 10_000 })],
  ['constraint', (n) => constraint(n)],
  ['effectiveSize', (n) => effectiveSize(n)],
  ['efficiency', (n) => efficiency(n)],
  ['hierarchy', (n) => hierarchy(n)],
  ['clustering', (n) => clustering(n)],
  ['strength', (n) => strength(n)],
];

describe('extreme tie strengths', () => {
  it(
    'give every person with a tie a number from every measure',
    () => {
      fuzz(
        fc.property(extremeInput, (input) => {
          const network = createNetwork(input);
          const tied = new Set(network.ties().flatMap((tie) => [tie.source, tie.target]));
          for (const [name, measure] of MEASURES) {
            let scores: ReadonlyMap<string, number>;
            try {
              scores = measure(network);
            } catch (error) {
              // Only eigenvector may fail to converge (power iteration on a bipartite network).
              if (name !== 'eigenvector' || !(error instanceof WarmpathError)) throw error;
              expect(error.name).toBe('ConvergenceError');
              continue;
            }
            for (const id of tied) {
              expect(Number.isNaN(scores.get(id)), `${name} of ${id}`).toBe(false);
            }
          }
          for (const bridge of localBridges(network, { weight: 'cost' })) {
            expect(Number.isNaN(bridge.span)).toBe(false);
          }
          expect(() => topConnectors(network, { metric: 'pagerank' })).not.toThrow();
          const [from, to] = [...tied];
          if (from !== undefined && to !== undefined) {
            for (const path of findIntroductions(network, { from, to }).paths) {
              expect(path.probability).toBeGreaterThanOrEqual(0);
              expect(Number.isNaN(path.cost)).toBe(false);
            }
          }
        }),
        60,
      );
    },
    testTimeout(60, 100),
  );

  it('PageRank of a tie of strength 5e-324 is that of any other single tie', () => {
    const of = (s: number) =>
      pagerank(
        createNetwork({
          people: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
          relationships: [{ source: 'a', target: 'b', kind: 'friend', strength: s }],
        }),
      );
    const tiny = of(5e-324);
    const usual = of(0.5);
    for (const id of ['a', 'b', 'c']) expect(tiny.get(id)).toBeCloseTo(usual.get(id) as number, 12);
  });
});

/**
 * The `viewer` option of every connector measure: the answer equals the answer on the dataset
 * without the relationships the viewer may not see; a compiled network with a viewer is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  bridgingTies,
  closeness,
  clustering,
  communities,
  compileNetwork,
  constraint,
  createNetwork,
  degree,
  effectiveSize,
  efficiency,
  eigenvector,
  embeddedness,
  harmonic,
  hierarchy,
  introductionBrokers,
  localBridges,
  modularity,
  type Network,
  neighborhoodOverlap,
  pagerank,
  strength,
  topConnectors,
  type Viewer,
} from '../../src/index.js';
import { optionIssuesOf } from '../support/errors.js';
import { arbitraryVisibilityCase, outcome, PEOPLE, withoutHidden } from '../support/visibility.js';

type Measure = (network: Network, viewer?: Viewer) => unknown;
const opts = (viewer: Viewer | undefined) => (viewer === undefined ? {} : { viewer });

/** Every measure that reads relationships, called with or without a viewer. */
const MEASURES: Readonly<Record<string, Measure>> = {
  betweenness: (n, v) => betweenness(n, opts(v)),
  restrictedBetweenness: (n, v) => betweenness(n, { targets: ['ann', 'bob'], ...opts(v) }),
  introductionBrokers: (n, v) => introductionBrokers(n, opts(v)),
  pagerank: (n, v) => pagerank(n, opts(v)),
  constraint: (n, v) => constraint(n, opts(v)),
  closeness: (n, v) => closeness(n, opts(v)),
  harmonic: (n, v) => harmonic(n, opts(v)),
  eigenvector: (n, v) => eigenvector(n, { maxIterations: 1000, ...opts(v) }),
  degree: (n, v) => degree(n, opts(v)),
  strength: (n, v) => strength(n, opts(v)),
  effectiveSize: (n, v) => effectiveSize(n, opts(v)),
  efficiency: (n, v) => efficiency(n, opts(v)),
  hierarchy: (n, v) => hierarchy(n, opts(v)),
  localBridges: (n, v) => localBridges(n, opts(v)),
  neighborhoodOverlap: (n, v) => neighborhoodOverlap(n, opts(v)),
  embeddedness: (n, v) => embeddedness(n, opts(v)),
  clustering: (n, v) => clustering(n, opts(v)),
  communities: (n, v) => communities(n, opts(v)),
  modularity: (n, v) => modularity(n, [PEOPLE.slice(0, 3), PEOPLE.slice(3)], opts(v)),
  bridgingTies: (n, v) => bridgingTies(n, undefined, opts(v)),
  topConnectors: (n, v) => topConnectors(n, { metric: 'brokers', ...opts(v) }),
  topByConstraint: (n, v) => topConnectors(n, { metric: 'constraint', n: 3, ...opts(v) }),
};

describe('connector measures with a viewer', () => {
  for (const [name, measure] of Object.entries(MEASURES)) {
    it(`${name} equals ${name} on the dataset without the hidden relationships (property)`, () => {
      fc.assert(
        fc.property(arbitraryVisibilityCase, (c) => {
          const network = createNetwork(c.input);
          const expected = outcome(() => measure(createNetwork(withoutHidden(c)), undefined));
          expect(outcome(() => measure(network, c.viewer))).toStrictEqual(expected);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('changes the answer when the viewer may not see a bridge (so the property can fail)', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'friend' },
        { source: 'b', target: 'c', kind: 'friend', visibleTo: ['hr'] },
      ],
    });
    expect(betweenness(network).get('b')).toBe(1);
    expect(betweenness(network, { viewer: { id: 'a' } }).get('b')).toBe(0);
    expect(betweenness(network, { viewer: { id: 'a', teams: ['hr'] } }).get('b')).toBe(1);
    expect(degree(network, { viewer: { id: 'a' } }).get('c')).toBe(0);
  });

  it('refuses a viewer with a compiled network, which holds no visibility', () => {
    const compiled = compileNetwork(createNetwork({ people: [{ id: 'a', name: 'A' }] }));
    const viewer = { id: 'a' };
    for (const run of [
      () => betweenness(compiled, { viewer }),
      () => pagerank(compiled, { viewer }),
      () => constraint(compiled, { viewer }),
      () => embeddedness(compiled, { viewer }),
      () => communities(compiled, { viewer }),
    ])
      expect(optionIssuesOf(run)).toEqual([{ path: 'viewer', code: 'invalid_value' }]);
  });

  it('lists an invalid viewer with the other option problems', () => {
    const network = createNetwork({ people: [{ id: 'a', name: 'A' }] });
    expect(
      optionIssuesOf(() => betweenness(network, { sample: 0, viewer: { id: '' } } as never)),
    ).toEqual([
      { path: 'viewer.id', code: 'invalid_type' },
      { path: 'sample', code: 'out_of_range' },
    ]);
    expect(optionIssuesOf(() => neighborhoodOverlap(network, { viewr: {} } as never))).toEqual([
      { path: 'viewr', code: 'unknown_field' },
    ]);
  });
});

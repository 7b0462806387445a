/**
 * The weighted view measures run on: built once per network and weight name, never for a
 * weight function, and the same numbers either way.
 */
import { describe, expect, it } from 'vitest';
import { weightedView } from '../../src/centrality/weights.js';
import { compileNetwork, pagerank } from '../../src/index.js';
import { randomTies, tieNetwork } from '../support/tie-networks.js';

describe('weightedView', () => {
  const ties = randomTies(40, 90, 5, { strength: (next) => 0.05 + 0.9 * next() });
  const network = tieNetwork(ties.people, ties.ties);

  it('is built once per network and weight name, and per call for a weight function', () => {
    expect(weightedView(network, 'strength', 'similarity')).toBe(
      weightedView(network, 'strength', 'similarity'),
    );
    expect(weightedView(network, 'cost', 'distance')).not.toBe(
      weightedView(network, 'strength', 'similarity'),
    );
    const compiled = compileNetwork(network);
    expect(weightedView(compiled, 'strength', 'similarity')).not.toBe(
      weightedView(network, 'strength', 'similarity'),
    );
    const byFunction = (tie: { strength: number }) => tie.strength;
    expect(weightedView(network, byFunction, 'similarity')).not.toBe(
      weightedView(network, byFunction, 'similarity'),
    );
  });

  it('gives the same weights from the cache, by name, by function and on the compiled form', () => {
    const cached = weightedView(network, 'strength', 'similarity');
    const fresh = weightedView(network, (tie) => tie.strength, 'similarity');
    const compiled = weightedView(compileNetwork(network), 'strength', 'similarity');
    expect(Array.from(cached.weights)).toEqual(Array.from(fresh.weights));
    for (let e = 0; e < cached.weights.length; e++)
      expect(compiled.weights[e] as number).toBeCloseTo(cached.weights[e] as number, 12);
    // A second measure on the cached view answers as the first did.
    expect(pagerank(network)).toEqual(pagerank(network, { weight: (tie) => tie.strength }));
  });
});

import { describe, expect, it } from 'vitest';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { InvalidOptionsError, UnknownEntityError } from '../../src/errors.js';
import { createNetwork } from '../../src/model/create.js';
import type { NetworkInput } from '../../src/model/schema.js';
import { neighborhood } from '../../src/render/neighborhood.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';

// A line a - b - c - d - e, a one-way tie f → a, and g on its own.
const input: NetworkInput = {
  organizations: [{ id: 'org', name: 'Org' }],
  people: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({
    id,
    name: id.toUpperCase(),
    ...(id === 'b' ? { organizationId: 'org', title: 'Boss' } : {}),
  })),
  relationships: [
    { source: 'a', target: 'b', kind: 'friend', strength: 0.9 },
    { source: 'c', target: 'b', kind: 'colleague', strength: 0.3, since: '2024-01-01' },
    { source: 'c', target: 'd', kind: 'client', strength: 0.6 },
    { source: 'd', target: 'e', kind: 'family', strength: 0.7 },
    { source: 'f', target: 'a', kind: 'mentor', strength: 0.5, directed: true },
  ],
};
const network = createNetwork(input);

describe('neighborhood', () => {
  it('holds everyone within `hops` ties, whichever way they run, with their distance', () => {
    const around = neighborhood(network, 'b');
    expect(around.people.map((p) => [p.id, p.distance])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 1],
      ['d', 2],
      ['f', 2],
    ]);
    expect(around.center).toBe('b');
    expect(around.hops).toBe(2);
    expect(around.people.find((p) => p.id === 'b')).toEqual({
      id: 'b',
      name: 'B',
      organizationId: 'org',
      organizationName: 'Org',
      title: 'Boss',
      distance: 0,
    });
    expect(neighborhood(network, 'b', { hops: 1 }).people.map((p) => p.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(neighborhood(network, 'g').people.map((p) => p.id)).toEqual(['g']);
  });

  it('holds every tie among them, one-way ties pointing their way, sorted by source and target', () => {
    const around = neighborhood(network, 'b');
    expect(around.ties).toEqual([
      {
        source: 'a',
        target: 'b',
        forward: 0.9,
        backward: 0.9,
        strength: 0.9,
        kinds: ['friend'],
        forwardKinds: ['friend'],
        backwardKinds: ['friend'],
        directed: false,
      },
      {
        source: 'b',
        target: 'c',
        forward: 0.3,
        backward: 0.3,
        strength: 0.3,
        kinds: ['colleague'],
        forwardKinds: ['colleague'],
        backwardKinds: ['colleague'],
        directed: false,
      },
      {
        source: 'c',
        target: 'd',
        forward: 0.6,
        backward: 0.6,
        strength: 0.6,
        kinds: ['client'],
        forwardKinds: ['client'],
        backwardKinds: ['client'],
        directed: false,
      },
      {
        source: 'f',
        target: 'a',
        forward: 0.5,
        backward: 0,
        strength: 0.5,
        kinds: ['mentor'],
        forwardKinds: ['mentor'],
        backwardKinds: [],
        directed: true,
      },
    ]);
  });

  it('drops tie directions weaker than minStrength, also for distances', () => {
    const strong = neighborhood(network, 'b', { minStrength: 0.5 });
    // b - c (0.3) is gone, so c and d are out of reach.
    expect(strong.people.map((p) => p.id)).toEqual(['a', 'b', 'f']);
    expect(strong.ties.map((t) => `${t.source}-${t.target}`)).toEqual(['a-b', 'f-a']);
    expect(strong.minStrength).toBe(0.5);
  });

  it('is frozen, and does not depend on the order of the input', () => {
    const around = neighborhood(network, 'c');
    expect(Object.isFrozen(around)).toBe(true);
    expect(Object.isFrozen(around.people)).toBe(true);
    expect(Object.isFrozen(around.ties[0])).toBe(true);
    const reversed = createNetwork({
      ...input,
      people: [...(input.people ?? [])].reverse(),
      relationships: [...(input.relationships ?? [])]
        .reverse()
        .map((r) => (r.directed ? r : { ...r, source: r.target, target: r.source })),
    });
    expect(neighborhood(reversed, 'c')).toEqual(around);
  });

  it('looks at the network as it stood asOf a date', () => {
    const before = neighborhood(network, 'b', { asOf: '2023-06-01' });
    expect(before.asOf).toBe('2023-06-01');
    expect(before.people.map((p) => p.id)).toEqual(['a', 'b', 'f']);
    expect(
      neighborhood(network, 'b', { asOf: new Date('2024-02-01T00:00:00Z') }).people,
    ).toHaveLength(5);
    // A network already shown as of a date cannot show a later one.
    const then = createNetwork(input, { asOf: '2023-06-01' });
    thrownBy(() => neighborhood(then, 'b', { asOf: '2024-06-01' }), InvalidOptionsError);
  });

  it('draws the seed story around Michael with his strongest ties', () => {
    const seed = loadSeedNetwork();
    const around = neighborhood(seed, 'michael', { hops: 1 });
    expect(around.people.length - 1).toBe(seed.tiesOf('michael').length);
    for (const tie of around.ties) expect(tie.strength).toBeGreaterThan(0);
  });

  it('throws UnknownEntityError for an unknown person, with a suggestion', () => {
    const error = thrownBy(() => neighborhood(loadSeedNetwork(), 'micheal'), UnknownEntityError);
    expect(error.missing).toEqual([{ entity: 'person', id: 'micheal', suggestion: 'michael' }]);
  });

  it('lists every invalid option at once', () => {
    expect(
      optionIssuesOf(() =>
        neighborhood(network, 'b', {
          hops: 0,
          minStrength: 1.5,
          asOf: '2024-13-01',
          hop: 1,
        } as never),
      ),
    ).toEqual([
      { path: 'hop', code: 'unknown_field' },
      { path: 'hops', code: 'out_of_range' },
      { path: 'minStrength', code: 'out_of_range' },
      { path: 'asOf', code: 'invalid_date' },
    ]);
    for (const options of [
      null,
      'x',
      [],
      { hops: 1.5 },
      { asOf: 5 },
      { asOf: new Date(Number.NaN) },
    ]) {
      thrownBy(() => neighborhood(network, 'b', options as never), InvalidOptionsError);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  graphKey,
  personIdOfGraphKey,
  UnknownEntityError,
} from '../../src/index.js';

const network = createNetwork({
  organizations: [
    { id: 'ad', name: 'Ad firm' },
    { id: 'it', name: 'IT firm' },
  ],
  people: [
    { id: 'laura', name: 'Laura', organizationId: 'ad' },
    { id: 'michael', name: 'Michael', organizationId: 'ad' },
    { id: 'jacob', name: 'Jacob', introductions: 'ask-first' },
    { id: 'dana', name: 'Dana', organizationId: 'it', introductions: 'never' },
    { id: 'solo', name: 'Solo' },
  ],
  jobs: [
    {
      id: 'open-1',
      title: 'Rep',
      organizationId: 'it',
      hiringManagerId: 'dana',
      requirements: ['IT sales'],
      status: 'open',
    },
    {
      id: 'closed-1',
      title: 'Old',
      organizationId: 'ad',
      hiringManagerId: 'laura',
      requirements: [],
      status: 'closed',
    },
  ],
  groups: [{ id: 'bni', name: 'BNI', members: ['laura', 'michael', 'jacob'] }],
  relationships: [
    { source: 'laura', target: 'michael', kind: 'friend', strength: 0.8 },
    { source: 'michael', target: 'laura', kind: 'colleague', strength: 0.6 },
    { source: 'michael', target: 'dana', kind: 'manager', strength: 0.7, directed: true },
    { source: 'dana', target: 'michael', kind: 'other', strength: 0.3, directed: true },
    { source: 'jacob', target: 'dana', kind: 'client', strength: 0.5, directed: true },
  ],
});

describe('Network accessors', () => {
  it('looks records up by id', () => {
    expect(network.person('laura')?.name).toBe('Laura');
    expect(network.person('nobody')).toBeUndefined();
    expect(network.organization('it')?.name).toBe('IT firm');
    expect(network.job('open-1')?.hiringManagerId).toBe('dana');
    expect(network.group('bni')?.members).toHaveLength(3);
  });

  it('throws a named error with a suggestion for unknown ids in queries', () => {
    expect(() => network.relationshipsOf('micheal')).toThrow(UnknownEntityError);
    expect(() => network.relationshipsOf('micheal')).toThrow(
      'unknown person "micheal" (did you mean "michael"?)',
    );
    expect(() => network.membersOf('adv')).toThrow(
      expect.objectContaining({
        name: 'UnknownEntityError',
        missing: [{ entity: 'organization', id: 'adv', suggestion: 'ad' }],
      }),
    );
    expect(() => network.requireJob('open1')).toThrow(
      expect.objectContaining({ missing: [expect.objectContaining({ suggestion: 'open-1' })] }),
    );
  });

  it('lists relationships, members, groups and open jobs in input order', () => {
    expect(network.relationshipsOf('michael').map((r) => r.kind)).toEqual([
      'friend',
      'colleague',
      'manager',
      'other',
    ]);
    expect(network.relationshipsOf('solo')).toEqual([]);
    expect(network.membersOf('ad').map((p) => p.id)).toEqual(['laura', 'michael']);
    expect(network.groupsOf('jacob').map((g) => g.id)).toEqual(['bni']);
    expect(network.groupsOf('dana')).toEqual([]);
    expect(network.openJobs().map((j) => j.id)).toEqual(['open-1']);
  });

  it('defaults the introduction policy to open', () => {
    expect(['laura', 'jacob', 'dana'].map((id) => network.introductionPolicy(id))).toEqual([
      'open',
      'ask-first',
      'never',
    ]);
  });
});

describe('Network ties', () => {
  it('summarises parallel relationships and groups into one tie per pair, keeping all evidence', () => {
    const tie = network.tie('michael', 'laura');
    expect(tie).toMatchObject({
      source: 'laura',
      target: 'michael',
      forward: 0.8,
      backward: 0.8,
      strength: 0.8,
      kinds: ['friend', 'colleague', 'group-member'],
    });
    expect(tie?.evidence.map((e) => e.relationship ?? e.group)).toEqual([0, 1, 'bni']);
  });

  it('gives a group-only pair the group-member base strength', () => {
    expect(network.tie('jacob', 'laura')).toMatchObject({
      forward: 0.25,
      backward: 0.25,
      kinds: ['group-member'],
    });
  });

  it('keeps directions apart for directed relationships', () => {
    expect(network.tie('dana', 'michael')).toMatchObject({
      source: 'michael',
      target: 'dana',
      forward: 0.7,
      backward: 0.3,
    });
    expect(network.tie('jacob', 'dana')).toMatchObject({
      source: 'jacob',
      target: 'dana',
      forward: 0.5,
      backward: 0,
    });
    expect(network.tie('solo', 'laura')).toBeUndefined();
  });

  it('lists ties in first-appearance order', () => {
    expect(network.ties().map((t) => `${t.source}-${t.target}`)).toEqual([
      'laura-michael',
      'michael-dana',
      'jacob-dana',
      'laura-jacob',
      'michael-jacob',
    ]);
    expect(network.tiesOf('dana')).toHaveLength(2);
  });

  it('exposes a graphology graph: undirected edges for symmetric ties, directed otherwise', () => {
    const graph = network.graph;
    expect(graph).toBe(network.graph);
    expect(graph.order).toBe(5);
    expect(graph.undirectedSize).toBe(3);
    expect(graph.directedSize).toBe(3);
    expect(graph.getEdgeAttributes(graph.directedEdge('jacob', 'dana') as string)).toMatchObject({
      strength: 0.5,
      cost: -Math.log(0.5),
    });
    expect(graph.hasDirectedEdge('dana', 'jacob')).toBe(false);
    expect(graph.getNodeAttributes('dana')).toMatchObject({
      id: 'dana',
      label: 'Dana',
      introductions: 'never',
    });
  });

  it('escapes graph keys that graphology cannot hold, reversibly', () => {
    for (const id of ['__proto__', 'constructor', '~x', '~~', 'plain', '']) {
      expect(personIdOfGraphKey(graphKey(id))).toBe(id);
    }
    expect(graphKey('plain')).toBe('plain');
    expect(graphKey('__proto__')).toBe('~__proto__');
    expect(graphKey('~x')).toBe('~~x');
  });

  it('is immutable', () => {
    expect(Object.isFrozen(network)).toBe(true);
    expect(Object.isFrozen(network.people)).toBe(true);
    expect(Object.isFrozen(network.ties()[0])).toBe(true);
    expect(() => (network.people as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});

import fc from 'fast-check';
import Graph, { MultiGraph, MultiUndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { createNetwork, InvalidNetworkError, type NetworkInput } from '../../src/index.js';
import {
  GRAPH_EDGE_TYPES,
  GRAPH_NODE_TYPES,
  networkFromGraphology,
  networkToGraphology,
  nodeKey,
} from '../../src/io/graphology.js';
import {
  ADVERSARIAL_IDS,
  COERCIBLE_ATTRIBUTES,
  LONG_ID,
  withOwnProto,
} from '../support/adversarial.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { networkIssuesOf } from '../support/errors.js';
import { RICH } from '../support/rich-network.js';

/** People with adversarial ids, all related and in one group. */
function adversarialInput(): NetworkInput {
  const people = ADVERSARIAL_IDS.map((id) => ({
    id,
    name: `name ${id}`,
    attributes: withOwnProto(COERCIBLE_ATTRIBUTES, 'kept'),
  }));
  return {
    organizations: [{ id: '__proto__', name: 'Proto <Inc> & "Co"' }],
    people,
    groups: [{ id: 'constructor', name: 'g', members: [...ADVERSARIAL_IDS] }],
    relationships: ADVERSARIAL_IDS.slice(1).map((id, i) => ({
      source: ADVERSARIAL_IDS[i] as string,
      target: id,
      kind: 'friend' as const,
      ...(i % 2 === 0 ? { directed: true } : {}),
    })),
  };
}

function mutable(serialized: SerializedGraph): SerializedGraph {
  return structuredClone(serialized);
}

describe('graphology export', () => {
  const network = createNetwork(RICH);
  const serialized = networkToGraphology(network);

  it('round-trips a network that uses every field exactly', () => {
    expect(networkFromGraphology(serialized).dataset).toStrictEqual(network.dataset);
  });

  it('round-trips through a live graphology graph and through JSON text', () => {
    const graph = Graph.from(serialized);
    expect(networkFromGraphology(graph.export()).dataset).toStrictEqual(network.dataset);
    const multi = new MultiGraph().import(serialized);
    expect(networkFromGraphology(multi.export()).dataset).toStrictEqual(network.dataset);
    const text = JSON.stringify(serialized);
    expect(networkFromGraphology(JSON.parse(text)).dataset).toStrictEqual(network.dataset);
  });

  it('has one node per record, keyed <type>:<id>, in input order', () => {
    const graph = Graph.from(serialized);
    expect(graph.type).toBe('mixed');
    expect(graph.multi).toBe(true);
    expect(graph.nodes()).toEqual([
      'organization:acme',
      'organization:adco',
      'person:jacob',
      'person:michael',
      'person:dana',
      'person:lee',
      'job:it-sales-rep',
      'job:analyst',
      'group:bni',
      'group:empty',
    ]);
    expect(graph.getNodeAttributes('person:jacob')).toEqual({
      type: 'person',
      label: 'Jacob Ellis',
      ...RICH.people?.[0],
    });
    expect(graph.getNodeAttributes('job:it-sales-rep')['label']).toBe('IT sales rep');
    expect(nodeKey('person', 'a:b')).toBe('person:a:b');
    expect(new Set(graph.mapNodes((_, a) => a['type']))).toEqual(new Set(GRAPH_NODE_TYPES));
    expect(new Set(graph.mapEdges((_, a) => a['type']))).toEqual(new Set(GRAPH_EDGE_TYPES));
    expect(graph.getNodeAttributes('group:bni')).toEqual({
      type: 'group',
      label: 'BNI',
      id: 'bni',
      name: 'BNI',
      attributes: { city: 'Cork' },
    });
  });

  it('has the expected edges by type, direction and weight', () => {
    const graph = Graph.from(serialized);
    const count = (type: string) => graph.filterEdges((_, a) => a['type'] === type).length;
    expect(count('relationship')).toBe(5);
    expect(count('member')).toBe(3);
    expect(count('hire')).toBe(1);
    expect(count('application')).toBe(2);
    expect(count('works-at')).toBe(3);
    expect(count('at')).toBe(2);
    expect(count('hiring-manager')).toBe(2);
    expect(graph.size).toBe(18);
    expect(graph.directedSize).toBe(14);
    expect(graph.undirectedSize).toBe(4);

    const strengths = network.strengths();
    const relationships = graph.filterEdges((_, a) => a['type'] === 'relationship');
    relationships.forEach((edge, i) => {
      expect(graph.getEdgeAttribute(edge, 'weight')).toBe(strengths[i]?.strength);
      expect(graph.isDirected(edge)).toBe(RICH.relationships?.[i]?.directed === true);
    });
    expect(graph.extremities('relationship:2')).toEqual(['person:dana', 'person:lee']);
    expect(graph.getEdgeAttributes('relationship:0')).toMatchObject({
      type: 'relationship',
      label: 'friend',
      kind: 'friend',
      interactionsPerMonth: 2.5,
      attributes: { met: 'school' },
    });
    expect(graph.getEdgeAttributes('relationship:0')).not.toHaveProperty('source');
    expect(graph.getEdgeAttributes('hire:0')).toEqual({
      type: 'hire',
      date: '2023-03-01',
      channel: 'referral',
      referrerId: 'michael',
      attributes: { bonus: 500 },
    });
    expect(graph.source('member:0')).toBe('group:bni');
    expect(graph.target('hiring-manager:0')).toBe('person:dana');
  });

  it('needs a multi graph: a simple graph rejects the parallel hire and application', () => {
    expect(() => new Graph().import(serialized)).toThrow();
  });

  it('reads an undirected graph, whose edges graphology exports without the undirected flag', () => {
    const network = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      relationships: [
        { source: 'b', target: 'a', kind: 'friend' },
        { source: 'a', target: 'b', kind: 'colleague', strength: 0.5 },
      ],
    });
    const exported = new MultiUndirectedGraph().import(networkToGraphology(network)).export();
    expect(exported.edges[0]).not.toHaveProperty('undirected');
    expect(networkFromGraphology(exported).dataset).toStrictEqual(network.dataset);
  });

  it('keeps optional fields absent or present, and [] and {} as given', () => {
    const back = networkFromGraphology(serialized);
    expect(back.person('lee')).toStrictEqual({ id: 'lee', name: 'Lee' });
    expect(back.person('jacob')?.tags).toStrictEqual([]);
    expect(back.person('michael')?.attributes).toStrictEqual({});
    expect(back.group('empty')?.members).toStrictEqual([]);
    expect(back.relationships[3]).toStrictEqual(RICH.relationships?.[3]);
  });

  it('writes fresh copies: changing the export does not change the network', () => {
    const copy = networkToGraphology(network);
    const jacob = copy.nodes[2]?.attributes as {
      skills: string[];
      attributes: Record<string, unknown>;
    };
    jacob.skills.push('changed');
    jacob.attributes['cohort'] = 'changed';
    expect(network.person('jacob')?.skills).toEqual(['sales', 'CRM']);
    expect(networkToGraphology(network)).toStrictEqual(serialized);
  });

  it('ignores derived edges and presentation attributes on import', () => {
    const graph = Graph.from(serialized);
    graph.dropEdge('works-at:0');
    graph.setEdgeAttribute('at:0', 'type', 'at');
    graph.addDirectedEdgeWithKey('works-at:x', 'person:lee', 'organization:adco', {
      type: 'works-at',
    });
    graph.forEachNode((node) => {
      graph.mergeNodeAttributes(node, { x: 1, y: 2, size: 3, color: '#f00', label: 'relabelled' });
    });
    graph.forEachEdge((edge) => {
      graph.mergeEdgeAttributes(edge, { weight: 0.123, color: '#0f0', size: 2 });
    });
    expect(networkFromGraphology(graph.export()).dataset).toStrictEqual(network.dataset);
  });

  it('reads a network as of a date', () => {
    const asOf = networkFromGraphology(serialized, { asOf: '2023-06-01' });
    expect(asOf.dataset).toStrictEqual(createNetwork(RICH, { asOf: '2023-06-01' }).dataset);
  });

  it('keeps adversarial ids, attribute keys and attribute values', () => {
    const input = adversarialInput();
    const network = createNetwork(input);
    const serialized = networkToGraphology(network);
    expect(serialized.nodes.map((n) => n.key)).toContain('person:__proto__');
    expect(serialized.nodes.map((n) => n.key)).toContain('person:a:b');
    const graph = Graph.from(serialized);
    expect(graph.order).toBe(1 + ADVERSARIAL_IDS.length + 1);
    expect(graph.neighbors('person:__proto__').sort()).toEqual([
      'group:constructor',
      'person:constructor',
    ]);
    const back = networkFromGraphology(graph.export());
    expect(back.dataset).toStrictEqual(network.dataset);
    const attributes = back.person('__proto__')?.attributes ?? {};
    expect(Object.hasOwn(attributes, '__proto__')).toBe(true);
    expect(attributes['__proto__']).toBe('kept');
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(attributes['42']).toBe('42');
    expect(attributes['t']).toBe('true');
    expect(attributes['n']).toBe(42);
    expect(attributes['e']).toBe('');
    expect(Object.is(attributes['neg'], -0)).toBe(true);
    expect(back.person(LONG_ID)?.name).toBe(`name ${LONG_ID}`);
  });

  it('round-trips any valid network exactly (property)', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput(), (input) => {
        const network = createNetwork(input);
        const serialized = networkToGraphology(network);
        const back = networkFromGraphology(serialized);
        expect(back.dataset).toStrictEqual(network.dataset);
        expect(networkFromGraphology(Graph.from(serialized).export()).dataset).toStrictEqual(
          network.dataset,
        );
        expect(networkToGraphology(back)).toStrictEqual(serialized);
      }),
      { numRuns: 100 },
    );
  });
});

describe('graphology import errors', () => {
  const serialized = networkToGraphology(createNetwork(RICH));

  it('rejects what is not a serialised graph', () => {
    for (const value of [null, 42, 'graph', [], undefined]) {
      const issues = networkIssuesOf(() =>
        networkFromGraphology(value as unknown as SerializedGraph),
      );
      expect(issues).toEqual([expect.objectContaining({ code: 'invalid_type', path: '' })]);
    }
    const issues = networkIssuesOf(() =>
      networkFromGraphology({ nodes: 'x', edges: {} } as unknown as SerializedGraph),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', 'nodes'],
      ['invalid_type', 'edges'],
    ]);
  });

  it('says to export a live graph', () => {
    const graph = Graph.from(serialized);
    const issues = networkIssuesOf(() =>
      networkFromGraphology(graph as unknown as SerializedGraph),
    );
    expect(issues[0]?.message).toContain('graph.export()');
  });

  it('reads an empty graph as an empty network', () => {
    expect(networkFromGraphology({} as SerializedGraph).people).toEqual([]);
  });

  it('points at nodes by key', () => {
    const bad = mutable(serialized);
    bad.nodes.push({ key: 'robot:x', attributes: { type: 'robot' } });
    bad.nodes.push({ key: 'nokey' });
    bad.nodes.push({ attributes: {} } as unknown as SerializedGraph['nodes'][number]);
    bad.nodes.push(7 as unknown as SerializedGraph['nodes'][number]);
    bad.nodes.push({ key: 'person:z', attributes: { type: 'job', id: 'y', name: 'Z' } });
    bad.nodes.push({ key: 'person:q', attributes: 'x' as unknown as Record<string, unknown> });
    bad.nodes.push({ key: 'person:nameless', attributes: { type: 'person' } });
    const jacob = bad.nodes[2]?.attributes as Record<string, unknown>;
    jacob['skills'] = 'sales';
    jacob['introductions'] = 'sometimes';
    jacob['nickname'] = 'Jake';
    delete bad.nodes[3]?.attributes?.['type'];
    const issues = networkIssuesOf(() => networkFromGraphology(bad));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['missing_field', 'nodes["person:michael"].attributes.type'],
      ['invalid_value', 'nodes["robot:x"].key'],
      ['invalid_value', 'nodes["nokey"].key'],
      ['missing_field', 'nodes[12].key'],
      ['invalid_type', 'nodes[13]'],
      ['inconsistent', 'nodes["person:z"].attributes.type'],
      ['inconsistent', 'nodes["person:z"].attributes.id'],
      ['invalid_type', 'nodes["person:q"].attributes'],
      ['invalid_type', 'nodes["person:jacob"].attributes.skills'],
      ['invalid_value', 'nodes["person:jacob"].attributes.introductions'],
      ['unknown_field', 'nodes["person:jacob"].attributes.nickname'],
      ['missing_field', 'nodes["person:nameless"].attributes.name'],
    ]);
  });

  it('points at edges by key', () => {
    const bad = mutable(serialized);
    const edge = (key: string) => {
      const found = bad.edges.find((e) => e.key === key);
      if (!found) throw new Error(key);
      return found as {
        source: string;
        target: string;
        undirected?: boolean;
        attributes: Record<string, unknown>;
      };
    };
    edge('relationship:0').target = 'person:micheal';
    edge('relationship:1').source = 'organization:acme';
    edge('relationship:2').undirected = true;
    edge('relationship:3').attributes['strength'] = 0;
    edge('member:1').source = 'group:bnii';
    edge('member:2').attributes['since'] = '2020-01-01';
    edge('hire:0').target = 'job:nope';
    edge('application:0').undirected = true;
    edge('application:1').attributes['stage'] = 'ghosted';
    edge('at:0').attributes['type'] = 'located-at';
    bad.edges.push({ source: 'person:lee', target: 'person:lee', attributes: {} });
    const issues = networkIssuesOf(() => networkFromGraphology(bad));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', 'edges["relationship:1"].source'],
      ['inconsistent', 'edges["relationship:2"].undirected'],
      ['unknown_reference', 'edges["member:1"].source'],
      ['unknown_field', 'edges["member:2"].attributes.since'],
      ['inconsistent', 'edges["application:0"].undirected'],
      ['invalid_value', 'edges["at:0"].attributes.type'],
      ['missing_field', 'edges[18].attributes.type'],
      ['unknown_reference', 'edges["relationship:0"].target'],
      ['out_of_range', 'edges["relationship:3"].attributes.strength'],
      ['unknown_reference', 'edges["hire:0"].target'],
      ['invalid_value', 'edges["application:1"].attributes.stage'],
    ]);
    expect(issues.find((i) => i.path === 'edges["relationship:0"].target')?.message).toContain(
      'did you mean "michael"?',
    );
    expect(issues.find((i) => i.path === 'edges["member:1"].source')?.message).toContain(
      'did you mean "bni"?',
    );
  });

  it('points duplicate members and ids at their edge and node', () => {
    const bad = mutable(serialized);
    bad.edges.push({
      key: 'member:dup',
      source: 'group:bni',
      target: 'person:jacob',
      attributes: { type: 'member' },
    });
    bad.nodes.push({ key: 'person:lee', attributes: { type: 'person', name: 'Lee again' } });
    const issues = networkIssuesOf(() => networkFromGraphology(bad));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', 'nodes["person:lee"].key'],
      ['duplicate_id', 'edges["member:dup"].target'],
    ]);
  });

  it('rejects a graph of another format or version', () => {
    const issues = networkIssuesOf(() =>
      networkFromGraphology({ ...serialized, attributes: { format: 'other', version: 2 } }),
    );
    expect(issues.map((i) => i.path)).toEqual(['attributes.format', 'attributes.version']);
  });

  it('keeps a hostile __proto__ attribute as an unknown field, not a prototype', () => {
    const text = JSON.stringify(serialized).replace(
      '"label":"Lee"',
      '"label":"Lee","__proto__":{"polluted":true}',
    );
    const issues = networkIssuesOf(() => networkFromGraphology(JSON.parse(text)));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unknown_field',
        path: 'nodes["person:lee"].attributes.__proto__',
      }),
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws anything but InvalidNetworkError on arbitrary input (property)', () => {
    const element = fc.record(
      {
        key: fc.oneof(fc.string(), fc.constantFrom('person:a', 'group:g', 'job:j', '__proto__')),
        source: fc.constantFrom('person:a', 'group:g', 'job:j', 'x'),
        target: fc.constantFrom('person:a', 'person:b', 'job:j'),
        undirected: fc.anything(),
        attributes: fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom('person', 'group', 'job', 'relationship', 'member', 'hire'),
            name: fc.anything(),
            kind: fc.anything(),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ nodes: fc.array(element), edges: fc.array(element) }, { requiredKeys: [] }),
        ),
        (value) => {
          try {
            networkFromGraphology(value as SerializedGraph);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidNetworkError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

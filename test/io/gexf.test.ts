import fc from 'fast-check';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetwork, WarmpathError } from '../../src/index.js';
import { GexfEncodingError, networkFromGexf, networkToGexf } from '../../src/io/gexf.js';
import { LONG_ID } from '../support/adversarial.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { networkIssuesOf, thrownBy } from '../support/errors.js';
import { RICH } from '../support/rich-network.js';
import {
  adversarialXmlInput,
  expectOnlyInvalidNetworkErrors,
  expectRoundTripOrRefusal,
} from '../support/xml-formats.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GEXF export', () => {
  const network = createNetwork(RICH);
  const text = networkToGexf(network);

  it('round-trips a network that uses every field exactly', () => {
    const back = networkFromGexf(text);
    expect(back.dataset).toStrictEqual(network.dataset);
    expect(networkToGexf(back)).toBe(text);
  });

  it('is deterministic GEXF 1.3', () => {
    expect(networkToGexf(createNetwork(RICH))).toBe(text);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
  });

  it('loads in graphology-gexf with labels, types, kinds, directions and weights', () => {
    const graph = gexf.parse(Graph, text);
    const nodesOf = (type: string) => graph.filterNodes((_, a) => a['type'] === type);
    expect(nodesOf('organization')).toEqual(['organization:acme', 'organization:adco']);
    expect(nodesOf('person')).toHaveLength(4);
    expect(nodesOf('job')).toHaveLength(2);
    expect(nodesOf('group')).toHaveLength(2);
    expect(graph.getNodeAttribute('person:jacob', 'label')).toBe('Jacob Ellis');
    expect(graph.getNodeAttribute('job:analyst', 'label')).toBe('Analyst');
    expect(graph.getNodeAttribute('person:jacob', 'color')).toBe('rgb(255,127,14)');
    const edgesOf = (type: string) => graph.filterEdges((_, a) => a['type'] === type);
    expect(edgesOf('relationship')).toHaveLength(5);
    expect(edgesOf('member')).toHaveLength(3);
    expect(edgesOf('hire')).toHaveLength(1);
    expect(edgesOf('application')).toHaveLength(2);
    expect(edgesOf('works-at')).toHaveLength(3);
    expect(edgesOf('at')).toHaveLength(2);
    expect(edgesOf('hiring-manager')).toHaveLength(2);
    expect(graph.size).toBe(18);
    expect(graph.undirectedSize).toBe(4);
    const strengths = network.strengths();
    edgesOf('relationship').forEach((edge, i) => {
      expect(graph.getEdgeAttribute(edge, 'weight')).toBe(strengths[i]?.strength);
      expect(graph.getEdgeAttribute(edge, 'label')).toBe(RICH.relationships?.[i]?.kind);
      expect(graph.isDirected(edge)).toBe(RICH.relationships?.[i]?.directed === true);
    });
    expect(graph.getEdgeAttribute('hire:0', 'kind')).toBe('hire');
    expect(graph.getEdgeAttributes('hire:0')).not.toHaveProperty('weight');
    expect(JSON.parse(graph.getNodeAttribute('person:jacob', 'positions_json'))).toEqual(
      RICH.people?.[0]?.positions,
    );
  });

  it('declares each column with one type: text as string, numbers as numbers', () => {
    const declared = [...text.matchAll(/<attribute id="([^"]+)" title="[^"]+" type="([^"]+)"/g)];
    const types = Object.fromEntries(declared.map((m) => [m[1], m[2]]));
    expect(types).toMatchObject({
      type: 'string',
      name: 'string',
      skills_json: 'string',
      attributes_json: 'string',
      interactionsPerMonth: 'double',
      strength: 'double',
      directed: 'boolean',
    });
    expect(Object.keys(types)).not.toContain('id');
    expect(Object.keys(types)).not.toContain('skills');
  });

  it('keeps adversarial ids, attribute keys and attribute values', () => {
    const network = createNetwork(adversarialXmlInput());
    const text = networkToGexf(network);
    const back = networkFromGexf(text);
    expect(back.dataset).toStrictEqual(network.dataset);
    const attributes = back.person('__proto__')?.attributes ?? {};
    expect(Object.hasOwn(attributes, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(attributes['42']).toBe('42');
    expect(attributes['t']).toBe('true');
    expect(attributes['n']).toBe(42);
    expect(attributes['b']).toBe(true);
    expect(attributes['e']).toBe('');
    expect(Object.is(attributes['neg'], -0)).toBe(true);
    expect(Object.is(back.relationships[0]?.interactionsPerMonth, -0)).toBe(true);
    expect(back.person(LONG_ID)?.name).toBe(` name ${LONG_ID}\n\ttab\r\n `);
    expect(back.person('😀')?.skills).toEqual(['a,b', ' padded ', '\u0002']);
  });

  it('refuses text XML cannot represent, naming every field', () => {
    const input = structuredClone(RICH) as Record<string, Record<string, unknown>[]>;
    const record = (collection: string, index: number): Record<string, unknown> =>
      input[collection]?.[index] ?? {};
    record('people', 1)['name'] = 'Mi\u0007chael';
    record('people', 3)['name'] = 'Lee\uFFFF';
    record('jobs', 0)['id'] = 'it\uD800';
    record('applications', 1)['jobId'] = 'it\uD800';
    record('relationships', 0)['context'] = 'x\u001Fy';
    // Custom attributes are JSON text, which escapes what XML cannot hold: no problem there.
    record('organizations', 0)['attributes'] = { ok: '\u0000' };
    const network = createNetwork(input);
    const encoding = thrownBy(() => networkToGexf(network), GexfEncodingError);
    expect(encoding).toBeInstanceOf(WarmpathError);
    expect(encoding.name).toBe('GexfEncodingError');
    expect(encoding.issues.map((i) => i.path)).toEqual([
      'people[1].name',
      'people[3].name',
      'jobs[0].id',
      'relationships[0].context',
    ]);
    expect(encoding.issues[0]?.message).toContain('U+0007');
    expect(encoding.message).toContain('people[3].name: contains U+FFFF');
  });

  it('round-trips any network XML can hold, and refuses exactly the others (property)', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput({ xmlSafe: true }), (input) => {
        const network = createNetwork(input);
        const text = networkToGexf(network);
        expect(networkFromGexf(text).dataset).toStrictEqual(network.dataset);
      }),
      { numRuns: 100 },
    );
    expectRoundTripOrRefusal(networkToGexf, networkFromGexf, GexfEncodingError);
  });
});

describe('GEXF import', () => {
  const text = networkToGexf(createNetwork(RICH));

  it('reads a file laid out and saved by Gephi (positions, sizes, colours, weights ignored)', () => {
    const laidOut = text
      .replaceAll(
        '<viz:color',
        '<viz:position x="1.5" y="-2" z="0"/><viz:size value="7"/><viz:color',
      )
      .replace('weight="0.7"', 'weight="3"');
    expect(laidOut).not.toBe(text);
    expect(networkFromGexf(laidOut).dataset).toStrictEqual(createNetwork(RICH).dataset);
  });

  it('reads text with a byte-order mark, and a network as of a date', () => {
    expect(networkFromGexf(`\uFEFF${text}`).people).toHaveLength(4);
    expect(networkFromGexf(text, { asOf: '2023-06-01' }).dataset).toStrictEqual(
      createNetwork(RICH, { asOf: '2023-06-01' }).dataset,
    );
  });

  it('rejects text that is not GEXF, without console output', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const graphml = '<graphml><graph edgedefault="directed"><node id="n0"/></graph></graphml>';
    for (const input of [
      '',
      '   ',
      'not xml',
      '<gexf',
      '<gexf/>',
      graphml,
      '<gexf><graph><nodes><node id="a" label="x></nodes></graph></gexf>',
    ]) {
      const issues = networkIssuesOf(() => networkFromGexf(input, {}, 'network.gexf'));
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue).toMatchObject({ code: 'parse_error', path: '', file: 'network.gexf' });
      }
    }
    expect(networkIssuesOf(() => networkFromGexf(42 as unknown as string))[0]?.code).toBe(
      'parse_error',
    );
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('gives the line of malformed XML', () => {
    const broken = text.replace(
      '<node id="person:lee" label="Lee">',
      '<node id="person:lee" label="Lee>',
    );
    const issues = networkIssuesOf(() => networkFromGexf(broken));
    expect(issues[0]?.code).toBe('parse_error');
    expect(issues[0]?.message).toContain('not well-formed XML');
    expect(issues[0]?.line).toBeGreaterThan(1);
  });

  it('points at nodes, edges and columns by id', () => {
    const bad = text
      .replace(
        'value="[&quot;sales&quot;,&quot;CRM&quot;]"',
        'value="[&quot;sales&quot;,&quot;&quot;]"',
      )
      .replace(
        '<attvalue for="name" value="Michael Brennan"/>',
        '<attvalue for="name" value="Michael Brennan"/><attvalue for="nickname" value="Mike"/>',
      )
      .replace(
        '<attribute id="type" title="type" type="string"/>',
        '<attribute id="type" title="type" type="string"/><attribute id="nickname" title="nickname" type="string"/>',
      )
      .replace('value="[&quot;IT sales&quot;,&quot;German&quot;]"', 'value="[IT sales"')
      .replace(
        '<attvalue for="hiringManagerId" value="dana"/>',
        '<attvalue for="hiringManagerId" value="dnaa"/>',
      )
      .replace('<attvalue for="kind" value="friend"/>', '<attvalue for="kind" value="freind"/>')
      .replace(
        '</nodes>',
        '<node id="robot:x"><attvalues><attvalue for="type" value="robot"/></attvalues></node></nodes>',
      );
    const issues = networkIssuesOf(() => networkFromGexf(bad, {}, 'bad.gexf'));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['parse_error', 'nodes["job:it-sales-rep"].attributes.requirements_json'],
      ['invalid_value', 'nodes["robot:x"].key'],
      ['out_of_range', 'nodes["person:jacob"].attributes.skills_json[1]'],
      ['unknown_field', 'nodes["person:michael"].attributes.nickname'],
      ['unknown_reference', 'nodes["job:it-sales-rep"].attributes.hiringManagerId'],
      ['invalid_value', 'edges["relationship:0"].attributes.kind'],
    ]);
    expect(issues.every((i) => i.file === 'bad.gexf')).toBe(true);
    expect(issues[4]?.message).toContain('did you mean "dana"?');
  });

  it('reports an edge to a node that is not in the file', () => {
    const bad = text.replace('target="person:michael"', 'target="person:micheal"');
    const issues = networkIssuesOf(() => networkFromGexf(bad));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'parse_error',
        message: expect.stringContaining('not the id of a node in the file'),
      }),
    ]);
  });

  it('names a list column written without JSON', () => {
    const bad = text.replaceAll('skills_json', 'skills');
    const issues = networkIssuesOf(() => networkFromGexf(bad));
    expect(issues[0]).toMatchObject({
      code: 'unknown_field',
      path: 'nodes["person:jacob"].attributes.skills',
    });
    expect(issues[0]?.message).toContain('skills_json');
  });

  it('never throws anything but InvalidNetworkError on damaged files (property)', () => {
    expectOnlyInvalidNetworkErrors(text, networkFromGexf, ['<node id="__proto__"/>', '</graph>']);
  });
});

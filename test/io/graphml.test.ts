import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import Graph from 'graphology';
import graphmlLib from 'graphology-graphml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createNetwork,
  type NetworkInput,
  networkToGraphology,
  WarmpathError,
  XmlEncodingError,
} from '../../src/index.js';
import {
  GraphmlEncodingError,
  networkFromGraphml,
  networkToGraphml,
} from '../../src/io/graphml.js';
import { LONG_ID } from '../support/adversarial.js';
import { arbitraryNetworkInput } from '../support/arbitraries.js';
import { networkIssuesOf, thrownBy } from '../support/errors.js';
import { RICH } from '../support/rich-network.js';
import {
  adversarialXmlInput,
  expectOnlyInvalidNetworkErrors,
  expectRoundTripOrRefusal,
} from '../support/xml-formats.js';

const KEY_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];

function elements(
  parent: { getElementsByTagName(name: string): ArrayLike<unknown> },
  name: string,
) {
  return Array.from(parent.getElementsByTagName(name)) as Element[];
}

/**
 * Checks a GraphML document against the structural rules of the GraphML specification, parsing
 * it with xmldom independently of graphology-graphml: well-formed XML, a <graphml> root in the
 * GraphML namespace, keys with unique ids, a valid `for` and `attr.type`, one key per name and
 * element kind; every <data> names a key declared for its element kind, with a value of the
 * key's type; node ids and edge ids unique; every edge endpoint a node. Returns what is wrong.
 */
function structuralProblems(text: string): string[] {
  const problems: string[] = [];
  const report = (message: string) => problems.push(`xml: ${message}`);
  const doc = new DOMParser({
    errorHandler: { warning: report, error: report, fatalError: report },
  }).parseFromString(text, 'application/xml');
  const root = doc.documentElement;
  if (root?.tagName !== 'graphml') return [...problems, `root is ${root?.tagName}`];
  if (root.getAttribute('xmlns') !== 'http://graphml.graphdrawing.org/xmlns') {
    problems.push('root is not in the GraphML namespace');
  }
  const keys = new Map<string, { domain: string; type: string }>();
  const names = new Set<string>();
  for (const key of elements(doc, 'key')) {
    const id = key.getAttribute('id') ?? '';
    const domain = key.getAttribute('for') ?? '';
    const name = key.getAttribute('attr.name') ?? '';
    const type = key.getAttribute('attr.type') ?? '';
    if (id === '' || keys.has(id)) problems.push(`key id ${JSON.stringify(id)} empty or repeated`);
    if (!['graph', 'node', 'edge'].includes(domain)) problems.push(`key ${id} for=${domain}`);
    if (!KEY_TYPES.includes(type)) problems.push(`key ${id} attr.type=${type}`);
    if (name === '' || names.has(`${domain}/${name}`)) problems.push(`key name ${domain}/${name}`);
    names.add(`${domain}/${name}`);
    keys.set(id, { domain, type });
  }
  const graphs = elements(doc, 'graph');
  if (graphs.length !== 1) problems.push(`${graphs.length} <graph> elements`);
  const edgeDefault = graphs[0]?.getAttribute('edgedefault');
  if (edgeDefault !== 'directed' && edgeDefault !== 'undirected') {
    problems.push(`edgedefault=${edgeDefault}`);
  }
  for (const data of elements(doc, 'data')) {
    const key = keys.get(data.getAttribute('key') ?? '');
    const owner = (data.parentNode as Element | null)?.tagName;
    const value = data.textContent ?? '';
    if (key === undefined) {
      problems.push(`undeclared data key ${data.getAttribute('key')}`);
      continue;
    }
    if (key.domain !== owner) problems.push(`key ${data.getAttribute('key')} used on <${owner}>`);
    if (key.type === 'double' && !Number.isFinite(Number(value))) {
      problems.push(`double ${value}`);
    }
    if (key.type === 'int' && !Number.isInteger(Number(value))) problems.push(`int ${value}`);
    if (key.type === 'boolean' && value !== 'true' && value !== 'false') {
      problems.push(`boolean ${value}`);
    }
  }
  const nodeIds = new Set<string>();
  for (const node of elements(doc, 'node')) {
    const id = node.getAttribute('id') ?? '';
    if (id === '' || nodeIds.has(id)) problems.push(`node id ${JSON.stringify(id)}`);
    nodeIds.add(id);
  }
  const edgeIds = new Set<string>();
  for (const edge of elements(doc, 'edge')) {
    const id = edge.getAttribute('id') ?? '';
    if (id === '' || edgeIds.has(id)) problems.push(`edge id ${JSON.stringify(id)}`);
    edgeIds.add(id);
    for (const end of ['source', 'target']) {
      if (!nodeIds.has(edge.getAttribute(end) ?? '')) problems.push(`edge ${id} ${end} missing`);
    }
  }
  return problems;
}

/** The graph graphology-graphml reads (with graphology's own Graph class, no help from us). */
function graphologyRead(text: string): Graph {
  return graphmlLib.parse(Graph, text) as Graph;
}

/** Node keys, edge keys, endpoints and directions, as graphology holds them. */
function shape(graph: Pick<Graph, 'nodes' | 'edges' | 'source' | 'target' | 'isUndirected'>) {
  return {
    nodes: graph.nodes(),
    edges: graph.edges().map((e) => [e, graph.source(e), graph.target(e), graph.isUndirected(e)]),
  };
}

/** The shared adversarial network, plus what only a hand-written XML writer must escape. */
function adversarialInput(): NetworkInput {
  const input = adversarialXmlInput();
  return {
    ...input,
    organizations: [{ id: '__proto__', name: 'Proto <Inc> & "Co" ]]>' }],
    people: (input.people ?? []).map((p) => ({ ...p, name: `${p.name}\r` })),
    relationships: (input.relationships ?? []).map((r, i) => ({
      ...r,
      interactionsPerMonth: i === 0 ? -0 : i + 0.125,
      context: `"quoted"\t<${r.target}>`,
    })),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GraphML export', () => {
  const network = createNetwork(RICH);
  const text = networkToGraphml(network);

  it('round-trips a network that uses every field exactly, and is deterministic', () => {
    const back = networkFromGraphml(text);
    expect(back.dataset).toStrictEqual(network.dataset);
    expect(networkToGraphml(back)).toBe(text);
    expect(networkToGraphml(createNetwork(RICH))).toBe(text);
  });

  it('is structurally valid GraphML with every data key declared', () => {
    expect(structuralProblems(text)).toEqual([]);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')).toBe(true);
    expect(text).toContain('<graph edgedefault="undirected">');
  });

  it('declares each key once per element kind, with the type of its values', () => {
    const declared = [
      ...text.matchAll(/<key id="([^"]+)" for="([^"]+)" attr.name="([^"]+)" attr.type="([^"]+)"/g),
    ];
    const types = Object.fromEntries(declared.map((m) => [`${m[2]}/${m[3]}`, m[4]]));
    expect(types).toMatchObject({
      'graph/format': 'string',
      'graph/version': 'int',
      'node/type': 'string',
      'node/label': 'string',
      'node/name': 'string',
      'node/skills_json': 'string',
      'node/attributes_json': 'string',
      'edge/weight': 'double',
      'edge/strength': 'double',
      'edge/interactionsPerMonth': 'double',
      'edge/directed': 'boolean',
    });
    expect(Object.keys(types)).not.toContain('node/id');
    expect(Object.keys(types)).not.toContain('node/skills');
    expect(new Set(declared.map((m) => m[1])).size).toBe(declared.length);
  });

  it('loads in graphology-graphml as the same graph as the graphology export', () => {
    const graph = graphologyRead(text);
    const expected = Graph.from(networkToGraphology(network));
    expect(shape(graph)).toEqual(shape(expected));
    expect(graph.type).toBe('mixed');
    expect(graph.getAttributes()).toEqual({ format: 'warmpath', version: 1 });
    expect(graph.getNodeAttribute('person:jacob', 'label')).toBe('Jacob Ellis');
    expect(graph.getNodeAttribute('job:analyst', 'type')).toBe('job');
    const strengths = network.strengths();
    graph
      .filterEdges((_, a) => a['type'] === 'relationship')
      .forEach((edge, i) => {
        expect(graph.getEdgeAttribute(edge, 'weight')).toBe(strengths[i]?.strength);
        expect(graph.getEdgeAttribute(edge, 'label')).toBe(RICH.relationships?.[i]?.kind);
      });
    expect(JSON.parse(graph.getNodeAttribute('person:jacob', 'positions_json'))).toEqual(
      RICH.people?.[0]?.positions,
    );
  });

  it('keeps adversarial ids, text with tabs and line breaks, attribute keys and -0', () => {
    const network = createNetwork(adversarialInput());
    const text = networkToGraphml(network);
    expect(structuralProblems(text)).toEqual([]);
    const back = networkFromGraphml(text);
    expect(back.dataset).toStrictEqual(network.dataset);
    const attributes = back.person('__proto__')?.attributes ?? {};
    expect(Object.hasOwn(attributes, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(attributes['42']).toBe('42');
    expect(attributes['n']).toBe(42);
    expect(Object.is(attributes['neg'], -0)).toBe(true);
    expect(Object.is(back.relationships[0]?.interactionsPerMonth, -0)).toBe(true);
    expect(back.person(LONG_ID)?.name).toBe(` name ${LONG_ID}\n\ttab\r\n \r`);
    expect(back.organization('__proto__')?.name).toBe('Proto <Inc> & "Co" ]]>');
    expect(shape(graphologyRead(text))).toEqual(shape(Graph.from(networkToGraphology(network))));
  });

  it('refuses text XML cannot represent, naming every field', () => {
    const input = structuredClone(RICH) as Record<string, Record<string, unknown>[]>;
    const record = (collection: string, index: number): Record<string, unknown> =>
      input[collection]?.[index] ?? {};
    record('people', 1)['name'] = 'Mi\u0007chael';
    record('jobs', 0)['id'] = 'it\uD800';
    record('applications', 1)['jobId'] = 'it\uD800';
    record('relationships', 0)['context'] = 'x\u001Fy';
    record('organizations', 0)['attributes'] = { ok: '\u0000' };
    const network = createNetwork(input);
    const encoding = thrownBy(() => networkToGraphml(network), GraphmlEncodingError);
    expect(encoding).toBeInstanceOf(XmlEncodingError);
    expect(encoding).toBeInstanceOf(WarmpathError);
    expect(encoding.name).toBe('GraphmlEncodingError');
    expect(encoding.issues.map((i) => i.path)).toEqual([
      'people[1].name',
      'jobs[0].id',
      'relationships[0].context',
    ]);
    expect(encoding.message).toContain('Cannot write GraphML (3 problems)');
    expect(encoding.message).toContain('people[1].name: contains U+0007');
  });

  it('round-trips any network XML can hold, read by both readers (property)', () => {
    fc.assert(
      fc.property(arbitraryNetworkInput({ xmlSafe: true }), (input) => {
        const network = createNetwork(input);
        const text = networkToGraphml(network);
        expect(structuralProblems(text)).toEqual([]);
        expect(networkFromGraphml(text).dataset).toStrictEqual(network.dataset);
        expect(shape(graphologyRead(text))).toEqual(
          shape(Graph.from(networkToGraphology(network))),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips any network, refusing exactly the text XML cannot hold (property)', () => {
    expectRoundTripOrRefusal(networkToGraphml, networkFromGraphml, GraphmlEncodingError, (text) =>
      expect(structuralProblems(text)).toEqual([]),
    );
  });
});

describe('GraphML import', () => {
  const text = networkToGraphml(createNetwork(RICH));

  it('reads a file with display data added by an editor (positions, colours ignored)', () => {
    const edited = text
      .replace(
        '<key id="n_type"',
        '<key id="d_x" for="node" attr.name="x" attr.type="double"/>\n  <key id="d_color" for="node" attr.name="color" attr.type="string"/>\n  <key id="n_type"',
      )
      .replaceAll(
        '<data key="n_type">person</data>',
        '<data key="n_type">person</data><data key="d_x">1.5</data><data key="d_color">#ff0000</data>',
      )
      .replace('<data key="e_weight">0.7</data>', '<data key="e_weight">3</data>');
    expect(edited).not.toBe(text);
    expect(networkFromGraphml(edited).dataset).toStrictEqual(createNetwork(RICH).dataset);
  });

  it('reads text with a byte-order mark, and a network as of a date', () => {
    expect(networkFromGraphml(`\uFEFF${text}`).people).toHaveLength(4);
    expect(networkFromGraphml(text, { asOf: '2023-06-01' }).dataset).toStrictEqual(
      createNetwork(RICH, { asOf: '2023-06-01' }).dataset,
    );
  });

  it('rejects text that is not GraphML, without console output', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    for (const input of [
      '',
      'not xml',
      '<graphml',
      '<graphml/>',
      '<gexf><graph><nodes/></graph></gexf>',
      '<graphml><graph edgedefault="undirected"><node id="a" x="1></graph></graphml>',
      '<graphml><graph><hyperedge><endpoint node="a"/></hyperedge></graph></graphml>',
    ]) {
      const issues = networkIssuesOf(() => networkFromGraphml(input, {}, 'network.graphml'));
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue).toMatchObject({ code: 'parse_error', path: '', file: 'network.graphml' });
      }
    }
    expect(networkIssuesOf(() => networkFromGraphml(7 as unknown as string))[0]?.code).toBe(
      'parse_error',
    );
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('gives the line of malformed XML', () => {
    const broken = text.replace('<node id="person:lee">', '<node id="person:lee>');
    expect(broken).not.toBe(text);
    const issues = networkIssuesOf(() => networkFromGraphml(broken));
    expect(issues[0]?.code).toBe('parse_error');
    expect(issues[0]?.message).toContain('not well-formed XML');
    const line = text.split('\n').findIndex((l) => l.includes('<node id="person:lee">')) + 1;
    expect(issues[0]?.line).toBeGreaterThanOrEqual(line);
  });

  it('lists every structural problem at once: repeated ids, edges to missing nodes', () => {
    const bad = text
      .replace(
        '    <edge id="relationship:0"',
        '    <node id="person:dana"/>\n    <edge id="relationship:0"',
      )
      .replace('<edge id="hire:0"', '<edge id="member:1"')
      .replace('target="person:michael"', 'target="person:micheal"')
      .replace('source="group:bni" target="person:lee"', 'source="group:bnj" target="person:lee"');
    const issues = networkIssuesOf(() => networkFromGraphml(bad, {}, 'bad.graphml'));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', 'nodes["person:dana"]'],
      ['unknown_reference', 'edges["relationship:0"].target'],
      ['unknown_reference', 'edges["member:2"].source'],
      ['duplicate_id', 'edges["member:1"]'],
    ]);
    expect(issues.every((i) => i.file === 'bad.graphml')).toBe(true);
    expect(issues[1]?.message).toBe('"person:micheal" is not the id of a node in the file');
    const noEnds = text.replace(
      '<edge id="member:0" source="group:bni" target="person:jacob"',
      '<edge id="member:0"',
    );
    expect(networkIssuesOf(() => networkFromGraphml(noEnds)).map((i) => i.message)).toEqual([
      'the <edge> has no source',
      'the <edge> has no target',
    ]);
  });

  it('names keys and graphs graphology-graphml cannot read', () => {
    const forAll = text.replace('for="node" attr.name="label"', 'for="all" attr.name="label"');
    const vector = text.replace(
      'attr.name="label" attr.type="string"',
      'attr.name="label" attr.type="vector"',
    );
    const mixed = text.replace('edgedefault="undirected"', 'edgedefault="mixed"');
    expect(networkIssuesOf(() => networkFromGraphml(forAll))[0]?.message).toContain(
      'key "n_label" is declared for="all"',
    );
    expect(networkIssuesOf(() => networkFromGraphml(vector))[0]?.message).toContain(
      'key "n_label" has attr.type="vector"',
    );
    expect(networkIssuesOf(() => networkFromGraphml(mixed))[0]?.message).toContain(
      'edgedefault must be "directed" or "undirected"',
    );
  });

  it('reads edges without ids, never merging two edges into one', () => {
    const withoutIds = text.replace(/<edge id="[^"]+" /g, '<edge ');
    expect(networkFromGraphml(withoutIds).dataset).toStrictEqual(createNetwork(RICH).dataset);
    const twice = {
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      relationships: [
        { source: 'a', target: 'b', kind: 'friend' as const },
        { source: 'a', target: 'b', kind: 'colleague' as const, since: '2020-01-01' },
      ],
    };
    const parallel = networkToGraphml(createNetwork(twice)).replace(/<edge id="[^"]+" /g, '<edge ');
    expect(networkFromGraphml(parallel).relationships).toEqual(twice.relationships);
    // An edge without an id is named by its place among the edges in error reports.
    const badKind = parallel.replace(
      '<data key="e_kind">colleague</data>',
      '<data key="e_kind">pal</data>',
    );
    expect(networkIssuesOf(() => networkFromGraphml(badKind)).map((i) => i.path)).toEqual([
      'edges["#2"].attributes.kind',
    ]);
  });

  it('points at nodes, edges and columns by id', () => {
    const bad = text
      .replace('["sales","CRM"]', '["sales",""]')
      .replace(
        '<data key="n_hiringManagerId">dana</data>',
        '<data key="n_hiringManagerId">dnaa</data>',
      )
      .replace('<data key="e_kind">friend</data>', '<data key="e_kind">freind</data>');
    expect(bad.includes('freind') && bad.includes('dnaa') && bad.includes('"sales",""')).toBe(true);
    const issues = networkIssuesOf(() => networkFromGraphml(bad, {}, 'bad.graphml'));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['out_of_range', 'nodes["person:jacob"].attributes.skills_json[1]'],
      ['unknown_reference', 'nodes["job:it-sales-rep"].attributes.hiringManagerId'],
      ['invalid_value', 'edges["relationship:0"].attributes.kind'],
    ]);
    expect(issues.every((i) => i.file === 'bad.graphml')).toBe(true);
    expect(issues[1]?.message).toContain('did you mean "dana"?');
  });

  it('never throws anything but InvalidNetworkError on damaged files (property)', () => {
    expectOnlyInvalidNetworkErrors(text, networkFromGraphml, [
      '<node id="person:x"/>',
      '</graph>',
      '<edge/>',
    ]);
  });
});

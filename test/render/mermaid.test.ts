import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { createNetwork } from '../../src/model/create.js';
import { findIntroductions } from '../../src/paths/find.js';
import { mermaidId } from '../../src/render/escape.js';
import { toMermaid } from '../../src/render/mermaid.js';
import { neighborhood } from '../../src/render/neighborhood.js';
import { thrownBy } from '../support/errors.js';
import { mermaidLabelLines } from './support.js';
import { expectedLines, hardText } from './text.js';

const network = loadSeedNetwork();
const jacobToGreg = findIntroductions(network, {
  from: 'jacob',
  to: { job: 'it-sales-rep' },
  asOf: '2024-04-10',
  k: 3,
});

const NODE = /^ +(\w+)(\(\[|\[\[|\()"([^"]*)"(\]\)|\]\]|\))$/;
const EDGE = /^ +(\w+) (-->|---)\|"([^"]*)"\| (\w+)$/;

interface MermaidNode {
  readonly id: string;
  readonly shape: string;
  readonly lines: string[];
}

function parseMermaid(source: string): {
  lines: string[];
  nodes: MermaidNode[];
  edges: { from: string; link: string; lines: string[]; to: string }[];
} {
  const lines = source.trimEnd().split('\n');
  const nodes: MermaidNode[] = [];
  const edges: { from: string; link: string; lines: string[]; to: string }[] = [];
  for (const line of lines) {
    const node = NODE.exec(line);
    if (node) {
      nodes.push({
        id: node[1] as string,
        shape: `${node[2]}${node[4]}`,
        lines: mermaidLabelLines(node[3] as string),
      });
    }
    const edge = EDGE.exec(line);
    if (edge) {
      edges.push({
        from: edge[1] as string,
        link: edge[2] as string,
        lines: mermaidLabelLines(edge[3] as string),
        to: edge[4] as string,
      });
    }
  }
  return { lines, nodes, edges };
}

describe('toMermaid of chains', () => {
  const source = toMermaid(jacobToGreg, { network });
  const { lines, nodes, edges } = parseMermaid(source);

  it('writes a flowchart with one subgraph per chain, one node per person and one link per hop', () => {
    expect(lines.slice(0, 4)).toEqual([
      '---',
      'title: "Jacob Okafor → Greg Hollis, hiring manager for IT Solutions Sales Representative · 3 chains · at least one works: p = 0.61"',
      '---',
      'flowchart LR',
    ]);
    expect(lines.filter((l) => /^ {2}subgraph chain\d+\["/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => l === '  end')).toHaveLength(3);
    expect(lines.filter((l) => l === '    direction LR')).toHaveLength(3);
    const { paths } = jacobToGreg;
    expect(nodes.map((n) => n.id)).toEqual(
      paths.flatMap((p, i) => p.people.map((id) => `c${i + 1}_${mermaidId(id)}`)),
    );
    expect(edges.map((e) => [e.from, e.link, e.to])).toEqual(
      paths.flatMap((p, i) =>
        p.hops.map((h) => [
          `c${i + 1}_${mermaidId(h.from)}`,
          '-->',
          `c${i + 1}_${mermaidId(h.to)}`,
        ]),
      ),
    );
    // Every line is a statement Mermaid knows.
    for (const line of lines.slice(4)) {
      expect(line).toMatch(
        /^( {2}subgraph chain\d+\["[^"]*"\]| {4}direction LR| {2}end|.*?(-->|---)\|.*| {4}\w+[[(].*| {2}classDef \w+ [\w:#,.-]+| {2}class [\w,]+ \w+| {2}linkStyle \d+ stroke-width:[\d.]+px)$/,
      );
    }
  });

  it('labels people with name and organisation, hops with kinds and strength', () => {
    for (const node of nodes) {
      const id = jacobToGreg.paths
        .flatMap((p) => p.people)
        .find((person) => node.id.endsWith(`_${mermaidId(person)}`)) as string;
      const person = network.requirePerson(id);
      expect(node.lines[0]).toBe(person.name);
      expect(node.lines[1]).toBe(network.organization(person.organizationId ?? '')?.name);
    }
    const hops = jacobToGreg.paths.flatMap((p) => p.hops);
    edges.forEach((edge, i) => {
      const hop = hops[i];
      expect(edge.lines.slice(0, 2)).toEqual([
        hop?.kinds.map((k) => k.replace('-', ' ')).join(', '),
        hop?.strength.toFixed(2),
      ]);
    });
  });

  it('gives the candidate, target and shared intermediaries their own shape or class', () => {
    const shapeOf = (id: string): string | undefined => nodes.find((n) => n.id === id)?.shape;
    expect(shapeOf('c1_p_jacob')).toBe('([])');
    expect(shapeOf('c1_p_greg_2d_hollis')).toBe('[[]]');
    expect(shapeOf('c2_p_coach')).toBe('()');
    const classOf = (name: string): string[] =>
      lines
        .find((l) => l.startsWith('  class ') && l.endsWith(` ${name}`))
        ?.split(' ')[3]
        ?.split(',') ?? [];
    expect(classOf('candidate')).toEqual(['c1_p_jacob', 'c2_p_jacob', 'c3_p_jacob']);
    expect(classOf('target')).toEqual([
      'c1_p_greg_2d_hollis',
      'c2_p_greg_2d_hollis',
      'c3_p_greg_2d_hollis',
    ]);
    expect(classOf('shared')).toEqual(['c1_p_michael', 'c2_p_michael', 'c3_p_michael']);
    const widths = lines.filter((l) => l.startsWith('  linkStyle '));
    expect(widths.map((l) => Number(l.split(' ')[3]))).toEqual(edges.map((_, i) => i));
  });
});

describe('toMermaid of a neighbourhood', () => {
  it('links two-way ties with --- and one-way ties with -->', () => {
    const small = createNetwork({
      people: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
        { id: 'c', name: 'C' },
      ],
      relationships: [
        { source: 'a', target: 'b', kind: 'friend', strength: 0.8 },
        { source: 'c', target: 'a', kind: 'mentor', strength: 0.5, directed: true },
      ],
    });
    const { lines, nodes, edges } = parseMermaid(toMermaid(neighborhood(small, 'a')));
    expect(lines[1]).toBe('title: "A\'s network, within 2 ties · 2 people · 2 ties"');
    expect(nodes.map((n) => [n.id, n.shape])).toEqual([
      ['p_a', '([])'],
      ['p_b', '()'],
      ['p_c', '()'],
    ]);
    expect(edges).toEqual([
      { from: 'p_a', link: '---', lines: ['friend', '0.80'], to: 'p_b' },
      { from: 'p_c', link: '-->', lines: ['mentor', '0.50'], to: 'p_a' },
    ]);
    expect(lines.some((l) => l.includes('subgraph'))).toBe(false);
  });
});

describe('Mermaid escaping', () => {
  it('maps person ids to safe node ids, the same each time and never two ids to one', () => {
    expect(mermaidId('greg-hollis')).toBe('p_greg_2d_hollis');
    expect(mermaidId('end')).toBe('p_end');
    expect(mermaidId('a_b')).toBe('p_a_5f_b');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(mermaidId(a)).toMatch(/^p_[A-Za-z0-9_]*$/);
        expect(mermaidId(a)).toBe(mermaidId(a));
        if (a !== b) expect(mermaidId(a)).not.toBe(mermaidId(b));
      }),
      { numRuns: 500 },
    );
  });

  it('writes any name so that Mermaid shows it as written and reads no syntax in it', () => {
    fc.assert(
      fc.property(hardText, hardText, hardText, (name, organization, id) => {
        const net = createNetwork({
          organizations: [{ id: 'o', name: organization }],
          people: [
            { id, name, organizationId: 'o' },
            { id: `${id}2`, name: 'Other' },
          ],
          relationships: [{ source: id, target: `${id}2`, kind: 'friend', strength: 0.5 }],
        });
        const source = toMermaid(findIntroductions(net, { from: id, to: `${id}2` }), {
          network: net,
        });
        const { nodes, edges } = parseMermaid(source);
        expect(nodes).toHaveLength(2);
        expect(edges).toHaveLength(1);
        const node = nodes.find((n) => n.id === `c1_${mermaidId(id)}`);
        expect(node?.lines).toEqual([...expectedLines(name), ...expectedLines(organization)]);
        const line = source.split('\n').find((l) => l.startsWith(`    c1_${mermaidId(id)}(`));
        // Nothing in a label that Mermaid's lexer or preprocessor would act on.
        const label = line?.slice(line.indexOf('"') + 1, line.lastIndexOf('"')) ?? '';
        expect(label.replaceAll('<br/>', '')).not.toMatch(/["`|%:\\<>&]|#(?!quot;|\d+;)/);
        expect(label).not.toMatch(/direction\s+(TB|BT|RL|LR)/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toMermaid errors', () => {
  it('refuses other subjects and invalid options', () => {
    thrownBy(() => toMermaid('graph' as never), InvalidOptionsError);
    thrownBy(() => toMermaid(jacobToGreg, { title: null } as never), InvalidOptionsError);
  });
});

import { describe, expect, it } from 'vitest';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { InvalidOptionsError, UnknownEntityError } from '../../src/errors.js';
import { createNetwork } from '../../src/model/create.js';
import { findIntroductions } from '../../src/paths/find.js';
import { toDot } from '../../src/render/dot.js';
import { neighborhood } from '../../src/render/neighborhood.js';
import { thrownBy } from '../support/errors.js';
import { dotLabelLines, htmlLabelLines, type ParsedDot, parseDot } from './support.js';

const network = loadSeedNetwork();
const jacobToGreg = findIntroductions(network, {
  from: 'jacob',
  to: { job: 'it-sales-rep' },
  asOf: '2024-04-10',
  k: 3,
});
const nameOf = (id: string): string => network.requirePerson(id).name;
const organizationOf = (id: string): string | undefined => {
  const org = network.requirePerson(id).organizationId;
  return org === undefined ? undefined : network.requireOrganization(org).name;
};

describe('toDot of chains', () => {
  let parsed: ParsedDot;

  it('parses as a digraph with one cluster per chain, one node per person and one edge per hop', async () => {
    expect(jacobToGreg.paths.length).toBe(3);
    parsed = await parseDot(toDot(jacobToGreg, { network }));
    const { paths } = jacobToGreg;
    expect(parsed.clusters.map((c) => c.name).sort()).toEqual([
      'cluster_1',
      'cluster_2',
      'cluster_3',
    ]);
    const people = paths.reduce((n, p) => n + p.people.length, 0);
    const hops = paths.reduce((n, p) => n + p.hops.length, 0);
    expect(parsed.nodes.size).toBe(people);
    expect(parsed.edges.length).toBe(hops);
    for (const [i, path] of paths.entries()) {
      const cluster = parsed.clusters.find((c) => c.name === `cluster_${i + 1}`);
      expect(cluster?.nodes.slice().sort()).toEqual(
        path.people.map((id) => `${i + 1}:${id}`).sort(),
      );
      // Every hop, in its direction, inside its chain's cluster.
      expect(cluster?.edges.map((e) => [e.tail, e.head])).toEqual(
        path.hops.map((hop) => [`${i + 1}:${hop.from}`, `${i + 1}:${hop.to}`]),
      );
      expect(cluster?.attributes['label']).toBe(
        `Chain ${i + 1} · p = ${path.probability.toFixed(2)} (${path.band})`,
      );
    }
  });

  it('labels each person with their name and, under it, their organisation', () => {
    for (const [name, attributes] of parsed.nodes) {
      const id = name.slice(name.indexOf(':') + 1);
      const lines = htmlLabelLines(attributes['label'] ?? '');
      expect(lines[0]).toBe(nameOf(id));
      const organization = organizationOf(id);
      if (organization !== undefined) expect(lines[1]).toBe(organization);
    }
  });

  it('labels each hop with its kinds and strength, with width growing with strength', () => {
    for (const [i, path] of jacobToGreg.paths.entries()) {
      for (const hop of path.hops) {
        const edge = parsed.edges.find(
          (e) => e.tail === `${i + 1}:${hop.from}` && e.head === `${i + 1}:${hop.to}`,
        );
        const lines = dotLabelLines(edge?.attributes['label'] ?? '');
        expect(lines[0]).toBe(hop.kinds.map((k) => k.replace('-', ' ')).join(', '));
        expect(lines[1]).toBe(hop.strength.toFixed(2));
        expect(edge?.attributes['dir']).toBe('forward');
        expect(edge?.attributes['tooltip']).toBe(hop.reason);
      }
    }
    const drawn = jacobToGreg.paths.flatMap((path, i) =>
      path.hops.map((hop) => {
        const edge = parsed.edges.find(
          (e) => e.tail === `${i + 1}:${hop.from}` && e.head === `${i + 1}:${hop.to}`,
        );
        return { strength: hop.strength, width: Number(edge?.attributes['penwidth']) };
      }),
    );
    for (const a of drawn) {
      for (const b of drawn) {
        if (a.strength > b.strength + 0.01) expect(a.width).toBeGreaterThan(b.width);
      }
    }
  });

  it('draws the candidate, the target and shared intermediaries each in their own way', () => {
    const look = (name: string): string => {
      const a = parsed.nodes.get(name) ?? {};
      return `${a['shape']}|${a['fillcolor']}|${a['peripheries'] ?? '1'}`;
    };
    const candidate = look('1:jacob');
    const target = look('1:greg-hollis');
    const shared = look('1:michael'); // on all three chains
    const plain = look('2:coach'); // on chain 2 only
    expect(new Set([candidate, target, shared, plain]).size).toBe(4);
    expect(parsed.nodes.get('1:greg-hollis')?.['peripheries']).toBe('2');
    for (const chain of [1, 2, 3]) {
      expect(look(`${chain}:jacob`)).toBe(candidate);
      expect(look(`${chain}:greg-hollis`)).toBe(target);
      expect(look(`${chain}:michael`)).toBe(shared);
      expect(htmlLabelLines(parsed.nodes.get(`${chain}:michael`)?.['label'] ?? '')).toContain(
        'on chains 1, 2, 3',
      );
    }
    // The step Michael → Greg is on chains 1 and 2: one event for both.
    const step = parsed.edges.find((e) => e.tail === '2:michael' && e.head === '2:greg-hollis');
    expect(dotLabelLines(step?.attributes['label'] ?? '')).toContain('same step on chains 1, 2');
  });

  it('titles the picture with whom the chains reach and the chance one works', () => {
    const lines = htmlLabelLines(parsed.attributes['label'] ?? '');
    expect(lines[0]).toBe(
      'Jacob Okafor → Greg Hollis, hiring manager for IT Solutions Sales Representative',
    );
    expect(lines[1]).toBe(
      `3 chains · at least one works: p = ${jacobToGreg.atLeastOne.toFixed(2)}`,
    );
    expect(parsed.attributes['rankdir']).toBe('LR');
  });

  it('is deterministic, and the same for the result and for its paths but for the title', () => {
    const a = toDot(jacobToGreg, { network });
    expect(toDot(jacobToGreg, { network })).toBe(a);
    const fromPaths = toDot(jacobToGreg.paths, { network });
    const body = (dot: string): string => dot.replace(/label=<<b>.*$/m, '');
    expect(body(fromPaths)).toBe(body(a));
    expect(fromPaths).toContain('Jacob Okafor → Greg Hollis<');
  });

  it('labels people by id without a network, and says when there is no chain', async () => {
    const byId = await parseDot(toDot(jacobToGreg.paths));
    expect(htmlLabelLines(byId.nodes.get('1:greg-hollis')?.['label'] ?? '')).toEqual([
      'greg-hollis',
    ]);
    const none = findIntroductions(network, { from: 'jacob', to: 'ellen-wright', maxHops: 1 });
    expect(none.paths).toEqual([]);
    const empty = await parseDot(toDot(none, { network }));
    expect(empty.clusters).toEqual([]);
    expect([...empty.nodes.keys()]).toEqual(['empty']);
    expect(htmlLabelLines(empty.attributes['label'] ?? '')[0]).toBe('No chain to Ellen Wright');
  });

  it('takes a title, or none', async () => {
    const titled = await parseDot(toDot(jacobToGreg, { network, title: 'Jacob\'s "way" in' }));
    expect(htmlLabelLines(titled.attributes['label'] ?? '')[0]).toBe('Jacob\'s "way" in');
    const untitledDot = toDot(jacobToGreg, { network, title: '' });
    expect(untitledDot).not.toMatch(/^ {2}graph \[.*label=/m);
    const untitled = await parseDot(untitledDot);
    expect(untitled.attributes['label'] ?? '').toBe('');
  });

  it('draws a chain of no hops as one person who is both candidate and target', async () => {
    const self = findIntroductions(network, { from: 'jacob', to: 'jacob' });
    const parsedSelf = await parseDot(toDot(self, { network }));
    expect([...parsedSelf.nodes.keys()]).toEqual(['1:jacob']);
    expect(parsedSelf.nodes.get('1:jacob')?.['peripheries']).toBe('2');
    expect(parsedSelf.edges).toEqual([]);
  });
});

describe('toDot of a neighbourhood', () => {
  const small = createNetwork({
    organizations: [{ id: 'acme', name: 'Acme & Sons' }],
    people: [
      { id: 'ann', name: 'Ann', organizationId: 'acme' },
      { id: 'bob', name: 'Bob' },
      { id: 'cy', name: 'Cy' },
      { id: 'dee', name: 'Dee' },
    ],
    relationships: [
      { source: 'ann', target: 'bob', kind: 'friend', strength: 0.8 },
      { source: 'cy', target: 'ann', kind: 'manager', strength: 0.5, directed: true },
      { source: 'bob', target: 'dee', kind: 'client', strength: 0.4, directed: true },
      { source: 'dee', target: 'bob', kind: 'other', strength: 0.2 },
    ],
  });

  it('draws a line for a two-way tie, an arrow for a one-way tie, two arrows for an uneven tie', async () => {
    const parsed = await parseDot(toDot(neighborhood(small, 'ann')));
    expect([...parsed.nodes.keys()].sort()).toEqual(['ann', 'bob', 'cy', 'dee']);
    const edges = parsed.edges.map((e) => ({
      ends: `${e.tail}>${e.head}`,
      dir: e.attributes['dir'],
      lines: dotLabelLines(e.attributes['label'] ?? ''),
    }));
    expect(edges).toEqual([
      { ends: 'ann>bob', dir: 'none', lines: ['friend', '0.80'] },
      { ends: 'bob>dee', dir: 'forward', lines: ['client, other', '0.40'] },
      { ends: 'dee>bob', dir: 'forward', lines: ['other', '0.20'] },
      { ends: 'cy>ann', dir: 'forward', lines: ['manager', '0.50'] },
    ]);
    expect(parsed.attributes['layout']).toBe('twopi');
    expect(parsed.attributes['root']).toBe('ann');
    expect(htmlLabelLines(parsed.nodes.get('ann')?.['label'] ?? '')).toEqual([
      'Ann',
      'Acme & Sons',
    ]);
    expect(parsed.nodes.get('ann')?.['shape']).toBe('oval');
    expect(parsed.nodes.get('bob')?.['shape']).toBe('box');
    expect(htmlLabelLines(parsed.attributes['label'] ?? '')[0]).toBe(
      "Ann's network, within 2 ties",
    );
  });
});

describe('toDot errors', () => {
  it('refuses a subject of another kind, and invalid options, with InvalidOptionsError', () => {
    for (const subject of [undefined, 42, {}, { paths: 'x', target: {} }, [{ people: [] }]]) {
      thrownBy(() => toDot(subject as never), InvalidOptionsError);
    }
    const error = thrownBy(
      () => toDot(jacobToGreg, { network: {} as never, title: 3 as never, colour: 'red' } as never),
      InvalidOptionsError,
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['colour', 'network', 'title']);
  });

  it('throws UnknownEntityError when the network lacks people the chains name', () => {
    const other = createNetwork({ people: [{ id: 'jacob', name: 'Jacob' }] });
    const error = thrownBy(() => toDot(jacobToGreg, { network: other }), UnknownEntityError);
    expect(error.missing.map((m) => m.id).sort()).toEqual([
      'coach',
      'dana-cho',
      'greg-hollis',
      'michael',
    ]);
  });
});

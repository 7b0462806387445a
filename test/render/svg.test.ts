import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSeedNetwork } from '../../examples/seed-story.js';
import { InvalidOptionsError } from '../../src/errors.js';
import { createNetwork } from '../../src/model/create.js';
import { findIntroductions } from '../../src/paths/find.js';
import { toDot } from '../../src/render/dot.js';
import { DotRenderError } from '../../src/render/errors.js';
import { dotId } from '../../src/render/escape.js';
import { neighborhood } from '../../src/render/neighborhood.js';
import { renderSvg } from '../../src/render/svg.js';
import { decodeEntities, parseDot, squash, svgGroups } from './support.js';
import { expectedLines, hardText } from './text.js';

const network = loadSeedNetwork();
const questions = [
  { from: 'jacob', to: { job: 'it-sales-rep' }, asOf: '2024-04-10', k: 3 },
  { from: 'michael', to: { job: 'harbor-sales-executive' }, asOf: '2024-03-15', k: 2 },
] as const;

describe('renderSvg of the seed story', () => {
  it.each(questions)(
    'draws a node per person and an edge per hop, names in text ($from)',
    async (question) => {
      const result = findIntroductions(network, question);
      expect(result.paths.length).toBe(question.k);
      const svg = await renderSvg(toDot(result, { network }));
      expect(svg).toMatch(
        /^<\?xml[^>]*>\s*<!DOCTYPE svg[^>]*>\s*<!--[^>]*-->\s*<!--[^>]*-->\s*<svg /,
      );
      const groups = svgGroups(svg);
      const nodes = groups.filter((g) => g.kind === 'node');
      const edges = groups.filter((g) => g.kind === 'edge');
      const clusters = groups.filter((g) => g.kind === 'cluster');
      expect(nodes.length).toBe(result.paths.reduce((n, p) => n + p.people.length, 0));
      expect(edges.length).toBe(result.paths.reduce((n, p) => n + p.hops.length, 0));
      expect(clusters.length).toBe(result.paths.length);
      for (const [i, path] of result.paths.entries()) {
        for (const id of path.people) {
          const node = nodes.find((g) => g.title === `${i + 1}:${id}`);
          expect(node?.texts[0]).toBe(network.requirePerson(id).name);
        }
        for (const hop of path.hops) {
          const edge = edges.find((g) => g.title === `${i + 1}:${hop.from}->${i + 1}:${hop.to}`);
          expect(edge?.texts.slice(0, 2)).toEqual([
            hop.kinds.map((k) => k.replace('-', ' ')).join(', '),
            hop.strength.toFixed(2),
          ]);
          expect(edge?.source).toContain(`xlink:title="${hop.reason.replaceAll("'", '&#39;')}"`);
        }
      }
    },
  );

  it('puts the likeliest chain on top and the others below it in order', async () => {
    const svg = await renderSvg(toDot(findIntroductions(network, questions[0]), { network }));
    const captionY = (n: number): number => {
      const cluster = svgGroups(svg).find(
        (g) => g.kind === 'cluster' && g.title === `cluster_${n}`,
      );
      return Number(/<text[^>]* y="([-\d.]+)"/.exec(cluster?.source ?? '')?.[1]);
    };
    expect(captionY(1)).toBeLessThan(captionY(2));
    expect(captionY(2)).toBeLessThan(captionY(3));
  });

  it('draws a neighbourhood: a node per person and an edge per tie direction drawn', async () => {
    const around = neighborhood(network, 'michael', { hops: 2, minStrength: 0.3 });
    const groups = svgGroups(await renderSvg(toDot(around)));
    const nodes = groups.filter((g) => g.kind === 'node');
    expect(nodes.map((g) => g.title).sort()).toEqual(around.people.map((p) => p.id).sort());
    for (const person of around.people) {
      expect(nodes.find((g) => g.title === person.id)?.texts[0]).toBe(person.name);
    }
    const drawn = around.ties.reduce(
      (n, t) => n + (t.directed || t.forward === t.backward ? 1 : 2),
      0,
    );
    expect(groups.filter((g) => g.kind === 'edge')).toHaveLength(drawn);
  });
});

describe('escaping, end to end', () => {
  it('shows any name and organisation as written, and Graphviz reads every id', async () => {
    await fc.assert(
      fc.asyncProperty(hardText, hardText, hardText, async (name, organization, id) => {
        const other = `${id}\u0000other`;
        const net = createNetwork({
          organizations: [{ id: 'o', name: organization }],
          people: [
            { id, name, organizationId: 'o' },
            { id: other, name: 'Other' },
          ],
          relationships: [{ source: id, target: other, kind: 'friend', strength: 0.5 }],
        });
        const result = findIntroductions(net, { from: id, to: other });
        const dot = toDot(result, { network: net });
        // Graphviz parses the DOT into exactly the two people and the one hop.
        const parsed = await parseDot(dot);
        expect(parsed.nodes.size).toBe(2);
        expect(parsed.edges).toHaveLength(1);
        const svg = await renderSvg(dot);
        const nodes = svgGroups(svg).filter((g) => g.kind === 'node');
        expect(nodes).toHaveLength(2);
        const shown = (texts: readonly string[]): string[] =>
          texts.map(squash).filter((line) => line !== '');
        // The first node drawn is the candidate (chains are drawn in order).
        const candidate = nodes.find((g) => !g.texts.includes('Other')) ?? nodes[0];
        expect(shown(candidate?.texts ?? [])).toEqual(
          shown([...expectedLines(name), ...expectedLines(organization)]),
        );
        // The hop's explanation, which names both people, is its tooltip, as written.
        const edge = svgGroups(svg).find((g) => g.kind === 'edge');
        const tooltip = /xlink:title="([^"]*)"/.exec(edge?.source ?? '')?.[1] ?? '';
        const reason = result.paths[0]?.hops[0]?.reason ?? '';
        // (Graphviz writes a space after a space as a no-break space.)
        expect(decodeEntities(tooltip).replaceAll('\u00a0', ' ')).toBe(
          expectedLines(reason).join('\n'),
        );
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('maps distinct ids to distinct DOT ids', () => {
    fc.assert(
      fc.property(hardText, hardText, (a, b) => {
        if (a !== b) expect(dotId(a)).not.toBe(dotId(b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderSvg errors', () => {
  it('throws DotRenderError with Graphviz messages for DOT it cannot draw', async () => {
    const error = await renderSvg('digraph { a -> }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DotRenderError);
    expect((error as DotRenderError).name).toBe('DotRenderError');
    expect((error as DotRenderError).messages.some((m) => m.level === 'error')).toBe(true);
    expect((error as Error).message).toMatch(/syntax error/);
  });

  it('throws InvalidOptionsError for a source that is not a string', async () => {
    await expect(renderSvg(42 as never)).rejects.toBeInstanceOf(InvalidOptionsError);
  });

  it('renders again after an error, with the same instance', async () => {
    await renderSvg('graph {').catch(() => undefined);
    expect(await renderSvg('graph { a -- b }')).toContain('<title>a&#45;&#45;b</title>');
  });
});

/**
 * The bugs the fuzz tests found, each as the smallest case that showed it, so that they stay
 * fixed whatever cases the random runs draw. The resource bugs (a chain of 80,000 people took
 * Yen's algorithm 30 s, a 5,000-hire referral chain overflowed the stack, 40,000 namesakes in a
 * LinkedIn export took 8 minutes, nested XML elements took minutes) are in limits.test.ts and
 * security.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  communities,
  createNetwork,
  hierarchy,
  networkFromGexf,
  networkFromGraphml,
  networkFromJson,
  networkToGexf,
  networkToGraphml,
  networkToJson,
  pagerank,
} from '../../src/index.js';

describe('fuzz regressions', () => {
  it('JSON keeps the sign of -0 (networkToJson wrote it as 0)', () => {
    const network = networkFromJson(
      '{"people":[{"id":"a","name":"A","attributes":{"neg":-0,"text":"warmpath:-0"}},{"id":"b","name":"B"}],' +
        '"relationships":[{"source":"a","target":"b","kind":"friend","interactionsPerMonth":-0}]}',
    );
    for (const indent of [0, 2]) {
      const back = networkFromJson(networkToJson(network, { indent }));
      expect(back.dataset).toStrictEqual(network.dataset);
      expect(Object.is(back.people[0]?.attributes?.['neg'], -0)).toBe(true);
      // Text that looks like the writer's marker is text.
      expect(back.people[0]?.attributes?.['text']).toBe('warmpath:-0');
      expect(Object.is(back.relationships[0]?.interactionsPerMonth, -0)).toBe(true);
    }
    expect(networkToJson(createNetwork({}))).not.toContain('-0');
  });

  it('PageRank and hierarchy stay finite with ties of strength 5e-324 (Infinity, then NaN)', () => {
    const network = createNetwork({
      people: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
      relationships: [
        { source: 'a', target: 'b', kind: 'friend', strength: 5e-324 },
        { source: 'a', target: 'c', kind: 'friend', strength: 1 },
        { source: 'b', target: 'c', kind: 'friend', strength: 5e-324 },
      ],
    });
    for (const value of pagerank(network).values()) expect(Number.isFinite(value)).toBe(true);
    for (const value of hierarchy(network).values()) expect(Number.isNaN(value)).toBe(false);
  });

  it('a person without ties does not change the communities of the others', () => {
    // The shrunk counterexample: with the newcomer, Louvain's seeded visiting order changed.
    const people = ['a,b', 'NJ4F;%M', 'constructor', '!', 'i;91', 'quo"te', ':L '];
    const input = {
      people: people.map((id) => ({ id, name: id })),
      relationships: [
        { source: '!', target: 'i;91', kind: 'colleague' as const, strength: 2e-10 },
        { source: 'i;91', target: 'a,b', kind: 'colleague' as const },
      ],
    };
    const before = communities(createNetwork(input), { seed: 7 });
    const after = communities(
      createNetwork({ ...input, people: [...input.people, { id: 'isolated', name: 'Nobody' }] }),
      { seed: 7 },
    );
    expect(after.members.slice(0, -1)).toEqual(before.members);
    expect(after.members.at(-1)).toEqual(['isolated']);
    expect(after.modularity).toBe(before.modularity);
  });

  it('GEXF and GraphML keep NEL and LINE SEPARATOR (the XML parser read them as line breaks)', () => {
    // Found by a LinkedIn export read as Latin-1: "\u0085" came back as "\n" (GraphML: the
    // attributes' JSON no longer parsed) or as a space (GEXF: silently).
    const text = 'a\u0085b\u2028c';
    const network = createNetwork({
      people: [
        { id: `p${text}`, name: text, skills: [text], attributes: { [text]: text } },
        { id: 'q', name: 'Q' },
      ],
      relationships: [{ source: `p${text}`, target: 'q', kind: 'friend', context: text }],
    });
    expect(networkFromGexf(networkToGexf(network)).dataset).toStrictEqual(network.dataset);
    expect(networkFromGraphml(networkToGraphml(network)).dataset).toStrictEqual(network.dataset);
  });
});

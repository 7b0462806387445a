import { describe, expect, it } from 'vitest';
import {
  BAND_THRESHOLDS,
  bandOf,
  CompiledNetworkBuilder,
  compileNetwork,
  createIntroductionFinder,
  createNetwork,
  findIntroductions,
  introductionPaths,
  type NetworkInput,
} from '../../src/index.js';

const input: NetworkInput = {
  organizations: [
    { id: 'it', name: 'IT firm' },
    { id: 'ad', name: 'Ad firm' },
  ],
  people: [
    { id: 'jacob', name: 'Jacob' },
    { id: 'michael', name: 'Michael', organizationId: 'ad' },
    { id: 'greg', name: 'Greg', organizationId: 'it' },
    { id: 'laura', name: 'Laura', organizationId: 'ad' },
    { id: 'sam', name: 'Sam', introductions: 'ask-first' },
    { id: 'nora', name: 'Nora', introductions: 'never' },
    { id: 'ivy', name: 'Ivy', organizationId: 'it' },
  ],
  jobs: [
    {
      id: 'rep',
      title: 'Rep',
      organizationId: 'it',
      hiringManagerId: 'greg',
      requirements: [],
      status: 'open',
    },
  ],
  groups: [{ id: 'bni', name: 'BNI Riverside', members: ['jacob', 'michael', 'laura'] }],
  relationships: [
    { source: 'jacob', target: 'michael', kind: 'friend', strength: 0.8 },
    {
      source: 'michael',
      target: 'greg',
      kind: 'former-colleague',
      strength: 0.7,
      context: 'sold IT together',
    },
    { source: 'jacob', target: 'sam', kind: 'friend', strength: 0.9 },
    { source: 'sam', target: 'greg', kind: 'client', strength: 0.9 },
    { source: 'jacob', target: 'nora', kind: 'family', strength: 0.99 },
    { source: 'nora', target: 'greg', kind: 'friend', strength: 0.99 },
    { source: 'ivy', target: 'greg', kind: 'colleague', strength: 0.9 },
    { source: 'michael', target: 'ivy', kind: 'other', strength: 0.3, directed: true },
  ],
};
const network = createNetwork(input);

describe('findIntroductions', () => {
  it('reaches a job’s hiring manager, explains each hop and ranks by probability', () => {
    const { paths, target, atLeastOne } = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'rep' },
    });
    expect(target).toEqual({ type: 'job', jobId: 'rep', personId: 'greg' });
    expect(paths.map((p) => p.people)).toEqual([
      ['jacob', 'sam', 'greg'],
      ['jacob', 'michael', 'greg'],
      ['jacob', 'michael', 'ivy', 'greg'],
    ]);
    const [viaSam, viaMichael] = paths;
    expect(viaSam?.probability).toBeCloseTo(0.9 * 0.9 * 0.8, 12);
    expect(viaSam?.hops[1]).toMatchObject({
      from: 'sam',
      to: 'greg',
      askFirst: true,
      willingness: 0.8,
      strength: 0.9,
    });
    expect(viaSam?.hops[1]?.reason).toBe(
      'Sam → Greg: client, strength 0.90; Sam asks to be asked first (willingness 0.80, so 0.72)',
    );
    expect(viaMichael?.hops[0]?.reason).toBe(
      'Jacob → Michael: friend, strength 0.80; also fellow members of BNI Riverside',
    );
    expect(viaMichael?.hops[1]?.reason).toBe(
      'Michael → Greg: former colleague, sold IT together, strength 0.70',
    );
    expect(viaMichael?.weakestHop?.to).toBe('greg');
    expect(viaMichael?.band).toBe(bandOf(0.56));
    // Two chains share the hop jacob → michael: it counts once.
    const [a, b, c] = paths.map((p) => p.probability) as [number, number, number];
    const pJM = 0.8;
    const union =
      a + pJM * (0.7 + 0.3 * 0.9 - 0.7 * 0.3 * 0.9) - a * pJM * (0.7 + 0.3 * 0.9 - 0.7 * 0.3 * 0.9);
    expect(atLeastOne).toBeCloseTo(union, 12);
    expect(atLeastOne).toBeLessThan(1 - (1 - a) * (1 - b) * (1 - c));
  });

  it("never routes through 'never' people, who can still be candidate or target", () => {
    const { paths } = findIntroductions(network, { from: 'jacob', to: 'greg', k: 10 });
    expect(paths.every((p) => !p.people.slice(1, -1).includes('nora'))).toBe(true);
    expect(findIntroductions(network, { from: 'nora', to: 'greg' }).paths[0]?.people).toEqual([
      'nora',
      'greg',
    ]);
    expect(findIntroductions(network, { from: 'greg', to: 'nora' }).paths[0]?.people).toEqual([
      'greg',
      'nora',
    ]);
  });

  it('walks directed relationships only in their direction', () => {
    expect(findIntroductions(network, { from: 'ivy', to: 'michael', maxHops: 1 }).paths).toEqual(
      [],
    );
    expect(
      findIntroductions(network, { from: 'michael', to: 'ivy', maxHops: 1 }).paths,
    ).toHaveLength(1);
  });

  it('honours avoid, avoidOrganizations, minStrength and maxHops', () => {
    const avoidSam = findIntroductions(network, {
      from: 'jacob',
      to: 'greg',
      avoid: ['sam'],
      k: 10,
    });
    expect(avoidSam.paths.some((p) => p.people.includes('sam'))).toBe(false);
    const avoidAd = findIntroductions(network, {
      from: 'jacob',
      to: 'greg',
      avoidOrganizations: ['ad'],
      k: 10,
    });
    expect(avoidAd.paths.map((p) => p.people)).toEqual([['jacob', 'sam', 'greg']]);
    const strong = findIntroductions(network, {
      from: 'jacob',
      to: 'greg',
      minStrength: 0.75,
      k: 10,
    });
    expect(strong.paths.map((p) => p.people)).toEqual([['jacob', 'sam', 'greg']]);
    expect(findIntroductions(network, { from: 'jacob', to: 'greg', maxHops: 1 }).paths).toEqual([]);
  });

  it('reaches anyone at an organisation and says whom', () => {
    const { paths, target } = findIntroductions(network, {
      from: 'jacob',
      to: { organization: 'it' },
      k: 2,
    });
    expect(paths.map((p) => p.people)).toEqual([
      ['jacob', 'sam', 'greg'],
      ['jacob', 'michael', 'greg'],
    ]);
    expect(target).toEqual({ type: 'organization', organizationId: 'it', personIds: ['greg'] });
  });

  it('returns the one-person chain when the candidate already is the target', () => {
    const { paths, atLeastOne } = findIntroductions(network, { from: 'greg', to: 'greg' });
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({
      people: ['greg'],
      hops: [],
      probability: 1,
      cost: 0,
      band: 'strong',
      weakestHop: undefined,
    });
    expect(atLeastOne).toBe(1);
    expect(
      findIntroductions(network, { from: 'ivy', to: { organization: 'it' } }).paths[0]?.people,
    ).toEqual(['ivy']);
  });

  it('spreads chains with disjoint and penalty diversity', () => {
    const disjoint = findIntroductions(network, {
      from: 'jacob',
      to: 'greg',
      k: 5,
      diversity: 'disjoint',
    });
    expect(disjoint.paths.map((p) => p.people)).toEqual([
      ['jacob', 'sam', 'greg'],
      ['jacob', 'michael', 'greg'],
    ]);
    const none = findIntroductions(network, { from: 'jacob', to: 'greg', k: 3 });
    expect(
      findIntroductions(network, {
        from: 'jacob',
        to: 'greg',
        k: 3,
        diversity: { penalty: 0 },
      }).paths.map((p) => p.people),
    ).toEqual(none.paths.map((p) => p.people));
    const spread = findIntroductions(network, {
      from: 'jacob',
      to: 'greg',
      k: 2,
      diversity: { penalty: Number.POSITIVE_INFINITY },
    });
    expect(spread.paths.map((p) => p.people)).toEqual(disjoint.paths.map((p) => p.people));
  });

  it('keeps a suspended generator correct while other queries run on the same network', () => {
    const lazy = introductionPaths(network, { from: 'jacob', to: 'greg', avoid: ['sam'] });
    const first = lazy.next().value;
    findIntroductions(network, { from: 'jacob', to: 'laura', avoid: ['michael'] });
    const rest = [...lazy];
    expect([first, ...rest].some((p) => p?.people.includes('sam'))).toBe(false);
    expect(rest.length).toBeGreaterThan(0);
  });

  it('lists chains lazily', () => {
    const seen: string[][] = [];
    for (const path of introductionPaths(network, { from: 'jacob', to: 'greg' })) {
      seen.push([...path.people]);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([
      ['jacob', 'sam', 'greg'],
      ['jacob', 'michael', 'greg'],
    ]);
  });

  it('names every unknown person, job and organisation at once', () => {
    expect(() =>
      findIntroductions(network, {
        from: 'jaocb',
        to: { job: 'rpe' },
        avoidOrganizations: ['add'],
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'UnknownEntityError',
        missing: [
          { entity: 'person', id: 'jaocb', suggestion: 'jacob' },
          { entity: 'job', id: 'rpe', suggestion: 'rep' },
          { entity: 'organization', id: 'add', suggestion: 'ad' },
        ],
      }),
    );
  });

  it('refuses invalid options with every problem listed', () => {
    expect(() =>
      findIntroductions(network, {
        from: 'jacob',
        to: 'greg',
        k: 0,
        maxHops: 1.5,
        minStrength: 2,
        diversity: 'wide' as never,
        askFirstWillingness: 0,
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InvalidOptionsError',
        issues: ['k', 'maxHops', 'diversity', 'minStrength', 'askFirstWillingness'].map((path) =>
          expect.objectContaining({ path }),
        ),
      }),
    );
    expect(() => findIntroductions(network, { form: 'jacob', to: 'greg' } as never)).toThrow(
      /unknown option "form" \(did you mean "from"\?\)/,
    );
  });

  it('stops when aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      findIntroductions(network, { from: 'jacob', to: 'greg', signal: controller.signal }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('answers as of a date', () => {
    const dated = createNetwork({
      ...input,
      relationships: [
        ...(input.relationships ?? []).map((r) => ({ ...r, since: '2020-01-01' })),
        { source: 'jacob', target: 'greg', kind: 'friend', strength: 0.95, since: '2024-06-01' },
      ],
    });
    expect(findIntroductions(dated, { from: 'jacob', to: 'greg' }).paths[0]?.people).toEqual([
      'jacob',
      'greg',
    ]);
    expect(
      findIntroductions(dated, { from: 'jacob', to: 'greg', asOf: '2024-01-01' }).paths[0]?.people,
    ).toEqual(['jacob', 'sam', 'greg']);
  });

  it('runs on a compiled network built from a stream, merging ties given twice', () => {
    const builder = new CompiledNetworkBuilder();
    builder.addTie('b', 'a', 0.5, 0.5);
    builder.addTie('a', 'c', 0.9, 0.9);
    builder.addTie('c', 'b', 0.9, 0);
    builder.addTie('a', 'b', 0.6, 0.2);
    const d = builder.addPerson('d');
    builder.addTieByIndex(d, builder.addPerson('a'), 0.1, 0.1);
    expect(() => builder.addTieByIndex(d, 99, 0.5, 0.5)).toThrow(RangeError);
    const compiled = builder.build();
    expect(compiled.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(compiled.tieCount).toBe(4);
    const finder = createIntroductionFinder(compiled);
    expect(
      finder
        .find({ from: 'a', to: 'b', k: 5 })
        .paths.map((p) => [p.people.join(''), p.probability]),
    ).toEqual([
      ['acb', 0.81],
      ['ab', 0.6],
    ]);
    expect(finder.find({ from: 'b', to: 'a' }).paths[0]?.probability).toBeCloseTo(0.5, 12);
    expect(() => finder.find({ from: 'a', to: { job: 'x' } })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
  });

  it('compiles a network once, compactly', () => {
    const compiled = compileNetwork(network);
    expect(compileNetwork(network)).toBe(compiled);
    expect(compiled.nodeCount).toBe(7);
    expect(compiled.tieCount).toBe(network.ties().length);
    const bytes = [compiled.offsets, compiled.neighbors, compiled.refs, compiled.costs].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    );
    expect(bytes - compiled.offsets.byteLength).toBe(32 * compiled.tieCount);
  });

  it('documents its band thresholds', () => {
    expect(BAND_THRESHOLDS).toEqual({ strong: 0.5, moderate: 0.2 });
    expect([0.5, 0.49, 0.2, 0.19].map(bandOf)).toEqual(['strong', 'moderate', 'moderate', 'weak']);
  });
});

/**
 * The `viewer` option of the chain queries: the answer equals the answer on the dataset without
 * the relationships the viewer may not see, and nothing returned, explained or thrown mentions a
 * hidden relationship.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileNetwork,
  createIntroductionFinder,
  createNetwork,
  findIntroductions,
  type IntroductionOptions,
  introductionPaths,
  UnknownEntityError,
  visibleNetwork,
} from '../../src/index.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';
import {
  arbitraryVisibilityCase,
  hiddenContexts,
  outcome,
  PEOPLE,
  withoutHidden,
} from '../support/visibility.js';

const arbitraryQuery = fc.record({
  from: fc.constantFrom(...PEOPLE, 'anm'),
  to: fc.oneof(
    fc.constantFrom(...PEOPLE, 'bbo'),
    fc.constantFrom({ organization: 'o1' }, { organization: 'o2' }, { job: 'job0' }),
  ),
  k: fc.integer({ min: 1, max: 4 }),
  diversity: fc.constantFrom('none' as const, 'disjoint' as const, { penalty: 0.5 }),
});

describe('findIntroductions with a viewer', () => {
  it('answers as on the dataset without the hidden relationships, and never mentions them (property)', () => {
    fc.assert(
      fc.property(arbitraryVisibilityCase, arbitraryQuery, (c, query) => {
        const network = createNetwork(c.input);
        const expected = createNetwork(withoutHidden(c));
        const options = { ...query, maxHops: 5 } as IntroductionOptions;
        const seen = outcome(() => findIntroductions(network, { ...options, viewer: c.viewer }));
        expect(seen).toStrictEqual(outcome(() => findIntroductions(expected, options)));
        const finder = createIntroductionFinder(network);
        expect(outcome(() => finder.find({ ...options, viewer: c.viewer }))).toStrictEqual(seen);
        const lazy = outcome(() => [
          ...introductionPaths(network, { ...options, viewer: c.viewer }),
        ]);
        expect(lazy).toStrictEqual(outcome(() => [...introductionPaths(expected, options)]));
        const text = JSON.stringify([seen, lazy]);
        for (const context of hiddenContexts(c)) expect(text).not.toContain(context);
      }),
      { numRuns: 300 },
    );
  });

  it('applies asOf to what the viewer sees', () => {
    fc.assert(
      fc.property(arbitraryVisibilityCase, (c) => {
        const options = { from: 'ann', to: { organization: 'o1' }, asOf: '2024-02-14' } as const;
        const seen = outcome(() =>
          findIntroductions(createNetwork(c.input), { ...options, viewer: c.viewer }),
        );
        expect(seen).toStrictEqual(
          outcome(() => findIntroductions(createNetwork(withoutHidden(c)), options)),
        );
      }),
      { numRuns: 100 },
    );
  });

  /** ann–bob–cy: bob–cy is visible to recruiting only, and its context names a secret. */
  const network = createNetwork({
    people: [
      { id: 'ann', name: 'Ann' },
      { id: 'bob', name: 'Bob' },
      { id: 'cy', name: 'Cy' },
    ],
    relationships: [
      { source: 'ann', target: 'bob', kind: 'friend', strength: 0.8 },
      {
        source: 'bob',
        target: 'cy',
        kind: 'family',
        strength: 0.9,
        context: 'secret affair',
        visibleTo: ['recruiting'],
      },
    ],
  });

  it('finds no chain over a hidden relationship, and the chain when the viewer may see it', () => {
    const query = { from: 'ann', to: 'cy' } as const;
    expect(findIntroductions(network, { ...query, viewer: { id: 'ann' } }).paths).toEqual([]);
    const recruiter = findIntroductions(network, {
      ...query,
      viewer: { id: 'ann', teams: ['recruiting'] },
    });
    expect(recruiter.paths[0]?.people).toEqual(['ann', 'bob', 'cy']);
    expect(recruiter.paths[0]?.hops[1]?.reason).toContain('secret affair');
    expect(findIntroductions(network, { ...query, viewer: { id: 'cy' } }).paths).toHaveLength(1);
  });

  it('names relationships in explanations by their index in the viewer’s network', () => {
    const viewer = { id: 'bob' };
    const hop = findIntroductions(network, { from: 'bob', to: 'cy', viewer }).paths[0]?.hops[0];
    const index = hop?.evidence[0]?.relationship as number;
    expect(visibleNetwork(network, viewer).relationships[index]?.context).toBe('secret affair');
  });

  it('keeps did-you-mean suggestions to people, which every viewer sees', () => {
    const error = thrownBy(
      () => findIntroductions(network, { from: 'ann', to: 'cyy', viewer: { id: 'ann' } }),
      UnknownEntityError,
    );
    expect(error.message).toBe('unknown person "cyy" (did you mean "cy"?)');
  });

  it('refuses a viewer with a compiled network, and an invalid viewer with the other problems', () => {
    expect(
      optionIssuesOf(() =>
        findIntroductions(compileNetwork(network), {
          from: 'ann',
          to: 'cy',
          viewer: { id: 'ann' },
        }),
      ),
    ).toEqual([{ path: 'viewer', code: 'invalid_value' }]);
    expect(
      optionIssuesOf(() =>
        findIntroductions(network, { from: 'ann', to: 'cy', k: 0, viewer: { id: 7 } as never }),
      ),
    ).toEqual([
      { path: 'k', code: 'out_of_range' },
      { path: 'viewer.id', code: 'invalid_type' },
    ]);
  });
});

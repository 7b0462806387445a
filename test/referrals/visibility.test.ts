/**
 * The referral reports that read relationships, with a `viewer` (the answer equals the answer on
 * the dataset without the relationships the viewer may not see), and the consent audit: every
 * report that routes a chain through people honours `introductions: 'never'`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeHires,
  createNetwork,
  type Exportable,
  generateMarket,
  type IntroductionPolicy,
  type Network,
  type NetworkInput,
  referralChains,
  simulateHiring,
  tieAnalysis,
  type Viewer,
} from '../../src/index.js';
import { optionIssuesOf } from '../support/errors.js';
import {
  arbitraryVisibilityCase,
  hiddenContexts,
  outcome,
  withoutHidden,
} from '../support/visibility.js';

/** A report as plain data (its JSON and its Markdown), or the name and message of what it throws. */
const asData = (run: () => Exportable) =>
  outcome(() => {
    const report = run();
    return { json: report.toJSON(), markdown: report.toMarkdown() };
  });

type Report = (network: Network, viewer?: Viewer) => Exportable;
const opts = (viewer: Viewer | undefined) => (viewer === undefined ? {} : { viewer });

const REPORTS: Readonly<Record<string, Report>> = {
  attributeHires: (n, v) => attributeHires(n, opts(v)),
  tieAnalysis: (n, v) => tieAnalysis(n, opts(v)),
  simulateHiring: (n, v) => simulateHiring(n, { jobs: 2, steps: 3, postingReach: 0.5, ...opts(v) }),
};

describe('referral reports with a viewer', () => {
  for (const [name, report] of Object.entries(REPORTS)) {
    it(`${name} equals ${name} on the dataset without the hidden relationships (property)`, () => {
      fc.assert(
        fc.property(arbitraryVisibilityCase, (c) => {
          const seen = asData(() => report(createNetwork(c.input), c.viewer));
          const expected = asData(() => report(createNetwork(withoutHidden(c)), undefined));
          expect(seen).toStrictEqual(expected);
          const text = JSON.stringify(seen);
          for (const context of hiddenContexts(c)) expect(text).not.toContain(context);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('counts a hidden referrer–hire relationship as no tie', () => {
    const network = createNetwork({
      organizations: [{ id: 'acme', name: 'Acme' }],
      people: [
        { id: 'ref', name: 'Ref', organizationId: 'acme' },
        { id: 'new', name: 'New' },
      ],
      jobs: [
        {
          id: 'j',
          title: 'J',
          organizationId: 'acme',
          hiringManagerId: 'ref',
          requirements: [],
          status: 'filled',
        },
      ],
      relationships: [
        { source: 'ref', target: 'new', kind: 'friend', since: '2020-01-01', visibleTo: ['hr'] },
      ],
      hires: [
        { personId: 'new', jobId: 'j', date: '2024-01-01', channel: 'referral', referrerId: 'ref' },
      ],
    });
    expect(tieAnalysis(network).summary.strength.strong).toBe(1);
    expect(tieAnalysis(network, { viewer: { id: 'x' } }).summary.strength['no-tie']).toBe(1);
    expect(attributeHires(network, { viewer: { id: 'x' } }).summary.reachable).toBe(0);
    expect(attributeHires(network, { viewer: { id: 'x', teams: ['hr'] } }).summary.reachable).toBe(
      1,
    );
  });

  it('refuses an invalid viewer with the other problems, and a viewer where none is read', () => {
    const network = createNetwork({});
    expect(
      optionIssuesOf(() => attributeHires(network, { maxHops: 0, viewer: { teams: [] } } as never)),
    ).toEqual([
      { path: 'viewer.id', code: 'missing_field' },
      { path: 'maxHops', code: 'out_of_range' },
    ]);
    expect(
      optionIssuesOf(() =>
        simulateHiring(generateMarket({ people: 20 }), { viewer: 'me' } as never),
      ),
    ).toEqual([{ path: 'viewer', code: 'invalid_type' }]);
  });
});

/** Candidate c, hired at acme by manager m; the only chain runs c → b → m through broker b. */
function brokeredHire(policy: IntroductionPolicy): Network {
  const input: NetworkInput = {
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [
      { id: 'c', name: 'C' },
      { id: 'b', name: 'B', introductions: policy },
      { id: 'm', name: 'M', organizationId: 'acme' },
    ],
    jobs: [
      {
        id: 'j',
        title: 'J',
        organizationId: 'acme',
        hiringManagerId: 'm',
        requirements: [],
        status: 'filled',
      },
    ],
    relationships: [
      { source: 'c', target: 'b', kind: 'friend', strength: 0.9, since: '2020-01-01' },
      { source: 'b', target: 'm', kind: 'friend', strength: 0.9, since: '2020-01-01' },
    ],
    hires: [
      { personId: 'c', jobId: 'j', date: '2024-01-01', channel: 'referral', referrerId: 'b' },
    ],
  };
  return createNetwork(input);
}

describe("consent: introductions 'never'", () => {
  it('attributeHires never routes a chain through a person who said never', () => {
    const open = attributeHires(brokeredHire('open')).hires[0];
    expect(open?.toManager?.people).toEqual(['c', 'b', 'm']);
    const never = attributeHires(brokeredHire('never')).hires[0];
    expect(never?.toManager).toBeNull();
    expect(never?.toOrganization).toBeNull();
    expect(never?.disagreement).toBe('referral-without-chain');
  });

  it("attributeHires counts an 'ask-first' intermediary with the default willingness", () => {
    const askFirst = attributeHires(brokeredHire('ask-first')).hires[0];
    expect(askFirst?.toManager?.probability).toBeCloseTo(0.9 * 0.8 * 0.9, 12);
  });

  it('referralChains reports a recorded referral by a person who said never: it routes nothing', () => {
    const { trees } = referralChains(brokeredHire('never'));
    expect(trees.map((t) => [t.root.personId, t.root.children.map((n) => n.personId)])).toEqual([
      ['b', ['c']],
    ]);
  });
});

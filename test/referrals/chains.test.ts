/**
 * referralChains and vacancyChains: forests and chains worked out by hand on small networks
 * (ordering, cycles, people hired twice, each kind of vacancy evidence, the gap rule), exports
 * and the seed story.
 */
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  type Hire,
  InvalidOptionsError,
  type Job,
  type Person,
} from '../../src/index.js';
import { type ReferralNode, referralChains, vacancyChains } from '../../src/referrals/chains.js';
import { seedStoryNetwork } from '../support/fixtures.js';

const ORGS = ['o1', 'o2', 'o3'].map((id) => ({ id, name: id }));

function jobs(ids: readonly string[]): Job[] {
  return ids.map((id) => ({
    id,
    title: id,
    organizationId: 'o1',
    hiringManagerId: 'boss',
    requirements: [],
    status: 'open',
  }));
}

const referral = (personId: string, jobId: string, date: string, referrerId: string): Hire => ({
  personId,
  jobId,
  date,
  channel: 'referral',
  referrerId,
});

/** A tree as nested `[person, children]`, for readable expectations. */
type Shape = [string, Shape[]];
const shape = (node: ReferralNode): Shape => [node.personId, node.children.map(shape)];

const people = (ids: readonly string[]): Person[] => ids.map((id) => ({ id, name: id }));

describe('referralChains', () => {
  const network = createNetwork({
    organizations: ORGS,
    people: people(['boss', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'v', 'w']),
    jobs: jobs(['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7', 'j8']),
    hires: [
      referral('b', 'j1', '2024-02-01', 'a'),
      referral('c', 'j2', '2023-06-01', 'a'),
      referral('d', 'j3', '2024-05-01', 'b'),
      referral('f', 'j4', '2022-01-01', 'e'),
      // Same day: ordered by person id.
      referral('w', 'j7', '2024-07-01', 'd'),
      referral('v', 'j8', '2024-07-01', 'd'),
      { personId: 'g', jobId: 'j5', date: '2024-01-01', channel: 'posting' },
      { personId: 'h', jobId: 'j6', date: '2024-01-01', channel: 'referral' },
    ],
  });
  const result = referralChains(network);

  it('grows a forest from referrers who were not hired by referral', () => {
    expect(result.trees.map((t) => shape(t.root))).toEqual([
      ['e', [['f', []]]],
      [
        'a',
        [
          ['c', []],
          [
            'b',
            [
              [
                'd',
                [
                  ['v', []],
                  ['w', []],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
    expect(result.trees.map((t) => [t.depth, t.size, t.rootHiredByReferral])).toEqual([
      [1, 2, false],
      [3, 6, false],
    ]);
  });

  it('records each referral hire on its node', () => {
    const d = result.trees[1]?.root.children[1]?.children[0];
    expect(d).toMatchObject({ personId: 'd', hire: 2, jobId: 'j3', date: '2024-05-01', depth: 2 });
    expect(result.trees[1]?.root).toMatchObject({ hire: null, jobId: null, date: null, depth: 0 });
  });

  it('counts chain lengths from root to leaf', () => {
    // f (1), c (1), v (3), w (3).
    expect(result.lengths).toEqual([
      { length: 1, count: 2 },
      { length: 3, count: 2 },
    ]);
    expect(result.referralHires).toBe(6);
    expect(result.referralsWithoutReferrer).toBe(1);
  });

  it('exports one row per referral', () => {
    const lines = result.toCSV().trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 6);
    expect(lines[0]).toBe('Tree,Root,Depth,Referrer,Person,Job,Date,Hire');
    expect(lines[1]).toBe('0,e,1,e,f,j4,2022-01-01,3');
    expect(result.toMarkdown()).toContain('1 referral hire(s) without a referrer');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result.toJSON());
  });

  it('breaks a cycle of referrals, placing every referral hire once', () => {
    const cycle = referralChains(
      createNetwork({
        organizations: ORGS,
        people: people(['boss', 'p', 'q', 's']),
        jobs: jobs(['j1', 'j2', 'j3']),
        hires: [
          referral('q', 'j1', '2020-01-01', 'p'),
          referral('p', 'j2', '2021-01-01', 'q'),
          referral('s', 'j3', '2022-01-01', 'p'),
        ],
      }),
    );
    expect(cycle.trees).toHaveLength(1);
    expect(cycle.trees[0]?.rootHiredByReferral).toBe(true);
    // p's own referrals hang under the root; p's referral hire (by q) is a leaf.
    expect(shape(cycle.trees[0]?.root as ReferralNode)).toEqual([
      'p',
      [
        ['q', [['p', []]]],
        ['s', []],
      ],
    ]);
    expect(cycle.toCSV().trim().split(/\r?\n/)).toHaveLength(1 + 3);
  });

  it("hangs a person's referrals under their first referral hire only", () => {
    const twice = referralChains(
      createNetwork({
        organizations: ORGS,
        people: people(['boss', 'a', 'z', 'k', 'n']),
        jobs: jobs(['j1', 'j2', 'j3']),
        hires: [
          referral('k', 'j2', '2022-01-01', 'z'),
          referral('k', 'j1', '2020-01-01', 'a'),
          referral('n', 'j3', '2023-01-01', 'k'),
        ],
      }),
    );
    expect(twice.trees.map((t) => shape(t.root))).toEqual([
      ['a', [['k', [['n', []]]]]],
      ['z', [['k', []]]],
    ]);
    expect(twice.trees.map((t) => t.size)).toEqual([3, 2]);
  });

  it('returns an empty forest without referrals', () => {
    const none = referralChains(createNetwork({ people: people(['a']) }));
    expect(none.trees).toEqual([]);
    expect(none.lengths).toEqual([]);
    expect(none.toCSV().trim().split(/\r?\n/)).toHaveLength(1);
  });
});

describe('vacancyChains', () => {
  const job = (
    id: string,
    title: string,
    organizationId: string,
    extra: Partial<Job> = {},
  ): Job => ({
    id,
    title,
    organizationId,
    hiringManagerId: 'boss',
    requirements: [],
    status: 'open',
    ...extra,
  });
  const hire = (personId: string, jobId: string, date: string): Hire => ({
    personId,
    jobId,
    date,
    channel: 'posting',
  });
  const network = createNetwork({
    organizations: ORGS,
    people: [
      { id: 'boss', name: 'boss' },
      { id: 'p', name: 'p' },
      {
        id: 'q',
        name: 'q',
        positions: [
          { title: 'Clerk', organizationId: 'o3', from: '2019-01-01', to: '2024-02-20' },
          { title: 'Analyst', organizationId: 'o2', from: '2024-03-01' },
        ],
      },
      {
        id: 'r',
        name: 'r',
        positions: [{ title: 'Clerk', organizationName: 'Elsewhere Ltd', from: '2015-01-01' }],
      },
      {
        id: 's',
        name: 's',
        positions: [
          { title: 'Porter', organizationId: 'o2', from: '2018-01-01', to: '2024-01-01' },
        ],
      },
      { id: 't', name: 't' },
      { id: 'u', name: 'u' },
    ],
    jobs: [
      job('A', 'Analyst', 'o2'),
      job('B', 'Director', 'o1'),
      job('A2', 'analyst', 'o2'),
      job('C', '  CLERK ', 'o3'),
      job('D', 'Driver', 'o1'),
      job('E', 'Manager', 'o3', { status: 'filled', filledBy: 't', filledAt: '2021-01-01' }),
      job('F', 'Buyer', 'o1'),
    ],
    hires: [
      hire('p', 'A', '2020-01-01'),
      hire('p', 'B', '2024-01-15'),
      hire('q', 'A2', '2024-03-01'),
      hire('r', 'C', '2024-05-01'),
      hire('s', 'D', '2024-06-01'),
      hire('t', 'F', '2024-07-01'),
      hire('u', 'E', '2024-08-01'),
    ],
  });
  const result = vacancyChains(network);
  const steps = (chain: { moves: readonly { jobId: string; personId: string; date: string }[] }) =>
    chain.moves.map((m) => `${m.jobId}/${m.personId}/${m.date}`);

  it('follows each vacancy to the hire that fills it', () => {
    expect(result.chains.map(steps)).toEqual([
      ['A/p/2020-01-01'],
      // p leaves A (an earlier hire), q fills it through A2 (same organisation and title);
      // q leaves Clerk at o3 (a position that ended 10 days before), r fills it and came from outside.
      ['B/p/2024-01-15', 'A2/q/2024-03-01', 'C/r/2024-05-01'],
      // s left o2 151 days before: no vacancy.
      ['D/s/2024-06-01'],
      // t held E (filledBy), so E fell vacant; u filled it.
      ['F/t/2024-07-01', 'E/u/2024-08-01'],
    ]);
    expect(result.lengths).toEqual([
      { length: 1, count: 2 },
      { length: 2, count: 1 },
      { length: 3, count: 1 },
    ]);
  });

  it('says what each move left open, and how it knew', () => {
    const chain = result.chains[1];
    expect(chain?.moves.map((m) => m.left)).toEqual([
      { organizationId: 'o2', title: 'Analyst', jobId: 'A', evidence: 'hire' },
      { organizationId: 'o3', title: 'Clerk', jobId: null, evidence: 'position' },
      null,
    ]);
    expect(chain?.open).toBeNull();
    expect(result.chains[3]?.moves[0]?.left).toEqual({
      organizationId: 'o3',
      title: 'Manager',
      jobId: 'E',
      evidence: 'filled-by',
    });
  });

  it('leaves a chain open when no later hire fills its vacancy', () => {
    const wide = vacancyChains(network, { maxGapDays: 200 });
    const s = wide.chains.find((c) => c.moves[0]?.personId === 's');
    expect(s?.open).toEqual({
      organizationId: 'o2',
      title: 'Porter',
      jobId: null,
      evidence: 'position',
    });
    expect(vacancyChains(network, { maxGapDays: 9 }).chains.map(steps)).toContainEqual([
      'B/p/2024-01-15',
      'A2/q/2024-03-01',
    ]);
  });

  it('exports one row per move', () => {
    const lines = result.toCSV().trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 7);
    expect(lines[3]).toBe('1,2,3,2024-03-01,A2,o2,q,Clerk at o3,position,2');
    expect(result.toMarkdown()).toContain('lengths (moves): 1: 2, 2: 1, 3: 1');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result.toJSON());
  });

  it('refuses a bad maxGapDays', () => {
    expect(() => vacancyChains(network, { maxGapDays: -1 })).toThrow(InvalidOptionsError);
    expect(() => vacancyChains(network, { maxGapDays: Number.POSITIVE_INFINITY })).toThrow(
      /maxGapDays/,
    );
    expect(() => vacancyChains(network, { gap: 3 } as never)).toThrow(/unknown option "gap"/);
  });
});

describe('chains: the seed story', () => {
  const network = seedStoryNetwork();

  it("Jacob's hire fills the job Michael left for Laura's", () => {
    const chain = vacancyChains(network).chains.find((c) =>
      c.moves.some((m) => m.personId === 'jacob'),
    );
    expect(chain?.moves.map((m) => [m.jobId, m.personId, m.date])).toEqual([
      ['harbor-sales-executive', 'michael', '2024-03-25'],
      ['it-sales-rep', 'jacob', '2024-05-20'],
    ]);
    expect(chain?.moves[0]?.left).toEqual({
      organizationId: 'brightline-it',
      title: 'IT Solutions Sales Representative',
      jobId: null,
      evidence: 'position',
    });
    // Jacob had left Meridian months before: his move left nothing open.
    expect(chain?.open).toBeNull();
  });

  it('Walt and Michael each start a referral tree of one referral', () => {
    const { trees } = referralChains(network);
    expect(trees.map((t) => shape(t.root))).toEqual([
      ['walt-harmon', [['coach', []]]],
      ['michael', [['jacob', []]]],
    ]);
  });
});

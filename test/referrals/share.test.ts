/**
 * referralShare on a small hand-made network whose counts are worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, InvalidOptionsError, type NetworkInput } from '../../src/index.js';
import { differenceInterval, proportionInterval } from '../../src/referrals/intervals.js';
import { compareGroupKeys, referralShare, type ShareGroup } from '../../src/referrals/share.js';
import { optionIssuesOf, thrownBy } from '../support/errors.js';
import { jobRecord } from '../support/records.js';

/**
 * | hire | job        | date                      | channel   | cohort  |
 * | p1   | acme-eng   | 2023-02-10                | referral  | 2023    |
 * | p2   | acme-eng   | 2023-05-01                | posting   | 2023    |
 * | p3   | acme-ops   | 2023-11-30                | referral  | "pilot" |
 * | p4   | acme-ops   | 2024-01-15                | unknown   | 2024    |
 * | p5   | globex-eng | 2024-03-31T23:30:00-05:00 | referral  | 2024    |
 * | p6   | globex-eng | 2024-04-01                | recruiter | –       |
 * | p7   | globex-eng | 2024-07-04                | direct    | 9       |
 * | p8   | initech-x  | 2022-12-31                | unknown   | "pilot" |
 * | p9   | globex-eng | 2024-10-02                | internal  | "2023"  |
 */
const INPUT: NetworkInput = {
  organizations: [
    { id: 'initech', name: 'Initech' },
    { id: 'globex', name: 'Globex' },
    { id: 'acme', name: 'Acme' },
    { id: 'umbrella', name: 'Umbrella' },
  ],
  people: ['m1', 'm2', 'm3', 'r1', 'r2', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'].map(
    (id) => ({ id, name: id.toUpperCase() }),
  ),
  jobs: [
    jobRecord('globex-eng', 'globex', 'm2', 'filled'),
    jobRecord('acme-eng', 'acme', 'm1', 'filled'),
    jobRecord('acme-ops', 'acme', 'm1', 'filled'),
    jobRecord('initech-x', 'initech', 'm3', 'filled'),
  ],
  hires: [
    {
      personId: 'p1',
      jobId: 'acme-eng',
      date: '2023-02-10',
      channel: 'referral',
      referrerId: 'r1',
      attributes: { cohort: 2023 },
    },
    {
      personId: 'p2',
      jobId: 'acme-eng',
      date: '2023-05-01',
      channel: 'posting',
      attributes: { cohort: 2023 },
    },
    {
      personId: 'p3',
      jobId: 'acme-ops',
      date: '2023-11-30',
      channel: 'referral',
      referrerId: 'r2',
      attributes: { cohort: 'pilot' },
    },
    {
      personId: 'p4',
      jobId: 'acme-ops',
      date: '2024-01-15',
      channel: 'unknown',
      attributes: { cohort: 2024 },
    },
    {
      personId: 'p5',
      jobId: 'globex-eng',
      date: '2024-03-31T23:30:00-05:00',
      channel: 'referral',
      referrerId: 'r1',
      attributes: { cohort: 2024 },
    },
    { personId: 'p6', jobId: 'globex-eng', date: '2024-04-01', channel: 'recruiter' },
    {
      personId: 'p7',
      jobId: 'globex-eng',
      date: '2024-07-04',
      channel: 'direct',
      attributes: { cohort: 9 },
    },
    {
      personId: 'p8',
      jobId: 'initech-x',
      date: '2022-12-31',
      channel: 'unknown',
      attributes: { cohort: 'pilot' },
    },
    {
      personId: 'p9',
      jobId: 'globex-eng',
      date: '2024-10-02',
      channel: 'internal',
      attributes: { cohort: '2023' },
    },
  ],
};

const network = createNetwork(INPUT);

/** [key, label, referrals, hires, unknown] of each group. */
function counts(groups: readonly ShareGroup[]) {
  return groups.map((g) => [g.key, g.label, g.referrals, g.hires, g.unknown]);
}

function expectIntervals(groups: readonly ShareGroup[], options = {}) {
  for (const group of groups) {
    if (group.hires === 0) expect(group.interval).toBeNull();
    else expect(group.interval).toEqual(proportionInterval(group.referrals, group.hires, options));
  }
}

describe('referralShare: overall', () => {
  it('counts referrals among hires with a known channel by default', () => {
    const share = referralShare(network);
    expect(counts([share.overall])).toEqual([['all', 'All', 3, 7, 2]]);
    expect(share.overall.interval).toEqual(proportionInterval(3, 7));
    expect(share.groups).toEqual([share.overall]);
    expect(share.by).toBe('all');
    expect(share.unknown).toBe('exclude');
    expect(share.level).toBe(0.95);
    expect(share.method).toBe('wilson');
    expect(share.comparisons).toEqual([]);
  });

  it("counts unknown channels as not referred with unknown: 'as-not-referral'", () => {
    const share = referralShare(network, { unknown: 'as-not-referral' });
    expect(counts([share.overall])).toEqual([['all', 'All', 3, 9, 2]]);
    expect(share.overall.interval).toEqual(proportionInterval(3, 9));
  });

  it('passes level and method to every interval', () => {
    const options = { level: 0.9, method: 'jeffreys' } as const;
    const share = referralShare(network, { ...options, by: 'job' });
    expect(share.overall.interval).toEqual(proportionInterval(3, 7, options));
    expectIntervals(share.groups, options);
    expect(share.groups.every((g) => g.interval === null || g.interval.method === 'jeffreys')).toBe(
      true,
    );
  });

  it('gives no interval for a network without hires', () => {
    const share = referralShare(createNetwork({}), { by: 'organization' });
    expect(counts([share.overall])).toEqual([['all', 'All', 0, 0, 0]]);
    expect(share.overall.interval).toBeNull();
    expect(share.groups).toEqual([]);
    expect(share.toCSV()).toBe('group,label,referrals,hires,unknown channel,share,lower,upper\n');
  });
});

describe('referralShare: grouping', () => {
  it('by organization: the hiring job’s organisation, ids in order, named', () => {
    const share = referralShare(network, { by: 'organization' });
    expect(share.by).toBe('organization');
    expect(counts(share.groups)).toEqual([
      ['acme', 'Acme', 2, 3, 1],
      ['globex', 'Globex', 1, 4, 0],
      ['initech', 'Initech', 0, 0, 1],
    ]);
    expect(share.groups[2]?.interval).toBeNull();
    expectIntervals(share.groups);
    const notReferral = referralShare(network, { by: 'organization', unknown: 'as-not-referral' });
    expect(counts(notReferral.groups)).toEqual([
      ['acme', 'Acme', 2, 4, 1],
      ['globex', 'Globex', 1, 4, 0],
      ['initech', 'Initech', 0, 1, 1],
    ]);
    expectIntervals(notReferral.groups);
  });

  it('by job', () => {
    const share = referralShare(network, { by: 'job' });
    expect(counts(share.groups)).toEqual([
      ['acme-eng', 'Job acme-eng', 1, 2, 0],
      ['acme-ops', 'Job acme-ops', 1, 1, 1],
      ['globex-eng', 'Job globex-eng', 1, 4, 0],
      ['initech-x', 'Job initech-x', 0, 0, 1],
    ]);
    expectIntervals(share.groups);
  });

  it('by year, quarter and month, in time order, reading dates as written', () => {
    const year = referralShare(network, { by: { period: 'year' } });
    expect(year.by).toBe('year');
    expect(counts(year.groups)).toEqual([
      ['2022', '2022', 0, 0, 1],
      ['2023', '2023', 2, 3, 0],
      ['2024', '2024', 1, 4, 1],
    ]);
    expectIntervals(year.groups);
    // p5 was hired 2024-03-31 at 23:30 in UTC−5 (April in UTC): it counts in March, Q1.
    const quarter = referralShare(network, { by: { period: 'quarter' } });
    expect(counts(quarter.groups)).toEqual([
      ['2022-Q4', '2022-Q4', 0, 0, 1],
      ['2023-Q1', '2023-Q1', 1, 1, 0],
      ['2023-Q2', '2023-Q2', 0, 1, 0],
      ['2023-Q4', '2023-Q4', 1, 1, 0],
      ['2024-Q1', '2024-Q1', 1, 1, 1],
      ['2024-Q2', '2024-Q2', 0, 1, 0],
      ['2024-Q3', '2024-Q3', 0, 1, 0],
      ['2024-Q4', '2024-Q4', 0, 1, 0],
    ]);
    expectIntervals(quarter.groups);
    const month = referralShare(network, { by: { period: 'month' } });
    expect(month.groups.map((g) => g.key)).toEqual([
      '2022-12',
      '2023-02',
      '2023-05',
      '2023-11',
      '2024-01',
      '2024-03',
      '2024-04',
      '2024-07',
      '2024-10',
    ]);
    expect(month.groups.find((g) => g.key === '2024-03')?.referrals).toBe(1);
  });

  it('by attribute: values as text, numbers by value first, the missing group last', () => {
    const share = referralShare(network, { by: { attribute: 'cohort' } });
    expect(share.by).toBe('attribute:cohort');
    // 2023 (a number) and "2023" (a string) are the same group.
    expect(counts(share.groups)).toEqual([
      ['9', '9', 0, 1, 0],
      ['2023', '2023', 1, 3, 0],
      ['2024', '2024', 1, 1, 1],
      ['pilot', 'pilot', 1, 1, 1],
      [null, '(missing)', 0, 1, 0],
    ]);
    expectIntervals(share.groups);
    const nobody = referralShare(network, { by: { attribute: 'region' } });
    expect(counts(nobody.groups)).toEqual([[null, '(missing)', 3, 7, 2]]);
  });

  it('by a function of the hire and the network; undefined is the missing group', () => {
    const share = referralShare(network, {
      by: (hire) => (hire.date < '2024' ? 'early' : 'late'),
    });
    expect(share.by).toBe('function');
    expect(counts(share.groups)).toEqual([
      ['early', 'early', 2, 3, 1],
      ['late', 'late', 1, 4, 1],
    ]);
    expectIntervals(share.groups);
    const byReferrer = referralShare(network, {
      by: (hire, net) => (hire.referrerId ? net.person(hire.referrerId)?.name : undefined),
    });
    expect(counts(byReferrer.groups)).toEqual([
      ['R1', 'R1', 2, 2, 0],
      ['R2', 'R2', 1, 1, 0],
      [null, '(missing)', 0, 4, 2],
    ]);
  });

  it('orders groups the same whatever the input order', () => {
    const reversed = createNetwork({ ...INPUT, hires: [...(INPUT.hires ?? [])].reverse() });
    for (const by of [
      'organization',
      'job',
      { period: 'quarter' },
      { attribute: 'cohort' },
    ] as const) {
      expect(referralShare(reversed, { by }).toJSON()).toEqual(
        referralShare(network, { by }).toJSON(),
      );
    }
  });

  it('compareGroupKeys: numbers by value, then code units, missing last', () => {
    expect(['b', null, '10', 'B', 'a', '9', '-1', '007', '2024-Q1'].sort(compareGroupKeys)).toEqual(
      ['-1', '9', '10', '007', '2024-Q1', 'B', 'a', 'b', null],
    );
  });
});

describe('referralShare: comparisons', () => {
  it('gives Newcombe intervals for the pairs asked, in order', () => {
    const share = referralShare(network, {
      by: 'organization',
      level: 0.9,
      compare: [
        ['acme', 'globex'],
        ['globex', 'acme'],
        ['acme', 'initech'],
      ],
    });
    expect(share.comparisons.map((c) => [c.a, c.b])).toEqual([
      ['acme', 'globex'],
      ['globex', 'acme'],
      ['acme', 'initech'],
    ]);
    const expected = differenceInterval(
      { successes: 2, trials: 3 },
      { successes: 1, trials: 4 },
      { level: 0.9 },
    );
    expect(share.comparisons[0]?.difference).toEqual(expected);
    expect(share.comparisons[1]?.difference?.estimate).toBeCloseTo(-expected.estimate, 15);
    expect(share.comparisons[2]?.difference).toBeNull();
    expect(share.toMarkdown()).toContain('acme − globex: 41.7%');
    expect(share.toMarkdown()).toContain('acme − initech: not computed');
  });

  it('names the missing group null', () => {
    const share = referralShare(network, {
      by: { attribute: 'cohort' },
      compare: [['2023', null]],
    });
    expect(share.comparisons[0]?.difference).toEqual(
      differenceInterval({ successes: 1, trials: 3 }, { successes: 0, trials: 1 }),
    );
  });
});

describe('referralShare: invalid options', () => {
  it('lists every problem at once', () => {
    const issues = optionIssuesOf(() =>
      referralShare(network, {
        by: 'channel',
        level: 2,
        method: 'wald',
        unknown: 'drop',
        extra: 1,
      } as never),
    );
    expect(issues).toEqual([
      { path: 'extra', code: 'unknown_field' },
      { path: 'level', code: 'out_of_range' },
      { path: 'method', code: 'invalid_value' },
      { path: 'unknown', code: 'invalid_value' },
      { path: 'by', code: 'invalid_value' },
    ]);
  });

  it('checks every form of by', () => {
    expect(
      optionIssuesOf(() => referralShare(network, { by: { period: 'week' } } as never)),
    ).toEqual([{ path: 'by.period', code: 'invalid_value' }]);
    expect(optionIssuesOf(() => referralShare(network, { by: { attribute: '' } }))).toEqual([
      { path: 'by.attribute', code: 'invalid_value' },
    ]);
    expect(
      optionIssuesOf(() =>
        referralShare(network, { by: { period: 'year', attribute: 'x' } } as never),
      ),
    ).toEqual([{ path: 'by', code: 'invalid_value' }]);
    expect(optionIssuesOf(() => referralShare(network, { by: null } as never))).toEqual([
      { path: 'by', code: 'invalid_value' },
    ]);
  });

  it('names every hire a by function gave a non-string for', () => {
    const error = thrownBy(
      () =>
        referralShare(network, { by: (hire) => (hire.channel === 'unknown' ? 42 : 'x') as string }),
      InvalidOptionsError,
    );
    const messages = error.issues.map((i) => i.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('returned 42 for hires[3]');
    expect(messages[1]).toContain('for hires[7]');
  });

  it('checks compare pairs against the groups, with a suggestion', () => {
    const issues = optionIssuesOf(() =>
      referralShare(network, {
        by: 'organization',
        compare: [['acme', 'acmee'], ['acme'], ['acme', 3], ['globex', null]] as never,
      }),
    );
    expect(issues).toEqual([
      { path: 'compare[0][1]', code: 'invalid_value' },
      { path: 'compare[1]', code: 'invalid_type' },
      { path: 'compare[2][1]', code: 'invalid_type' },
      { path: 'compare[3][1]', code: 'invalid_value' },
    ]);
    expect(() =>
      referralShare(network, { by: 'organization', compare: [['acme', 'acmee']] }),
    ).toThrow('did you mean "acme"');
    expect(optionIssuesOf(() => referralShare(network, { compare: 'acme' } as never))).toEqual([
      { path: 'compare', code: 'invalid_type' },
    ]);
    expect(optionIssuesOf(() => referralShare(network, 'organization' as never))).toEqual([
      { path: '', code: 'invalid_type' },
    ]);
  });
});

describe('referralShare: exports', () => {
  const share = referralShare(network, {
    by: { attribute: 'cohort' },
    compare: [['2023', '2024']],
  });

  it('toCSV has a header and one line per group', () => {
    const lines = share.toCSV().trimEnd().split('\n');
    expect(lines[0]).toBe('group,label,referrals,hires,unknown channel,share,lower,upper');
    expect(lines).toHaveLength(1 + share.groups.length);
    const interval = proportionInterval(1, 3);
    expect(lines[2]).toBe(
      `2023,2023,1,3,0,${interval.estimate},${interval.lower},${interval.upper}`,
    );
    expect(lines[5]).toBe(`,(missing),0,1,0,0,0,${proportionInterval(0, 1).upper}`);
  });

  it('toMarkdown has the title, one row per group and the notes', () => {
    const markdown = share.toMarkdown();
    expect(markdown).toContain('## Referral share of hires by attribute:cohort');
    expect(markdown).toContain('| 2023 | 2023 | 1 | 3 | 0 | 33.3% |');
    expect(markdown).toContain(
      '2 hire(s) with an unknown channel are left out of the denominators.',
    );
    expect(markdown).toContain('All hires: 3 of 7 = 42.9%');
    expect(markdown.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(
      2 + share.groups.length,
    );
  });

  it('serialises to JSON with every field and no methods', () => {
    const json = JSON.parse(JSON.stringify(share));
    expect(json).toEqual(share.toJSON());
    expect(json.groups).toHaveLength(5);
    expect(json.groups[4].key).toBeNull();
    expect(json.overall.interval).toEqual({ ...proportionInterval(3, 7) });
    expect(json.comparisons[0].difference.method).toBe('newcombe');
    expect(json.toCSV).toBeUndefined();
    expect(Object.isFrozen(share)).toBe(true);
  });
});

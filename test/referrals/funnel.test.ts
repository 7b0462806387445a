/**
 * referralFunnel on a small hand-made network whose counts are worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, InvalidOptionsError, type NetworkInput } from '../../src/index.js';
import {
  FUNNEL_STAGES,
  type FunnelCounts,
  type FunnelGroup,
  referralFunnel,
} from '../../src/referrals/funnel.js';
import { differenceInterval, proportionInterval } from '../../src/referrals/intervals.js';
import { thrownBy } from '../support/errors.js';
import { jobRecord } from '../support/records.js';

type Row = readonly [
  string,
  string,
  string,
  'referral' | 'posting' | 'recruiter' | 'direct' | 'internal' | 'unknown',
  'applied' | 'interviewed' | 'offered' | 'hired' | 'rejected',
  number?,
];

/** person, job, date, channel, stage, wave attribute. */
const ROWS: readonly Row[] = [
  ['a1', 'acme-eng', '2023-01-05', 'referral', 'hired', 1],
  ['a2', 'acme-eng', '2023-02-01', 'referral', 'offered'],
  ['a3', 'acme-eng', '2023-07-01', 'referral', 'interviewed'],
  ['a4', 'acme-ops', '2024-01-01', 'referral', 'rejected'],
  ['a5', 'globex-eng', '2024-05-05', 'referral', 'interviewed', 2],
  ['b1', 'acme-eng', '2023-01-10', 'posting', 'hired', 1],
  ['b2', 'acme-eng', '2023-03-03', 'posting', 'applied'],
  ['b3', 'acme-ops', '2024-02-02', 'recruiter', 'rejected'],
  ['b4', 'acme-ops', '2024-06-06', 'direct', 'interviewed'],
  ['b5', 'globex-eng', '2023-09-09', 'posting', 'applied'],
  ['b6', 'globex-eng', '2024-08-08', 'internal', 'offered', 2],
  ['b7', 'globex-eng', '2024-12-31T23:00:00-03:00', 'posting', 'rejected'],
  ['c1', 'initech-x', '2025-01-10', 'posting', 'interviewed'],
  ['u1', 'globex-eng', '2024-03-03', 'unknown', 'interviewed'],
  ['u2', 'acme-eng', '2023-04-04', 'unknown', 'hired'],
];

const INPUT: NetworkInput = {
  organizations: [
    { id: 'globex', name: 'Globex' },
    { id: 'acme', name: 'Acme' },
    { id: 'initech', name: 'Initech' },
  ],
  people: [...['m1', 'm2', 'm3'], ...ROWS.map((row) => row[0])].map((id) => ({
    id,
    name: id.toUpperCase(),
  })),
  jobs: [
    jobRecord('acme-eng', 'acme', 'm1', 'open'),
    jobRecord('acme-ops', 'acme', 'm1', 'open'),
    jobRecord('globex-eng', 'globex', 'm2', 'open'),
    jobRecord('initech-x', 'initech', 'm3', 'open'),
  ],
  applications: ROWS.map(([personId, jobId, date, channel, stage, wave]) => ({
    personId,
    jobId,
    date,
    channel,
    stage,
    ...(wave === undefined ? {} : { attributes: { wave } }),
  })),
};

const network = createNetwork(INPUT);

const c = (applications: number, interviewed: number, offered: number, hired: number) => ({
  applications,
  interviewed,
  offered,
  hired,
});

/** [key, label, referred counts, non-referred counts, unknown] of each group. */
function counts(groups: readonly FunnelGroup[]) {
  return groups.map((g) => [g.key, g.label, g.referred, g.nonReferred, g.unknown]);
}

/** Every rate is proportionInterval's and every difference differenceInterval's. */
function expectRates(groups: readonly FunnelGroup[], options: { level?: number } = {}) {
  const rate = (side: FunnelCounts, stage: (typeof FUNNEL_STAGES)[number]) =>
    side.applications === 0 ? null : proportionInterval(side[stage], side.applications, options);
  for (const group of groups) {
    expect(group.stages.map((s) => s.stage)).toEqual([...FUNNEL_STAGES]);
    for (const stage of group.stages) {
      const referred = rate(group.referred, stage.stage);
      const nonReferred = rate(group.nonReferred, stage.stage);
      expect(stage.referred).toEqual(referred);
      expect(stage.nonReferred).toEqual(nonReferred);
      expect(stage.difference).toEqual(
        referred && nonReferred ? differenceInterval(referred, nonReferred, options) : null,
      );
    }
  }
}

describe('referralFunnel: overall', () => {
  it('counts the stages each application reached; rejected counts as applied', () => {
    const funnel = referralFunnel(network);
    expect(counts([funnel.overall])).toEqual([['all', 'All', c(5, 4, 2, 1), c(8, 4, 2, 1), 2]]);
    expect(funnel.groups).toEqual([funnel.overall]);
    expect(funnel.by).toBe('all');
    expect(funnel.unknown).toBe('exclude');
    expectRates([funnel.overall]);
    const interviews = funnel.overall.stages[0];
    expect(interviews?.referred?.estimate).toBe(4 / 5);
    expect(interviews?.nonReferred?.estimate).toBe(4 / 8);
    expect(interviews?.difference?.estimate).toBeCloseTo(0.3, 15);
  });

  it("counts unknown channels as non-referred with unknown: 'as-not-referral'", () => {
    const funnel = referralFunnel(network, { unknown: 'as-not-referral', level: 0.8 });
    expect(counts([funnel.overall])).toEqual([['all', 'All', c(5, 4, 2, 1), c(10, 6, 3, 2), 2]]);
    expectRates([funnel.overall], { level: 0.8 });
  });

  it('passes the method to the rates, while differences stay Newcombe', () => {
    const funnel = referralFunnel(network, { method: 'clopper-pearson' });
    const offers = funnel.overall.stages[1];
    expect(offers?.referred).toEqual(proportionInterval(2, 5, { method: 'clopper-pearson' }));
    expect(offers?.difference).toEqual(
      differenceInterval({ successes: 2, trials: 5 }, { successes: 2, trials: 8 }),
    );
  });

  it('has no rates for a network without applications', () => {
    const funnel = referralFunnel(createNetwork({}));
    expect(counts([funnel.overall])).toEqual([['all', 'All', c(0, 0, 0, 0), c(0, 0, 0, 0), 0]]);
    expect(funnel.overall.stages.every((s) => s.referred === null && s.difference === null)).toBe(
      true,
    );
  });
});

describe('referralFunnel: grouping', () => {
  it('by organization, with null rates where a side has no applications', () => {
    const funnel = referralFunnel(network, { by: 'organization' });
    expect(counts(funnel.groups)).toEqual([
      ['acme', 'Acme', c(4, 3, 2, 1), c(4, 2, 1, 1), 1],
      ['globex', 'Globex', c(1, 1, 0, 0), c(3, 1, 1, 0), 1],
      ['initech', 'Initech', c(0, 0, 0, 0), c(1, 1, 0, 0), 0],
    ]);
    expectRates(funnel.groups);
    expect(funnel.groups[2]?.stages[0]?.referred).toBeNull();
    expect(funnel.groups[2]?.stages[0]?.difference).toBeNull();
  });

  it('by job', () => {
    const funnel = referralFunnel(network, { by: 'job' });
    expect(counts(funnel.groups)).toEqual([
      ['acme-eng', 'Job acme-eng', c(3, 3, 2, 1), c(2, 1, 1, 1), 1],
      ['acme-ops', 'Job acme-ops', c(1, 0, 0, 0), c(2, 1, 0, 0), 0],
      ['globex-eng', 'Job globex-eng', c(1, 1, 0, 0), c(3, 1, 1, 0), 1],
      ['initech-x', 'Job initech-x', c(0, 0, 0, 0), c(1, 1, 0, 0), 0],
    ]);
    expectRates(funnel.groups);
  });

  it('by year of the application date, as written', () => {
    const funnel = referralFunnel(network, { by: { period: 'year' }, level: 0.99 });
    expect(counts(funnel.groups)).toEqual([
      ['2023', '2023', c(3, 3, 2, 1), c(3, 1, 1, 1), 1],
      ['2024', '2024', c(2, 1, 0, 0), c(4, 2, 1, 0), 1],
      ['2025', '2025', c(0, 0, 0, 0), c(1, 1, 0, 0), 0],
    ]);
    expectRates(funnel.groups, { level: 0.99 });
    const quarters = referralFunnel(network, { by: { period: 'quarter' } });
    expect(quarters.groups.map((g) => g.key)).toEqual([
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
    ]);
  });

  it('by attribute, the missing group last', () => {
    const funnel = referralFunnel(network, { by: { attribute: 'wave' } });
    expect(counts(funnel.groups)).toEqual([
      ['1', '1', c(1, 1, 1, 1), c(1, 1, 1, 1), 0],
      ['2', '2', c(1, 1, 0, 0), c(1, 1, 1, 0), 0],
      [null, '(missing)', c(3, 2, 1, 0), c(6, 2, 0, 0), 2],
    ]);
    expectRates(funnel.groups);
  });

  it('by a function of the application and the network', () => {
    const funnel = referralFunnel(network, {
      by: (application, net) => net.job(application.jobId)?.hiringManagerId,
    });
    expect(funnel.by).toBe('function');
    expect(counts(funnel.groups).map(([key, , referred, other]) => [key, referred, other])).toEqual(
      [
        ['m1', c(4, 3, 2, 1), c(4, 2, 1, 1)],
        ['m2', c(1, 1, 0, 0), c(3, 1, 1, 0)],
        ['m3', c(0, 0, 0, 0), c(1, 1, 0, 0)],
      ],
    );
  });

  it('gives the same result whatever the input order', () => {
    const reversed = createNetwork({
      ...INPUT,
      applications: [...(INPUT.applications ?? [])].reverse(),
    });
    for (const by of ['organization', { period: 'month' }, { attribute: 'wave' }] as const) {
      expect(referralFunnel(reversed, { by }).toJSON()).toEqual(
        referralFunnel(network, { by }).toJSON(),
      );
    }
  });
});

describe('referralFunnel: invalid options', () => {
  it('lists every problem at once', () => {
    const error = thrownBy(
      () =>
        referralFunnel(network, {
          by: { period: 'decade' },
          level: -1,
          unknown: 'ignore',
          compare: [],
        } as never),
      InvalidOptionsError,
    );
    expect(error.issues.map((i) => i.path)).toEqual(['compare', 'level', 'unknown', 'by.period']);
  });

  it('names every application a by function gave a non-string for', () => {
    expect(() => referralFunnel(network, { by: () => null as unknown as string })).toThrow(
      /returned null for applications\[0\]/,
    );
  });
});

describe('referralFunnel: exports', () => {
  const funnel = referralFunnel(network, { by: 'organization' });

  it('toCSV has a header and one line per group and stage', () => {
    const lines = funnel.toCSV().trimEnd().split('\n');
    expect(lines[0]).toBe(
      'group,label,stage,referred reached,referred applications,referred rate,referred lower,referred upper,' +
        'non-referred reached,non-referred applications,non-referred rate,non-referred lower,non-referred upper,' +
        'difference,difference lower,difference upper',
    );
    expect(lines).toHaveLength(1 + FUNNEL_STAGES.length * funnel.groups.length);
    expect(lines[1]?.startsWith('acme,Acme,interviewed,3,4,0.75,')).toBe(true);
    // Initech has no referred applications: empty cells, no difference.
    expect(lines[7]).toBe(
      `initech,Initech,interviewed,0,0,,,,1,1,1,${proportionInterval(1, 1).lower},1,,,`,
    );
  });

  it('toMarkdown has the title, the rows and the notes', () => {
    const markdown = funnel.toMarkdown();
    expect(markdown).toContain('## Referral funnel by organization');
    expect(markdown).toContain('| acme | Acme | interviewed | 3 | 4 | 75.0% |');
    expect(markdown).toContain('2 application(s) with an unknown channel are left out.');
    expect(markdown).toContain("'rejected' counts as 'applied'");
  });

  it('serialises to JSON', () => {
    const json = JSON.parse(JSON.stringify(funnel));
    expect(json).toEqual(funnel.toJSON());
    expect(json.groups).toHaveLength(3);
    expect(json.overall.stages[2].stage).toBe('hired');
    expect(json.groups[0].referred).toEqual(c(4, 3, 2, 1));
  });
});

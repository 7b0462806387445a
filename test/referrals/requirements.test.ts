/**
 * requirementsGap: the default word-containment matcher on hand-picked wordings, the record as it
 * stood before the hire, shares by channel with their intervals, custom matchers, options,
 * exports and the seed story.
 */
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  type Hire,
  type HireChannel,
  InvalidOptionsError,
  type Person,
} from '../../src/index.js';
import { proportionInterval } from '../../src/referrals/intervals.js';
import {
  contentWords,
  defaultRequirementMatcher,
  type RequirementContext,
  requirementsGap,
} from '../../src/referrals/requirements.js';
import { thrownBy } from '../support/errors.js';
import { seedStoryNetwork } from '../support/fixtures.js';

const someone = (skills: string[], titles: string[] = []): Person => ({
  id: 'p',
  name: 'P',
  skills,
  positions: titles.map((title) => ({ title })),
});

describe('defaultRequirementMatcher', () => {
  it('reduces text to content words', () => {
    expect([...contentWords('3+ years of Public Relations experience')]).toEqual([
      'public',
      'relation',
    ]);
    expect([...contentWords('Experience, experience!')]).toEqual(['experience']);
    expect([...contentWords('C++ and C# (business)')]).toEqual(['c++', 'c#', 'business']);
  });

  it('meets a requirement when a skill or title covers it word for word', () => {
    const cases: [string, Person, boolean][] = [
      ['previous IT solutions sales experience', someone(['IT solutions sales']), true],
      ['previous IT solutions sales experience', someone(['insurance sales']), false],
      ['previous IT solutions sales experience', someone([], ['Insurance Sales Agent']), false],
      ['3+ years of public relations experience', someone(['public relations']), true],
      ['Public Relations', someone(['PR and public relations campaigns']), true],
      ['media relations', someone(['Media Relation']), true],
      ['advertising or media sales experience', someone(['B2B sales', 'media buying']), false],
      ['experience selling in a manufacturing environment', someone(['sales management']), false],
      ['writing compensation plans', someone([], ['Compensation Plan Writing Lead']), true],
      ['prospecting new business accounts', someone(['prospecting']), true],
      ['B2B sales', someone(['b2b SALES']), true],
    ];
    for (const [requirement, person, met] of cases) {
      expect([requirement, defaultRequirementMatcher(requirement, person)]).toEqual([
        requirement,
        met,
      ]);
    }
  });
});

describe('requirementsGap: the record before the hire', () => {
  const network = createNetwork({
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [
      { id: 'boss', name: 'Boss' },
      {
        id: 'p',
        name: 'P',
        title: 'Account Manager',
        skills: ['Public Relations'],
        positions: [
          { title: 'Media Buyer', from: '2015-01-01', to: '2019-12-31' },
          { title: 'Events Planner', from: '2024-05-01' },
          { title: 'Account Manager', from: '2024-06-01' },
        ],
      },
    ],
    jobs: [
      {
        id: 'j',
        title: 'Account Manager',
        organizationId: 'acme',
        hiringManagerId: 'boss',
        requirements: [
          '3+ years of public relations experience',
          'media buyer experience',
          'events planner',
          'account manager',
        ],
        status: 'open',
      },
    ],
    hires: [
      { personId: 'p', jobId: 'j', date: '2024-05-01', channel: 'referral', referrerId: 'boss' },
    ],
  });

  it('uses skills and titles of positions begun before the hire day, not the current title', () => {
    const [row] = requirementsGap(network).hires;
    expect(row?.lacked).toEqual(['events planner', 'account manager']);
    expect(row?.lackedAny).toBe(true);
    expect(row?.lackedAll).toBe(false);
  });

  it('hands a custom matcher the record as it stood, and the whole record beside it', () => {
    const seen: [string, string[], number, string][] = [];
    const gap = requirementsGap(network, {
      matcher: (requirement, person, context: RequirementContext) => {
        seen.push([
          requirement,
          (person.positions ?? []).map((p) => p.title),
          context.record.positions?.length ?? 0,
          context.job.id,
        ]);
        return requirement.startsWith('3+');
      },
    });
    expect(seen).toHaveLength(4);
    expect(seen[0]).toEqual(['3+ years of public relations experience', ['Media Buyer'], 3, 'j']);
    expect(gap.hires[0]?.lacked).toEqual([
      'media buyer experience',
      'events planner',
      'account manager',
    ]);
    expect(network.person('p')?.positions).toHaveLength(3);
  });

  it('refuses a matcher that does not answer with a boolean, naming the hire', () => {
    expect(() => requirementsGap(network, { matcher: (() => 1) as never })).toThrow(
      /must return a boolean, got number for hires\[0\]/,
    );
  });
});

describe('requirementsGap: shares by channel', () => {
  // Job "two" posts two requirements, "none" none. Each hire's skills decide what it lacks.
  const plan: [HireChannel, string[]][] = [
    ['referral', ['alpha', 'beta']], // lacks none
    ['referral', ['alpha']], // lacks one
    ['referral', []], // lacks both
    ['posting', ['beta']], // lacks one
    ['posting', ['alpha', 'beta']], // lacks none
  ];
  const network = createNetwork({
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [
      { id: 'boss', name: 'Boss' },
      ...plan.map(([, skills], i) => ({ id: `p${i}`, name: `p${i}`, skills })),
      { id: 'q', name: 'q' },
    ],
    jobs: [
      {
        id: 'two',
        title: 'Two',
        organizationId: 'acme',
        hiringManagerId: 'boss',
        requirements: ['alpha', 'beta'],
        status: 'open',
      },
      {
        id: 'none',
        title: 'None',
        organizationId: 'acme',
        hiringManagerId: 'boss',
        requirements: [],
        status: 'open',
      },
    ],
    hires: [
      ...plan.map(
        ([channel], i): Hire => ({
          personId: `p${i}`,
          jobId: 'two',
          date: '2024-01-01',
          channel,
          ...(channel === 'referral' ? { referrerId: 'boss' } : {}),
        }),
      ),
      { personId: 'q', jobId: 'none', date: '2024-01-01', channel: 'direct' },
    ],
  });
  const gap = requirementsGap(network);

  it('counts hires lacking at least one and all requirements', () => {
    expect(gap.hires.map((h) => [h.lacked.length, h.lackedAny, h.lackedAll])).toEqual([
      [0, false, false],
      [1, true, false],
      [2, true, true],
      [1, true, false],
      [0, false, false],
      [0, null, null],
    ]);
    expect(
      gap.byChannel.map((c) => [
        c.channel,
        c.hires,
        c.withRequirements,
        c.lackingAny,
        c.lackingAll,
      ]),
    ).toEqual([
      ['referral', 3, 3, 2, 1],
      ['posting', 2, 2, 1, 0],
      ['direct', 1, 0, 0, 0],
      ['all', 6, 5, 3, 1],
    ]);
  });

  it('gives each share a Wilson interval, null when there is nothing to share', () => {
    const referral = gap.byChannel[0];
    expect(referral?.lackingAnyShare).toEqual(proportionInterval(2, 3));
    expect(referral?.lackingAllShare).toEqual(proportionInterval(1, 3));
    expect(gap.byChannel[3]?.lackingAnyShare).toEqual(proportionInterval(3, 5));
    expect(gap.byChannel[2]?.lackingAnyShare).toBeNull();
    expect(gap.byChannel[2]?.lackingAllShare).toBeNull();
  });

  it('passes level and method on to the intervals', () => {
    const exact = requirementsGap(network, { level: 0.9, method: 'clopper-pearson' });
    expect(exact.byChannel[1]?.lackingAnyShare).toEqual(
      proportionInterval(1, 2, { level: 0.9, method: 'clopper-pearson' }),
    );
    expect([exact.level, exact.method]).toEqual([0.9, 'clopper-pearson']);
  });

  it('exports one row per hire, the shares as notes', () => {
    const lines = gap.toCSV().trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 6);
    expect(lines[3]).toBe('2,2024-01-01,p2,two,referral,2,2,alpha; beta,true,true');
    const markdown = gap.toMarkdown();
    expect(markdown).toContain('- referral: lacked at least one 2 of 3 (66.7% [');
    expect(markdown).toContain('1 hire(s) into jobs without requirements left out');
    expect(JSON.parse(JSON.stringify(gap))).toEqual(gap.toJSON());
  });

  it('lists every bad option at once', () => {
    const error = thrownBy(
      () =>
        requirementsGap(network, { matcher: 'words', level: 1, method: 'wald', extra: 1 } as never),
      InvalidOptionsError,
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['extra', 'level', 'matcher', 'method']);
  });
});

describe('requirementsGap: the seed story', () => {
  const network = seedStoryNetwork();
  const gap = requirementsGap(network);
  const of = (personId: string) => gap.hires.find((h) => h.personId === personId);

  it("the coach's hire lacked both requirements", () => {
    expect(of('coach')?.lacked).toEqual([
      'experience selling in a manufacturing environment',
      'writing compensation plans',
    ]);
    expect(of('coach')?.lackedAll).toBe(true);
  });

  it('Jacob lacked the IT sales experience but not prospecting; Michael lacked media sales', () => {
    expect(of('jacob')?.lacked).toEqual(['previous IT solutions sales experience']);
    expect(of('michael')?.lacked).toEqual(['advertising or media sales experience']);
  });
});

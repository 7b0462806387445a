/**
 * attributeHires: time-aware attribution of hires to warm chains. Hand-made networks whose
 * chains and probabilities follow from given strengths, the day-before rule at its edges, the
 * rewinding of organisations, the disagreement list, options, exports and the seed story.
 */
import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  findIntroductions,
  InvalidOptionsError,
  type Network,
  type NetworkInput,
} from '../../src/index.js';
import { attributeHires, hireEve } from '../../src/referrals/attribution.js';
import { seedStoryNetwork } from '../support/fixtures.js';

const HIRE_DATE = '2024-06-10';

/** Candidate c hired (through `channel`) into job j at acme, whose manager is m. */
function hiring(
  relationships: NonNullable<NetworkInput['relationships']>,
  extra: Partial<NetworkInput> = {},
  hire: Partial<NonNullable<NetworkInput['hires']>[number]> = {},
): Network {
  return createNetwork({
    organizations: [
      { id: 'acme', name: 'Acme' },
      { id: 'other', name: 'Other' },
    ],
    people: [
      { id: 'c', name: 'Candidate', organizationId: 'acme' },
      { id: 'm', name: 'Manager', organizationId: 'acme' },
      { id: 'x', name: 'X' },
      ...(extra.people ?? []),
    ],
    jobs: [
      {
        id: 'j',
        title: 'Analyst',
        organizationId: 'acme',
        hiringManagerId: 'm',
        requirements: [],
        status: 'filled',
        openedAt: HIRE_DATE,
        filledAt: HIRE_DATE,
        filledBy: 'c',
      },
    ],
    relationships,
    hires: [{ personId: 'c', jobId: 'j', date: HIRE_DATE, channel: 'posting', ...hire }],
  });
}

const friend = (source: string, target: string, strength: number, since?: string) => ({
  source,
  target,
  kind: 'friend' as const,
  strength,
  ...(since === undefined ? {} : { since }),
});

describe('attributeHires: time', () => {
  it('judges a hire on the network at the end of the day before it', () => {
    expect(hireEve('2024-06-10')).toBe('2024-06-09');
    expect(hireEve('2024-03-01')).toBe('2024-02-29');
    expect(hireEve('2024-06-10T09:00:00+02:00')).toBe('2024-06-09');
    // 23:30 at UTC−5 is already the 11th in UTC.
    expect(hireEve('2024-06-10T23:30:00-05:00')).toBe('2024-06-10');
    const [row] = attributeHires(hiring([])).hires;
    expect(row?.asOf).toBe('2024-06-09');
  });

  it('a tie formed the day after a hire does not explain it', () => {
    const [row] = attributeHires(hiring([friend('c', 'm', 0.8, '2024-06-11')])).hires;
    expect(row?.toManager).toBeNull();
    expect(row?.toOrganization).toBeNull();
    expect(row?.best).toBeNull();
    expect(row?.reachable).toBe(false);
    expect(row?.disagreement).toBeNull();
  });

  it('a tie formed before a hire explains it', () => {
    const [row] = attributeHires(hiring([friend('c', 'm', 0.8, '2024-06-09')])).hires;
    expect(row?.toManager).toEqual({ probability: 0.8, people: ['c', 'm'] });
    expect(row?.best).toEqual({ probability: 0.8, people: ['c', 'm'] });
    expect(row?.reachable).toBe(true);
    expect(row?.disagreement).toBe('chain-without-referral');
  });

  it('a tie formed on the hire day itself does not count (the hire may have made it)', () => {
    const [row] = attributeHires(hiring([friend('c', 'm', 0.8, HIRE_DATE)])).hires;
    expect(row?.toManager).toBeNull();
    expect(row?.reachable).toBe(false);
  });

  it('reads the hire day in UTC', () => {
    const late = attributeHires(
      hiring([friend('c', 'm', 0.8, HIRE_DATE)], {}, { date: '2024-06-10T23:30:00-05:00' }),
    );
    expect(late.hires[0]?.toManager?.people).toEqual(['c', 'm']);
  });

  it('does not count a relationship that had ended before the hire', () => {
    const ended = { ...friend('c', 'm', 0.8, '2020-01-01'), until: '2023-12-31' };
    expect(attributeHires(hiring([ended])).hires[0]?.toManager).toBeNull();
  });
});

describe('attributeHires: targets', () => {
  it('reaches the hiring manager through intermediaries, within maxHops', () => {
    const chain = [
      friend('c', 'x', 0.9, '2020-01-01'),
      friend('x', 'y', 0.9, '2020-01-01'),
      friend('y', 'm', 0.9, '2020-01-01'),
    ];
    const network = hiring(chain, { people: [{ id: 'y', name: 'Y' }] });
    const three = attributeHires(network).hires[0];
    expect(three?.toManager?.people).toEqual(['c', 'x', 'y', 'm']);
    expect(three?.toManager?.probability).toBeCloseTo(0.9 ** 3, 12);
    expect(attributeHires(network, { maxHops: 2 }).hires[0]?.toManager).toBeNull();
    expect(attributeHires(network, { maxHops: 3 }).hires[0]?.reachable).toBe(true);
  });

  it('reachable needs the best chain to reach minProbability', () => {
    const network = hiring([friend('c', 'm', 0.3, '2020-01-01')]);
    const loose = attributeHires(network).hires[0];
    const strict = attributeHires(network, { minProbability: 0.5 }).hires[0];
    expect(loose?.reachable).toBe(true);
    expect(strict?.toManager?.probability).toBe(0.3);
    expect(strict?.reachable).toBe(false);
    expect(attributeHires(network, { minProbability: 0.3 }).hires[0]?.reachable).toBe(true);
  });

  it('counts staff of the organisation as of the day before, not as they are now', () => {
    const network = hiring(
      [friend('c', 's', 0.5, '2020-01-01'), friend('c', 'late', 0.9, '2020-01-01')],
      {
        people: [
          // Worked at acme then, has left since.
          {
            id: 's',
            name: 'S',
            organizationId: 'other',
            positions: [
              { title: 'Clerk', organizationId: 'acme', from: '2019-01-01', to: '2024-09-30' },
            ],
          },
          // At acme now, but only from after the hire.
          {
            id: 'late',
            name: 'Late',
            organizationId: 'acme',
            positions: [{ title: 'Clerk', organizationId: 'acme', from: '2025-01-01' }],
          },
        ],
      },
    );
    // Today's view would have the candidate already at acme: a chain of no hops.
    const today = findIntroductions(network, { from: 'c', to: { organization: 'acme' } });
    expect(today.paths[0]?.people).toEqual(['c']);
    const [row] = attributeHires(network).hires;
    expect(row?.toOrganization).toEqual({ probability: 0.5, people: ['c', 's'] });
    expect(row?.toManager).toBeNull();
    expect(row?.best?.people).toEqual(['c', 's']);
  });

  it('an internal move is reached at once: the person was already at the organisation', () => {
    const network = createNetwork({
      organizations: [{ id: 'acme', name: 'Acme' }],
      people: [
        {
          id: 'i',
          name: 'Insider',
          organizationId: 'acme',
          positions: [{ title: 'Clerk', organizationId: 'acme', from: '2018-01-01' }],
        },
        { id: 'm', name: 'Manager', organizationId: 'acme' },
      ],
      jobs: [
        {
          id: 'j',
          title: 'Analyst',
          organizationId: 'acme',
          hiringManagerId: 'm',
          requirements: [],
          status: 'open',
        },
      ],
      hires: [{ personId: 'i', jobId: 'j', date: HIRE_DATE, channel: 'internal' }],
    });
    const [row] = attributeHires(network).hires;
    expect(row?.toOrganization).toEqual({ probability: 1, people: ['i'] });
    expect(row?.toManager).toBeNull();
    expect(row?.disagreement).toBe('chain-without-referral');
  });
});

describe('attributeHires: recorded against reachable', () => {
  // c1: recorded referral, but r met m only after the hire. c2: posting, with a chain.
  // c3: referral with a chain. c4: posting, no chain.
  const network = createNetwork({
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: ['m', 'r', 'c1', 'c2', 'c3', 'c4'].map((id) => ({ id, name: id })),
    jobs: ['j1', 'j2', 'j3', 'j4'].map((id) => ({
      id,
      title: 'Analyst',
      organizationId: 'acme',
      hiringManagerId: 'm',
      requirements: [],
      status: 'open' as const,
    })),
    relationships: [
      friend('c1', 'r', 0.9, '2015-01-01'),
      friend('r', 'm', 0.9, '2023-02-02'),
      friend('c2', 'm', 0.6, '2019-05-05'),
      friend('c3', 'r', 0.7, '2015-01-01'),
    ],
    hires: [
      { personId: 'c1', jobId: 'j1', date: '2023-02-01', channel: 'referral', referrerId: 'r' },
      { personId: 'c2', jobId: 'j2', date: '2023-03-01', channel: 'posting' },
      { personId: 'c3', jobId: 'j3', date: '2023-04-01', channel: 'referral', referrerId: 'r' },
      { personId: 'c4', jobId: 'j4', date: '2023-05-01', channel: 'recruiter' },
    ],
  });
  const result = attributeHires(network);

  it('attributes each hire on its own day', () => {
    expect(result.hires.map((h) => [h.personId, h.asOf, h.reachable])).toEqual([
      ['c1', '2023-01-31', false],
      ['c2', '2023-02-28', true],
      ['c3', '2023-03-31', true],
      ['c4', '2023-04-30', false],
    ]);
    expect(result.hires[2]?.best).toEqual({
      probability: expect.closeTo(0.7 * 0.9, 12),
      people: ['c3', 'r', 'm'],
    });
  });

  it('lists where record and network disagree', () => {
    expect(result.disagreements.map((h) => [h.personId, h.disagreement])).toEqual([
      ['c1', 'referral-without-chain'],
      ['c2', 'chain-without-referral'],
    ]);
  });

  it('sets the recorded-referral share beside the reachable share', () => {
    expect(result.summary).toEqual({
      hires: 4,
      recordedReferrals: 2,
      recordedReferralShare: 0.5,
      reachable: 2,
      reachableShare: 0.5,
      referralWithoutChain: 1,
      chainWithoutReferral: 1,
    });
  });

  it('exports one row per hire as CSV, Markdown and JSON', () => {
    const lines = result.toCSV().trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toContain('Chain to manager');
    expect(lines[3]).toContain('c3 → r → m');
    const markdown = result.toMarkdown();
    expect(markdown).toContain('## Hires explained by the network before them');
    expect(markdown).toContain('Recorded as referrals: 2 of 4 (50.0%)');
    const json = result.toJSON() as { hires: unknown[]; summary: unknown };
    expect(json.hires).toHaveLength(4);
    expect(json.summary).toEqual(result.summary);
    expect(JSON.parse(JSON.stringify(result))).toEqual(json);
  });

  it('gives the same answer every time and does not change the network', () => {
    const before = JSON.stringify(network.dataset);
    expect(JSON.stringify(attributeHires(network))).toBe(JSON.stringify(result));
    expect(JSON.stringify(network.dataset)).toBe(before);
  });

  it('handles a network without hires', () => {
    const empty = attributeHires(createNetwork({ people: [{ id: 'a', name: 'A' }] }));
    expect(empty.hires).toEqual([]);
    expect(empty.summary.recordedReferralShare).toBeNull();
    expect(empty.summary.reachableShare).toBeNull();
  });
});

describe('attributeHires: options', () => {
  const network = hiring([]);

  it('lists every bad option at once', () => {
    let error: unknown;
    try {
      attributeHires(network, { maxHops: 0, minProbability: 2, maxhops: 3 } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).issues.map((i) => i.path).sort()).toEqual([
      'maxHops',
      'maxhops',
      'minProbability',
    ]);
  });

  it('accepts Infinity hops and refuses fractions and non-objects', () => {
    expect(attributeHires(network, { maxHops: Number.POSITIVE_INFINITY }).maxHops).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() => attributeHires(network, { maxHops: 1.5 })).toThrow(InvalidOptionsError);
    expect(() => attributeHires(network, 'fast' as never)).toThrow(InvalidOptionsError);
    expect(() => attributeHires(network, { minProbability: Number.NaN })).toThrow(/minProbability/);
  });
});

describe('attributeHires: the seed story', () => {
  const network = seedStoryNetwork();
  const result = attributeHires(network);
  const of = (personId: string) => result.hires.find((h) => h.personId === personId);

  it("Michael's hire was reachable through the network though recorded as direct", () => {
    const michael = of('michael');
    expect(michael?.channel).toBe('direct');
    expect(michael?.reachable).toBe(true);
    expect(michael?.toManager?.people).toEqual(['michael', 'laura']);
    expect(michael?.disagreement).toBe('chain-without-referral');
    expect(result.disagreements.map((h) => h.personId)).toEqual(['michael']);
  });

  it("Jacob's referral runs through Michael to Greg, before Greg became his manager", () => {
    const jacob = of('jacob');
    expect(jacob?.asOf).toBe('2024-05-19');
    expect(jacob?.toManager?.people).toEqual(['jacob', 'michael', 'greg-hollis']);
    expect(jacob?.disagreement).toBeNull();
    expect(result.summary.recordedReferrals).toBe(2);
    expect(result.summary.reachable).toBe(3);
  });
});

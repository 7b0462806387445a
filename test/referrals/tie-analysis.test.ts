/**
 * tieAnalysis: the referrer–hire and referrer–manager ties of referral hires, measured by hand on
 * small networks (strength, kinds, age, mutual contacts, overlap), Granovetter's categories at
 * their boundaries, the day-before rule, options, exports and the seed story.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, InvalidOptionsError, type NetworkInput } from '../../src/index.js';
import {
  CONTACT_FREQUENCY_CUTS,
  contactFrequency,
  tieAnalysis,
} from '../../src/referrals/tie-analysis.js';
import { thrownBy } from '../support/errors.js';
import { seedStoryNetwork } from '../support/fixtures.js';

const yearsBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 / 365.25;

const job = (id: string, hiringManagerId: string) => ({
  id,
  title: 'Analyst',
  organizationId: 'acme',
  hiringManagerId,
  requirements: [],
  status: 'open' as const,
});

describe('tieAnalysis: one referral measured by hand', () => {
  // Before the hire (2024-01-10): r–h (two relationships), r–x, h–x, r–m.
  // On the hire day m starts managing h; r meets y after it. Neither may count.
  const network = createNetwork({
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: ['r', 'h', 'm', 'x', 'y'].map((id) => ({ id, name: id })),
    jobs: [job('j', 'm')],
    relationships: [
      {
        source: 'r',
        target: 'h',
        kind: 'friend',
        strength: 0.8,
        since: '2020-01-01',
        interactionsPerMonth: 10,
      },
      {
        source: 'h',
        target: 'r',
        kind: 'colleague',
        strength: 0.4,
        since: '2018-07-01',
        interactionsPerMonth: 2,
      },
      { source: 'r', target: 'x', kind: 'friend', strength: 0.5 },
      { source: 'h', target: 'x', kind: 'friend', strength: 0.5 },
      { source: 'r', target: 'm', kind: 'colleague', strength: 0.3, since: '2022-03-01' },
      { source: 'm', target: 'h', kind: 'manager', strength: 0.9, since: '2024-01-10' },
      { source: 'r', target: 'y', kind: 'friend', strength: 0.9, since: '2024-02-01' },
    ],
    hires: [
      { personId: 'h', jobId: 'j', date: '2024-01-10', channel: 'referral', referrerId: 'r' },
    ],
  });
  const result = tieAnalysis(network);
  const row = result.referrals[0];

  it('measures the referrer–hire tie', () => {
    expect(result.referrals).toHaveLength(1);
    expect(row?.asOf).toBe('2024-01-09');
    expect(row?.referrerToHire.present).toBe(true);
    expect(row?.referrerToHire.strength).toBe(0.8);
    expect(row?.referrerToHire.kinds).toEqual(['friend', 'colleague']);
    // The earliest since of the pair, to the hire date.
    expect(row?.referrerToHire.ageYears).toBeCloseTo(yearsBetween('2018-07-01', '2024-01-10'), 12);
    expect(row?.referrerToHire.interactionsPerMonth).toBe(10);
    expect(row?.referrerToHire.frequency).toBe('often');
    // x is shared. Degrees then: r 3 (h, x, m), h 2 (r, x): overlap 1 / ((3−1) + (2−1) − 1).
    expect(row?.referrerToHire.mutualContacts).toBe(1);
    expect(row?.referrerToHire.overlap).toBeCloseTo(1 / 2, 12);
    expect(row?.tieClass).toBe('strong');
  });

  it('measures the referrer–manager tie', () => {
    expect(row?.hiringManagerId).toBe('m');
    expect(row?.referrerToManager).toEqual({
      present: true,
      strength: 0.3,
      kinds: ['colleague'],
      ageYears: expect.closeTo(yearsBetween('2022-03-01', '2024-01-10'), 12),
      interactionsPerMonth: null,
      frequency: 'unknown',
      mutualContacts: 0,
      // m has no other contact: 0 / ((3−1) + (1−1) − 0).
      overlap: 0,
    });
  });

  it('leaves out ties formed on the hire day and after it', () => {
    // Judged later (2024-03-01), m–h and r–y count: r and h then share x and m, r and m share h.
    const later = createNetwork({
      ...network.dataset,
      hires: network.hires.map((hire) => ({ ...hire, date: '2024-03-01' })),
    });
    const counted = tieAnalysis(later).referrals[0];
    expect(counted?.referrerToHire.mutualContacts).toBe(2);
    expect(counted?.referrerToManager?.mutualContacts).toBe(1);
    // r 4 contacts (h, x, m, y), h 3 (r, x, m): 2 / ((4−1) + (3−1) − 2).
    expect(counted?.referrerToHire.overlap).toBeCloseTo(2 / 3, 12);
  });

  it('summarises the split', () => {
    expect(result.summary).toEqual({
      referrals: 1,
      referralsWithoutReferrer: 0,
      strength: { strong: 1, weak: 0, 'no-tie': 0 },
      frequency: { often: 1, occasionally: 0, rarely: 0, unknown: 0, 'no-tie': 0 },
      referrerToManager: { tie: 1, noTie: 0, referrerIsManager: 0 },
    });
  });
});

describe("tieAnalysis: Granovetter's categories and the weak/strong split", () => {
  // One referral per case: referrer r<i>, hire h<i>, all into jobs managed by m.
  const cases: readonly { perMonth?: number; strength?: number }[] = [
    { perMonth: 8.7, strength: 0.5 }, // often (≥ 8.696…); strong at the threshold
    { perMonth: 8.69, strength: 0.49 }, // occasionally; weak
    { perMonth: 1 / 12, strength: 0.2 }, // rarely: once a year
    { perMonth: 0.09, strength: 0.9 }, // occasionally: a little more than once a year
    { perMonth: 0, strength: 0.7 }, // rarely
    { strength: 0.6 }, // unknown
    {}, // no tie at all
  ];
  const input: NetworkInput = {
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [
      { id: 'm', name: 'm' },
      ...cases.flatMap((_, i) => [
        { id: `r${i}`, name: `r${i}` },
        { id: `h${i}`, name: `h${i}` },
      ]),
      { id: 'lone', name: 'lone' },
    ],
    jobs: [...cases.map((_, i) => job(`j${i}`, 'm')), job('k', 'm'), job('p', 'm'), job('q', 'm')],
    relationships: cases.flatMap((c, i) =>
      c.strength === undefined
        ? []
        : [
            {
              source: `r${i}`,
              target: `h${i}`,
              kind: 'friend' as const,
              strength: c.strength,
              ...(c.perMonth === undefined ? {} : { interactionsPerMonth: c.perMonth }),
            },
          ],
    ),
    hires: [
      ...cases.map((_, i) => ({
        personId: `h${i}`,
        jobId: `j${i}`,
        date: '2024-01-10',
        channel: 'referral' as const,
        referrerId: `r${i}`,
      })),
      // Referred by the manager herself; a referral without a referrer; a posting.
      { personId: 'lone', jobId: 'k', date: '2024-01-10', channel: 'referral', referrerId: 'm' },
      { personId: 'h0', jobId: 'p', date: '2024-02-10', channel: 'referral' },
      { personId: 'h1', jobId: 'q', date: '2024-02-10', channel: 'posting' },
    ],
  };
  const network = createNetwork(input);

  it('puts the cut between often and occasionally at twice a week', () => {
    expect(CONTACT_FREQUENCY_CUTS.oftenAtLeast).toBeCloseTo(8.696, 3);
    expect(CONTACT_FREQUENCY_CUTS.rarelyAtMost).toBeCloseTo(1 / 12, 15);
    expect(
      [8.7, 8.69, 1 / 12, 0.09, 0, null].map((perMonth) => contactFrequency(perMonth)),
    ).toEqual(['often', 'occasionally', 'rarely', 'occasionally', 'rarely', 'unknown']);
  });

  it('classifies each referral', () => {
    const result = tieAnalysis(network);
    expect(
      result.referrals.map((r) => [r.personId, r.referrerToHire.frequency, r.tieClass]),
    ).toEqual([
      ['h0', 'often', 'strong'],
      ['h1', 'occasionally', 'weak'],
      ['h2', 'rarely', 'weak'],
      ['h3', 'occasionally', 'strong'],
      ['h4', 'rarely', 'strong'],
      ['h5', 'unknown', 'strong'],
      ['h6', null, 'no-tie'],
      ['lone', null, 'no-tie'],
    ]);
    expect(result.summary).toEqual({
      referrals: 8,
      referralsWithoutReferrer: 1,
      strength: { strong: 4, weak: 2, 'no-tie': 2 },
      frequency: { often: 1, occasionally: 2, rarely: 2, unknown: 1, 'no-tie': 2 },
      referrerToManager: { tie: 0, noTie: 7, referrerIsManager: 1 },
    });
    expect(result.referrals.find((r) => r.personId === 'lone')?.referrerToManager).toBeNull();
    expect(result.referrals.find((r) => r.personId === 'h6')?.referrerToHire).toEqual({
      present: false,
      strength: null,
      kinds: [],
      ageYears: null,
      interactionsPerMonth: null,
      frequency: null,
      mutualContacts: null,
      overlap: null,
    });
  });

  it('moves the split with weakThreshold', () => {
    expect(tieAnalysis(network, { weakThreshold: 0.75 }).summary.strength).toEqual({
      strong: 1,
      weak: 5,
      'no-tie': 2,
    });
    expect(tieAnalysis(network, { weakThreshold: 0.1 }).summary.strength.weak).toBe(0);
  });

  it('exports one row per referral hire', () => {
    const result = tieAnalysis(network);
    const lines = result.toCSV().trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]).toContain('Referrer–hire overlap');
    expect(result.toMarkdown()).toContain('1 referral hire(s) without a referrer are not analysed');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result.toJSON());
    expect((result.toJSON() as { referrals: unknown[] }).referrals).toHaveLength(8);
  });

  it('lists every bad option at once', () => {
    for (const bad of [0, 1.5, -1, Number.NaN, '0.5']) {
      expect(() => tieAnalysis(network, { weakThreshold: bad as number })).toThrow(
        InvalidOptionsError,
      );
    }
    const error = thrownBy(
      () => tieAnalysis(network, { weakThreshold: 2, threshold: 0.4 } as never),
      InvalidOptionsError,
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['threshold', 'weakThreshold']);
    expect(tieAnalysis(network, { weakThreshold: 1 }).weakThreshold).toBe(1);
  });
});

describe('tieAnalysis: the seed story', () => {
  const network = seedStoryNetwork();
  const result = tieAnalysis(network);

  it("Jacob's hire is a referral by Michael, whose tie to the hiring manager existed", () => {
    const jacob = result.referrals.find((r) => r.personId === 'jacob');
    expect(jacob?.referrerId).toBe('michael');
    expect(jacob?.hiringManagerId).toBe('greg-hollis');
    expect(jacob?.referrerToHire.kinds).toEqual(['friend']);
    expect(jacob?.referrerToHire.ageYears).toBeCloseTo(
      yearsBetween('2020-05-12', '2024-05-20'),
      12,
    );
    // The manager relationship had ended on 2024-03-29; the former-colleague one (0.6) remained.
    expect(jacob?.referrerToManager?.present).toBe(true);
    expect(jacob?.referrerToManager?.kinds).toEqual(['former-colleague']);
    expect(jacob?.referrerToManager?.strength).toBe(0.6);
  });

  it('analyses both recorded referrals', () => {
    expect(result.referrals.map((r) => [r.personId, r.referrerId])).toEqual([
      ['coach', 'walt-harmon'],
      ['jacob', 'michael'],
    ]);
    expect(result.summary.referrerToManager.tie).toBe(2);
  });
});

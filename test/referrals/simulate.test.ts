import { describe, expect, it } from 'vitest';
import {
  createNetwork,
  findIntroductions,
  type Job,
  type NetworkInput,
  type Person,
} from '../../src/index.js';
import { generateMarket } from '../../src/referrals/market.js';
import { simulateHiring } from '../../src/referrals/simulate.js';
import { sweepReferralShare } from '../../src/referrals/simulate-sweep.js';

const market = generateMarket({ people: 800, seed: 5, onTheJobShare: 0.3 });
const marketNetwork = createNetwork(market);

function attribute(job: Job, key: string): unknown {
  return job.attributes?.[key];
}

/**
 * A market whose referral odds are known exactly: one organisation (manager m, employees e1..e5)
 * and 60 unemployed seekers without ties among themselves, each tied to one employee only.
 * Seekers 1-20 know an open employee (e1..e3) with strength 0.5, seekers 21-40 know e4
 * ('ask-first') with strength 0.5, seekers 41-60 know e5 ('never') with strength 0.8.
 */
function controlledMarket(): NetworkInput {
  const staff: Person[] = [
    { id: 'm', name: 'M', organizationId: 'acme', title: 'Manager', tags: ['hiring-manager'] },
    { id: 'e1', name: 'E1', organizationId: 'acme' },
    { id: 'e2', name: 'E2', organizationId: 'acme' },
    { id: 'e3', name: 'E3', organizationId: 'acme' },
    { id: 'e4', name: 'E4', organizationId: 'acme', introductions: 'ask-first' },
    { id: 'e5', name: 'E5', organizationId: 'acme', introductions: 'never' },
  ];
  const seekers: Person[] = [];
  const relationships = [];
  for (let i = 1; i <= 60; i++) {
    seekers.push({ id: `s${i}`, name: `S${i}` });
    const employee = i <= 20 ? `e${1 + (i % 3)}` : i <= 40 ? 'e4' : 'e5';
    relationships.push({
      source: `s${i}`,
      target: employee,
      kind: 'friend' as const,
      strength: i <= 40 ? 0.5 : 0.8,
    });
  }
  return {
    organizations: [{ id: 'acme', name: 'Acme' }],
    people: [...staff, ...seekers],
    relationships,
  };
}

describe('generateMarket', () => {
  it('is reproducible from its seed and gives a valid market', () => {
    expect(generateMarket({ people: 800, seed: 5, onTheJobShare: 0.3 })).toEqual(market);
    expect(generateMarket({ people: 800, seed: 6, onTheJobShare: 0.3 })).not.toEqual(market);
    expect(marketNetwork.people).toHaveLength(800);
    const unemployed = market.people.filter((p) => p.organizationId === undefined);
    expect(unemployed).toHaveLength(80);
    expect(unemployed.every((p) => p.tags?.includes('job-seeker'))).toBe(true);
    for (const org of market.organizations) {
      const staff = marketNetwork.membersOf(org.id);
      expect(staff.length).toBeGreaterThan(0);
      const managers = staff.filter((p) => p.tags?.includes('hiring-manager'));
      expect(managers).toHaveLength(Math.ceil(staff.length / 8));
    }
  });

  it('rejects invalid options, all at once', () => {
    expect(() => generateMarket({ people: 1 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
    try {
      generateMarket({ people: 10, organizations: 11, unemployedShare: 2, asOf: 'soon' } as never);
      expect.unreachable();
    } catch (error) {
      const paths = (error as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(['organizations', 'unemployedShare', 'asOf']);
    }
    expect(() => generateMarket(undefined as never)).toThrow(/people: is required/);
  });
});

describe('simulateHiring', () => {
  const options = { jobs: 25, steps: 8, postingReach: 0.05, referralPropensity: 0.4, seed: 3 };
  const result = simulateHiring(marketNetwork, options);

  it('is reproducible from its seed and does not change its input', () => {
    const before = JSON.stringify(market);
    const again = simulateHiring(market, options);
    expect(JSON.stringify(market)).toBe(before);
    expect(again.dataset).toEqual(result.dataset);
    expect(again.summary).toEqual(result.summary);
    const other = simulateHiring(marketNetwork, { ...options, seed: 4 });
    expect(other.dataset).not.toEqual(result.dataset);
  });

  it('gives a dataset that createNetwork accepts and the analyses run on', () => {
    const after = createNetwork(result.dataset);
    const { summary } = result;
    expect(summary.hires).toBeGreaterThan(0);
    expect(after.hires).toHaveLength(summary.hires);
    expect(after.applications).toHaveLength(summary.applications);
    expect(after.jobs).toHaveLength(summary.initialJobs + summary.vacancies);
    expect(summary.hiresByChannel.referral + summary.hiresByChannel.posting).toBe(summary.hires);
    // Every filled job has its hire and exactly one application at stage "hired".
    for (const job of after.jobs.filter((j) => j.status === 'filled')) {
      const hire = after.hires.find((h) => h.jobId === job.id);
      expect(hire?.personId).toBe(job.filledBy);
      expect(hire?.date).toBe(job.filledAt);
      const hired = after.applications.filter((a) => a.jobId === job.id && a.stage === 'hired');
      expect(hired.map((a) => [a.personId, a.channel, a.referrerId])).toEqual([
        [hire?.personId, hire?.channel, hire?.referrerId],
      ]);
    }
    // A referrer worked at the hiring organisation, and everyone hired ends up where they moved last.
    for (const hire of after.hires) {
      const job = after.requireJob(hire.jobId);
      if (hire.channel === 'referral') expect(hire.referrerId).toBeDefined();
      const last = after.hires.filter((h) => h.personId === hire.personId).at(-1);
      if (last === hire)
        expect(after.person(hire.personId)?.organizationId).toBe(job.organizationId);
    }
    const open = after.openJobs()[0] ?? after.jobs[0];
    const seeker = after.people.find((p) => p.tags?.includes('job-seeker'));
    if (open && seeker) {
      expect(() =>
        findIntroductions(after, { from: seeker.id, to: { job: open.id } }),
      ).not.toThrow();
    }
    expect(result.toCSV().trim().split('\n')).toHaveLength(options.steps + 1);
    expect(result.toMarkdown()).toContain('## Simulated hiring');
  });

  it('makes vacancy chains: a hire reopens the job the person left, and it gets filled', () => {
    const jobs = result.dataset.jobs;
    const vacancies = jobs.filter((j) => attribute(j, 'origin') === 'vacancy');
    expect(vacancies.length).toBe(result.summary.vacancies);
    const filled = vacancies.filter((j) => j.status === 'filled');
    expect(filled.length).toBeGreaterThan(0);
    for (const vacancy of vacancies) {
      const leaver = attribute(vacancy, 'leftBy') as string;
      const cause = attribute(vacancy, 'causedBy') as string;
      // The hire that opened it: the leaver moved into the causing job on the day it opened.
      const hire = result.dataset.hires.find((h) => h.jobId === cause);
      expect(hire?.personId).toBe(leaver);
      expect(hire?.date).toBe(vacancy.openedAt);
      const parent = jobs.find((j) => j.id === cause) as Job;
      expect(attribute(vacancy, 'chainPosition')).toBe(
        (attribute(parent, 'chainPosition') as number) + 1,
      );
      // The leaver's position there closed that day.
      const person = result.dataset.people.find((p) => p.id === leaver);
      expect(person?.positions).toContainEqual(
        expect.objectContaining({ organizationId: vacancy.organizationId, to: vacancy.openedAt }),
      );
    }
    expect(result.summary.vacancyChains.maxLength).toBeGreaterThanOrEqual(2);
  });

  it('has no referral hires without referrals, and only referral hires without postings', () => {
    const none = simulateHiring(marketNetwork, {
      ...options,
      referralPropensity: 0,
      managerPreference: 1,
    });
    expect(none.summary.hires).toBeGreaterThan(0);
    expect(none.summary.hiresByChannel.referral).toBe(0);
    expect(none.summary.applicationsByChannel.referral).toBe(0);
    const only = simulateHiring(marketNetwork, { ...options, postingReach: 0 });
    expect(only.summary.hires).toBeGreaterThan(0);
    expect(only.summary.hiresByChannel.posting).toBe(0);
    expect(only.summary.referralShare).toBe(1);
    expect(only.dataset.applications.every((a) => a.channel === 'referral')).toBe(true);
  });

  it('matches the analytical referral odds of applicants and hires (|z| < 4 over 200 seeds)', () => {
    const network = createNetwork(controlledMarket());
    const p = 0.4;
    const r = 0.1;
    const w = 3;
    // A seeker referred with probability q applies as a referral with probability q and through
    // the posting with probability (1 - q) r, so an application of theirs is a referral with
    // probability q / (q + (1 - q) r): open employees q = p × 0.5, ask-first q = p × 0.5 × 0.5.
    const referralOdds = (seeker: number): number => {
      const q = seeker <= 20 ? p * 0.5 : seeker <= 40 ? p * 0.5 * 0.5 : 0;
      return q / (q + (1 - q) * r);
    };
    let referred = 0;
    let expectedReferred = 0;
    let applicationVariance = 0;
    let referralHires = 0;
    let expectedHires = 0;
    let hireVariance = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const run = simulateHiring(network, {
        jobs: 3,
        steps: 1,
        postingReach: r,
        referralPropensity: p,
        managerPreference: w,
        askFirstWillingness: 0.5,
        seed,
      });
      for (const a of run.dataset.applications) {
        const pi = referralOdds(Number(a.personId.slice(1)));
        expectedReferred += pi;
        applicationVariance += pi * (1 - pi);
        if (a.channel === 'referral') referred++;
        expect(a.referrerId).not.toBe('e5');
      }
      for (const hire of run.dataset.hires) {
        const applicants = run.dataset.applications.filter((a) => a.jobId === hire.jobId);
        const R = applicants.filter((a) => a.channel === 'referral').length;
        const chance = (w * R) / (w * R + applicants.length - R);
        expectedHires += chance;
        hireVariance += chance * (1 - chance);
        if (hire.channel === 'referral') referralHires++;
        // Three are drawn for interview (the first hired), the rest rejected.
        const shortlisted = applicants.filter((a) => a.stage !== 'rejected').length;
        expect(shortlisted).toBe(Math.min(3, applicants.length));
      }
    }
    expect(applicationVariance).toBeGreaterThan(500);
    const zApplications = (referred - expectedReferred) / Math.sqrt(applicationVariance);
    const zHires = (referralHires - expectedHires) / Math.sqrt(hireVariance);
    expect(Math.abs(zApplications)).toBeLessThan(4);
    expect(Math.abs(zHires)).toBeLessThan(4);
  });

  it('rejects invalid options, all at once, and unknown seekers', () => {
    try {
      simulateHiring(marketNetwork, {
        postingReach: 1.5,
        managerPreference: 0.5,
        steps: 0,
        interviews: 1.5,
        start: 'yesterday',
        seekers: 'p001',
        jbos: 3,
      } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'InvalidOptionsError' });
      const issues = (error as { issues: { path: string; message: string }[] }).issues;
      expect(issues.map((i) => i.path).sort()).toEqual(
        [
          'jbos',
          'managerPreference',
          'interviews',
          'postingReach',
          'seekers',
          'start',
          'steps',
        ].sort(),
      );
      expect(issues.find((i) => i.path === 'jbos')?.message).toContain('did you mean "jobs"');
    }
    expect(() => simulateHiring(marketNetwork, { seekers: ['p001', 'nobody'] })).toThrow(
      expect.objectContaining({ name: 'UnknownEntityError' }),
    );
    expect(() => simulateHiring({ people: [{ id: 'a', name: 'A' }] }, { jobs: 1 })).toThrow(
      expect.objectContaining({ name: 'InvalidOptionsError' }),
    );
  });

  it('runs a market of 10,000 people', () => {
    const big = generateMarket({ people: 10_000, seed: 11 });
    const run = simulateHiring(big, { jobs: 100, steps: 3, seed: 11 });
    expect(run.dataset.people).toHaveLength(10_000);
    expect(run.summary.hires).toBeGreaterThanOrEqual(100);
    expect(run.summary.hires).toBeLessThanOrEqual(100 + run.summary.vacancies);
    expect(createNetwork(run.dataset).hires).toHaveLength(run.summary.hires);
  });
});

describe('sweepReferralShare', () => {
  const small = createNetwork(generateMarket({ people: 400, seed: 2 }));
  const fixed = { jobs: 15, steps: 4, postingReach: [0.05] };

  it('reports the referral share of each combination, averaged over the seeds', () => {
    const sweep = sweepReferralShare(small, {
      ...fixed,
      referralPropensity: [0, 0.8],
      managerPreference: [1, 20],
      seeds: [1, 2, 3],
      target: 0.7,
    });
    expect(sweep.rows.map((r) => [r.referralPropensity, r.managerPreference])).toEqual([
      [0, 1],
      [0, 20],
      [0.8, 1],
      [0.8, 20],
    ]);
    const [none, , neutral, favoured] = sweep.rows;
    expect(none?.meanReferralShare).toBe(0);
    const shares = [1, 2, 3].map(
      (seed) =>
        simulateHiring(small, {
          jobs: 15,
          steps: 4,
          postingReach: 0.05,
          referralPropensity: 0.8,
          managerPreference: 20,
          seed,
        }).summary.referralShare as number,
    );
    expect(favoured?.meanReferralShare).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / 3, 12);
    expect(favoured?.meanReferralShare).toBeGreaterThan(neutral?.meanReferralShare as number);
    expect(sweep.reaching).toEqual(sweep.rows.filter((r) => (r.meanReferralShare ?? 0) >= 0.7));
    expect(sweep.toCSV().trim().split('\n')).toHaveLength(5);
    expect(sweep.toMarkdown()).toContain('reaches target');
  });

  it('rejects an empty grid or a value out of range', () => {
    try {
      sweepReferralShare(small, {
        referralPropensity: [],
        managerPreference: [2, 0.5],
        seeds: [1.5],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'InvalidOptionsError' });
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
        'referralPropensity',
        'managerPreference[1]',
        'seeds[0]',
      ]);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attributeHires,
  communities,
  createNetwork,
  findIntroductions,
  type Hire,
  introductionBrokers,
  type Network,
  networkFromJson,
  networkToJson,
  referralShare,
  topConnectors,
} from 'warmpath';
import {
  AS_OF,
  CHAIN_QUESTIONS,
  CONNECTORS_SHOWN,
  lackedRequirements,
  loadSeedData,
  loadSeedNetwork,
  main,
  strongestEvidence,
  strongestTies,
} from '../../examples/seed-story.js';

const network = loadSeedNetwork();

function hireOf(personId: string): Hire {
  const hires = network.hires.filter((hire) => hire.personId === personId);
  expect(hires).toHaveLength(1);
  return hires[0] as Hire;
}

/** Skills and the titles of positions that began before `date`, lower-cased. */
function recordBefore(net: Network, personId: string, date: string): string[] {
  const person = net.requirePerson(personId);
  return [
    ...(person.skills ?? []),
    ...(person.positions ?? [])
      .filter((position) => position.from === undefined || position.from < date)
      .map((position) => position.title),
  ].map((text) => text.toLowerCase());
}

/** The demo's output, split into sections by their `== Title ==` headings. */
function demoSections(): Map<string, string[]> {
  const lines: string[] = [];
  main((line) => lines.push(line));
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  sections.set('', current);
  for (const line of lines) {
    const heading = /^== (.*) ==$/.exec(line);
    if (heading) {
      current = [];
      sections.set(heading[1] as string, current);
    } else {
      current.push(line);
    }
  }
  return sections;
}

describe('the seed story data', () => {
  it('loads and has the size and variety the brief asks for', () => {
    expect(network.people.length).toBeGreaterThanOrEqual(25);
    expect(network.people.length).toBeLessThanOrEqual(30);
    expect(network.relationships.length).toBeGreaterThanOrEqual(45);
    expect(network.relationships.length).toBeLessThanOrEqual(60);
    const explicit = network.relationships.filter((r) => r.strength !== undefined);
    expect(explicit.length).toBeGreaterThan(0);
    expect(explicit.length).toBeLessThan(network.relationships.length);
    expect(network.strengths().some((s) => s.source === 'derived')).toBe(true);
    expect(network.relationships.some((r) => r.directed === true)).toBe(true);
    expect(new Set(network.relationships.map((r) => r.kind)).size).toBeGreaterThanOrEqual(5);
    const policies = network.people.map((p) => network.introductionPolicy(p.id));
    expect(policies).toContain('never');
    expect(policies).toContain('ask-first');
    expect(network.openJobs().length).toBeGreaterThanOrEqual(2);
    for (const job of network.openJobs()) {
      expect(job.filledAt).toBeUndefined();
      expect(job.filledBy).toBeUndefined();
    }
  });

  it('every filled job is filled by the person its hire names, on the hire date', () => {
    for (const job of network.jobs.filter((j) => j.status === 'filled')) {
      const hires = network.hires.filter((hire) => hire.jobId === job.id);
      expect(hires, job.id).toHaveLength(1);
      expect(hires[0]?.personId).toBe(job.filledBy);
      expect(hires[0]?.date).toBe(job.filledAt);
    }
  });

  it('Michael and Laura share the networking group; the coach is in it and Jacob is not', () => {
    const michaels = new Set(network.groupsOf('michael').map((g) => g.id));
    const shared = network.groupsOf('laura').filter((g) => michaels.has(g.id));
    expect(shared).toHaveLength(1);
    const group = shared[0];
    expect(group?.members).toContain('coach');
    expect(group?.members).not.toContain('jacob');
    expect(network.requirePerson('jacob').tags).toContain('former-networking-group-member');
    expect(network.tie('michael', 'laura')?.kinds).toContain('group-member');
  });

  it('Laura hired Michael directly into her own job', () => {
    const hire = hireOf('michael');
    const job = network.requireJob(hire.jobId);
    expect(job.hiringManagerId).toBe('laura');
    expect(job.organizationId).toBe(network.requirePerson('laura').organizationId);
    expect(job.filledBy).toBe('michael');
    expect(hire.channel).toBe('direct');
    expect(hire.referrerId).toBeUndefined();
    // within a few weeks of announcing the opening
    const days = (Date.parse(hire.date) - Date.parse(job.openedAt ?? '')) / 86_400_000;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(42);
    expect(lackedRequirements(network, hire).length).toBeGreaterThan(0);
  });

  it("Jacob was referred by Michael into Michael's old job, to its hiring manager", () => {
    const hire = hireOf('jacob');
    const job = network.requireJob(hire.jobId);
    expect(hire.channel).toBe('referral');
    expect(hire.referrerId).toBe('michael');
    // Michael's old job: the position he left before it opened, at the same organisation.
    const old = (network.requirePerson('michael').positions ?? []).find(
      (p) => p.organizationId === job.organizationId,
    );
    expect(old?.title).toBe(job.title);
    expect(old?.to).toBeDefined();
    expect(Date.parse(old?.to ?? '')).toBeLessThanOrEqual(Date.parse(job.openedAt ?? ''));
    // The hiring manager is who the data says, and Michael knows him from working for him.
    expect(job.hiringManagerId).toBe('greg-hollis');
    const managed = network.relationships.find(
      (r) => r.kind === 'manager' && r.source === job.hiringManagerId && r.target === 'michael',
    );
    expect(managed).toBeDefined();
    expect(network.tie('michael', job.hiringManagerId)).toBeDefined();
    expect(createNetwork(loadSeedData(), { asOf: '2024-05-19' }).tie('jacob', 'greg-hollis')).toBe(
      undefined,
    );
  });

  it('Jacob lacked the posted IT sales experience', () => {
    const hire = hireOf('jacob');
    const job = network.requireJob(hire.jobId);
    const posted = job.requirements.find((r) => r.toLowerCase().includes('it solutions'));
    expect(posted).toBeDefined();
    const record = recordBefore(network, 'jacob', hire.date);
    expect(record.length).toBeGreaterThan(0);
    expect(record.some((text) => /\bit\b/.test(text))).toBe(false);
    expect(lackedRequirements(network, hire)).toContain(posted);
    // while a rejected posting applicant had it
    const rejected = network.applications.filter(
      (a) => a.jobId === job.id && a.stage === 'rejected' && a.channel === 'posting',
    );
    expect(rejected.length).toBeGreaterThan(0);
    expect(
      rejected.some((a) =>
        recordBefore(network, a.personId, a.date).includes('it solutions sales'),
      ),
    ).toBe(true);
  });

  it("the coach was referred to the construction company's president, by someone who knew him", () => {
    const hire = hireOf('coach');
    const job = network.requireJob(hire.jobId);
    const company = network.requireOrganization(job.organizationId);
    expect(company.industry).toBe('Construction');
    const president = network.requirePerson(job.hiringManagerId);
    expect(president.title).toBe('President');
    expect(president.organizationId).toBe(company.id);
    expect(hire.channel).toBe('referral');
    expect(hire.referrerId).toBeDefined();
    const referrer = hire.referrerId as string;
    const tie = network.tie(referrer, president.id);
    expect(tie).toBeDefined();
    expect(tie?.strength).toBeGreaterThanOrEqual(0.8);
    expect(job.requirements).toEqual([
      'experience selling in a manufacturing environment',
      'writing compensation plans',
    ]);
    expect(lackedRequirements(network, hire)).toEqual(job.requirements);
    const record = recordBefore(network, 'coach', hire.date);
    expect(
      record.some((text) => text.includes('manufactur') || text.includes('compensation')),
    ).toBe(false);
    // A board member of the company would not introduce anyone.
    const board = network
      .membersOf(company.id)
      .filter((p) => p.title === 'Board Member' && network.introductionPolicy(p.id) === 'never');
    expect(board).toHaveLength(1);
  });
});

describe('the demo', () => {
  const sections = demoSections();
  const text = (title: string): string => {
    const lines = sections.get(title);
    expect(lines, `section "${title}"`).toBeDefined();
    return (lines ?? []).join('\n');
  };

  it("prints the story's chains: Michael to Laura directly, Jacob to Greg through Michael", () => {
    const chains = text('Who can introduce whom: warm-introduction chains');
    const blocks = chains.split('\n\n');
    const michael = blocks.find((b) => b.includes('Michael Brennan to Laura Whitfield')) ?? '';
    expect(michael).toMatch(/1\. Michael Brennan → Laura Whitfield {3}p = 0\.\d\d/);
    expect(michael).toContain('fellow members of Crossroads Business Networking Group');
    const jacob =
      blocks.find(
        (b) => b.includes('Jacob Okafor to Greg Hollis') && b.includes('as of 2024-04-10:'),
      ) ?? '';
    expect(jacob).toMatch(/1\. Jacob Okafor → Michael Brennan → Greg Hollis {3}p = /);
    // Every probability printed is the one the library computes for that question.
    for (const question of CHAIN_QUESTIONS) {
      const result = findIntroductions(network, {
        from: question.from,
        to: { job: question.job },
        k: question.k,
        diversity: question.diversity,
        ...(question.asOf === undefined ? {} : { asOf: question.asOf }),
      });
      expect(result.paths.length).toBeGreaterThan(0);
      for (const path of result.paths)
        expect(chains).toContain(`p = ${path.probability.toFixed(2)} (${path.band})`);
      expect(chains).toContain(`at least one of these works: p = ${result.atLeastOne.toFixed(2)}`);
    }
  });

  it('names the connectors: Michael first, as the library ranks them', () => {
    const connectors = text('Who are the connectors?');
    const brokers = introductionBrokers(network, { limit: CONNECTORS_SHOWN });
    expect(brokers[0]?.personId).toBe('michael');
    const lines = connectors.split('\n');
    const first = lines.findIndex((line) => line.includes('On the likeliest chains'));
    brokers.forEach((broker, i) => {
      expect(lines[first + 1 + i]).toContain(network.requirePerson(broker.personId).name);
      expect(lines[first + 1 + i]).toContain(broker.score.toFixed(1));
    });
    const top = topConnectors(network, { metric: 'betweenness', n: CONNECTORS_SHOWN });
    expect(connectors).toContain(
      `betweenness  ${top.map((c) => `${c.name} (${c.score.toFixed(2)})`).join(', ')}`,
    );
    expect(connectors).toContain(`${communities(network).members.length} communities`);
  });

  it('prints the referral figures the library computes, with the small-sample caution', () => {
    const referrals = text('How many hires came through referrals?');
    expect(referrals).toContain('Caution: 3 hires.');
    const share = referralShare(network).overall;
    expect(referrals).toContain(`${share.referrals} of ${share.hires} hires`);
    const summary = attributeHires(network).summary;
    expect(referrals).toContain(
      `existed the day before ${summary.reachable} of ${summary.hires} hires`,
    );
    expect(summary.chainWithoutReferral).toBe(1);
    expect(referrals).toMatch(
      /Michael Brennan +recorded direct +network the day before: Michael Brennan → Laura Whitfield/,
    );
    expect(referrals).toContain(
      'Vacancy chain (White 1970): Michael Brennan into Sales Executive, then Jacob Okafor into',
    );
  });

  it('prints the counts', () => {
    const counts = text('Counts');
    expect(counts).toMatch(new RegExp(`people:\\s+${network.people.length}\\b`));
    expect(counts).toMatch(new RegExp(`relationships:\\s+${network.relationships.length}\\b`));
    expect(counts).toMatch(new RegExp(`hires:\\s+${network.hires.length}\\b`));
    expect(counts).toContain(`(${network.openJobs().length} open)`);
  });

  it('prints every person with title and organisation on one line', () => {
    const lines = sections.get('People') ?? [];
    for (const person of network.people) {
      const line = lines.find((l) => l.includes(person.name));
      expect(line, person.id).toBeDefined();
      if (person.title) expect(line).toContain(person.title);
      if (person.organizationId)
        expect(line).toContain(network.requireOrganization(person.organizationId).name);
    }
  });

  it('prints every organisation with its current members', () => {
    const lines = sections.get('Organisations and their current members') ?? [];
    for (const organization of network.organizations) {
      const line = lines.find((l) => l.includes(organization.name));
      expect(line, organization.id).toBeDefined();
      for (const member of network.membersOf(organization.id)) expect(line).toContain(member.name);
    }
  });

  it('prints every open job with its hiring manager and requirements', () => {
    const lines = sections.get('Open jobs') ?? [];
    for (const job of network.openJobs()) {
      const line = lines.find((l) => l.includes(job.title));
      expect(line, job.id).toBeDefined();
      expect(line).toContain(network.requirePerson(job.hiringManagerId).name);
      for (const requirement of job.requirements) expect(line).toContain(requirement);
    }
    const filled = network.jobs.filter((j) => j.status !== 'open');
    for (const job of filled) expect(lines.join('\n')).not.toContain(job.title);
  });

  it('prints the groups and their members', () => {
    const groups = text('Groups');
    for (const group of network.groups) {
      expect(groups).toContain(`${group.name} (${group.members.length} members)`);
      for (const id of group.members) expect(groups).toContain(network.requirePerson(id).name);
    }
  });

  it('prints the hires in date order with channel, referrer, manager and what was lacked', () => {
    const hires = text('Hires, in date order, and how each came about');
    const sorted = [...network.hires].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    let previous = -1;
    for (const hire of sorted) {
      const at = hires.indexOf(`${hire.date}  ${network.requirePerson(hire.personId).name}`);
      expect(at, hire.personId).toBeGreaterThan(previous);
      previous = at;
      const block = hires.slice(at).split('\n\n')[0] ?? '';
      const job = network.requireJob(hire.jobId);
      expect(block).toMatch(new RegExp(`channel:\\s+${hire.channel}`));
      expect(block).toContain(network.requirePerson(job.hiringManagerId).name);
      if (hire.referrerId) expect(block).toContain(network.requirePerson(hire.referrerId).name);
      for (const lacked of lackedRequirements(network, hire)) expect(block).toContain(lacked);
    }
  });

  it('prints the strongest ties with their explanation text', () => {
    const ties = text('The 10 strongest ties');
    const strongest = strongestTies(network, 10);
    expect(strongest).toHaveLength(10);
    const all = network.ties().map((t) => t.strength);
    expect(strongest[0]?.strength).toBe(Math.max(...all));
    for (const tie of strongest) {
      expect(ties).toContain(strongestEvidence(tie).explanation.text);
      expect(ties).toContain(network.requirePerson(tie.source).name);
    }
  });

  it(`prints the network as of ${AS_OF}: Laura's job open, Michael not yet hired`, () => {
    const asOf = text(`As of ${AS_OF}`);
    const [open, rest] = asOf.split('Hires by then:');
    const laurasJob = network.requireJob(hireOf('michael').jobId);
    expect(open).toContain(laurasJob.title);
    expect(open).toContain('Laura Whitfield');
    for (const job of network.openJobs()) expect(open).not.toContain(job.title);
    const [hiresThen] = (rest ?? '').split('Applications');
    expect(hiresThen).toContain('Diane Keller');
    expect(hiresThen).not.toContain('Michael Brennan');
  });
});

describe(`the network as of ${AS_OF}`, () => {
  const then = createNetwork(loadSeedData(), { asOf: AS_OF });

  it("shows Laura's job open and no hire of Michael", () => {
    const laurasJob = hireOf('michael').jobId;
    expect(then.openJobs().map((job) => job.id)).toEqual([laurasJob]);
    expect(then.requireJob(laurasJob).filledBy).toBeUndefined();
    expect(then.hires.some((hire) => hire.personId === 'michael')).toBe(false);
    expect(then.job(hireOf('jacob').jobId)).toBeUndefined();
    expect(then.tie('laura', 'michael')?.kinds).not.toContain('manager');
  });
});

describe('the JSON example in docs/model.md', () => {
  const markdown = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];

  it('is a valid network that round-trips and means what the page says', () => {
    expect(block).toBeDefined();
    const example = networkFromJson(block ?? '');
    expect(networkFromJson(networkToJson(example)).dataset).toEqual(example.dataset);
    expect(example.introductionPolicy('michael')).toBe('ask-first');
    expect(example.introductionPolicy('laura')).toBe('open');
    // coach -> laura is directed (0.3 one way); the shared group (0.25) works both ways.
    const tie = example.tie('coach', 'laura');
    expect(tie?.source).toBe('coach');
    expect(tie?.forward).toBe(0.3);
    expect(tie?.backward).toBe(0.25);
    expect(tie?.kinds).toEqual(['other', 'group-member']);
  });
});

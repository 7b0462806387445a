/**
 * The analyst examples (`npm run example -- <name>`), each run as its own process through the
 * runner, from a directory outside the repository (the scripts find their data next to
 * themselves). Every name and number printed is checked against the library's own answer.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  constraint,
  createNetwork,
  differenceInterval,
  findIntroductions,
  generateMarket,
  INTERVAL_METHODS,
  type IntroductionOptions,
  type IntroductionResult,
  introductionBrokers,
  type Network,
  networkFromLinkedIn,
  type Person,
  type ProportionInterval,
  referralShare,
  type SimulationOptions,
  simulateHiring,
  topConnectors,
  UnknownEntityError,
} from 'warmpath';
import { loadSeedNetwork } from '../../examples/seed-story.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = join(ROOT, 'examples/run.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

/** The examples the runner must offer. */
const NAMES = [
  'find-introductions',
  'rank-connectors',
  'referral-report',
  'my-linkedin-network',
  'simulated-market',
  'draw-seed-story',
];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `tsx examples/run.ts ...args`, run in `cwd`. */
function runExample(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, RUNNER, ...args],
      {
        cwd,
        maxBuffer: 16 * 1024 * 1024,
        // tsx looks for tsconfig.json in the working directory; without it `warmpath` would
        // resolve to the package's own dist/ instead of src/.
        env: { ...process.env, NO_COLOR: '1', TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The lines of a run's output, split into blocks at blank lines. */
const blocksOf = (stdout: string): string[][] =>
  stdout
    .trimEnd()
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'));

const network = loadSeedNetwork();
const nameOf = (net: Network, id: string): string => net.requirePerson(id).name;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const range = (i: ProportionInterval | null): string =>
  i === null ? 'no hires' : `${pct(i.estimate)} [${pct(i.lower)}, ${pct(i.upper)}]`;

// Every run at once, in parallel, from a scratch directory; the tests below read the results.
const RUNS = {
  none: [],
  unknown: ['no-such-example'],
  inherited: ['toString'],
  introductions: ['find-introductions'],
  introductionsJacob: [
    'find-introductions',
    '--from',
    'jacob',
    '--job',
    'keystone-inside-sales-manager',
    '--organization',
    'keystone-construction',
  ],
  introductionsTypo: ['find-introductions', '--from', 'jaocb'],
  connectors: ['rank-connectors'],
  connectorsThree: ['rank-connectors', '--n', '3'],
  report: ['referral-report'],
  linkedIn: ['my-linkedin-network'],
  linkedInKestrel: ['my-linkedin-network', '--owner', 'Dana Smith', '--company', 'kestrel health'],
  linkedInNoCompany: ['my-linkedin-network', '--company', 'Acme'],
  market: ['simulated-market'],
  marketSmall: ['simulated-market', '--people', '800', '--seed', '4'],
} as const;
type RunName = keyof typeof RUNS;

let cwd = '';
let outDir = '';
const results = new Map<RunName | 'reportOut' | 'drawn', Run>();
const result = (name: RunName | 'reportOut' | 'drawn'): Run => {
  const run = results.get(name);
  if (run === undefined) throw new Error(`no run ${name}`);
  return run;
};

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'warmpath-examples-'));
  outDir = join(cwd, 'report');
  const jobs = [
    ...Object.entries(RUNS).map(async ([name, args]) => {
      results.set(name as RunName, await runExample(args, cwd));
    }),
    runExample(['referral-report', '--out', outDir], cwd).then((run) => {
      results.set('reportOut', run);
    }),
    runExample(['draw-seed-story', join(cwd, 'img')], cwd).then((run) => {
      results.set('drawn', run);
    }),
  ];
  await Promise.all(jobs);
}, 120_000);

afterAll(() => {
  if (cwd !== '') rmSync(cwd, { recursive: true, force: true });
});

describe('the runner', () => {
  it('lists every example and exits 2 on an unknown name, or none', () => {
    for (const run of [result('unknown'), result('none'), result('inherited')]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const listed = run.stderr
        .split('\n')
        .map((line) => /^ {2}(\S+) {2,}\S/.exec(line)?.[1])
        .filter((name) => name !== undefined);
      expect(listed).toEqual(NAMES);
    }
    expect(result('unknown').stderr).toContain('Unknown example "no-such-example"');
  });

  it("prints a library error's message and exits 1", () => {
    const run = result('introductionsTypo');
    let expected: unknown;
    try {
      network.requirePerson('jaocb');
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(UnknownEntityError);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`find-introductions: ${(expected as Error).message}\n`);
    expect(run.stderr).toContain('did you mean "jacob"?');
  });

  it('is what `npm run example` runs', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.example).toBe('tsx examples/run.ts');
  });
});

/** The lines `print` in find-introductions writes for a result, after its title. */
function chainLines(net: Network, found: IntroductionResult): string[] {
  const lines = found.paths.flatMap((path, i) => [
    `  ${i + 1}. ${path.people.map((id) => nameOf(net, id)).join(' → ')}   p = ${path.probability.toFixed(3)} (${path.band})`,
    ...path.hops.map((hop) => `       ${hop.reason}`),
  ]);
  if (found.paths.length === 0) lines.push('  (no chain within 4 hops)');
  lines.push(`  at least one of these works: p = ${found.atLeastOne.toFixed(3)}`);
  return lines;
}

/** The intermediaries of each chain, as printed: every name but the first and last. */
const printedIntermediaries = (block: readonly string[]): string[][] =>
  block
    .filter((line) => /^ {2}\d+\. /.test(line))
    .map(
      (line) =>
        line
          .replace(/^ {2}\d+\. /, '')
          .split('   p = ')[0]
          ?.split(' → ') ?? [],
    )
    .map((people) => people.slice(1, -1));

function checkIntroductions(run: Run, from: string, jobId: string, organizationId: string): void {
  expect(run.code, run.stderr).toBe(0);
  const job = network.requireJob(jobId);
  const company = network.requireOrganization(organizationId);
  const toJob: IntroductionOptions = { from, to: { job: jobId }, k: 3 };
  const likeliest = findIntroductions(network, toJob);
  const disjoint = findIntroductions(network, { ...toJob, diversity: 'disjoint' });
  const toCompany = findIntroductions(network, {
    from,
    to: { organization: organizationId },
    k: 3,
    diversity: 'disjoint',
  });
  expect(likeliest.paths.length).toBeGreaterThan(1);

  const [head, first, second, third] = blocksOf(run.stdout);
  expect(head).toEqual([`Who can introduce ${nameOf(network, from)}?`]);
  expect(first?.[0]).toContain(`To ${nameOf(network, job.hiringManagerId)}, hiring manager`);
  expect(first?.[0]).toContain(job.title);
  expect(first?.[0]).toContain(network.requireOrganization(job.organizationId).name);
  expect(first?.slice(1)).toEqual(chainLines(network, likeliest));
  expect(second?.[0]).toContain("'disjoint'");
  expect(second?.slice(1)).toEqual(chainLines(network, disjoint));
  expect(third?.[0]).toBe(`To anyone at ${company.name}, sharing no intermediary`);
  expect(third?.slice(1, -1)).toEqual(chainLines(network, toCompany));
  const reached = toCompany.target.type === 'organization' ? toCompany.target.personIds : [];
  expect(third?.at(-1)).toBe(`  reaching: ${reached.map((id) => nameOf(network, id)).join(', ')}`);

  // What the disjoint blocks promise, read from the output alone: no name in two chains' middles.
  for (const block of [second ?? [], third ?? []]) {
    const middles = printedIntermediaries(block).flat();
    expect(new Set(middles).size).toBe(middles.length);
  }
  // Every person reached by the company chains works there.
  for (const id of reached) expect(network.requirePerson(id).organizationId).toBe(organizationId);
}

describe('npm run example -- find-introductions', () => {
  it("prints Anita Patel's chains to Harbor Creative's PR job and company, as findIntroductions finds them", () => {
    checkIntroductions(
      result('introductions'),
      'anita-patel',
      'harbor-pr-account-manager',
      'harbor-creative',
    );
    // The point of the default question: the likeliest chains all hang on one connector.
    const likeliest = findIntroductions(network, {
      from: 'anita-patel',
      to: { job: 'harbor-pr-account-manager' },
    });
    const middles = likeliest.paths.map((path) => path.people.slice(1, -1));
    const shared = (middles[0] ?? []).filter((id) => middles.every((m) => m.includes(id)));
    expect(middles.length).toBe(3);
    expect(shared).toEqual(['laura']);
  });

  it('answers another question with --from, --job and --organization', () => {
    checkIntroductions(
      result('introductionsJacob'),
      'jacob',
      'keystone-inside-sales-manager',
      'keystone-construction',
    );
  });
});

describe('npm run example -- rank-connectors', () => {
  function check(run: Run, n: number): void {
    expect(run.code, run.stderr).toBe(0);
    const [betweenness, brokers, constrained, all] = blocksOf(run.stdout);
    const between = topConnectors(network, { metric: 'betweenness', n });
    expect(between).toHaveLength(n);
    expect(betweenness?.slice(1)).toEqual(between.map((c) => `  ${c.rank}. ${c.reason}`));

    const open = network.openJobs();
    const ranked = introductionBrokers(network, { limit: n });
    expect(brokers?.slice(1, 1 + open.length)).toEqual(
      open.map((job) => `  (${job.title}, hiring manager ${nameOf(network, job.hiringManagerId)})`),
    );
    const lines = brokers?.slice(1 + open.length) ?? [];
    expect(lines).toHaveLength(ranked.length);
    ranked.forEach((broker, i) => {
      expect(lines[i]).toMatch(
        new RegExp(`^ {2}${i + 1}\\. ${nameOf(network, broker.personId)}: `),
      );
      expect(lines[i]).toContain(
        `score ${broker.score.toFixed(1)}, ${broker.chains} (person, job)`,
      );
      for (const jobId of broker.jobs) expect(lines[i]).toContain(network.requireJob(jobId).title);
    });

    const low = topConnectors(network, { metric: 'constraint', n });
    expect(constrained?.slice(1, 1 + n)).toEqual(low.map((c) => `  ${c.rank}. ${c.reason}`));
    // The other end: the highest constraint first, equal scores in id order.
    const hemmedIn = [...constraint(network)]
      .filter(([, score]) => !Number.isNaN(score))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, n)
      .map(([id, score]) => `${nameOf(network, id)} (${score.toFixed(3)})`);
    expect(hemmedIn).toHaveLength(n);
    expect(constrained?.at(-1)).toBe(`  most constrained: ${hemmedIn.join(', ')}`);

    const everywhere = between
      .filter(
        (c) =>
          ranked.some((b) => b.personId === c.personId) &&
          low.some((l) => l.personId === c.personId),
      )
      .map((c) => c.name);
    expect(all).toEqual([`In all three lists: ${everywhere.join(', ') || 'nobody'}`]);
  }

  it('names the top five by betweenness, brokerage to open jobs and constraint', () => {
    check(result('connectors'), 5);
    // The seed story's connector is Michael, however the question is asked.
    expect(result('connectors').stdout).toContain('In all three lists: Michael Brennan');
  });

  it('takes --n', () => {
    check(result('connectorsThree'), 3);
  });
});

describe('npm run example -- referral-report', () => {
  it('prints the seed story report that examples/referral-report.ts builds', async () => {
    const { seedStoryReport } = await import('../../examples/referral-report.js');
    const run = result('report');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${(await seedStoryReport(network)).markdown}\n`);
    expect(run.stderr).toBe('');
  }, 30_000);

  it('carries the referral share and its Wilson interval as referralShare computes them', () => {
    const { overall, groups } = referralShare(network, { by: 'organization' });
    const text = result('report').stdout;
    expect(overall.interval).not.toBeNull();
    expect(text).toContain(
      `Of ${overall.hires} hires with a known channel, ${overall.referrals} came through a referral: ${pct(overall.interval?.estimate ?? NaN)}, with a 95% Wilson interval of ${pct(overall.interval?.lower ?? NaN)} to ${pct(overall.interval?.upper ?? NaN)}`,
    );
    for (const group of groups) {
      expect(text).toContain(
        `| ${group.key} | ${group.label} | ${group.referrals} | ${group.hires} | ${group.unknown} | ${pct(group.interval?.estimate ?? NaN)} | ${pct(group.interval?.lower ?? NaN)} | ${pct(group.interval?.upper ?? NaN)} |`,
      );
    }
  });

  it('writes the report and its charts with --out', () => {
    const run = result('reportOut');
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(outDir).sort();
    const charts = [...run.stdout.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => m[1]);
    expect(charts.length).toBeGreaterThan(0);
    expect(files).toEqual(['seed-story.md', ...charts].sort());
    expect(`${readFileSync(join(outDir, 'seed-story.md'), 'utf8')}\n`).toBe(run.stdout);
    for (const file of files) expect(run.stderr).toContain(`wrote ${join(outDir, file)}`);
    expect(readFileSync(join(outDir, charts[0] ?? ''), 'utf8')).toMatch(/^<svg/);
  });
});

describe('npm run example -- my-linkedin-network', () => {
  const text = readFileSync(join(ROOT, 'examples/linkedin/Connections.csv'), 'utf8');

  function check(run: Run, owner: string, companyName: string | undefined): void {
    expect(run.code, run.stderr).toBe(0);
    const mine = networkFromLinkedIn(text, { owner });
    const me = mine.people.find((p) => p.name === owner) as Person;
    const connections = mine.relationshipsOf(me.id);
    expect(connections.length).toBeGreaterThan(10);
    const [head, where, hiring, chains] = blocksOf(run.stdout);
    expect(head?.[0]).toMatch(
      new RegExp(
        `^${owner}'s LinkedIn network: ${connections.length} connections at ${mine.organizations.length} companies, connected \\d{4} to \\d{4}$`,
      ),
    );

    // Every company, with as many names as networkFromLinkedIn puts there; the most first.
    const who = (p: Person): string => (p.title === undefined ? p.name : `${p.name} (${p.title})`);
    const counts = mine.organizations.map((o) => {
      const members = mine.membersOf(o.id);
      const line = where?.find((l) => l.startsWith(`  ${o.name} (${members.length}): `));
      expect(line, o.name).toBeDefined();
      for (const member of members) expect(line).toContain(who(member));
      return { name: o.name, count: members.length, at: where?.indexOf(line ?? '') ?? -1 };
    });
    const byLine = [...counts].sort((a, b) => a.at - b.at).map((c) => c.count);
    expect(byLine).toEqual([...byLine].sort((a, b) => b - a));
    // Spellings of one company are one organisation: "Brightline IT" and "BRIGHTLINE IT".
    expect(mine.organizations.filter((o) => /brightline/i.test(o.name))).toHaveLength(1);

    const titled = mine.people.filter((p) =>
      /recruit|talent|\bhr\b|\bpeople\b|hiring/i.test(p.title ?? ''),
    );
    expect(titled.length).toBeGreaterThan(0);
    expect(hiring?.slice(1).map((l) => l.split(',')[0]?.trim())).toEqual(titled.map((p) => p.name));

    const target =
      companyName === undefined
        ? mine.organizations.find((o) => o.name === where?.[1]?.split(' (')[0]?.trim())
        : mine.organizations.find((o) => o.name.toLowerCase() === companyName.toLowerCase());
    if (target === undefined) throw new Error('no target company');
    if (companyName === undefined)
      expect(mine.membersOf(target.id).length).toBe(Math.max(...counts.map((c) => c.count)));
    const found = findIntroductions(mine, { from: me.id, to: { organization: target.id }, k: 5 });
    expect(chains?.[0]).toBe(`Into ${target.name}: the ${found.paths.length} likeliest chains`);
    expect(chains?.slice(1)).toEqual(chainLines(mine, found));
    // One-hop chains over weak ties, each unlikely, together likelier than any one.
    for (const path of found.paths) expect(path.people).toHaveLength(2);
    expect(found.atLeastOne).toBeGreaterThan(Math.max(...found.paths.map((p) => p.probability)));
  }

  it('reads the sample export as Jacob Ellis and goes into the company where he knows most people', () => {
    check(result('linkedIn'), 'Jacob Ellis', undefined);
  });

  it('takes --owner and --company (by name, any case)', () => {
    check(result('linkedInKestrel'), 'Dana Smith', 'Kestrel Health');
  });

  it('names the companies there are when --company matches none', () => {
    const run = result('linkedInNoCompany');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no company "Acme"');
    expect(run.stderr).toContain('Kestrel Health');
  });
});

describe('npm run example -- simulated-market', () => {
  function check(run: Run, people: number, seed: number): void {
    expect(run.code, run.stderr).toBe(0);
    const [setup, overall, quarters] = blocksOf(run.stdout);
    // The options are printed as JSON: rerun them through the library.
    const market = JSON.parse(/^generateMarket\((.*)\)$/.exec(setup?.[0] ?? '')?.[1] ?? 'null');
    expect(market).toEqual({ people, seed });
    const hiring = JSON.parse(
      /^simulateHiring\(market, (.*)\)$/.exec(setup?.[2] ?? '')?.[1] ?? 'null',
    ) as SimulationOptions;
    expect(hiring.seed).toBe(seed);
    const base = createNetwork(generateMarket(market));
    expect(setup?.[1]).toBe(
      `  ${people} people, ${base.organizations.length} organisations, ${base.relationships.length} relationships`,
    );
    const simulated = simulateHiring(base, hiring);
    const s = simulated.summary;
    expect(s.hires).toBeGreaterThan(0);
    expect(setup?.[3]).toBe(
      `  ${s.hires} hires (${s.hiresByChannel.referral} by referral) from ${s.applications} applications (${s.applicationsByChannel.referral} referred)`,
    );

    const after = createNetwork(simulated.dataset);
    expect(overall?.slice(1)).toEqual(
      INTERVAL_METHODS.map((method) => {
        const share = referralShare(after, { method }).overall;
        return `  ${method.padEnd(15)} ${share.referrals} of ${share.hires}: ${range(share.interval)}`;
      }),
    );
    // Clopper-Pearson is the widest of the three.
    const widths = INTERVAL_METHODS.map((method) => {
      const i = referralShare(after, { method }).overall.interval;
      return (i?.upper ?? 0) - (i?.lower ?? 0);
    });
    expect(Math.max(...widths)).toBe(widths[INTERVAL_METHODS.indexOf('clopper-pearson')]);

    const groups = referralShare(after, { by: { period: 'quarter' } }).groups;
    expect(groups.length).toBeGreaterThan(1);
    expect(quarters?.slice(1, 1 + groups.length)).toEqual(
      groups.map((g) => `  ${g.label}  ${g.referrals} of ${g.hires}: ${range(g.interval)}`),
    );
    const first = groups[0];
    const last = groups.at(-1);
    if (first === undefined || last === undefined) throw new Error('no quarters');
    const d = differenceInterval(
      { successes: first.referrals, trials: first.hires },
      { successes: last.referrals, trials: last.hires },
    );
    expect(quarters?.at(-1)).toBe(
      `  ${first.label} − ${last.label}: ${pct(d.estimate)} [${pct(d.lower)}, ${pct(d.upper)}] (Newcombe)`,
    );
  }

  it('runs the default market and reports the share as referralShare computes it', () => {
    check(result('market'), 3000, 1);
  });

  it('takes --people and --seed', () => {
    check(result('marketSmall'), 800, 4);
    expect(result('marketSmall').stdout).not.toBe(result('market').stdout);
  });
});

describe('npm run example -- draw-seed-story', () => {
  it('draws the pictures in docs/img/ exactly as committed, from the project’s own output', () => {
    expect(result('drawn').code).toBe(0);
    const committed = join(ROOT, 'docs/img');
    const names = readdirSync(committed).filter((name) => name.endsWith('.svg'));
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) {
      const drawn = readFileSync(join(cwd, 'img', name), 'utf8');
      expect(drawn, name).toContain('<svg');
      expect(drawn, name).toBe(readFileSync(join(committed, name), 'utf8'));
    }
  });
});

describe('docs/index.md', () => {
  const index = readFileSync(join(ROOT, 'docs/index.md'), 'utf8');

  it('gives the command of every example', () => {
    for (const name of NAMES) expect(index).toContain(`npm run example -- ${name}`);
  });

  it('has a quick start of at most 10 lines that runs and prints what the library finds', async () => {
    const code = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(index)?.[1] ?? '';
    expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(10);
    const file = join(cwd, 'quick-start.mts');
    writeFileSync(file, code);
    // From the repository's root, as the guide says, so the seed story's path resolves.
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [TSX, file], { cwd: ROOT }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : 1, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    const found = findIntroductions(network, {
      from: 'jacob',
      to: { job: 'keystone-inside-sales-manager' },
      k: 3,
    });
    expect(found.paths.length).toBeGreaterThan(0);
    for (const path of found.paths)
      expect(run.stdout).toContain(`${path.people.join(' → ')} ${path.probability.toFixed(2)}`);
    for (const hop of found.paths[0]?.hops ?? []) expect(run.stdout).toContain(hop.reason);
    expect(run.stdout).toContain(`at least one works: ${found.atLeastOne.toFixed(2)}`);
    for (const connector of topConnectors(network, { n: 3 }))
      expect(run.stdout).toContain(connector.reason);
    expect(run.stdout).toContain(`estimate: ${referralShare(network).overall.interval?.estimate}`);
  }, 30_000);
});

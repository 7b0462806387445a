/**
 * The demo (`npm run demo`): the seed story, "The Power of Networking", as a warmpath network.
 * Loads examples/seed-story/network.json and prints a plain-text summary: counts, people,
 * organisations, open jobs, groups, hires and how each came about, the warm-introduction chains
 * of the story (Michael to Laura, Jacob to the hiring manager of Michael's old job), its
 * connectors (brokers of chains to open jobs, betweenness, constraint, communities), the strongest
 * ties and why, and the network as it stood on 2024-03-15.
 *
 * Every function writes through a `Write` callback, so a test can capture the output.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  attributeHires,
  bridgingTies,
  communities,
  createNetwork,
  findIntroductions,
  type Hire,
  introductionBrokers,
  type Network,
  type NetworkInput,
  networkFromJson,
  referralShare,
  requirementsGap,
  type Tie,
  topConnectors,
  vacancyChains,
} from 'warmpath';

/** Where the story's data lives, next to this script. */
export const DATA_URL = new URL('./seed-story/network.json', import.meta.url);
/** The date of the "as of" view: after Laura opened her job, before she hired Michael. */
export const AS_OF = '2024-03-15';
/** How many ties the "strongest ties" section lists. */
export const STRONGEST_TIES = 10;

/** Receives one line of output (without its newline). */
export type Write = (line: string) => void;

/** The story's dataset as parsed JSON (not yet validated). */
export function loadSeedData(): NetworkInput {
  return JSON.parse(readFileSync(DATA_URL, 'utf8')) as NetworkInput;
}

/** The story's network, validated. */
export function loadSeedNetwork(): Network {
  return networkFromJson(readFileSync(DATA_URL, 'utf8'), undefined, 'network.json');
}

/** Rows as aligned columns (two spaces apart), with a header and a rule under it. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** `label: value` lines with the values aligned. */
function fields(pairs: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`);
}

function heading(write: Write, title: string): void {
  write('');
  write(`== ${title} ==`);
}

function indented(write: Write, lines: readonly string[], by = '  '): void {
  for (const line of lines) write(`${by}${line}`.trimEnd());
}

const nameOf = (network: Network, personId: string): string =>
  network.person(personId)?.name ?? personId;

const organizationName = (network: Network, organizationId: string | undefined): string =>
  organizationId === undefined ? '-' : (network.organization(organizationId)?.name ?? '-');

const time = (date: string): number => Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);

/** Hires in date order; hires on the same date keep input order. */
export function hiresByDate(network: Network): readonly Hire[] {
  return [...network.hires].sort((a, b) => time(a.date) - time(b.date));
}

/**
 * The posted requirements of a hire's job that the person's record shows no sign of. A requirement
 * counts as shown when one of the person's skills, or the title of a position that began before the
 * hire date, occurs in its wording (or the wording in it), ignoring case. Skills are undated, so
 * this is a rough reading of the record, not a judgement of the person.
 */
export function lackedRequirements(network: Network, hire: Hire): readonly string[] {
  const person = network.requirePerson(hire.personId);
  const job = network.requireJob(hire.jobId);
  const hiredAt = time(hire.date);
  const shown = [
    ...(person.skills ?? []),
    ...(person.positions ?? [])
      .filter((position) => position.from === undefined || time(position.from) < hiredAt)
      .map((position) => position.title),
  ].map((text) => text.toLowerCase());
  return job.requirements.filter((requirement) => {
    const wording = requirement.toLowerCase();
    return !shown.some((text) => wording.includes(text) || text.includes(wording));
  });
}

/** `0.90 (friend, client)`: a tie's strength and kinds, or `none` when there is no tie. */
function describeTie(tie: Tie | undefined): string {
  if (tie === undefined) return 'none';
  return `${tie.strength.toFixed(2)} (${tie.kinds.join(', ')})`;
}

/** The strongest evidence behind a tie (the first among equals). */
export function strongestEvidence(tie: Tie): Tie['evidence'][number] {
  let best = tie.evidence[0];
  for (const evidence of tie.evidence) {
    if (best === undefined || evidence.strength > best.strength) best = evidence;
  }
  if (best === undefined) throw new Error('a tie always has evidence');
  return best;
}

function writeCounts(write: Write, network: Network): void {
  heading(write, 'Counts');
  const open = network.openJobs().length;
  indented(
    write,
    fields([
      ['people', String(network.people.length)],
      ['organisations', String(network.organizations.length)],
      ['jobs', `${network.jobs.length} (${open} open)`],
      ['groups', String(network.groups.length)],
      ['relationships', String(network.relationships.length)],
      ['ties', `${network.ties().length} (relationships and shared groups, one per pair)`],
      ['hires', String(network.hires.length)],
      ['applications', String(network.applications.length)],
    ]),
  );
}

function writePeople(write: Write, network: Network): void {
  heading(write, 'People');
  const rows = network.people.map((person) => [
    person.name,
    person.title ?? '-',
    organizationName(network, person.organizationId),
    network.introductionPolicy(person.id),
  ]);
  indented(write, table(['Name', 'Title', 'Organisation', 'Introductions'], rows));
}

function writeOrganizations(write: Write, network: Network): void {
  heading(write, 'Organisations and their current members');
  const rows = network.organizations.map((organization) => [
    organization.name,
    organization.industry ?? '-',
    network
      .membersOf(organization.id)
      .map((person) => person.name)
      .join(', ') || '-',
  ]);
  indented(write, table(['Organisation', 'Industry', 'Current members'], rows));
}

function writeOpenJobs(write: Write, network: Network): void {
  heading(write, 'Open jobs');
  const rows = network
    .openJobs()
    .map((job) => [
      job.title,
      organizationName(network, job.organizationId),
      nameOf(network, job.hiringManagerId),
      job.openedAt ?? '-',
      job.requirements.join('; '),
    ]);
  if (rows.length === 0) write('  (none)');
  else
    indented(
      write,
      table(['Job', 'Organisation', 'Hiring manager', 'Opened', 'Requirements'], rows),
    );
}

function writeGroups(write: Write, network: Network): void {
  heading(write, 'Groups');
  for (const group of network.groups) {
    write(`  ${group.name} (${group.members.length} members)`);
    write(`    ${group.members.map((id) => nameOf(network, id)).join(', ')}`);
  }
}

function writeHires(write: Write, network: Network, data: NetworkInput): void {
  heading(write, 'Hires, in date order, and how each came about');
  write('  (ties are shown as they stood at the end of the day before the hire)');
  for (const hire of hiresByDate(network)) {
    const job = network.requireJob(hire.jobId);
    const manager = network.requirePerson(job.hiringManagerId);
    // Just before the hire day, so that ties which began with the job do not count.
    const then = createNetwork(data, { asOf: new Date(time(hire.date) - 1) });
    const lacked = lackedRequirements(network, hire);
    const pairs: [string, string][] = [
      ['job', `${job.title} at ${organizationName(network, job.organizationId)}`],
      ['channel', hire.channel],
      ['referred by', hire.referrerId === undefined ? '-' : nameOf(network, hire.referrerId)],
      ['hiring manager', `${manager.name}${manager.title ? ` (${manager.title})` : ''}`],
    ];
    if (hire.referrerId !== undefined) {
      pairs.push(['referrer to manager', describeTie(then.tie(hire.referrerId, manager.id))]);
    }
    pairs.push(['hire to manager', describeTie(then.tie(hire.personId, manager.id))]);
    pairs.push([
      'requirements lacked',
      lacked.length === 0 ? 'none (judged from skills and earlier titles)' : lacked.join('; '),
    ]);
    for (const [key, value] of Object.entries(hire.attributes ?? {})) {
      pairs.push([key, String(value)]);
    }
    write('');
    write(`  ${hire.date}  ${nameOf(network, hire.personId)}`);
    indented(write, fields(pairs), '      ');
  }
}

/** Ties from strongest to weakest; equal strengths keep the order of `network.ties()`. */
export function strongestTies(network: Network, count: number): readonly Tie[] {
  return [...network.ties()].sort((a, b) => b.strength - a.strength).slice(0, count);
}

function writeStrongestTies(write: Write, network: Network): void {
  heading(write, `The ${STRONGEST_TIES} strongest ties`);
  write(`  (derived strengths are measured to ${network.referenceDate ?? 'no date'})`);
  const rows = strongestTies(network, STRONGEST_TIES).map((tie) => {
    const best = strongestEvidence(tie);
    const more = tie.evidence.length - 1;
    const arrow = tie.forward === tie.backward ? '<->' : tie.forward > tie.backward ? '->' : '<-';
    return [
      tie.strength.toFixed(2),
      `${nameOf(network, tie.source)} ${arrow} ${nameOf(network, tie.target)}`,
      `${best.explanation.text}${more > 0 ? ` (+${more} more)` : ''}`,
    ];
  });
  indented(write, table(['Strength', 'Between', 'Strongest evidence'], rows));
}

function writeAsOf(write: Write, network: Network, data: NetworkInput): void {
  const then = createNetwork(data, { asOf: AS_OF });
  heading(write, `As of ${AS_OF}`);
  write(
    `  ${then.jobs.length} of ${network.jobs.length} jobs had been opened, ` +
      `${then.relationships.length} of ${network.relationships.length} relationships were in force.`,
  );
  write('');
  write('  Open then:');
  const rows = then
    .openJobs()
    .map((job) => [
      job.title,
      organizationName(then, job.organizationId),
      nameOf(then, job.hiringManagerId),
      job.openedAt ?? '-',
    ]);
  if (rows.length === 0) write('    (none)');
  else indented(write, table(['Job', 'Organisation', 'Hiring manager', 'Opened'], rows), '    ');
  write('');
  write('  Hires by then:');
  const hires = hiresByDate(then);
  if (hires.length === 0) write('    (none)');
  for (const hire of hires) {
    const job = then.requireJob(hire.jobId);
    write(`    ${hire.date}  ${nameOf(then, hire.personId)} (${job.title}, ${hire.channel})`);
  }
  write('');
  write('  Applications received by then (their stage is the final one, not the stage then):');
  if (then.applications.length === 0) write('    (none)');
  for (const application of then.applications) {
    const job = then.requireJob(application.jobId);
    write(
      `    ${application.date}  ${nameOf(then, application.personId)} (${job.title}, ${application.channel})`,
    );
  }
  write('');
  write("  People's current titles and organisations are not rewound: see their positions.");
}

/** The questions the demo asks of the network: who can introduce whom, and when. */
export const CHAIN_QUESTIONS = [
  { from: 'michael', job: 'harbor-sales-executive', asOf: '2024-03-15', k: 2, diversity: 'none' },
  { from: 'jacob', job: 'it-sales-rep', asOf: '2024-04-10', k: 3, diversity: 'none' },
  { from: 'jacob', job: 'it-sales-rep', asOf: '2024-04-10', k: 3, diversity: 'disjoint' },
  { from: 'jacob', job: 'keystone-inside-sales-manager', asOf: undefined, k: 3, diversity: 'none' },
] as const;

function writeChains(write: Write, network: Network): void {
  heading(write, 'Who can introduce whom: warm-introduction chains');
  for (const question of CHAIN_QUESTIONS) {
    const job = network.requireJob(question.job);
    const result = findIntroductions(network, {
      from: question.from,
      to: { job: question.job },
      k: question.k,
      diversity: question.diversity,
      ...(question.asOf === undefined ? {} : { asOf: question.asOf }),
    });
    const when = question.asOf === undefined ? 'today' : `as of ${question.asOf}`;
    const spread = question.diversity === 'disjoint' ? ', sharing no intermediary' : '';
    write(
      `  ${nameOf(network, question.from)} to ${nameOf(network, job.hiringManagerId)} (hiring manager, ${job.title}), ${when}${spread}:`,
    );
    result.paths.forEach((path, i) => {
      const people = path.people.map((id) => nameOf(network, id)).join(' → ');
      write(`    ${i + 1}. ${people}   p = ${path.probability.toFixed(2)} (${path.band})`);
      for (const hop of path.hops) write(`         ${hop.reason}`);
    });
    if (result.paths.length === 0) write('    (no chain within 4 hops)');
    write(`    at least one of these works: p = ${result.atLeastOne.toFixed(2)}`);
    write('');
  }
}

/** How many connectors the demo names for each measure. */
export const CONNECTORS_SHOWN = 5;

function writeConnectors(write: Write, network: Network): void {
  heading(write, 'Who are the connectors?');
  write('  On the likeliest chains from everyone to the hiring managers of open jobs:');
  for (const broker of introductionBrokers(network, { limit: CONNECTORS_SHOWN })) {
    const jobs = broker.jobs.map((id) => network.requireJob(id).title).join(', ');
    write(
      `    ${nameOf(network, broker.personId).padEnd(16)} ${broker.score.toFixed(1).padStart(5)} chains' worth, to: ${jobs}`,
    );
  }
  write('');
  write(
    '  Bridges groups (betweenness on -ln strength; low constraint = open, brokering network):',
  );
  for (const [metric, label] of [
    ['betweenness', 'betweenness'],
    ['constraint', 'constraint'],
  ] as const) {
    const names = topConnectors(network, { metric, n: CONNECTORS_SHOWN }).map(
      (c) => `${c.name} (${c.score.toFixed(2)})`,
    );
    write(`    ${label.padEnd(12)} ${names.join(', ')}`);
  }
  const division = communities(network);
  write('');
  write(
    `  ${division.members.length} communities (Louvain, modularity ${division.modularity.toFixed(2)}):`,
  );
  for (const members of division.members)
    write(`    ${members.map((id) => nameOf(network, id)).join(', ')}`);
  const bridges = bridgingTies(network, division).filter(
    (tie) => tie.source === 'michael' || tie.target === 'michael',
  );
  write(`  Michael's ties that bridge communities: ${bridges.length}`);
}

const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;

function writeReferrals(write: Write, network: Network): void {
  heading(write, 'How many hires came through referrals?');
  write('  Caution: 3 hires. The figures show what the analyses report, not a finding;');
  write('  the 95% intervals below are as wide as a sample this small deserves.');
  const share = referralShare(network).overall;
  const interval = share.interval;
  if (interval !== null) {
    write(
      `  Recorded referral share: ${share.referrals} of ${share.hires} hires, ${percent(interval.estimate)} (95% Wilson interval ${percent(interval.lower)} to ${percent(interval.upper)})`,
    );
  }
  const attribution = attributeHires(network);
  const summary = attribution.summary;
  write(
    `  A warm chain to the hiring manager or firm existed the day before ${summary.reachable} of ${summary.hires} hires; ${summary.chainWithoutReferral} of them not recorded as referrals:`,
  );
  for (const hire of attribution.hires) {
    const chain =
      hire.best === null
        ? 'no warm chain'
        : `${hire.best.people.map((id) => nameOf(network, id)).join(' → ')} (p = ${hire.best.probability.toFixed(2)})`;
    write(
      `  ${hire.date}  ${nameOf(network, hire.personId).padEnd(16)} recorded ${hire.channel.padEnd(9)} network the day before: ${chain}`,
    );
  }
  const gap = requirementsGap(network);
  const lacking = gap.hires.filter((hire) => hire.lackedAny).length;
  write(`  Hires who lacked at least one posted requirement: ${lacking} of ${gap.hires.length}`);
  const chains = vacancyChains(network).chains.filter((chain) => chain.moves.length > 1);
  for (const chain of chains) {
    write(
      `  Vacancy chain (White 1970): ${chain.moves.map((move) => `${nameOf(network, move.personId)} into ${network.requireJob(move.jobId).title}`).join(', then ')}`,
    );
  }
}

/** Writes the whole summary of the story's network. */
export function summarise(network: Network, data: NetworkInput, write: Write): void {
  write('warmpath demo: "The Power of Networking" as a relationship network');
  write('Data: examples/seed-story/network.json (see examples/seed-story/README.md)');
  writeCounts(write, network);
  writePeople(write, network);
  writeOrganizations(write, network);
  writeOpenJobs(write, network);
  writeGroups(write, network);
  writeHires(write, network, data);
  writeChains(write, network);
  writeConnectors(write, network);
  writeReferrals(write, network);
  writeStrongestTies(write, network);
  writeAsOf(write, network, data);
}

/** Loads the story and prints its summary (to stdout unless told otherwise). */
export function main(write: Write = (line) => process.stdout.write(`${line}\n`)): void {
  summarise(loadSeedNetwork(), loadSeedData(), write);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) main();

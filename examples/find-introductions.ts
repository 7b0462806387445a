/**
 * Who can introduce me?
 *
 *   npm run example -- find-introductions [--from <person>] [--job <job>] [--organization <org>]
 *
 * A candidate's warm-introduction chains on the seed story's network (examples/seed-story/): to
 * the hiring manager of a job, then to anyone at a company. Each chain shows its people, the
 * probability that every hop works (the product of the hops' probabilities) and why each hop
 * should work; `atLeastOne` is the chance that at least one of the chains shown works, counting a
 * hop that several chains share once. See docs/paths.md.
 *
 * By default: Anita Patel, a web designer in the networking group, eyeing Harbor Creative Group:
 * its open PR Account Manager job (hiring manager Marcus Reed), and anyone who works there.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findIntroductions, type IntroductionResult, readNetwork } from 'warmpath';

const { values: args } = parseArgs({
  options: {
    from: { type: 'string', default: 'anita-patel' },
    job: { type: 'string', default: 'harbor-pr-account-manager' },
    organization: { type: 'string', default: 'harbor-creative' },
  },
});

// Resolved against this file, not the working directory, so the script runs from anywhere.
const data = fileURLToPath(new URL('./seed-story/network.json', import.meta.url));
const network = await readNetwork(data);
const name = (personId: string): string => network.person(personId)?.name ?? personId;

function print(title: string, result: IntroductionResult): void {
  console.log('');
  console.log(title);
  result.paths.forEach((path, i) => {
    const people = path.people.map(name).join(' → ');
    console.log(`  ${i + 1}. ${people}   p = ${path.probability.toFixed(3)} (${path.band})`);
    for (const hop of path.hops) console.log(`       ${hop.reason}`);
  });
  if (result.paths.length === 0) console.log('  (no chain within 4 hops)');
  console.log(`  at least one of these works: p = ${result.atLeastOne.toFixed(3)}`);
}

// The require* lookups throw UnknownEntityError, with a "did you mean", for a mistyped id.
const candidate = network.requirePerson(args.from);
const job = network.requireJob(args.job);
const company = network.requireOrganization(args.organization);
const employer = network.requireOrganization(job.organizationId).name;
console.log(`Who can introduce ${candidate.name}?`);

// 1. The three likeliest chains to the job's hiring manager. They often differ only near the end
//    and lean on the same connector: if that person is away, they all fail together.
const toJob = { from: args.from, to: { job: job.id }, k: 3 } as const;
print(
  `To ${name(job.hiringManagerId)}, hiring manager of ${job.title} at ${employer}: the 3 likeliest chains`,
  findIntroductions(network, toJob),
);

// 2. The same question, but each chain avoids every intermediary of the chains before it, so no
//    one connector is a single point of failure. By default the three likeliest chains all run
//    through Laura Whitfield and the best chain around her is weak, so atLeastOne drops: the drop
//    measures how much hangs on her.
print(
  `The same, sharing no intermediary (diversity: 'disjoint')`,
  findIntroductions(network, { ...toJob, diversity: 'disjoint' }),
);

// 3. Anyone at the company will do: a chain ends at the first person who works there.
const toCompany = findIntroductions(network, {
  from: args.from,
  to: { organization: company.id },
  k: 3,
  diversity: 'disjoint',
});
print(`To anyone at ${company.name}, sharing no intermediary`, toCompany);
if (toCompany.target.type === 'organization')
  console.log(`  reaching: ${toCompany.target.personIds.map(name).join(', ') || 'nobody'}`);

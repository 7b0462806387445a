/**
 * Who are the connectors?
 *
 *   npm run example -- rank-connectors [--n <count>]
 *
 * Three views of the seed story's network (examples/seed-story/), each naming the top `n`
 * (default 5). See docs/centrality.md for what each measure means for introductions and hiring.
 * 1. Betweenness: who lies on the most likeliest chains between any two people (a tie's length
 *    is -ln of its strength, so strong ties are short).
 * 2. Introduction brokers: the same, counting only the likeliest chains from every person to the
 *    hiring managers of open jobs, under the rules of findIntroductions (consent, direction).
 * 3. Burt's constraint: how much a person's contacts are tied to one another. Low constraint means
 *    contacts in groups that do not know each other: structural holes to broker.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { constraint, introductionBrokers, readNetwork, topConnectors } from 'warmpath';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '5' } } });
const n = Number(args.n);

// Resolved against this file, not the working directory, so the script runs from anywhere.
const data = fileURLToPath(new URL('./seed-story/network.json', import.meta.url));
const network = await readNetwork(data);
const name = (personId: string): string => network.person(personId)?.name ?? personId;

// 1. topConnectors explains each rank in a line: the score, the ties, and how many communities
//    (Louvain, seeded) those ties reach: a bridge reaches several.
console.log('Betweenness: on the likeliest chains between everyone');
const between = topConnectors(network, { metric: 'betweenness', n });
for (const connector of between) console.log(`  ${connector.rank}. ${connector.reason}`);

// 2. Score: summed over (person, job) pairs, the share of that pair's likeliest chains through
//    the broker; chains: how many pairs have at least one likeliest chain through them.
console.log('');
console.log('Introduction brokers: on the likeliest chains to the hiring managers of open jobs');
for (const job of network.openJobs())
  console.log(`  (${job.title}, hiring manager ${name(job.hiringManagerId)})`);
const brokers = introductionBrokers(network, { limit: n });
brokers.forEach((broker, i) => {
  const jobs = broker.jobs.map((id) => network.requireJob(id).title).join(', ');
  console.log(
    `  ${i + 1}. ${name(broker.personId)}: score ${broker.score.toFixed(1)}, ${broker.chains} (person, job) pairs, to: ${jobs}`,
  );
});

// 3. topConnectors ranks constraint from low to high (low = more brokerage); the raw scores come
//    from constraint(), here to show the other end too: who is hemmed in.
console.log('');
console.log('Constraint (Burt): low = contacts who do not know each other');
const open = topConnectors(network, { metric: 'constraint', n });
for (const connector of open) console.log(`  ${connector.rank}. ${connector.reason}`);
const hemmedIn = [...constraint(network)]
  .filter(([, score]) => !Number.isNaN(score))
  .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
  .slice(0, n);
console.log(
  `  most constrained: ${hemmedIn.map(([id, score]) => `${name(id)} (${score.toFixed(3)})`).join(', ')}`,
);

// Whoever tops all three lists is the network's connector, whichever way it is asked.
const everywhere = between
  .map((connector) => connector.personId)
  .filter((id) => brokers.some((b) => b.personId === id) && open.some((c) => c.personId === id));
console.log('');
console.log(`In all three lists: ${everywhere.map(name).join(', ') || 'nobody'}`);

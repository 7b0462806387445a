/**
 * Whom do I know where, and how good are my chances into a company?
 *
 *   npm run example -- my-linkedin-network [--file <Connections.csv>] [--owner <your name>]
 *                                          [--company <name or id>]
 *
 * Reads LinkedIn's Connections.csv export (LinkedIn: Settings, Data privacy, Get a copy of your
 * data, Connections) with networkFromLinkedIn, as the owner's ego network: the owner, a person
 * per connection, an organisation per company (spellings that differ only in case or punctuation
 * are one company) and a `connection` tie to each connection, dated by "Connected On". By default
 * it reads the synthetic sample in examples/linkedin/. See docs/formats.md.
 *
 * It prints whom you know at each company, who among them works in hiring, and the chains into
 * one company (by default the one where you know most people). An export holds only your own
 * connections, so every chain is one hop, and a bare LinkedIn connection is the weakest kind of
 * tie (docs/tie-strength.md): each chain is unlikely on its own, yet several together give a fair
 * chance that one of them works.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findIntroductions, networkFromLinkedIn, type Person } from 'warmpath';

const sample = fileURLToPath(new URL('./linkedin/Connections.csv', import.meta.url));
const { values: args } = parseArgs({
  options: {
    file: { type: 'string' },
    owner: { type: 'string', default: 'Jacob Ellis' },
    company: { type: 'string' },
  },
});

// A file given on the command line is relative to where `npm run` was typed (INIT_CWD); the
// sample is found next to this script, wherever it is run from.
const file =
  args.file === undefined ? sample : resolve(process.env['INIT_CWD'] ?? process.cwd(), args.file);
const network = networkFromLinkedIn(await readFile(file, 'utf8'), { owner: args.owner });
const owner = network.people[0] as Person; // the owner comes first, then the connections
const connections = network.relationshipsOf(owner.id);
const years = connections.flatMap((r) => (r.since === undefined ? [] : [r.since.slice(0, 4)]));
console.log(
  `${owner.name}'s LinkedIn network: ${connections.length} connections at ${network.organizations.length} companies` +
    (years.length === 0 ? '' : `, connected ${years.sort()[0]} to ${years.at(-1)}`),
);

// 1. Companies by how many people you know there (most first, then by name).
const who = (p: Person): string => (p.title === undefined ? p.name : `${p.name} (${p.title})`);
const companies = network.organizations
  .map((organization) => ({ organization, members: network.membersOf(organization.id) }))
  .sort(
    (a, b) =>
      b.members.length - a.members.length || a.organization.id.localeCompare(b.organization.id),
  );
console.log('');
console.log('Where you know people:');
for (const { organization, members } of companies)
  console.log(`  ${organization.name} (${members.length}): ${members.map(who).join(', ')}`);
const nowhere = network.people.filter((p) => p.id !== owner.id && p.organizationId === undefined);
if (nowhere.length > 0)
  console.log(`  no company given (${nowhere.length}): ${nowhere.map(who).join(', ')}`);

// 2. People whose title says they hire: the ones who can pass a name straight to a hiring manager.
const HIRING = /recruit|talent|\bhr\b|\bpeople\b|hiring/i;
console.log('');
console.log('Who works in hiring (recruiting, talent, HR or people in the title):');
const hiring = network.people.filter((p) => p.id !== owner.id && HIRING.test(p.title ?? ''));
for (const person of hiring) {
  const at = person.organizationId && network.organization(person.organizationId)?.name;
  console.log(`  ${person.name}, ${person.title}${at ? ` at ${at}` : ''}`);
}

// 3. Chains into one company: --company is an organisation id or name (case ignored).
const wanted = args.company?.toLowerCase();
const target =
  wanted === undefined
    ? companies[0]?.organization
    : network.organizations.find((o) => o.id === wanted || o.name.toLowerCase() === wanted);
if (target === undefined) {
  const names = companies.map(({ organization }) => organization.name).join('; ');
  throw new Error(`no company ${JSON.stringify(args.company)} in ${file}; there are: ${names}`);
}
const chains = findIntroductions(network, {
  from: owner.id,
  to: { organization: target.id },
  k: 5,
});
console.log('');
console.log(`Into ${target.name}: the ${chains.paths.length} likeliest chains`);
chains.paths.forEach((path, i) => {
  const people = path.people.map((id) => network.requirePerson(id).name).join(' → ');
  console.log(`  ${i + 1}. ${people}   p = ${path.probability.toFixed(3)} (${path.band})`);
  for (const hop of path.hops) console.log(`       ${hop.reason}`);
});
console.log(`  at least one of these works: p = ${chains.atLeastOne.toFixed(3)}`);

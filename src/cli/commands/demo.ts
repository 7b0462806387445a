/**
 * `warmpath demo`: the seed story ("The Power of Networking") end to end on data built into the
 * CLI: who can introduce whom, who the connectors are, and how the hires came about.
 *
 * The story's data (examples/seed-story/network.json) is bundled into dist/cli.js at build time,
 * so the demo needs no file beside the package and always runs on the data it was built with.
 *
 * @module
 */
import type { Command } from 'commander';
import seedStory from '../../../examples/seed-story/network.json';
import {
  attributeHires,
  findIntroductions,
  type IntroductionResult,
  introductionBrokers,
  type Network,
  type NetworkFormat,
  networkFromJson,
  referralShare,
  topConnectors,
} from '../../index.js';
import { action, examples } from '../command.js';
import { type Context, withProgress } from '../context.js';
import { type Cells, labelled, type Output, percent, showNumber } from '../format.js';
import { networkFormat, saveNetwork, writtenOutput } from './convert.js';
import { introHeading, introOutput, nameOf } from './intro.js';

/** The story's network, validated. */
export function seedNetwork(): Network {
  return networkFromJson(JSON.stringify(seedStory), undefined, 'seed-story.json');
}

/** The story's questions: who can introduce whom, and when (as in `npm run demo`). */
const QUESTIONS = [
  { from: 'michael', job: 'harbor-sales-executive', asOf: '2024-03-15', k: 2, diversity: 'none' },
  { from: 'jacob', job: 'it-sales-rep', asOf: '2024-04-10', k: 3, diversity: 'none' },
  { from: 'jacob', job: 'it-sales-rep', asOf: '2024-04-10', k: 3, diversity: 'disjoint' },
  { from: 'jacob', job: 'keystone-inside-sales-manager', asOf: undefined, k: 3, diversity: 'none' },
] as const;

const SHOWN = 5;

interface Answer {
  readonly question: (typeof QUESTIONS)[number];
  readonly heading: string;
  readonly result: IntroductionResult;
}

function ask(network: Network): Answer[] {
  return QUESTIONS.map((question) => {
    const result = findIntroductions(network, {
      from: question.from,
      to: { job: question.job },
      k: question.k,
      diversity: question.diversity,
      ...(question.asOf === undefined ? {} : { asOf: question.asOf }),
    });
    const spread = question.diversity === 'disjoint' ? ', sharing no intermediary' : '';
    const heading = introHeading(network, question.from, { job: question.job }, question.asOf);
    return { question, heading: heading.replace(/:$/, `${spread}:`), result };
  });
}

async function story(context: Context, network: Network): Promise<Output> {
  const answers = ask(network);
  const brokers = await withProgress(context, 'brokers', (onProgress) =>
    introductionBrokers(network, { limit: SHOWN, onProgress }),
  );
  const betweenness = topConnectors(network, { metric: 'betweenness', n: SHOWN });
  const constraint = topConnectors(network, { metric: 'constraint', n: SHOWN });
  const share = referralShare(network);
  const attribution = attributeHires(network);
  const overall = share.overall.interval;
  const counts = {
    people: network.people.length,
    organizations: network.organizations.length,
    jobs: network.jobs.length,
    openJobs: network.openJobs().length,
    relationships: network.relationships.length,
    hires: network.hires.length,
  };
  const chains = answers.map((answer) => introOutput(network, answer.result, answer.heading, '  '));
  const hopTables = chains.map((chain) => chain.csv() as Cells);
  return {
    json: () => ({
      counts,
      chains: answers.map(({ question, result }) => ({ question, ...result })),
      brokers,
      connectors: { betweenness, constraint },
      referrals: share.toJSON(),
      attribution: attribution.toJSON(),
    }),
    records: () => answers.map(({ question, result }) => ({ question, ...result })),
    csv: () => ({
      header: ['question', ...(hopTables[0]?.header ?? [])],
      rows: hopTables.flatMap((table, i) => table.rows.map((row) => [i + 1, ...row])),
    }),
    text: () => [
      'warmpath demo: the seed story, "The Power of Networking", as a relationship network',
      ...labelled(
        [
          ['people', String(counts.people)],
          ['organisations', String(counts.organizations)],
          ['jobs', `${counts.jobs} (${counts.openJobs} open)`],
          ['relationships', String(counts.relationships)],
          ['hires', String(counts.hires)],
        ],
        '  ',
      ),
      '',
      'Who can introduce whom (warmpath intro):',
      ...chains.flatMap((chain) => [...chain.text(), '']),
      'Who are the connectors (warmpath connectors):',
      `  on the chains to open jobs: ${brokers.map((b) => `${nameOf(network, b.personId)} (${showNumber(b.score, 1)})`).join(', ')}`,
      `  betweenness:                ${betweenness.map((c) => `${c.name} (${showNumber(c.score, 2)})`).join(', ')}`,
      `  constraint (low = broker):  ${constraint.map((c) => `${c.name} (${showNumber(c.score, 2)})`).join(', ')}`,
      '',
      'How the hires came about (warmpath referrals, warmpath attribute):',
      `  recorded referrals: ${share.overall.referrals} of ${share.overall.hires} hires, ${percent(overall?.estimate)} ` +
        `(95% interval ${percent(overall?.lower)} to ${percent(overall?.upper)}: ${share.overall.hires} hires say little)`,
      ...attribution.hires.map(
        (hire) =>
          `  ${hire.date}  ${nameOf(network, hire.personId).padEnd(16)} recorded ${hire.channel.padEnd(9)} ` +
          `chain the day before: ${hire.best === null ? 'none' : `${hire.best.people.map((id) => nameOf(network, id)).join(' → ')} (p = ${showNumber(hire.best.probability, 2)})`}`,
      ),
      '',
      'Try the commands on this data: warmpath demo --save seed.json, then e.g.',
      '  warmpath intro seed.json --from jacob --to job:it-sales-rep --as-of 2024-04-10',
    ],
  };
}

interface DemoFlags {
  readonly save?: string;
  readonly to?: NetworkFormat;
}

export function addDemo(program: Command): void {
  program
    .command('demo')
    .summary('the seed story end to end, on data built in')
    .description(
      'Runs the seed story ("The Power of Networking": three hires that came about through ' +
        'relationships) end to end on data built into warmpath: chains, connectors, referrals. ' +
        'With --save, writes the story’s network instead, to try the other commands on.',
    )
    .option('--save <path>', 'write the seed network to a file (.json) or folder (CSV) instead')
    .option('--to <format>', 'the format of --save (default: by its extension)', networkFormat)
    .addHelpText(
      'after',
      examples([
        ['warmpath demo', 'the story: chains, connectors, how the hires came about'],
        ['warmpath demo --save seed.json', 'the story’s network, to try the other commands on'],
      ]),
    )
    .action(
      action(async (context, flags: DemoFlags) => {
        const network = seedNetwork();
        if (flags.save !== undefined) {
          const written = await saveNetwork(network, flags.save, flags.to);
          context.print(writtenOutput(network, written));
          return;
        }
        context.print(await story(context, network));
      }),
    );
}

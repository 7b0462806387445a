/**
 * `warmpath intro`: warm-introduction chains from a candidate to a person, a job's hiring manager
 * or anyone at an organisation (`findIntroductions`).
 *
 * @module
 */
import type { Command } from 'commander';
import {
  findIntroductions,
  INTRODUCTION_DEFAULTS,
  type IntroductionHop,
  type IntroductionOptions,
  type IntroductionPath,
  type IntroductionResult,
  type IntroductionTarget,
  type Network,
} from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { NoResultError } from '../errors.js';
import { cellsOf, type Field, type Output, showNumber } from '../format.js';
import * as parse from '../parse.js';

/** The flags of a chain search. */
export interface ChainFlags {
  readonly from: string;
  readonly to: IntroductionTarget;
  readonly k?: number;
  readonly diversity?: IntroductionOptions['diversity'];
  readonly maxHops?: number;
  readonly minStrength?: number;
  readonly avoid?: readonly string[];
  readonly avoidOrg?: readonly string[];
  readonly asOf?: string;
  readonly askFirstWillingness?: number;
}

/** `Jacob Okafor`: a person's name, or the id when the network has no such person. */
export function nameOf(network: Network, personId: string): string {
  return network.person(personId)?.name ?? personId;
}

/** Whom the chains lead to, for people. */
function describeTarget(network: Network, to: IntroductionTarget): string {
  if (typeof to === 'string') return nameOf(network, to);
  if ('job' in to) {
    const job = network.requireJob(to.job);
    const organization = network.organization(job.organizationId)?.name ?? job.organizationId;
    return `${nameOf(network, job.hiringManagerId)} (hiring manager, ${job.title} at ${organization})`;
  }
  return `anyone at ${network.organization(to.organization)?.name ?? to.organization}`;
}

interface HopRow {
  readonly rank: number;
  readonly path: IntroductionPath;
  readonly index: number;
  readonly hop: IntroductionHop;
}

const HOP_FIELDS: readonly Field<HopRow>[] = [
  { label: 'chain', value: (r) => r.rank },
  { label: 'chain probability', value: (r) => r.path.probability },
  { label: 'band', value: (r) => r.path.band },
  { label: 'hop', value: (r) => r.index + 1 },
  { label: 'from', value: (r) => r.hop.from },
  { label: 'to', value: (r) => r.hop.to },
  { label: 'kinds', value: (r) => r.hop.kinds.join(';') },
  { label: 'strength', value: (r) => r.hop.strength },
  { label: 'willingness', value: (r) => r.hop.willingness },
  { label: 'probability', value: (r) => r.hop.probability },
  { label: 'reason', value: (r) => r.hop.reason },
];

/** The chains as text, JSON (the library's result), one chain per NDJSON line, one hop per CSV row. */
export function introOutput(
  network: Network,
  result: IntroductionResult,
  heading: string,
  indent = '',
): Output {
  const { paths } = result;
  return {
    json: () => result,
    records: () => paths.map((path, i) => ({ rank: i + 1, ...path })),
    csv: () =>
      cellsOf({
        fields: HOP_FIELDS,
        rows: paths.flatMap((path, i) =>
          path.hops.map((hop, index) => ({ rank: i + 1, path, index, hop })),
        ),
      }),
    text: () => [
      `${indent}${heading}`,
      ...paths.flatMap((path, i) => [
        `${indent}  ${i + 1}. ${path.people.map((id) => nameOf(network, id)).join(' → ')}   p = ${showNumber(path.probability, 2)} (${path.band})`,
        ...path.hops.map((hop) => `${indent}       ${hop.reason}`),
      ]),
      `${indent}  At least one of these works: p = ${showNumber(result.atLeastOne, 2)}`,
    ],
  };
}

/** The heading of a set of chains: who, to whom, when. */
export function introHeading(
  network: Network,
  from: string,
  to: IntroductionTarget,
  asOf: string | undefined,
): string {
  const when = asOf === undefined ? '' : `, as of ${asOf}`;
  return `${nameOf(network, from)} to ${describeTarget(network, to)}${when}:`;
}

export const TARGET_HELP =
  'a person id (or person:<id>), job:<id> for its hiring manager, org:<id> for anyone there';

/** The options of a chain search beyond --from and --to, shared by `intro` and `draw`. */
export function addChainOptions(command: Command): Command {
  return command
    .option(
      '--k <n>',
      `how many chains (default ${INTRODUCTION_DEFAULTS.k}, at most 20)`,
      parse.integer,
    )
    .option(
      '--diversity <how>',
      'none: the k likeliest; disjoint: no shared intermediary; penalty:<x>: a trade-off (default none)',
      parse.diversity,
    )
    .option(
      '--max-hops <n>',
      `at most this many hops per chain, or inf (default ${INTRODUCTION_DEFAULTS.maxHops})`,
      parse.integerOrInfinity,
    )
    .option('--min-strength <x>', 'never use ties weaker than this, in (0, 1]', parse.number)
    .option('--avoid <ids>', 'people never used as intermediaries (comma-separated)', parse.list)
    .option(
      '--avoid-org <ids>',
      'organisations whose staff are never intermediaries (comma-separated)',
      parse.list,
    )
    .option('--as-of <date>', 'the network as it stood on this date, e.g. 2024-04-10', parse.date)
    .option(
      '--ask-first-willingness <x>',
      `willingness of "ask-first" intermediaries (default ${INTRODUCTION_DEFAULTS.askFirstWillingness})`,
      parse.number,
    );
}

/** The library's options from the flags of a chain search. */
export function introductionOptions(flags: ChainFlags): IntroductionOptions {
  return {
    from: flags.from,
    to: flags.to,
    ...(flags.k === undefined ? {} : { k: flags.k }),
    ...(flags.diversity === undefined ? {} : { diversity: flags.diversity }),
    ...(flags.maxHops === undefined ? {} : { maxHops: flags.maxHops }),
    ...(flags.minStrength === undefined ? {} : { minStrength: flags.minStrength }),
    ...(flags.avoid === undefined ? {} : { avoid: flags.avoid }),
    ...(flags.avoidOrg === undefined ? {} : { avoidOrganizations: flags.avoidOrg }),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    ...(flags.askFirstWillingness === undefined
      ? {}
      : { askFirstWillingness: flags.askFirstWillingness }),
  };
}

/** The message when a search finds no chain (exit 1). */
export function noChain(network: Network, flags: ChainFlags): NoResultError {
  const hops = flags.maxHops ?? INTRODUCTION_DEFAULTS.maxHops;
  const within = Number.isFinite(hops) ? ` within ${hops} hop${hops === 1 ? '' : 's'}` : '';
  const heading = introHeading(network, flags.from, flags.to, flags.asOf).replace(/:$/, '');
  return new NoResultError(`no chain from ${heading}${within} under these options`);
}

/** A `<data>` argument that is a PostgreSQL connection string. */
const POSTGRES_URL = /^postgres(ql)?:\/\//;
/** Loaded only for a connection string, so the CLI runs without the optional `pg` installed. */
const POSTGRES_ENTRY = 'warmpath/postgres';

async function chainsInMemory(network: Network, options: IntroductionOptions) {
  return { network, result: findIntroductions(network, options) };
}

/** The chains from a network stored in PostgreSQL (warmpath/postgres), and the records they name. */
async function chainsOnPostgres(url: string, options: IntroductionOptions) {
  const postgres = (await import(POSTGRES_ENTRY)) as typeof import('../../postgres/index.js');
  const client = await postgres.connectPostgres(url);
  try {
    const stored = new postgres.PostgresNetwork(client);
    const result = await stored.findIntroductions(options);
    return { network: await stored.networkOf(result, options.to), result };
  } finally {
    await client.end();
  }
}

export function addIntro(program: Command): void {
  const command = program
    .command('intro')
    .summary('warm-introduction chains from a candidate to a person, job or organisation')
    .description(
      'Finds the likeliest chains of introductions from a candidate to a person, to the hiring ' +
        'manager of a job, or to anyone at an organisation; explains every hop and gives the ' +
        'probability that at least one chain works.',
    )
    .argument('<data>', DATA_HELP)
    .requiredOption('--from <person>', 'the candidate: a person id')
    .requiredOption('--to <target>', TARGET_HELP, parse.target);
  addChainOptions(command)
    .addHelpText(
      'after',
      examples([
        [
          'warmpath intro network.json --from jacob --to job:it-sales-rep --as-of 2024-04-10',
          "Jacob's chains to the hiring manager of a job, as the network stood on a date",
        ],
        [
          'warmpath intro network.json --from jacob --to org:keystone-construction --diversity disjoint',
          'to anyone at an organisation, no two chains sharing an intermediary',
        ],
        [
          'warmpath intro network.json --from michael --to laura --k 5 --avoid walt-harmon --format csv',
          'five chains to a person, never through Walt, one CSV row per hop',
        ],
        [
          'warmpath intro postgres://localhost/people --from jacob --to job:it-sales-rep',
          'on a network stored in PostgreSQL (warmpath/postgres; needs the pg package)',
        ],
      ]),
    )
    .action(
      action(async (context, flags: ChainFlags, data: string) => {
        const { network, result } = POSTGRES_URL.test(data)
          ? await chainsOnPostgres(data, introductionOptions(flags))
          : await chainsInMemory(await context.readData(data), introductionOptions(flags));
        const heading = introHeading(network, flags.from, flags.to, flags.asOf);
        if (result.paths.length === 0) {
          if (context.format !== 'table') context.print(introOutput(network, result, heading));
          throw noChain(network, flags);
        }
        context.print(introOutput(network, result, heading));
      }),
    );
}

/**
 * `warmpath connectors`: the people who connect the network, ranked by one measure
 * (`topConnectors`), or the brokers of the chains to open jobs (`introductionBrokers`).
 *
 * @module
 */
import type { Command } from 'commander';
import {
  type Broker,
  CONNECTOR_METRICS,
  type Connector,
  type ConnectorMetric,
  introductionBrokers,
  type Network,
  topConnectors,
} from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { type Context, withProgress } from '../context.js';
import { CliError, NoResultError } from '../errors.js';
import { alignTable, cellsOf, type Field, type Output, showNumber } from '../format.js';
import * as parse from '../parse.js';
import { nameOf } from './intro.js';

interface ConnectorFlags {
  readonly metric: ConnectorMetric;
  readonly top: number;
  readonly sample?: number;
  readonly seed?: number;
}

const DEFAULT_TOP = 10;

const CONNECTOR_FIELDS: readonly Field<Connector>[] = [
  { label: 'rank', value: (c) => c.rank },
  { label: 'person', value: (c) => c.personId },
  { label: 'name', value: (c) => c.name },
  { label: 'score', value: (c) => c.score },
  { label: 'ties', value: (c) => c.ties },
  { label: 'communities reached', value: (c) => c.communitiesReached },
];

function connectorOutput(metric: ConnectorMetric, connectors: readonly Connector[]): Output {
  const withReason: readonly Field<Connector>[] = [
    ...CONNECTOR_FIELDS,
    { label: 'reason', value: (c) => c.reason },
  ];
  return {
    json: () => ({ metric, connectors }),
    records: () => connectors,
    csv: () => cellsOf({ fields: withReason, rows: connectors }),
    text: () => [
      `Top ${connectors.length} by ${parse.kebab(metric)}${metric === 'constraint' ? ' (lowest first: the most brokerage)' : ''}:`,
      ...alignTable({ fields: CONNECTOR_FIELDS, rows: connectors }, '  '),
    ],
  };
}

interface RankedBroker extends Broker {
  readonly rank: number;
  readonly name: string;
}

function brokerOutput(network: Network, brokers: readonly RankedBroker[]): Output {
  const fields: readonly Field<RankedBroker>[] = [
    { label: 'rank', value: (b) => b.rank },
    { label: 'person', value: (b) => b.personId },
    { label: 'name', value: (b) => b.name },
    { label: 'score', value: (b) => b.score, show: (b) => showNumber(b.score, 2) },
    { label: 'chains', value: (b) => b.chains },
    { label: 'jobs', value: (b) => b.jobs.join(';') },
  ];
  const titled: readonly Field<RankedBroker>[] = fields.map((field) =>
    field.label === 'jobs'
      ? {
          label: 'jobs',
          value: field.value,
          show: (b) => b.jobs.map((id) => network.job(id)?.title ?? id).join(', '),
        }
      : field,
  );
  return {
    json: () => ({ metric: 'brokers', brokers }),
    records: () => brokers,
    csv: () => cellsOf({ fields, rows: brokers }),
    text: () => [
      'Brokers: who sits on the likeliest chains from everyone to the hiring managers of open jobs',
      '(score: chains’ worth, the sum over candidate–job pairs of their share of the likeliest chains)',
      ...alignTable({ fields: titled, rows: brokers }, '  '),
    ],
  };
}

async function brokers(context: Context, network: Network, top: number): Promise<Output> {
  const found = await withProgress(context, 'brokers', (onProgress) =>
    introductionBrokers(network, { limit: top, onProgress }),
  );
  return brokerOutput(
    network,
    found.map((broker, i) => ({ rank: i + 1, name: nameOf(network, broker.personId), ...broker })),
  );
}

export function addConnectors(program: Command): void {
  program
    .command('connectors')
    .summary('who connects the network: betweenness, brokers, PageRank, constraint, ...')
    .description(
      'Ranks people by a connector measure, each with the ties they have and the communities ' +
        'those ties reach. `brokers` counts the likeliest chains from everyone to the hiring ' +
        'managers of open jobs; `constraint` ranks the lowest (the most brokerage) first.',
    )
    .argument('<data>', DATA_HELP)
    .option(
      '--metric <name>',
      `one of ${CONNECTOR_METRICS.map(parse.kebab).join(', ')}`,
      parse.oneOf(CONNECTOR_METRICS, 'metric'),
      'betweenness',
    )
    .option('--top <n>', `how many people (default ${DEFAULT_TOP})`, parse.integer, DEFAULT_TOP)
    .option(
      '--sample <n>',
      'betweenness only: estimate from this many sampled sources (for large networks)',
      parse.integer,
    )
    .option('--seed <n>', 'seed of the sample and of the communities (default 1)', parse.integer)
    .addHelpText(
      'after',
      examples([
        ['warmpath connectors network.json', 'the ten people with the highest betweenness'],
        [
          'warmpath connectors network.json --metric brokers --top 5',
          'who sits on the chains to open jobs',
        ],
        [
          'warmpath connectors big.json --metric betweenness --sample 1000 --seed 1',
          'betweenness estimated from 1,000 sampled sources',
        ],
        [
          'warmpath connectors network.json --metric effective-size --format csv',
          "Burt's effective size, as CSV",
        ],
      ]),
    )
    .action(
      action(async (context, flags: ConnectorFlags, data: string) => {
        if (flags.sample !== undefined && flags.metric !== 'betweenness') {
          throw new CliError('--sample applies to --metric betweenness only');
        }
        const network = await context.readData(data);
        let output: Output;
        let found: number;
        if (flags.metric === 'brokers') {
          output = await brokers(context, network, flags.top);
          found = (output.records() as readonly unknown[]).length;
        } else {
          const connectors = await withProgress(context, parse.kebab(flags.metric), (onProgress) =>
            topConnectors(network, {
              metric: flags.metric,
              n: flags.top,
              onProgress,
              ...(flags.sample === undefined ? {} : { sample: flags.sample }),
              ...(flags.seed === undefined ? {} : { seed: flags.seed }),
            }),
          );
          output = connectorOutput(flags.metric, connectors);
          found = connectors.length;
        }
        if (found === 0) {
          if (context.format !== 'table') context.print(output);
          throw new NoResultError(`nobody scores on ${parse.kebab(flags.metric)} in this network`);
        }
        context.print(output);
      }),
    );
}

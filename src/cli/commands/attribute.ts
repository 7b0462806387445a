/**
 * `warmpath attribute`: for every hire, was there a warm chain to the hiring manager or the
 * organisation the day before, and does that agree with the recorded channel (`attributeHires`)?
 *
 * @module
 */
import type { Command } from 'commander';
import {
  ATTRIBUTION_DEFAULTS,
  type AttributionOptions,
  attributeHires,
  type Exportable,
  type HireAttribution,
  type HireAttributions,
  type Network,
} from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { NoResultError } from '../errors.js';
import { alignTable, type Field, type Output, percent, showNumber } from '../format.js';
import * as parse from '../parse.js';
import { nameOf } from './intro.js';

interface AttributeFlags {
  readonly maxHops?: number;
  readonly minProbability?: number;
}

function attributionOutput(network: Network, result: HireAttributions & Exportable): Output {
  const name = (id: string | null): string => (id === null ? '-' : nameOf(network, id));
  const fields: readonly Field<HireAttribution>[] = [
    { label: 'date', value: (r) => r.date },
    { label: 'hired', value: (r) => name(r.personId) },
    { label: 'job', value: (r) => network.job(r.jobId)?.title ?? r.jobId },
    { label: 'recorded', value: (r) => r.channel },
    { label: 'referrer', value: (r) => name(r.referrerId) },
    {
      label: 'likeliest chain the day before',
      value: (r) => (r.best === null ? null : r.best.people.map(name).join(' → ')),
      show: (r) =>
        r.best === null
          ? 'none'
          : `${r.best.people.map(name).join(' → ')} (p = ${showNumber(r.best.probability, 2)})`,
    },
    { label: 'disagreement', value: (r) => r.disagreement },
  ];
  const s = result.summary;
  return {
    json: () => result.toJSON(),
    records: () => result.hires,
    csv: () => result.toCSV(),
    text: () => [
      'Hires and the network the day before each:',
      ...alignTable({ fields, rows: result.hires }, '  '),
      '',
      `  Recorded as referrals: ${s.recordedReferrals} of ${s.hires} (${percent(s.recordedReferralShare)}); ` +
        `reachable through a warm chain: ${s.reachable} of ${s.hires} (${percent(s.reachableShare)}).`,
      `  Disagreements: ${s.referralWithoutChain} referral(s) without a chain, ` +
        `${s.chainWithoutReferral} hire(s) recorded otherwise that a chain could explain.`,
      `  Chains of at most ${result.maxHops} hops; reachable at probability ≥ ${result.minProbability}.`,
    ],
  };
}

export function addAttribute(program: Command): void {
  program
    .command('attribute')
    .summary('which hires a warm chain could explain, against the recorded channel')
    .description(
      'For every hire: the likeliest warm chain from the person hired to the hiring manager or ' +
        'to anyone at the organisation, in the network as it stood the day before; lists where ' +
        'that disagrees with the recorded channel.',
    )
    .argument('<data>', DATA_HELP)
    .option(
      '--max-hops <n>',
      `at most this many hops per chain, or inf (default ${ATTRIBUTION_DEFAULTS.maxHops})`,
      parse.integerOrInfinity,
    )
    .option(
      '--min-probability <x>',
      `a chain counts when at least this likely (default ${ATTRIBUTION_DEFAULTS.minProbability})`,
      parse.number,
    )
    .addHelpText(
      'after',
      examples([
        ['warmpath attribute network.json', 'every hire, its chain and the recorded channel'],
        [
          'warmpath attribute network.json --min-probability 0.2 --format csv',
          'count only chains at least 20% likely, as CSV',
        ],
      ]),
    )
    .action(
      action(async (context, flags: AttributeFlags, data: string) => {
        const network = await context.readData(data);
        const options: AttributionOptions = {
          ...(flags.maxHops === undefined ? {} : { maxHops: flags.maxHops }),
          ...(flags.minProbability === undefined ? {} : { minProbability: flags.minProbability }),
        };
        const result = attributeHires(network, options);
        if (result.hires.length === 0) {
          if (context.format !== 'table') context.print(attributionOutput(network, result));
          throw new NoResultError('the network records no hires');
        }
        context.print(attributionOutput(network, result));
      }),
    );
}

/**
 * `warmpath referrals`: the share of hires that came through referrals, overall and by group,
 * with confidence intervals (`referralShare`).
 *
 * @module
 */
import { type Command, InvalidArgumentError } from 'commander';
import {
  type GroupBy,
  type GroupKey,
  type Hire,
  INTERVAL_DEFAULTS,
  INTERVAL_METHODS,
  type IntervalMethod,
  REFERRAL_PERIODS,
  type ReferralShare,
  type ReferralShareOptions,
  referralShare,
  type ShareGroup,
  UNKNOWN_CHANNEL_POLICIES,
  type UnknownChannelPolicy,
} from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { NoResultError } from '../errors.js';
import { alignTable, type Field, type Output, percent } from '../format.js';
import * as parse from '../parse.js';

interface ReferralFlags {
  readonly by?: GroupBy<Hire>;
  readonly level?: number;
  readonly method?: IntervalMethod;
  readonly unknown?: UnknownChannelPolicy;
  readonly compare?: readonly (readonly [GroupKey, GroupKey])[];
}

/** `--by`: organization, job, period[:year|quarter|month] (year alone), or attribute:<name>. */
function groupBy(text: string): GroupBy<Hire> {
  if (text === 'organization' || text === 'organisation' || text === 'org') return 'organization';
  if (text === 'job') return 'job';
  const period =
    /^(?:period:)?(year|quarter|month)$/.exec(text)?.[1] ??
    (text === 'period' ? 'year' : undefined);
  if (period !== undefined) return { period: period as (typeof REFERRAL_PERIODS)[number] };
  const attribute = /^attribute:(.+)$/.exec(text)?.[1];
  if (attribute !== undefined) return { attribute };
  throw new InvalidArgumentError(
    `must be organization, job, period (${REFERRAL_PERIODS.join(', ')}: e.g. period:quarter) or attribute:<name>.`,
  );
}

/** `--compare a,b`: the difference between two groups' shares; repeatable. */
function comparison(
  text: string,
  previous: readonly (readonly [GroupKey, GroupKey])[] = [],
): (readonly [GroupKey, GroupKey])[] {
  const keys = text.split(',');
  if (keys.length !== 2 || keys.some((key) => key === '')) {
    throw new InvalidArgumentError('must be two group keys separated by a comma, e.g. 2024,2023.');
  }
  return [...previous, [keys[0] as string, keys[1] as string]];
}

const GROUP_FIELDS: readonly Field<ShareGroup>[] = [
  { label: 'group', value: (g) => g.key },
  { label: 'label', value: (g) => g.label },
  { label: 'referrals', value: (g) => g.referrals },
  { label: 'hires', value: (g) => g.hires },
  { label: 'unknown channel', value: (g) => g.unknown },
  {
    label: 'share',
    value: (g) => g.interval?.estimate,
    show: (g) => percent(g.interval?.estimate),
  },
  { label: 'lower', value: (g) => g.interval?.lower, show: (g) => percent(g.interval?.lower) },
  { label: 'upper', value: (g) => g.interval?.upper, show: (g) => percent(g.interval?.upper) },
];

function shareOutput(share: ReferralShare): Output {
  const level = `${+(100 * share.level).toFixed(4)}%`;
  const grouped = share.by !== 'all';
  const rows = grouped ? [...share.groups, share.overall] : share.groups;
  return {
    json: () => share.toJSON(),
    records: () => share.groups,
    csv: () => share.toCSV(),
    text: () => [
      `Referral share of hires${grouped ? ` by ${share.by}` : ''} (${share.method} ${level} intervals):`,
      ...alignTable({ fields: GROUP_FIELDS, rows }, '  '),
      ...(share.overall.unknown === 0
        ? []
        : [
            share.unknown === 'exclude'
              ? `  ${share.overall.unknown} hire(s) with an unknown channel are left out of the denominators.`
              : `  ${share.overall.unknown} hire(s) with an unknown channel are counted as not referred.`,
          ]),
      ...share.comparisons.map(({ a, b, difference }) =>
        difference === null
          ? `  ${a} − ${b}: not computed (a group has no hires)`
          : `  ${a} − ${b}: ${percent(difference.estimate)} (${percent(difference.lower)} to ${percent(difference.upper)}, Newcombe)`,
      ),
    ],
  };
}

export function addReferrals(program: Command): void {
  program
    .command('referrals')
    .summary('the share of hires that came through referrals, with confidence intervals')
    .description(
      'The share of hires recorded as referrals, overall and by organisation, job, period or ' +
        'attribute, each with a confidence interval (Wilson by default). Hires with an unknown ' +
        'channel are left out of the denominators unless --unknown as-not-referral.',
    )
    .argument('<data>', DATA_HELP)
    .option(
      '--by <group>',
      'organization, job, period[:year|quarter|month] or attribute:<name> (default: not grouped)',
      groupBy,
    )
    .option(
      '--level <x>',
      `confidence level of the intervals (default ${INTERVAL_DEFAULTS.level})`,
      parse.number,
    )
    .option(
      '--method <name>',
      `interval method: ${INTERVAL_METHODS.join(', ')} (default ${INTERVAL_DEFAULTS.method})`,
      parse.oneOf(INTERVAL_METHODS, 'interval method'),
    )
    .option(
      '--unknown <policy>',
      `hires with an unknown channel: ${UNKNOWN_CHANNEL_POLICIES.join(', ')} (default exclude)`,
      parse.oneOf(UNKNOWN_CHANNEL_POLICIES, 'policy'),
    )
    .option(
      '--compare <a,b>',
      'the difference between two groups (Newcombe interval); repeatable',
      comparison,
    )
    .addHelpText(
      'after',
      examples([
        ['warmpath referrals network.json', 'the overall referral share with its 95% interval'],
        [
          'warmpath referrals network.json --by organization --level 0.9',
          'by organisation, 90% intervals',
        ],
        [
          'warmpath referrals hires.json --by period:quarter --compare 2024-Q2,2024-Q1 --format csv',
          'by quarter, comparing two quarters, as CSV',
        ],
      ]),
    )
    .action(
      action(async (context, flags: ReferralFlags, data: string) => {
        const network = await context.readData(data);
        const options: ReferralShareOptions = {
          ...(flags.by === undefined ? {} : { by: flags.by }),
          ...(flags.level === undefined ? {} : { level: flags.level }),
          ...(flags.method === undefined ? {} : { method: flags.method }),
          ...(flags.unknown === undefined ? {} : { unknown: flags.unknown }),
          ...(flags.compare === undefined ? {} : { compare: flags.compare }),
        };
        const share = referralShare(network, options);
        if (network.hires.length === 0) {
          if (context.format !== 'table') context.print(shareOutput(share));
          throw new NoResultError('the network records no hires');
        }
        context.print(shareOutput(share));
      }),
    );
}

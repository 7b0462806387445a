/**
 * `warmpath simulate`: a seeded hiring market (`generateMarket`, `simulateHiring`): how many
 * hires come through referrals under stated assumptions.
 *
 * @module
 */
import type { Command } from 'commander';
import {
  createNetwork,
  generateMarket,
  type MarketOptions,
  type Network,
  type NetworkFormat,
  SIMULATION_DEFAULTS,
  type SimulationOptions,
  type SimulationResult,
  type StepRecord,
  simulateHiring,
} from '../../index.js';
import { action, examples } from '../command.js';
import { CliError } from '../errors.js';
import { alignTable, type Field, labelled, type Output, percent, showNumber } from '../format.js';
import * as parse from '../parse.js';
import { networkFormat, saveNetwork } from './convert.js';

interface SimulateFlags {
  readonly people?: number;
  readonly organizations?: number;
  readonly seed: number;
  readonly jobs?: number;
  readonly steps?: number;
  readonly postingReach?: number;
  readonly referralPropensity?: number;
  readonly managerPreference?: number;
  readonly interviews?: number;
  readonly start?: string;
  readonly stepDays?: number;
  readonly out?: string;
  readonly to?: NetworkFormat;
}

const DEFAULT_PEOPLE = 10_000;

const STEP_FIELDS: readonly Field<StepRecord>[] = [
  { label: 'round', value: (s) => s.step },
  { label: 'date', value: (s) => s.date },
  { label: 'open jobs', value: (s) => s.openJobs },
  { label: 'applications', value: (s) => s.applications },
  { label: 'referred', value: (s) => s.referralApplications },
  { label: 'hires', value: (s) => s.hires },
  { label: 'by referral', value: (s) => s.referralHires },
  { label: 'vacancies opened', value: (s) => s.vacanciesOpened },
];

interface Run {
  /** Where the network came from: a file, or the market's options. */
  readonly market: { readonly data: string } | MarketOptions;
  readonly people: number;
  readonly organizations: number;
  readonly result: SimulationResult & { toCSV(): string };
}

function simulationOutput(run: Run): Output {
  const { result } = run;
  const s = result.summary;
  const source =
    'data' in run.market
      ? `the network in ${run.market.data}`
      : `a generated market of ${run.people.toLocaleString('en-US')} people in ${run.organizations} organisations`;
  const json = { market: run.market, options: result.options, summary: s, steps: result.steps };
  return {
    json: () => json,
    records: () => result.steps,
    csv: () => result.toCSV(),
    text: () => [
      `Simulated hiring on ${source}, seed ${result.options.seed}:`,
      ...labelled(
        [
          [
            'hires',
            `${s.hires}, ${s.hiresByChannel.referral} by referral (${percent(s.referralShare)})`,
          ],
          [
            'applications',
            `${s.applications}, ${s.applicationsByChannel.referral} referred (${percent(s.referralApplicationShare)})`,
          ],
          [
            'jobs',
            `${s.initialJobs} open at the start, ${s.vacancies} vacancies behind employed hires; ` +
              `${s.jobsFilled} filled, ${s.jobsOpen} still open`,
          ],
          [
            'vacancy chains',
            `${s.vacancyChains.count}, mean length ${s.vacancyChains.meanLength === null ? '-' : showNumber(s.vacancyChains.meanLength, 2)}, longest ${s.vacancyChains.maxLength}`,
          ],
        ],
        '  ',
      ),
      '',
      '  Round by round:',
      ...alignTable({ fields: STEP_FIELDS, rows: result.steps }, '  '),
      '',
      '  Simulated data: what the model produces under these assumptions, not observations.',
    ],
  };
}

function simulationOptions(flags: SimulateFlags): SimulationOptions {
  return {
    seed: flags.seed,
    ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
    ...(flags.steps === undefined ? {} : { steps: flags.steps }),
    ...(flags.postingReach === undefined ? {} : { postingReach: flags.postingReach }),
    ...(flags.referralPropensity === undefined
      ? {}
      : { referralPropensity: flags.referralPropensity }),
    ...(flags.managerPreference === undefined
      ? {}
      : { managerPreference: flags.managerPreference }),
    ...(flags.interviews === undefined ? {} : { interviews: flags.interviews }),
    ...(flags.start === undefined ? {} : { start: flags.start }),
    ...(flags.stepDays === undefined ? {} : { stepDays: flags.stepDays }),
  };
}

export function addSimulate(program: Command): void {
  const d = SIMULATION_DEFAULTS;
  program
    .command('simulate')
    .summary('a seeded hiring market: how many hires come through referrals')
    .description(
      'Generates a labour market (or takes <data>) and simulates hiring on it, round by round: ' +
        'employees refer people they know, others answer postings, managers prefer referrals, ' +
        'and each hire of an employed person opens a vacancy behind them. Seeded: the same ' +
        'options give the same result.',
    )
    .argument('[data]', 'simulate on this network instead of a generated market (- for stdin)')
    .option(
      '--people <n>',
      `people in the generated market (default ${DEFAULT_PEOPLE})`,
      parse.integer,
    )
    .option('--organizations <n>', 'organisations in it (default people / 40)', parse.integer)
    .option('--seed <n>', 'seed of the market and of the run (default 1)', parse.integer, 1)
    .option('--jobs <n>', `jobs opened at the start (default ${d.jobs})`, parse.integer)
    .option('--steps <n>', `rounds (default ${d.steps})`, parse.integer)
    .option(
      '--posting-reach <x>',
      `chance a seeker sees a posting, per job and round (default ${d.postingReach})`,
      parse.number,
    )
    .option(
      '--referral-propensity <x>',
      `chance per unit of tie strength that an employee refers (default ${d.referralPropensity})`,
      parse.number,
    )
    .option(
      '--manager-preference <x>',
      `odds multiplier of a referred applicant (default ${d.managerPreference})`,
      parse.number,
    )
    .option(
      '--interviews <n>',
      `applicants interviewed per hire (default ${d.interviews})`,
      parse.integer,
    )
    .option(
      '--start <date>',
      'date of the first round (default: after the latest date)',
      parse.date,
    )
    .option('--step-days <n>', `days between rounds (default ${d.stepDays})`, parse.integer)
    .option('--out <path>', 'also write the network after the run (.json, or a folder for CSV)')
    .option('--to <format>', 'the format of --out (default: by its extension)', networkFormat)
    .addHelpText(
      'after',
      examples([
        [
          'warmpath simulate --people 10000 --seed 1',
          'a market of 10,000 people, 20 jobs, 12 rounds',
        ],
        [
          'warmpath simulate --people 2000 --manager-preference 1 --format csv',
          'no preference for referrals, the rounds as CSV',
        ],
        [
          'warmpath simulate network.json --jobs 5 --out after.json',
          'simulate on your own network and keep the result',
        ],
      ]),
    )
    .action(
      action(async (context, flags: SimulateFlags, data: string | undefined) => {
        if (
          data !== undefined &&
          (flags.people !== undefined || flags.organizations !== undefined)
        ) {
          throw new CliError(
            '--people and --organizations describe a generated market: not with <data>',
          );
        }
        if (flags.to !== undefined && flags.out === undefined) {
          throw new CliError('--to is the format of --out: give --out too');
        }
        let network: Network;
        let market: Run['market'];
        if (data === undefined) {
          market = {
            people: flags.people ?? DEFAULT_PEOPLE,
            seed: flags.seed,
            ...(flags.organizations === undefined ? {} : { organizations: flags.organizations }),
          };
          network = createNetwork(generateMarket(market));
        } else {
          market = { data };
          network = await context.readData(data);
        }
        const result = simulateHiring(network, simulationOptions(flags));
        if (flags.out !== undefined) {
          const written = await saveNetwork(createNetwork(result.dataset), flags.out, flags.to);
          context.note(`wrote ${written.path} (${written.format})`);
        }
        context.print(
          simulationOutput({
            market,
            people: network.people.length,
            organizations: network.organizations.length,
            result,
          }),
        );
      }),
    );
}

/**
 * What referral share does a labour market produce, and how sure can we be of it?
 *
 *   npm run example -- simulated-market [--people <count>] [--seed <integer>]
 *
 * generateMarket builds a seeded synthetic market (people at organisations of heavy-tailed sizes,
 * managers, colleague, friend and acquaintance ties, job seekers); simulateHiring runs a year of
 * hiring on it, one round a quarter; referralShare measures the share of hires that came through
 * a referral, with confidence intervals. The same options and seed give the same output.
 * See docs/referrals.md for the model's assumptions and what the "70% of jobs" claim rests on.
 */
import { parseArgs } from 'node:util';
import {
  createNetwork,
  differenceInterval,
  generateMarket,
  INTERVAL_METHODS,
  type ProportionInterval,
  referralShare,
  simulateHiring,
} from 'warmpath';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
  },
});
const seed = Number(args.seed);

// Four rounds 91 days apart: one per quarter of 2025. Postings reach few seekers and managers
// favour a referred applicant at 3:1 odds, so referrals matter; vacancies left by people hired
// away from a job reopen in the next round (vacancy chains).
const HIRING = {
  jobs: 80,
  steps: 4,
  stepDays: 91,
  start: '2025-01-01',
  postingReach: 0.002,
  referralPropensity: 0.05,
  managerPreference: 3,
  seed,
} as const;

// The options are printed as JSON, so a run can be reproduced exactly.
const MARKET = { people: Number(args.people), seed };
const market = createNetwork(generateMarket(MARKET));
console.log(`generateMarket(${JSON.stringify(MARKET)})`);
console.log(
  `  ${market.people.length} people, ${market.organizations.length} organisations, ${market.relationships.length} relationships`,
);

const run = simulateHiring(market, HIRING);
const s = run.summary;
console.log(`simulateHiring(market, ${JSON.stringify(HIRING)})`);
console.log(
  `  ${s.hires} hires (${s.hiresByChannel.referral} by referral) from ${s.applications} applications (${s.applicationsByChannel.referral} referred)`,
);

// The run's dataset has the hires and applications in warmpath's schema: every referral measure
// runs on it as on real records.
const after = createNetwork(run.dataset);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const range = (i: ProportionInterval | null): string =>
  i === null ? 'no hires' : `${pct(i.estimate)} [${pct(i.lower)}, ${pct(i.upper)}]`;

// The three interval methods on the same counts: Wilson (the default) for good coverage at any
// size, Clopper-Pearson exact and so conservative (widest), Jeffreys the Bayesian one.
console.log('');
console.log('Referral share of hires, 95% intervals:');
for (const method of INTERVAL_METHODS) {
  const { overall } = referralShare(after, { method });
  console.log(
    `  ${method.padEnd(15)} ${overall.referrals} of ${overall.hires}: ${range(overall.interval)}`,
  );
}

// By quarter: as the market drains, fewer hires per quarter and wider intervals. The first and
// last quarters are compared with Newcombe's interval for a difference of two proportions: if it
// spans 0, the data do not show that the share changed.
const quarters = referralShare(after, { by: { period: 'quarter' } }).groups;
console.log('');
console.log('By quarter (Wilson):');
for (const group of quarters)
  console.log(`  ${group.label}  ${group.referrals} of ${group.hires}: ${range(group.interval)}`);
const first = quarters[0];
const last = quarters.at(-1);
if (first && last && first !== last && first.hires > 0 && last.hires > 0) {
  const asProportion = (g: typeof first) => ({ successes: g.referrals, trials: g.hires });
  const d = differenceInterval(asProportion(first), asProportion(last));
  console.log(
    `  ${first.label} − ${last.label}: ${pct(d.estimate)} [${pct(d.lower)}, ${pct(d.upper)}] (Newcombe)`,
  );
}

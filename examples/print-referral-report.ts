/**
 * How many hires came through referrals?
 *
 *   npm run example -- referral-report [--out <dir>]
 *
 * Prints the seed story's referral report as Markdown: the referral share with Wilson intervals
 * (overall and by organisation), the referral funnel, the ties referrals ran over, attribution
 * (recorded referrals beside the hires a warm chain could explain), referral and vacancy chains,
 * and the requirements hires lacked. With `--out <dir>` it also writes the report and its SVG
 * charts there.
 *
 * The report is built by examples/referral-report.ts, the code behind `npm run report` (which
 * also writes the report on a simulated market of 10,000 people to examples/reports/); this
 * script only prints it. See docs/referrals.md for the measures.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedStoryReport, writeReport } from './referral-report.js';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });

// The seed story has three hires: the report opens with a caution that its intervals are wide.
const report = await seedStoryReport();
console.log(report.markdown);

if (args.out !== undefined) {
  // npm runs scripts from the package root; INIT_CWD is where `npm run` was typed.
  const dir = resolve(process.env['INIT_CWD'] ?? process.cwd(), args.out);
  for (const path of writeReport(report, dir)) process.stderr.write(`wrote ${path}\n`);
}

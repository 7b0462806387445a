/**
 * `npm run example -- <name> [options]`: runs one example script, each answering one question an
 * analyst asks, on data shipped in this repository. With no name or an unknown one, lists the
 * examples and exits with status 2.
 *
 * The script is imported (not spawned) with `process.argv` set as if it had been run directly, so
 * `npx tsx examples/<file> [options]` does the same thing. An error it throws is printed without
 * a stack trace (warmpath's errors say what is wrong and where) and exits with status 1.
 */
import { fileURLToPath } from 'node:url';

/** The examples: the name to run, the script that answers it, and the question. */
const EXAMPLES: Readonly<Record<string, { readonly file: string; readonly question: string }>> = {
  'find-introductions': {
    file: 'find-introductions.ts',
    question: "Who can introduce a candidate to a job's hiring manager, or to anyone at a company?",
  },
  'rank-connectors': {
    file: 'rank-connectors.ts',
    question: 'Who are the connectors: who bridges groups, who sits on the chains to open jobs?',
  },
  'referral-report': {
    file: 'print-referral-report.ts',
    question: 'How many hires came through referrals? (the seed story report, as Markdown)',
  },
  'my-linkedin-network': {
    file: 'my-linkedin-network.ts',
    question: 'Whom do I know where, and what are my chances into a company? (LinkedIn export)',
  },
  'simulated-market': {
    file: 'simulated-market.ts',
    question: 'What referral share does a simulated labour market produce, and how sure is it?',
  },
  'draw-seed-story': {
    file: 'draw-seed-story.ts',
    question: 'What do the chains look like? (writes the SVG pictures in docs/img/)',
  },
};

const [name, ...args] = process.argv.slice(2);
// Own keys only: `toString` or `__proto__` is not an example.
const example = name !== undefined && Object.hasOwn(EXAMPLES, name) ? EXAMPLES[name] : undefined;

if (example === undefined) {
  const width = Math.max(...Object.keys(EXAMPLES).map((key) => key.length));
  const lines = [
    name === undefined ? 'Which example?' : `Unknown example "${name}".`,
    'Usage: npm run example -- <name> [options]',
    '',
    ...Object.entries(EXAMPLES).map(([key, { question }]) => `  ${key.padEnd(width)}  ${question}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

// `npm run example -- <name> | head` closes the pipe early: stop quietly, as other commands do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const script = new URL(`./${example.file}`, import.meta.url);
process.argv = [process.argv[0] ?? 'node', fileURLToPath(script), ...args];
try {
  await import(script.href);
} catch (error) {
  process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

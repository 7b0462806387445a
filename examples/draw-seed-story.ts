/**
 * `npx tsx examples/draw-seed-story.ts [out-dir]`: pictures of the seed story (examples/seed-story/
 * network.json), as SVG files drawn by Graphviz (in process, through @viz-js/viz), by default in
 * docs/img/:
 * - `seed-story-chains.svg`: the chains from Jacob to Greg Hollis, hiring manager of Michael's old
 *   job, as the network stood on 2024-04-10 (after the job opened, before Jacob was hired);
 * - `michael-to-laura.svg`: the chains from Michael to Laura, as of 2024-03-15;
 * - `michael-neighborhood.svg`: everyone within two ties of Michael, ties of strength 0.3 or more.
 *
 * The questions are the demo's (`CHAIN_QUESTIONS` in examples/seed-story.ts). The output is
 * deterministic: the same data gives the same bytes.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  findIntroductions,
  type IntroductionResult,
  type Network,
  neighborhood,
  renderSvg,
  toDot,
} from 'warmpath';
import { CHAIN_QUESTIONS, loadSeedNetwork } from './seed-story.js';

/** Where the pictures go unless told otherwise. */
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../docs/img/', import.meta.url));

/** The neighbourhood drawn around Michael: two ties out, ties of strength 0.3 or more. */
export const NEIGHBORHOOD = { personId: 'michael', hops: 2, minStrength: 0.3 } as const;

/** One of the demo's chain questions, answered. */
function answer(network: Network, from: string, job: string): IntroductionResult {
  const question = CHAIN_QUESTIONS.find(
    (q) => q.from === from && q.job === job && q.diversity === 'none',
  );
  if (question === undefined) throw new Error(`no demo question from ${from} to ${job}`);
  return findIntroductions(network, {
    from,
    to: { job },
    k: question.k,
    ...(question.asOf === undefined ? {} : { asOf: question.asOf }),
  });
}

/** The pictures as DOT sources, by file name (without extension). */
export function seedStoryDiagrams(network: Network): Readonly<Record<string, string>> {
  const around = neighborhood(network, NEIGHBORHOOD.personId, {
    hops: NEIGHBORHOOD.hops,
    minStrength: NEIGHBORHOOD.minStrength,
  });
  return {
    'seed-story-chains': toDot(answer(network, 'jacob', 'it-sales-rep'), { network }),
    'michael-to-laura': toDot(answer(network, 'michael', 'harbor-sales-executive'), { network }),
    'michael-neighborhood': toDot(around),
  };
}

/**
 * Draws every picture and writes it as `<name>.svg` in `outDir`.
 * @returns The files written.
 */
export async function drawSeedStory(
  outDir: string = DEFAULT_OUT_DIR,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, dot] of Object.entries(seedStoryDiagrams(loadSeedNetwork()))) {
    const file = join(outDir, `${name}.svg`);
    writeFileSync(file, await renderSvg(dot));
    log(`wrote ${relative(process.cwd(), file) || file}`);
    written.push(file);
  }
  return written;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) await drawSeedStory(process.argv[2]);

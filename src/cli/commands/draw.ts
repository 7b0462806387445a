/**
 * `warmpath draw`: a picture of the chains from a candidate to a target, or of the people around
 * one person (`toDot`, `toMermaid`, `renderSvg`, `renderPng`, `neighborhood`), as SVG, PNG, DOT
 * or Mermaid by the extension of `--out`.
 *
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import {
  type DiagramOptions,
  type DiagramSubject,
  findIntroductions,
  MAX_PNG_WIDTH,
  NEIGHBORHOOD_DEFAULTS,
  type Network,
  neighborhood,
  renderPng,
  renderSvg,
  toDot,
  toMermaid,
} from '../../index.js';
import { action, DATA_HELP, examples } from '../command.js';
import { CliError } from '../errors.js';
import { labelled, type Output } from '../format.js';
import * as parse from '../parse.js';
import {
  addChainOptions,
  type ChainFlags,
  introductionOptions,
  introHeading,
  nameOf,
  noChain,
  TARGET_HELP,
} from './intro.js';

/** What a picture is written as, by the extension of its file. */
const KINDS = {
  '.svg': 'svg',
  '.png': 'png',
  '.dot': 'dot',
  '.gv': 'dot',
  '.mmd': 'mermaid',
  '.mermaid': 'mermaid',
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

function kindOf(path: string): Kind {
  const kind = KINDS[extname(path).toLowerCase() as keyof typeof KINDS];
  if (kind === undefined) {
    throw new CliError(
      `cannot tell what to draw ${JSON.stringify(path)} as: name it ${Object.keys(KINDS)
        .map((extension) => `*${extension}`)
        .join(', ')}`,
    );
  }
  return kind;
}

/** The picture's bytes or text. */
async function picture(
  subject: DiagramSubject,
  kind: Kind,
  options: DiagramOptions,
  width: number | undefined,
): Promise<string | Uint8Array> {
  if (kind === 'mermaid') return toMermaid(subject, options);
  const dot = toDot(subject, options);
  if (kind === 'dot') return dot;
  const svg = await renderSvg(dot);
  return kind === 'svg' ? svg : renderPng(svg, width === undefined ? {} : { width });
}

interface DrawFlags extends Partial<ChainFlags> {
  readonly around?: string;
  readonly hops?: number;
  readonly out: string;
  readonly title?: string;
  readonly width?: number;
}

/** What was drawn, for the command's output. */
interface Drawn {
  readonly path: string;
  readonly kind: Kind;
  readonly subject: 'chains' | 'neighborhood';
  readonly description: string;
  readonly people: number;
  /** Chains drawn, or ties in the neighbourhood. */
  readonly chains?: number;
  readonly ties?: number;
}

function drawnOutput(drawn: Drawn): Output {
  return {
    json: () => drawn,
    records: () => [drawn],
    csv: () => ({ header: Object.keys(drawn), rows: [Object.values(drawn)] }),
    text: () => [
      `Wrote ${drawn.path} (${drawn.kind}): ${drawn.description}`,
      ...labelled(
        [
          ['people', String(drawn.people)],
          drawn.chains === undefined
            ? ['ties', String(drawn.ties)]
            : ['chains', String(drawn.chains)],
        ],
        '  ',
      ),
    ],
  };
}

const CHAIN_ONLY = [
  'k',
  'diversity',
  'maxHops',
  'avoid',
  'avoidOrg',
  'askFirstWillingness',
] as const;

async function chains(network: Network, flags: DrawFlags, kind: Kind): Promise<Drawn> {
  if (flags.from === undefined || flags.to === undefined) {
    throw new CliError('draw chains with --from and --to, or a neighbourhood with --around');
  }
  if (flags.hops !== undefined) throw new CliError('--hops goes with --around, not --from/--to');
  const chainFlags = { ...flags, from: flags.from, to: flags.to } as ChainFlags;
  const result = findIntroductions(network, introductionOptions(chainFlags));
  if (result.paths.length === 0) throw noChain(network, chainFlags);
  const options = { network, ...(flags.title === undefined ? {} : { title: flags.title }) };
  await writeFile(flags.out, await picture(result, kind, options, flags.width));
  const heading = introHeading(network, flags.from, flags.to, flags.asOf).replace(/:$/, '');
  return {
    path: flags.out,
    kind,
    subject: 'chains',
    description: `${result.paths.length} chain${result.paths.length === 1 ? '' : 's'} from ${heading}`,
    people: new Set(result.paths.flatMap((path) => path.people)).size,
    chains: result.paths.length,
  };
}

async function around(network: Network, flags: DrawFlags, kind: Kind): Promise<Drawn> {
  const center = flags.around as string;
  if (flags.from !== undefined || flags.to !== undefined) {
    throw new CliError('--around draws a neighbourhood: not with --from or --to');
  }
  const misplaced = CHAIN_ONLY.filter((name) => flags[name] !== undefined);
  if (misplaced.length > 0) {
    throw new CliError(
      `${misplaced.map((name) => `--${parse.kebab(name)}`).join(', ')} ${misplaced.length === 1 ? 'goes' : 'go'} with --from/--to, not --around`,
    );
  }
  const found = neighborhood(network, center, {
    ...(flags.hops === undefined ? {} : { hops: flags.hops }),
    ...(flags.minStrength === undefined ? {} : { minStrength: flags.minStrength }),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
  });
  const options = flags.title === undefined ? {} : { title: flags.title };
  await writeFile(flags.out, await picture(found, kind, options, flags.width));
  return {
    path: flags.out,
    kind,
    subject: 'neighborhood',
    description: `the people within ${found.hops} ${found.hops === 1 ? 'tie' : 'ties'} of ${nameOf(network, center)}${flags.asOf === undefined ? '' : `, as of ${flags.asOf}`}`,
    people: found.people.length,
    ties: found.ties.length,
  };
}

export function addDraw(program: Command): void {
  const command = program
    .command('draw')
    .summary('a picture of chains or of a neighbourhood: SVG, PNG, DOT or Mermaid')
    .description(
      'Draws the chains from a candidate to a target (--from, --to, and the options of ' +
        '`intro`), or the people within a few ties of one person (--around, --hops). The ' +
        'extension of --out picks the format: .svg, .png, .dot (Graphviz source) or .mmd ' +
        '(Mermaid source).',
    )
    .argument('<data>', DATA_HELP)
    .requiredOption('--out <file>', 'the picture: *.svg, *.png, *.dot or *.mmd')
    .option('--from <person>', 'chains: the candidate')
    .option('--to <target>', `chains: ${TARGET_HELP}`, parse.target)
    .option('--around <person>', 'a neighbourhood: the person at its center')
    .option(
      '--hops <n>',
      `a neighbourhood: how many ties out (default ${NEIGHBORHOOD_DEFAULTS.hops})`,
      parse.integer,
    )
    .option('--title <text>', "the picture's title ('' for none)")
    .option('--width <px>', `PNG only: width in pixels, up to ${MAX_PNG_WIDTH}`, parse.integer);
  addChainOptions(command)
    .addHelpText(
      'after',
      examples([
        [
          'warmpath draw network.json --from jacob --to job:it-sales-rep --out chains.svg',
          "Jacob's chains to a job's hiring manager, as SVG",
        ],
        [
          'warmpath draw network.json --around michael --hops 2 --out michael.svg',
          'everyone within two ties of Michael',
        ],
        [
          'warmpath draw network.json --from jacob --to laura --out chains.png --width 1600',
          'as a PNG 1600 pixels wide (needs the optional package @resvg/resvg-js)',
        ],
        [
          'warmpath draw network.json --around laura --hops 1 --out laura.mmd',
          'Mermaid source, for Markdown that renders it (GitHub, GitLab)',
        ],
      ]),
    )
    .action(
      action(async (context, flags: DrawFlags, data: string) => {
        const kind = kindOf(flags.out);
        if (flags.width !== undefined && kind !== 'png') {
          throw new CliError('--width applies to a PNG (--out *.png) only');
        }
        const network = await context.readData(data);
        const drawn =
          flags.around === undefined
            ? await chains(network, flags, kind)
            : await around(network, flags, kind);
        context.print(drawnOutput(drawn));
      }),
    );
}

/**
 * The options of `toDot` and `toMermaid`, and their checks.
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { Network } from '../model/network.js';
import { didYouMean } from '../model/suggest.js';

/** Options of `toDot` and `toMermaid`. */
export interface DiagramOptions {
  /**
   * Where people's names and organisations come from when drawing chains (an
   * `IntroductionResult` or paths hold only ids). Without it, people are labelled by id. Not
   * needed for a neighbourhood, which carries its own names.
   */
  readonly network?: Network;
  /** The diagram's title, replacing the one made from the subject; `''` for none. */
  readonly title?: string;
}

/** Options after checking. */
export interface ResolvedDiagramOptions {
  readonly network: Network | undefined;
  readonly title: string | undefined;
}

const OPTION_NAMES = ['network', 'title'] as const;

/**
 * Checks diagram options.
 * @throws InvalidOptionsError listing every problem.
 */
export function resolveDiagramOptions(options: unknown): ResolvedDiagramOptions {
  if (options === undefined) return { network: undefined, title: undefined };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionsError([
      { code: 'invalid_type', path: '', message: 'options must be an object' },
    ]);
  }
  const record = options as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const key of Object.keys(record)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      issues.push({
        code: 'unknown_field',
        path: key,
        message: `unknown option ${JSON.stringify(key)}${didYouMean(key, OPTION_NAMES)}`,
      });
    }
  }
  const { network, title } = record;
  if (network !== undefined && !(network instanceof Network)) {
    issues.push({
      code: 'invalid_type',
      path: 'network',
      message: 'must be a Network (from createNetwork)',
    });
  }
  if (title !== undefined && typeof title !== 'string') {
    issues.push({ code: 'invalid_type', path: 'title', message: 'must be a string' });
  }
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return { network: network as Network | undefined, title: title as string | undefined };
}

/**
 * The options of `toDot` and `toMermaid`, and their checks.
 */

import { InvalidOptionsError } from '../errors.js';
import { Network } from '../model/network.js';
import { optionRecord } from '../model/options.js';

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
  const { record, issues } = optionRecord(options, OPTION_NAMES);
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

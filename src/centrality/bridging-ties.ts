/**
 * Ties that bridge communities: the weak ties of Granovetter (1973) that carry news between groups.
 *
 * @module
 */
import type { Network } from '../model/network.js';
import { viewedBy } from '../model/visibility.js';
import {
  type Communities,
  type CommunityOptions,
  communities as findCommunities,
} from './communities.js';

/** A tie between two communities. */
export interface BridgingTie {
  readonly source: string;
  readonly target: string;
  /** The tie's strength (the stronger direction). */
  readonly strength: number;
  /** The communities of `source` and `target`. */
  readonly communities: readonly [number, number];
}

/**
 * The ties whose two people are in different communities, in the order of `network.ties()`.
 *
 * @param network - The network.
 * @param division - Communities to use; by default those `communities(network, options)` finds.
 * @param options - Options of `communities`; with `viewer`, only the ties that viewer may see
 *   (see `visibleNetwork`), and communities found among them.
 * @returns The bridging ties.
 * @throws InvalidOptionsError for invalid options (an invalid viewer included).
 * @example
 * ```ts
 * const division = communities(network);
 * for (const tie of bridgingTies(network, division)) console.log(tie.source, tie.target, tie.communities);
 * ```
 * @see Granovetter, "The Strength of Weak Ties", American Journal of Sociology 78(6), 1973.
 */
export function bridgingTies(
  network: Network,
  division?: Communities,
  options?: CommunityOptions,
): readonly BridgingTie[] {
  const seen = viewedBy(network, options?.viewer);
  const of = (division ?? findCommunities(seen, options)).of;
  const out: BridgingTie[] = [];
  for (const tie of seen.ties()) {
    const a = of.get(tie.source);
    const b = of.get(tie.target);
    if (a === undefined || b === undefined || a === b) continue;
    out.push(
      Object.freeze({
        source: tie.source,
        target: tie.target,
        strength: tie.strength,
        communities: Object.freeze([a, b] as const),
      }),
    );
  }
  return Object.freeze(out);
}

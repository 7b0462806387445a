/**
 * One hop of an introduction chain, explained: who asks whom, through which relationships, how
 * strong the tie is, and whether the person passing the introduction on wants to be asked first.
 */
import type { Network } from '../model/network.js';
import type { RelationshipKind } from '../model/schema.js';
import type { Tie, TieEvidence } from '../model/ties.js';

/** One step of a chain, from one person to the next. */
export interface IntroductionHop {
  /** Who makes this step (the candidate, or an intermediary passing the introduction on). */
  readonly from: string;
  /** Whom they approach. */
  readonly to: string;
  /** Kinds of the relationships usable in this direction, strongest first. */
  readonly kinds: readonly RelationshipKind[];
  /** The relationships and shared groups usable in this direction, strongest first. */
  readonly evidence: readonly TieEvidence[];
  /** The tie's strength from `from` towards `to`. */
  readonly strength: number;
  /** How willing `from` is to pass an introduction on (1 for the candidate, who asks for themself). */
  readonly willingness: number;
  /** `strength × willingness`: the probability this step succeeds. */
  readonly probability: number;
  /** Whether `from` has asked to be asked first before passing introductions on. */
  readonly askFirst: boolean;
  /** The step in one line, for people. */
  readonly reason: string;
}

const fmt = (x: number): string => x.toFixed(2);

const NO_EVIDENCE: readonly TieEvidence[] = Object.freeze([]);

function personName(network: Network | undefined, id: string): string {
  return network?.person(id)?.name ?? id;
}

function describeEvidence(evidence: TieEvidence, network: Network | undefined): string {
  if (evidence.group !== undefined) {
    return `fellow members of ${network?.group(evidence.group)?.name ?? evidence.group}`;
  }
  const kind = evidence.kind.replace('-', ' ');
  const derivation =
    evidence.explanation.source === 'derived' ? ` (${evidence.explanation.text})` : '';
  const context =
    evidence.relationship === undefined
      ? undefined
      : network?.relationships[evidence.relationship]?.context;
  return `${kind}${context ? `, ${context}` : ''}${derivation}`;
}

/** What the explainer needs to know of a step. */
export interface HopFacts {
  readonly from: string;
  readonly to: string;
  readonly strength: number;
  readonly willingness: number;
  readonly askFirst: boolean;
  /** The tie the step crosses, when the chain was found on a `Network` (not a bare compiled one). */
  readonly tie: Tie | undefined;
  readonly network: Network | undefined;
}

/**
 * Explains one step of a chain.
 *
 * @example
 * ```ts
 * explainHop({ from: 'jacob', to: 'michael', strength: 0.7, willingness: 1, askFirst: false, tie, network }).reason;
 * // "Jacob → Michael: friend (friend 0.75 × recency 0.93 = 0.70), strength 0.70; also fellow members of BNI Riverside"
 * ```
 */
export function explainHop(facts: HopFacts): IntroductionHop {
  const { from, to, strength, willingness, askFirst, tie, network } = facts;
  const forward = tie === undefined || tie.source === from;
  const usable =
    tie === undefined
      ? NO_EVIDENCE
      : [...tie.evidence]
          .filter((e) => e.direction === 'both' || (e.direction === 'forward') === forward)
          .sort((a, b) => b.strength - a.strength);
  const kinds: RelationshipKind[] = [];
  for (const e of usable) if (!kinds.includes(e.kind)) kinds.push(e.kind);
  const probability = strength * willingness;
  const [primary, ...others] = usable;
  let reason = `${personName(network, from)} → ${personName(network, to)}: `;
  reason +=
    primary === undefined
      ? `strength ${fmt(strength)}`
      : `${describeEvidence(primary, network)}, strength ${fmt(strength)}`;
  if (others.length > 0)
    reason += `; also ${others.map((e) => describeEvidence(e, network)).join('; ')}`;
  if (askFirst)
    reason += `; ${personName(network, from)} asks to be asked first (willingness ${fmt(willingness)}, so ${fmt(probability)})`;
  return Object.freeze({
    from,
    to,
    kinds: Object.freeze(kinds),
    evidence: Object.freeze(usable),
    strength,
    willingness,
    probability,
    askFirst,
    reason,
  });
}

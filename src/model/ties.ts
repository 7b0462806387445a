/**
 * Summarises relationships and group memberships into ties: one per pair of people, whose
 * strength in each direction is the strongest evidence usable in that direction, and whose
 * evidence lists every relationship and shared group behind it.
 */
import type { Dataset, RelationshipKind } from './schema.js';
import { explainStrength, type StrengthExplanation, type StrengthModel } from './strength.js';

/** One relationship or shared group behind a tie. */
export interface TieEvidence {
  /** The relationship kind (`group-member` for a shared group). */
  readonly kind: RelationshipKind;
  /** The strength this evidence gives. */
  readonly strength: number;
  /**
   * Which way it carries an introduction, relative to the tie's `source` and `target`:
   * `both` for undirected relationships and groups, `forward` (source to target) or `backward`.
   */
  readonly direction: 'both' | 'forward' | 'backward';
  /** Index of the relationship in `network.relationships`, when the evidence is a relationship. */
  readonly relationship: number | undefined;
  /** Id of the shared group, when the evidence is a group membership. */
  readonly group: string | undefined;
  /** How the strength was arrived at. */
  readonly explanation: StrengthExplanation;
}

/** Everything that connects two people, summarised. */
export interface Tie {
  /** The person named first in the first evidence for this pair. */
  readonly source: string;
  /** The other person. */
  readonly target: string;
  /** Strength from source towards target: the strongest evidence usable that way, or 0. */
  readonly forward: number;
  /** Strength from target towards source, or 0. */
  readonly backward: number;
  /** The larger of `forward` and `backward`. */
  readonly strength: number;
  /** The distinct kinds of the evidence, strongest evidence first. */
  readonly kinds: readonly RelationshipKind[];
  /** Every relationship and shared group behind the tie, in input order (relationships first). */
  readonly evidence: readonly TieEvidence[];
}

interface Draft {
  source: string;
  target: string;
  evidence: TieEvidence[];
}

/**
 * Builds the ties of a dataset. Deterministic: ties come in the order their pair first appears
 * (relationships in input order, then groups in input order, members in listed order).
 * Group ties are quadratic in group size: a group of n members implies n(n-1)/2 ties.
 */
export function buildTies(
  dataset: Dataset,
  explanations: readonly StrengthExplanation[],
  model: StrengthModel,
): readonly Tie[] {
  const slot = new Map<string, number>();
  for (const [i, person] of dataset.people.entries()) slot.set(person.id, i);
  const n = dataset.people.length;
  const pairKey = (a: string, b: string): number => {
    const i = slot.get(a) ?? 0;
    const j = slot.get(b) ?? 0;
    return i < j ? i * n + j : j * n + i;
  };
  const drafts: Draft[] = [];
  const draftOf = new Map<number, Draft>();
  const add = (a: string, b: string, make: (draft: Draft) => TieEvidence): void => {
    const key = pairKey(a, b);
    let draft = draftOf.get(key);
    if (draft === undefined) {
      draft = { source: a, target: b, evidence: [] };
      draftOf.set(key, draft);
      drafts.push(draft);
    }
    draft.evidence.push(Object.freeze(make(draft)));
  };

  dataset.relationships.forEach((rel, index) => {
    const explanation = explanations[index] as StrengthExplanation;
    add(rel.source, rel.target, (draft) => ({
      kind: rel.kind,
      strength: explanation.strength,
      direction: rel.directed ? (draft.source === rel.source ? 'forward' : 'backward') : 'both',
      relationship: index,
      group: undefined,
      explanation,
    }));
  });
  const groupExplanation = explainStrength(
    { source: '', target: '', kind: 'group-member' },
    undefined,
    model,
  );
  for (const group of dataset.groups) {
    const members = group.members;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        add(members[i] as string, members[j] as string, () => ({
          kind: 'group-member',
          strength: groupExplanation.strength,
          direction: 'both',
          relationship: undefined,
          group: group.id,
          explanation: groupExplanation,
        }));
      }
    }
  }
  return Object.freeze(drafts.map(finish));
}

function finish(draft: Draft): Tie {
  let forward = 0;
  let backward = 0;
  for (const e of draft.evidence) {
    if (e.direction !== 'backward' && e.strength > forward) forward = e.strength;
    if (e.direction !== 'forward' && e.strength > backward) backward = e.strength;
  }
  // Strongest first; stable sort keeps input order among equals.
  const kinds = [
    ...new Set([...draft.evidence].sort((x, y) => y.strength - x.strength).map((e) => e.kind)),
  ];
  return Object.freeze({
    source: draft.source,
    target: draft.target,
    forward,
    backward,
    strength: Math.max(forward, backward),
    kinds: Object.freeze(kinds),
    evidence: Object.freeze(draft.evidence),
  });
}

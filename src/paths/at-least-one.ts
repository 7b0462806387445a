/**
 * The probability that at least one of several chains succeeds, when every step succeeds
 * independently with its own probability and a step shared by several chains is one event
 * (it succeeds or fails for all of them). Exact, by inclusion and exclusion over the chains:
 * P(at least one) = Σ over non-empty sets S of chains of (−1)^(|S|+1) × Π over the distinct
 * steps of S of their probabilities.
 */

/** One step of a chain: an identifier shared by equal steps, and its probability. */
export interface StepEvent {
  readonly key: string;
  readonly probability: number;
}

/** Chains beyond this many would make the 2^k sum too slow; callers limit `k` to it. */
export const MAX_CHAINS_FOR_EXACT_UNION = 20;

/**
 * @param chains - Each chain as its steps. A chain with no steps always succeeds.
 * @returns A probability in [0, 1].
 */
export function atLeastOneSucceeds(chains: readonly (readonly StepEvent[])[]): number {
  if (chains.length === 0) return 0;
  if (chains.some((steps) => steps.length === 0)) return 1;
  if (chains.length > MAX_CHAINS_FOR_EXACT_UNION) {
    throw new RangeError(`at most ${MAX_CHAINS_FOR_EXACT_UNION} chains, got ${chains.length}`);
  }
  const counts = new Map<string, number>();
  let total = 0;
  const visit = (i: number, size: number, product: number): void => {
    if (i === chains.length) return;
    const steps = chains[i] as readonly StepEvent[];
    let included = product;
    for (const step of steps) {
      const count = counts.get(step.key) ?? 0;
      if (count === 0) included *= step.probability;
      counts.set(step.key, count + 1);
    }
    total += size % 2 === 0 ? included : -included;
    visit(i + 1, size + 1, included);
    for (const step of steps) counts.set(step.key, (counts.get(step.key) as number) - 1);
    visit(i + 1, size, product);
  };
  visit(0, 0, 1);
  return Math.min(1, Math.max(0, total));
}

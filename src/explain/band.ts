/**
 * Bands put a chain's probability into words for reports: `strong` at 0.5 or more (at least even
 * odds), `moderate` from 0.2, `weak` below 0.2.
 */

/** How likely a chain is, in words. */
export type Band = 'strong' | 'moderate' | 'weak';

/** The lower probability bound of each band. */
export const BAND_THRESHOLDS: Readonly<{ strong: number; moderate: number }> = Object.freeze({
  strong: 0.5,
  moderate: 0.2,
});

/**
 * The band of a probability.
 *
 * @example
 * ```ts
 * bandOf(0.62); // 'strong'
 * bandOf(0.3);  // 'moderate'
 * ```
 */
export function bandOf(probability: number): Band {
  if (probability >= BAND_THRESHOLDS.strong) return 'strong';
  if (probability >= BAND_THRESHOLDS.moderate) return 'moderate';
  return 'weak';
}

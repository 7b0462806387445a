/**
 * Comparisons of per-person scores (`Map` from id to score) shared by the centrality tests.
 */
import { expect } from 'vitest';

/** Exactly the people of `expected`, each score equal to `digits` decimal places. */
export function expectScores(
  actual: ReadonlyMap<string, number>,
  expected: Readonly<Record<string, number>>,
  digits = 12,
): void {
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) {
    expect(actual.get(id), id).toBeCloseTo(value, digits);
  }
}

/** The same scores to the last bit, person by person (maps may list people in different orders). */
export function expectSameScores(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): void {
  expect(a.size).toBe(b.size);
  for (const [id, value] of a) expect(b.get(id), id).toBe(value);
}

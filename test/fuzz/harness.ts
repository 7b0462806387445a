/**
 * What every fuzz test shares: how many cases to run (`FUZZ_SCALE`), the seed (`FUZZ_SEED`,
 * printed on failure so a case can be replayed), the time budget of one case, the check that no
 * case changed a built-in prototype, and the check that a failure is one of warmpath's named
 * errors. `npm test` runs a modest number of cases; `npm run fuzz` runs twenty times as many and
 * the heavy resource-limit tests (see docs/reliability.md).
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { WarmpathError } from '../../src/index.js';

function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** How many times the default number of cases to run (`FUZZ_SCALE`, default 1). */
export const FUZZ_SCALE = envNumber('FUZZ_SCALE', 1);
/** Whether this is the long run (`npm run fuzz`): more cases and the heavy size limits. */
export const LONG_RUN = FUZZ_SCALE > 1;
/**
 * The seed of every property (`FUZZ_SEED`). `npm test` uses a fixed one, so CI is repeatable; the
 * long run draws one from the clock (printed on failure) to explore new cases each time.
 */
export const FUZZ_SEED = Math.trunc(
  envNumber('FUZZ_SEED', LONG_RUN ? Date.now() % 2_147_483_647 : 20_261_127),
);

/**
 * The most one case may take. Cases are small (a few records, or text of up to ~100 kB), so
 * this only catches hangs and super-linear blow-ups; it is generous because CI machines are slow
 * and other test files run in parallel.
 */
export const CASE_BUDGET_MS = envNumber('FUZZ_CASE_BUDGET_MS', 5_000);

/** The vitest time-out of a fuzz test that runs `baseRuns` cases of the given cost. */
export function testTimeout(baseRuns: number, msPerCase = 50): number {
  return Math.max(30_000, Math.ceil(baseRuns * FUZZ_SCALE * msPerCase * 4));
}

/** The number of cases for a property that runs `base` of them in `npm test`. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * FUZZ_SCALE));
}

/** Cases tried and outcomes seen, per input path: printed at the end of the long run. */
const tally = new Map<string, Map<string, number>>();

/** Counts one case of `path` that ended with `outcome` (`valid`, or an error's name). */
export function record(path: string, outcome: string): void {
  let outcomes = tally.get(path);
  if (outcomes === undefined) {
    outcomes = new Map();
    tally.set(path, outcomes);
  }
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

/** The tally as text, one line per path: `path: N cases (valid 12, InvalidNetworkError 30)`. */
export function tallyReport(): string {
  return [...tally]
    .map(([path, outcomes]) => {
      const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
      const parts = [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
      return `${path}: ${total} cases (${parts})`;
    })
    .join('\n');
}

/** Prints the tally in the long run (vitest shows it under the test file). */
export function printTally(title: string, startedAt: number): void {
  if (!LONG_RUN) return;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `${title} (FUZZ_SCALE=${FUZZ_SCALE}, FUZZ_SEED=${FUZZ_SEED}, ${seconds} s)\n${tallyReport()}`,
  );
}

/**
 * Runs a property with the shared seed and `runs(baseRuns)` cases; on failure the message says
 * how to replay it (fast-check adds the seed and the path of the shrunk case).
 */
export function fuzz<Ts extends [unknown, ...unknown[]]>(
  property: fc.IProperty<Ts>,
  baseRuns: number,
  extra: Omit<fc.Parameters<Ts>, 'numRuns' | 'seed'> = {},
): void {
  try {
    fc.assert(property, { numRuns: runs(baseRuns), seed: FUZZ_SEED, ...extra });
  } catch (error) {
    if (error instanceof Error) {
      error.message += `\nReplay with FUZZ_SEED=${FUZZ_SEED} FUZZ_SCALE=${FUZZ_SCALE} npx vitest run test/fuzz`;
    }
    throw error;
  }
}

/** {@link fuzz} for an async property. */
export async function fuzzAsync<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts>,
  baseRuns: number,
): Promise<void> {
  try {
    await fc.assert(property, { numRuns: runs(baseRuns), seed: FUZZ_SEED });
  } catch (error) {
    if (error instanceof Error) {
      error.message += `\nReplay with FUZZ_SEED=${FUZZ_SEED} FUZZ_SCALE=${FUZZ_SCALE} npx vitest run test/fuzz`;
    }
    throw error;
  }
}

/** The built-ins a prototype-pollution bug would change. */
const PROTOTYPES: readonly (readonly [string, object])[] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Map.prototype', Map.prototype],
];

function keysOf(target: object): string {
  return Reflect.ownKeys(target)
    .map((key) => String(key))
    .sort()
    .join('\n');
}

const PRISTINE = new Map(PROTOTYPES.map(([name, target]) => [name, keysOf(target)]));

/** Fails if a built-in prototype gained or lost a key, or a plain object inherits anything new. */
export function expectPrototypesUntouched(): void {
  for (const [name, target] of PROTOTYPES) {
    expect(keysOf(target), `${name} was changed`).toBe(PRISTINE.get(name));
  }
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(Object.getPrototypeOf([])).toBe(Array.prototype);
}

/** What a failing case may throw: an error of one of these names, a WarmpathError. */
export function expectNamedError(error: unknown, allowed: readonly string[]): string {
  if (!(error instanceof WarmpathError)) {
    // Show the stray error itself (a TypeError, a RangeError from a deep recursion, ...).
    throw error instanceof Error
      ? Object.assign(new Error(`not a WarmpathError: ${error.name}: ${error.message}`), {
          cause: error,
        })
      : new Error(`not an Error: ${String(error)}`);
  }
  expect(allowed, `unexpected ${error.name}: ${error.message}`).toContain(error.name);
  const issues = (error as { issues?: unknown }).issues;
  if (issues !== undefined) {
    expect(Array.isArray(issues) && issues.length > 0, 'issues must be a non-empty list').toBe(
      true,
    );
    for (const issue of issues as readonly Record<string, unknown>[]) {
      expect(typeof issue['code']).toBe('string');
      expect(typeof issue['path']).toBe('string');
      expect(typeof issue['message']).toBe('string');
      expect(issue['message']).not.toBe('');
    }
  }
  return error.name;
}

/**
 * Runs one case of an input path: `read` must return a value (then `check` runs on it) or throw
 * one of the `allowed` named errors, within the time budget, leaving the prototypes alone.
 */
export function oneCase<T>(
  path: string,
  read: () => T,
  check: (value: T) => void,
  allowed: readonly string[] = ['InvalidNetworkError'],
): void {
  const trace = process.env['FUZZ_TRACE'];
  if (trace) appendFileSync(trace, `start ${path}\n`);
  const started = performance.now();
  let value: T;
  try {
    value = read();
  } catch (error) {
    const elapsed = performance.now() - started;
    if (trace) appendFileSync(trace, `error ${path} ${elapsed.toFixed(0)} ms\n`);
    expectPrototypesUntouched();
    record(path, expectNamedError(error, allowed));
    expect(elapsed, `${path}: one case took ${elapsed.toFixed(0)} ms`).toBeLessThan(CASE_BUDGET_MS);
    return;
  }
  const elapsed = performance.now() - started;
  if (trace) appendFileSync(trace, `valid ${path} ${elapsed.toFixed(0)} ms\n`);
  expectPrototypesUntouched();
  expect(elapsed, `${path}: one case took ${elapsed.toFixed(0)} ms`).toBeLessThan(CASE_BUDGET_MS);
  record(path, 'valid');
  check(value);
  expectPrototypesUntouched();
}

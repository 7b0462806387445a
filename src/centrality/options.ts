/**
 * Option checks shared by the connector measures.
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { optionRecord } from '../model/options.js';
import { viewerIssues } from '../model/visibility.js';

/** Options every long-running measure accepts. */
export interface ProgressOptions {
  /** Called now and then with the work done and the total, in the measure's own units. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborts the computation; it then throws the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Checks that `options` is an object with only `allowed` keys, that `onProgress`, `signal` and
 * `viewer` (when allowed) have the right types, and runs `more` for measure-specific checks.
 * @throws InvalidOptionsError listing every problem.
 */
export function checkOptions(
  options: unknown,
  allowed: readonly string[],
  more?: (options: Record<string, unknown>, issues: Issue[]) => void,
): void {
  if (options === undefined) return;
  const { record, issues } = optionRecord(options, allowed);
  if (record['onProgress'] !== undefined && typeof record['onProgress'] !== 'function') {
    issues.push({
      code: 'invalid_type',
      path: 'onProgress',
      message: 'must be a function (done, total) => void',
    });
  }
  if (record['signal'] !== undefined && !(record['signal'] instanceof AbortSignal)) {
    issues.push({ code: 'invalid_type', path: 'signal', message: 'must be an AbortSignal' });
  }
  if (record['viewer'] !== undefined && allowed.includes('viewer'))
    issues.push(...viewerIssues(record['viewer']));
  more?.(record, issues);
  if (issues.length > 0) throw new InvalidOptionsError(issues);
}

/** Pushes an issue unless `value` is undefined or a finite number within [min, max]. */
export function checkNumber(
  record: Record<string, unknown>,
  key: string,
  issues: Issue[],
  {
    min = Number.NEGATIVE_INFINITY,
    max = Number.POSITIVE_INFINITY,
    integer = false,
    minOpen = false,
  } = {},
): void {
  const value = record[key];
  if (value === undefined) return;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minOpen ? value > min : value >= min) &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const range = `${minOpen ? '>' : '≥'} ${min}${max === Number.POSITIVE_INFINITY ? '' : ` and ≤ ${max}`}`;
    issues.push({
      code: 'out_of_range',
      path: key,
      message: `must be a finite ${integer ? 'integer' : 'number'} ${range}, got ${String(value)}`,
    });
  }
}

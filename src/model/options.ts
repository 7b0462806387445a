/**
 * The first check of every options object: that it is an object, and which of its keys are not
 * options at all. Each function then checks its own values into the same list of issues, so that
 * one `InvalidOptionsError` lists every problem.
 *
 * @module
 */
import { InvalidOptionsError, type Issue } from '../errors.js';
import { didYouMean } from './suggest.js';

/**
 * `options` as a record, with an `unknown_field` issue (and a did-you-mean) for each key not in
 * `allowed`.
 * @param expected - What the options should be, for the message when they are not an object.
 * @throws InvalidOptionsError at once when `options` is not a plain object.
 */
export function optionRecord(
  options: unknown,
  allowed: readonly string[],
  expected = 'an object',
): { readonly record: Record<string, unknown>; readonly issues: Issue[] } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionsError([
      { code: 'invalid_type', path: '', message: `options must be ${expected}` },
    ]);
  }
  const record = options as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      issues.push({
        code: 'unknown_field',
        path: key,
        message: `unknown option ${JSON.stringify(key)}${didYouMean(key, allowed)}`,
      });
    }
  }
  return { record, issues };
}

/**
 * Assertions on the named errors warmpath throws: that the right one is thrown, and what it
 * carries. The test fails if nothing is thrown or the error is of another class.
 */
import { expect } from 'vitest';
import { InvalidNetworkError, InvalidOptionsError, type Issue } from '../../src/errors.js';

/** The error `run` throws, checked to be an instance of `errorClass`. */
export function thrownBy<E extends Error>(
  run: () => unknown,
  errorClass: abstract new (...args: never[]) => E,
): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as E;
  }
  return expect.unreachable(`expected ${errorClass.name} to be thrown`);
}

/** The issues of the InvalidNetworkError `run` throws. */
export function networkIssuesOf(run: () => unknown): readonly Issue[] {
  return thrownBy(run, InvalidNetworkError).issues;
}

/** Where and what each problem of the InvalidOptionsError `run` throws is (its message aside). */
export function optionIssuesOf(run: () => unknown): { path: string; code: string }[] {
  return thrownBy(run, InvalidOptionsError).issues.map(({ path, code }) => ({ path, code }));
}

/**
 * Parsers of option values: text on the command line into the values the library takes. They
 * check only that the text reads as the right kind of value; ranges are the library's to check
 * (its errors name the flag, see `flagOf`).
 *
 * @module
 */
import { InvalidArgumentError } from 'commander';
import type { Diversity, IntroductionTarget } from '../index.js';

/** A finite number. */
export function number(text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError('must be a number.');
  return value;
}

/** An integer. */
export function integer(text: string): number {
  const value = number(text);
  if (!Number.isInteger(value)) throw new InvalidArgumentError('must be an integer.');
  return value;
}

/** An integer, or `inf` / `Infinity` for no limit. */
export function integerOrInfinity(text: string): number {
  return /^(inf|infinity)$/i.test(text.trim()) ? Number.POSITIVE_INFINITY : integer(text);
}

/** Comma-separated ids; the option may be repeated (`--avoid a,b --avoid c`). */
export function list(text: string, previous: readonly string[] = []): string[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new InvalidArgumentError('must name at least one id.');
  return [...previous, ...items];
}

/** `--to`: a person id, `person:<id>`, `job:<id>` or `org:<id>`. */
export function target(text: string): IntroductionTarget {
  const match = /^(person|job|org|organization):(.*)$/.exec(text);
  const id = match ? (match[2] ?? '') : text;
  if (id === '') throw new InvalidArgumentError('must be a person id, job:<id> or org:<id>.');
  switch (match?.[1]) {
    case 'job':
      return { job: id };
    case 'org':
    case 'organization':
      return { organization: id };
    default:
      return id;
  }
}

/** `--diversity`: `none`, `disjoint` or `penalty:<number ≥ 0>`. */
export function diversity(text: string): Diversity {
  if (text === 'none' || text === 'disjoint') return text;
  const match = /^penalty(?::(.+))?$/.exec(text);
  if (match) {
    const penalty = match[1] === undefined ? 1 : Number(match[1]);
    if (Number.isFinite(penalty)) return { penalty };
  }
  throw new InvalidArgumentError('must be none, disjoint or penalty:<number>, e.g. penalty:0.5.');
}

/** `--as-of` and other dates: kept as text, the library checks them. */
export function date(text: string): string {
  if (text.trim() === '') throw new InvalidArgumentError('must be a date, e.g. 2024-03-15.');
  return text;
}

/** The kebab-case form of a library name: `effectiveSize` → `effective-size`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** One of `names`, written in kebab-case or as the library spells it. */
export function oneOf<T extends string>(names: readonly T[], what: string) {
  return (text: string): T => {
    const found = names.find((name) => name === text || kebab(name) === text);
    if (found === undefined) {
      throw new InvalidArgumentError(
        `unknown ${what}; choose one of ${names.map(kebab).join(', ')}.`,
      );
    }
    return found;
  };
}

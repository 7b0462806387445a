/**
 * The named errors warmpath throws. Each carries its problems as data (`issues`), so callers can
 * show them, count them or map them back to their own records without parsing the message.
 *
 * @module
 */

/** What kind of problem an {@link Issue} reports. */
export type IssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_date'
  | 'out_of_range'
  | 'unknown_field'
  | 'missing_field'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'self_reference'
  | 'date_order'
  | 'inconsistent'
  | 'parse_error'
  | 'missing_file'
  | 'bad_header';

/** One problem found in the input: where it is and what is wrong. */
export interface Issue {
  /** The kind of problem. */
  readonly code: IssueCode;
  /** Where in the dataset, e.g. `relationships[12].target`; `""` for the whole input. */
  readonly path: string;
  /** What is wrong, for people, e.g. `unknown person "jaocb" (did you mean "jacob"?)`. */
  readonly message: string;
  /** The file the record came from, when it was read from files (e.g. `relationships.csv`). */
  readonly file?: string;
  /** The 1-based line of that file where the record starts. */
  readonly line?: number;
  /** The CSV column (header name) of the field, when known. */
  readonly column?: string;
}

/**
 * Base class of every error warmpath throws on purpose: catch it to tell warmpath's own,
 * documented errors (each with a constant `name` and its problems as data) from anything else.
 *
 * @example
 * ```ts
 * try {
 *   createNetwork(input);
 * } catch (error) {
 *   if (error instanceof WarmpathError) console.error(error.name, error.message);
 *   else throw error;
 * }
 * ```
 */
export class WarmpathError extends Error {
  override readonly name: string = 'WarmpathError';
}

const SHOWN_IN_MESSAGE = 20;

function formatIssue(issue: Issue): string {
  const place = issue.file
    ? `${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}${issue.column ? ` (${issue.column})` : ''}`
    : issue.path || '(input)';
  const where = issue.file && issue.path ? `${place} ${issue.path}` : place;
  return `${where}: ${issue.message}`;
}

function summarise(title: string, issues: readonly Issue[]): string {
  const lines = issues.slice(0, SHOWN_IN_MESSAGE).map((issue) => `  - ${formatIssue(issue)}`);
  const more = issues.length - SHOWN_IN_MESSAGE;
  if (more > 0) lines.push(`  ... and ${more} more (see .issues)`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `${title} (${count}):\n${lines.join('\n')}`;
}

/**
 * The input does not describe a valid network. Thrown by `createNetwork` and every reader, after
 * collecting **all** problems: `.issues` lists each with its path (and file and line for files).
 *
 * @example
 * ```ts
 * try {
 *   createNetwork({ people: [{ id: 'a', name: 'A' }], relationships: [{ source: 'a', target: 'b', kind: 'friend' }] });
 * } catch (error) {
 *   if (error instanceof InvalidNetworkError) console.log(error.issues[0]?.path); // "relationships[0].target"
 * }
 * ```
 */
export class InvalidNetworkError extends WarmpathError {
  override readonly name = 'InvalidNetworkError' as const;
  /** Every problem found, in input order. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(summarise('Invalid network', issues));
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * An option passed to a warmpath function is invalid (wrong type, out of range, unknown name).
 * `.issues` lists each problem with the option's path, e.g. `strengthModel.halfLifeDays`.
 *
 * @example
 * ```ts
 * try {
 *   createNetwork({}, { asOf: 'yesterday' });
 * } catch (error) {
 *   if (error instanceof InvalidOptionsError) console.log(error.issues[0]?.path); // "asOf"
 * }
 * ```
 */
export class InvalidOptionsError extends WarmpathError {
  override readonly name = 'InvalidOptionsError' as const;
  /** Every problem found in the options. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(summarise('Invalid options', issues));
    this.issues = Object.freeze([...issues]);
  }
}

/** The work caps a query accepts (see `IntroductionOptions`). */
export type WorkLimit = 'maxExpansions' | 'maxChains';

/**
 * Thrown when a query would do more work than its caps allow (`maxExpansions` people settled,
 * or `maxChains` chains built, over the whole query), so that one expensive request cannot
 * starve the others. Nothing is returned: retry with a larger cap, a smaller `k` or `maxHops`.
 *
 * @example
 * ```ts
 * try {
 *   findIntroductions(network, { from: 'jacob', to: 'laura', k: 20, maxExpansions: 10_000 });
 * } catch (error) {
 *   if (error instanceof WorkLimitError) console.log(error.limit, error.value); // "maxExpansions" 10000
 * }
 * ```
 */
export class WorkLimitError extends WarmpathError {
  override readonly name = 'WorkLimitError' as const;
  /** Which cap was reached. */
  readonly limit: WorkLimit;
  /** The cap's value. */
  readonly value: number;

  constructor(limit: WorkLimit, value: number) {
    super(
      `The query reached its work cap ${limit} = ${value} before finishing; raise the cap, or ask for fewer or shorter chains`,
    );
    this.limit = limit;
    this.value = value;
  }
}

/** Formats a path of keys and indices the way issues show it: `relationships[12].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One id a query named that the network does not have. */
export interface MissingEntity {
  /** What the id was expected to name. */
  readonly entity: 'person' | 'organization' | 'job' | 'group';
  /** The id as given. */
  readonly id: string;
  /** The closest known id, if one is near enough to be a typo. */
  readonly suggestion: string | undefined;
}

function describeMissing(missing: MissingEntity): string {
  const hint =
    missing.suggestion === undefined
      ? ''
      : ` (did you mean ${JSON.stringify(missing.suggestion)}?)`;
  return `unknown ${missing.entity} ${JSON.stringify(missing.id)}${hint}`;
}

/**
 * A query named ids the network does not have (people, organisations, jobs or groups).
 * `.missing` lists every one, each with the closest known id when it looks like a typo.
 *
 * @example
 * ```ts
 * try {
 *   network.relationshipsOf('jaocb');
 * } catch (error) {
 *   if (error instanceof UnknownEntityError) console.log(error.message); // unknown person "jaocb" (did you mean "jacob"?)
 * }
 * ```
 */
export class UnknownEntityError extends WarmpathError {
  override readonly name = 'UnknownEntityError' as const;
  /** Every id that was not found. */
  readonly missing: readonly MissingEntity[];

  constructor(missing: readonly MissingEntity[]) {
    super(missing.map(describeMissing).join('; '));
    this.missing = Object.freeze(missing.map((m) => Object.freeze({ ...m })));
  }
}

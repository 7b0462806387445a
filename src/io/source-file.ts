/**
 * What the readers of one text file (JSON, GEXF) share: the byte-order mark, and naming the
 * file in every issue they report.
 *
 * @module
 */
import { InvalidNetworkError, type Issue } from '../errors.js';

/** The text without a leading byte-order mark (editors on Windows add one). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The issues with `file` set, when a file name is given. */
export function inFile(issues: readonly Issue[], file: string | undefined): Issue[] {
  return issues.map((issue) => (file === undefined ? issue : { ...issue, file }));
}

/** Runs `read`; an InvalidNetworkError it throws is thrown again with `file` on every issue. */
export function readingFile<T>(file: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidNetworkError && file !== undefined) {
      throw new InvalidNetworkError(inFile(error.issues, file));
    }
    throw error;
  }
}

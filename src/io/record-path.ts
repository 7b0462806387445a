/**
 * Dataset paths of validation issues (`people[3].positions[1].title`) taken apart, so that a
 * reader can point each issue back at where the record came from (a CSV row, a graph element).
 *
 * @module
 */
import { COLLECTIONS, type CollectionName } from '../model/schema.js';

const RECORD_PATH = new RegExp(`^(${COLLECTIONS.join('|')})\\[(\\d+)\\]`);

/** The record a dataset path starts with, and the rest of the path (`.positions[1].title`). */
export function splitRecordPath(
  path: string,
): { collection: CollectionName; index: number; rest: string } | undefined {
  const match = RECORD_PATH.exec(path);
  if (!match) return undefined;
  return {
    collection: match[1] as CollectionName,
    index: Number(match[2]),
    rest: path.slice(match[0].length),
  };
}

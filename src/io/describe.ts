/**
 * Values as error messages show them, the same way in every reader.
 *
 * @module
 */

/** Text for a message: quoted, long text cut short. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/** Any value for a message: text quoted, numbers as they are, otherwise its kind. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/**
 * Plain data as the readers and writers handle it: records are built with own data properties,
 * so that a key such as `__proto__` (a custom attribute, or a field of untrusted input) stays
 * data instead of replacing the object's prototype.
 *
 * @module
 */

/** A record's fields, or an element's attributes, by name. */
export type Fields = Record<string, unknown>;

/** Sets `key` as an own data property, so that `__proto__` is kept as data. */
export function defineField(target: Fields, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Copies every own field of `source` onto `target` (through `map` if given), as data. */
export function defineFields(
  target: Fields,
  source: Readonly<Fields>,
  map: (value: unknown) => unknown = (value) => value,
): void {
  for (const key of Object.keys(source)) defineField(target, key, map(source[key]));
}

/** The value of an own property; `undefined` for inherited ones such as `constructor`. */
export function ownField(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Readonly<Fields>)[key] : undefined;
}

export function isFields(value: unknown): value is Readonly<Fields> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A mutable deep copy of plain data (own keys only, `__proto__` kept as data). Unlike the
 * model's `frozenCopy`, the copy is not frozen: it is handed to callers to change.
 */
export function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (typeof value === 'object' && value !== null) {
    const out: Fields = {};
    defineFields(out, value as Fields, copyPlain);
    return out;
  }
  return value;
}

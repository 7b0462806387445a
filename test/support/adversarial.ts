/**
 * Inputs that break naive readers and writers: ids that are names of `Object.prototype` members,
 * an emoji, separators, XML's special characters and a very long id, and attributes with an own
 * `__proto__` key.
 */

/** An id of 5,000 characters. */
export const LONG_ID = 'x'.repeat(5000);

/** Ids every reader and writer must carry through unchanged. */
export const ADVERSARIAL_IDS = [
  '__proto__',
  'constructor',
  'toString',
  '😀',
  'a:b',
  `<&>"'`,
  LONG_ID,
];

/**
 * Attribute values a reader could be tempted to coerce: a numeric key, text that reads as a
 * boolean or a number, the empty string, false, -0 and the smallest double.
 */
export const COERCIBLE_ATTRIBUTES: Readonly<Record<string, string | number | boolean>> = {
  '42': '42',
  t: 'true',
  n: 42,
  b: true,
  e: '',
  f: false,
  neg: -0,
  tiny: 5e-324,
};

/**
 * A copy of `attributes` with an own key `__proto__` holding `value`, added last (an object
 * literal would set the prototype instead).
 */
export function withOwnProto<T>(
  attributes: Readonly<Record<string, T>>,
  value: NoInfer<T>,
): Record<string, T> {
  const out = { ...attributes };
  Object.defineProperty(out, '__proto__', {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return out;
}

/**
 * Mutations of valid inputs, as fast-check arbitraries: damage to text (truncation, cut and
 * inserted pieces, line ends, byte-order marks, invalid UTF-8 decoded as text, numbers swapped for
 * huge or non-finite ones, ids swapped for other ids or for `__proto__`, deep nesting, very long
 * strings) and to plain data (values replaced by hostile ones, keys removed or added as own
 * `__proto__`, records duplicated, values moved to other places).
 */
import fc from 'fast-check';

/** Bytes that are not valid UTF-8 (a lone continuation byte, an overlong form, a surrogate, a
 * truncated sequence), decoded the way `readFile(path, 'utf8')` decodes them. */
export const INVALID_UTF8_TEXT = Buffer.from([
  0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe2, 0x82, 0xff, 0xfe, 0xf8, 0x88,
]).toString('utf8');

/** Text a mutation may put in place of a number. */
const NUMBER_TEXTS = [
  '1e309',
  '-1e309',
  '1e-400',
  '99999999999999999999999999999',
  '9007199254740993',
  '-1',
  '0',
  '-0',
  '0.0',
  '1.0000000000000002',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  ' 1',
  '１',
  '',
];

/** Ids a mutation may put in place of another token. */
export const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  '__defineGetter__',
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uFEFF',
];

const LONG = 'x'.repeat(100_000);

/** The longest text a mutation makes (about 1 MB). */
export const MAX_TEXT = 1_000_000;

/** Pieces a mutation may insert anywhere, whatever the format. */
const GENERIC_PIECES = [
  '\uFEFF',
  '\r\n',
  '\r',
  '\n',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\u2028',
  INVALID_UTF8_TEXT,
  ',',
  ';',
  '"',
  "'",
  '\\',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '&',
  '=cmd|calc!A1',
  '__proto__',
  LONG,
];

/** Pieces for JSON text: structure, hostile keys, non-finite and huge numbers, deep nesting. */
export const JSON_PIECES = [
  ...GENERIC_PIECES,
  '"__proto__":{"polluted":1},',
  '{"__proto__":{"polluted":1}}',
  '"constructor":{"prototype":{"polluted":1}},',
  '1e309',
  'NaN',
  '-0',
  'null',
  'true',
  '[]',
  '{}',
  '"x":1,',
  '[['.repeat(50_000),
  '{"a":'.repeat(20_000),
];

/** Pieces for XML (GEXF, GraphML): entities, DTDs, CDATA, deep nesting, bad characters. */
export const XML_PIECES = [
  ...GENERIC_PIECES,
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x1;',
  '&#xD800;',
  '&#1114112;',
  '&undefined;',
  '&lol9;',
  '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  '&xxe;',
  '<![CDATA[<node id="x"/>]]>',
  '<!-- -->',
  '<?pi x?>',
  '<node id="__proto__"/>',
  '<node id="person:__proto__"/>',
  '<edge source="person:a" target="person:__proto__"/>',
  '<data key="__proto__">x</data>',
  '<attvalue for="__proto__" value="1"/>',
  '</graph>',
  '</nodes>',
  '<x>'.repeat(20_000),
  `<x a="${LONG}"/>`,
];

/** Pieces for CSV: quotes, separators, line ends, formulas, marker cells, JSON cells. */
export const CSV_PIECES = [
  ...GENERIC_PIECES,
  '""',
  '"a""b"',
  '"unterminated',
  ',,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  '\n\n\n',
  '[]',
  '{}',
  '["a;b"]',
  '[1,2]',
  '"42"',
  'true',
  'TRUE',
  'attributes.__proto__',
  'attributes.constructor',
  'attributes.',
  '=HYPERLINK("http://x")',
  '+1',
  '-1',
  '@SUM(A1)',
  '1e309',
  '-0',
];

/** One step of damage to a text. */
type TextOp =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'cut'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly piece: string }
  | { readonly kind: 'duplicateLine'; readonly line: number }
  | { readonly kind: 'swapLines'; readonly a: number; readonly b: number }
  | { readonly kind: 'lineEnds'; readonly to: '\r\n' | '\r' }
  | { readonly kind: 'bom' }
  | { readonly kind: 'latin1' }
  | { readonly kind: 'number'; readonly nth: number; readonly text: string }
  | { readonly kind: 'token'; readonly from: number; readonly to: number }
  | { readonly kind: 'hostileToken'; readonly nth: number; readonly id: string }
  | {
      readonly kind: 'repeat';
      readonly at: number;
      readonly length: number;
      readonly times: number;
    };

function textOp(pieces: readonly string[]): fc.Arbitrary<TextOp> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('cut' as const), at, length: fc.nat({ max: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      piece: fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 8 })),
    }),
    fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom('\r\n', '\r') }),
    fc.record({ kind: fc.constant('bom' as const) }),
    fc.record({ kind: fc.constant('latin1' as const) }),
    fc.record({
      kind: fc.constant('number' as const),
      nth: fc.nat(),
      text: fc.constantFrom(...NUMBER_TEXTS),
    }),
    fc.record({ kind: fc.constant('token' as const), from: fc.nat(), to: fc.nat() }),
    fc.record({
      kind: fc.constant('hostileToken' as const),
      nth: fc.nat(),
      id: fc.constantFrom(...HOSTILE_IDS),
    }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at,
      length: fc.integer({ min: 1, max: 200 }),
      times: fc.integer({ min: 2, max: 500 }),
    }),
  );
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const TOKEN = /[A-Za-z_][\w:.~-]*/g;

function nthMatch(text: string, pattern: RegExp, nth: number): RegExpExecArray | undefined {
  const matches = [...text.matchAll(pattern)];
  return matches.length === 0 ? undefined : matches[nth % matches.length];
}

function replaceAt(text: string, match: RegExpExecArray, by: string): string {
  return text.slice(0, match.index) + by + text.slice(match.index + match[0].length);
}

function applyTextOp(text: string, op: TextOp): string {
  const place = (at: number) => at % (text.length + 1);
  const lines = () => text.split('\n');
  switch (op.kind) {
    case 'truncate':
      return text.slice(0, place(op.at));
    case 'cut':
      return text.slice(0, place(op.at)) + text.slice(place(op.at) + op.length);
    case 'insert':
      return text.slice(0, place(op.at)) + op.piece + text.slice(place(op.at));
    case 'duplicateLine': {
      const all = lines();
      const i = op.line % all.length;
      all.splice(i, 0, all[i] as string);
      return all.join('\n');
    }
    case 'swapLines': {
      const all = lines();
      const a = op.a % all.length;
      const b = op.b % all.length;
      [all[a], all[b]] = [all[b] as string, all[a] as string];
      return all.join('\n');
    }
    case 'lineEnds':
      return text.replace(/\n/g, op.to);
    case 'bom':
      return `\uFEFF${text}`;
    case 'latin1':
      // UTF-8 bytes read as Latin-1: what a reader guessing the wrong encoding sees.
      return Buffer.from(text, 'utf8').toString('latin1');
    case 'number': {
      const match = nthMatch(text, NUMBER, op.nth);
      return match ? replaceAt(text, match, op.text) : text;
    }
    case 'token': {
      // One id in place of another: duplicates and dangling references.
      const from = nthMatch(text, TOKEN, op.from);
      const to = nthMatch(text, TOKEN, op.to);
      return from && to ? replaceAt(text, from, to[0]) : text;
    }
    case 'hostileToken': {
      const match = nthMatch(text, TOKEN, op.nth);
      return match ? replaceAt(text, match, op.id) : text;
    }
    case 'repeat': {
      const start = place(op.at);
      const piece = text.slice(start, start + op.length);
      return text.slice(0, start) + piece.repeat(op.times) + text.slice(start + op.length);
    }
  }
}

/** A mutation of text: one to four steps of damage, drawn from `pieces` where they insert. */
export function textMutation(pieces: readonly string[]): fc.Arbitrary<(text: string) => string> {
  return fc.array(textOp(pieces), { minLength: 1, maxLength: 4 }).map((ops) => {
    // A step that would make the text longer than MAX_TEXT is skipped: repeated pieces would
    // otherwise compound into gigabytes, testing the machine rather than the reader.
    const mutate = (text: string) =>
      ops.reduce((current, op) => {
        const next = applyTextOp(current, op);
        return next.length > MAX_TEXT ? current : next;
      }, text);
    return Object.assign(mutate, { toString: () => JSON.stringify(ops).slice(0, 2000) });
  });
}

/** Text that is mostly noise: random strings, random bytes decoded as UTF-8, or pieces. */
export function noiseText(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join('')),
  );
}

/** A value nested `depth` levels deep in arrays. */
export function nestedArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A value nested `depth` levels deep in objects. */
export function nestedObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** An object with an own, enumerable `__proto__` key (a literal would set the prototype). */
export function ownProto(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, '__proto__', {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return out;
}

/** Values a mutation may put anywhere in plain data. */
const HOSTILE_VALUES: readonly (() => unknown)[] = [
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => Number.MAX_VALUE,
  () => Number.MIN_VALUE,
  () => 2 ** 53 + 2,
  () => -1,
  () => 0,
  () => -0,
  () => 1.5,
  () => '',
  () => ' ',
  () => LONG,
  () => INVALID_UTF8_TEXT,
  () => '\uD800',
  () => '2024-02-30',
  () => '2024-01-01T00:00',
  () => null,
  () => undefined,
  () => true,
  () => [],
  () => ({}),
  () => [[]],
  () => ['__proto__'],
  () => ownProto({ polluted: 1 }),
  () => ({ constructor: { prototype: { polluted: 1 } } }),
  () => nestedArray(1000),
  () => nestedObject(1000),
  ...HOSTILE_IDS.map((id) => () => id),
];

/** One step of damage to plain data: at the place `at` picks among all its places. */
type ValueOp =
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'ownProto'; readonly at: number; readonly value: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'copy'; readonly at: number; readonly from: number }
  | { readonly kind: 'addKey'; readonly at: number; readonly key: string; readonly value: number };

const valueOp: fc.Arbitrary<ValueOp> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.nat() }),
  },
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('ownProto' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), from: fc.nat() }),
  },
  fc.record({
    kind: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', 'id'),
    value: fc.nat(),
  }),
);

type Container = Record<string, unknown> | unknown[];

/** Every place in the data: its container and key (up to a few thousand). */
function places(root: unknown): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 5000) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        out.push([value, i]);
        stack.push(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        out.push([value as Record<string, unknown>, key]);
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return out;
}

function define(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function hostile(n: number): unknown {
  return (HOSTILE_VALUES[n % HOSTILE_VALUES.length] as () => unknown)();
}

function applyValueOp(root: unknown, op: ValueOp): void {
  const all = places(root);
  if (all.length === 0) return;
  const [container, key] = all[op.at % all.length] as [Container, string | number];
  const current = (container as Record<string | number, unknown>)[key];
  switch (op.kind) {
    case 'set':
      define(container, key, hostile(op.value));
      return;
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
      return;
    case 'ownProto':
      if (typeof current === 'object' && current !== null && !Array.isArray(current))
        define(current as Container, '__proto__', hostile(op.value));
      return;
    case 'duplicate':
      if (Array.isArray(container)) container.splice(key as number, 0, structuredClone(current));
      return;
    case 'copy': {
      const [from, fromKey] = all[op.from % all.length] as [Container, string | number];
      define(container, key, structuredClone((from as Record<string | number, unknown>)[fromKey]));
      return;
    }
    case 'addKey':
      if (typeof current === 'object' && current !== null && !Array.isArray(current))
        define(current as Container, op.key, hostile(op.value));
  }
}

/** A deep copy of plain data that keeps own `__proto__` keys as data. */
export function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      define(out, key, plainCopy((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

/** A mutation of plain data: one to four steps, applied to a copy. */
export function valueMutation(): fc.Arbitrary<(value: unknown) => unknown> {
  return fc.array(valueOp, { minLength: 1, maxLength: 4 }).map((ops) => {
    const mutate = (value: unknown) => {
      const copy = plainCopy(value);
      for (const op of ops) applyValueOp(copy, op);
      return copy;
    };
    return Object.assign(mutate, { toString: () => JSON.stringify(ops) });
  });
}

/**
 * The cells of the CSV dataset format, read and written so that every value reads back the same.
 *
 * Empty means the field is absent; text is taken verbatim; numbers use plain decimal syntax;
 * booleans are `true`/`false`; lists are `a;b;c`, or a JSON array when an item could not be
 * written that way (`[]`, `["a;b"]`); a custom attribute's cell is raw text, or JSON when raw
 * text would read back as another value (`"42"`, `""`). The marker cells `[]` (positions) and
 * `{}` (attributes) stand for an empty list or object.
 *
 * @module
 */
import type { IssueCode } from '../errors.js';
import type { AttributeValue } from '../model/schema.js';
import type { CellKind } from './csv-layout.js';
import { quoted } from './describe.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Text that JSON.parse might turn into a number, boolean or string (after JSON white space). */
const MAYBE_JSON_SCALAR = /^[ \t\n\r]*["\-0-9tf]/;

function formatNumber(value: number): string {
  // String(-0) is "0": keep the sign so that -0 reads back as -0.
  return Object.is(value, -0) ? '-0' : String(value);
}

/** Items joined by `;` when that reads back the same, else a JSON array. */
function formatList(items: readonly string[]): string {
  const plain =
    items.length > 0 &&
    items.every(
      (item) => item !== '' && !item.includes(';') && !item.startsWith('[') && item.trim() === item,
    );
  return plain ? items.join(';') : JSON.stringify(items);
}

/** An attribute cell's value, or `undefined` for an empty cell (the key is absent). */
export function parseAttribute(text: string): AttributeValue | undefined {
  if (text === '') return undefined;
  if (MAYBE_JSON_SCALAR.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return value;
      }
    } catch {
      // Not JSON: the text itself is the value.
    }
  }
  return text;
}

export function formatAttribute(value: AttributeValue): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  // Raw text unless it would read back as another value; text starting with a quote is always
  // JSON, so that a reader never has to guess whether the quotes are part of the value.
  return !value.startsWith('"') && parseAttribute(value) === value ? value : JSON.stringify(value);
}

type CellResult =
  | { readonly value: unknown }
  | { readonly code: IssueCode; readonly message: string };

export function parseCell(kind: CellKind, text: string): CellResult {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'number': {
      if (!NUMBER.test(text)) {
        return { code: 'invalid_type', message: `must be a number, got ${quoted(text)}` };
      }
      const value = Number(text);
      return Number.isFinite(value)
        ? { value }
        : { code: 'invalid_value', message: `must be a finite number, got ${quoted(text)}` };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { value: lower === 'true' };
      return { code: 'invalid_type', message: `must be true or false, got ${quoted(text)}` };
    }
    case 'list': {
      if (!text.startsWith('[')) return { value: text.split(';') };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
        return { value };
      }
      return {
        code: 'invalid_type',
        message: `a list starting with "[" must be a JSON array of strings such as ["a;b","c"], got ${quoted(text)}`,
      };
    }
    case 'positions':
      return text === '[]'
        ? { value: [] }
        : {
            code: 'invalid_value',
            message: `must be empty or [] (an empty list): positions go in positions.csv, got ${quoted(text)}`,
          };
    case 'attributes':
      return text === '{}'
        ? { value: {} }
        : {
            code: 'invalid_value',
            message: `must be empty or {} (no attributes): attributes go in attributes.<key> columns, got ${quoted(text)}`,
          };
  }
}

export function formatCell(kind: CellKind, value: unknown): string {
  if (value === undefined) return '';
  switch (kind) {
    case 'number':
      return formatNumber(value as number);
    case 'boolean':
      return String(value);
    case 'list':
      return formatList(value as readonly string[]);
    case 'positions':
      return (value as readonly unknown[]).length === 0 ? '[]' : '';
    case 'attributes':
      return Object.keys(value as object).length === 0 ? '{}' : '';
    default:
      return value as string;
  }
}

/**
 * Names that are hard to draw: quotes, backslashes, line breaks, markup of both languages, entity
 * look-alikes, control characters, emoji and lone surrogates.
 */
import fc from 'fast-check';

const PIECES = [
  '"',
  "'",
  '\\',
  '\\n',
  '\\N',
  '\\"',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u2028',
  '<',
  '>',
  '<b>',
  '</font>',
  '<br/>',
  '&',
  '&amp;',
  '&lt;',
  '&#38;',
  '#',
  '#quot;',
  '#35;',
  '|',
  '`',
  '%%{init: {"theme": "dark"}}%%',
  ':',
  'style x:#f00;',
  'direction LR',
  ';',
  '[',
  ']]',
  '(',
  '{',
  '}',
  '-->',
  'end',
  ' ',
  '  ',
  'é',
  'ß',
  '中文',
  '😀',
  'Ω',
  '\u0001',
  '\u0000',
  '\ud800',
  'Ann',
  "O'Brien",
  'x',
];

/** A non-empty name built from hard pieces and random text. */
export const hardText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''))
  .filter((text) => text.length > 0);

/** What a reader should see of a name, line by line: breaks split lines, tabs are spaces, unshowable characters U+FFFD. */
export function expectedLines(text: string): string[] {
  let shown = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const unshowable =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff ||
      (code >= 0xd800 && code <= 0xdfff);
    shown += unshowable ? '\ufffd' : char === '\t' ? ' ' : char;
  }
  return shown.split(/\r\n|\r|\n|\u2028|\u2029/);
}

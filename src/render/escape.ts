/**
 * Escaping text for the two diagram languages. Names and organisations are arbitrary user text,
 * so every string that reaches a diagram goes through one of these functions; none of them loses
 * or reinterprets a visible character.
 */

// A line break in any of its spellings.
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** A surrogate (half of a UTF-16 pair), whole or not. */
const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/**
 * Whether a code point cannot be shown: C0 controls other than tab, line feed and carriage return
 * (Graphviz parses HTML-like labels as XML, which cannot hold them), the XML non-characters
 * U+FFFE and U+FFFF, and lone surrogates (which have no UTF-8 form).
 */
function unshowable(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    code === 0xfffe ||
    code === 0xffff ||
    isSurrogate(code)
  );
}

/** `text` with each code point that `test` picks replaced. */
function replaceCodePoints(
  text: string,
  test: (code: number) => boolean,
  replace: (code: number) => string,
): string {
  let out = '';
  // Iterating a string yields whole surrogate pairs, and lone surrogates on their own.
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    out += test(code) ? replace(code) : char;
  }
  return out;
}

/**
 * Text as lines that can be shown: line breaks split lines, a tab becomes a space, and characters
 * that cannot be shown (C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so that their
 * presence stays visible.
 */
export function displayLines(text: string): string[] {
  return replaceCodePoints(text, unshowable, () => '\ufffd')
    .replaceAll('\t', ' ')
    .split(LINE_BREAK);
}

/**
 * A DOT double-quoted string (with its quotes) whose label shows `text` literally: backslashes
 * are doubled (so `\N`, `\G`, `\l` stay text), quotes escaped, `&` written `&amp;` (Graphviz
 * decodes HTML entities in ordinary labels), and line breaks become `\n` (a centred line break).
 */
export function dotString(text: string): string {
  const body = displayLines(text)
    .map((line) => line.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('&', '&amp;'))
    .join('\\n');
  return `"${body}"`;
}

/**
 * A DOT double-quoted string for a `tooltip` (and `labeltooltip`) that shows `text` literally.
 * As {@link dotString}, but each backslash is written four times: Graphviz undoes backslash
 * escapes in tooltips twice (once as an escString, once more when writing SVG), as the
 * end-to-end tests check.
 */
export function dotTooltip(text: string): string {
  const body = displayLines(text)
    .map((line) =>
      line.replaceAll('\\', '\\\\\\\\').replaceAll('"', '\\"').replaceAll('&', '&amp;'),
    )
    .join('\\n');
  return `"${body}"`;
}

/**
 * A DOT double-quoted node id for a person id. One-to-one: backslashes are doubled, quotes
 * escaped, and characters that cannot appear raw (controls, line breaks, lone surrogates) written
 * `\u{hex}`, which no other id can produce because every backslash of the id itself is doubled.
 */
export function dotId(id: string): string {
  const escaped = id.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  const body = replaceCodePoints(
    escaped,
    (code) => code < 0x20 || code === 0x2028 || code === 0x2029 || unshowable(code),
    (code) => `\\u{${code.toString(16)}}`,
  );
  return `"${body}"`;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for the inside of a Graphviz HTML-like label: `& < > " '` as entities, line breaks as
 * `<br/>`, and backslashes doubled: Graphviz expands `\N`, `\G` and the like in HTML text too,
 * and reads `\\` as one backslash.
 */
export function dotHtml(text: string): string {
  return displayLines(text)
    .map((line) =>
      line.replaceAll('\\', '\\\\').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string),
    )
    .join('<br/>');
}

// Characters Mermaid would read as syntax inside a quoted label, each as a Mermaid entity code:
// `"` ends the string; `#` starts an entity code; `&`, `<` and `>` are HTML; `\n` written as a
// backslash and `n` is a line break; a backtick starts a Markdown string; `|` delimits edge text;
// `%` starts directives; `:` lets the preprocessor's `style...:#...;` rule eat a trailing `;`.
const MERMAID_ENTITIES: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#38;',
  '<': '#60;',
  '>': '#62;',
  '\\': '#92;',
  '`': '#96;',
  '|': '#124;',
  '%': '#37;',
  ':': '#58;',
};

/**
 * Text for the inside of a Mermaid double-quoted label: syntax characters as Mermaid entity codes
 * (`#quot;`, `#35;`, ...), line breaks as `<br/>`. The `n` of "direction" before TB/BT/RL/LR is
 * written `#110;` because Mermaid's lexer reads any line containing `direction LR` as a
 * direction statement.
 */
export function mermaidText(text: string): string {
  return displayLines(text)
    .map((line) =>
      line
        .replace(/["#&<>\\`|%:]/g, (c) => MERMAID_ENTITIES[c] as string)
        .replace(/directio(n)(?=\s+(?:TB|BT|RL|LR|TD))/g, 'directio#110;'),
    )
    .join('<br/>');
}

/**
 * A Mermaid node id for a person id: `p_`, then the id with ASCII letters and digits kept and
 * every other character (including `_`) written `_<hex code point>_`. One-to-one, the same for
 * the same id in every diagram, and never a Mermaid keyword (`end`, `graph`, ...).
 */
export function mermaidId(personId: string): string {
  let out = 'p_';
  for (const char of personId) {
    out += /^[A-Za-z0-9]$/.test(char) ? char : `_${(char.codePointAt(0) as number).toString(16)}_`;
  }
  return out;
}

/**
 * What the readers of the XML graph formats (GEXF, GraphML) share: telling the root element of a
 * document, running a graphology parser so that malformed XML becomes issues instead of console
 * output, and turning its problems into one {@link InvalidNetworkError}.
 *
 * @module
 */
import { InvalidNetworkError, type Issue } from '../errors.js';
import { inFile, withoutByteOrderMark } from './source-file.js';

/** One thing wrong with a document, before it is an issue. */
export interface XmlProblem {
  readonly message: string;
  /** The 1-based line, when the XML parser says. */
  readonly line?: number;
  /** Defaults to `parse_error`. */
  readonly code?: Issue['code'];
  /** Defaults to `""` (the whole document). */
  readonly path?: string;
}

/** The XML declaration, processing instructions, comments and a document type, before the root. */
const PROLOG_ITEM = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/i;
const ROOT = /^\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;

/**
 * The local name of the root element of an XML document (`gexf`, `graphml`), skipping the XML
 * declaration, comments and a document type; `undefined` if the text does not start like XML.
 * Reads only as far as the root's name.
 */
export function xmlRootName(text: string): string | undefined {
  let rest = text;
  for (;;) {
    const item = PROLOG_ITEM.exec(rest);
    if (item === null) break;
    rest = rest.slice(item[0].length);
  }
  return ROOT.exec(rest)?.[1];
}

/** Whether the document has an element of this local name anywhere (`graph`, `gexf`). */
export function hasXmlElement(text: string, name: string): boolean {
  return new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>]`).test(text);
}

/** How a start tag ends: where scanning goes on, and whether the tag closed itself (`/>`). */
interface TagEnd {
  readonly next: number;
  readonly selfClosed: boolean;
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The end of a well-formed start tag whose name ends at `at`, reading attribute values as XML
 * does (a quote opens a value only after `=`; `>` and `<` may not end the tag inside one);
 * `undefined` when the tag is not well-formed, so that how a parser recovers is unknown.
 */
function strictTagEnd(xml: string, at: number): TagEnd | undefined {
  let afterEquals = false;
  for (let i = at; i < xml.length; i++) {
    const c = xml[i];
    if (c === '>') return { next: i + 1, selfClosed: xml[i - 1] === '/' };
    if (c === '<') return undefined;
    if (c === '"' || c === "'") {
      const close = afterEquals ? xml.indexOf(c, i + 1) : -1;
      const after = xml[close + 1];
      if (close < 0 || !(isSpace(after) || after === '/' || after === '>')) return undefined;
      if (xml.slice(i + 1, close).includes('<')) return undefined;
      i = close;
      afterEquals = false;
    } else if (c === '=') afterEquals = true;
    else if (!isSpace(c)) afterEquals = false;
  }
  return undefined;
}

/**
 * The end of a start tag read warily, once the document is known not to be well-formed: at the
 * first `>` or `<`, and closed by itself only when nothing in it could have hidden the `/>` in a
 * quoted value. It may see more open elements than the parser does, never fewer.
 */
function waryTagEnd(xml: string, at: number): TagEnd {
  for (let i = at; i < xml.length; i++) {
    const c = xml[i];
    if (c === '<') return { next: i, selfClosed: false };
    if (c === '>') {
      const quoted = /["']/.test(xml.slice(at, i));
      return { next: i + 1, selfClosed: xml[i - 1] === '/' && !quoted };
    }
  }
  return { next: xml.length, selfClosed: false };
}

const TAG_NAME = /[^\s/<>]+/y;

/**
 * The elements graphology-gexf and graphology-graphml search or read the text of below, once per
 * element: GEXF's `<attributes>`, `<attribute>`, `<node>` and `<edge>`, GraphML's `<key>`,
 * `<default>`, `<node>`, `<edge>` and `<data>`. A file warmpath or Gephi writes nests at most
 * three of them (`<node><data>`, `<attributes><attribute><default>`), yEd's groups a few more.
 */
const SEARCHED_ELEMENTS: ReadonlySet<string> = new Set([
  'attributes',
  'attribute',
  'default',
  'key',
  'node',
  'edge',
  'data',
]);

/** How deep those elements may nest: the parsers' work grows with it, linearly. */
const MAX_SEARCHED_DEPTH = 16;

/** Whether a tag name read warily might be one of `searched` (any case, any prefix). */
function mightBe(name: string, searched: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  const local = lower.slice(lower.indexOf(':') + 1);
  for (const element of searched) if (local.startsWith(element)) return true;
  return false;
}

/**
 * Elements whose descendants the graphology parsers search, one search per element (`<node>`
 * for its `<data>` or `<attvalue>`s, ...), found nested more than `maxDepth` deep in each other:
 * the searches then take time quadratic in the file (8,000 unclosed `<node>`s, 730 kB of GEXF,
 * took 79 s). One pass over the text. While the markup is well-formed it is followed exactly
 * (comments, CDATA, processing instructions, declarations and quoted attribute values skipped;
 * an end tag closes the innermost element of its name). From the first place it is not, it is
 * read warily, as the XML parser's recovery cannot be foretold: nothing closes any more, and
 * every later start tag that might be one of these elements counts.
 */
export function deepElementProblems(
  xml: string,
  searched: ReadonlySet<string>,
  maxDepth: number,
): XmlProblem[] {
  const open: { name: string; searched: boolean }[] = [];
  let depth = 0;
  // Where the markup stopped being well-formed, if it did.
  let waryAt = -1;
  let wary = false;
  const beWary = (at: number): void => {
    if (!wary) waryAt = at;
    wary = true;
  };
  const lineOf = (at: number): number => xml.slice(0, at).split('\n').length;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at)) {
    const skip = (opener: string, close: string): number => {
      const end = xml.indexOf(close, at + opener.length);
      if (end < 0) beWary(at);
      return end < 0 ? at + opener.length : end + close.length;
    };
    if (xml.startsWith('<!--', at)) at = skip('<!--', '-->');
    else if (xml.startsWith('<![CDATA[', at)) at = skip('<![CDATA[', ']]>');
    else if (xml.startsWith('<?', at)) at = skip('<?', '?>');
    else if (xml.startsWith('<!', at)) at = skip('<!', '>');
    else if (xml[at + 1] === '/') {
      const close = xml.indexOf('>', at + 2);
      const top = open.at(-1);
      if (!wary && close >= 0 && top?.name === xml.slice(at + 2, close).trimEnd()) {
        open.pop();
        if (top.searched) depth--;
        at = close + 1;
      } else {
        beWary(at);
        at += 2;
      }
    } else {
      TAG_NAME.lastIndex = at + 1;
      const name = TAG_NAME.exec(xml)?.[0];
      if (name === undefined) {
        beWary(at);
        at += 1;
        continue;
      }
      let tag = wary ? undefined : strictTagEnd(xml, TAG_NAME.lastIndex);
      if (tag === undefined) {
        beWary(at);
        tag = waryTagEnd(xml, TAG_NAME.lastIndex);
      }
      const local = name.slice(name.indexOf(':') + 1);
      if (!tag.selfClosed) {
        const isSearched = wary ? mightBe(name, searched) : searched.has(local);
        if (!wary) open.push({ name, searched: isSearched });
        if (isSearched && ++depth > maxDepth) {
          if (wary) {
            const line = lineOf(waryAt);
            return [
              {
                message: `not well-formed XML: a tag, quote, comment or closing tag is damaged at line ${line}, and too much follows it to read on`,
                line,
              },
            ];
          }
          return [
            {
              message: `<${local}> elements are nested more than ${maxDepth} deep: a network file does not nest them`,
              line: lineOf(at),
            },
          ];
        }
      }
      at = tag.next;
    }
  }
  return [];
}

/**
 * The parser stops after this many problems: a broken file says enough by then, and xmldom
 * handles some damage (elements after the root, ...) in time quadratic in the number of
 * problems, so that 20,000 of them took seconds and 100,000 minutes.
 */
export const MAX_XML_PROBLEMS = 100;

/** Thrown through the parser to stop it at {@link MAX_XML_PROBLEMS}. */
const STOP = Symbol('stop parsing');

const XMLDOM_PREFIX = /^\[xmldom (?:warning|error)\]\s*/;
const XMLDOM_PLACE = /line:(\d+),col:(\d+)/;
const MISSING_NODE = /points to an inexisting node/;

/**
 * Runs a graphology parser (graphology-gexf, graphology-graphml). Their XML parser (xmldom)
 * reports malformed XML on the console and carries on; those reports are caught here, while the
 * synchronous parse runs, and become problems instead, so that a broken file is an error rather
 * than a half-read graph. What the parser throws is a problem too.
 *
 * @param parse - The synchronous parse.
 * @param library - The parser's name, for messages.
 * @param format - The format's name, for messages.
 */
export function parseXmlGraph<T>(
  parse: () => T,
  library: string,
  format: string,
): { result?: T; problems: XmlProblem[] } {
  const problems: XmlProblem[] = [];
  const report = (...args: unknown[]): void => {
    const place = XMLDOM_PLACE.exec(String(args[1] ?? ''));
    const message = String(args[0]).replace(XMLDOM_PREFIX, '').trim();
    problems.push({
      message: `not well-formed XML: ${message}${place ? ` (line ${place[1]}, column ${place[2]})` : ''}`,
      ...(place ? { line: Number(place[1]) } : {}),
    });
    if (problems.length >= MAX_XML_PROBLEMS) throw STOP;
  };
  const { warn, error } = console;
  console.warn = report;
  console.error = report;
  try {
    const result = parse();
    return problems.length > 0 ? { problems } : { result, problems };
  } catch (thrown) {
    if (thrown === STOP) {
      problems.push({ message: `stopped reading after ${MAX_XML_PROBLEMS} problems` });
      return { problems };
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (problems.length === 0) {
      problems.push({
        message: MISSING_NODE.test(message)
          ? "an edge's source or target is not the id of a node in the file"
          : `not a ${format} graph ${library} can read: ${message}`,
      });
    }
    return { problems };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** An {@link InvalidNetworkError} of the problems, each naming `file` when given. */
export function documentError(problems: readonly XmlProblem[], file?: string): InvalidNetworkError {
  return new InvalidNetworkError(
    inFile(
      problems.map((p) => ({
        code: p.code ?? 'parse_error',
        path: p.path ?? '',
        message: p.message,
        ...(p.line === undefined ? {} : { line: p.line }),
      })),
      file,
    ),
  );
}

/**
 * The text of a document of `format` whose root element is `root`, without a byte-order mark;
 * throws (`parse_error`) for anything but text holding such an element.
 */
export function xmlDocument(text: unknown, format: string, root: string, file?: string): string {
  if (typeof text !== 'string') {
    throw documentError([{ message: `${format} must be text, got ${typeof text}` }], file);
  }
  const xml = withoutByteOrderMark(text);
  if (!hasXmlElement(xml, root)) {
    throw documentError(
      [{ message: `not a ${format} document: there is no <${root}> element` }],
      file,
    );
  }
  const deep = deepElementProblems(xml, SEARCHED_ELEMENTS, MAX_SEARCHED_DEPTH);
  if (deep.length > 0) throw documentError(deep, file);
  return xml;
}

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

/** Where the tag starting at `at` (just after its name) ends: after its `>`; -1 if it does not. */
function tagEnd(xml: string, at: number): number {
  for (let i = at; i < xml.length; i++) {
    const c = xml[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      i = xml.indexOf(c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

const TAG_NAME = /[^\s/>]+/y;

/**
 * The elements graphology-gexf and graphology-graphml search below, once per element: GEXF's
 * `<attributes>`, `<attribute>`, `<node>` and `<edge>`, GraphML's `<key>`, `<node>` and `<edge>`.
 * A valid file nests at most two of them (`<attributes><attribute>`, a nested graph's nodes).
 */
const SEARCHED_ELEMENTS: ReadonlySet<string> = new Set([
  'attributes',
  'attribute',
  'key',
  'node',
  'edge',
]);

/**
 * Elements whose descendants the graphology parsers search, one search per element (`<node>`
 * for its `<data>` or `<attvalue>`s, ...), found nested more than `maxDepth` deep in each other:
 * the searches then take time quadratic in the file (8,000 unclosed `<node>`s, 730 kB of GEXF,
 * took 79 s). One pass over the text, skipping comments, CDATA, processing instructions and
 * quoted attribute values; it stops at the first such element, or at an unterminated comment,
 * tag or quote (the rest of the text is then no markup, and the XML parser reports it).
 */
export function deepElementProblems(
  xml: string,
  searched: ReadonlySet<string>,
  maxDepth: number,
): XmlProblem[] {
  // The searched elements open around the current place (at most maxDepth of them).
  const open: string[] = [];
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at)) {
    const skip = (close: string): number => {
      const end = xml.indexOf(close, at);
      return end < 0 ? -1 : end + close.length;
    };
    let next: number;
    if (xml.startsWith('<!--', at)) next = skip('-->');
    else if (xml.startsWith('<![CDATA[', at)) next = skip(']]>');
    else if (xml.startsWith('<?', at)) next = skip('?>');
    else if (xml.startsWith('<!', at)) next = tagEnd(xml, at + 2);
    else {
      const closing = xml[at + 1] === '/';
      TAG_NAME.lastIndex = at + (closing ? 2 : 1);
      const name = TAG_NAME.exec(xml)?.[0];
      if (name === undefined) {
        // A stray "<": the XML parser reports it; carry on after it.
        at += 1;
        continue;
      }
      next = tagEnd(xml, TAG_NAME.lastIndex);
      if (next < 0) return [];
      const local = name.slice(name.indexOf(':') + 1);
      if (!searched.has(local)) {
        // Not one of the searched elements: only their nesting matters.
      } else if (closing) {
        const index = open.lastIndexOf(local);
        if (index >= 0) open.length = index;
      } else if (xml[next - 2] !== '/') {
        open.push(local);
        if (open.length > maxDepth) {
          return [
            {
              message: `<${local}> elements are nested more than ${maxDepth} deep (is a closing tag missing?): a network file does not nest them`,
              line: xml.slice(0, at).split('\n').length,
            },
          ];
        }
      }
    }
    if (next < 0) return [];
    at = next;
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
  const deep = deepElementProblems(xml, SEARCHED_ELEMENTS, 2);
  if (deep.length > 0) throw documentError(deep, file);
  return xml;
}

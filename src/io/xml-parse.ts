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
  };
  const { warn, error } = console;
  console.warn = report;
  console.error = report;
  try {
    const result = parse();
    return problems.length > 0 ? { problems } : { result, problems };
  } catch (thrown) {
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
  return xml;
}

/**
 * Reading diagrams back, independently of the code that wrote them: DOT through Graphviz's own
 * parser (its `json0` output), Graphviz SVG by its `<g class="...">` groups, and Mermaid labels by
 * Mermaid's decoding rules. Tests compare what a reader would see with what the data says.
 */
import { instance, type Viz } from '@viz-js/viz';

let viz: Promise<Viz> | undefined;
const graphviz = (): Promise<Viz> => {
  viz ??= instance();
  return viz;
};

export type Attributes = Readonly<Record<string, string>>;

export interface ParsedEdge {
  readonly tail: string;
  readonly head: string;
  readonly attributes: Attributes;
}

export interface ParsedCluster {
  readonly name: string;
  readonly attributes: Attributes;
  /** Node names, in Graphviz's order. */
  readonly nodes: readonly string[];
  readonly edges: readonly ParsedEdge[];
}

export interface ParsedDot {
  readonly attributes: Attributes;
  readonly nodes: ReadonlyMap<string, Attributes>;
  readonly edges: readonly ParsedEdge[];
  readonly clusters: readonly ParsedCluster[];
}

interface Json0Object extends Record<string, unknown> {
  readonly _gvid: number;
  readonly name: string;
  readonly nodes?: readonly number[];
  readonly edges?: readonly number[];
}

interface Json0Edge extends Record<string, unknown> {
  readonly _gvid: number;
  readonly tail: number;
  readonly head: number;
}

const stringAttributes = (record: Record<string, unknown>): Attributes =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => typeof v === 'string')) as Attributes;

/** Parses DOT with Graphviz itself; throws if Graphviz cannot. */
export async function parseDot(dot: string): Promise<ParsedDot> {
  const result = (await graphviz()).render(dot, { format: 'json0' });
  if (result.status !== 'success') throw new Error(JSON.stringify(result.errors));
  const json = JSON.parse(result.output) as {
    objects?: Json0Object[];
    edges?: Json0Edge[];
    _subgraph_cnt: number;
  } & Record<string, unknown>;
  const objects = json.objects ?? [];
  const nameOf = new Map(objects.map((o) => [o._gvid, o.name]));
  const edges = (json.edges ?? []).map(
    (e): ParsedEdge => ({
      tail: nameOf.get(e.tail) as string,
      head: nameOf.get(e.head) as string,
      attributes: stringAttributes(e),
    }),
  );
  const subgraphs = objects.slice(0, json._subgraph_cnt);
  const nodes = new Map(
    objects.slice(json._subgraph_cnt).map((o) => [o.name, stringAttributes(o)] as const),
  );
  return {
    attributes: stringAttributes(json),
    nodes,
    edges,
    clusters: subgraphs
      .filter((s) => s.name.startsWith('cluster'))
      .map((s) => ({
        name: s.name,
        attributes: stringAttributes(s),
        nodes: (s.nodes ?? []).map((i) => nameOf.get(i) as string),
        edges: (s.edges ?? []).map((i) => edges[i] as ParsedEdge),
      })),
  };
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes XML/HTML character references and the named entities Graphviz writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return XML_ENTITIES[body] ?? match;
  });
}

/** The lines a Graphviz HTML-like label shows (tags dropped, `<br/>` a line break, `\\` a backslash). */
export function htmlLabelLines(label: string): string[] {
  return label
    .split(/<br[^>]*\/>/)
    .map((part) => decodeEntities(part.replace(/<[^>]*>/g, '').replaceAll('\\\\', '\\')))
    .filter((line) => line !== '');
}

/** The lines an ordinary DOT label shows: `\n`, `\l`, `\r` break lines, `\\` is a backslash. */
export function dotLabelLines(label: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < label.length; i++) {
    const c = label[i] as string;
    if (c === '\\' && i + 1 < label.length) {
      const next = label[++i] as string;
      if (next === 'n' || next === 'l' || next === 'r') {
        lines.push(line);
        line = '';
      } else line += next;
    } else line += c;
  }
  if (line !== '') lines.push(line);
  return lines.map(decodeEntities);
}

export interface SvgGroup {
  readonly kind: 'node' | 'edge' | 'cluster';
  readonly title: string;
  /** The `<text>` contents, decoded. */
  readonly texts: readonly string[];
  readonly source: string;
}

/** The `<g class="node|edge|cluster">` groups of a Graphviz SVG, in document order. */
export function svgGroups(svg: string): SvgGroup[] {
  const starts = [...svg.matchAll(/<g id="[^"]*" class="(node|edge|cluster)">/g)];
  return starts.map((match, i) => {
    const source = svg.slice(match.index, starts[i + 1]?.index ?? svg.length);
    const title = /<title>([\s\S]*?)<\/title>/.exec(source)?.[1] ?? '';
    const texts = [...source.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
      decodeEntities(m[1] as string),
    );
    return { kind: match[1] as SvgGroup['kind'], title: decodeEntities(title), texts, source };
  });
}

/** Whitespace as a reader sees it: runs of spaces (no-break included) as one, ends trimmed. */
export const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * The text Mermaid shows for a double-quoted label, by Mermaid's rules: `#name;` and `#123;`
 * entity codes become characters, `<br/>` a line break.
 */
export function mermaidLabelLines(label: string): string[] {
  const named: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return label
    .split('<br/>')
    .map((line) =>
      line.replace(/#(\w+);/g, (match, body: string) =>
        /^\d+$/.test(body) ? String.fromCodePoint(Number(body)) : (named[body] ?? match),
      ),
    );
}

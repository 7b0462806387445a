/**
 * `toDot`: chains and neighbourhoods in Graphviz's DOT language.
 *
 * @module
 */
import { dotHtml, dotId, dotString, dotTooltip } from './escape.js';
import { type DiagramOptions, resolveDiagramOptions } from './options.js';
import {
  type DiagramSubject,
  type Scene,
  type SceneEdge,
  type SceneNode,
  sceneOf,
} from './scene.js';

const FONT = 'Helvetica';

/** Fill, outline and shape of each kind of person. */
const NODE_STYLE = {
  candidate: 'shape=oval, style=filled, fillcolor="#dbeafe", color="#1d4ed8", penwidth=1.6',
  center: 'shape=oval, style=filled, fillcolor="#dbeafe", color="#1d4ed8", penwidth=1.6',
  target:
    'shape=box, style=filled, peripheries=2, fillcolor="#dcfce7", color="#15803d", penwidth=1.2',
  candidateTarget:
    'shape=oval, style=filled, peripheries=2, fillcolor="#dcfce7", color="#15803d", penwidth=1.2',
  shared: 'shape=box, style="rounded,filled", fillcolor="#fef3c7", color="#b45309", penwidth=1.4',
  intermediary: 'shape=box, style="rounded,filled", fillcolor="#f8fafc", color="#64748b"',
  neighbor: 'shape=box, style="rounded,filled", fillcolor="#f8fafc", color="#64748b"',
} as const;

function nodeStyle(node: SceneNode): string {
  if (node.role === 'candidate')
    return node.alsoTarget ? NODE_STYLE.candidateTarget : NODE_STYLE.candidate;
  if (node.shared) return NODE_STYLE.shared;
  return NODE_STYLE[node.role];
}

function nodeLabel(node: SceneNode): string {
  let html = `<b>${dotHtml(node.name)}</b>`;
  if (node.detail !== undefined)
    html += `<br/><font point-size="9" color="#475569">${dotHtml(node.detail)}</font>`;
  if (node.note !== undefined)
    html += `<br/><font point-size="9" color="#b45309">${dotHtml(node.note)}</font>`;
  return `<${html}>`;
}

function nodeLine(node: SceneNode): string {
  return `${dotId(node.key)} [label=${nodeLabel(node)}, ${nodeStyle(node)}];`;
}

/** 1 (weakest) to 4.5 points (strength 1), so strength reads as weight. */
const penwidth = (strength: number): string => (1 + 3.5 * strength).toFixed(2);

const LIGHT = [0xcb, 0xd5, 0xe1] as const;
const DARK = [0x1e, 0x29, 0x3b] as const;
/** Light grey (strength 0) to near black (strength 1): weak ties recede. */
function strengthColor(strength: number): string {
  const t = Math.min(1, Math.max(0, strength));
  return `#${LIGHT.map((light, i) =>
    Math.round(light + ((DARK[i] as number) - light) * t)
      .toString(16)
      .padStart(2, '0'),
  ).join('')}`;
}

function edgeLine(edge: SceneEdge): string {
  const attributes = [
    `label=${dotString(edge.lines.join('\n'))}`,
    `penwidth=${penwidth(edge.strength)}`,
    `color="${strengthColor(edge.strength)}"`,
    `dir=${edge.directed ? 'forward' : 'none'}`,
  ];
  if (edge.tooltip !== undefined) {
    const tooltip = dotTooltip(edge.tooltip);
    attributes.push(`tooltip=${tooltip}`, `labeltooltip=${tooltip}`);
  }
  return `${dotId(edge.from)} -> ${dotId(edge.to)} [${attributes.join(', ')}];`;
}

function graphLabel(scene: Scene): string | undefined {
  if (scene.title.length === 0) return undefined;
  const [heading, ...rest] = scene.title;
  // Each <br align="left"/> ends a left-aligned line.
  let html = `<b>${dotHtml(heading as string)}</b><br align="left"/>`;
  for (const line of rest) html += `${dotHtml(line)}<br align="left"/>`;
  html += `<font point-size="9" color="#64748b">${dotHtml(scene.legend)}</font><br align="left"/>`;
  return `<${html}>`;
}

const indent = (lines: readonly string[], by = '  '): string[] => lines.map((line) => by + line);

function sceneToDot(scene: Scene): string {
  const label = graphLabel(scene);
  const center = scene.groups[0]?.nodes.find((node) => node.role === 'center');
  // Chains read left to right (dot); a neighbourhood is drawn in rings around its center (twopi).
  const layout =
    center === undefined
      ? 'rankdir=LR, nodesep=0.35, ranksep=0.7'
      : `layout=twopi, root=${dotId(center.key)}, ranksep=2, overlap=scale, splines=true`;
  const lines = [
    'digraph warmpath {',
    `  graph [${layout}, fontname="${FONT}", fontsize=13, labelloc=t, labeljust=l, pad=0.25, bgcolor="white"${label === undefined ? '' : `, label=${label}`}];`,
    `  node [fontname="${FONT}", fontsize=11, margin="0.18,0.08"];`,
    `  edge [fontname="${FONT}", fontsize=9, fontcolor="#1e293b", arrowsize=0.7];`,
  ];
  if (scene.empty !== undefined) {
    lines.push(`  empty [shape=plaintext, label=${dotString(scene.empty)}];`);
  }
  // With rankdir=LR, dot stacks separate clusters upwards in the order they are declared:
  // declaring the last chain first puts the likeliest on top.
  const groups = scene.kind === 'chains' ? [...scene.groups].reverse() : scene.groups;
  if (scene.kind === 'chains' && groups.length > 1) {
    lines.push('  // Chains last to first, so that dot draws chain 1 on top.');
  }
  for (const group of groups) {
    const body = [...group.nodes.map(nodeLine), ...group.edges.map(edgeLine)];
    if (group.caption === undefined) {
      lines.push(...indent(body));
    } else {
      lines.push(`  subgraph cluster_${group.number} {`);
      lines.push(
        `    graph [label=${dotString(group.caption)}, style="rounded", color="#cbd5e1", fontsize=11, labeljust=l];`,
      );
      lines.push(...indent(body, '    '));
      lines.push('  }');
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * Draws warm-introduction chains or a neighbourhood in the DOT language of Graphviz (render it
 * with `renderSvg`, or with `dot -Tsvg`).
 *
 * Chains (an `IntroductionResult` or an array of `IntroductionPath`): one box (`subgraph
 * cluster_<n>`) per chain, likeliest on top, captioned with its probability and band; the people
 * in chain order from left to right. The candidate is a blue oval, the target a green double box,
 * and an intermediary on more than one chain is amber and says which chains (they are the
 * connectors every such chain hangs on; a shared step is one event, see `atLeastOne`). Each hop is
 * an arrow in the direction the introduction is asked, labelled with the relationship kinds and
 * the strength (two decimals; "(directed)" when it rests on a directed relationship, and the
 * willingness of an intermediary who asks to be asked first), its width growing with strength and
 * its tooltip the hop's explanation. A person on several chains appears once per chain. Lines
 * are thicker and darker the stronger the tie.
 *
 * A neighbourhood: drawn by Graphviz's radial layout (`layout=twopi`, rooted at the center, a blue
 * oval), one ring per tie of distance. Each tie is labelled with its kinds and strength. A tie
 * usable both ways at the same strength is a line; a one-way tie an arrow; a tie usable both ways
 * at different strengths two arrows, each labelled with its own strength. In a dense
 * neighbourhood, `minStrength` keeps the picture readable.
 *
 * The output is deterministic: chains in their given order, a neighbourhood's people and ties
 * sorted by id. Every name, organisation and id is escaped (quotes, backslashes, line breaks,
 * HTML `& < > " '` in the HTML-like node labels; controls become U+FFFD).
 *
 * @param subject - `findIntroductions(...)`, its `paths` (or any array of chains), or `neighborhood(...)`.
 * @param options - `network` for names and organisations in chains (ids otherwise); `title`.
 * @returns The DOT source, ending with a newline.
 * @throws InvalidOptionsError when `subject` is none of those, or an option is invalid.
 * @throws UnknownEntityError when `options.network` lacks people the chains name.
 * @example
 * ```ts
 * const result = findIntroductions(network, { from: 'jacob', to: { job: 'it-sales-rep' }, k: 3 });
 * const dot = toDot(result, { network });
 * writeFileSync('chains.svg', await renderSvg(dot));
 * ```
 * @see Gansner & North, "An open graph visualization system and its applications to software
 *   engineering", Software: Practice and Experience 30(11), 2000 (Graphviz and the dot layout).
 * @see The DOT language: https://graphviz.org/doc/info/lang.html; HTML-like labels:
 *   https://graphviz.org/doc/info/shapes.html#html
 */
export function toDot(subject: DiagramSubject, options?: DiagramOptions): string {
  return sceneToDot(sceneOf(subject, resolveDiagramOptions(options)));
}

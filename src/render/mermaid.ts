/**
 * `toMermaid`: chains and neighbourhoods as Mermaid flowcharts, for Markdown that GitHub, GitLab
 * and many documentation tools draw.
 *
 * @module
 */
import { mermaidId, mermaidText } from './escape.js';
import { type DiagramOptions, resolveDiagramOptions } from './options.js';
import { type DiagramSubject, type Scene, type SceneNode, sceneOf } from './scene.js';

/** Class definitions, one per kind of person (the same colours as `toDot`). */
const CLASS_DEFS = {
  candidate: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#0f172a',
  target: 'fill:#dcfce7,stroke:#15803d,stroke-width:2px,color:#0f172a',
  shared: 'fill:#fef3c7,stroke:#b45309,stroke-width:1.5px,color:#0f172a',
  person: 'fill:#f8fafc,stroke:#64748b,stroke-width:1px,color:#0f172a',
} as const;

type ClassName = keyof typeof CLASS_DEFS;

function classOf(node: SceneNode): ClassName {
  if (node.role === 'candidate' || node.role === 'center')
    return node.alsoTarget ? 'target' : 'candidate';
  if (node.role === 'target') return 'target';
  return node.shared ? 'shared' : 'person';
}

function nodeId(scene: Scene, node: SceneNode, group: number): string {
  return scene.kind === 'chains'
    ? `c${group}_${mermaidId(node.personId)}`
    : mermaidId(node.personId);
}

function nodeLabel(node: SceneNode): string {
  const lines = [mermaidText(node.name)];
  if (node.detail !== undefined) lines.push(mermaidText(node.detail));
  if (node.note !== undefined) lines.push(mermaidText(node.note));
  return `"${lines.join('<br/>')}"`;
}

/** The shape brackets: stadium for the candidate or center, subroutine (double sides) for the target. */
function shaped(node: SceneNode, label: string): string {
  if (node.role === 'candidate' || node.role === 'center') return `([${label}])`;
  if (node.role === 'target') return `[[${label}]]`;
  return `(${label})`;
}

const strokeWidth = (strength: number): string => `${(1 + 3.5 * strength).toFixed(2)}px`;

function sceneToMermaid(scene: Scene): string {
  const lines: string[] = [];
  // The title goes in the front matter (YAML; a JSON string is a valid YAML double-quoted scalar).
  if (scene.title.length > 0) {
    lines.push('---', `title: ${JSON.stringify(scene.title.join(' · '))}`, '---');
  }
  lines.push('flowchart LR');
  if (scene.empty !== undefined) lines.push(`  empty["${mermaidText(scene.empty)}"]`);
  const classes = new Map<ClassName, string[]>();
  const widths: string[] = [];
  for (const group of scene.groups) {
    const idOf = new Map(group.nodes.map((node) => [node.key, nodeId(scene, node, group.number)]));
    const body: string[] = [];
    for (const node of group.nodes) {
      const id = idOf.get(node.key) as string;
      body.push(`${id}${shaped(node, nodeLabel(node))}`);
      const members = classes.get(classOf(node)) ?? [];
      members.push(id);
      classes.set(classOf(node), members);
    }
    for (const edge of group.edges) {
      const link = edge.directed ? '-->' : '---';
      const label = `"${edge.lines.map(mermaidText).join('<br/>')}"`;
      body.push(`${idOf.get(edge.from)} ${link}|${label}| ${idOf.get(edge.to)}`);
      widths.push(strokeWidth(edge.strength));
    }
    if (group.caption === undefined) {
      lines.push(...body.map((line) => `  ${line}`));
    } else {
      lines.push(`  subgraph chain${group.number}["${mermaidText(group.caption)}"]`);
      lines.push('    direction LR');
      lines.push(...body.map((line) => `    ${line}`));
      lines.push('  end');
    }
  }
  for (const [name, style] of Object.entries(CLASS_DEFS)) lines.push(`  classDef ${name} ${style}`);
  for (const [name, ids] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  class ${ids.join(',')} ${name}`);
  }
  // Links are numbered in the order they were written.
  widths.forEach((width, i) => {
    lines.push(`  linkStyle ${i} stroke-width:${width}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Draws warm-introduction chains or a neighbourhood as a Mermaid flowchart, for Markdown files
 * and issue comments (GitHub and GitLab draw ```` ```mermaid ```` blocks).
 *
 * The same picture as `toDot`: chains as subgraphs (`chain1`, `chain2`, ...), one row
 * each, the candidate a blue stadium, the target a green subroutine box, intermediaries on more
 * than one chain amber; hops as arrows labelled with kinds and strength (two decimals), their width
 * (`linkStyle`) growing with strength. A neighbourhood draws two-way ties as lines (`---`) and
 * one-way ties as arrows (`-->`). The title goes in the front matter.
 *
 * Node ids are made from person ids by escaping (`greg-hollis` becomes
 * `p_greg_2d_hollis`; in chains prefixed `c<n>_`), the same in every diagram and never a Mermaid
 * keyword. Labels are quoted, with `"` written `#quot;` and `# & < > \ | % : backtick` as
 * numeric entity codes, line breaks as `<br/>`, so any name shows as written.
 *
 * @param subject - `findIntroductions(...)`, its `paths`, or `neighborhood(...)`.
 * @param options - `network` for names and organisations in chains (ids otherwise); `title`.
 * @returns The Mermaid source, ending with a newline.
 * @throws InvalidOptionsError when `subject` is none of those, or an option is invalid.
 * @throws UnknownEntityError when `options.network` lacks people the chains name.
 * @example
 * ```ts
 * const markdown = ['```mermaid', toMermaid(findIntroductions(network, { from: 'michael', to: 'laura' }), { network }).trimEnd(), '```'].join('\n');
 * ```
 * @see Mermaid flowchart syntax: https://mermaid.js.org/syntax/flowchart.html (entity codes:
 *   "Entity codes to escape characters"; front matter titles; `linkStyle`, `classDef`).
 */
export function toMermaid(subject: DiagramSubject, options?: DiagramOptions): string {
  return sceneToMermaid(sceneOf(subject, resolveDiagramOptions(options)));
}

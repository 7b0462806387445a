/**
 * The graphology view of a network's people and ties, for interop with the graphology ecosystem
 * (graphology-metrics, sigma.js, ...).
 */
import Graph from 'graphology';
import type { Person } from './schema.js';
import type { Tie } from './ties.js';

const ESCAPE = '~';

/**
 * The graphology node key of a person id. graphology keeps each node's neighbours in plain
 * objects, so an id that is the name of an `Object.prototype` member (`__proto__`,
 * `constructor`, `toString`, ...) cannot be a node key there. Such ids, and ids that begin with
 * `~`, get one extra leading `~`; every other id is its own key. The node attribute `id` always
 * holds the person id itself.
 *
 * @param personId - A person id.
 * @returns The node key of that person in `network.graph`.
 * @throws Nothing.
 * @example
 * ```ts
 * graphKey('jacob'); // 'jacob'
 * graphKey('constructor'); // '~constructor'
 * network.graph.getNodeAttribute(graphKey('constructor'), 'id'); // 'constructor'
 * ```
 */
export function graphKey(personId: string): string {
  return personId in Object.prototype || personId.startsWith(ESCAPE) ? ESCAPE + personId : personId;
}

/**
 * The person id of a graphology node key (the inverse of {@link graphKey}).
 *
 * @param key - A node key of `network.graph`.
 * @returns The person id.
 * @throws Nothing.
 * @example
 * ```ts
 * personIdOfGraphKey('~constructor'); // 'constructor'
 * network.graph.forEachNode((key) => console.log(personIdOfGraphKey(key)));
 * ```
 */
export function personIdOfGraphKey(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(1) : key;
}

/** Node attributes of the people graph. */
export interface PersonNodeAttributes {
  /** The person id (the node key may differ: see {@link graphKey}). */
  readonly id: string;
  readonly label: string;
  readonly organizationId: string | undefined;
  readonly title: string | undefined;
  readonly introductions: 'open' | 'ask-first' | 'never';
}

/** Edge attributes of the people graph. */
export interface TieEdgeAttributes {
  /** Strength in the edge's direction (both ways for an undirected edge), in (0, 1]. */
  readonly strength: number;
  /** `-ln(strength)`: a distance, so the strongest chain is the shortest. */
  readonly cost: number;
  /** The tie's relationship kinds, strongest first. */
  readonly kinds: readonly string[];
  /** Index of the tie in `network.ties()`. */
  readonly tie: number;
}

/**
 * A mixed graphology graph: one node per person (key {@link graphKey}(id)); one undirected edge per tie
 * usable equally both ways, otherwise one directed edge per usable direction.
 */
export function buildPeopleGraph(
  people: readonly Person[],
  ties: readonly Tie[],
): Graph<PersonNodeAttributes, TieEdgeAttributes> {
  const graph = new Graph<PersonNodeAttributes, TieEdgeAttributes>({
    type: 'mixed',
    multi: false,
    allowSelfLoops: false,
  });
  for (const person of people) {
    graph.addNode(graphKey(person.id), {
      id: person.id,
      label: person.name,
      organizationId: person.organizationId,
      title: person.title,
      introductions: person.introductions ?? 'open',
    });
  }
  ties.forEach((tie, index) => {
    const source = graphKey(tie.source);
    const target = graphKey(tie.target);
    const attributes = (strength: number): TieEdgeAttributes => ({
      strength,
      cost: -Math.log(strength),
      kinds: tie.kinds,
      tie: index,
    });
    if (tie.forward === tie.backward) {
      graph.addUndirectedEdgeWithKey(`t${index}`, source, target, attributes(tie.forward));
      return;
    }
    if (tie.forward > 0)
      graph.addDirectedEdgeWithKey(`t${index}>`, source, target, attributes(tie.forward));
    if (tie.backward > 0)
      graph.addDirectedEdgeWithKey(`t${index}<`, target, source, attributes(tie.backward));
  });
  return graph;
}

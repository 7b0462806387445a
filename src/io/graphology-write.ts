/**
 * The nodes and edges of a network's graph, in export order, before a format lays them out:
 * `networkToGraphology` and `networkToGexf` write the same elements (the layout is described in
 * `graphology.ts`).
 *
 * @module
 */
import { formatPath } from '../errors.js';
import type { Network } from '../model/network.js';
import { type GraphEdgeType, type GraphNodeType, nodeKey } from './graphology-layout.js';
import { defineField, type Fields } from './own-data.js';

/** @internal One node of the exported graph, before a format lays it out. */
export interface NodeElement {
  readonly key: string;
  readonly type: GraphNodeType;
  readonly label: string;
  /** The record's fields (a group's without `members`), as stored in the network. */
  readonly fields: Readonly<Fields>;
  /** Where the record is in the dataset, e.g. `people[3]`. */
  readonly path: string;
}

/** @internal One edge of the exported graph, before a format lays it out. */
export interface EdgeElement {
  readonly key: string;
  readonly type: GraphEdgeType;
  readonly source: string;
  readonly target: string;
  readonly undirected: boolean;
  /** The edge's label, if it has one (a relationship's kind). */
  readonly label: string | undefined;
  /** A relationship's strength (derived). */
  readonly weight: number | undefined;
  /** The record's fields that are not endpoints (none for member and derived edges). */
  readonly fields: Readonly<Fields>;
  /** Where the record is in the dataset, e.g. `relationships[2]` or `groups[0].members[1]`. */
  readonly path: string;
}

function without(record: object, omit: readonly string[]): Readonly<Fields> {
  const out: Fields = {};
  for (const key of Object.keys(record)) {
    if (!omit.includes(key)) defineField(out, key, (record as Fields)[key]);
  }
  return out;
}

/** @internal The nodes and edges of a network's graph, in export order. */
export function graphElements(network: Network): {
  nodes: NodeElement[];
  edges: EdgeElement[];
} {
  const { dataset } = network;
  const nodes: NodeElement[] = [];
  const node = (type: GraphNodeType, label: string, record: object, path: string): void => {
    const id = (record as { id: string }).id;
    nodes.push({ key: nodeKey(type, id), type, label, fields: without(record, ['members']), path });
  };
  dataset.organizations.forEach((o, i) => {
    node('organization', o.name, o, formatPath(['organizations', i]));
  });
  dataset.people.forEach((p, i) => {
    node('person', p.name, p, formatPath(['people', i]));
  });
  dataset.jobs.forEach((j, i) => {
    node('job', j.title, j, formatPath(['jobs', i]));
  });
  dataset.groups.forEach((g, i) => {
    node('group', g.name, g, formatPath(['groups', i]));
  });

  const edges: EdgeElement[] = [];
  const counts = new Map<GraphEdgeType, number>();
  const edge = (
    type: GraphEdgeType,
    source: string,
    target: string,
    path: string,
    more: Partial<Pick<EdgeElement, 'undirected' | 'label' | 'weight' | 'fields'>> = {},
  ): void => {
    const n = counts.get(type) ?? 0;
    counts.set(type, n + 1);
    edges.push({
      key: `${type}:${n}`,
      type,
      source,
      target,
      undirected: more.undirected ?? false,
      label: more.label,
      weight: more.weight,
      fields: more.fields ?? {},
      path,
    });
  };
  const strengths = network.strengths();
  dataset.relationships.forEach((r, i) => {
    const [source, target] = [nodeKey('person', r.source), nodeKey('person', r.target)];
    edge('relationship', source, target, formatPath(['relationships', i]), {
      undirected: r.directed !== true,
      label: r.kind,
      weight: strengths[i]?.strength,
      fields: without(r, ['source', 'target']),
    });
  });
  dataset.groups.forEach((g, i) => {
    g.members.forEach((member, j) => {
      edge(
        'member',
        nodeKey('group', g.id),
        nodeKey('person', member),
        formatPath(['groups', i, 'members', j]),
      );
    });
  });
  for (const [collection, type] of [
    ['hires', 'hire'],
    ['applications', 'application'],
  ] as const) {
    dataset[collection].forEach((h, i) => {
      edge(
        type,
        nodeKey('person', h.personId),
        nodeKey('job', h.jobId),
        formatPath([collection, i]),
        {
          fields: without(h, ['personId', 'jobId']),
        },
      );
    });
  }
  dataset.people.forEach((p, i) => {
    if (p.organizationId !== undefined) {
      edge(
        'works-at',
        nodeKey('person', p.id),
        nodeKey('organization', p.organizationId),
        formatPath(['people', i, 'organizationId']),
      );
    }
  });
  dataset.jobs.forEach((j, i) => {
    const organization = nodeKey('organization', j.organizationId);
    edge('at', nodeKey('job', j.id), organization, formatPath(['jobs', i, 'organizationId']));
  });
  dataset.jobs.forEach((j, i) => {
    edge(
      'hiring-manager',
      nodeKey('job', j.id),
      nodeKey('person', j.hiringManagerId),
      formatPath(['jobs', i, 'hiringManagerId']),
    );
  });
  return { nodes, edges };
}

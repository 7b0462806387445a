/**
 * Reading the reference fixtures under test/fixtures (each written by the script beside it) and
 * the seed story's network, and building a network from a NetworkX graph fixture.
 */
import { readFileSync } from 'node:fs';
import { createNetwork, type Network, type NetworkInput } from '../../src/index.js';

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

/** The parsed JSON of `test/fixtures/<path>`, as the test says it is shaped. */
export function readFixture<T>(path: string): T {
  return readJson(new URL(`../fixtures/${path}`, import.meta.url)) as T;
}

/** One tie of a NetworkX graph fixture. */
export interface FixtureEdge {
  readonly source: string;
  readonly target: string;
  readonly strength: number;
}

/** What every NetworkX graph fixture holds (paths and centrality add their reference values). */
export interface GraphFixture {
  readonly name: string;
  readonly generatedBy: string;
  readonly nodes: readonly string[];
  readonly edges: readonly FixtureEdge[];
}

/** The fixture's graph as a network: each node a person named by their id, each edge a tie. */
export function networkOfFixture(fixture: Pick<GraphFixture, 'nodes' | 'edges'>): Network {
  return createNetwork({
    people: fixture.nodes.map((id) => ({ id, name: id })),
    relationships: fixture.edges.map(({ source, target, strength }) => ({
      source,
      target,
      kind: 'other' as const,
      strength,
    })),
  });
}

/** The seed story's network (examples/seed-story/network.json), freshly validated. */
export function seedStoryNetwork(): Network {
  const url = new URL('../../examples/seed-story/network.json', import.meta.url);
  return createNetwork(readJson(url) as NetworkInput);
}

/**
 * Weighted betweenness where NetworkX 2.8 cannot be the reference: graphs with ties of strength 1
 * (cost 0), on which NetworkX counts some shortest paths twice. Here every shortest simple path
 * is enumerated instead. "Shortest" is warmpath's rule: cheapest, then fewest hops, with costs
 * summed from the source as Dijkstra sums them (so exact float equality decides ties the same way).
 */
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../src/index.js';
import { type FixtureEdge, networkOfFixture, readFixture } from '../support/fixtures.js';

interface Fixture {
  readonly nodes: readonly string[];
  readonly edges: readonly (FixtureEdge & { readonly cost: number })[];
}

function bruteBetweenness(fixture: Fixture): Map<string, number> {
  const n = fixture.nodes.length;
  const index = new Map(fixture.nodes.map((id, i) => [id, i]));
  const adjacency: [number, number][][] = fixture.nodes.map(() => []);
  for (const e of fixture.edges) {
    const a = index.get(e.source) as number;
    const b = index.get(e.target) as number;
    adjacency[a]?.push([b, e.cost]);
    adjacency[b]?.push([a, e.cost]);
  }
  const score = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    // Cheapest cost to every person (simple O(n²) Dijkstra), the bound for the enumeration.
    const best = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const done = new Array<boolean>(n).fill(false);
    best[s] = 0;
    for (let round = 0; round < n; round++) {
      let u = -1;
      for (let v = 0; v < n; v++)
        if (!done[v] && (u === -1 || (best[v] as number) < (best[u] as number))) u = v;
      if (u === -1 || best[u] === Number.POSITIVE_INFINITY) break;
      done[u] = true;
      for (const [v, c] of adjacency[u] ?? [])
        if ((best[u] as number) + c < (best[v] as number)) best[v] = (best[u] as number) + c;
    }
    // Every simple path from s whose running sum never exceeds the target's cheapest cost.
    const found: number[][][] = fixture.nodes.map(() => []);
    const path = [s];
    const onPath = new Array<boolean>(n).fill(false);
    onPath[s] = true;
    const walk = (u: number, cost: number): void => {
      for (const [v, c] of adjacency[u] ?? []) {
        if (onPath[v]) continue;
        const next = cost + c;
        if (next > (best[v] as number)) continue;
        path.push(v);
        if (next === best[v]) found[v]?.push([...path]);
        onPath[v] = true;
        walk(v, next);
        onPath[v] = false;
        path.pop();
      }
    };
    walk(s, 0);
    for (let t = 0; t < n; t++) {
      const paths = found[t] ?? [];
      if (t === s || paths.length === 0) continue;
      const fewest = Math.min(...paths.map((p) => p.length));
      const shortest = paths.filter((p) => p.length === fewest);
      for (const p of shortest)
        for (const v of p.slice(1, -1)) score[v] = (score[v] as number) + 1 / shortest.length;
    }
  }
  const scale = 1 / ((n - 1) * (n - 2));
  return new Map(fixture.nodes.map((id, i) => [id, (score[i] as number) * scale]));
}

describe.each(['karate', 'les-miserables', 'davis-women', 'florentine'])(
  'weighted betweenness on %s, against every shortest simple path',
  (name) => {
    const fixture = readFixture<Fixture>(`centrality/${name}.json`);
    it('matches the enumeration', () => {
      const cost = new Map(
        fixture.edges.flatMap((e) => [
          [`${e.source}\u0000${e.target}`, e.cost],
          [`${e.target}\u0000${e.source}`, e.cost],
        ]),
      );
      const network = networkOfFixture(fixture);
      const scores = betweenness(network, {
        weight: (tie) => cost.get(`${tie.source}\u0000${tie.target}`) as number,
      });
      const expected = bruteBetweenness(fixture);
      expect(fixture.edges.some((e) => e.cost === 0) || name === 'florentine').toBe(true);
      for (const [id, value] of expected) expect(scores.get(id), id).toBeCloseTo(value, 12);
    });
  },
);

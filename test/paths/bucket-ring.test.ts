/**
 * The bucket ring (src/graph/bucket-ring.ts) as Dijkstra's queue, against a plain O(n²) Dijkstra:
 * settling people as they come out (never improving a settled one, as the chain search does) must
 * give exact distances, which fails as soon as a bucket is wider than the shortest step. Steps are
 * drawn close to the shortest (many paths within one bucket width of each other) and as exact
 * multiples of it (equal costs), from several sources per network and with the ring reused.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from 'warmpath';
import {
  BucketRing,
  type BucketShape,
  bucketShapeFor,
  MAX_BUCKET_SLOTS,
} from '../../src/graph/bucket-ring.js';

interface Graph {
  readonly n: number;
  /** Steps out of each person: [neighbour, cost]. */
  readonly out: [number, number][][];
  readonly shortest: number;
  readonly longest: number;
}

function randomGraph(seed: number): Graph {
  const random = seededRandom(seed);
  const n = 20 + Math.floor(random() * 150);
  const delta = 0.05 + random();
  const multiples = random() < 0.5;
  const out: [number, number][][] = Array.from({ length: n }, () => []);
  let shortest = Number.POSITIVE_INFINITY;
  let longest = 0;
  const edges = n * (2 + Math.floor(random() * 5));
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    // Close to the shortest step (so that two routes often differ by less than a bucket), or
    // exact multiples of it (so that routes tie).
    const cost = multiples
      ? delta * (1 + Math.floor(random() * 4))
      : delta * (1 + (random() < 0.7 ? 0.3 * random() : 5 * random()));
    out[a]?.push([b, cost]);
    shortest = Math.min(shortest, cost);
    longest = Math.max(longest, cost);
  }
  return { n, out, shortest, longest };
}

function plainDijkstra(graph: Graph, source: number): number[] {
  const dist = new Array<number>(graph.n).fill(Number.POSITIVE_INFINITY);
  const done = new Array<boolean>(graph.n).fill(false);
  dist[source] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < graph.n; v++)
      if (!done[v] && (u === -1 || (dist[v] as number) < (dist[u] as number))) u = v;
    if (u === -1 || dist[u] === Number.POSITIVE_INFINITY) break;
    done[u] = true;
    for (const [v, c] of graph.out[u] ?? [])
      dist[v] = Math.min(dist[v] as number, (dist[u] as number) + c);
  }
  return dist;
}

/**
 * Dijkstra on the ring: a person is settled when popped and never improved after. Also checks
 * that `peekKey()` is a lower bound on every waiting cost that never decreases, and `size`.
 */
function ringDijkstra(
  graph: Graph,
  source: number,
  ring: BucketRing,
  shape: BucketShape,
): number[] {
  ring.reset(shape);
  const dist = new Array<number>(graph.n).fill(Number.POSITIVE_INFINITY);
  const settled = new Array<boolean>(graph.n).fill(false);
  const waiting = new Set<number>([source]);
  dist[source] = 0;
  ring.push(source, 0);
  let lastKey = Number.NEGATIVE_INFINITY;
  // Plain comparisons, one expect at the end: expect() per step would dominate the test's time.
  const problems: string[] = [];
  while (ring.size > 0) {
    if (ring.size !== waiting.size) problems.push(`size ${ring.size}, ${waiting.size} waiting`);
    const key = ring.peekKey();
    if (key < lastKey) problems.push(`key ${key} after ${lastKey}`);
    for (const v of waiting)
      if (key > (dist[v] as number)) problems.push(`key ${key} above ${v}'s ${dist[v]}`);
    lastKey = key;
    const u = ring.pop();
    if (!waiting.delete(u)) problems.push(`${u} popped, not waiting`);
    settled[u] = true;
    for (const [v, c] of graph.out[u] ?? []) {
      const d = (dist[u] as number) + c;
      if (settled[v] || d >= (dist[v] as number)) continue;
      dist[v] = d;
      waiting.add(v);
      ring.push(v, d);
    }
  }
  expect(problems).toEqual([]);
  expect(ring.peekKey()).toBe(Number.POSITIVE_INFINITY);
  return dist;
}

describe('BucketRing', () => {
  it('settles every person at their exact distance, as a plain Dijkstra finds it', () => {
    let compared = 0;
    // One ring for every network: reset() must forget the people left waiting.
    const ring = new BucketRing(200);
    for (let seed = 1; seed <= 60; seed++) {
      const graph = randomGraph(seed);
      // One bucket to the shortest step (betweenness) or two (the chain search).
      const shape = bucketShapeFor(graph.shortest, graph.longest, graph.n, 1 + (seed % 2));
      expect(shape, `seed ${seed}`).not.toBeNull();
      for (let source = 0; source < graph.n; source += 7) {
        const expected = plainDijkstra(graph, source);
        const found = ringDijkstra(graph, source, ring, shape as BucketShape);
        const wrong = expected.flatMap((d, v) =>
          d === found[v] || Math.abs(d - (found[v] as number)) <= 1e-9 * Math.max(1, d)
            ? []
            : [`seed ${seed} ${source}→${v}: ${found[v]}, expected ${d}`],
        );
        expect(wrong).toEqual([]);
        compared += graph.n;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('forgets people left waiting when reset, so a new search counts only its own', () => {
    const ring = new BucketRing(10);
    const shape = bucketShapeFor(1, 3, 10) as BucketShape;
    ring.reset(shape);
    ring.push(3, 2.5);
    ring.push(4, 1.5);
    expect(ring.size).toBe(2);
    ring.reset(shape);
    expect(ring.size).toBe(0);
    expect(ring.peekKey()).toBe(Number.POSITIVE_INFINITY);
    ring.push(3, 0.5);
    expect(ring.size).toBe(1);
    expect(ring.pop()).toBe(3);
  });

  it('moves a person to an earlier bucket on a cheaper push, leaving no second entry', () => {
    const ring = new BucketRing(10);
    ring.reset(bucketShapeFor(1, 3, 10) as BucketShape);
    ring.push(0, 0);
    expect(ring.pop()).toBe(0);
    ring.push(5, 3.2);
    ring.push(6, 2.1);
    ring.push(5, 1.1);
    expect(ring.size).toBe(2);
    expect(ring.peekKey()).toBeLessThanOrEqual(1.1);
    expect(ring.pop()).toBe(5);
    expect(ring.pop()).toBe(6);
    expect(ring.size).toBe(0);
  });

  it('throws rather than loops when a key jumps past the ring (a misuse the shape rules out)', () => {
    const ring = new BucketRing(4);
    const shape = bucketShapeFor(1, 1, 4) as BucketShape;
    ring.reset(shape);
    ring.push(0, 0);
    expect(ring.pop()).toBe(0);
    ring.push(1, 100);
    expect(() => ring.pop()).toThrow(/lost/);
  });
});

describe('bucketShapeFor', () => {
  it('makes buckets just narrower than the shortest step, enough of them for the longest', () => {
    const shape = bucketShapeFor(0.5, 2, 10) as BucketShape;
    expect(1 / shape.inverseWidth).toBeLessThan(0.5);
    expect(1 / shape.inverseWidth).toBeGreaterThan(0.5 * (1 - 1e-4));
    expect(shape.slots).toBe(Math.floor(2 * shape.inverseWidth) + 3);
    const halves = bucketShapeFor(0.5, 2, 10, 2) as BucketShape;
    expect(halves.inverseWidth).toBeCloseTo(2 * shape.inverseWidth, 12);
    expect(halves.slots).toBe(Math.floor(2 * halves.inverseWidth) + 3);
  });

  it('declines steps of cost 0, no finite step, an overlong ring or overlong distances', () => {
    expect(bucketShapeFor(0, 1, 10)).toBeNull();
    expect(bucketShapeFor(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 10)).toBeNull();
    expect(bucketShapeFor(1, Number.POSITIVE_INFINITY, 10)).toBeNull();
    expect(bucketShapeFor(1, MAX_BUCKET_SLOTS, 10)).toBeNull();
    expect(bucketShapeFor(1, MAX_BUCKET_SLOTS - 10, 10)).not.toBeNull();
    expect(bucketShapeFor(1, 100, 2 ** 25)).toBeNull();
  });
});

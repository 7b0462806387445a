/**
 * The bucket-queue pass of Brandes' algorithm against the heap pass it replaces: same reach, path
 * counts, hop counts, predecessor sets and dependencies, on random networks built to have many
 * equally short chains of different lengths (weights that are exact binary fractions), and on
 * networks with a wide spread of weights. The heap pass is itself checked against NetworkX and
 * against enumeration of all shortest paths (betweenness.test.ts, betweenness-brute.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { planBetweenness } from '../../src/centrality/betweenness.js';
import {
  accumulateDependencies,
  type BrandesBuffers,
  createBrandesBuffers,
  shortestPathDag,
} from '../../src/centrality/brandes.js';
import {
  bucketShape,
  createBucketQueue,
  MAX_BUCKET_SLOTS,
  shortestPathDagBuckets,
} from '../../src/centrality/brandes-buckets.js';
import { NodeHeap } from '../../src/graph/heap.js';
import {
  BETWEENNESS_DEFAULTS,
  betweenness,
  betweennessParallel,
  type TieWeight,
} from '../../src/index.js';
import { networkOfFixture, readFixture } from '../support/fixtures.js';
import { randomTies, tieNetwork } from '../support/tie-networks.js';

/** Predecessors of each reached person, as sorted lists. */
function predecessorSets(buffers: BrandesBuffers, count: number): Map<number, number[]> {
  const sets = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const w = buffers.order[i] as number;
    const list: number[] = [];
    for (let q = buffers.predHead[w] as number; q !== -1; q = buffers.predNext[q] as number)
      list.push(buffers.predNode[q] as number);
    sets.set(
      w,
      list.sort((a, b) => a - b),
    );
  }
  return sets;
}

/** Runs both passes from every source and compares everything they produce. */
function compareFromEverySource(
  people: readonly string[],
  ties: Parameters<typeof tieNetwork>[1],
  weight: TieWeight,
): { compared: number } {
  const plan = planBetweenness(tieNetwork(people, ties), { weight });
  const shape = plan.buckets;
  expect(shape).not.toBeNull();
  if (shape === null) return { compared: 0 };
  const g = plan.view.compiled;
  const n = plan.view.n;
  const heapBuffers = createBrandesBuffers(n, g.neighbors.length);
  const bucketBuffers = createBrandesBuffers(n, 4);
  const heap = new NodeHeap(n);
  const queue = createBucketQueue(n, shape.slots);
  const heapTotal = new Float64Array(n);
  const bucketTotal = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const a = shortestPathDag(
      s,
      g.offsets,
      g.neighbors,
      plan.view.weights,
      false,
      null,
      heapBuffers,
      heap,
    );
    const heapDist = Array.from(heapBuffers.order.subarray(0, a), (v) => [
      v,
      heapBuffers.dist[v] as number,
      heapBuffers.hops[v] as number,
      heapBuffers.sigma[v] as number,
    ]);
    const b = shortestPathDagBuckets(
      s,
      g.offsets,
      g.neighbors,
      plan.view.weights,
      shape,
      bucketBuffers,
      queue,
    );
    expect(b).toBe(a);
    // Same people, hop counts, path counts and predecessors, whatever the settle order.
    const byPerson = (rows: number[][]) => rows.sort((x, y) => (x[0] as number) - (y[0] as number));
    const bucketRows = Array.from(bucketBuffers.order.subarray(0, b), (v) => [
      v,
      heapBuffers.dist[v] as number,
      bucketBuffers.hops[v] as number,
      bucketBuffers.sigma[v] as number,
    ]);
    expect(byPerson(bucketRows)).toEqual(byPerson(heapDist));
    expect(predecessorSets(bucketBuffers, b)).toEqual(predecessorSets(heapBuffers, a));
    // Settle order is a topological order of the predecessor graph.
    const position = new Map(Array.from(bucketBuffers.order.subarray(0, b), (v, i) => [v, i]));
    for (const [w, preds] of predecessorSets(bucketBuffers, b))
      for (const v of preds)
        expect(position.get(v) as number).toBeLessThan(position.get(w) as number);
    // The queue leaves its distances cleared for the next source.
    expect(queue.dist.every((d) => d === Number.POSITIVE_INFINITY)).toBe(true);
    accumulateDependencies(s, a, heapBuffers, heapTotal, null);
    accumulateDependencies(s, b, bucketBuffers, bucketTotal, null);
  }
  for (let v = 0; v < n; v++)
    expect(bucketTotal[v] as number).toBeCloseTo(heapTotal[v] as number, 9);
  return { compared: n };
}

describe('bucketShape', () => {
  it('applies when every step costs more than 0, with a ring long enough for the longest step', () => {
    const shape = bucketShape(Float64Array.of(0.5, 2, Number.POSITIVE_INFINITY, 1), 10);
    expect(shape).not.toBeNull();
    // Width just under the shortest step (0.5), so the longest step (2) spans ~4 buckets.
    expect(1 / (shape?.inverseWidth ?? 0)).toBeLessThan(0.5);
    expect(1 / (shape?.inverseWidth ?? 0)).toBeGreaterThan(0.5 * (1 - 1e-4));
    expect(shape?.slots).toBe(Math.floor(2 * (shape?.inverseWidth ?? 0)) + 3);
  });

  it('falls back (null) on a step of cost 0, no finite step, a long ring or overlong distances', () => {
    expect(bucketShape(Float64Array.of(0, 1), 10)).toBeNull();
    expect(bucketShape(Float64Array.of(Number.POSITIVE_INFINITY), 10)).toBeNull();
    expect(bucketShape(new Float64Array(0), 10)).toBeNull();
    expect(bucketShape(Float64Array.of(1, MAX_BUCKET_SLOTS), 10)).toBeNull();
    expect(bucketShape(Float64Array.of(1, MAX_BUCKET_SLOTS - 10), 10)).not.toBeNull();
    expect(bucketShape(Float64Array.of(1, 100), 2 ** 25)).toBeNull();
  });

  it('is what betweenness plans for cost weights below strength 1, and not for strength 1 or hops', () => {
    const ties = randomTies(30, 60, 3, { strength: (next) => 0.05 + 0.9 * next() });
    const network = tieNetwork(ties.people, ties.ties);
    expect(planBetweenness(network, {}).buckets).not.toBeNull();
    expect(planBetweenness(network, { weight: 'unweighted' }).buckets).toBeNull();
    const withOne = tieNetwork(ties.people, [...ties.ties, ['p0', 'p29', 1]]);
    expect(planBetweenness(withOne, {}).buckets).toBeNull();
  });

  it('is taken on the NetworkX reference graphs without ties of strength 1 (networkx.test.ts)', () => {
    const shapeOf = (name: string) =>
      planBetweenness(
        networkOfFixture(
          readFixture<Parameters<typeof networkOfFixture>[0]>(`centrality/${name}.json`),
        ),
        {},
      ).buckets;
    // Weighted betweenness is compared with NetworkX on these two, through the bucket queue …
    expect(shapeOf('florentine')).not.toBeNull();
    expect(shapeOf('powerlaw-2000')).not.toBeNull();
    // … and on these (ties of cost 0) through the heap, against enumeration of all paths.
    expect(shapeOf('karate')).toBeNull();
    expect(shapeOf('les-miserables')).toBeNull();
  });
});

describe('shortestPathDagBuckets', () => {
  it('matches the heap pass where many chains are equally short with different hop counts', () => {
    // Weights 0.25, 0.5, …, 1.5: exact binary fractions, so sums tie exactly and often.
    const weight: TieWeight = (tie) => 0.25 * (1 + Math.floor(tie.strength * 6));
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const n = 6 + (seed % 25);
      const ties = randomTies(n, Math.min((n * (n - 1)) / 2, n * 2 + (seed % 7)), seed, {
        strength: (next) => 0.01 + 0.98 * next(),
      });
      compared += compareFromEverySource(ties.people, ties.ties, weight).compared;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('matches the heap pass with strengths spread from 0.001 to 0.999 (long rings)', () => {
    for (let seed = 100; seed < 115; seed++) {
      const ties = randomTies(40, 90, seed, { strength: (next) => 0.001 + 0.998 * next() });
      compareFromEverySource(ties.people, ties.ties, BETWEENNESS_DEFAULTS.weight);
    }
  });

  it('gives betweenness and betweennessParallel the same scores as the heap pass', async () => {
    const ties = randomTies(120, 400, 7, { strength: (next) => 0.05 + 0.9 * next() });
    const network = tieNetwork(ties.people, ties.ties);
    const plan = planBetweenness(network, {});
    const g = plan.view.compiled;
    const buffers = createBrandesBuffers(plan.view.n, g.neighbors.length);
    const heap = new NodeHeap(plan.view.n);
    const total = new Float64Array(plan.view.n);
    for (const s of plan.sources) {
      const reached = shortestPathDag(
        s,
        g.offsets,
        g.neighbors,
        plan.view.weights,
        false,
        null,
        buffers,
        heap,
      );
      accumulateDependencies(s, reached, buffers, total, null);
    }
    const scores = betweenness(network);
    const parallel = await betweennessParallel(network, { workers: 2 });
    for (const [id, value] of scores) {
      const v = g.indexOf.get(id) as number;
      expect(value).toBeCloseTo((total[v] as number) * plan.scale, 12);
      expect(parallel.get(id)).toBeCloseTo(value, 12);
    }
  });
});

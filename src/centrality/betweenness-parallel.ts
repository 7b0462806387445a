/**
 * Betweenness on several cores: the single-source passes are independent, so worker threads each
 * take an interleaved share of the sources and the partial sums are added at the end.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InvalidOptionsError } from '../errors.js';
import type { CompiledNetwork } from '../graph/compiled.js';
import { NodeHeap } from '../graph/heap.js';
import type { Network } from '../model/network.js';
import { throwAbort } from '../paths/search.js';
import { type BetweennessOptions, planBetweenness, runBetweenness } from './betweenness.js';
import { accumulateDependencies, createBrandesBuffers, shortestPathDag } from './brandes.js';
import { createBucketQueue, shortestPathDagBuckets } from './brandes-buckets.js';
import { scoresByPerson } from './weights.js';

/** Options of {@link betweennessParallel}. */
export interface ParallelBetweennessOptions extends BetweennessOptions {
  /** Worker threads to use (default: the machine's available parallelism). 1 runs in this thread. */
  readonly workers?: number;
}

// The worker runs the same pass as the main thread: its source text is sent, not a file path, so
// it works the same from src/ under a TypeScript loader and from the ESM or CommonJS build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Transpilers that keep function names (tsx, esbuild's keepNames) call this helper.
const __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
const NodeHeap = ${NodeHeap.toString()};
const createBrandesBuffers = ${createBrandesBuffers.toString()};
const shortestPathDag = ${shortestPathDag.toString()};
const accumulateDependencies = ${accumulateDependencies.toString()};
const createBucketQueue = ${createBucketQueue.toString()};
const shortestPathDagBuckets = ${shortestPathDagBuckets.toString()};
const { offsets, neighbors, weights, unweighted, buckets, n, sources, targets } = workerData;
const total = new Float64Array(n);
const buffers = createBrandesBuffers(n, neighbors.length);
const queue = buckets === null ? null : createBucketQueue(n, buckets.slots);
const heap = buckets === null ? new NodeHeap(n) : null;
const every = Math.max(1, Math.floor(sources.length / 50));
for (let i = 0; i < sources.length; i++) {
  const reached = buckets === null
    ? shortestPathDag(sources[i], offsets, neighbors, weights, unweighted, null, buffers, heap)
    : shortestPathDagBuckets(sources[i], offsets, neighbors, weights, buckets, buffers, queue);
  accumulateDependencies(sources[i], reached, buffers, total, targets === null ? null : targets[i]);
  if ((i + 1) % every === 0) parentPort.postMessage({ done: i + 1 });
}
parentPort.postMessage({ total }, [total.buffer]);
`;

/**
 * {@link betweenness} computed on worker threads: the same scores (sums may differ in the last
 * bits, as partial sums are added in another order), faster on several cores.
 *
 * @returns A promise of the scores by person id, in `network.people` order.
 * @throws (rejects with) the errors of {@link betweenness}; the signal's reason when aborted.
 * @example
 * ```ts
 * const scores = await betweennessParallel(network, { workers: 2 });
 * ```
 * @see Brandes, "A Faster Algorithm for Betweenness Centrality", Journal of Mathematical Sociology 25(2), 2001.
 */
export async function betweennessParallel(
  network: Network | CompiledNetwork,
  options: ParallelBetweennessOptions = {},
): Promise<Map<string, number>> {
  const { workers: requested, ...rest } = options;
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1)) {
    throw new InvalidOptionsError([
      {
        code: 'out_of_range',
        path: 'workers',
        message: `must be a positive integer, got ${String(requested)}`,
      },
    ]);
  }
  const plan = planBetweenness(network, rest);
  const n = plan.view.n;
  const total = new Float64Array(n);
  const count = Math.min(requested ?? availableParallelism(), Math.max(1, plan.sources.length));
  if (count === 1) {
    runBetweenness(plan, total, rest);
  } else {
    if (rest.signal?.aborted) throwAbort(rest.signal);
    const g = plan.view.compiled;
    const done = new Array<number>(count).fill(0);
    const shares = await Promise.all(
      Array.from({ length: count }, (_, w) => {
        const sources = plan.sources.filter((_, i) => i % count === w);
        const targets =
          plan.targetsOf(sources[0] ?? 0) === null
            ? null
            : Array.from(sources, (s) => plan.targetsOf(s));
        return new Promise<Float64Array>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: {
              offsets: g.offsets,
              neighbors: g.neighbors,
              weights: plan.view.weights,
              unweighted: plan.unweighted,
              buckets: plan.buckets,
              n,
              sources,
              targets,
            },
          });
          const abort = () => {
            void worker.terminate();
            reject(
              rest.signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'),
            );
          };
          rest.signal?.addEventListener('abort', abort, { once: true });
          worker.on('message', (message: { done?: number; total?: Float64Array }) => {
            if (message.total) {
              rest.signal?.removeEventListener('abort', abort);
              resolve(message.total);
              return;
            }
            done[w] = message.done ?? 0;
            rest.onProgress?.(
              done.reduce((a, b) => a + b, 0),
              plan.sources.length,
            );
          });
          worker.on('error', (error) => {
            rest.signal?.removeEventListener('abort', abort);
            reject(error);
          });
        });
      }),
    );
    for (const share of shares)
      for (let v = 0; v < n; v++) total[v] = (total[v] as number) + (share[v] as number);
    rest.onProgress?.(plan.sources.length, plan.sources.length);
  }
  for (let v = 0; v < n; v++) total[v] = (total[v] as number) * plan.scale;
  return scoresByPerson(plan.view, total);
}

/**
 * Small networks of people and friendship ties for the centrality tests, written as lists of
 * `[source, target, strength?]`, and the same networks listed in another order, to check that
 * no measure depends on input order.
 */
import { createNetwork, type Network } from '../../src/index.js';
import { mulberry32, shuffled } from './random.js';

/** A tie `[source, target, strength]`; strength 0.5 when left out. */
export type Tie = readonly [string, string, (number | undefined)?];

/** A network of `people` (each named by their id) and friendship `ties`. */
export function tieNetwork(people: readonly string[], ties: readonly Tie[]): Network {
  return createNetwork({
    people: people.map((id) => ({ id, name: id })),
    relationships: ties.map(([source, target, strength = 0.5]) => ({
      source,
      target,
      kind: 'friend' as const,
      strength,
    })),
  });
}

/** The triangle a–b–c, with d hanging off c, and e alone: worked by hand in several tests. */
export const pendant = tieNetwork(
  ['a', 'b', 'c', 'd', 'e'],
  [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['c', 'd'],
  ],
);

/** The same network with people and ties listed backwards and every tie turned around. */
export function reversedTieNetwork(people: readonly string[], ties: readonly Tie[]): Network {
  return tieNetwork(
    [...people].reverse(),
    [...ties].reverse().map(([s, t, w]): Tie => [t, s, w]),
  );
}

/** The same network with people and ties shuffled and about half the ties turned around. */
export function shuffledTieNetwork(
  people: readonly string[],
  ties: readonly Tie[],
  next: () => number,
): Network {
  return tieNetwork(
    shuffled(people, next),
    shuffled(ties, next).map(([s, t, w]): Tie => (next() < 0.5 ? [s, t, w] : [t, s, w])),
  );
}

/**
 * A seeded random network: people p0 … p(n−1) and `m` distinct ties among the first `among` of
 * them (all by default), each of strength `strength(next)`.
 */
export function randomTies(
  n: number,
  m: number,
  seed: number,
  { among = n, strength }: { among?: number; strength: (next: () => number) => number },
): { people: string[]; ties: Tie[] } {
  const next = mulberry32(seed);
  const people = Array.from({ length: n }, (_, i) => `p${i}`);
  const seen = new Set<string>();
  const ties: Tie[] = [];
  while (ties.length < m) {
    const a = Math.floor(next() * among);
    const b = Math.floor(next() * among);
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    ties.push([`p${a}`, `p${b}`, strength(next)]);
  }
  return { people, ties };
}

/** Each person's contacts and the weight of each tie: plain Maps, for brute-force references. */
export type Adjacency = Map<string, Map<string, number>>;

/** The adjacency of `network` seen as undirected, each tie weighing `weight(strength)`. */
export function adjacencyOf(network: Network, weight: (strength: number) => number): Adjacency {
  const adj: Adjacency = new Map(network.people.map((p) => [p.id, new Map()]));
  for (const tie of network.ties()) {
    adj.get(tie.source)?.set(tie.target, weight(tie.strength));
    adj.get(tie.target)?.set(tie.source, weight(tie.strength));
  }
  return adj;
}

/**
 * Distances from `from` by an O(n²) Dijkstra on plain maps (people not reached are absent),
 * skipping the steps `skip` refuses.
 */
export function plainDistances(
  adjacency: Adjacency,
  from: string,
  skip: (u: string, v: string) => boolean = () => false,
): Map<string, number> {
  const dist = new Map<string, number>([[from, 0]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | undefined;
    for (const [v, d] of dist)
      if (!done.has(v) && (u === undefined || d < (dist.get(u) as number))) u = v;
    if (u === undefined) return dist;
    done.add(u);
    for (const [v, w] of adjacency.get(u) ?? []) {
      if (skip(u, v)) continue;
      const d = (dist.get(u) as number) + w;
      if (d < (dist.get(v) ?? Number.POSITIVE_INFINITY)) dist.set(v, d);
    }
  }
}

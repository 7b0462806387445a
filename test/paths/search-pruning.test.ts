/**
 * The pruned searches (neighbours in cost-bucket order, steps skipped against the best meeting and
 * the other side's frontier) against a plain reference on networks large enough to have hubs,
 * meetings found early and many pruned steps: directed ties, ask-first and never people, avoided
 * people, minStrength and organisations as targets. With no hop budget, three kinds of networks:
 * strengths up to 0.95 (the search runs on a bucket ring), ties of strength 1 (a heap), and
 * strengths from 0.02 to just under 1 (a heap when some tie is so close to 1 that the ring would
 * need too many buckets, a ring otherwise).
 */
import { describe, expect, it } from 'vitest';
import { CompiledNetworkBuilder, createIntroductionFinder, seededRandom } from 'warmpath';
import { ringShapeFor } from '../../src/paths/search.js';

const ASK_FIRST = 0.8;

interface Generated {
  readonly ids: string[];
  readonly policy: ('open' | 'ask-first' | 'never')[];
  /** strength[u][v] of the step u → v (absent: no step). */
  readonly strength: Map<number, number>[];
}

/** How strong ties may be: below 1 (any), at most 0.95, or with some of strength exactly 1. */
type Strengths = 'below-one' | 'at-most-0.95' | 'some-one';

function generate(seed: number, strengths: Strengths): Generated {
  const random = seededRandom(seed);
  const n = 30 + Math.floor(random() * 400);
  const ids = Array.from({ length: n }, (_, i) => `p${(i * 7919) % 100003}`);
  const policy = ids.map(() => {
    const r = random();
    return r < 0.1 ? 'never' : r < 0.25 ? 'ask-first' : 'open';
  });
  const strength = ids.map(() => new Map<number, number>());
  const ties = n * (1 + Math.floor(random() * 6));
  // Heavy-tailed ends (a few hubs), and strengths with many exact repeats (ties in cost).
  const end = () => Math.floor(n * random() ** 2.5);
  const repeated = [strengths === 'some-one' ? 1 : 0.9, 0.5, 0.25];
  const spread = strengths === 'at-most-0.95' ? 0.93 : 0.98;
  const value = () =>
    random() < 0.3 ? repeated[Math.floor(random() * 3)] : 0.02 + spread * random();
  for (let i = 0; i < ties; i++) {
    const a = end();
    const b = Math.floor(random() * n);
    if (a === b || strength[a]?.has(b)) continue;
    const directed = random() < 0.25;
    const forward = value() as number;
    const backward = directed ? (random() < 0.5 ? 0 : (value() as number)) : forward;
    strength[a]?.set(b, forward);
    if (backward > 0) strength[b]?.set(a, backward);
  }
  return { ids, policy, strength };
}

function compile(net: Generated) {
  const builder = new CompiledNetworkBuilder();
  net.ids.forEach((id, i) => {
    builder.addPerson(id, {
      introductions: net.policy[i] as 'open',
      organizationId: `o${i % 5}`,
    });
  });
  net.strength.forEach((row, a) => {
    for (const [b, s] of row) {
      if (a < b || !net.strength[b]?.has(a)) {
        builder.addTie(net.ids[a] as string, net.ids[b] as string, s, net.strength[b]?.get(a) ?? 0);
      }
    }
  });
  return builder.build();
}

/** The step rules spelt out: who may pass a chain on, at what extra cost, and which steps exist. */
function steps(
  net: Generated,
  from: number,
  targets: Set<number>,
  blocked: Set<number>,
  minStrength: number,
) {
  return (u: number): [number, number][] => {
    if (u !== from && (targets.has(u) || blocked.has(u) || net.policy[u] === 'never')) return [];
    const send = u !== from && net.policy[u] === 'ask-first' ? -Math.log(ASK_FIRST) : 0;
    const out: [number, number][] = [];
    for (const [v, s] of net.strength[u] ?? []) {
      if (s >= minStrength && v !== from) out.push([v, send - Math.log(s)]);
    }
    return out;
  };
}

/** Cheapest chain cost: plain O(n^2) Dijkstra with no budget, Bellman–Ford by hops with one. */
function reference(
  net: Generated,
  from: number,
  targets: Set<number>,
  blocked: Set<number>,
  minStrength: number,
  maxHops: number,
): number {
  const next = steps(net, from, targets, blocked, minStrength);
  const n = net.ids.length;
  let best = Number.POSITIVE_INFINITY;
  if (Number.isFinite(maxHops)) {
    let frontier = new Map<number, number>([[from, 0]]);
    for (let hop = 0; hop < maxHops; hop++) {
      const reached = new Map<number, number>();
      for (const [u, cost] of frontier) {
        for (const [v, c] of next(u)) {
          const total = cost + c;
          if (targets.has(v)) best = Math.min(best, total);
          if (total < (reached.get(v) ?? Number.POSITIVE_INFINITY)) reached.set(v, total);
        }
      }
      frontier = reached;
    }
    return best;
  }
  const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const done = new Array<boolean>(n).fill(false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++)
      if (!done[v] && (u === -1 || (dist[v] as number) < (dist[u] as number))) u = v;
    if (u === -1 || dist[u] === Number.POSITIVE_INFINITY) break;
    done[u] = true;
    if (targets.has(u)) best = Math.min(best, dist[u] as number);
    for (const [v, c] of next(u)) dist[v] = Math.min(dist[v] as number, (dist[u] as number) + c);
  }
  return best;
}

const SENDER_COSTS = {
  senderCost: Float64Array.of(0, -Math.log(ASK_FIRST)),
  maxStepCost: Infinity,
};

/** Checks 12 random queries on each network of seeds 1..120; counts queries and chains found. */
function checkSeeds(
  strengths: Strengths,
  onRing: boolean | 'either',
): { checked: number; found: number; rings: number } {
  let checked = 0;
  let found = 0;
  let rings = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const net = generate(seed, strengths);
    const compiled = compile(net);
    const ring = ringShapeFor(compiled, SENDER_COSTS) !== null;
    if (onRing !== 'either') expect(ring, `seed ${seed}: bucket ring`).toBe(onRing);
    if (ring) rings++;
    const finder = createIntroductionFinder(compiled);
    const random = seededRandom(1000 + seed);
    const n = net.ids.length;
    for (let q = 0; q < 12; q++) {
      const from = Math.floor(random() * n);
      const byOrganization = random() < 0.2;
      const to = Math.floor(random() * n);
      const targets = byOrganization
        ? new Set(net.ids.map((_, i) => i).filter((i) => i % 5 === to % 5))
        : new Set([to]);
      if (targets.has(from) || targets.size === 0) continue;
      const avoid = random() < 0.3 ? [Math.floor(random() * n)] : [];
      const minStrength = random() < 0.2 ? 0.1 : 0;
      const maxHops = random() < 0.5 ? Number.POSITIVE_INFINITY : 1 + Math.floor(random() * 6);
      const result = finder.find({
        from: net.ids[from] as string,
        to: byOrganization ? { organization: `o${to % 5}` } : (net.ids[to] as string),
        k: 1,
        maxHops,
        avoid: avoid.map((i) => net.ids[i] as string),
        askFirstWillingness: ASK_FIRST,
        ...(minStrength > 0 ? { minStrength } : {}),
      });
      const expected = reference(net, from, targets, new Set(avoid), minStrength, maxHops);
      const cost = result.paths[0]?.cost ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(expected)) {
        expect(cost, `seed ${seed} query ${q}`).toBeCloseTo(expected, 9);
        found++;
      } else {
        expect(result.paths, `seed ${seed} query ${q}`).toHaveLength(0);
      }
      checked++;
    }
  }
  return { checked, found, rings };
}

describe('pruned best-chain searches', () => {
  it.each([
    ['strengths up to 0.95 (bucket ring)', 'at-most-0.95', true],
    ['ties of strength 1 (heap)', 'some-one', false],
    ['strengths up to just under 1 (ring or heap)', 'below-one', 'either'],
  ] as const)(
    'find the cheapest chain on networks with hubs, directed ties and consent rules: %s',
    (_, strengths, onRing) => {
      const { checked, found } = checkSeeds(strengths, onRing);
      expect(checked).toBeGreaterThan(1000);
      expect(found).toBeGreaterThan(500);
    },
  );
});

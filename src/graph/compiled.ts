/**
 * The compiled form of a network that path queries run on: integer people, CSR adjacency and
 * Float64 costs in typed arrays, about 32 bytes per tie. It needs no graphology graph and no
 * `Network`: a {@link CompiledNetworkBuilder} can be fed straight from a stream of ties.
 *
 * Layout. People are numbered in code-unit order of their ids, so that everything computed on
 * the compiled form is independent of input order. Each tie t (between people a and b) owns two
 * cost slots: `costs[2t]` for a to b and `costs[2t + 1]` for b to a (`Infinity` where the tie
 * cannot be used in that direction). Person u's neighbours are `neighbors[offsets[u] ..
 * offsets[u + 1])`, cheapest tie first (by {@link costBucket}, then ascending); beside each, `refs` holds the cost slot of the step from u to
 * that neighbour, so the step back is `refs ^ 1` and the tie is `refs >>> 1`. Tie t is the t-th
 * tie given to the builder (ties it ignores, such as self-ties, are not counted), so a network's
 * compiled tie t is `network.ties()[t]`.
 *
 * @module
 */

/** Whether a person may be asked to pass an introduction on, as a small integer. */
export const POLICY_OPEN = 0;
export const POLICY_ASK_FIRST = 1;
export const POLICY_NEVER = 2;
const POLICY_CODES: Readonly<Record<string, number>> = {
  open: POLICY_OPEN,
  'ask-first': POLICY_ASK_FIRST,
  never: POLICY_NEVER,
};

/** A network compiled for path queries. Immutable; share it across queries. */
export interface CompiledNetwork {
  /** Number of people. */
  readonly nodeCount: number;
  /** Number of ties (after merging ties given twice). */
  readonly tieCount: number;
  /** Person id of each index (ascending code-unit order). */
  readonly ids: readonly string[];
  /** Index of each person id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Start of each person's neighbours in `neighbors` (length `nodeCount + 1`). */
  readonly offsets: Uint32Array;
  /** Neighbour indices; within each person, cheapest tie first (by `costBucket`), then ascending. */
  readonly neighbors: Uint32Array;
  /** Cost slot of the step from the owner to the neighbour (see the module comment). */
  readonly refs: Uint32Array;
  /** `-ln(strength)` per tie and direction; `Infinity` where a direction is unusable. */
  readonly costs: Float64Array;
  /** Introduction policy per person: POLICY_OPEN, POLICY_ASK_FIRST or POLICY_NEVER. */
  readonly policy: Uint8Array;
  /** Current organisation of each person, as an index into `organizations`, or -1. */
  readonly organization: Int32Array;
  /** Organisation ids, in first-seen order. */
  readonly organizations: readonly string[];
}

/** What the builder knows of a person. */
export interface CompiledPersonInput {
  readonly introductions?: 'open' | 'ask-first' | 'never' | undefined;
  readonly organizationId?: string | undefined;
}

function growUint32(array: Uint32Array, size: number): Uint32Array {
  if (size <= array.length) return array;
  const next = new Uint32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}
function growFloat64(array: Float64Array, size: number): Float64Array {
  if (size <= array.length) return array;
  const next = new Float64Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Builds a {@link CompiledNetwork} from people and ties added one at a time, holding about 24
 * bytes per tie until `build()`. A tie given twice for the same pair is merged, each direction
 * keeping the stronger strength; self-ties are ignored.
 *
 * @example
 * ```ts
 * const builder = new CompiledNetworkBuilder();
 * builder.addPerson('a');
 * builder.addPerson('b', { introductions: 'ask-first' });
 * builder.addTie('a', 'b', 0.8, 0.8);
 * const compiled = builder.build();
 * ```
 */
export class CompiledNetworkBuilder {
  #index = new Map<string, number>();
  #ids: string[] = [];
  #policy: number[] = [];
  #organization: number[] = [];
  #organizationIndex = new Map<string, number>();
  #organizations: string[] = [];
  #sources: Uint32Array = new Uint32Array(1024);
  #targets: Uint32Array = new Uint32Array(1024);
  #forward: Float64Array = new Float64Array(1024);
  #backward: Float64Array = new Float64Array(1024);
  #ties = 0;

  /** Adds a person (again: updates their policy and organisation). Returns their insertion index. */
  addPerson(id: string, person: CompiledPersonInput = {}): number {
    let index = this.#index.get(id);
    if (index === undefined) {
      index = this.#ids.length;
      this.#index.set(id, index);
      this.#ids.push(id);
    }
    this.#policy[index] = POLICY_CODES[person.introductions ?? 'open'] ?? POLICY_OPEN;
    let organization = -1;
    if (person.organizationId !== undefined) {
      organization = this.#organizationIndex.get(person.organizationId) ?? -1;
      if (organization === -1) {
        organization = this.#organizations.length;
        this.#organizationIndex.set(person.organizationId, organization);
        this.#organizations.push(person.organizationId);
      }
    }
    this.#organization[index] = organization;
    return index;
  }

  /**
   * Adds a tie with a strength in each direction (0 where it cannot be used that way). Unknown
   * people are added with default settings.
   */
  addTie(source: string, target: string, forward: number, backward: number): void {
    const a = this.#index.get(source) ?? this.addPerson(source);
    const b = this.#index.get(target) ?? this.addPerson(target);
    this.addTieByIndex(a, b, forward, backward);
  }

  /**
   * As {@link addTie}, with people given by the index `addPerson` returned: no id look-up, for
   * streaming millions of ties.
   * @throws RangeError for an index no person was added with.
   */
  addTieByIndex(source: number, target: number, forward: number, backward: number): void {
    const people = this.#ids.length;
    if (!(source >= 0 && source < people && target >= 0 && target < people)) {
      throw new RangeError(
        `no person was added with index ${source < 0 || source >= people ? source : target}`,
      );
    }
    if (source === target || (forward <= 0 && backward <= 0)) return;
    const t = this.#ties++;
    if (t === this.#sources.length) {
      this.#sources = growUint32(this.#sources, t + 1);
      this.#targets = growUint32(this.#targets, t + 1);
      this.#forward = growFloat64(this.#forward, t + 1);
      this.#backward = growFloat64(this.#backward, t + 1);
    }
    this.#sources[t] = source;
    this.#targets[t] = target;
    this.#forward[t] = forward;
    this.#backward[t] = backward;
  }

  /** Compiles everything added so far. The builder may be discarded afterwards. */
  build(): CompiledNetwork {
    const n = this.#ids.length;
    // Number people by id so results never depend on the order they were added in.
    const byId = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
      const a = this.#ids[x] as string;
      const b = this.#ids[y] as string;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const rank = new Uint32Array(n);
    byId.forEach((insertion, canonical) => {
      rank[insertion] = canonical;
    });
    const ids = byId.map((i) => this.#ids[i] as string);
    const policy = new Uint8Array(n);
    const organization = new Int32Array(n);
    byId.forEach((insertion, canonical) => {
      policy[canonical] = this.#policy[insertion] ?? POLICY_OPEN;
      organization[canonical] = this.#organization[insertion] ?? -1;
    });

    const m = this.#ties;
    const costs = new Float64Array(2 * m);
    const src = new Uint32Array(m);
    const dst = new Uint32Array(m);
    const degree = new Uint32Array(n + 1);
    for (let t = 0; t < m; t++) {
      const a = rank[this.#sources[t] as number] as number;
      const b = rank[this.#targets[t] as number] as number;
      src[t] = a;
      dst[t] = b;
      const f = this.#forward[t] as number;
      const r = this.#backward[t] as number;
      costs[2 * t] = f > 0 ? -Math.log(f) : Number.POSITIVE_INFINITY;
      costs[2 * t + 1] = r > 0 ? -Math.log(r) : Number.POSITIVE_INFINITY;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    const { offsets, neighbors, refs } = sortedAdjacency(n, src, dst, degree);
    const compacted = mergeParallelTies(n, offsets, neighbors, refs, costs);
    orderByCost(n, compacted.offsets, compacted.neighbors, compacted.refs, costs);
    return Object.freeze({
      nodeCount: n,
      tieCount: compacted.tieCount,
      ids: Object.freeze(ids),
      indexOf: new Map(ids.map((id, i) => [id, i])),
      offsets: compacted.offsets,
      neighbors: compacted.neighbors,
      refs: compacted.refs,
      costs,
      policy,
      organization,
      organizations: Object.freeze([...this.#organizations]),
    });
  }
}

/**
 * The scale of the cost buckets that order each person's neighbours: entries are sorted by
 * `costBucket`, the cheaper direction's cost rounded down to a multiple of 1/256, then by
 * neighbour index. A search that has a bound on useful steps can stop scanning a person's
 * neighbours at the first entry whose bucket reaches it.
 */
export const COST_BUCKET_SCALE = 256;
/** Costs of 64 and more (strengths below 1.6e-28) share the last bucket. */
const COST_BUCKET_LAST = 64 * COST_BUCKET_SCALE;

/**
 * The bucket of the tie behind cost slot `ref`: `floor(min(cost both ways) * 256)`, at most
 * 64 * 256. `costBucket(...) / COST_BUCKET_SCALE` is at most the cost of either direction.
 */
export function costBucket(costs: Float64Array, ref: number): number {
  const c = Math.min(costs[ref] as number, costs[ref ^ 1] as number);
  return c >= 64 ? COST_BUCKET_LAST : Math.floor(c * COST_BUCKET_SCALE);
}

/** Segments up to this long are insertion-sorted; longer ones (hubs) go through a typed sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Reorders each person's neighbours, in place, by cost bucket, keeping neighbour order within a
 * bucket. Person by person, so the work stays in cache: insertion sort for the usual few dozen
 * ties, a native sort of packed (bucket, position) keys for hubs.
 */
function orderByCost(
  n: number,
  offsets: Uint32Array,
  neighbors: Uint32Array,
  refs: Uint32Array,
  costs: Float64Array,
) {
  let widest = 0;
  for (let u = 0; u < n; u++)
    widest = Math.max(widest, (offsets[u + 1] as number) - (offsets[u] as number));
  // Buckets by tie, in one sequential pass over the costs: the per-person passes below then read
  // 2 bytes per entry instead of two scattered 8-byte costs.
  const tieBucket = new Uint16Array(costs.length >>> 1);
  for (let t = 0; t < tieBucket.length; t++) tieBucket[t] = costBucket(costs, 2 * t);
  const bucket = new Uint32Array(widest);
  const packed = new Float64Array(widest > INSERTION_SORT_MAX ? widest : 0);
  const oldNeighbors = new Uint32Array(widest > INSERTION_SORT_MAX ? widest : 0);
  const oldRefs = new Uint32Array(widest > INSERTION_SORT_MAX ? widest : 0);
  for (let u = 0; u < n; u++) {
    const start = offsets[u] as number;
    const degree = (offsets[u + 1] as number) - start;
    if (degree < 2) continue;
    for (let i = 0; i < degree; i++)
      bucket[i] = tieBucket[(refs[start + i] as number) >>> 1] as number;
    if (degree <= INSERTION_SORT_MAX) {
      // Neighbours arrive ascending, so ordering by bucket alone (stable) keeps them ascending.
      for (let i = 1; i < degree; i++) {
        const b = bucket[i] as number;
        const w = neighbors[start + i] as number;
        const r = refs[start + i] as number;
        let j = i - 1;
        while (j >= 0 && (bucket[j] as number) > b) {
          bucket[j + 1] = bucket[j] as number;
          neighbors[start + j + 1] = neighbors[start + j] as number;
          refs[start + j + 1] = refs[start + j] as number;
          j--;
        }
        bucket[j + 1] = b;
        neighbors[start + j + 1] = w;
        refs[start + j + 1] = r;
      }
      continue;
    }
    // bucket · 2^32 + position is exact in a double and sorts by bucket, then position.
    const keys = packed.subarray(0, degree);
    for (let i = 0; i < degree; i++) keys[i] = (bucket[i] as number) * 4294967296 + i;
    keys.sort();
    oldNeighbors.set(neighbors.subarray(start, start + degree));
    oldRefs.set(refs.subarray(start, start + degree));
    for (let i = 0; i < degree; i++) {
      const from = (keys[i] as number) % 4294967296;
      neighbors[start + i] = oldNeighbors[from] as number;
      refs[start + i] = oldRefs[from] as number;
    }
  }
}

/**
 * CSR adjacency with each person's neighbours ascending, in linear time: a counting sort of the
 * directed entries by neighbour, then a stable counting sort by owner.
 */
function sortedAdjacency(n: number, src: Uint32Array, dst: Uint32Array, degree: Uint32Array) {
  const m = src.length;
  const offsets = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v] as number) + (degree[v] as number);
  // Pass 1: entries bucketed by neighbour; an entry is (owner, ref).
  const cursor = offsets.slice(0, n);
  const byNeighborOwner = new Uint32Array(2 * m);
  const byNeighborRef = new Uint32Array(2 * m);
  for (let t = 0; t < m; t++) {
    const a = src[t] as number;
    const b = dst[t] as number;
    let p = cursor[b] as number;
    cursor[b] = p + 1;
    byNeighborOwner[p] = a;
    byNeighborRef[p] = 2 * t;
    p = cursor[a] as number;
    cursor[a] = p + 1;
    byNeighborOwner[p] = b;
    byNeighborRef[p] = 2 * t + 1;
  }
  // Pass 2: stable by owner, walking neighbours in ascending order.
  cursor.set(offsets.subarray(0, n));
  const neighbors = new Uint32Array(2 * m);
  const refs = new Uint32Array(2 * m);
  for (let v = 0; v < n; v++) {
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const owner = byNeighborOwner[e] as number;
      const p = cursor[owner] as number;
      cursor[owner] = p + 1;
      neighbors[p] = v;
      refs[p] = byNeighborRef[e] as number;
    }
  }
  return { offsets, neighbors, refs };
}

/**
 * Merges ties given more than once for the same pair into the first of them (each direction
 * keeping the lower cost) and drops the others from the adjacency.
 */
function mergeParallelTies(
  n: number,
  offsets: Uint32Array,
  neighbors: Uint32Array,
  refs: Uint32Array,
  costs: Float64Array,
) {
  const m = costs.length / 2;
  let duplicates = false;
  for (let u = 0; u < n && !duplicates; u++) {
    for (let e = (offsets[u] as number) + 1; e < (offsets[u + 1] as number); e++) {
      if (neighbors[e] === neighbors[e - 1]) {
        duplicates = true;
        break;
      }
    }
  }
  if (!duplicates) return { offsets, neighbors, refs, tieCount: m };
  const out = new Uint32Array(n + 1);
  let w = 0;
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1] as number;
    out[u] = w;
    for (let e = offsets[u] as number; e < end; e++) {
      if (w > (out[u] as number) && neighbors[w - 1] === neighbors[e]) {
        // Same neighbour as the entry kept just before: fold this tie into that one.
        const keep = refs[w - 1] as number;
        const drop = refs[e] as number;
        costs[keep] = Math.min(costs[keep] as number, costs[drop] as number);
        costs[keep ^ 1] = Math.min(costs[keep ^ 1] as number, costs[drop ^ 1] as number);
        continue;
      }
      neighbors[w] = neighbors[e] as number;
      refs[w] = refs[e] as number;
      w++;
    }
  }
  out[n] = w;
  // Ties folded away keep their (now unused) cost slots, so tie numbers stay those of the input.
  return {
    offsets: out,
    neighbors: neighbors.slice(0, w),
    refs: refs.slice(0, w),
    tieCount: w / 2,
  };
}

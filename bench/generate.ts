/**
 * A seeded generator of clustered small-world relationship networks, streamed tie by tie.
 *
 * People belong to communities whose sizes are heavy-tailed (Pareto). Each person has a
 * heavy-tailed weight (Pareto), and ties are drawn Chung–Lu style: inside a community, people i
 * and j are tied with probability min(1, a·wᵢ·wⱼ / W_c) (strong ties, strength 0.4–0.95); across
 * the whole network with probability min(1, b·wᵢ·wⱼ / W) (weak ties, strength 0.05–0.4), skipping
 * pairs of the same community. Each pair is visited at most once per process with the skipping
 * method of Miller & Hagberg ("Efficient generation of networks with given expected degrees",
 * WAW 2011), so there are no duplicate ties and time is linear in people + ties. Nothing but
 * typed arrays of length `people` is held, so 1M people / 10M ties streams in a few seconds.
 *
 * Person indices are a random permutation of the weight order, so an index says nothing about
 * degree or community. Ids are `p` + the zero-padded index: sorting ids sorts indices.
 *
 * Run directly to write a network to a binary edge list (see {@link writeEdgeFile}):
 * `npx tsx bench/generate.ts --people 100000 --seed 1 --out bench/data/net-100000.bin`
 *
 * @module
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A tie of the stream: two person indices and the tie's strength (the same both ways). */
export type TieCallback = (source: number, target: number, strength: number) => void;

/** How to generate a network. */
export interface NetworkSpec {
  /** Number of people. */
  readonly people: number;
  /** Seed of the pseudo-random numbers (default 1). */
  readonly seed?: number;
  /** Target ties per person (default 10, i.e. mean degree 20). Realised counts come out close. */
  readonly tiesPerPerson?: number;
  /** Share of a person's ties inside their community (default 0.75). */
  readonly withinShare?: number;
  /** Share of people who are `'ask-first'` (default 0). */
  readonly askFirstShare?: number;
  /** Share of people who are `'never'` (default 0). */
  readonly neverShare?: number;
}

/** A generated network: everything needed to replay its ties, identically, any number of times. */
export interface GeneratedNetwork {
  readonly spec: Required<NetworkSpec>;
  readonly people: number;
  readonly communityCount: number;
  /** Community of each person index. */
  readonly communityOf: Uint32Array;
  /** 0 open, 1 ask-first, 2 never (the codes of `CompiledNetwork.policy`). */
  readonly policy: Uint8Array;
  /** The id of a person index (`p` + zero padding). */
  id(index: number): string;
  /** Streams every tie once, in a fixed order; returns the number of ties. */
  forEachTie(callback: TieCallback): number;
  /** The same stream as a generator of `[source, target, strength]` (slower: one array per tie). */
  ties(): Generator<[number, number, number], void, undefined>;
}

/** mulberry32: a small, fast 32-bit PRNG; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** splitmix32, to derive independent seeds for each phase from one seed. */
export function splitmix32(seed: number, stream: number): number {
  let z = (seed + Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const WEIGHT_TAIL = 2.1; // P(w > x) = x^-2.1: degree distribution with a power-law tail ~3.1
const WEIGHT_CAP = 120; // the best-connected people have a few thousand ties, not n
const COMMUNITY_MIN = 25;
const COMMUNITY_TAIL = 1.6;
const COMMUNITY_CAP = 5000;
// Chung–Lu loses ties where min(1, ·) caps a probability (hubs of small communities); these
// factors bring the realised ties per person back to about the target (measured at 10k–1M).
const WITHIN_BOOST = 1.14;
const ACROSS_BOOST = 1.0;

function pareto(random: () => number, min: number, tail: number): number {
  return min * (1 - random()) ** (-1 / tail);
}

/**
 * Creates a network description; ties are generated lazily by `forEachTie`, the same every time.
 */
export function generateNetwork(spec: NetworkSpec): GeneratedNetwork {
  const full: Required<NetworkSpec> = {
    seed: 1,
    tiesPerPerson: 10,
    withinShare: 0.75,
    askFirstShare: 0,
    neverShare: 0,
    ...spec,
  };
  const n = full.people;
  if (!Number.isInteger(n) || n < 2) throw new RangeError('people must be an integer >= 2');
  const random = mulberry32(splitmix32(full.seed, 0));

  // Weights, descending: rank r has the r-th largest weight.
  const weight = new Float64Array(n);
  for (let r = 0; r < n; r++) weight[r] = Math.min(WEIGHT_CAP, pareto(random, 1, WEIGHT_TAIL));
  weight.sort().reverse();
  let totalWeight = 0;
  for (let r = 0; r < n; r++) totalWeight += weight[r] as number;
  const meanWeight = totalWeight / n;

  // Person index of each rank: a random permutation.
  const personOfRank = new Uint32Array(n);
  for (let r = 0; r < n; r++) personOfRank[r] = r;
  shuffle(personOfRank, random);

  // Community sizes (heavy-tailed), then a random community for each rank.
  const sizes: number[] = [];
  const cap = Math.max(COMMUNITY_MIN, Math.min(COMMUNITY_CAP, Math.floor(n / 10)));
  for (let left = n; left > 0; ) {
    let size = Math.min(cap, Math.round(pareto(random, COMMUNITY_MIN, COMMUNITY_TAIL)), left);
    if (left - size < COMMUNITY_MIN) size = left;
    sizes.push(size);
    left -= size;
  }
  const communityOfRank = new Uint32Array(n);
  for (let c = 0, r = 0; c < sizes.length; c++)
    for (let i = 0; i < (sizes[c] as number); i++) communityOfRank[r++] = c;
  shuffle(communityOfRank, random);

  // Members of each community in ascending rank (so descending weight), CSR style.
  const communityStart = new Uint32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++)
    communityStart[c + 1] = (communityStart[c] as number) + (sizes[c] as number);
  const members = new Uint32Array(n);
  const cursor = communityStart.slice(0, sizes.length);
  for (let r = 0; r < n; r++) {
    const c = communityOfRank[r] as number;
    members[(cursor[c] as number)++] = r;
  }
  const communityWeight = new Float64Array(sizes.length);
  for (let r = 0; r < n; r++) {
    const c = communityOfRank[r] as number;
    communityWeight[c] = (communityWeight[c] as number) + (weight[r] as number);
  }

  const communityOf = new Uint32Array(n);
  for (let r = 0; r < n; r++) communityOf[personOfRank[r] as number] = communityOfRank[r] as number;

  const policy = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const u = random();
    policy[p] = u < full.neverShare ? 2 : u < full.neverShare + full.askFirstShare ? 1 : 0;
  }

  // Expected degree of rank r is about (a + b)·w_r: a share `withinShare` of 2·tiesPerPerson.
  const meanDegree = 2 * full.tiesPerPerson;
  const a = (WITHIN_BOOST * full.withinShare * meanDegree) / meanWeight;
  const b = (ACROSS_BOOST * (1 - full.withinShare) * meanDegree) / meanWeight;
  const width = String(n - 1).length;

  // The stream comes in units (a community, then one row of the across-network pass), each
  // drawn with the same generator in the same order, so `ties()` can pause between units.
  const units = sizes.length + n - 1;
  const drawUnit = (unit: number, rng: () => number, callback: TieCallback): number => {
    if (unit < sizes.length) {
      const start = communityStart[unit] as number;
      const end = communityStart[unit + 1] as number;
      const scale = a / (communityWeight[unit] as number);
      let count = 0;
      for (let i = start; i < end - 1; i++) {
        count += chungLuRow(members, i, end, weight, scale, rng, undefined, (x, y) => {
          callback(
            personOfRank[x] as number,
            personOfRank[y] as number,
            0.4 + 0.55 * rng(), // strong: 0.4–0.95
          );
        });
      }
      return count;
    }
    // Across the whole network, except pairs of the same community (drawn above).
    return chungLuRow(
      undefined,
      unit - sizes.length,
      n,
      weight,
      b / totalWeight,
      rng,
      (x, y) => communityOfRank[x] !== communityOfRank[y],
      (x, y) => {
        callback(personOfRank[x] as number, personOfRank[y] as number, 0.05 + 0.35 * rng());
      },
    );
  };
  const tieRandom = () => mulberry32(splitmix32(full.seed, 1));

  return {
    spec: full,
    people: n,
    communityCount: sizes.length,
    communityOf,
    policy,
    id: (index) => `p${String(index).padStart(width, '0')}`,
    forEachTie(callback) {
      const rng = tieRandom();
      let count = 0;
      for (let unit = 0; unit < units; unit++) count += drawUnit(unit, rng, callback);
      return count;
    },
    *ties() {
      const rng = tieRandom();
      const buffer: [number, number, number][] = [];
      for (let unit = 0; unit < units; unit++) {
        drawUnit(unit, rng, (s, t, w) => {
          buffer.push([s, t, w]);
        });
        yield* buffer;
        buffer.length = 0;
      }
    },
  };
}

function shuffle(array: Uint32Array, random: () => number): void {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = array[i] as number;
    array[i] = array[j] as number;
    array[j] = t;
  }
}

/**
 * One row of Chung–Lu: rank `list[i]` against `list[i+1 .. end)` (the ranks themselves when
 * `list` is undefined), weights non-increasing along the list, each pair with probability
 * min(1, scale·wᵢ·wⱼ), skipping geometrically (Miller & Hagberg 2011). Pairs failing `keep` are
 * drawn but not emitted.
 */
function chungLuRow(
  list: Uint32Array | undefined,
  i: number,
  end: number,
  weight: Float64Array,
  scale: number,
  rng: () => number,
  keep: ((x: number, y: number) => boolean) | undefined,
  emit: (x: number, y: number) => void,
): number {
  const rank = (j: number) => (list === undefined ? j : (list[j] as number));
  const x = rank(i);
  const wx = scale * (weight[x] as number);
  let count = 0;
  let j = i + 1;
  let p = Math.min(1, wx * (weight[rank(j)] as number));
  while (j < end && p > 0) {
    if (p < 1) j += Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
    if (j >= end) break;
    const y = rank(j);
    const q = Math.min(1, wx * (weight[y] as number));
    if (rng() < q / p && (keep === undefined || keep(x, y))) {
      emit(x, y);
      count++;
    }
    p = q;
    j++;
  }
  return count;
}

/** Magic bytes of the edge file (8 bytes). */
export const EDGE_FILE_MAGIC = 'WPEDGES1';
/** Bytes per tie record of the edge file: uint32 source, uint32 target, float64 strength, float64 cost. */
export const EDGE_RECORD_BYTES = 24;

/**
 * Writes the network as a binary edge list, little-endian: the 8 bytes `WPEDGES1`, uint32
 * people, uint32 ties, then per tie uint32 source, uint32 target, float64 strength, float64 cost
 * (`-Math.log(strength)`, as warmpath computes it). Streams; returns the number of ties.
 */
export function writeEdgeFile(network: GeneratedNetwork, path: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    const header = Buffer.alloc(16);
    header.write(EDGE_FILE_MAGIC, 0, 'latin1');
    header.writeUInt32LE(network.people, 8);
    writeSync(fd, header, 0, 16, 0);
    const perChunk = 65536;
    const chunk = Buffer.alloc(perChunk * EDGE_RECORD_BYTES);
    let inChunk = 0;
    let position = 16;
    const flush = () => {
      writeSync(fd, chunk, 0, inChunk * EDGE_RECORD_BYTES, position);
      position += inChunk * EDGE_RECORD_BYTES;
      inChunk = 0;
    };
    const count = network.forEachTie((s, t, strength) => {
      const o = inChunk * EDGE_RECORD_BYTES;
      chunk.writeUInt32LE(s, o);
      chunk.writeUInt32LE(t, o + 4);
      chunk.writeDoubleLE(strength, o + 8);
      chunk.writeDoubleLE(-Math.log(strength), o + 16);
      if (++inChunk === perChunk) flush();
    });
    flush();
    header.writeUInt32LE(count, 12);
    writeSync(fd, header, 12, 4, 12);
    return count;
  } finally {
    closeSync(fd);
  }
}

function main(argv: readonly string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const people = Number(arg('people') ?? 10000);
  const seed = Number(arg('seed') ?? 1);
  const out = arg('out') ?? `bench/data/net-${people}-seed${seed}.bin`;
  const started = performance.now();
  const network = generateNetwork({ people, seed });
  const ties = writeEdgeFile(network, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: ${people} people, ${ties} ties (${(ties / people).toFixed(2)} per person), ` +
      `${network.communityCount} communities, ${seconds} s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));

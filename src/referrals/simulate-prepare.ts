/**
 * What `simulateHiring` needs of a network, in typed arrays, built once per network (cached):
 * who may refer whom and how strongly, who can be a hiring manager where, who manages whom.
 *
 * @module
 */
import { POLICY_ASK_FIRST, POLICY_NEVER, POLICY_OPEN } from '../graph/compiled.js';
import type { Network } from '../model/network.js';

/** The tag that marks a person as looking for a job. */
export const SEEKER_TAG = 'job-seeker';
/** The tag that marks a person as someone who hires. */
export const HIRING_MANAGER_TAG = 'hiring-manager';

/** A network's people and ties as the simulation reads them. Immutable. */
export interface PreparedMarket {
  readonly network: Network;
  /** Person ids, in `network.people` order (a person's index is their position there). */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Organisation ids, in `network.organizations` order. */
  readonly organizations: readonly string[];
  readonly organizationIndex: ReadonlyMap<string, number>;
  /** Each person's organisation index at the start, or -1. */
  readonly initialOrganization: Int32Array;
  /** Each person's title at the start, or `undefined`. */
  readonly initialTitle: readonly (string | undefined)[];
  /** CSR adjacency: person u's contacts are `contacts[offsets[u] .. offsets[u + 1])`. */
  readonly offsets: Uint32Array;
  readonly contacts: Uint32Array;
  /** Strength of the tie from each contact towards the owner (what a referral by the owner uses). */
  readonly inbound: Float64Array;
  /** POLICY_OPEN, POLICY_ASK_FIRST or POLICY_NEVER per person. */
  readonly policy: Uint8Array;
  /** Per organisation: people tagged `hiring-manager` or hiring for one of its jobs, ascending. */
  readonly managerCandidates: readonly (readonly number[])[];
  /** Per person: the sources of `manager` relationships that target them, in input order. */
  readonly managersOf: ReadonlyMap<number, readonly number[]>;
  /** People without an organisation or tagged `job-seeker`, ascending. */
  readonly defaultSeekers: readonly number[];
}

const cache = new WeakMap<Network, PreparedMarket>();

/** The prepared form of `network` (cached per network; networks never change). */
export function prepareMarket(network: Network): PreparedMarket {
  let prepared = cache.get(network);
  if (prepared === undefined) {
    prepared = build(network);
    cache.set(network, prepared);
  }
  return prepared;
}

function build(network: Network): PreparedMarket {
  const people = network.people;
  const n = people.length;
  const ids = people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const organizations = network.organizations.map((o) => o.id);
  const organizationIndex = new Map(organizations.map((id, k) => [id, k]));
  const at = (id: string | undefined): number =>
    id === undefined ? -1 : (organizationIndex.get(id) ?? -1);
  const initialOrganization = Int32Array.from(people, (p) => at(p.organizationId));
  const policy = Uint8Array.from(people, (p) =>
    p.introductions === 'never'
      ? POLICY_NEVER
      : p.introductions === 'ask-first'
        ? POLICY_ASK_FIRST
        : POLICY_OPEN,
  );

  const ties = network.ties();
  const degree = new Uint32Array(n + 1);
  const ends = ties.map((t) => [indexOf.get(t.source) ?? 0, indexOf.get(t.target) ?? 0] as const);
  ties.forEach((t, i) => {
    const [a, b] = ends[i] as readonly [number, number];
    if (t.backward > 0) degree[a] = (degree[a] as number) + 1;
    if (t.forward > 0) degree[b] = (degree[b] as number) + 1;
  });
  const offsets = new Uint32Array(n + 1);
  for (let u = 0; u < n; u++) offsets[u + 1] = (offsets[u] as number) + (degree[u] as number);
  const cursor = offsets.slice(0, n);
  const contacts = new Uint32Array(offsets[n] as number);
  const inbound = new Float64Array(offsets[n] as number);
  const put = (owner: number, contact: number, strength: number): void => {
    const slot = cursor[owner] as number;
    cursor[owner] = slot + 1;
    contacts[slot] = contact;
    inbound[slot] = strength;
  };
  ties.forEach((t, i) => {
    const [a, b] = ends[i] as readonly [number, number];
    // The owner refers the contact: the step is contact → owner, as in an introduction chain.
    if (t.backward > 0) put(a, b, t.backward);
    if (t.forward > 0) put(b, a, t.forward);
  });

  const candidates = new Map<number, Set<number>>();
  const addCandidate = (person: number | undefined): void => {
    if (person === undefined) return;
    const org = initialOrganization[person] as number;
    if (org === -1) return;
    let set = candidates.get(org);
    if (set === undefined) {
      set = new Set();
      candidates.set(org, set);
    }
    set.add(person);
  };
  people.forEach((p, i) => {
    if (p.tags?.includes(HIRING_MANAGER_TAG)) addCandidate(i);
  });
  for (const job of network.jobs) addCandidate(indexOf.get(job.hiringManagerId));
  const managerCandidates = organizations.map((_, k) =>
    Object.freeze([...(candidates.get(k) ?? [])].sort((x, y) => x - y)),
  );

  const managersOf = new Map<number, number[]>();
  for (const rel of network.relationships) {
    if (rel.kind !== 'manager') continue;
    const report = indexOf.get(rel.target) as number;
    const list = managersOf.get(report);
    if (list) list.push(indexOf.get(rel.source) as number);
    else managersOf.set(report, [indexOf.get(rel.source) as number]);
  }
  const defaultSeekers: number[] = [];
  people.forEach((p, i) => {
    if (initialOrganization[i] === -1 || p.tags?.includes(SEEKER_TAG)) defaultSeekers.push(i);
  });

  return Object.freeze({
    network,
    ids: Object.freeze(ids),
    indexOf,
    organizations: Object.freeze(organizations),
    organizationIndex,
    initialOrganization,
    initialTitle: Object.freeze(people.map((p) => p.title)),
    offsets,
    contacts,
    inbound,
    policy,
    managerCandidates: Object.freeze(managerCandidates),
    managersOf,
    defaultSeekers: Object.freeze(defaultSeekers),
  });
}

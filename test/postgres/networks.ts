/**
 * Random networks and queries for comparing the two backends, in the manner of
 * test/paths/properties.test.ts (small networks with every kind of record and option) and
 * test/paths/search-pruning.test.ts (hundreds of people, heavy-tailed hubs, many equal strengths,
 * directed ties, ask-first and never people), seeded so a failure can be replayed.
 */
import type { IntroductionOptions, NetworkInput, RelationshipKind } from '../../src/index.js';
import { mulberry32 } from '../support/random.js';

const KINDS: readonly RelationshipKind[] = ['friend', 'colleague', 'former-colleague', 'other'];
const TEAMS = ['recruiting', 'sales'];
const DATES = ['2019-03-01', '2021-06-15', '2022-11-30', '2023-08-01', '2024-02-29'];

/** The knobs of {@link randomNetwork}. */
export interface Shape {
  readonly people: number;
  /** Relationships per person. */
  readonly density: number;
  /** How strongly ends concentrate on a few hubs (1: uniform). */
  readonly hubs: number;
  readonly groups: number;
  readonly groupSize: number;
}

/**
 * A random network: people with policies and organisations, relationships with explicit or
 * derived strengths (dates, frequency), some directed, some visible only to some, groups, jobs.
 */
export function randomNetwork(seed: number, shape: Shape): NetworkInput {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const n = shape.people;
  // Ids in an order unrelated to input order, so numbering by id is exercised.
  const ids = Array.from({ length: n }, (_, i) => `p${(i * 7919 + seed) % 100_003}`);
  const organizations = ['o1', 'o2', 'o3', 'o4'].map((id) => ({ id, name: id.toUpperCase() }));
  const people = ids.map((id, i) => {
    const r = random();
    const org = random() < 0.6 ? pick(organizations).id : undefined;
    return {
      id,
      name: `Person ${i}`,
      ...(org ? { organizationId: org } : {}),
      ...(r < 0.1
        ? { introductions: 'never' as const }
        : r < 0.3
          ? { introductions: 'ask-first' as const }
          : {}),
    };
  });
  const end = () => Math.floor(n * random() ** shape.hubs);
  const relationships: NonNullable<NetworkInput['relationships']>[number][] = [];
  const count = Math.round(n * shape.density);
  for (let i = 0; i < count; i++) {
    const a = end();
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const rel: Record<string, unknown> = {
      source: ids[a],
      target: ids[b],
      kind: pick(KINDS),
    };
    const r = random();
    if (r < 0.5) rel['strength'] = pick([0.1, 0.25, 0.5, 0.5, 0.7, 0.9, 1]);
    else {
      rel['lastInteraction'] = pick(DATES);
      if (random() < 0.5) rel['interactionsPerMonth'] = pick([0, 1, 3, 8]);
      if (random() < 0.3) rel['since'] = '2018-01-01';
      // Ended at the last interaction: left out of views as of later dates.
      if (random() < 0.15) rel['until'] = rel['lastInteraction'];
    }
    if (random() < 0.25) rel['directed'] = true;
    if (random() < 0.15) rel['visibleTo'] = random() < 0.5 ? [pick(TEAMS)] : [ids[end()] as string];
    if (random() < 0.2) rel['context'] = `met at ${pick(['school', 'work', 'a conference'])}`;
    relationships.push(rel as (typeof relationships)[number]);
  }
  const groups = Array.from({ length: shape.groups }, (_, g) => {
    const members = new Set<string>();
    for (let i = 0; i < shape.groupSize; i++) members.add(ids[Math.floor(random() * n)] as string);
    return { id: `g${g}`, name: `Group ${g}`, members: [...members] };
  });
  const jobs = organizations.slice(0, 3).map((o, j) => ({
    id: `job${j}`,
    title: `Job ${j}`,
    organizationId: o.id,
    hiringManagerId: ids[Math.floor(random() * n)] as string,
    requirements: [],
    status: 'open' as const,
    ...(j === 2 ? { openedAt: '2023-05-01' } : {}),
  }));
  return { organizations, people, relationships, groups, jobs };
}

/** Random queries on a network of `ids`, drawing on every option. */
export function randomQueries(
  seed: number,
  ids: readonly string[],
  count: number,
  { rich = true }: { rich?: boolean } = {},
): IntroductionOptions[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: IntroductionOptions[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const to =
      r < 0.6
        ? pick(ids)
        : r < 0.8
          ? { organization: pick(['o1', 'o2', 'o3', 'o4']) }
          : { job: pick(['job0', 'job1', 'job2']) };
    const options: Record<string, unknown> = {
      from: pick(ids),
      to,
      k: pick([1, 1, 3, 5]),
      maxHops: pick([1, 2, 3, 4, 4, 5, 6]),
    };
    if (random() < 0.3) options['minStrength'] = pick([0.2, 0.3, 0.5]);
    if (random() < 0.2) options['avoid'] = [pick(ids), pick(ids)];
    if (random() < 0.2) options['avoidOrganizations'] = [pick(['o1', 'o2'])];
    if (random() < 0.25)
      options['diversity'] = pick(['disjoint', { penalty: 1 }, { penalty: 0.2 }]);
    if (random() < 0.15) options['askFirstWillingness'] = 0.5;
    if (rich && random() < 0.2)
      options['viewer'] =
        random() < 0.5 ? { id: pick(ids) } : { id: 'analyst', teams: [pick(TEAMS)] };
    if (rich && random() < 0.15) options['asOf'] = pick(['2022-01-01', '2023-06-30', '2024-01-01']);
    out.push(options as unknown as IntroductionOptions);
  }
  return out;
}

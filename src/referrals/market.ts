/**
 * `generateMarket`: a seeded synthetic labour market to run `simulateHiring` on — people employed
 * at organisations of heavy-tailed sizes, their managers, colleague, friend, acquaintance and
 * former-colleague ties with strengths, and job seekers (unemployed, and some employed people
 * looking on the job).
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import { InvalidOptionsError, type Issue } from '../errors.js';
import { seededRandom } from '../graph/random.js';
import { dateProblem, dateToTime, timeToDate } from '../model/dates.js';
import type { Job, Organization, Person, Position, Relationship } from '../model/schema.js';
import {
  pareto,
  randomIndex,
  randomPairs,
  shuffle,
  uniform,
  weightedSampler,
} from './market-random.js';

/** Options of {@link generateMarket}. */
export interface MarketOptions {
  /** Number of people (an integer ≥ 2). */
  readonly people: number;
  /** Number of organisations (default: people / 40, at least 1). */
  readonly organizations?: number;
  /** Seed of every random draw (default 1): the same options give the same market. */
  readonly seed?: number;
  /** Share of people without a job, all of them job seekers (default 0.1). */
  readonly unemployedShare?: number;
  /** Share of employed staff (not managers) tagged `job-seeker`: looking on the job (default 0.05). */
  readonly onTheJobShare?: number;
  /** Staff per manager: an organisation of n has ⌈n / spanOfControl⌉ managers (default 8). */
  readonly spanOfControl?: number;
  /** Mean colleague ties of an employee inside their organisation (default 4). */
  readonly colleaguesPerPerson?: number;
  /** Mean friend ties (strong, anywhere in the market) per person (default 2). */
  readonly friendsPerPerson?: number;
  /** Mean acquaintance ties (weak, anywhere) per person (default 4). */
  readonly acquaintancesPerPerson?: number;
  /** Ties of each unemployed person to staff of their previous employer (default 2). */
  readonly formerColleagues?: number;
  /** The day the market shows (`YYYY-MM-DD`, default `2024-12-31`): no date is later. */
  readonly asOf?: string;
}

/** The defaults of {@link MarketOptions} (`organizations` defaults to people / 40). */
export const MARKET_DEFAULTS = Object.freeze({
  seed: 1,
  unemployedShare: 0.1,
  onTheJobShare: 0.05,
  spanOfControl: 8,
  colleaguesPerPerson: 4,
  friendsPerPerson: 2,
  acquaintancesPerPerson: 4,
  formerColleagues: 2,
  asOf: '2024-12-31',
});

/** A generated market: a complete dataset for `createNetwork` (no jobs open yet). */
export interface GeneratedMarket {
  readonly organizations: readonly Organization[];
  readonly people: readonly Person[];
  readonly jobs: readonly Job[];
  readonly relationships: readonly Relationship[];
}

const OPTION_NAMES = ['people', ...Object.keys(MARKET_DEFAULTS), 'organizations'];
const STAFF_TITLES = [
  'Analyst',
  'Engineer',
  'Designer',
  'Sales Representative',
  'Accountant',
  'Support Specialist',
] as const;
const INDUSTRIES = ['Software', 'Finance', 'Retail', 'Health', 'Manufacturing', 'Media'] as const;
const ORG_SIZE_TAIL = 1.3; // heavy-tailed organisation sizes (Axtell 2001 finds a tail near 1)
const ORG_SIZE_CAP = 30; // the largest organisation is at most ~30× a typical one
const DAY = 86_400_000;

function checkMarketOptions(options: unknown): asserts options is MarketOptions {
  if (options === undefined || options === null) {
    throw new InvalidOptionsError([
      { code: 'missing_field', path: 'people', message: 'is required' },
    ]);
  }
  checkOptions(options, OPTION_NAMES, (record, issues) => {
    if (record['people'] === undefined)
      issues.push({ code: 'missing_field', path: 'people', message: 'is required' });
    checkNumber(record, 'people', issues, { min: 2, integer: true });
    const people = typeof record['people'] === 'number' ? record['people'] : Infinity;
    checkNumber(record, 'organizations', issues, { min: 1, max: people, integer: true });
    checkNumber(record, 'seed', issues, { integer: true });
    for (const key of ['unemployedShare', 'onTheJobShare'])
      checkNumber(record, key, issues, { min: 0, max: 1 });
    checkNumber(record, 'spanOfControl', issues, { min: 1, integer: true });
    for (const key of ['colleaguesPerPerson', 'friendsPerPerson', 'acquaintancesPerPerson'])
      checkNumber(record, key, issues, { min: 0 });
    checkNumber(record, 'formerColleagues', issues, { min: 0, integer: true });
    checkDay(record, 'asOf', issues);
  });
}

/** Pushes an issue unless `record[key]` is undefined or a calendar date `YYYY-MM-DD`. */
export function checkDay(record: Record<string, unknown>, key: string, issues: Issue[]): void {
  const value = record[key];
  if (value === undefined) return;
  const problem =
    typeof value !== 'string' || value.length !== 10
      ? 'must be a calendar date such as "2025-01-01"'
      : dateProblem(value);
  if (problem) issues.push({ code: 'invalid_date', path: key, message: problem });
}

/**
 * Generates a synthetic labour market: organisations, people with positions, managers and job
 * seekers, and ties with explicit strengths, ready for `createNetwork` and `simulateHiring`.
 *
 * The model, every draw from one `seededRandom(seed)` stream:
 * - `round(people × unemployedShare)` people, chosen at random, are unemployed job seekers; each
 *   had a position at a previous employer and keeps `formerColleagues` ties (`former-colleague`,
 *   strength 0.1–0.5) to its staff.
 * - Organisation sizes are heavy-tailed (Pareto weights, tail 1.3, capped at 30× the minimum);
 *   every organisation gets at least one employee while there are enough.
 * - An organisation of n employees has ⌈n / spanOfControl⌉ managers (title `Manager`, tag
 *   `hiring-manager`); everyone else reports to one of them (`manager` tie, strength 0.5–0.9).
 * - Colleagues: inside each organisation an Erdős–Rényi graph with mean degree
 *   `colleaguesPerPerson` (`colleague`, 0.3–0.8). Friends (`friend`, 0.5–0.95) and acquaintances
 *   (`other`, 0.05–0.3) are Erdős–Rényi graphs over everyone: the strong ties cluster inside
 *   organisations, the weak ones bridge them (Granovetter 1973).
 * - `onTheJobShare` of employed staff (not managers) are tagged `job-seeker`.
 * Ids are `p` / `org` and a zero-padded number. Time and memory are linear in people plus ties:
 * 10,000 people take well under a second.
 *
 * @param options - `people` (required) and the knobs of {@link MarketOptions}.
 * @returns The dataset: `organizations`, `people`, `relationships`, and no `jobs`.
 * @throws InvalidOptionsError listing every invalid option.
 * @example
 * ```ts
 * const market = generateMarket({ people: 2000, seed: 7 });
 * const network = createNetwork(market);
 * const result = simulateHiring(network, { jobs: 30, steps: 10, seed: 7 });
 * ```
 * @see Granovetter, "The Strength of Weak Ties", American Journal of Sociology 78(6), 1973.
 * @see Axtell, "Zipf Distribution of U.S. Firm Sizes", Science 293, 2001.
 * @see Batagelj & Brandes, "Efficient generation of large random networks", Phys. Rev. E 71, 2005.
 */
export function generateMarket(options: MarketOptions): GeneratedMarket {
  checkMarketOptions(options);
  const o = { ...MARKET_DEFAULTS, ...options };
  const n = o.people;
  const orgCount = o.organizations ?? Math.max(1, Math.round(n / 40));
  const random = seededRandom(o.seed);
  const asOf = dateToTime(o.asOf);
  const day = (daysBefore: number): string => timeToDate(asOf - Math.floor(daysBefore) * DAY);
  const personId = (i: number): string => `p${String(i + 1).padStart(String(n).length, '0')}`;
  const orgId = (k: number): string => `org${String(k + 1).padStart(String(orgCount).length, '0')}`;

  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
  const unemployed = new Uint8Array(n);
  const unemployedCount = Math.round(n * o.unemployedShare);
  for (let r = 0; r < unemployedCount; r++) unemployed[order[r] as number] = 1;

  const sizeWeights = Float64Array.from({ length: orgCount }, () =>
    Math.min(ORG_SIZE_CAP, pareto(random, 1, ORG_SIZE_TAIL)),
  );
  const pickOrg = weightedSampler(sizeWeights, random);
  const orgOf = new Int32Array(n).fill(-1);
  const members: number[][] = Array.from({ length: orgCount }, () => []);
  let employed = 0;
  for (let i = 0; i < n; i++) {
    if (unemployed[i]) continue;
    const k = employed < orgCount ? employed : pickOrg();
    employed++;
    orgOf[i] = k;
    members[k]?.push(i);
  }

  const relationships: Relationship[] = [];
  const tie = (
    a: number,
    b: number,
    kind: Relationship['kind'],
    low: number,
    high: number,
  ): void => {
    const strength = Math.round(uniform(random, low, high) * 1000) / 1000;
    relationships.push({ source: personId(a), target: personId(b), kind, strength });
  };
  const isManager = new Uint8Array(n);
  for (const staff of members) {
    shuffle(staff, random);
    const managers = Math.ceil(staff.length / o.spanOfControl);
    for (let r = 0; r < managers; r++) isManager[staff[r] as number] = 1;
    for (let r = managers; r < staff.length; r++)
      tie(staff[randomIndex(random, managers)] as number, staff[r] as number, 'manager', 0.5, 0.9);
    const p = staff.length > 1 ? o.colleaguesPerPerson / (staff.length - 1) : 0;
    randomPairs(staff.length, p, random, (i, j) =>
      tie(staff[i] as number, staff[j] as number, 'colleague', 0.3, 0.8),
    );
  }
  randomPairs(n, o.friendsPerPerson / (n - 1), random, (i, j) => tie(i, j, 'friend', 0.5, 0.95));
  randomPairs(n, o.acquaintancesPerPerson / (n - 1), random, (i, j) =>
    tie(i, j, 'other', 0.05, 0.3),
  );

  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Person ${i + 1}`;
    const k = orgOf[i] as number;
    if (k === -1) {
      const previous = pickOrg();
      const staff = members[previous] ?? [];
      const to = uniform(random, 0, 365);
      const position: Position = {
        title: STAFF_TITLES[randomIndex(random, STAFF_TITLES.length)] as string,
        organizationId: orgId(previous),
        from: day(to + uniform(random, 180, 2500)),
        to: day(to),
      };
      const known = new Set<number>();
      for (let f = 0; f < Math.min(o.formerColleagues, staff.length); f++) {
        let colleague = staff[randomIndex(random, staff.length)] as number;
        while (known.has(colleague)) colleague = staff[randomIndex(random, staff.length)] as number;
        known.add(colleague);
        tie(i, colleague, 'former-colleague', 0.1, 0.5);
      }
      people.push({ id: personId(i), name, tags: ['job-seeker'], positions: [position] });
      continue;
    }
    const title = isManager[i]
      ? 'Manager'
      : (STAFF_TITLES[randomIndex(random, STAFF_TITLES.length)] as string);
    const seeking = !isManager[i] && random() < o.onTheJobShare;
    const tags = isManager[i] ? ['hiring-manager'] : seeking ? ['job-seeker'] : undefined;
    people.push({
      id: personId(i),
      name,
      organizationId: orgId(k),
      title,
      ...(tags ? { tags } : {}),
      positions: [{ title, organizationId: orgId(k), from: day(uniform(random, 30, 3650)) }],
    });
  }
  const organizations: Organization[] = Array.from({ length: orgCount }, (_, k) => ({
    id: orgId(k),
    name: `Organisation ${k + 1}`,
    industry: INDUSTRIES[k % INDUSTRIES.length] as string,
  }));
  return { organizations, people, jobs: [], relationships };
}

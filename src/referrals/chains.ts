/**
 * Chains of hires: who referred whom (`referralChains`, a forest), and White's vacancy chains
 * (`vacancyChains`: a move into one job leaves another open, which the next hire fills).
 *
 * @module
 */
import { checkNumber, checkOptions } from '../centrality/options.js';
import { dateToTime } from '../model/dates.js';
import type { Network } from '../model/network.js';
import type { Hire, Job } from '../model/schema.js';
import { dayOf } from './attribution.js';
import { type Column, type Exportable, exportable } from './report.js';

const DAY_MS = 86_400_000;

/** How many chains have each length. */
export interface LengthCount {
  /** The length. */
  readonly length: number;
  /** How many chains have it. */
  readonly count: number;
}

function distribution(lengths: readonly number[]): readonly LengthCount[] {
  const counts = new Map<number, number>();
  for (const length of lengths) counts.set(length, (counts.get(length) ?? 0) + 1);
  return Object.freeze(
    [...counts]
      .sort((a, b) => a[0] - b[0])
      .map(([length, count]) => Object.freeze({ length, count })),
  );
}

/** Hires in time order: by date, then person id, then input order. */
function byTime(network: Network): readonly number[] {
  const hires = network.hires;
  const times = hires.map((hire) => dateToTime(hire.date));
  return hires
    .map((_, index) => index)
    .sort((a, b) => {
      const ha = hires[a] as Hire;
      const hb = hires[b] as Hire;
      return (
        (times[a] as number) - (times[b] as number) ||
        (ha.personId < hb.personId ? -1 : ha.personId > hb.personId ? 1 : 0) ||
        a - b
      );
    });
}

// ---------------------------------------------------------------------------------------------
// Referral chains

/** One person in a referral tree. */
export interface ReferralNode {
  /** The person. */
  readonly personId: string;
  /** Index in `network.hires` of the referral hire that brought them here, `null` for a root. */
  readonly hire: number | null;
  /** That hire's job, or `null` for a root. */
  readonly jobId: string | null;
  /** That hire's date, or `null` for a root. */
  readonly date: string | null;
  /** Referral steps from the root (0 for the root). */
  readonly depth: number;
  /** The people this person referred, by hire date, then person id, then input order. */
  readonly children: readonly ReferralNode[];
}

/** One tree of referrals. */
export interface ReferralTree {
  /** The first referrer, and everyone referred from them on. */
  readonly root: ReferralNode;
  /**
   * `true` when the root was themselves hired by referral: only when a cycle of referrals (A
   * referred B, B later referred A) had no other root and was broken at the root.
   */
  readonly rootHiredByReferral: boolean;
  /** Referral steps on the longest path from the root. */
  readonly depth: number;
  /** People in the tree, the root included (a person referred twice counts twice). */
  readonly size: number;
}

/** What {@link referralChains} returns. */
export interface ReferralChains {
  /**
   * The trees, in the order of their root's first referral (ordered as children are); trees
   * rooted to break a cycle come last.
   */
  readonly trees: readonly ReferralTree[];
  /** Root-to-leaf paths by length in referral steps (a tree's leaves at each depth). */
  readonly lengths: readonly LengthCount[];
  /** Referral hires with a referrer (each appears once in the trees). */
  readonly referralHires: number;
  /** Hires recorded as referrals without a `referrerId` (not in any tree). */
  readonly referralsWithoutReferrer: number;
}

/** One referral as a table row: the tree, the step and who referred whom. */
interface ReferralRow {
  readonly tree: number;
  readonly rootId: string;
  readonly referrerId: string;
  readonly node: ReferralNode;
}

const REFERRAL_COLUMNS: readonly Column<ReferralRow>[] = [
  { label: 'Tree', value: (r) => r.tree },
  { label: 'Root', value: (r) => r.rootId },
  { label: 'Depth', value: (r) => r.node.depth },
  { label: 'Referrer', value: (r) => r.referrerId },
  { label: 'Person', value: (r) => r.node.personId },
  { label: 'Job', value: (r) => r.node.jobId },
  { label: 'Date', value: (r) => r.node.date },
  { label: 'Hire', value: (r) => r.node.hire },
];

/**
 * Who referred whom, as a forest of trees. The roots are referrers who were not themselves
 * hired by referral; a node's children are the people they referred (one per referral hire), by
 * hire date, then person id, then input order. Only hires with channel `referral` and a
 * `referrerId` count.
 *
 * A tree is a genealogy, not a timeline: someone's referrals hang under them whether they were
 * made before or after their own referral hire. A person hired by referral more than once appears
 * once per such hire; their own referrals hang under their earliest referral hire only, so every
 * referral hire appears exactly once. A cycle (A referred B, B later referred A) has no root; it
 * is broken by making a root of the person reached by walking up from the referrer of its
 * earliest hire until someone repeats (`rootHiredByReferral: true`).
 *
 * A tree's `depth` is the number of referral steps on its longest root-to-leaf path; `size` counts
 * its nodes, the root included. `lengths` counts root-to-leaf paths (leaves) by their number of
 * referral steps, over all trees.
 *
 * @param network - The network.
 * @returns The trees and the distribution of chain lengths; with `toJSON`, `toCSV` and
 *   `toMarkdown` (one row per referral, in tree order, depth first).
 * @throws Nothing for a valid network.
 * @example
 * ```ts
 * const { trees, lengths } = referralChains(network);
 * trees[0]?.root.personId;                  // 'walt-harmon'
 * trees[0]?.root.children[0]?.personId;     // 'coach'
 * lengths;                                  // [{ length: 1, count: 2 }]
 * ```
 * @see Fernandez, Castilla & Moore, "Social Capital at Work: Networks and Employment at a Phone
 *   Center", American Journal of Sociology 105(5), 2000 (referrers and the referred).
 * @see Castilla, "Social Networks and Employee Performance in a Call Center", American Journal of
 *   Sociology 110(5), 2005.
 */
export function referralChains(network: Network): ReferralChains & Exportable {
  const order = byTime(network);
  const referrals: number[] = [];
  let referralsWithoutReferrer = 0;
  for (const index of order) {
    const hire = network.hires[index] as Hire;
    if (hire.channel !== 'referral') continue;
    if (hire.referrerId === undefined) referralsWithoutReferrer++;
    else referrals.push(index);
  }
  const hireAt = (index: number): Hire => network.hires[index] as Hire;
  const referredBy = new Map<string, number[]>();
  const firstReferralHire = new Map<string, number>();
  for (const index of referrals) {
    const hire = hireAt(index);
    const referrer = hire.referrerId as string;
    const list = referredBy.get(referrer);
    if (list) list.push(index);
    else referredBy.set(referrer, [index]);
    if (!firstReferralHire.has(hire.personId)) firstReferralHire.set(hire.personId, index);
  }

  const expanded = new Set<string>();
  const placed = new Set<number>();
  // Trees are grown depth first without recursion (a chain of thousands of referrals would
  // overflow the stack): nodes are made in the order a recursive walk visits them, then frozen
  // children first.
  type Growing = { -readonly [K in keyof ReferralNode]: ReferralNode[K] } & {
    children: ReferralNode[];
  };
  const grow = (rootId: string): ReferralNode => {
    const made: Growing[] = [];
    const stack: { personId: string; hire: number | null; depth: number; parent?: Growing }[] = [
      { personId: rootId, hire: null, depth: 0 },
    ];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { personId, hire, depth, parent } = next;
      const record = hire === null ? undefined : hireAt(hire);
      if (hire !== null) placed.add(hire);
      const expands =
        !expanded.has(personId) && (hire === null || firstReferralHire.get(personId) === hire);
      if (expands) expanded.add(personId);
      const node: Growing = {
        personId,
        hire,
        jobId: record?.jobId ?? null,
        date: record?.date ?? null,
        depth,
        children: [],
      };
      made.push(node);
      parent?.children.push(node);
      const referred = expands ? (referredBy.get(personId) ?? []) : [];
      for (let i = referred.length - 1; i >= 0; i--) {
        const h = referred[i] as number;
        stack.push({ personId: hireAt(h).personId, hire: h, depth: depth + 1, parent: node });
      }
    }
    for (let i = made.length - 1; i >= 0; i--) {
      const node = made[i] as Growing;
      Object.freeze(node.children);
      Object.freeze(node);
    }
    return made[0] as ReferralNode;
  };

  const roots: { id: string; cycle: boolean }[] = [];
  for (const index of referrals) {
    const referrer = hireAt(index).referrerId as string;
    if (!firstReferralHire.has(referrer) && !roots.some((r) => r.id === referrer))
      roots.push({ id: referrer, cycle: false });
  }
  const trees: ReferralTree[] = [];
  const plant = (id: string, cycle: boolean): void => {
    const root = grow(id);
    let depth = 0;
    let size = 0;
    const stack = [root];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      size++;
      if (node.depth > depth) depth = node.depth;
      for (const child of node.children) stack.push(child);
    }
    trees.push(Object.freeze({ root, rootHiredByReferral: cycle, depth, size }));
  };
  // Roots in order of their first referral (referrals are in time order).
  for (const root of roots) plant(root.id, root.cycle);
  for (const index of referrals) {
    if (placed.has(index)) continue;
    // Unplaced: upstream there is a cycle with no root. Walk up to it and root it there.
    const seen = new Set<string>();
    let person = hireAt(index).referrerId as string;
    while (!seen.has(person)) {
      seen.add(person);
      const first = firstReferralHire.get(person) as number;
      person = hireAt(first).referrerId as string;
    }
    plant(person, true);
  }

  const rows: ReferralRow[] = [];
  const leaves: number[] = [];
  trees.forEach((tree, t) => {
    // Depth first, each referral's row just before those of the people it led to.
    const stack: { node: ReferralNode; referrerId?: string }[] = [{ node: tree.root }];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { node, referrerId } = next;
      if (referrerId !== undefined) {
        rows.push({ tree: t, rootId: tree.root.personId, referrerId, node });
      }
      if (node.children.length === 0 && node.depth > 0) leaves.push(node.depth);
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({ node: node.children[i] as ReferralNode, referrerId: node.personId });
      }
    }
  });
  const lengths = distribution(leaves);
  const notes = [
    `${trees.length} tree(s) from ${referrals.length} referral hire(s); chain lengths (root to leaf, in referrals): ` +
      (lengths.map((l) => `${l.length}: ${l.count}`).join(', ') || 'none') +
      '.',
    ...(referralsWithoutReferrer > 0
      ? [`${referralsWithoutReferrer} referral hire(s) without a referrer are not in any tree.`]
      : []),
  ];
  return exportable(
    {
      trees: Object.freeze(trees),
      lengths,
      referralHires: referrals.length,
      referralsWithoutReferrer,
    },
    'Referral chains: who referred whom',
    REFERRAL_COLUMNS,
    rows,
    notes,
  );
}

// ---------------------------------------------------------------------------------------------
// Vacancy chains

/** Options of {@link vacancyChains}. */
export interface VacancyChainOptions {
  /**
   * A position that ended at most this many days before a hire still counts as the job the person
   * left for it (default 31), a non-negative number.
   */
  readonly maxGapDays?: number;
}

/** The defaults of {@link VacancyChainOptions}. */
export const VACANCY_CHAIN_DEFAULTS = Object.freeze({ maxGapDays: 31 });

/** A job left open by a move. */
export interface Vacancy {
  /** The organisation. */
  readonly organizationId: string;
  /** The job's title. */
  readonly title: string;
  /** The job record, when the vacancy is known from one (`hire` or `filled-by`), else `null`. */
  readonly jobId: string | null;
  /** What showed the person held it: a `position`, an earlier `hire`, or a job `filled-by` them. */
  readonly evidence: 'position' | 'hire' | 'filled-by';
}

/** One hire as a step of a vacancy chain. */
export interface VacancyMove {
  /** Index of the hire in `network.hires`. */
  readonly hire: number;
  /** The job filled. */
  readonly jobId: string;
  /** Its organisation. */
  readonly organizationId: string;
  /** The person who moved into it. */
  readonly personId: string;
  /** The hire's date. */
  readonly date: string;
  /** The job this person left open by moving, or `null` if they came from outside the network. */
  readonly left: Vacancy | null;
}

/** One vacancy chain: each move fills the job the move before it left open. */
export interface VacancyChain {
  /** The moves, in order. */
  readonly moves: readonly VacancyMove[];
  /** The number of moves. */
  readonly length: number;
  /** The vacancy the last move left that no later hire filled, or `null` (the chain has ended). */
  readonly open: Vacancy | null;
}

/** What {@link vacancyChains} returns. */
export interface VacancyChains {
  /** The `maxGapDays` used. */
  readonly maxGapDays: number;
  /** Every chain, by the time of its first move; every hire is in exactly one. */
  readonly chains: readonly VacancyChain[];
  /** Chains by number of moves. */
  readonly lengths: readonly LengthCount[];
}

const normalTitle = (title: string): string =>
  title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

interface Candidate {
  readonly vacancy: Vacancy;
  /** The day it began (`''` when unknown: earlier than any known day). */
  readonly from: string;
  /** Job records win over positions on the same day. */
  readonly rank: number;
}

/**
 * The job a person left by the hire `hire` (into `job`), or `null`. See {@link vacancyChains}.
 */
function vacancyLeft(
  network: Network,
  hireIndex: number,
  job: Job,
  maxGapDays: number,
  jobHires: ReadonlyMap<string, readonly number[]>,
): Vacancy | null {
  const hire = network.hires[hireIndex] as Hire;
  const person = network.requirePerson(hire.personId);
  const day = dayOf(hire.date);
  const earliestEnd = dateToTime(day) - maxGapDays * DAY_MS;
  const ended = (to: string | undefined): boolean =>
    to !== undefined && dateToTime(dayOf(to)) < earliestEnd;
  const sameAsNew = (organizationId: string, title: string): boolean =>
    organizationId === job.organizationId && normalTitle(title) === normalTitle(job.title);
  // A job record is stale when a position at it (same organisation and title) ended too early.
  const stale = (record: Job): boolean =>
    (person.positions ?? []).some(
      (p) =>
        p.organizationId === record.organizationId &&
        normalTitle(p.title) === normalTitle(record.title) &&
        ended(p.to),
    );
  const candidates: Candidate[] = [];
  const jobRecord = (record: Job, from: string, evidence: 'hire' | 'filled-by'): void => {
    if (record.id === job.id || stale(record)) return;
    candidates.push({
      vacancy: {
        organizationId: record.organizationId,
        title: record.title,
        jobId: record.id,
        evidence,
      },
      from,
      rank: 0,
    });
  };
  for (const index of jobHires.get(person.id) ?? []) {
    const earlier = network.hires[index] as Hire;
    const from = dayOf(earlier.date);
    if (index !== hireIndex && from < day)
      jobRecord(network.requireJob(earlier.jobId), from, 'hire');
  }
  for (const record of network.jobs) {
    if (record.filledBy !== person.id) continue;
    const from = record.filledAt === undefined ? '' : dayOf(record.filledAt);
    if (from < day) jobRecord(record, from, 'filled-by');
  }
  for (const position of person.positions ?? []) {
    if (position.organizationId === undefined) continue;
    const from = position.from === undefined ? '' : dayOf(position.from);
    if (from >= day || ended(position.to) || sameAsNew(position.organizationId, position.title))
      continue;
    candidates.push({
      vacancy: {
        organizationId: position.organizationId,
        title: position.title,
        jobId: null,
        evidence: 'position',
      },
      from,
      rank: 1,
    });
  }
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (best === undefined || c.from > best.from || (c.from === best.from && c.rank < best.rank))
      best = c;
  }
  return best === undefined ? null : Object.freeze(best.vacancy);
}

/** One move as a table row. */
interface MoveRow {
  readonly chain: number;
  readonly step: number;
  readonly length: number;
  readonly move: VacancyMove;
}

const vacancyText = (vacancy: Vacancy | null): string =>
  vacancy === null ? '' : `${vacancy.title} at ${vacancy.organizationId}`;

const VACANCY_COLUMNS: readonly Column<MoveRow>[] = [
  { label: 'Chain', value: (r) => r.chain },
  { label: 'Step', value: (r) => r.step },
  { label: 'Chain length', value: (r) => r.length },
  { label: 'Date', value: (r) => r.move.date },
  { label: 'Job', value: (r) => r.move.jobId },
  { label: 'Organisation', value: (r) => r.move.organizationId },
  { label: 'Person', value: (r) => r.move.personId },
  { label: 'Left open', value: (r) => vacancyText(r.move.left) },
  { label: 'Evidence', value: (r) => r.move.left?.evidence ?? null },
  { label: 'Hire', value: (r) => r.move.hire },
];

/**
 * White's (1970) vacancy chains: a job falls vacant, someone moves into it and leaves their own
 * job vacant, someone moves into that, and so on until a job is filled from outside (or stays
 * open). Every hire is a move and belongs to exactly one chain; a hire that fills no vacancy left
 * by an earlier move starts one, so a hire from outside into a new job is a chain of length 1.
 *
 * **The job a move leaves.** A hire of person P into job B, on day d, leaves open the job P held
 * just before, found from the record as the candidate that began last (job records before
 * positions on the same day, undated ones earliest):
 * - a position of P at an organisation in the network (with `organizationId`) that began before d
 *   (or has no `from`) and had not ended more than `maxGapDays` before d, other than one with B's
 *   organisation and title (the new job itself): the vacancy is that organisation and title;
 * - an earlier hire of P into a job A (dated before d, A ≠ B), or a job A with `filledBy` P filled
 *   before d (or with no `filledAt`): the vacancy is job A, unless a position of P with A's
 *   organisation and title ended more than `maxGapDays` before d.
 * A position with only an `organizationName` is outside the network and leaves nothing.
 *
 * **Who fills it.** Vacancies are filled in the order they were left (by the leaving hire's time,
 * then person id, then input order): each by the next hire, in that order, that comes after the
 * leaving hire, is not the leaver's, fills no other vacancy, and is into job A itself or into a
 * job with the same organisation and title (titles compared ignoring case and spacing). Jobs'
 * `openedAt` is not used. A vacancy no hire fills is the chain's `open` end.
 *
 * @param network - The network.
 * @param options - `maxGapDays` (31): how long before the hire a position may have ended and still
 *   be the one left for it (a month covers notice periods and records dated at start).
 * @returns The chains by the time of their first move and the distribution of their lengths
 *   (moves); with `toJSON`, `toCSV` and `toMarkdown` (one row per move).
 * @throws InvalidOptionsError for an unknown option or a negative or non-finite `maxGapDays`.
 * @example
 * ```ts
 * const { chains, lengths } = vacancyChains(network);
 * const chain = chains.find((c) => c.moves.some((m) => m.personId === 'jacob'));
 * chain?.moves.map((m) => `${m.jobId} ← ${m.personId}`);
 * // ['harbor-sales-executive ← michael', 'it-sales-rep ← jacob']
 * ```
 * @see White, *Chains of Opportunity: System Models of Mobility in Organizations*, Harvard
 *   University Press, 1970.
 * @see Chase, "Vacancy Chains", Annual Review of Sociology 17, 1991.
 */
export function vacancyChains(
  network: Network,
  options?: VacancyChainOptions,
): VacancyChains & Exportable {
  checkOptions(options, Object.keys(VACANCY_CHAIN_DEFAULTS), (record, issues) =>
    checkNumber(record, 'maxGapDays', issues, { min: 0 }),
  );
  const maxGapDays = options?.maxGapDays ?? VACANCY_CHAIN_DEFAULTS.maxGapDays;
  const order = byTime(network);
  const hiresByPerson = new Map<string, number[]>();
  for (const [index, hire] of network.hires.entries()) {
    const list = hiresByPerson.get(hire.personId);
    if (list) list.push(index);
    else hiresByPerson.set(hire.personId, [index]);
  }

  const moves = new Map<number, VacancyMove>();
  for (const index of order) {
    const hire = network.hires[index] as Hire;
    const job = network.requireJob(hire.jobId);
    moves.set(
      index,
      Object.freeze({
        hire: index,
        jobId: job.id,
        organizationId: job.organizationId,
        personId: hire.personId,
        date: hire.date,
        left: vacancyLeft(network, index, job, maxGapDays, hiresByPerson),
      }),
    );
  }

  const next = new Map<number, number>();
  const filler = new Set<number>();
  for (const [rank, index] of order.entries()) {
    const move = moves.get(index) as VacancyMove;
    const vacancy = move.left;
    if (vacancy === null) continue;
    for (let later = rank + 1; later < order.length; later++) {
      const candidate = order[later] as number;
      if (filler.has(candidate)) continue;
      const fill = moves.get(candidate) as VacancyMove;
      if (fill.personId === move.personId || fill.jobId === move.jobId) continue;
      const job = network.requireJob(fill.jobId);
      const fits =
        job.id === vacancy.jobId ||
        (job.organizationId === vacancy.organizationId &&
          normalTitle(job.title) === normalTitle(vacancy.title));
      if (!fits) continue;
      next.set(index, candidate);
      filler.add(candidate);
      break;
    }
  }

  const chains: VacancyChain[] = [];
  for (const index of order) {
    if (filler.has(index)) continue;
    const steps: VacancyMove[] = [];
    for (let at: number | undefined = index; at !== undefined; at = next.get(at))
      steps.push(moves.get(at) as VacancyMove);
    const last = steps[steps.length - 1] as VacancyMove;
    chains.push(
      Object.freeze({
        moves: Object.freeze(steps),
        length: steps.length,
        open: last.left,
      }),
    );
  }

  const rows: MoveRow[] = [];
  for (const [c, chain] of chains.entries()) {
    for (const [step, move] of chain.moves.entries())
      rows.push({ chain: c, step: step + 1, length: chain.length, move });
  }
  const lengths = distribution(chains.map((chain) => chain.length));
  const notes = [
    `${chains.length} vacancy chain(s) from ${network.hires.length} hire(s); lengths (moves): ` +
      (lengths.map((l) => `${l.length}: ${l.count}`).join(', ') || 'none') +
      '.',
    `A position that ended up to ${maxGapDays} day(s) before a hire counts as the job left for it.`,
  ];
  return exportable(
    { maxGapDays, chains: Object.freeze(chains), lengths },
    'Vacancy chains',
    VACANCY_COLUMNS,
    rows,
    notes,
  );
}

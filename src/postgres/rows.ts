/**
 * Records of a network as rows of the warmpath tables: what each column holds, computed the way
 * the in-memory engine computes it (strengths from `network.strengths()`, ties from
 * `network.ties()`), so that queries on PostgreSQL give exactly the same numbers.
 *
 * @module
 */
import type {
  Application,
  Group,
  Hire,
  Job,
  Network,
  Organization,
  Person,
  Relationship,
  Tie,
} from 'warmpath';
import { dateToTime } from '../model/dates.js';
import type { Cell } from './copy.js';

/** Policy codes as stored in `people.introductions` (those of the compiled network). */
export const POLICY_CODE = { open: 0, 'ask-first': 1, never: 2 } as const;
/** The policy of a stored code. */
export const POLICY_NAME = ['open', 'ask-first', 'never'] as const;

/** The latest of some dates, as epoch ms, or `null` when none is given. */
export function latestOf(...dates: (string | undefined)[]): number | null {
  let latest: number | null = null;
  for (const date of dates) {
    if (date === undefined) continue;
    const t = dateToTime(date);
    if (latest === null || t > latest) latest = t;
  }
  return latest;
}

const timeOf = (date: string | undefined): number | null =>
  date === undefined ? null : dateToTime(date);

export const PEOPLE_COLUMNS = [
  'no',
  'id',
  'name',
  'organization_id',
  'introductions',
  'latest_t',
  'record',
] as const;

export function personRow(person: Person, no: number): Cell[] {
  const dates = (person.positions ?? []).flatMap((p) => [p.from, p.to]);
  return [
    no,
    person.id,
    person.name,
    person.organizationId ?? null,
    POLICY_CODE[person.introductions ?? 'open'],
    latestOf(...dates),
    JSON.stringify(person),
  ];
}

export const ORGANIZATION_COLUMNS = ['id', 'ordinal', 'record'] as const;
export const organizationRow = (organization: Organization, ordinal: number): Cell[] => [
  organization.id,
  ordinal,
  JSON.stringify(organization),
];

export const JOB_COLUMNS = [
  'id',
  'ordinal',
  'hiring_manager_id',
  'opened_t',
  'latest_t',
  'record',
] as const;
export const jobRow = (job: Job, ordinal: number): Cell[] => [
  job.id,
  ordinal,
  job.hiringManagerId,
  timeOf(job.openedAt),
  latestOf(job.openedAt, job.filledAt),
  JSON.stringify(job),
];

export const GROUP_COLUMNS = ['id', 'ordinal', 'record'] as const;
/** A group's record is stored without its members, which `group_members` holds in order. */
export function groupRow(group: Group, ordinal: number): Cell[] {
  const { members: _members, ...rest } = group;
  return [group.id, ordinal, JSON.stringify(rest)];
}

export const GROUP_MEMBER_COLUMNS = ['group_id', 'position', 'person_no'] as const;

export const RELATIONSHIP_COLUMNS = [
  'ordinal',
  'source_no',
  'target_no',
  'kind',
  'directed',
  'strength',
  'visible_to',
  'since_t',
  'until_t',
  'latest_t',
  'record',
] as const;
export function relationshipRow(
  rel: Relationship,
  ordinal: number,
  sourceNo: number,
  targetNo: number,
  strength: number,
): Cell[] {
  return [
    ordinal,
    sourceNo,
    targetNo,
    rel.kind,
    rel.directed === true,
    strength,
    rel.visibleTo ?? null,
    timeOf(rel.since),
    timeOf(rel.until),
    latestOf(rel.since, rel.until, rel.lastInteraction),
    JSON.stringify(rel),
  ];
}

export const EVENT_COLUMNS = ['ordinal', 'latest_t', 'record'] as const;
export const eventRow = (event: Hire | Application, ordinal: number): Cell[] => [
  ordinal,
  latestOf(event.date),
  JSON.stringify(event),
];

export const TIE_COLUMNS = [
  'person_no',
  'neighbor_no',
  'out_strength',
  'in_strength',
  'public',
  'visible_to',
] as const;

/**
 * Who may see a tie: `public` when some evidence is a shared group or a relationship without
 * `visibleTo`; otherwise the union of its relationships' `visibleTo` lists (the tie's two ends see
 * it too). A viewer sees the tie exactly when they may see some relationship behind it.
 */
export function tieVisibility(
  tie: Tie,
  relationships: readonly Relationship[],
): { public: boolean; visibleTo: string[] | null } {
  const lists: (readonly string[])[] = [];
  for (const e of tie.evidence) {
    if (e.relationship === undefined) return { public: true, visibleTo: null };
    const list = relationships[e.relationship]?.visibleTo;
    if (list === undefined) return { public: true, visibleTo: null };
    lists.push(list);
  }
  return { public: false, visibleTo: [...new Set(lists.flat())].sort() };
}

/** The two rows of a tie, one from each end. */
export function tieRows(tie: Tie, network: Network, noOf: ReadonlyMap<string, number>): Cell[][] {
  const a = noOf.get(tie.source) as number;
  const b = noOf.get(tie.target) as number;
  const { public: open, visibleTo } = tieVisibility(tie, network.relationships);
  return [
    [a, b, tie.forward, tie.backward, open, visibleTo],
    [b, a, tie.backward, tie.forward, open, visibleTo],
  ];
}

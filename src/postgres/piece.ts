/**
 * The part of a stored network one introduction query needs, fetched with indexed `= ANY($1)`
 * look-ups, level by level, and built into a small `Network` the in-memory engine runs on.
 *
 * Why it is exact. The in-memory search with a hop budget H expands (reads the ties of) only
 * people it reaches within ceil(H/2) - 1 hops of the candidate, going forward, or within
 * floor(H/2) - 1 hops of a target, going backward (search.ts), and only people who may pass an
 * introduction on (plus the candidate and the targets). Every person on a chain of at most H hops
 * is within ceil(H/2) hops of the candidate or floor(H/2) of a target, and each step of such a
 * chain leaves a person of the first kind or enters one of the second, whose ties in that
 * direction are fetched here. So the breadth-first fetch below, over a superset of the steps the
 * search may take (same direction, same people, a slightly looser strength bound), reaches every
 * person the search would expand, and fetches all their usable ties with all the evidence behind
 * them. The search on the piece then sees the same steps, in the same order (people keep their
 * relative id order, ties their cost-bucket order), and returns the same chains.
 *
 * @module
 */
import {
  type Group,
  type Job,
  Network,
  type Organization,
  type Person,
  type Relationship,
  type StrengthModel,
} from 'warmpath';
import { checkAbort, type PostgresClient, toNumber } from './client.js';
import { POLICY_CODE, POLICY_NAME } from './rows.js';

/**
 * A stored person as a query needs them: what the search reads (policy, organisation) and what
 * explanations print (the name). The rest of the record plays no part in chains.
 */
export interface PersonRow {
  readonly no: number;
  readonly id: string;
  readonly name: string;
  readonly organizationId: string | null;
  readonly policy: number;
}

/** Which relationships the query may use: those a viewer may see, and those current at `asOf`. */
export interface ViewFilter {
  /** The viewer's person number (-1 when the viewer is not a person of the network) and keys. */
  readonly viewer: { readonly no: number; readonly keys: readonly string[] } | undefined;
  /** `asOf` as epoch ms. */
  readonly asOfTime: number | undefined;
}

/** What to fetch around. */
export interface PieceRequest {
  readonly source: number;
  readonly targets: readonly number[];
  readonly maxHops: number;
  /** People who may not be intermediaries (avoided by id or by organisation). */
  readonly blocked: (person: PersonRow) => boolean;
  /** Steps weaker than this are not fetched (undefined: every usable step). */
  readonly strengthAtLeast: number | undefined;
  readonly view: ViewFilter;
  readonly signal: AbortSignal | undefined;
  /** Whether any group has members (when none has, no group look-ups are made). */
  readonly groups: boolean;
}

/** The fetched piece, as records. */
export interface Piece {
  readonly people: ReadonlyMap<number, PersonRow>;
  readonly relationships: readonly { readonly ordinal: number; readonly record: Relationship }[];
  readonly groups: readonly Group[];
  /** Rows of `ties` read, and people whose ties were read (for tests and benchmarks). */
  readonly tieRowsRead: number;
  readonly expanded: number;
}

const PEOPLE_SELECT = 'no, id, name, organization_id, introductions';

/** People by number, fetched in one look-up. */
export async function fetchPeople(
  client: PostgresClient,
  s: string,
  nos: readonly number[],
): Promise<PersonRow[]> {
  if (nos.length === 0) return [];
  const { rows } = await client.query({
    text: `SELECT ${PEOPLE_SELECT} FROM ${s}.people WHERE no = ANY($1::int[])`,
    values: [nos],
    rowMode: 'array',
  });
  return (rows as [number, string, string, string | null, number][]).map(
    ([no, id, name, organizationId, policy]) => ({ no, id, name, organizationId, policy }),
  );
}

/** The SQL condition (on table alias `r`) for relationships the view keeps, and its values. */
export function relationshipView(
  view: ViewFilter,
  first: number,
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  let p = first;
  if (view.viewer) {
    parts.push(
      `(r.visible_to IS NULL OR r.source_no = $${p} OR r.target_no = $${p} OR r.visible_to && $${p + 1}::text[])`,
    );
    values.push(view.viewer.no, view.viewer.keys);
    p += 2;
  }
  if (view.asOfTime !== undefined) {
    parts.push(
      `(r.since_t IS NULL OR r.since_t <= $${p}) AND (r.until_t IS NULL OR r.until_t >= $${p})`,
    );
    values.push(view.asOfTime);
  }
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), values };
}

interface TieRow {
  readonly neighbor: number;
  readonly out: number;
  readonly in: number;
}

/**
 * Fetches the piece of the network a query with this hop budget needs (see the module comment).
 */
export async function fetchPiece(
  client: PostgresClient,
  s: string,
  request: PieceRequest,
  roots: readonly PersonRow[],
): Promise<Piece> {
  const { source, targets, maxHops, blocked, strengthAtLeast, view, signal } = request;
  const capF = Math.ceil(maxHops / 2);
  const capB = maxHops - capF;
  const isTarget = new Set(targets);
  const people = new Map<number, PersonRow>(roots.map((p) => [p.no, p]));
  const adjacency = new Map<number, TieRow[]>();
  const passable = (v: number): boolean => {
    const person = people.get(v) as PersonRow;
    return person.policy !== POLICY_CODE.never && !blocked(person);
  };
  // Whom each side's search may expand (search.ts): the candidate and passable non-targets going
  // forward; the targets and passable non-targets other than the candidate going backward.
  const expandsForward = (v: number): boolean => v === source || (!isTarget.has(v) && passable(v));
  const expandsBackward = (v: number): boolean => isTarget.has(v) || (v !== source && passable(v));
  const usable = (strength: number): boolean =>
    strength > 0 && (strengthAtLeast === undefined || strength >= strengthAtLeast);

  const seenF = new Set<number>([source]);
  const seenB = new Set<number>(targets);
  let levelF: number[] = [source];
  let levelB: number[] = [...targets];
  const expanded = new Set<number>();
  let tieRowsRead = 0;
  const tieFilter: string[] = [];
  const tieValues: unknown[] = [];
  if (view.viewer) {
    tieFilter.push(`(public OR person_no = $2 OR neighbor_no = $2 OR visible_to && $3::text[])`);
    tieValues.push(view.viewer.no, view.viewer.keys);
  }
  if (strengthAtLeast !== undefined) {
    tieFilter.push(`greatest(out_strength, in_strength) >= $${2 + tieValues.length}`);
    tieValues.push(strengthAtLeast);
  }
  const tieSql = `SELECT person_no, neighbor_no, out_strength, in_strength FROM ${s}.ties
    WHERE person_no = ANY($1::int[])${tieFilter.map((f) => ` AND ${f}`).join('')}`;

  for (let level = 0; level < Math.max(capF, capB); level++) {
    const forward = level < capF ? levelF.filter(expandsForward) : [];
    const backward = level < capB ? levelB.filter(expandsBackward) : [];
    const missing = [...new Set([...forward, ...backward])].filter((v) => !adjacency.has(v));
    if (missing.length > 0) {
      checkAbort(signal);
      const { rows } = await client.query({
        text: tieSql,
        values: [missing, ...tieValues],
        rowMode: 'array',
      });
      tieRowsRead += rows.length;
      for (const v of missing) adjacency.set(v, []);
      for (const row of rows as [number, number, number, number][]) {
        adjacency.get(row[0])?.push({ neighbor: row[1], out: row[2], in: row[3] });
      }
    }
    const nextF: number[] = [];
    const nextB: number[] = [];
    for (const u of forward) {
      expanded.add(u);
      for (const t of adjacency.get(u) ?? []) {
        if (usable(t.out) && !seenF.has(t.neighbor)) {
          seenF.add(t.neighbor);
          nextF.push(t.neighbor);
        }
      }
    }
    for (const u of backward) {
      expanded.add(u);
      for (const t of adjacency.get(u) ?? []) {
        if (usable(t.in) && !seenB.has(t.neighbor)) {
          seenB.add(t.neighbor);
          nextB.push(t.neighbor);
        }
      }
    }
    const unknown = [...new Set([...nextF, ...nextB])].filter((v) => !people.has(v));
    if (unknown.length > 0) {
      checkAbort(signal);
      for (const person of await fetchPeople(client, s, unknown)) people.set(person.no, person);
    }
    levelF = nextF;
    levelB = nextB;
  }

  checkAbort(signal);
  const expandedList = [...expanded];
  const relationships = await fetchRelationships(client, s, expandedList, people, view);
  const groups = request.groups ? await fetchGroups(client, s, expandedList, people) : [];
  return { people, relationships, groups, tieRowsRead, expanded: expanded.size };
}

/** The relationships of the expanded people whose other end is in the piece, in stored order. */
async function fetchRelationships(
  client: PostgresClient,
  s: string,
  expanded: readonly number[],
  people: ReadonlyMap<number, PersonRow>,
  view: ViewFilter,
): Promise<{ ordinal: number; record: Relationship }[]> {
  if (expanded.length === 0) return [];
  const filter = relationshipView(view, 2);
  const { rows } = await client.query({
    text: `SELECT r.ordinal, r.source_no, r.target_no, r.record FROM ${s}.relationships r
       WHERE r.source_no = ANY($1::int[]) AND ${filter.sql}
     UNION ALL
     SELECT r.ordinal, r.source_no, r.target_no, r.record FROM ${s}.relationships r
       WHERE r.target_no = ANY($1::int[]) AND NOT (r.source_no = ANY($1::int[])) AND ${filter.sql}`,
    values: [expanded, ...filter.values],
    rowMode: 'array',
  });
  return (rows as [string, number, number, Relationship][])
    .filter(([, source, target]) => people.has(source) && people.has(target))
    .map(([ordinal, , , record]) => ({ ordinal: toNumber(ordinal), record }))
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** The groups of the expanded people, with their members in the piece, in stored order. */
async function fetchGroups(
  client: PostgresClient,
  s: string,
  expanded: readonly number[],
  people: ReadonlyMap<number, PersonRow>,
): Promise<Group[]> {
  if (expanded.length === 0) return [];
  const ids = await client.query(
    `SELECT DISTINCT group_id FROM ${s}.group_members WHERE person_no = ANY($1::int[])`,
    [expanded],
  );
  if (ids.rows.length === 0) return [];
  const groupIds = ids.rows.map((r) => r.group_id as string);
  const members = await client.query(
    `SELECT group_id, position, person_no FROM ${s}.group_members
     WHERE group_id = ANY($1::text[]) AND person_no = ANY($2::int[])`,
    [groupIds, [...people.keys()]],
  );
  const records = await client.query(
    `SELECT id, ordinal, record FROM ${s}.groups WHERE id = ANY($1::text[])`,
    [groupIds],
  );
  const byGroup = new Map<string, { position: number; id: string }[]>();
  for (const m of members.rows) {
    const list = byGroup.get(m.group_id) ?? [];
    list.push({ position: m.position, id: (people.get(m.person_no) as PersonRow).id });
    byGroup.set(m.group_id, list);
  }
  return records.rows
    .map((r) => ({ ordinal: toNumber(r.ordinal), record: r.record as Omit<Group, 'members'> }))
    .sort((a, b) => a.ordinal - b.ordinal)
    .map(({ record }) => ({
      ...record,
      members: (byGroup.get(record.id) ?? [])
        .sort((a, b) => a.position - b.position)
        .map((m) => m.id),
    }));
}

/** The piece as a `Network` (trusted: its records were validated when stored). */
export function pieceNetwork(
  piece: Piece,
  extra: { readonly organizations: readonly Organization[]; readonly jobs: readonly Job[] },
  settings: {
    readonly asOf: string | undefined;
    readonly referenceTime: number | undefined;
    readonly strengthModel: StrengthModel;
  },
): Network {
  const people = [...piece.people.values()]
    .sort((a, b) => a.no - b.no)
    .map(
      (p): Person => ({
        id: p.id,
        name: p.name,
        ...(p.organizationId === null ? {} : { organizationId: p.organizationId }),
        ...(p.policy === 0 ? {} : { introductions: POLICY_NAME[p.policy] ?? 'open' }),
      }),
    );
  return new Network(
    {
      organizations: Object.freeze([...extra.organizations]),
      people: Object.freeze(people),
      jobs: Object.freeze([...extra.jobs]),
      groups: Object.freeze(piece.groups),
      relationships: Object.freeze(piece.relationships.map((r) => r.record)),
      hires: Object.freeze([]),
      applications: Object.freeze([]),
    },
    settings,
  );
}

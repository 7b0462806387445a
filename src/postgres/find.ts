/**
 * `PostgresNetwork`: warm-introduction chains on a network stored in PostgreSQL, with the same
 * options and the same results as the in-memory `findIntroductions`.
 *
 * @module
 */
import {
  createIntroductionFinder,
  createNetwork,
  findIntroductions,
  INTRODUCTION_DEFAULTS,
  type IntroductionHop,
  type IntroductionOptions,
  type IntroductionPath,
  type IntroductionResult,
  type IntroductionTarget,
  InvalidOptionsError,
  type Job,
  type MissingEntity,
  Network,
  type Organization,
  type Person,
  type TieEvidence,
  UnknownEntityError,
} from 'warmpath';
import { asOfTime } from '../model/as-of.js';
import { timeToDate } from '../model/dates.js';
import { closest, MAX_CANDIDATES } from '../model/suggest.js';
import {
  checkAbort,
  inSnapshot,
  type PostgresClient,
  type QueryRows,
  type SchemaOptions,
  SNAPSHOT,
  schemaOf,
  toNumber,
} from './client.js';
import {
  type LatestDates,
  latestFrom,
  latestSql,
  metaFrom,
  metaSql,
  readMeta,
  referenceTimeOf,
  type StoredMeta,
} from './meta.js';
import {
  fetchPeople,
  fetchPiece,
  type PersonRow,
  pieceNetwork,
  relationshipView,
  type ViewFilter,
} from './piece.js';
import { requireSchema } from './schema.js';

/** A `pg.Pool` (or anything that lends clients the same way). */
export interface PostgresPool {
  connect(): Promise<PostgresClient & { release(): void }>;
  readonly totalCount: number;
}

/** What a query fetched, for the curious (and the benchmark). */
export interface PostgresQueryStats {
  /** People in the piece the in-memory engine ran on. */
  readonly people: number;
  /** People whose ties were read. */
  readonly expanded: number;
  /** Rows of `ties` read. */
  readonly tieRowsRead: number;
  /** Relationships in the piece. */
  readonly relationships: number;
}

/** An empty network: `findIntroductions` on it checks options exactly as on any network. */
const EMPTY = createNetwork({});

/**
 * Checks options with the in-memory engine's own rules (so both backends accept and reject the
 * same options, with the same issues): on an empty network every valid query fails only at its
 * unknown `from`.
 */
function checkOptions(options: IntroductionOptions): void {
  try {
    findIntroductions(EMPTY, options);
  } catch (error) {
    if (error instanceof UnknownEntityError) return;
    throw error;
  }
}

/** The `asOf` string the in-memory engine would keep (a Date becomes its ISO string). */
const asOfText = (asOf: string | Date): string =>
  asOf instanceof Date ? asOf.toISOString() : asOf;

/**
 * A network stored in PostgreSQL (by {@link loadNetwork} or the upserts), queried like an
 * in-memory one. Each query reads only the people within reach of its ends, in one consistent
 * snapshot, and runs the in-memory engine on that piece: the results, explanations included, are
 * those `findIntroductions` gives on the whole network.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { PostgresNetwork } from 'warmpath/postgres';
 *
 * const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
 * await client.connect();
 * const network = new PostgresNetwork(client);
 * const { paths } = await network.findIntroductions({ from: 'jacob', to: { job: 'it-sales-rep' } });
 * console.log(paths[0]?.people, paths[0]?.probability);
 * ```
 * @see Dijkstra, "A note on two problems in connexion with graphs", Numerische Mathematik 1, 1959.
 * @see Yen, "Finding the K Shortest Loopless Paths in a Network", Management Science 17(11), 1971.
 */
export class PostgresNetwork {
  /** The client or pool queries run on. */
  readonly connection: PostgresClient | PostgresPool;
  /** The PostgreSQL schema of the tables. */
  readonly schema: string;
  /** What the last query fetched. */
  lastQuery: PostgresQueryStats | undefined;
  readonly #s: string;
  #checked = false;
  /** Queries on one client run one after another (each is a transaction of several statements). */
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * @param connection - A connected `pg.Client`, a pool client, or a `pg.Pool` (a client is
   *   borrowed for each query, so queries run in parallel). Queries on one client run one after
   *   another.
   * @param options - `schema` (default `warmpath`).
   */
  constructor(connection: PostgresClient | PostgresPool, options?: SchemaOptions) {
    this.connection = connection;
    this.schema = options?.schema ?? 'warmpath';
    this.#s = schemaOf(options);
  }

  /**
   * The `k` likeliest warm-introduction chains, exactly as `findIntroductions` finds them on the
   * whole network (see its documentation for the options, the ranking and the explanations).
   * `evidence.relationship` in a hop is the relationship's position in stored order (in the
   * viewer's or `asOf` view, when those options are given), as in the in-memory network read back
   * with `networkFromPostgres`.
   *
   * @param options - The options of `findIntroductions`. `maxHops` must be finite: the query
   *   fetches the people within `ceil(maxHops / 2)` hops of the candidate and `floor(maxHops / 2)`
   *   of the targets, and with no limit that is everyone.
   * @returns `{ paths, target, atLeastOne }`, equal to the in-memory result.
   * @throws InvalidOptionsError for invalid options, or `maxHops: Infinity`.
   * @throws UnknownEntityError listing every unknown person, job or organisation named.
   * @throws PostgresStateError when the schema is missing or no network is stored.
   * @throws the signal's reason when `signal` aborts.
   * @example
   * ```ts
   * const result = await network.findIntroductions({ from: 'jacob', to: { organization: 'brightline' }, k: 5 });
   * for (const path of result.paths) console.log(path.people.join(' → '), path.probability.toFixed(2));
   * ```
   * @see Yen (1971); pgRouting, pgr_KSP: https://docs.pgrouting.org/latest/en/pgr_KSP.html
   */
  async findIntroductions(options: IntroductionOptions): Promise<IntroductionResult> {
    checkOptions(options);
    const maxHops = options.maxHops ?? INTRODUCTION_DEFAULTS.maxHops;
    if (!Number.isFinite(maxHops)) {
      throw new InvalidOptionsError([
        {
          code: 'out_of_range',
          path: 'maxHops',
          message:
            'must be a finite number of hops with PostgresNetwork (a search with no limit would read the whole network: use compileFromPostgres for that)',
        },
      ]);
    }
    return this.#withClient((client) => this.#query(client, options, maxHops));
  }

  /** Runs `work` on a client borrowed from the pool, or on the client after earlier work. */
  async #withClient<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
    const connection = this.connection;
    if ('totalCount' in connection && typeof connection.connect === 'function') {
      const client = await connection.connect();
      try {
        return await work(client);
      } finally {
        client.release();
      }
    }
    const run = this.#queue.then(() => work(connection as PostgresClient));
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * The stored records a result names, as a small `Network`: the people on its chains (and the
   * target person or hiring manager), the target job, and the organisations these refer to. For
   * showing a result (names, job titles) without reading the whole network.
   *
   * @param result - A result of {@link findIntroductions} on this network.
   * @param to - The `to` of the query that gave it.
   * @returns A network of those records (no relationships), with the stored settings.
   * @throws PostgresStateError when the schema is missing or no network is stored.
   * @example
   * ```ts
   * const result = await network.findIntroductions({ from: 'jacob', to: { job: 'rep' } });
   * const named = await network.networkOf(result, { job: 'rep' });
   * console.log(result.paths[0]?.people.map((id) => named.person(id)?.name));
   * ```
   */
  async networkOf(result: IntroductionResult, to: IntroductionTarget): Promise<Network> {
    return this.#withClient(async (client) => {
      await requireSchema(client, { schema: this.schema });
      return inSnapshot(client, () => namedRecords(client, this.#s, result, to));
    });
  }

  async #query(
    client: PostgresClient,
    options: IntroductionOptions,
    maxHops: number,
  ): Promise<IntroductionResult> {
    if (!this.#checked) {
      await requireSchema(client, { schema: this.schema });
      this.#checked = true;
    }
    const s = this.#s;
    try {
      // One round trip opens the snapshot and reads what every query needs.
      const opened = (await client.query(
        [
          `BEGIN ${SNAPSHOT}`,
          metaSql(s),
          ...latestSql(s),
          `SELECT EXISTS (SELECT 1 FROM ${s}.group_members) AS present`,
        ].join(';\n'),
      )) as unknown as QueryRows<Record<string, unknown>>[];
      const [, metaRows, open, restricted, groups] = opened;
      const result = await this.#find(client, options, maxHops, {
        meta: metaFrom(metaRows as QueryRows<{ key: string; value: unknown }>),
        latest: latestFrom(
          open as QueryRows<{ t: unknown }>,
          restricted as QueryRows<{ t: unknown }>,
        ),
        groups: groups?.rows[0]?.['present'] === true,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  async #find(
    client: PostgresClient,
    options: IntroductionOptions,
    maxHops: number,
    { meta, latest, groups }: { meta: StoredMeta; latest: LatestDates; groups: boolean },
  ): Promise<IntroductionResult> {
    const s = this.#s;
    const asOf = options.asOf === undefined ? undefined : asOfText(options.asOf);
    const asOfT = asOf === undefined ? undefined : asOfTime(asOf);
    if (asOfT !== undefined && meta.asOf !== null) {
      if (timeToDate(asOfT) > timeToDate(asOfTime(meta.asOf))) {
        throw new InvalidOptionsError([
          {
            code: 'out_of_range',
            path: 'asOf',
            message: `this network already shows ${meta.asOf}; it cannot show a later date`,
          },
        ]);
      }
    }
    const resolved = await resolveEntities(client, s, options, asOfT);
    checkAbort(options.signal);
    const viewer =
      options.viewer === undefined
        ? undefined
        : {
            no: resolved.viewerNo,
            keys: [options.viewer.id, ...(options.viewer.teams ?? [])],
          };
    const view: ViewFilter = { viewer, asOfTime: asOfT };
    const referenceTime = asOfT ?? (await referenceTimeOf(client, s, meta, latest, viewer));
    // Stored strengths bound the view's only when measured to the same time (a hidden
    // relationship can only lower a tie's strength; a different time can raise it).
    const fresh = referenceTime === meta.strengthTime;
    const strengthAtLeast =
      options.minStrength !== undefined && fresh ? options.minStrength * (1 - 1e-9) : undefined;
    const avoided = new Set(resolved.avoid);
    const avoidedOrganizations = new Set(options.avoidOrganizations ?? []);
    const piece = await fetchPiece(
      client,
      s,
      {
        source: resolved.source.no,
        targets: resolved.targets.map((t) => t.no),
        maxHops,
        blocked: (p) =>
          avoided.has(p.no) ||
          (p.organizationId !== null && avoidedOrganizations.has(p.organizationId)),
        strengthAtLeast,
        view,
        signal: options.signal,
        groups,
      },
      [resolved.source, ...resolved.targets],
    );
    const network = pieceNetwork(
      piece,
      { organizations: resolved.organizations, jobs: resolved.jobs },
      {
        asOf: asOf ?? meta.asOf ?? undefined,
        referenceTime: referenceTime ?? undefined,
        strengthModel: meta.strengthModel,
      },
    );
    this.lastQuery = Object.freeze({
      people: piece.people.size,
      expanded: piece.expanded,
      tieRowsRead: piece.tieRowsRead,
      relationships: piece.relationships.length,
    });
    const inPiece = new Set([...piece.people.values()].map((p) => p.id));
    const { asOf: _asOf, viewer: _viewer, ...rest } = options;
    const result = createIntroductionFinder(network).find({
      ...rest,
      avoid: (options.avoid ?? []).filter((id) => inPiece.has(id)),
    });
    const ordinals = piece.relationships.map((r) => r.ordinal);
    return renumberEvidence(result, await viewIndices(client, s, view, ordinals, result));
  }
}

interface Resolved {
  readonly source: PersonRow;
  readonly targets: readonly PersonRow[];
  readonly avoid: readonly number[];
  readonly organizations: readonly Organization[];
  readonly jobs: readonly Job[];
  readonly viewerNo: number;
}

/**
 * Finds the people, job and organisations a query names, in the order and with the suggestions
 * the in-memory engine reports when some are unknown.
 */
async function resolveEntities(
  client: PostgresClient,
  s: string,
  options: IntroductionOptions,
  asOfT: number | undefined,
): Promise<Resolved> {
  const to = options.to;
  let job: Job | undefined;
  if (typeof to === 'object' && 'job' in to) {
    const { rows } = await client.query(`SELECT opened_t, record FROM ${s}.jobs WHERE id = $1`, [
      to.job,
    ]);
    const row = rows[0];
    // A job opened after asOf is not in the network as it stood then.
    if (row && !(asOfT !== undefined && row.opened_t !== null && toNumber(row.opened_t) > asOfT))
      job = row.record as Job;
  }
  const organizationIds = [
    ...(typeof to === 'object' && 'organization' in to ? [to.organization] : []),
    ...(options.avoidOrganizations ?? []),
  ];
  const personIds = [
    options.from,
    ...(typeof to === 'string' ? [to] : []),
    ...(job ? [job.hiringManagerId] : []),
    ...(options.avoid ?? []),
    ...(options.viewer ? [options.viewer.id] : []),
  ];
  const ids = await client.query(`SELECT id, no FROM ${s}.person_ids WHERE id = ANY($1::text[])`, [
    [...new Set(personIds)],
  ]);
  const noOf = new Map<string, number>(ids.rows.map((r) => [r.id, r.no]));
  const organizations = organizationIds.length
    ? (
        await client.query(
          `SELECT ordinal, record FROM ${s}.organizations WHERE id = ANY($1::text[]) ORDER BY ordinal`,
          [[...new Set(organizationIds)]],
        )
      ).rows.map((r) => r.record as Organization)
    : [];
  const knownOrganizations = new Set(organizations.map((o) => o.id));

  const missing: { entity: MissingEntity['entity']; id: string }[] = [];
  const person = (id: string): void => {
    if (!noOf.has(id)) missing.push({ entity: 'person', id });
  };
  const organization = (id: string): void => {
    if (!knownOrganizations.has(id)) missing.push({ entity: 'organization', id });
  };
  person(options.from);
  if (typeof to === 'string') person(to);
  else if ('job' in to) {
    if (job === undefined) missing.push({ entity: 'job', id: to.job });
  } else organization(to.organization);
  for (const id of options.avoid ?? []) person(id);
  for (const id of options.avoidOrganizations ?? []) organization(id);
  if (missing.length > 0) throw new UnknownEntityError(await suggest(client, s, missing, asOfT));

  let targetNos: number[];
  if (typeof to === 'string') targetNos = [noOf.get(to) as number];
  else if ('job' in to) targetNos = [noOf.get((job as Job).hiringManagerId) as number];
  else {
    const { rows } = await client.query(
      `SELECT no FROM ${s}.people WHERE organization_id = $1 ORDER BY no`,
      [to.organization],
    );
    targetNos = rows.map((r) => r.no as number);
  }
  const sourceNo = noOf.get(options.from) as number;
  const rows = await fetchPeople(client, s, [...new Set([sourceNo, ...targetNos])]);
  const byNo = new Map(rows.map((p) => [p.no, p]));
  return {
    source: byNo.get(sourceNo) as PersonRow,
    targets: targetNos.map((no) => byNo.get(no) as PersonRow),
    avoid: (options.avoid ?? []).map((id) => noOf.get(id) as number),
    organizations,
    jobs: job ? [job] : [],
    viewerNo: options.viewer ? (noOf.get(options.viewer.id) ?? -1) : -1,
  };
}

/**
 * The suggestions of `closest` over the candidates the in-memory engine compares: people in id
 * (code-unit) order, organisations and jobs in stored order, at most `MAX_CANDIDATES` of each.
 */
async function suggest(
  client: PostgresClient,
  s: string,
  missing: readonly { entity: MissingEntity['entity']; id: string }[],
  asOfT: number | undefined,
): Promise<MissingEntity[]> {
  const cache = new Map<string, string[]>();
  const candidates = async (entity: string): Promise<string[]> => {
    let list = cache.get(entity);
    if (list !== undefined) return list;
    if (entity === 'person') {
      const { rows } = await client.query(
        `SELECT id FROM ${s}.person_ids ORDER BY id COLLATE "C" LIMIT $1`,
        [MAX_CANDIDATES],
      );
      list = rows.map((r) => r.id as string).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } else if (entity === 'organization') {
      const { rows } = await client.query(
        `SELECT id FROM ${s}.organizations ORDER BY ordinal LIMIT $1`,
        [MAX_CANDIDATES],
      );
      list = rows.map((r) => r.id as string);
    } else {
      const { rows } = await client.query(
        `SELECT id FROM ${s}.jobs WHERE $2::float8 IS NULL OR opened_t IS NULL OR opened_t <= $2
         ORDER BY ordinal LIMIT $1`,
        [MAX_CANDIDATES, asOfT ?? null],
      );
      list = rows.map((r) => r.id as string);
    }
    cache.set(entity, list);
    return list;
  };
  const out: MissingEntity[] = [];
  for (const m of missing)
    out.push({ entity: m.entity, id: m.id, suggestion: closest(m.id, await candidates(m.entity)) });
  return out;
}

/**
 * Maps the piece's relationship indices to the indices the in-memory engine reports: positions in
 * stored order, less the relationships the view leaves out before each (counted only for the
 * relationships the result cites, and only when a viewer or `asOf` hides some).
 */
async function viewIndices(
  client: PostgresClient,
  s: string,
  view: ViewFilter,
  ordinals: readonly number[],
  result: IntroductionResult,
): Promise<(index: number) => number> {
  const cited = new Set<number>();
  for (const path of result.paths)
    for (const hop of path.hops)
      for (const e of hop.evidence)
        if (e.relationship !== undefined) cited.add(ordinals[e.relationship] as number);
  if (cited.size === 0 || (view.viewer === undefined && view.asOfTime === undefined))
    return (index) => ordinals[index] as number;
  const list = [...cited].sort((a, b) => a - b);
  const kept = relationshipView(view, list.length + 2);
  const { rows } = await client.query(
    `SELECT ${list.map((_, i) => `sum(CASE WHEN r.ordinal < $${i + 2} THEN 1 ELSE 0 END) AS c${i}`).join(', ')}
     FROM ${s}.relationships r WHERE r.ordinal < $1 AND NOT (${kept.sql})`,
    [list[list.length - 1], ...list, ...kept.values],
  );
  const left = new Map(list.map((o, i) => [o, toNumber(rows[0]?.[`c${i}`] ?? 0)]));
  return (index) => {
    const ordinal = ordinals[index] as number;
    return ordinal - (left.get(ordinal) ?? 0);
  };
}

/** The result with every hop's relationship evidence renumbered. */
function renumberEvidence(
  result: IntroductionResult,
  indexOf: (index: number) => number,
): IntroductionResult {
  const hop = (h: IntroductionHop): IntroductionHop =>
    Object.freeze({
      ...h,
      evidence: Object.freeze(
        h.evidence.map(
          (e): TieEvidence =>
            e.relationship === undefined
              ? e
              : Object.freeze({ ...e, relationship: indexOf(e.relationship) }),
        ),
      ),
    });
  const paths = result.paths.map((path): IntroductionPath => {
    const hops = path.hops.map(hop);
    const weakest = path.weakestHop === undefined ? -1 : path.hops.indexOf(path.weakestHop);
    return Object.freeze({
      ...path,
      hops: Object.freeze(hops),
      weakestHop: weakest === -1 ? undefined : hops[weakest],
    });
  });
  return Object.freeze({ ...result, paths: Object.freeze(paths) });
}

/** The records a result names (see `PostgresNetwork.networkOf`). */
async function namedRecords(
  client: PostgresClient,
  s: string,
  result: IntroductionResult,
  to: IntroductionTarget,
): Promise<Network> {
  const meta = await readMeta(client, s);
  const jobs =
    typeof to === 'object' && 'job' in to
      ? (await client.query(`SELECT record FROM ${s}.jobs WHERE id = $1`, [to.job])).rows.map(
          (r) => r.record as Job,
        )
      : [];
  const personIds = new Set<string>(result.paths.flatMap((p) => p.people));
  if (typeof to === 'string') personIds.add(to);
  for (const job of jobs) personIds.add(job.hiringManagerId);
  const nos = await client.query(`SELECT no FROM ${s}.person_ids WHERE id = ANY($1::text[])`, [
    [...personIds],
  ]);
  const people = (
    await client.query(`SELECT record FROM ${s}.people WHERE no = ANY($1::int[]) ORDER BY no`, [
      nos.rows.map((r) => r.no),
    ])
  ).rows.map((r) => r.record as Person);
  const organizationIds = new Set<string>([
    ...jobs.map((j) => j.organizationId),
    ...(typeof to === 'object' && 'organization' in to ? [to.organization] : []),
    ...people.flatMap((p) => [
      ...(p.organizationId === undefined ? [] : [p.organizationId]),
      ...(p.positions ?? []).flatMap((q) => (q.organizationId ? [q.organizationId] : [])),
    ]),
  ]);
  const organizations = (
    await client.query(
      `SELECT record FROM ${s}.organizations WHERE id = ANY($1::text[]) ORDER BY ordinal`,
      [[...organizationIds]],
    )
  ).rows.map((r) => r.record as Organization);
  return new Network(
    {
      organizations,
      people,
      jobs,
      groups: [],
      relationships: [],
      hires: [],
      applications: [],
    },
    {
      asOf: meta.asOf ?? undefined,
      referenceTime: meta.strengthTime ?? undefined,
      strengthModel: meta.strengthModel,
    },
  );
}

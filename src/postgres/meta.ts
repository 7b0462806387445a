/**
 * What is stored about the stored network as a whole (`meta`), and the time its strengths are
 * measured to.
 *
 * @module
 */
import { resolveStrengthModel, type StrengthModel } from 'warmpath';
import { asOfTime } from '../model/as-of.js';
import { type PostgresClient, PostgresStateError, type QueryRows, toNumber } from './client.js';

/** The settings of the stored network. */
export interface StoredMeta {
  /** The `asOf` the network was built with, if any. */
  readonly asOf: string | null;
  /** Its strength model. */
  readonly strengthModel: StrengthModel;
  /**
   * The reference time `relationships.strength` and `ties` were computed at (epoch ms), or
   * `null` for a network without dates.
   */
  readonly strengthTime: number | null;
}

export async function writeMeta(client: PostgresClient, s: string, meta: StoredMeta) {
  await client.query(
    `INSERT INTO ${s}.meta (key, value) VALUES ('as_of', $1), ('strength_model', $2), ('strength_time', $3)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [
      JSON.stringify(meta.asOf),
      JSON.stringify(meta.strengthModel),
      JSON.stringify(meta.strengthTime),
    ],
  );
}

/** @throws PostgresStateError (`empty-database`) when nothing was loaded yet. */
export async function readMeta(client: PostgresClient, s: string): Promise<StoredMeta> {
  return metaFrom(await client.query(metaSql(s)));
}

/** The statement of {@link readMeta}, to send along with others. */
export const metaSql = (s: string): string => `SELECT key, value FROM ${s}.meta`;

/** @throws PostgresStateError (`empty-database`) when nothing was loaded yet. */
export function metaFrom({ rows }: QueryRows<{ key: string; value: unknown }>): StoredMeta {
  const value = new Map<string, unknown>(rows.map((r) => [r.key as string, r.value]));
  if (!value.has('strength_model')) {
    throw new PostgresStateError(
      'empty-database',
      'no network is stored yet: load one with loadNetwork (or upsert records) first',
    );
  }
  const time = value.get('strength_time');
  return {
    asOf: (value.get('as_of') as string | null | undefined) ?? null,
    strengthModel: resolveStrengthModel(value.get('strength_model') as StrengthModel),
    strengthTime: time === null || time === undefined ? null : toNumber(time),
  };
}

/** The latest dates of the stored network: of everything everyone sees, and of restricted relationships. */
export interface LatestDates {
  /** People's positions, jobs, hires, applications and relationships without `visibleTo`. */
  readonly open: number | null;
  /** Relationships with `visibleTo`. */
  readonly restricted: number | null;
}

/** The statements of {@link readLatest}, to send along with others (no parameters). */
export const latestSql = (s: string): string[] => [
  `SELECT max(t) AS t FROM (SELECT max(latest_t) AS t FROM ${s}.people
     UNION ALL SELECT max(latest_t) FROM ${s}.jobs
     UNION ALL SELECT max(latest_t) FROM ${s}.hires
     UNION ALL SELECT max(latest_t) FROM ${s}.applications
     UNION ALL SELECT max(latest_t) FROM ${s}.relationships WHERE visible_to IS NULL AND latest_t IS NOT NULL) l`,
  `SELECT max(latest_t) AS t FROM ${s}.relationships WHERE visible_to IS NOT NULL AND latest_t IS NOT NULL`,
];

const timeOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : toNumber(value);

/** {@link LatestDates} from the results of {@link latestSql}. */
export function latestFrom(
  open: QueryRows<{ t: unknown }>,
  restricted: QueryRows<{ t: unknown }>,
): LatestDates {
  return { open: timeOrNull(open.rows[0]?.t), restricted: timeOrNull(restricted.rows[0]?.t) };
}

/**
 * The reference time of the stored network: its `asOf`, else the latest date anywhere in it
 * (what `createNetwork` measures recency and duration to). With a viewer, only what they may see
 * counts (as `visibleNetwork` does). Each part is an index look-up.
 */
export async function referenceTimeOf(
  client: PostgresClient,
  s: string,
  meta: StoredMeta,
  latest: LatestDates,
  viewer?: { readonly no: number; readonly keys: readonly string[] },
): Promise<number | null> {
  if (meta.asOf !== null) return asOfTime(meta.asOf);
  const { open, restricted } = latest;
  if (restricted === null || (open !== null && restricted <= open)) return open;
  if (viewer === undefined) return restricted;
  const { rows } = await client.query(
    `SELECT latest_t AS t FROM ${s}.relationships
     WHERE visible_to IS NOT NULL AND latest_t IS NOT NULL AND latest_t > $1
       AND (source_no = $2 OR target_no = $2 OR visible_to && $3::text[])
     ORDER BY latest_t DESC LIMIT 1`,
    [open ?? Number.NEGATIVE_INFINITY, viewer.no, viewer.keys],
  );
  return timeOrNull(rows[0]?.t) ?? open;
}

/** The reference time of the stored network as everyone sees it (see {@link referenceTimeOf}). */
export async function storedReferenceTime(
  client: PostgresClient,
  s: string,
  meta: StoredMeta,
): Promise<number | null> {
  const [open, restricted] = latestSql(s);
  const latest = latestFrom(
    await client.query(open as string),
    await client.query(restricted as string),
  );
  return referenceTimeOf(client, s, meta, latest);
}

/**
 * `refreshStrengths`: derived strengths measured to the network's current reference date again.
 *
 * @module
 */
import { explainStrength, type Relationship } from 'warmpath';
import {
  inTransaction,
  type PostgresClient,
  type SchemaOptions,
  schemaOf,
  toNumber,
} from './client.js';
import { copyRows } from './copy.js';
import { readMeta, storedReferenceTime, writeMeta } from './meta.js';
import { requireSchema } from './schema.js';
import { rebuildAllTies } from './ties.js';

/** What {@link refreshStrengths} did. */
export interface RefreshSummary {
  /** Whether the reference date had moved (nothing is rewritten when it had not). */
  readonly changed: boolean;
  /** Relationships whose strength was derived again. */
  readonly relationships: number;
  /** The reference time strengths are now measured to (epoch ms), or `null` with no dates. */
  readonly referenceTime: number | null;
}

/**
 * Measures derived strengths to the stored network's current reference date again, the way
 * `createNetwork` would on the same data, and derives `ties` again. Needed after upserts that
 * bring later dates than the network had (recency and duration are measured to the latest date
 * in the data): until then queries stay exact but cannot filter by `minStrength` in SQL, and
 * `compileFromPostgres` refuses to run. Streams the relationships whose strength is derived (not
 * given) through a cursor in batches, so memory stays flat; time grows with the relationships.
 *
 * @param client - A connected `pg.Client`.
 * @param options - `schema` (default `warmpath`).
 * @returns Whether anything changed, how many strengths were derived again, and the new time.
 * @throws PostgresStateError when the schema is missing or nothing is stored.
 * @example
 * ```ts
 * await upsertRelationships(client, todaysInteractions);
 * await refreshStrengths(client); // e.g. nightly
 * ```
 * @see Granovetter (1973) and Gilbert & Karahalios (2009), for the strength model (docs/tie-strength.md).
 */
export async function refreshStrengths(
  client: PostgresClient,
  options?: SchemaOptions,
): Promise<RefreshSummary> {
  await requireSchema(client, options);
  const s = schemaOf(options);
  return inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`warmpath-write:${s}`]);
    const meta = await readMeta(client, s);
    const reference = await storedReferenceTime(client, s, meta);
    if (reference === meta.strengthTime)
      return { changed: false, relationships: 0, referenceTime: reference };
    await client.query(
      'CREATE TEMP TABLE warmpath_strengths (source_no integer, ordinal bigint, strength float8) ON COMMIT DROP',
    );
    await client.query(
      `DECLARE warmpath_derived NO SCROLL CURSOR FOR
       SELECT source_no, ordinal, record FROM ${s}.relationships WHERE record->>'strength' IS NULL`,
    );
    let count = 0;
    for (;;) {
      const { rows } = await client.query({
        text: 'FETCH 20000 FROM warmpath_derived',
        rowMode: 'array',
      });
      await copyRows(
        client,
        'warmpath_strengths',
        ['source_no', 'ordinal', 'strength'],
        (rows as [number, string, Relationship][]).map(([source, ordinal, rel]) => [
          source,
          toNumber(ordinal),
          explainStrength(rel, reference ?? undefined, meta.strengthModel).strength,
        ]),
      );
      count += rows.length;
      if (rows.length < 20000) break;
    }
    await client.query('CLOSE warmpath_derived');
    await client.query(
      `UPDATE ${s}.relationships r SET strength = t.strength FROM warmpath_strengths t
       WHERE r.source_no = t.source_no AND r.ordinal = t.ordinal`,
    );
    await rebuildAllTies(client, s, meta.strengthModel);
    await writeMeta(client, s, { ...meta, strengthTime: reference });
    await client.query(`ANALYZE ${s}.relationships, ${s}.ties`);
    return { changed: true, relationships: count, referenceTime: reference };
  });
}

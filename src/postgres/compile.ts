/**
 * `compileFromPostgres`: the whole stored network streamed into the compiled engine, for the
 * connector measures (betweenness, closeness, brokers, ...) on networks too large to hold as a
 * `Network`.
 *
 * @module
 */
import { type CompiledNetwork, CompiledNetworkBuilder } from 'warmpath';
import {
  inSnapshot,
  type PostgresClient,
  PostgresStateError,
  type SchemaOptions,
  schemaOf,
} from './client.js';
import { readMeta, storedReferenceTime } from './meta.js';
import { POLICY_NAME } from './rows.js';
import { requireSchema } from './schema.js';

/** Options of {@link compileFromPostgres}. */
export interface CompileFromPostgresOptions extends SchemaOptions {
  /** Rows fetched from the cursor at a time (default 50,000). */
  readonly batchSize?: number;
  /** Called after each batch of ties with the ties read so far. */
  readonly onProgress?: (tiesRead: number) => void;
}

/**
 * Streams the stored people and ties into a `CompiledNetworkBuilder` through server-side cursors
 * (`DECLARE ... CURSOR`, `FETCH n`), in one read-only snapshot: memory beyond the compiled arrays
 * (about 33 bytes per tie) is one batch of rows and one integer per person. The result equals
 * `compileNetwork(network)` of the stored network: the same people, neighbours, costs, policies
 * and organisations (ties may be numbered differently, which no measure depends on).
 *
 * @param client - A connected `pg.Client` (cursors need one connection for the whole read).
 * @param options - `schema`, `batchSize`, `onProgress`.
 * @returns The compiled network, for `betweenness`, `closeness`, `introductionBrokers`,
 *   `createIntroductionFinder` and the other functions that accept one.
 * @throws PostgresStateError (`stale-strengths`) when upserts moved the network's reference date
 *   since strengths were stored: run `refreshStrengths(client)` first. Also when the schema is
 *   missing or nothing is stored.
 * @example
 * ```ts
 * const compiled = await compileFromPostgres(client);
 * const scores = betweenness(compiled, { sample: 2000, seed: 1 });
 * ```
 * @see PostgreSQL, DECLARE: https://www.postgresql.org/docs/current/sql-declare.html
 */
export async function compileFromPostgres(
  client: PostgresClient,
  options: CompileFromPostgresOptions = {},
): Promise<CompiledNetwork> {
  await requireSchema(client, options);
  const s = schemaOf(options);
  const batch = options.batchSize ?? 50_000;
  return inSnapshot(client, async () => {
    const meta = await readMeta(client, s);
    const reference = await storedReferenceTime(client, s, meta);
    if (reference !== meta.strengthTime) {
      throw new PostgresStateError(
        'stale-strengths',
        'the stored strengths were measured to an earlier reference date than the data now has: run refreshStrengths(client)',
      );
    }
    const builder = new CompiledNetworkBuilder();
    const { rows: size } = await client.query(
      `SELECT coalesce(max(no) + 1, 0) AS n FROM ${s}.people`,
    );
    const indexOf = new Int32Array(Number(size[0]?.n ?? 0)).fill(-1);
    await client.query(
      `DECLARE warmpath_people NO SCROLL CURSOR FOR
       SELECT no, id, introductions, organization_id FROM ${s}.people ORDER BY no`,
    );
    for (;;) {
      const { rows } = await client.query({
        text: `FETCH ${batch} FROM warmpath_people`,
        rowMode: 'array',
      });
      for (const [no, id, policy, organizationId] of rows as [
        number,
        string,
        number,
        string | null,
      ][]) {
        indexOf[no] = builder.addPerson(id, {
          introductions: POLICY_NAME[policy] ?? 'open',
          organizationId: organizationId ?? undefined,
        });
      }
      if (rows.length < batch) break;
    }
    await client.query('CLOSE warmpath_people');
    await client.query(
      `DECLARE warmpath_ties NO SCROLL CURSOR FOR
       SELECT person_no, neighbor_no, out_strength, in_strength FROM ${s}.ties
       WHERE person_no < neighbor_no`,
    );
    let read = 0;
    for (;;) {
      const { rows } = await client.query({
        text: `FETCH ${batch} FROM warmpath_ties`,
        rowMode: 'array',
      });
      for (const [a, b, forward, backward] of rows as [number, number, number, number][])
        builder.addTieByIndex(indexOf[a] as number, indexOf[b] as number, forward, backward);
      read += rows.length;
      options.onProgress?.(read);
      if (rows.length < batch) break;
    }
    await client.query('CLOSE warmpath_ties');
    return builder.build();
  });
}

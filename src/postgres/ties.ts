/**
 * The `ties` table derived again from `relationships` and `group_members`, in SQL: for every pair,
 * each direction's strength is the strongest evidence usable that way (what `network.ties()`
 * computes), `public` says whether some evidence is visible to all, and `visible_to` lists who
 * may see the restricted rest. Used after upserts (for the pairs they touch) and by
 * `refreshStrengths` (for all pairs).
 *
 * @module
 */
import { explainStrength, type StrengthModel } from 'warmpath';
import type { PostgresClient } from './client.js';

/** The strength a shared group gives (the model's `group-member` strength, with no signals). */
export function groupStrength(model: StrengthModel): number {
  return explainStrength({ source: '', target: '', kind: 'group-member' }, undefined, model)
    .strength;
}

/**
 * The evidence rows (a, b, out, in, public, visible_to) of every pair, or only of `pairs`.
 * Parameters: $1 the group strength; with pairs, $2 and $3 the two ends, $4 everyone involved.
 */
function evidenceSql(s: string, restricted: boolean): string {
  const pairs = 'IN (SELECT a, b FROM pairs)';
  const rel = (a: string, b: string, out: string, inward: string) =>
    `SELECT r.${a} AS a, r.${b} AS b, ${out} AS o, ${inward} AS i,
            r.visible_to IS NULL AS pub, r.visible_to AS vis
     FROM ${s}.relationships r
     ${restricted ? `WHERE r.${a} = ANY($4::int[]) AND (r.${a}, r.${b}) ${pairs}` : ''}`;
  return `${restricted ? 'pairs (a, b) AS (SELECT * FROM unnest($2::int[], $3::int[])),' : ''}
  evidence AS (
    ${rel('source_no', 'target_no', 'r.strength', 'CASE WHEN r.directed THEN 0 ELSE r.strength END')}
    UNION ALL
    ${rel('target_no', 'source_no', 'CASE WHEN r.directed THEN 0 ELSE r.strength END', 'r.strength')}
    UNION ALL
    SELECT m1.person_no, m2.person_no, $1::float8, $1::float8, true, NULL::text[]
    FROM ${s}.group_members m1
    JOIN ${s}.group_members m2 ON m2.group_id = m1.group_id AND m2.person_no <> m1.person_no
    ${restricted ? `WHERE m1.person_no = ANY($4::int[]) AND (m1.person_no, m2.person_no) ${pairs}` : ''}
  ),
  summary AS (
    SELECT a, b, max(o) AS o, max(i) AS i, bool_or(pub) AS pub FROM evidence GROUP BY a, b
  ),
  lists AS (
    SELECT e.a, e.b, array_agg(DISTINCT v COLLATE "C" ORDER BY v COLLATE "C") AS vis
    FROM evidence e CROSS JOIN LATERAL unnest(e.vis) AS v
    GROUP BY e.a, e.b
  )`;
}

const insertSql = (s: string, restricted: boolean) => `
  INSERT INTO ${s}.ties (person_no, neighbor_no, out_strength, in_strength, public, visible_to)
  WITH ${evidenceSql(s, restricted)}
  SELECT m.a, m.b, m.o, m.i, m.pub, CASE WHEN m.pub THEN NULL ELSE coalesce(l.vis, '{}') END
  FROM summary m LEFT JOIN lists l ON l.a = m.a AND l.b = m.b`;

/** Derives every row of `ties` again (inside the caller's transaction). */
export async function rebuildAllTies(
  client: PostgresClient,
  s: string,
  model: StrengthModel,
): Promise<void> {
  await client.query(`TRUNCATE ${s}.ties`);
  await client.query(insertSql(s, false), [groupStrength(model)]);
}

/**
 * Derives the rows of `ties` of some pairs again (both directions of each), e.g. after their
 * relationships or shared groups changed (inside the caller's transaction).
 */
export async function rebuildTies(
  client: PostgresClient,
  s: string,
  model: StrengthModel,
  pairs: Iterable<readonly [number, number]>,
): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  const seen = new Set<string>();
  for (const [x, y] of pairs) {
    if (x === y) continue;
    const key = x < y ? `${x},${y}` : `${y},${x}`;
    if (seen.has(key)) continue;
    seen.add(key);
    a.push(x, y);
    b.push(y, x);
  }
  if (a.length === 0) return;
  const everyone = [...new Set(a)];
  await client.query(
    `WITH pairs (a, b) AS (SELECT * FROM unnest($1::int[], $2::int[]))
     DELETE FROM ${s}.ties WHERE person_no = ANY($3::int[]) AND (person_no, neighbor_no) IN (SELECT a, b FROM pairs)`,
    [a, b, everyone],
  );
  await client.query(insertSql(s, true), [groupStrength(model), a, b, everyone]);
}

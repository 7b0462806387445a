/**
 * `npm run bench:postgres`: warm-introduction chains on a generated network stored in PostgreSQL
 * (warmpath/postgres), against pgRouting's `pgr_bdDijkstra` and `pgr_KSP` on the same table and
 * against the in-memory engine, on the same seeded pairs.
 *
 * The network is the clustered small-world network of bench/generate.ts (default 1M people,
 * about 10M ties), written to the warmpath tables exactly as `loadNetwork` would write it (checked
 * on a small network first), in a throwaway PostgreSQL cluster (or `--url`). Every query asks for
 * chains of at most `--max-hops` (4) hops; pgRouting has no hop limit, so it searches the whole
 * network (and its answer can only be as cheap or cheaper).
 *
 * Options: --people 1000000  --ties-per-person 10  --pairs 100  --pgr-pairs 20  --pgr-budget 900
 *   (seconds per pgRouting function)  --max-hops 4  --k 5  --seed 1  --url postgres://...
 *   --out FILE (markdown; default bench/data/postgres-<people>.md)
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import pg from 'pg';
import {
  CompiledNetworkBuilder,
  createIntroductionFinder,
  createNetwork,
  DEFAULT_STRENGTH_MODEL,
  type IntroductionResult,
} from '../src/index.js';
import { inTransaction } from '../src/postgres/client.js';
import { copyRows } from '../src/postgres/copy.js';
import { loadNetwork, migrate, PostgresNetwork } from '../src/postgres/index.js';
import { writeMeta } from '../src/postgres/meta.js';
import {
  PEOPLE_COLUMNS,
  personRow,
  RELATIONSHIP_COLUMNS,
  relationshipRow,
  TIE_COLUMNS,
} from '../src/postgres/rows.js';
import { withoutIndexes } from '../src/postgres/schema.js';
import { startCluster } from '../test/postgres/cluster.js';
import { type GeneratedNetwork, generateNetwork } from './generate.js';
import { largestComponent, quantile, randomPairs, revision } from './measure.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
const number = (name: string, fallback: number) =>
  Number((option(name) ?? `${fallback}`).replace(/_/g, ''));

const people = number('people', 1_000_000);
const tiesPerPerson = number('ties-per-person', 10);
const pairCount = number('pairs', 100);
const pgrPairCount = number('pgr-pairs', 20);
const pgrBudgetMs = number('pgr-budget', 900) * 1000;
const maxHops = number('max-hops', 4);
const K = number('k', 5);
const seed = number('seed', 1);
const out = option('out') ?? `bench/data/postgres-${people}.md`;
const SCHEMA = 'bench';

const log = (message: string) => process.stderr.write(`${message}\n`);
const since = (t0: number) => performance.now() - t0;
const thousands = (x: number) => Math.round(x).toLocaleString('en-US');

/** The ties of a generated network, held in typed arrays (16 bytes a tie). */
interface TieArrays {
  readonly count: number;
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  readonly strength: Float64Array;
}

function collectTies(network: GeneratedNetwork): TieArrays {
  let capacity = network.people * 12;
  let source = new Uint32Array(capacity);
  let target = new Uint32Array(capacity);
  let strength = new Float64Array(capacity);
  let count = 0;
  network.forEachTie((s, t, w) => {
    if (count === capacity) {
      capacity *= 2;
      const grow = <A extends Uint32Array | Float64Array>(a: A, make: (n: number) => A): A => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      source = grow(source, (n) => new Uint32Array(n));
      target = grow(target, (n) => new Uint32Array(n));
      strength = grow(strength, (n) => new Float64Array(n));
    }
    source[count] = s;
    target[count] = t;
    strength[count] = w;
    count++;
  });
  return { count, source, target, strength };
}

const POLICY = ['open', 'ask-first', 'never'] as const;

function personOf(network: GeneratedNetwork, i: number) {
  const id = network.id(i);
  const policy = POLICY[network.policy[i] as number] ?? 'open';
  return { id, name: `Person ${i}`, ...(policy === 'open' ? {} : { introductions: policy }) };
}

/**
 * Writes a generated network to the warmpath tables as `loadNetwork` would write the same
 * records (people in index order, one undirected relationship of kind `other` per tie with its
 * strength given, both rows of each tie), without building a `Network` of 10M relationships.
 */
async function writeGenerated(
  client: pg.Client,
  schema: string,
  network: GeneratedNetwork,
  ties: TieArrays,
): Promise<void> {
  const s = `"${schema}"`;
  await inTransaction(client, async () => {
    await client.query(
      `TRUNCATE ${['ties', 'relationships', 'group_members', 'groups', 'jobs', 'person_ids', 'people', 'organizations', 'hires', 'applications', 'meta'].map((t) => `${s}.${t}`).join(', ')}`,
    );
    await withoutIndexes(client, s, ['people', 'person_ids', 'relationships', 'ties'], async () => {
      const range = function* <T>(n: number, row: (i: number) => T) {
        for (let i = 0; i < n; i++) yield row(i);
      };
      let t0 = performance.now();
      await copyRows(
        client,
        `${s}.people`,
        PEOPLE_COLUMNS,
        range(network.people, (i) => personRow(personOf(network, i), i)),
      );
      await copyRows(
        client,
        `${s}.person_ids`,
        ['id', 'no'],
        range(network.people, (i) => [network.id(i), i]),
      );
      log(`  people: ${since(t0).toFixed(0)} ms`);
      t0 = performance.now();
      await copyRows(
        client,
        `${s}.relationships`,
        RELATIONSHIP_COLUMNS,
        range(ties.count, (t) => {
          const a = ties.source[t] as number;
          const b = ties.target[t] as number;
          const w = ties.strength[t] as number;
          return relationshipRow(
            { source: network.id(a), target: network.id(b), kind: 'other', strength: w },
            t,
            a,
            b,
            w,
          );
        }),
      );
      log(`  relationships: ${since(t0).toFixed(0)} ms`);
      t0 = performance.now();
      await copyRows(
        client,
        `${s}.ties`,
        TIE_COLUMNS,
        (function* () {
          for (let t = 0; t < ties.count; t++) {
            const a = ties.source[t] as number;
            const b = ties.target[t] as number;
            const w = ties.strength[t] as number;
            yield [a, b, w, w, true, null];
            yield [b, a, w, w, true, null];
          }
        })(),
      );
      log(`  ties: ${since(t0).toFixed(0)} ms; building indexes`);
    });
    await writeMeta(client, s, {
      asOf: null,
      strengthModel: DEFAULT_STRENGTH_MODEL,
      strengthTime: null,
    });
  });
}

/** Checks on a small network that {@link writeGenerated} writes what `loadNetwork` writes. */
async function checkWriter(client: pg.Client): Promise<void> {
  const small = generateNetwork({
    people: 300,
    seed,
    tiesPerPerson,
    askFirstShare: 0.1,
    neverShare: 0.05,
  });
  const ties = collectTies(small);
  await migrate(client, { schema: 'check_written' });
  await migrate(client, { schema: 'check_loaded' });
  await writeGenerated(client, 'check_written', small, ties);
  const network = createNetwork({
    people: Array.from({ length: small.people }, (_, i) => personOf(small, i)),
    relationships: Array.from({ length: ties.count }, (_, t) => ({
      source: small.id(ties.source[t] as number),
      target: small.id(ties.target[t] as number),
      kind: 'other' as const,
      strength: ties.strength[t] as number,
    })),
  });
  await loadNetwork(client, network, { schema: 'check_loaded' });
  for (const table of ['people', 'person_ids', 'relationships', 'ties', 'meta']) {
    const columns = table === 'meta' ? 'key, value::text' : '*';
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ((SELECT ${columns} FROM check_written.${table} EXCEPT ALL SELECT ${columns} FROM check_loaded.${table})
        UNION ALL (SELECT ${columns} FROM check_loaded.${table} EXCEPT ALL SELECT ${columns} FROM check_written.${table})) d`.replace(
        /SELECT \*/g,
        table === 'relationships' || table === 'people'
          ? `SELECT ${table === 'people' ? 'no, id, organization_id, introductions, latest_t, record::text' : 'ordinal, source_no, target_no, kind, directed, strength, visible_to, since_t, until_t, latest_t, record::text'}`
          : 'SELECT *',
      ),
    );
    if (rows[0]?.n !== 0) throw new Error(`the bench writer differs from loadNetwork in ${table}`);
  }
  log('writer checked against loadNetwork on 300 people: same rows');
}

interface Timed {
  readonly times: number[];
}

function row(name: string, timed: Timed, baseline?: Timed, note = ''): string {
  const median = quantile(timed.times, 0.5);
  const p95 = quantile(timed.times, 0.95);
  const ratio =
    baseline === undefined ? '' : `${(quantile(baseline.times, 0.5) / median).toFixed(0)}×`;
  return `| ${name} | ${timed.times.length} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${ratio} | ${note} |`;
}

async function main(): Promise<void> {
  const url = option('url');
  const cluster = url
    ? undefined
    : await startCluster({
        shared_buffers: '4GB',
        work_mem: '64MB',
        maintenance_work_mem: '2GB',
        max_wal_size: '32GB',
        checkpoint_timeout: '1h',
        wal_level: 'minimal',
        max_wal_senders: 0,
      });
  if (cluster && 'reason' in cluster) throw new Error(cluster.reason);
  const client = cluster
    ? await cluster.createDatabase('bench')
    : new pg.Client({ connectionString: url });
  if (!cluster) await client.connect();
  try {
    const version = (await client.query('SELECT version()')).rows[0]?.version as string;
    log(version);
    await checkWriter(client);

    log(`generating ${thousands(people)} people, ${tiesPerPerson} ties per person (seed ${seed})`);
    let t0 = performance.now();
    const network = generateNetwork({ people, seed, tiesPerPerson });
    const ties = collectTies(network);
    const generateMs = since(t0);
    log(`  ${thousands(ties.count)} ties in ${generateMs.toFixed(0)} ms`);

    await migrate(client, { schema: SCHEMA });
    t0 = performance.now();
    await writeGenerated(client, SCHEMA, network, ties);
    const writeMs = since(t0);
    t0 = performance.now();
    await client.query(
      `VACUUM ANALYZE "${SCHEMA}".people, "${SCHEMA}".person_ids, "${SCHEMA}".relationships, "${SCHEMA}".ties`,
    );
    const vacuumMs = since(t0);
    log(
      `loaded with COPY in ${(writeMs / 1000).toFixed(1)} s (indexes included), VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s`,
    );
    const sizes = await client.query(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY total DESC`,
      [SCHEMA],
    );
    const totalBytes = sizes.rows.reduce((sum, r) => sum + Number(r.total), 0);

    log('compiling the same network in memory');
    t0 = performance.now();
    const builder = new CompiledNetworkBuilder();
    for (let i = 0; i < network.people; i++)
      builder.addPerson(network.id(i), {
        introductions: POLICY[network.policy[i] as number] ?? 'open',
      });
    for (let t = 0; t < ties.count; t++) {
      const w = ties.strength[t] as number;
      builder.addTieByIndex(ties.source[t] as number, ties.target[t] as number, w, w);
    }
    const compiled = builder.build();
    const compileMs = since(t0);
    const finder = createIntroductionFinder(compiled);
    const component = largestComponent(compiled);
    const pairs = randomPairs(component, pairCount, seed, 7);
    const warmup = randomPairs(component, 10, seed, 8);
    const onPostgres = new PostgresNetwork(client, { schema: SCHEMA });
    const id = (v: number) => compiled.ids[v] as string;

    const query = (k: number) => ({ maxHops, k });
    for (const [s, t] of warmup)
      await onPostgres.findIntroductions({ from: id(s), to: id(t), ...query(K) });

    const measure = async (k: number) => {
      const pgTimes: number[] = [];
      const memoryTimes: number[] = [];
      const piece: number[] = [];
      const tieRows: number[] = [];
      for (const [s, t] of pairs) {
        const options = { from: id(s), to: id(t), ...query(k) };
        let t1 = performance.now();
        const fromPostgres = await onPostgres.findIntroductions(options);
        pgTimes.push(since(t1));
        piece.push(onPostgres.lastQuery?.people ?? 0);
        tieRows.push(onPostgres.lastQuery?.tieRowsRead ?? 0);
        t1 = performance.now();
        const inMemory: IntroductionResult = finder.find(options);
        memoryTimes.push(since(t1));
        const same =
          fromPostgres.paths.length === inMemory.paths.length &&
          fromPostgres.paths.every(
            (p, i) =>
              p.people.join() === inMemory.paths[i]?.people.join() &&
              p.cost === inMemory.paths[i]?.cost,
          );
        if (!same)
          throw new Error(`PostgreSQL and memory disagree on ${options.from} → ${options.to}`);
      }
      return { postgres: { times: pgTimes }, memory: { times: memoryTimes }, piece, tieRows };
    };
    log(`best chain (k = 1), ${pairs.length} pairs`);
    const best = await measure(1);
    log(`  median ${quantile(best.postgres.times, 0.5).toFixed(1)} ms`);
    log(`k = ${K}, ${pairs.length} pairs`);
    const kBest = await measure(K);
    log(`  median ${quantile(kBest.postgres.times, 0.5).toFixed(1)} ms`);

    await client.query('CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE');
    const pgrVersion = (await client.query('SELECT pgr_version() AS v')).rows[0]?.v as string;
    // The same table: each tie once, as an edge with a cost each way (-ln strength).
    const edges = `SELECT (person_no::bigint << 32) | neighbor_no AS id, person_no AS source, neighbor_no AS target,
        CASE WHEN out_strength > 0 THEN -ln(out_strength) ELSE -1 END AS cost,
        CASE WHEN in_strength > 0 THEN -ln(in_strength) ELSE -1 END AS reverse_cost
      FROM "${SCHEMA}".ties WHERE person_no < neighbor_no`;
    const unbounded = createIntroductionFinder(compiled);
    const pgRouting = async (name: string, sql: string, k: number) => {
      const times: number[] = [];
      let costlier = 0;
      const started = performance.now();
      for (const [s, t] of pairs.slice(0, pgrPairCount)) {
        if (times.length >= 3 && since(started) > pgrBudgetMs) break;
        const t1 = performance.now();
        const { rows } = await client.query(sql, [edges, s, t, k]);
        times.push(since(t1));
        // pgRouting has no hop limit: check its best against the in-memory engine with none.
        const found = rows.filter((r) => Number(r.node) === t).map((r) => Number(r.agg_cost));
        const cheapest = Math.min(...found);
        const reference = unbounded.find({
          from: id(s),
          to: id(t),
          maxHops: Number.POSITIVE_INFINITY,
          k: 1,
        }).paths[0]?.cost;
        if (reference !== undefined) {
          const tolerance = 1e-9 * Math.max(1, reference);
          if (cheapest < reference - tolerance)
            throw new Error(
              `${name} found cost ${cheapest} below warmpath's ${reference} (${s} → ${t})`,
            );
          if (cheapest > reference + tolerance) costlier++;
        }
        log(`  ${name} ${times.length}: ${times.at(-1)?.toFixed(0)} ms`);
      }
      return { times, costlier };
    };
    log(`pgr_bdDijkstra on ${thousands(ties.count)} edges`);
    const dijkstra = await pgRouting(
      'pgr_bdDijkstra',
      'SELECT node, agg_cost FROM pgr_bdDijkstra($1, $2::bigint, $3::bigint, directed => true) WHERE $4::int > 0',
      1,
    );
    log(`pgr_KSP (K = ${K})`);
    const ksp = await pgRouting(
      'pgr_KSP',
      'SELECT node, agg_cost FROM pgr_KSP($1, $2::bigint, $3::bigint, $4::int, directed => true)',
      K,
    );

    const bytesPerTie = totalBytes / ties.count;
    const lines = [
      `Network: bench/generate.ts, ${thousands(people)} people, ${thousands(ties.count)} ties (seed ${seed}), everyone open. ` +
        `Every warmpath query: maxHops ${maxHops}; pgRouting has no hop limit and searches the whole network. ` +
        `${pairs.length} seeded pairs from the largest component (pgRouting: the first ${dijkstra.times.length} and ${ksp.times.length} of them), after 10 warm-up queries; ` +
        "each PostgreSQL query in its own REPEATABLE READ snapshot. warmpath/postgres and the in-memory engine return the same chains with the same costs on every pair (checked); pgRouting's answers are checked against the in-memory engine with no hop limit.",
      '',
      '| query | pairs | median ms | p95 ms | vs pgRouting | note |',
      '|---|---|---|---|---|---|',
      row(
        'warmpath/postgres, best chain (k = 1)',
        best.postgres,
        dijkstra,
        `piece: median ${thousands(quantile(best.piece, 0.5))} people, ${thousands(quantile(best.tieRows, 0.5))} tie rows read`,
      ),
      row(`warmpath/postgres, k = ${K}`, kBest.postgres, ksp),
      row(
        'in-memory engine, best chain (k = 1)',
        best.memory,
        dijkstra,
        `compiled in ${(compileMs / 1000).toFixed(1)} s`,
      ),
      row(`in-memory engine, k = ${K}`, kBest.memory, ksp),
      row(
        'pgRouting pgr_bdDijkstra (no hop limit)',
        dijkstra,
        undefined,
        `pgRouting ${pgrVersion}; a costlier chain than the cheapest for ${dijkstra.costlier} of ${dijkstra.times.length} pairs`,
      ),
      row(
        `pgRouting pgr_KSP, K = ${K} (no hop limit)`,
        ksp,
        undefined,
        `first path costlier than the cheapest for ${ksp.costlier} of ${ksp.times.length} pairs`,
      ),
      '',
      `Load: ${thousands(ties.count)} ties generated in ${(generateMs / 1000).toFixed(1)} s; written with COPY (people, relationships, both rows of each tie) and indexed in ${(writeMs / 1000).toFixed(1)} s; VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s.`,
      '',
      `Size on disk (pg_total_relation_size, tables with their indexes): ${(totalBytes / 2 ** 30).toFixed(2)} GiB, ${bytesPerTie.toFixed(0)} bytes per tie:`,
      '',
      '| table | total MiB | heap MiB | bytes per tie |',
      '|---|---|---|---|',
      ...sizes.rows
        .filter((r) => Number(r.total) > 1 << 20)
        .map(
          (r) =>
            `| ${r.name} | ${(Number(r.total) / 2 ** 20).toFixed(0)} | ${(Number(r.heap) / 2 ** 20).toFixed(0)} | ${(Number(r.total) / ties.count).toFixed(1)} |`,
        ),
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${version.split(' on ')[0]}, pgRouting ${pgrVersion}, shared_buffers 4GB, fsync off; Node ${process.version}; load average ${loadavg()[0]?.toFixed(1)} at the end; ${revision()}; ${new Date().toISOString().slice(0, 10)}.`,
      `Command: \`npm run bench:postgres -- --people ${people} --pairs ${pairCount} --pgr-pairs ${pgrPairCount}\``,
    ];
    const text = `${lines.join('\n')}\n`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    process.stdout.write(text);
    log(`written to ${out}`);
  } finally {
    await client.end();
    if (cluster && !('reason' in cluster)) cluster.stop();
  }
}

await main();

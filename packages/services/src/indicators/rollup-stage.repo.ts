import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/**
 * The staging side of the rollup refresh (KPI-1, scale.md §4 "one connection means a 3 s aggregate
 * stalls every request"): every statement is short (one county, or one chunk of a few communities' elders)
 * and is followed by a yield to the event loop, so requests queued behind it run before the next
 * one. On PGlite a chain of awaited statements never returns to the event loop by itself: without
 * the yield, a lookup waited for the whole refresh.
 */

/**
 * Gives queued requests their turn after a statement: a pause as long as the statement (at most
 * 0.12 s), so requests that arrived meanwhile finish all their queries before the next statement.
 * The refresh takes up to twice as long; it runs in the background, requests do not wait on it.
 */
export function yieldToRequests(statementMs: number): Promise<void> {
  if (statementMs < 5) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, Math.min(120, Math.ceil(statementMs))));
}

/** Runs one refresh statement, then yields (see yieldToRequests). */
export async function paced(db: Db, query: SQL): Promise<void> {
  const started = performance.now();
  await db.execute(query);
  await yieldToRequests(performance.now() - started);
}

/**
 * Adds a leaf query's (r, measure, amount) rows to the staging table at every region level the
 * leaf code reaches: a street's figure is the sum of its communities', and so on up (rollup.ts).
 * Slices of one measure add up (ON CONFLICT … amount + excluded.amount).
 */
export async function stage(db: Db, key: string, period: string, leaf: SQL): Promise<void> {
  await paced(
    db,
    sql`
    INSERT INTO indicator_rollup_staging (refresh_key, county_code, region_code, period, measure, amount)
    SELECT ${key}, rpad(left(lvl.code, 6), 6, '0'), lvl.code, ${period}, leaf.measure, sum(leaf.amount)
    FROM (${leaf}) AS leaf (r, measure, amount)
    CROSS JOIN LATERAL (
      SELECT left(leaf.r, n) AS code FROM unnest(ARRAY[2, 4, 6, 9, 12]) AS n WHERE n <= length(leaf.r)
    ) AS lvl
    WHERE leaf.amount <> 0
    GROUP BY lvl.code, leaf.measure
    ON CONFLICT (refresh_key, county_code, region_code, period, measure)
      DO UPDATE SET amount = indicator_rollup_staging.amount + excluded.amount`,
  );
}

/** Unpivots named count columns of an aggregated subquery into (r, measure, amount) rows. */
export function unpivot(columns: readonly (readonly [string, SQL])[], from: SQL): SQL {
  const selects = sql.join(
    columns.map(([, expression], index) => sql`${expression} AS ${sql.identifier(`c${index}`)}`),
    sql`, `,
  );
  const values = sql.join(
    columns.map(([measure], index) => sql`(${measure}, agg.${sql.identifier(`c${index}`)})`),
    sql`, `,
  );
  return sql`SELECT agg.r, m.measure, m.amount FROM (SELECT r, ${selects} FROM (${from}) AS base GROUP BY r) AS agg
    CROSS JOIN LATERAL (VALUES ${values}) AS m (measure, amount)`;
}

/**
 * The county codes present in a table whose primary key leads with county_code (after the columns
 * `filter` fixes): a loose index scan, one index probe per county, never a scan of the table.
 */
export async function countiesOf(db: Db, table: string, filter: SQL = sql`true`): Promise<string[]> {
  const name = sql.identifier(table);
  const found = await rows<{ code: string }>(
    db,
    sql`WITH RECURSIVE c (code) AS (
          (SELECT county_code FROM ${name} WHERE ${filter} ORDER BY county_code LIMIT 1)
          UNION ALL
          SELECT (SELECT county_code FROM ${name} WHERE ${filter} AND county_code > c.code ORDER BY county_code LIMIT 1)
          FROM c WHERE c.code IS NOT NULL)
        SELECT code FROM c WHERE code IS NOT NULL`,
  );
  return found.map((row) => row.code);
}

/**
 * Elders whose residence code lies in [from, to) in byte order (an open end when absent). The chunks
 * are cut at community codes, so together they tile every residence code, known regions or not.
 */
export type ElderChunk = { from: string | undefined; to: string | undefined };

/** Communities per chunk of elders: ≈4,500 elders at `city` scale, ≈0.1 s of aggregation on an idle machine. */
export const COMMUNITIES_PER_CHUNK = 12;

/** Chunks of a few communities' elders, read by the residence index; no scan of elders to find them. */
export async function elderChunks(db: Db): Promise<ElderChunk[]> {
  const found = await rows<{ code: string }>(db, sql`SELECT code FROM regions WHERE level = 'community'`);
  const sorted = found.map((row) => row.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cuts = sorted.filter((_code, index) => index > 0 && index % COMMUNITIES_PER_CHUNK === 0);
  return [undefined, ...cuts].map((from, index) => ({ from, to: cuts[index] }));
}

/** The rows of a chunk: `residence` (a residence region code) in its range, by the text_pattern_ops index. */
export function inChunk(chunk: ElderChunk, residence: SQL): SQL {
  const from = chunk.from === undefined ? sql`true` : sql`${residence} ~>=~ ${chunk.from}`;
  const to = chunk.to === undefined ? sql`true` : sql`${residence} ~<~ ${chunk.to}`;
  return sql`${from} AND ${to}`;
}

/** Stages a leaf query once per county of `table` (whose primary key leads with county_code). */
export async function stagePerCounty(
  db: Db,
  key: string,
  period: string,
  table: string,
  leaf: (county: string) => SQL,
): Promise<void> {
  for (const county of await countiesOf(db, table)) await stage(db, key, period, leaf(county));
}

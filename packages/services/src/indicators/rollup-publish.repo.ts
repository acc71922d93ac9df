import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { countiesOf, paced, yieldToRequests } from './rollup-stage.repo.ts';

export type PublishLog = { startedAt: Date; finishedAt: Date; sources: readonly string[]; trigger: string };

type Cell = { county_code: string; region_code: string; period: string; measure: string; amount: string };
type Changes = { upserts: Cell[]; removals: Cell[]; staged: number };

/** Rows per statement while applying changes (scale.md §4: statements stay under 10,000 rows). */
const BATCH = 5_000;

const stagedCounties = (db: Db, key: string): Promise<string[]> =>
  countiesOf(db, 'indicator_rollup_staging', sql`refresh_key = ${key}`);

async function lastRefreshId(db: Db): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`SELECT coalesce(max(id), 0)::int AS id FROM indicator_refreshes`);
  return row?.id ?? 0;
}

/**
 * Compares the staged rows with the published ones, one county per statement (a FULL JOIN of two
 * primary-key ranges, which PostgreSQL runs as a hash or merge join whatever its estimates), and
 * returns only what differs: what to write and what to delete.
 */
async function changesOf(db: Db, key: string, periods: readonly string[]): Promise<Changes> {
  const changes: Changes = { upserts: [], removals: [], staged: 0 };
  const counties = new Set([...(await stagedCounties(db, key)), ...(await countiesOf(db, 'indicator_rollups'))]);
  for (const county of counties) {
    const started = performance.now();
    const found = await rows<Cell & { gone: boolean }>(
      db,
      sql`SELECT ${county} AS county_code, coalesce(s.region_code, r.region_code) AS region_code,
            coalesce(s.period, r.period) AS period, coalesce(s.measure, r.measure) AS measure,
            coalesce(s.amount, 0)::text AS amount, s.region_code IS NULL AS gone
          FROM (SELECT region_code, period, measure, amount FROM indicator_rollup_staging
                WHERE refresh_key = ${key} AND county_code = ${county}) AS s
          FULL JOIN (SELECT region_code, period, measure, amount FROM indicator_rollups
                     WHERE county_code = ${county} AND period = ANY (${sql.param([...periods])}::text[])) AS r
            ON r.region_code = s.region_code AND r.period = s.period AND r.measure = s.measure
          WHERE s.amount IS DISTINCT FROM r.amount`,
    );
    for (const cell of found) {
      if (cell.gone) changes.removals.push(cell);
      else changes.upserts.push(cell);
    }
    const [counted] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM indicator_rollup_staging WHERE refresh_key = ${key} AND county_code = ${county}`,
    );
    changes.staged += counted?.n ?? 0;
    await yieldToRequests(performance.now() - started);
  }
  return changes;
}

const column = (cells: readonly Cell[], name: keyof Cell): SQL => sql`${sql.param(cells.map((cell) => cell[name]))}`;
const cellsOf = (cells: readonly Cell[]): SQL =>
  sql`unnest(${column(cells, 'county_code')}::text[], ${column(cells, 'region_code')}::text[],
    ${column(cells, 'period')}::text[], ${column(cells, 'measure')}::text[], ${column(cells, 'amount')}::bigint[])
    AS d (county_code, region_code, period, measure, amount)`;
const sameRegion = (a: SQL, b: SQL): SQL =>
  sql`${a}.county_code = ${b}.county_code AND ${a}.region_code = ${b}.region_code AND ${a}.period = ${b}.period`;

function batches<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < list.length; index += BATCH) out.push(list.slice(index, index + BATCH));
  return out;
}

/** Writes the changes and rebuilds the JSON rows of the regions they touch (inside the publishing transaction). */
async function applyChanges(tx: Db, changes: Changes, at: SQL): Promise<void> {
  for (const part of batches(changes.removals))
    await tx.execute(sql`DELETE FROM indicator_rollups AS r USING ${cellsOf(part)}
      WHERE ${sameRegion(sql`d`, sql`r`)} AND d.measure = r.measure`);
  for (const part of batches(changes.upserts))
    await tx.execute(sql`INSERT INTO indicator_rollups (county_code, region_code, period, measure, amount, refreshed_at)
      SELECT county_code, region_code, period, measure, amount, ${at} FROM ${cellsOf(part)}
      ON CONFLICT (county_code, region_code, period, measure)
        DO UPDATE SET amount = excluded.amount, refreshed_at = excluded.refreshed_at`);
  const touched = new Map<string, Cell>();
  for (const cell of [...changes.removals, ...changes.upserts])
    touched.set(`${cell.county_code}|${cell.region_code}|${cell.period}`, { ...cell, measure: '', amount: '0' });
  for (const part of batches([...touched.values()])) {
    await tx.execute(sql`DELETE FROM indicator_region_measures AS m USING ${cellsOf(part)}
      WHERE ${sameRegion(sql`d`, sql`m`)} AND NOT EXISTS (SELECT 1 FROM indicator_rollups AS r WHERE ${sameRegion(sql`r`, sql`m`)})`);
    await tx.execute(sql`INSERT INTO indicator_region_measures (county_code, region_code, period, measures, refreshed_at)
      SELECT r.county_code, r.region_code, r.period, jsonb_object_agg(r.measure, r.amount), ${at}
      FROM ${cellsOf(part)} JOIN indicator_rollups AS r ON ${sameRegion(sql`r`, sql`d`)}
      GROUP BY r.county_code, r.region_code, r.period
      ON CONFLICT (county_code, region_code, period)
        DO UPDATE SET measures = excluded.measures, refreshed_at = excluded.refreshed_at`);
  }
}

/**
 * Publishes the staged months: readers see either the old or the new figures, never a mix, because
 * every write to the published tables happens in one transaction. It stays short because only what
 * changed is written: the comparison with the published rows runs before, in short reads (between
 * two hourly refreshes few amounts change; rewriting all ≈100,000 rows of a `city` month held
 * PGlite's one connection for seconds). A row's `refreshed_at` is when its amount was last written;
 * the refresh time users see is the refresh log's. Publishers are serialised by an advisory lock, and
 * changes made stale by another refresh publishing meanwhile are refused, never applied.
 * Returns the months' row count.
 */
export async function publish(db: Db, key: string, periods: readonly string[], log: PublishLog): Promise<number> {
  const at = sql`${log.finishedAt.toISOString()}::timestamptz`;
  const seen = await lastRefreshId(db);
  const changes = await changesOf(db, key, periods);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('indicator_rollups.publish'))`);
    if ((await lastRefreshId(tx)) !== seen) throw new Error('another indicator refresh published meanwhile');
    await applyChanges(tx, changes, at);
    await tx.execute(sql`INSERT INTO indicator_refreshes (started_at, finished_at, periods, sources, row_count, trigger)
      VALUES (${log.startedAt.toISOString()}::timestamptz, ${at}, ${sql.param([...periods])}::text[],
              ${sql.param([...log.sources])}::text[], ${changes.staged}, ${log.trigger})`);
  });
  await discardStaging(db, key);
  return changes.staged;
}

/** Removes a refresh's staged rows, one county per statement (readers never read the staging table). */
export async function discardStaging(db: Db, key: string): Promise<void> {
  for (const county of await stagedCounties(db, key))
    await paced(db, sql`DELETE FROM indicator_rollup_staging WHERE refresh_key = ${key} AND county_code = ${county}`);
}

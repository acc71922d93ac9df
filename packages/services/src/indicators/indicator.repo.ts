import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

export type LastRefresh = { finishedAt: Date; periods: string[]; sources: string[]; rowCount: number };

export async function lastRefresh(db: Db): Promise<LastRefresh | undefined> {
  const [row] = await rows<{ finished_at: Date | string; periods: string[]; sources: string[]; row_count: number }>(
    db,
    sql`SELECT finished_at, periods, sources, row_count FROM indicator_refreshes ORDER BY id DESC LIMIT 1`,
  );
  if (!row) return undefined;
  return {
    finishedAt: new Date(row.finished_at),
    periods: row.periods,
    sources: row.sources,
    rowCount: row.row_count,
  };
}

const countyKey = (code: string): string => code.slice(0, 6).padEnd(6, '0');

export type MeasureRow = { regionCode: string; period: string; measure: string; amount: number };

/**
 * Measures of some regions in the latest month at or before `period` that has rollups for the first
 * region: one primary-key range read (the dashboard's only query of the rollups).
 */
export async function latestMeasures(
  db: Db,
  regionCodes: readonly string[],
  period: string,
): Promise<{ period: string | undefined; rows: MeasureRow[] }> {
  const [first] = regionCodes;
  if (first === undefined) return { period: undefined, rows: [] };
  const keys = [...new Set(regionCodes.map(countyKey))];
  const found = await rows<{ region_code: string; period: string; measures: Record<string, number | string> | string }>(
    db,
    sql`SELECT region_code, period, measures FROM indicator_region_measures
        WHERE county_code = ANY (${sql.param(keys)}::text[]) AND region_code = ANY (${sql.param([...regionCodes])}::text[])
          AND period = (SELECT max(period) FROM indicator_region_measures
                        WHERE county_code = ${countyKey(first)} AND region_code = ${first} AND period <= ${period})`,
  );
  const measures = found.flatMap((row) => {
    const object =
      typeof row.measures === 'string' ? (JSON.parse(row.measures) as Record<string, number>) : row.measures;
    return Object.entries(object).map(([measure, amount]) => ({
      regionCode: row.region_code,
      period: row.period,
      measure,
      amount: Number(amount),
    }));
  });
  return { period: measures[0]?.period, rows: measures };
}

/** Measures of some regions in one month (primary-key reads; never a scan of operational tables). */
export async function measuresOf(db: Db, regionCodes: readonly string[], period: string): Promise<MeasureRow[]> {
  if (regionCodes.length === 0) return [];
  const keys = [...new Set(regionCodes.map(countyKey))];
  const found = await rows<{ region_code: string; period: string; measure: string; amount: string | number }>(
    db,
    sql`SELECT region_code, period, measure, amount FROM indicator_rollups
        WHERE county_code = ANY (${sql.param(keys)}::text[]) AND region_code = ANY (${sql.param([...regionCodes])}::text[])
          AND period = ${period}`,
  );
  return found.map((row) => ({
    regionCode: row.region_code,
    period: row.period,
    measure: row.measure,
    amount: Number(row.amount),
  }));
}

/** Measures of one region over a range of months, for trends. */
export async function measureSeries(
  db: Db,
  regionCode: string,
  measures: readonly string[],
  from: string,
  to: string,
): Promise<MeasureRow[]> {
  const found = await rows<{ period: string; measure: string; amount: string | number }>(
    db,
    sql`SELECT period, measure, amount FROM indicator_rollups
        WHERE county_code = ${countyKey(regionCode)} AND region_code = ${regionCode}
          AND period >= ${from} AND period <= ${to} AND measure = ANY (${sql.param([...measures])}::text[])
        ORDER BY period`,
  );
  return found.map((row) => ({ regionCode, period: row.period, measure: row.measure, amount: Number(row.amount) }));
}

export async function periodsOf(db: Db, regionCode: string, from: string, to: string): Promise<string[]> {
  const found = await rows<{ period: string }>(
    db,
    sql`SELECT DISTINCT period FROM indicator_rollups WHERE county_code = ${countyKey(regionCode)}
        AND region_code = ${regionCode} AND period >= ${from} AND period <= ${to} ORDER BY period`,
  );
  return found.map((row) => row.period);
}

export type ReportedRow = {
  id: string;
  profileId: string;
  indicatorId: string;
  regionCode: string;
  year: number;
  value: number;
  note: string | null;
  enteredByName: string;
  enteredAt: Date;
};

type RawReported = {
  id: string;
  profile_id: string;
  indicator_id: string;
  region_code: string;
  year: number;
  value: string | number;
  note: string | null;
  entered_by_name: string;
  entered_at: Date | string;
};

const toReported = (row: RawReported): ReportedRow => ({
  id: row.id,
  profileId: row.profile_id,
  indicatorId: row.indicator_id,
  regionCode: row.region_code,
  year: row.year,
  value: Number(row.value),
  note: row.note,
  enteredByName: row.entered_by_name,
  enteredAt: new Date(row.entered_at),
});

export async function insertReported(
  db: Db,
  entry: Omit<ReportedRow, 'enteredAt'> & { enteredBy: string; enteredAt: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO indicator_reported_values
    (county_code, id, profile_id, indicator_id, region_code, year, value, note, entered_by, entered_by_name, entered_at)
    VALUES (${countyKey(entry.regionCode)}, ${entry.id}::uuid, ${entry.profileId}, ${entry.indicatorId}, ${entry.regionCode},
            ${entry.year}, ${entry.value}, ${entry.note}, ${entry.enteredBy}::uuid, ${entry.enteredByName},
            ${entry.enteredAt.toISOString()}::timestamptz)`);
}

/** The latest entry per indicator for one region and year (KPI-4: later entries supersede, none is erased). */
export async function latestReported(
  db: Db,
  profileId: string,
  regionCodes: readonly string[],
  year: number,
): Promise<ReportedRow[]> {
  if (regionCodes.length === 0) return [];
  const found = await rows<RawReported>(
    db,
    sql`SELECT DISTINCT ON (indicator_id, region_code) * FROM indicator_reported_values
        WHERE profile_id = ${profileId} AND region_code = ANY (${sql.param([...regionCodes])}::text[]) AND year = ${year}
        ORDER BY indicator_id, region_code, entered_at DESC, id DESC`,
  );
  return found.map(toReported);
}

export async function listReported(
  db: Db,
  profileId: string,
  indicatorId: string,
  regionCode: string,
): Promise<ReportedRow[]> {
  const found = await rows<RawReported>(
    db,
    sql`SELECT * FROM indicator_reported_values WHERE profile_id = ${profileId} AND indicator_id = ${indicatorId}
        AND region_code = ${regionCode} ORDER BY entered_at DESC, id DESC LIMIT 200`,
  );
  return found.map(toReported);
}

/** The benchmark's baseline (scale.md §4 dashboard): a live GROUP BY over the raw elders table of a region. */
export async function liveElderCounts(db: Db, prefix: string): Promise<number> {
  const found = await rows<{ r: string }>(
    db,
    sql`SELECT residence_region_code AS r, count(*), count(*) FILTER (WHERE 'dementia' = ANY (categories))
        FROM elders WHERE residence_region_code LIKE ${`${prefix}%`} AND status = 'active' GROUP BY 1`,
  );
  return found.length;
}

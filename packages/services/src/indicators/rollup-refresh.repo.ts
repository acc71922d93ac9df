import { sql, type SQL } from 'drizzle-orm';
import { ELDER_CATEGORIES } from '@kangyang/domain/eligibility';
import { AGE_BAND_LIMITS, COUNTED_MIN_AGES, COUNTED_OFFICER_MINIMUMS, MEASURE } from '@kangyang/domain/indicators';
import type { RecordSource } from '@kangyang/domain/indicators';
import { birthDateForAge, type IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';

/** One month to aggregate: its key, first day, the as-of day (month end, or today) and the next month's first day. */
export type RefreshPeriod = { period: string; monthStart: IsoDate; asOf: IsoDate; nextMonth: IsoDate; today: IsoDate };

const NEEDY = ['extremePoverty', 'minimumLiving', 'nearMinimumLiving'];

/** Table behind each record source (the optional ones belong to other modules' migrations). */
const SOURCE_TABLES: Readonly<Partial<Record<RecordSource, string>>> = {
  elders: 'elders',
  assessments: 'assessments',
  entitlements: 'entitlements',
  ledger: 'ledger_entries',
  workers: 'workers',
  certificates: 'worker_certificates',
  attendance: 'worker_attendance',
  serviceSites: 'service_sites',
  coverage: 'coverage_rollups',
  homeCareVisits: 'hc_visits',
};

/** Record sources whose table exists and holds at least one row (KPI-10). */
export async function availableSources(db: Db): Promise<RecordSource[]> {
  const found: RecordSource[] = [];
  for (const [source, table] of Object.entries(SOURCE_TABLES) as [RecordSource, string][]) {
    const [exists] = await rows<{ present: boolean }>(
      db,
      sql`SELECT to_regclass(${`public.${table}`}) IS NOT NULL AS present`,
    );
    if (!exists?.present) continue;
    const [any] = await rows<{ present: boolean }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(table)}) AS present`,
    );
    if (any?.present) found.push(source);
  }
  return found;
}

/**
 * Adds a leaf query's (r, measure, amount) rows to the staging table at every region level the
 * leaf code reaches: a street's figure is the sum of its communities', and so on up (rollup.ts).
 */
async function stage(db: Db, key: string, period: string, leaf: SQL): Promise<void> {
  await db.execute(sql`
    INSERT INTO indicator_rollup_staging (refresh_key, county_code, region_code, period, measure, amount)
    SELECT ${key}, rpad(left(lvl.code, 6), 6, '0'), lvl.code, ${period}, leaf.measure, sum(leaf.amount)
    FROM (${leaf}) AS leaf (r, measure, amount)
    CROSS JOIN LATERAL (
      SELECT left(leaf.r, n) AS code FROM unnest(ARRAY[2, 4, 6, 9, 12]) AS n WHERE n <= length(leaf.r)
    ) AS lvl
    WHERE leaf.amount <> 0
    GROUP BY lvl.code, leaf.measure
    ON CONFLICT (refresh_key, county_code, region_code, period, measure)
      DO UPDATE SET amount = indicator_rollup_staging.amount + excluded.amount`);
}

const born = (age: number, asOf: IsoDate): string => birthDateForAge(age, asOf);

/** Unpivots named count columns of an aggregated subquery into (r, measure, amount) rows. */
function unpivot(columns: readonly (readonly [string, SQL])[], from: SQL): SQL {
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

/** One county's slice (`in`), or everything outside the listed counties (`notIn`). */
export type CountySlice = { in: string } | { notIn: readonly string[] };

const sliceOf = (slice: CountySlice | undefined, column: SQL): SQL => {
  if (slice === undefined) return sql`true`;
  return 'in' in slice
    ? sql`${column} = ${slice.in}`
    : sql`NOT (${column} = ANY (${sql.param([...slice.notIn])}::text[]))`;
};

const activeElders = (p: RefreshPeriod, slice?: CountySlice): SQL =>
  sql`SELECT residence_region_code AS r, * FROM elders
      WHERE birth_date <= ${born(60, p.asOf)}::date AND (status = 'active' OR status_date > ${p.asOf}::date)
        AND ${sliceOf(slice, sql`county_code`)}`;

/** Counties that have streets or communities: the big tables are aggregated one county per statement. */
async function countySlices(db: Db): Promise<CountySlice[]> {
  const found = await rows<{ c: string }>(
    db,
    sql`SELECT DISTINCT left(code, 6) AS c FROM regions WHERE level IN ('street', 'community') ORDER BY 1`,
  );
  const counties = found.map((row) => row.c);
  return [...counties.map((county) => ({ in: county })), { notIn: counties }];
}

function elderColumns(p: RefreshPeriod): [string, SQL][] {
  const columns: [string, SQL][] = [
    [MEASURE.elders, sql`count(*)`],
    [MEASURE.eldersWithPoint, sql`count(*) FILTER (WHERE lng IS NOT NULL AND lat IS NOT NULL)`],
    [MEASURE.needyElders, sql`count(*) FILTER (WHERE categories && ${sql.param(NEEDY)}::text[])`],
  ];
  for (const age of COUNTED_MIN_AGES)
    columns.push([MEASURE.eldersAged(age), sql`count(*) FILTER (WHERE birth_date <= ${born(age, p.asOf)}::date)`]);
  for (const [band, from, to] of AGE_BAND_LIMITS) {
    const filter = sql`birth_date <= ${born(from, p.asOf)}::date AND birth_date > ${born(to + 1, p.asOf)}::date`;
    columns.push([MEASURE.ageBand(band), sql`count(*) FILTER (WHERE ${filter})`]);
  }
  for (const category of ELDER_CATEGORIES)
    columns.push([MEASURE.category(category), sql`count(*) FILTER (WHERE ${category} = ANY (categories))`]);
  return columns;
}

/** One statement per county, so that other requests interleave with a long refresh (PGlite has one connection). */
async function stageElders(db: Db, key: string, p: RefreshPeriod, slices: readonly CountySlice[]): Promise<void> {
  for (const slice of slices) await stage(db, key, p.period, unpivot(elderColumns(p), activeElders(p, slice)));
}

async function stageAssessments(db: Db, key: string, p: RefreshPeriod, slices: readonly CountySlice[]): Promise<void> {
  for (const slice of slices)
    await stage(
      db,
      key,
      p.period,
      sql`SELECT e.residence_region_code, 'level.' || a.final_level, count(*)
          FROM (SELECT DISTINCT ON (county_code, elder_id) county_code, elder_id, final_level FROM assessments
                WHERE state IN ('approved', 'superseded') AND approved_at < ${p.nextMonth}::date
                  AND valid_until >= ${p.asOf}::date AND ${sliceOf(slice, sql`county_code`)}
                ORDER BY county_code, elder_id, approved_at DESC) AS a
          JOIN (${activeElders(p, slice)}) AS e ON e.county_code = a.county_code AND e.id = a.elder_id
          GROUP BY 1, 2`,
    );
  await stage(
    db,
    key,
    p.period,
    sql`SELECT e.residence_region_code, ${MEASURE.assessmentsApprovedInMonth}, count(*)
        FROM assessments AS a JOIN elders AS e ON e.county_code = a.county_code AND e.id = a.elder_id
        WHERE a.approved_at >= ${p.monthStart}::date AND a.approved_at < ${p.nextMonth}::date
        GROUP BY 1`,
  );
}

/** Work waiting past its time: open applications, overdue assessment tasks, open entitlement reviews. */
async function stageAlerts(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  await stage(
    db,
    key,
    p.period,
    sql`SELECT region_code, ${MEASURE.applicationsPending}, count(*) FROM applications
        WHERE state IN ('submitted', 'streetPassed') GROUP BY 1`,
  );
  await stage(
    db,
    key,
    p.period,
    sql`SELECT e.residence_region_code, ${MEASURE.assessmentsOverdue}, count(*)
        FROM assessments AS a JOIN elders AS e ON e.county_code = a.county_code AND e.id = a.elder_id
        WHERE a.state IN ('draft', 'submitted', 'returned') AND a.due_date < ${p.asOf}::date GROUP BY 1`,
  );
  await stage(
    db,
    key,
    p.period,
    sql`SELECT t.region_code, ${MEASURE.entitlementReviewsOpen}, count(*)
        FROM entitlement_reviews AS r JOIN entitlements AS t ON t.county_code = r.county_code AND t.id = r.entitlement_id
        WHERE r.state = 'open' GROUP BY 1`,
  );
}

async function stageEntitlements(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const active = sql`start_date <= ${p.asOf}::date AND (end_date IS NULL OR end_date > ${p.asOf}::date)`;
  // a home care bed is an elder with any of the bed programmes (the bed, its setup grant, its care subsidy)
  const bed = sql`programme IN ('homeCareBed', 'homeCareBedSetupGrant', 'homeCareBedCareSubsidy')`;
  const columns: [string, SQL][] = [
    [MEASURE.entitlementsActive, sql`count(*) FILTER (WHERE ${active})`],
    [MEASURE.homeCareBedsCumulative, sql`count(DISTINCT elder_id) FILTER (WHERE ${bed})`],
    [MEASURE.homeCareBedsActive, sql`count(DISTINCT elder_id) FILTER (WHERE ${bed} AND ${active})`],
  ];
  const base = sql`SELECT region_code AS r, * FROM entitlements WHERE start_date <= ${p.asOf}::date`;
  await stage(db, key, p.period, unpivot(columns, base));
}

async function stageLedger(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const yearStart = `${p.period.slice(0, 4)}-01`;
  const columns: [string, SQL][] = [
    [MEASURE.paidInMonthFen, sql`coalesce(sum(amount_fen) FILTER (WHERE period = ${p.period}), 0)`],
    [MEASURE.paidYearToDateFen, sql`coalesce(sum(amount_fen), 0)`],
  ];
  const base = sql`SELECT region_code AS r, * FROM ledger_entries WHERE period >= ${yearStart} AND period <= ${p.period}`;
  await stage(db, key, p.period, unpivot(columns, base));
}

async function stageWorkers(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const certified = sql`EXISTS (SELECT 1 FROM worker_certificates AS c WHERE c.county_code = w.county_code
    AND c.worker_id = w.id AND c.issued_on <= ${p.asOf}::date AND (c.expires_on IS NULL OR c.expires_on >= ${p.asOf}::date))`;
  const columns: [string, SQL][] = [
    [MEASURE.socialWorkers, sql`count(*) FILTER (WHERE staff_role = 'socialWorker')`],
    [MEASURE.certifiedSocialWorkers, sql`count(*) FILTER (WHERE staff_role = 'socialWorker' AND certified)`],
    [MEASURE.institutionSocialWorkers, sql`count(*) FILTER (WHERE staff_role = 'socialWorker' AND institution)`],
    [MEASURE.certifiedCaregivers, sql`count(*) FILTER (WHERE staff_role = 'caregiver' AND certified)`],
  ];
  const base = sql`SELECT w.region_code AS r, w.staff_role, ${certified} AS certified, o.kind = 'institution' AS institution
    FROM workers AS w LEFT JOIN organisations AS o ON o.id = w.organisation_id
    WHERE w.employed_from <= ${p.asOf}::date AND (w.employed_to IS NULL OR w.employed_to >= ${p.asOf}::date)`;
  await stage(db, key, p.period, unpivot(columns, base));
}

async function stageTraining(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const yearStart = `${p.period.slice(0, 4)}-01`;
  const columns: [string, SQL][] = [
    [MEASURE.careStaffTrainedInYear, sql`count(DISTINCT worker_id)`],
    [MEASURE.trainingAttendanceInYear, sql`count(*)`],
  ];
  const base = sql`SELECT w.region_code AS r, a.worker_id FROM worker_attendance AS a
    JOIN workers AS w ON w.county_code = a.county_code AND w.id = a.worker_id
    WHERE a.continuing_education AND a.period >= ${yearStart} AND a.period <= ${p.period}
      AND w.staff_role IN ('caregiver', 'nurse')`;
  await stage(db, key, p.period, unpivot(columns, base));
}

/** Streets and communities (each counts itself), with officers and, when sites exist, centres and meals. */
async function stageRegionCounts(db: Db, key: string, p: RefreshPeriod, sites: boolean): Promise<void> {
  const employed = sql`employed_from <= ${p.asOf}::date AND (employed_to IS NULL OR employed_to >= ${p.asOf}::date)`;
  const officers = sql`(SELECT count(*) FROM workers AS w WHERE w.region_code = g.code
    AND w.staff_role = 'elderCareOfficer' AND ${employed})`;
  const open = sql`s.status = 'open' AND (s.opened_on IS NULL OR s.opened_on <= ${p.asOf}::date)`;
  const siteIn = (kinds: readonly string[]) =>
    sites
      ? sql`EXISTS (SELECT 1 FROM service_sites AS s WHERE s.region_code LIKE g.code || '%'
          AND s.kind = ANY (${sql.param([...kinds])}::text[]) AND ${open})`
      : sql`false`;
  const columns: [string, SQL][] = [
    [MEASURE.streetsAndCommunities, sql`count(*)`],
    [MEASURE.streets, sql`count(*) FILTER (WHERE level = 'street')`],
    [MEASURE.communities, sql`count(*) FILTER (WHERE level = 'community')`],
    [MEASURE.streetsWithSite('streetCentre'), sql`count(*) FILTER (WHERE level = 'street' AND street_centre)`],
    [MEASURE.streetsWithSite('regionalCentre'), sql`count(*) FILTER (WHERE level = 'street' AND regional_centre)`],
    [MEASURE.communitiesWithMeals, sql`count(*) FILTER (WHERE level = 'community' AND meals)`],
    ...COUNTED_OFFICER_MINIMUMS.map(
      (min) =>
        [MEASURE.streetsAndCommunitiesWithOfficers(min), sql`count(*) FILTER (WHERE officers >= ${min})`] as [
          string,
          SQL,
        ],
    ),
  ];
  const base = sql`SELECT g.code AS r, g.level, ${officers} AS officers, ${siteIn(['streetCentre'])} AS street_centre,
      ${siteIn(['regionalCentre'])} AS regional_centre, ${siteIn(['canteen', 'mealPoint'])} AS meals
    FROM regions AS g WHERE g.level IN ('street', 'community')`;
  await stage(db, key, p.period, unpivot(columns, base));
}

async function stageSites(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  await stage(
    db,
    key,
    p.period,
    sql`SELECT region_code, 'sites.' || kind, count(*) FROM service_sites
        WHERE status = 'open' AND (opened_on IS NULL OR opened_on <= ${p.asOf}::date) GROUP BY 1, 2`,
  );
}

async function stageCoverage(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const columns: [string, SQL][] = [
    [MEASURE.coverageLocated, sql`sum(located)`],
    [MEASURE.coverageCovered, sql`sum(covered)`],
  ];
  await stage(db, key, p.period, unpivot(columns, sql`SELECT community_code AS r, * FROM coverage_rollups`));
}

/** Aggregates every source present into the staging table for one month (set-based SQL only). */
export async function stagePeriod(db: Db, key: string, p: RefreshPeriod, sources: ReadonlySet<RecordSource>) {
  const has = (source: RecordSource) => sources.has(source);
  const slices = await countySlices(db);
  if (has('elders')) await stageElders(db, key, p, slices);
  if (has('assessments') && has('elders')) await stageAssessments(db, key, p, slices);
  if (has('entitlements')) await stageEntitlements(db, key, p);
  if (p.asOf === p.today && has('elders')) await stageAlerts(db, key, p);
  if (has('ledger')) await stageLedger(db, key, p);
  if (has('workers')) await stageWorkers(db, key, p);
  if (has('attendance')) await stageTraining(db, key, p);
  await stageRegionCounts(db, key, p, has('serviceSites'));
  if (has('serviceSites')) await stageSites(db, key, p);
  if (has('coverage')) await stageCoverage(db, key, p);
  if (has('homeCareVisits')) await stageVisits(db, key, p);
}

/** Completed home-care visits checked out in the month and their minutes, by the elder's community. */
async function stageVisits(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const columns: [string, SQL][] = [
    [MEASURE.visitsInMonth, sql`count(*)`],
    [MEASURE.visitMinutesInMonth, sql`coalesce(sum(minutes), 0)`],
  ];
  const base = sql`SELECT e.residence_region_code AS r,
      round(extract(epoch FROM v.check_out_at - v.check_in_at) / 60)::bigint AS minutes
    FROM hc_visits AS v JOIN elders AS e ON e.county_code = v.county_code AND e.id = v.elder_id
    WHERE v.status = 'completed' AND (v.check_out_at AT TIME ZONE 'Asia/Shanghai') >= ${p.monthStart}::timestamp
      AND (v.check_out_at AT TIME ZONE 'Asia/Shanghai') < ${p.nextMonth}::timestamp`;
  await stage(db, key, p.period, unpivot(columns, base));
}

/** Replaces the periods' rollups by the staged rows in one short transaction; returns the row count. */
export async function publish(
  db: Db,
  key: string,
  periods: readonly string[],
  log: { startedAt: Date; finishedAt: Date; sources: readonly string[]; trigger: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM indicator_rollups WHERE period = ANY (${sql.param([...periods])}::text[])`);
    const inserted = await rows<{ n: number }>(
      tx,
      sql`WITH moved AS (
            INSERT INTO indicator_rollups (county_code, region_code, period, measure, amount, refreshed_at)
            SELECT county_code, region_code, period, measure, amount, ${log.finishedAt.toISOString()}::timestamptz
            FROM indicator_rollup_staging WHERE refresh_key = ${key} RETURNING 1)
          SELECT count(*)::int AS n FROM moved`,
    );
    await tx.execute(
      sql`DELETE FROM indicator_region_measures WHERE period = ANY (${sql.param([...periods])}::text[])`,
    );
    await tx.execute(sql`INSERT INTO indicator_region_measures (county_code, region_code, period, measures, refreshed_at)
      SELECT county_code, region_code, period, jsonb_object_agg(measure, amount), ${log.finishedAt.toISOString()}::timestamptz
      FROM indicator_rollup_staging WHERE refresh_key = ${key} GROUP BY county_code, region_code, period`);
    await tx.execute(sql`DELETE FROM indicator_rollup_staging WHERE refresh_key = ${key}`);
    const count = inserted[0]?.n ?? 0;
    await tx.execute(sql`INSERT INTO indicator_refreshes (started_at, finished_at, periods, sources, row_count, trigger)
      VALUES (${log.startedAt.toISOString()}::timestamptz, ${log.finishedAt.toISOString()}::timestamptz,
              ${sql.param([...periods])}::text[], ${sql.param([...log.sources])}::text[], ${count}, ${log.trigger})`);
    return count;
  });
}

export async function discardStaging(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM indicator_rollup_staging WHERE refresh_key = ${key}`);
}

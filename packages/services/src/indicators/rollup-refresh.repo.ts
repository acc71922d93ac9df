import { sql, type SQL } from 'drizzle-orm';
import { ELDER_CATEGORIES } from '@kangyang/domain/eligibility';
import { AGE_BAND_LIMITS, COUNTED_MIN_AGES, COUNTED_OFFICER_MINIMUMS, MEASURE } from '@kangyang/domain/indicators';
import type { RecordSource } from '@kangyang/domain/indicators';
import { birthDateForAge, type IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import { elderChunks, inChunk, stage, stagePerCounty, unpivot, type ElderChunk } from './rollup-stage.repo.ts';
import { stageFacilities } from './facility-rollup.repo.ts';

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
  facilities: 'facility_attribute_versions',
  designations: 'facility_designations',
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

const born = (age: number, asOf: IsoDate): string => birthDateForAge(age, asOf);

const activeElders = (p: RefreshPeriod, chunk: ElderChunk): SQL =>
  sql`SELECT residence_region_code AS r, * FROM elders
      WHERE birth_date <= ${born(60, p.asOf)}::date AND (status = 'active' OR status_date > ${p.asOf}::date)
        AND ${inChunk(chunk, sql`residence_region_code`)}`;

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

/** One statement per chunk of elders (a few communities), so that requests interleave (PGlite has one connection). */
async function stageElders(db: Db, key: string, p: RefreshPeriod, chunks: readonly ElderChunk[]): Promise<void> {
  for (const chunk of chunks) await stage(db, key, p.period, unpivot(elderColumns(p), activeElders(p, chunk)));
}

async function stageAssessments(db: Db, key: string, p: RefreshPeriod, chunks: readonly ElderChunk[]): Promise<void> {
  for (const chunk of chunks)
    await stage(
      db,
      key,
      p.period,
      sql`SELECT e.r, 'level.' || a.final_level, count(*)
          FROM (${activeElders(p, chunk)}) AS e
          CROSS JOIN LATERAL (SELECT final_level FROM assessments
                WHERE county_code = e.county_code AND elder_id = e.id AND state IN ('approved', 'superseded')
                  AND approved_at < ${p.nextMonth}::date AND valid_until >= ${p.asOf}::date
                ORDER BY approved_at DESC LIMIT 1) AS a
          GROUP BY 1, 2`,
    );
  await stagePerCounty(
    db,
    key,
    p.period,
    'assessments',
    (county) => sql`SELECT e.residence_region_code, ${MEASURE.assessmentsApprovedInMonth}, count(*)
      FROM assessments AS a JOIN elders AS e ON e.county_code = a.county_code AND e.id = a.elder_id
      WHERE a.county_code = ${county} AND a.approved_at >= ${p.monthStart}::date AND a.approved_at < ${p.nextMonth}::date
      GROUP BY 1`,
  );
}

/** Work waiting past its time: open applications, overdue assessment tasks, open entitlement reviews. */
async function stageAlerts(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  await stagePerCounty(
    db,
    key,
    p.period,
    'applications',
    (county) => sql`SELECT region_code, ${MEASURE.applicationsPending}, count(*) FROM applications
      WHERE county_code = ${county} AND state IN ('submitted', 'streetPassed') GROUP BY 1`,
  );
  await stagePerCounty(
    db,
    key,
    p.period,
    'assessments',
    (county) => sql`SELECT e.residence_region_code, ${MEASURE.assessmentsOverdue}, count(*)
      FROM assessments AS a JOIN elders AS e ON e.county_code = a.county_code AND e.id = a.elder_id
      WHERE a.county_code = ${county} AND a.state IN ('draft', 'submitted', 'returned')
        AND a.due_date < ${p.asOf}::date GROUP BY 1`,
  );
  await stagePerCounty(
    db,
    key,
    p.period,
    'entitlement_reviews',
    (county) => sql`SELECT t.region_code, ${MEASURE.entitlementReviewsOpen}, count(*)
      FROM entitlement_reviews AS r JOIN entitlements AS t ON t.county_code = r.county_code AND t.id = r.entitlement_id
      WHERE r.county_code = ${county} AND r.state = 'open' GROUP BY 1`,
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
  const base = (county: string) =>
    sql`SELECT region_code AS r, * FROM entitlements WHERE county_code = ${county} AND start_date <= ${p.asOf}::date`;
  await stagePerCounty(db, key, p.period, 'entitlements', (county) => unpivot(columns, base(county)));
}

async function stageLedger(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const yearStart = `${p.period.slice(0, 4)}-01`;
  const columns: [string, SQL][] = [
    [MEASURE.paidInMonthFen, sql`coalesce(sum(amount_fen) FILTER (WHERE period = ${p.period}), 0)`],
    [MEASURE.paidYearToDateFen, sql`coalesce(sum(amount_fen), 0)`],
  ];
  const base = (county: string) => sql`SELECT region_code AS r, * FROM ledger_entries
    WHERE county_code = ${county} AND period >= ${yearStart} AND period <= ${p.period}`;
  await stagePerCounty(db, key, p.period, 'ledger_entries', (county) => unpivot(columns, base(county)));
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
  const base = (county: string) => sql`SELECT w.region_code AS r, w.staff_role, ${certified} AS certified,
      o.kind = 'institution' AS institution
    FROM workers AS w LEFT JOIN organisations AS o ON o.id = w.organisation_id
    WHERE w.county_code = ${county} AND w.employed_from <= ${p.asOf}::date
      AND (w.employed_to IS NULL OR w.employed_to >= ${p.asOf}::date)`;
  await stagePerCounty(db, key, p.period, 'workers', (county) => unpivot(columns, base(county)));
}

async function stageTraining(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const yearStart = `${p.period.slice(0, 4)}-01`;
  const columns: [string, SQL][] = [
    [MEASURE.careStaffTrainedInYear, sql`count(DISTINCT worker_id)`],
    [MEASURE.trainingAttendanceInYear, sql`count(*)`],
  ];
  const base = (county: string) => sql`SELECT w.region_code AS r, a.worker_id FROM worker_attendance AS a
    JOIN workers AS w ON w.county_code = a.county_code AND w.id = a.worker_id
    WHERE a.county_code = ${county} AND a.continuing_education AND a.period >= ${yearStart}
      AND a.period <= ${p.period} AND w.staff_role IN ('caregiver', 'nurse')`;
  await stagePerCounty(db, key, p.period, 'worker_attendance', (county) => unpivot(columns, base(county)));
}

/**
 * Each street and community with its officers employed on the as-of day and whether an open site of
 * each kind lies in it: set-based (one pass over workers and sites, joined by code), not a subquery
 * per region.
 */
function regionFacts(p: RefreshPeriod, sites: boolean, county: string): SQL {
  const employed = sql`employed_from <= ${p.asOf}::date AND (employed_to IS NULL OR employed_to >= ${p.asOf}::date)`;
  const open = sql`status = 'open' AND (opened_on IS NULL OR opened_on <= ${p.asOf}::date)`;
  const siteKinds = sites
    ? sql`SELECT left(region_code, n) AS code, bool_or(kind = 'streetCentre') AS street_centre,
          bool_or(kind = 'regionalCentre') AS regional_centre, bool_or(kind IN ('canteen', 'mealPoint')) AS meals
        FROM service_sites CROSS JOIN unnest(ARRAY[9, 12]) AS n
        WHERE left(region_code, 6) = ${county} AND length(region_code) >= n AND ${open} GROUP BY 1`
    : sql`SELECT NULL::text AS code, false AS street_centre, false AS regional_centre, false AS meals WHERE false`;
  return sql`SELECT g.code AS r, g.level, coalesce(o.officers, 0) AS officers,
      coalesce(k.street_centre, false) AS street_centre, coalesce(k.regional_centre, false) AS regional_centre,
      coalesce(k.meals, false) AS meals
    FROM regions AS g
    LEFT JOIN (SELECT region_code, count(*) AS officers FROM workers
               WHERE left(region_code, 6) = ${county} AND staff_role = 'elderCareOfficer' AND ${employed} GROUP BY 1) AS o
      ON o.region_code = g.code
    LEFT JOIN (${siteKinds}) AS k ON k.code = g.code
    WHERE g.level IN ('street', 'community') AND left(g.code, 6) = ${county}`;
}

/** Streets and communities (each counts itself), with officers and, when sites exist, centres and meals. */
async function stageRegionCounts(db: Db, key: string, p: RefreshPeriod, sites: boolean): Promise<void> {
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
  const counties = await rows<{ c: string }>(
    db,
    sql`SELECT DISTINCT left(code, 6) AS c FROM regions WHERE level IN ('street', 'community')`,
  );
  for (const { c } of counties) await stage(db, key, p.period, unpivot(columns, regionFacts(p, sites, c)));
}

async function stageSites(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  await stagePerCounty(
    db,
    key,
    p.period,
    'service_sites',
    (county) => sql`SELECT region_code, 'sites.' || kind, count(*) FROM service_sites
      WHERE county_code = ${county} AND status = 'open' AND (opened_on IS NULL OR opened_on <= ${p.asOf}::date)
      GROUP BY 1, 2`,
  );
}

async function stageCoverage(db: Db, key: string, p: RefreshPeriod): Promise<void> {
  const columns: [string, SQL][] = [
    [MEASURE.coverageLocated, sql`sum(located)`],
    [MEASURE.coverageCovered, sql`sum(covered)`],
  ];
  await stagePerCounty(db, key, p.period, 'coverage_rollups', (county) =>
    unpivot(columns, sql`SELECT community_code AS r, * FROM coverage_rollups WHERE county_code = ${county}`),
  );
}

/**
 * Aggregates every source present into the staging table for one month (set-based SQL only), one
 * short statement per county or per chunk of a county's elders (`chunks`: computed once per refresh).
 */
export async function stagePeriod(
  db: Db,
  key: string,
  p: RefreshPeriod,
  sources: ReadonlySet<RecordSource>,
  chunks?: readonly ElderChunk[],
) {
  const has = (source: RecordSource) => sources.has(source);
  const elders = chunks ?? (has('elders') ? await elderChunks(db) : []);
  if (has('elders')) await stageElders(db, key, p, elders);
  if (has('assessments') && has('elders')) await stageAssessments(db, key, p, elders);
  if (has('entitlements')) await stageEntitlements(db, key, p);
  if (p.asOf === p.today && has('elders')) await stageAlerts(db, key, p);
  if (has('ledger')) await stageLedger(db, key, p);
  if (has('workers')) await stageWorkers(db, key, p);
  if (has('attendance')) await stageTraining(db, key, p);
  await stageRegionCounts(db, key, p, has('serviceSites'));
  if (has('serviceSites')) await stageSites(db, key, p);
  if (has('coverage')) await stageCoverage(db, key, p);
  if (has('homeCareVisits') && has('elders')) await stageVisits(db, key, p, elders);
  await stageFacilities(db, key, p, sources, stage);
}

/** Completed home-care visits checked out in the month and their minutes, by the elder's community. */
async function stageVisits(db: Db, key: string, p: RefreshPeriod, chunks: readonly ElderChunk[]): Promise<void> {
  const columns: [string, SQL][] = [
    [MEASURE.visitsInMonth, sql`count(*)`],
    [MEASURE.visitMinutesInMonth, sql`coalesce(sum(minutes), 0)`],
  ];
  const base = (chunk: ElderChunk) => sql`SELECT e.residence_region_code AS r,
      round(extract(epoch FROM v.check_out_at - v.check_in_at) / 60)::bigint AS minutes
    FROM hc_visits AS v JOIN elders AS e ON e.county_code = v.county_code AND e.id = v.elder_id
    WHERE ${inChunk(chunk, sql`e.residence_region_code`)} AND v.status = 'completed'
      AND (v.check_out_at AT TIME ZONE 'Asia/Shanghai') >= ${p.monthStart}::timestamp
      AND (v.check_out_at AT TIME ZONE 'Asia/Shanghai') < ${p.nextMonth}::timestamp`;
  for (const chunk of chunks) await stage(db, key, p.period, unpivot(columns, base(chunk)));
}

import { sql, type SQL } from 'drizzle-orm';
import type { RecordQuery, RecordSet } from '@kangyang/domain/indicators';
import type { IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';

/**
 * KPI-3: the rows behind an indicator, the same set the rollup refresh counts (rollup-refresh.repo.ts):
 * each query mirrors its stage's filters. Region and scope are applied in the SQL `WHERE`.
 */
export type RecordsFilter = {
  /** The region whose number is drilled into (prefix). */
  region: string;
  /** Prefixes the caller may list; `''` is everything. */
  scopes: readonly string[];
  set: RecordSet;
  asOf: IsoDate;
  /** YYYY-MM of asOf. */
  period: string;
  params: { minOfficers: number; siteKind: string };
  limit: number;
  offset: number;
};

export type RecordRow = {
  id: string;
  regionCode: string;
  regionName: string | null;
  values: Record<string, string | number | null>;
};

type Base = { sql: SQL };

/** `column` lies in the drilled region and in one of the caller's scopes. */
const inRegion = (column: SQL, f: RecordsFilter): SQL =>
  sql`${column} LIKE ${`${f.region}%`} AND ${column} LIKE ANY (${sql.param(f.scopes.map((scope) => `${scope}%`))}::text[])`;

const BED_PROGRAMMES = ['homeCareBed', 'homeCareBedSetupGrant', 'homeCareBedCareSubsidy'];

/** stageEntitlements: distinct elders with a bed programme started by asOf, per entitlement region. */
const homeCareBeds = (f: RecordsFilter): Base => ({
  sql: sql`SELECT t.elder_id::text AS id, t.region_code, true AS counted, max(e.name) AS sort_key,
      jsonb_build_object('name', max(e.name), 'birthDate', max(e.birth_date)::text, 'startDate', min(t.start_date)::text) AS extra
    FROM entitlements AS t LEFT JOIN elders AS e ON e.county_code = t.county_code AND e.id = t.elder_id
    WHERE t.programme = ANY (${sql.param(BED_PROGRAMMES)}::text[]) AND t.start_date <= ${f.asOf}::date
      AND ${inRegion(sql`t.region_code`, f)}
    GROUP BY t.region_code, t.elder_id`,
});

/** coverage_uncovered: the located elders outside every 15-minute circle (located − covered). */
const uncoveredElders = (f: RecordsFilter): Base => ({
  sql: sql`SELECT u.elder_id::text AS id, u.community_code AS region_code, false AS counted,
      lpad(coalesce(u.nearest_metres, 999999)::text, 8, '0') AS sort_key,
      jsonb_build_object('name', e.name, 'birthDate', e.birth_date::text, 'nearestMetres', u.nearest_metres) AS extra
    FROM coverage_uncovered AS u JOIN elders AS e ON e.county_code = u.county_code AND e.id = u.elder_id
    WHERE ${inRegion(sql`u.community_code`, f)}`,
});

const employed = (f: RecordsFilter) =>
  sql`w.employed_from <= ${f.asOf}::date AND (w.employed_to IS NULL OR w.employed_to >= ${f.asOf}::date)`;

/** stageWorkers: caregivers employed on asOf holding a certificate valid on asOf. */
const certifiedCaregivers = (f: RecordsFilter): Base => ({
  sql: sql`SELECT w.id::text AS id, w.region_code, true AS counted, w.name AS sort_key,
      jsonb_build_object('name', w.name, 'organisation', o.name, 'skillLevel', c.skill_level, 'expiresOn', c.expires_on::text) AS extra
    FROM workers AS w LEFT JOIN organisations AS o ON o.id = w.organisation_id
    CROSS JOIN LATERAL (SELECT skill_level, expires_on FROM worker_certificates AS c
      WHERE c.county_code = w.county_code AND c.worker_id = w.id AND c.issued_on <= ${f.asOf}::date
        AND (c.expires_on IS NULL OR c.expires_on >= ${f.asOf}::date)
      ORDER BY c.issued_on DESC LIMIT 1) AS c
    WHERE w.staff_role = 'caregiver' AND ${employed(f)} AND ${inRegion(sql`w.region_code`, f)}`,
});

/** stageTraining: caregivers and nurses with continuing education attended this year up to the period. */
const trainedCareStaff = (f: RecordsFilter): Base => ({
  sql: sql`SELECT w.id::text AS id, w.region_code, true AS counted, w.name AS sort_key,
      jsonb_build_object('name', w.name, 'organisation', max(o.name), 'staffRole', w.staff_role, 'sessions', count(*)) AS extra
    FROM worker_attendance AS a JOIN workers AS w ON w.county_code = a.county_code AND w.id = a.worker_id
    LEFT JOIN organisations AS o ON o.id = w.organisation_id
    WHERE a.continuing_education AND a.period >= ${`${f.period.slice(0, 4)}-01`} AND a.period <= ${f.period}
      AND w.staff_role IN ('caregiver', 'nurse') AND ${inRegion(sql`w.region_code`, f)}
    GROUP BY w.county_code, w.id, w.region_code, w.name, w.staff_role`,
});

const openSitesIn = (f: RecordsFilter, kinds: readonly string[]) =>
  sql`(SELECT count(*)::int FROM service_sites AS s WHERE s.region_code LIKE g.code || '%'
      AND s.kind = ANY (${sql.param([...kinds])}::text[]) AND s.status = 'open'
      AND (s.opened_on IS NULL OR s.opened_on <= ${f.asOf}::date))`;

/** stageRegionCounts: regions of a level, counted when they hold an open site of the kinds. */
const regionsWithSites = (f: RecordsFilter, level: 'street' | 'community', kinds: readonly string[]): Base => ({
  sql: sql`SELECT g.code AS id, g.code AS region_code, ${openSitesIn(f, kinds)} > 0 AS counted, g.code AS sort_key,
      jsonb_build_object('name', g.name, 'sites', ${openSitesIn(f, kinds)}) AS extra
    FROM regions AS g WHERE g.level = ${level} AND ${inRegion(sql`g.code`, f)}`,
});

/** stageRegionCounts: streets and communities, counted with at least `minOfficers` elder-care officers. */
const regionsWithOfficers = (f: RecordsFilter): Base => {
  const officers = sql`(SELECT count(*)::int FROM workers AS w WHERE w.region_code = g.code
    AND w.staff_role = 'elderCareOfficer' AND ${employed(f)})`;
  return {
    sql: sql`SELECT g.code AS id, g.code AS region_code, ${officers} >= ${f.params.minOfficers} AS counted,
        g.code AS sort_key, jsonb_build_object('name', g.name, 'officers', ${officers}) AS extra
      FROM regions AS g WHERE g.level IN ('street', 'community') AND ${inRegion(sql`g.code`, f)}`,
  };
};

/** stageSites: open canteens opened by asOf. */
const canteens = (f: RecordsFilter): Base => ({
  sql: sql`SELECT s.id::text AS id, s.region_code, true AS counted, s.name AS sort_key,
      jsonb_build_object('name', s.name, 'address', s.address, 'mealCapacity', s.meal_capacity,
        'openedOn', s.opened_on::text) AS extra
    FROM service_sites AS s WHERE s.kind = 'canteen' AND s.status = 'open'
      AND (s.opened_on IS NULL OR s.opened_on <= ${f.asOf}::date) AND ${inRegion(sql`s.region_code`, f)}`,
});

const QUERIES: Readonly<Record<RecordQuery, (f: RecordsFilter) => Base>> = {
  homeCareBeds,
  uncoveredElders,
  certifiedCaregivers,
  trainedCareStaff,
  streetsWithSite: (f) => regionsWithSites(f, 'street', [f.params.siteKind]),
  communitiesWithMeals: (f) => regionsWithSites(f, 'community', ['canteen', 'mealPoint']),
  regionsWithOfficers,
  canteens,
};

type Raw = { id: string; region_code: string; region_name: string | null; extra: Record<string, unknown> | string };

/** One page of an indicator's records and the size of the whole set. */
export async function recordsPage(
  db: Db,
  query: RecordQuery,
  f: RecordsFilter,
): Promise<{ items: RecordRow[]; total: number }> {
  const base = QUERIES[query](f).sql;
  const wanted = sql`b.counted = ${f.set === 'counted'}`;
  const [count] = await rows<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM (${base}) AS b WHERE ${wanted}`,
  );
  const found = await rows<Raw>(
    db,
    sql`SELECT b.id, b.region_code, rg.name AS region_name, b.extra
      FROM (${base}) AS b LEFT JOIN regions AS rg ON rg.code = b.region_code
      WHERE ${wanted} ORDER BY b.sort_key, b.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const items = found.map((row) => ({
    id: row.id,
    regionCode: row.region_code,
    regionName: row.region_name,
    values: (typeof row.extra === 'string' ? JSON.parse(row.extra) : row.extra) as RecordRow['values'],
  }));
  return { items, total: count?.total ?? 0 };
}

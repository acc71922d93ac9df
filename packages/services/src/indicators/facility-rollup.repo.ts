import { sql, type SQL } from 'drizzle-orm';
import { PUBLIC_OWNERSHIPS } from '@kangyang/domain/facilities';
import { MEASURE, type RecordSource } from '@kangyang/domain/indicators';
import type { Db } from '../db/database.ts';
import type { RefreshPeriod } from './rollup-refresh.repo.ts';

/** The refresh's staging insert (rollup-refresh.repo.ts `stage`): leaf (r, measure, amount) rows to every level. */
export type Stager = (db: Db, key: string, period: string, leaf: SQL) => Promise<void>;

const openOn = (p: RefreshPeriod): SQL =>
  sql`s.status = 'open' AND (s.opened_on IS NULL OR s.opened_on <= ${p.asOf}::date)`;

/** Each site's attribute version in force at the month's end (China time), joined to its open site. */
const attributesInForce = (p: RefreshPeriod): SQL => sql`
  SELECT s.region_code, s.kind, a.beds_total, a.nursing_beds, a.occupied_beds, a.ownership, a.meal_delivery_vehicles
  FROM (SELECT DISTINCT ON (county_code, site_id) * FROM facility_attribute_versions
        WHERE changed_at < (${p.nextMonth}::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY county_code, site_id, version DESC) AS a
  JOIN service_sites AS s ON s.county_code = a.county_code AND s.id = a.site_id
  WHERE ${openOn(p)}`;

/** Beds of institutions (all, nursing-type, occupied; public ones apart) and meal-delivery vehicles of all sites. */
async function stageAttributes(db: Db, key: string, p: RefreshPeriod, stage: Stager): Promise<void> {
  const institution = sql`f.kind = 'institution'`;
  const isPublic = sql`f.ownership = ANY (${sql.param([...PUBLIC_OWNERSHIPS])}::text[])`;
  const beds = (column: SQL, filter: SQL) => sql`CASE WHEN ${filter} THEN coalesce(${column}, 0) ELSE 0 END`;
  await stage(
    db,
    key,
    p.period,
    sql`SELECT f.region_code, m.measure, m.amount FROM (${attributesInForce(p)}) AS f
      CROSS JOIN LATERAL (VALUES
        (${MEASURE.institutionBeds}, ${beds(sql`f.beds_total`, institution)}),
        (${MEASURE.nursingBeds}, ${beds(sql`f.nursing_beds`, institution)}),
        (${MEASURE.occupiedBeds}, ${beds(sql`f.occupied_beds`, institution)}),
        (${MEASURE.publicInstitutionBeds}, ${beds(sql`f.beds_total`, sql`${institution} AND ${isPublic}`)}),
        (${MEASURE.publicOccupiedBeds}, ${beds(sql`f.occupied_beds`, sql`${institution} AND ${isPublic}`)}),
        (${MEASURE.mealDeliveryVehicles}, coalesce(f.meal_delivery_vehicles, 0))
      ) AS m (measure, amount)`,
  );
}

/** Sites (open) and communities with each designation in force on the as-of day, where they stand. */
async function stageDesignations(db: Db, key: string, p: RefreshPeriod, stage: Stager): Promise<void> {
  await stage(
    db,
    key,
    p.period,
    sql`SELECT coalesce(s.region_code, d.region_code), 'designated.' || d.designation,
          count(DISTINCT coalesce(d.site_id::text, d.region_code))
        FROM facility_designations AS d
        LEFT JOIN service_sites AS s ON s.county_code = d.county_code AND s.id = d.site_id
        WHERE d.designated_on <= ${p.asOf}::date
          AND NOT EXISTS (SELECT 1 FROM facility_designation_revocations AS x WHERE x.county_code = d.county_code
            AND x.designation_id = d.id AND x.revoked_on <= ${p.asOf}::date)
          AND (d.site_id IS NULL OR (${openOn(p)}))
        GROUP BY 1, 2`,
  );
}

/** Migration 0031's records, staged like every other source when present (KPI-4 declared indicators, KPI-6 beds). */
export async function stageFacilities(
  db: Db,
  key: string,
  p: RefreshPeriod,
  sources: ReadonlySet<RecordSource>,
  stage: Stager,
): Promise<void> {
  if (sources.has('facilities')) await stageAttributes(db, key, p, stage);
  if (sources.has('designations')) await stageDesignations(db, key, p, stage);
}

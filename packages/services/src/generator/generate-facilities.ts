import { sql } from 'drizzle-orm';
import type { IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import type { Services } from '../services.ts';
import { createRng, type Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';

/** Stream of generated designation ids (seeded-id.ts), apart from sites' and elders' streams. */
const DESIGNATION_STREAM = 0x6661;
const SYSTEM_USER = '00000000-0000-7000-8000-000000000000';
const BY = '演示数据（民政局认定）';
const BATCH = 1000;

type Site = { countyCode: string; id: string; regionCode: string; kind: string; offersDelivery: boolean };
type Attributes = [Site, { total: number; nursing: number; occupied: number; ownership: string } | null, number | null];
type Designation = { countyCode: string; siteId: string | null; regionCode: string; designation: string; on: string };

const CENTRES = new Set(['communityCentre', 'dayCareCentre', 'streetCentre', 'regionalCentre']);
const OWNERSHIP: readonly (readonly [string, number])[] = [
  ['public', 40],
  ['publicPrivate', 25],
  ['private', 35],
];

/** Beds of an institution: 60–300 in tens, 45–75 % nursing-type, 55–90 % occupied. */
function bedsOf(rng: Rng) {
  const total = rng.int(6, 30) * 10;
  return {
    total,
    nursing: Math.round((total * rng.int(45, 75)) / 100),
    occupied: Math.round((total * rng.int(55, 90)) / 100),
    ownership: rng.weighted(OWNERSHIP),
  };
}

const dayIn = (rng: Rng, asOf: IsoDate): string =>
  `${Number(asOf.slice(0, 4)) - rng.int(0, 3)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
const clampDay = (day: string, asOf: IsoDate): string => (day > asOf ? asOf : day);

/** `nth`: the site's rank among its county's institutions (the first two always hold a designation). */
function siteDesignations(rng: Rng, site: Site, asOf: IsoDate, firstCentre: boolean, nth: number): Designation[] {
  const out: Designation[] = [];
  const add = (designation: string) =>
    out.push({ ...site, siteId: site.id, designation, on: clampDay(dayIn(rng, asOf), asOf) });
  if (site.kind === 'institution' && (nth === 0 || rng.chance(0.3))) add('smartCareHome');
  if (site.kind === 'institution' && (nth === 1 || rng.chance(0.15))) add('medicalCareDemoInstitution');
  if (CENTRES.has(site.kind) && rng.chance(0.5)) add('centreUpgraded');
  if (firstCentre) add('assistiveDeviceCentre');
  return out;
}

async function insertAttributes(db: Db, list: readonly Attributes[], changedAt: string): Promise<void> {
  for (let start = 0; start < list.length; start += BATCH) {
    const values = list.slice(start, start + BATCH).map(
      ([site, beds, vehicles]) =>
        sql`(${site.countyCode}, ${site.id}::uuid, 1, ${beds?.total ?? null}::int, ${beds?.nursing ?? null}::int,
          ${beds?.occupied ?? null}::int, ${beds?.ownership ?? null}, ${vehicles}::int, '演示数据', ${SYSTEM_USER}::uuid,
          ${BY}, ${changedAt}::timestamptz)`,
    );
    await db.execute(sql`INSERT INTO facility_attribute_versions (county_code, site_id, version, beds_total,
        nursing_beds, occupied_beds, ownership, meal_delivery_vehicles, document, changed_by, changed_by_name, changed_at)
      VALUES ${sql.join(values, sql`, `)} ON CONFLICT DO NOTHING`);
  }
}

async function insertDesignations(db: Db, list: readonly Designation[], seed: number, baseMs: number) {
  for (let start = 0; start < list.length; start += BATCH) {
    const values = list.slice(start, start + BATCH).map((row, index) => {
      const id = seededUuidv7(seed, DESIGNATION_STREAM, start + index, baseMs);
      const authority = row.siteId ? '市民政局' : '省民政厅';
      const document = `民发〔${row.on.slice(0, 4)}〕${((start + index) % 90) + 10}号`;
      return sql`(${row.countyCode}, ${id}::uuid, ${row.siteId}::uuid, ${row.regionCode}, ${row.designation},
        ${row.on}::date, ${authority}, ${document}, ${SYSTEM_USER}::uuid, ${BY}, ${`${row.on}T02:00:00Z`}::timestamptz)`;
    });
    await db.execute(sql`INSERT INTO facility_designations (county_code, id, site_id, region_code, designation,
        designated_on, authority, document, granted_by, granted_by_name, granted_at)
      VALUES ${sql.join(values, sql`, `)} ON CONFLICT DO NOTHING`);
  }
}

/**
 * Facility attributes and designations of the generated sites (migration 0031): beds of every
 * institution, meal-delivery vehicles of delivering sites, and a plausible handful of designations
 * (smart care homes, demonstration institutions, upgraded centres, one assistive-device centre per
 * county, dementia-friendly and model elder-friendly communities), so the plan pages show values.
 * Deterministic for (seed, sites); its own random stream leaves every other generated row unchanged.
 */
export async function generateFacilities(
  services: Services,
  options: { seed: number; asOf: IsoDate; regionPrefix: string },
): Promise<{ attributes: number; designations: number }> {
  const { db } = services.database;
  const rng = createRng(options.seed ^ 0x6661);
  const sites = await rows<Site>(
    db,
    sql`SELECT county_code AS "countyCode", id::text AS id, region_code AS "regionCode", kind,
          offers_delivery AS "offersDelivery"
        FROM service_sites WHERE region_code LIKE ${`${options.regionPrefix}%`} ORDER BY county_code, id`,
  );
  const attributes: Attributes[] = [];
  const designations: Designation[] = [];
  const centred = new Set<string>();
  const institutions = new Map<string, number>();
  for (const site of sites) {
    const nth = site.kind === 'institution' ? (institutions.get(site.countyCode) ?? 0) : -1;
    if (nth >= 0) institutions.set(site.countyCode, nth + 1);
    const beds = site.kind === 'institution' ? bedsOf(rng) : null;
    const vehicles = site.offersDelivery ? rng.int(1, site.kind === 'canteen' ? 3 : 2) : null;
    if (beds || vehicles !== null) attributes.push([site, beds, vehicles]);
    const firstCentre = site.kind === 'streetCentre' && !centred.has(site.countyCode);
    if (firstCentre) centred.add(site.countyCode);
    designations.push(...siteDesignations(rng, site, options.asOf, firstCentre, nth));
  }
  const communities = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM regions WHERE level = 'community' AND code LIKE ${`${options.regionPrefix}%`} ORDER BY code`,
  );
  for (const { code } of communities) {
    const region = { countyCode: code.slice(0, 6), siteId: null, regionCode: code };
    if (rng.chance(0.025))
      designations.push({ ...region, designation: 'dementiaFriendlyCommunity', on: dayIn(rng, options.asOf) });
    if (rng.chance(0.03))
      designations.push({ ...region, designation: 'modelElderFriendlyCommunity', on: dayIn(rng, options.asOf) });
  }
  const since = `${Number(options.asOf.slice(0, 4)) - 1}-01-01T00:00:00Z`;
  await insertAttributes(db, attributes, since);
  const valid = designations.map((row) => ({ ...row, on: clampDay(row.on, options.asOf) }));
  await insertDesignations(db, valid, options.seed, Date.parse(since));
  return { attributes: attributes.length, designations: valid.length };
}

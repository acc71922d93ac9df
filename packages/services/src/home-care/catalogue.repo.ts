import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Providers, the catalogue, price rules and workers' care profiles (migration 0020). */
export type ProviderRow = {
  countyCode: string;
  id: string;
  name: string;
  regionCode: string;
  serviceAreas: string[];
  categories: string[];
  phone: string | null;
  ratingSum: number;
  ratingCount: number;
  active: boolean;
  workerCount: number;
};

export type ServiceItemRow = {
  countyCode: string;
  id: string;
  code: string;
  name: string;
  nameEn: string;
  category: string;
  setting: 'home' | 'community';
  durationMinutes: number;
  priceFen: number;
  requiredSkillLevel: string | null;
  requiredCertificates: string[];
  tasks: { code: string; label: string; labelEn: string }[];
  active: boolean;
};

export type PriceRuleRow = {
  id: string;
  serviceItemId: string | null;
  category: string | null;
  profileId: string | null;
  elderPaysFen: number | null;
  subsidyPercent: number | null;
  programme: string;
};

export type WorkerProfileRow = {
  countyCode: string;
  workerId: string;
  providerId: string;
  userId: string | null;
  name: string;
  skills: string[];
  certificates: string[];
  homeLng: number;
  homeLat: number;
  shifts: { weekday: number; start: string; end: string }[];
  maxDailyVisits: number;
  ratingSum: number;
  ratingCount: number;
  version: number;
};

export type ProviderFilter = { regionScopes: readonly string[]; organisationIds: readonly (string | null)[] };

const providerColumns = sql`p.county_code AS "countyCode", p.id, p.name, p.region_code AS "regionCode",
  p.service_areas AS "serviceAreas", p.categories, p.phone, p.rating_sum AS "ratingSum", p.rating_count AS "ratingCount",
  p.active, (SELECT count(*)::int FROM hc_worker_profiles w WHERE w.county_code = p.county_code AND w.provider_id = p.id) AS "workerCount"`;

/** Providers whose home region or service areas fall in a scope prefix. */
export function providerScope(scopes: readonly string[]): ReturnType<typeof sql> {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map(
    (prefix) =>
      sql`(p.region_code LIKE ${`${prefix}%`} OR EXISTS (SELECT 1 FROM unnest(p.service_areas) a WHERE a LIKE ${`${prefix}%`} OR ${prefix} LIKE a || '%'))`,
  );
  return sql.join(parts, sql` OR `);
}

export async function listProviders(
  db: Db,
  scopes: readonly string[],
  regionCode: string | undefined,
  limit: number,
  offset: number,
): Promise<{ items: ProviderRow[]; total: number }> {
  const where = sql`(${providerScope(scopes)}) ${regionCode ? sql`AND (${providerScope([regionCode])})` : sql``}`;
  const items = await rows<ProviderRow>(
    db,
    sql`SELECT ${providerColumns} FROM hc_providers p WHERE ${where} ORDER BY p.name, p.id LIMIT ${limit} OFFSET ${offset}`,
  );
  const [count] = await rows<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM hc_providers p WHERE ${where}`,
  );
  return { items, total: count?.total ?? 0 };
}

export async function findProvider(db: Db, id: string): Promise<ProviderRow | undefined> {
  const [row] = await rows<ProviderRow>(db, sql`SELECT ${providerColumns} FROM hc_providers p WHERE p.id = ${id}`);
  return row;
}

/** Active providers serving a region (its own code or an ancestor in their service areas). */
export async function providersServing(db: Db, regionCode: string): Promise<ProviderRow[]> {
  return rows<ProviderRow>(
    db,
    sql`SELECT ${providerColumns} FROM hc_providers p WHERE p.county_code = ${regionCode.slice(0, 6)} AND p.active
        AND EXISTS (SELECT 1 FROM unnest(p.service_areas) a WHERE ${regionCode} LIKE a || '%') ORDER BY p.id`,
  );
}

export async function insertProvider(
  db: Db,
  row: Omit<ProviderRow, 'ratingSum' | 'ratingCount' | 'active' | 'workerCount'> & { createdAt: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO organisations (id, name, kind, region_code, created_at)
    VALUES (${row.id}, ${row.name}, 'serviceProvider', ${row.regionCode}, ${row.createdAt.toISOString()}::timestamptz)`);
  await db.execute(sql`INSERT INTO hc_providers (county_code, id, name, region_code, service_areas, categories, phone, created_at)
    VALUES (${row.countyCode}, ${row.id}, ${row.name}, ${row.regionCode}, ${sql.param(row.serviceAreas)}::text[],
      ${sql.param(row.categories)}::text[], ${row.phone}, ${row.createdAt.toISOString()}::timestamptz)`);
}

const itemColumns = sql`county_code AS "countyCode", id, code, name, name_en AS "nameEn", category, setting,
  duration_minutes AS "durationMinutes", price_fen AS "priceFen", required_skill_level AS "requiredSkillLevel",
  required_certificates AS "requiredCertificates", tasks, active`;

/** The catalogue of the counties under the given region prefixes (a prefix of a county or below is its county). */
export async function catalogueOf(db: Db, prefixes: readonly string[]): Promise<ServiceItemRow[]> {
  if (prefixes.length === 0) return [];
  const patterns = prefixes.map((prefix) => `${prefix.length >= 6 ? prefix.slice(0, 6) : prefix}%`);
  return rows<ServiceItemRow>(
    db,
    sql`SELECT ${itemColumns} FROM hc_service_items WHERE county_code LIKE ANY(${sql.param(patterns)}::text[])
        ORDER BY county_code, code`,
  );
}

export async function findServiceItem(db: Db, id: string): Promise<ServiceItemRow | undefined> {
  const [row] = await rows<ServiceItemRow>(db, sql`SELECT ${itemColumns} FROM hc_service_items WHERE id = ${id}`);
  return row;
}

export async function priceRulesOf(db: Db, countyCode: string): Promise<PriceRuleRow[]> {
  return rows<PriceRuleRow>(
    db,
    sql`SELECT id, service_item_id AS "serviceItemId", category, profile_id AS "profileId", elder_pays_fen AS "elderPaysFen",
          subsidy_percent AS "subsidyPercent", programme FROM hc_price_rules WHERE county_code = ${countyCode} ORDER BY id`,
  );
}

const profileColumns = sql`p.county_code AS "countyCode", p.worker_id AS "workerId", p.provider_id AS "providerId",
  p.user_id AS "userId", w.name, p.skills, p.certificates, p.home_lng AS "homeLng", p.home_lat AS "homeLat", p.shifts,
  p.max_daily_visits AS "maxDailyVisits", p.rating_sum AS "ratingSum", p.rating_count AS "ratingCount", p.version`;

export async function findWorkerProfile(db: Db, workerId: string): Promise<WorkerProfileRow | undefined> {
  const [row] = await rows<WorkerProfileRow>(
    db,
    sql`SELECT ${profileColumns} FROM hc_worker_profiles p JOIN workers w ON w.county_code = p.county_code AND w.id = p.worker_id
        WHERE p.worker_id = ${workerId}`,
  );
  return row;
}

export async function workerProfileOfUser(db: Db, userId: string): Promise<WorkerProfileRow | undefined> {
  const [row] = await rows<WorkerProfileRow>(
    db,
    sql`SELECT ${profileColumns} FROM hc_worker_profiles p JOIN workers w ON w.county_code = p.county_code AND w.id = p.worker_id
        WHERE p.user_id = ${userId}`,
  );
  return row;
}

export type ProfileUpsert = Omit<WorkerProfileRow, 'name' | 'ratingSum' | 'ratingCount' | 'version'> & { now: Date };

export async function upsertWorkerProfile(db: Db, row: ProfileUpsert): Promise<void> {
  await db.execute(sql`INSERT INTO hc_worker_profiles (county_code, worker_id, provider_id, user_id, skills, certificates,
      home_lng, home_lat, shifts, max_daily_visits, updated_at)
    VALUES (${row.countyCode}, ${row.workerId}, ${row.providerId}, ${row.userId}, ${sql.param(row.skills)}::text[],
      ${sql.param(row.certificates)}::text[], ${row.homeLng}, ${row.homeLat}, ${JSON.stringify(row.shifts)}::jsonb,
      ${row.maxDailyVisits}, ${row.now.toISOString()}::timestamptz)
    ON CONFLICT (county_code, worker_id) DO UPDATE SET provider_id = EXCLUDED.provider_id, user_id = EXCLUDED.user_id,
      skills = EXCLUDED.skills, certificates = EXCLUDED.certificates, home_lng = EXCLUDED.home_lng,
      home_lat = EXCLUDED.home_lat, shifts = EXCLUDED.shifts, max_daily_visits = EXCLUDED.max_daily_visits,
      updated_at = EXCLUDED.updated_at, version = hc_worker_profiles.version + 1`);
}

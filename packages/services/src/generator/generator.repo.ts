import { eq, sql } from 'drizzle-orm';
import { appSettings } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';

export type CommunityRow = { code: string; name: string; boundary: unknown };

/** Communities under a region prefix with their boundaries, in code order. */
export async function communityRows(db: Db, prefix: string): Promise<CommunityRow[]> {
  return rows<CommunityRow>(
    db,
    sql`SELECT code, name, boundary FROM regions WHERE level = 'community' AND code LIKE ${`${prefix}%`} ORDER BY code`,
  );
}

export async function countElders(db: Db, prefix: string): Promise<number> {
  const [row] = await rows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM elders WHERE residence_region_code LIKE ${`${prefix}%`}`,
  );
  return row?.count ?? 0;
}

/**
 * Plaintext-equivalent content of each generated table, one JSON array per row: everything except
 * ciphertexts (their nonces are random by design, ENC-1) and except nothing else. Contacts lose
 * their `phoneCipher` and keep the mask.
 */
const CHECKSUM_TABLES = {
  elders: {
    key: [
      ['county_code', 'text'],
      ['id', 'uuid'],
    ],
    scoped: true,
    line: `jsonb_build_array(county_code, id, name, id_number_bidx, id_number_masked, birth_date, sex, phone_bidx,
      phone_masked, hukou_region_code, residence_region_code, address, lng, lat, living_situation, categories,
      category_records, (SELECT coalesce(jsonb_agg(c - 'phoneCipher' ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(contacts) WITH ORDINALITY AS t(c, n)),
      status, status_date, import_job_id, created_by, created_at, updated_at, version)::text`,
  },
  elder_identities: {
    key: [['id_number_bidx', 'text']],
    scoped: true,
    line: `jsonb_build_array(id_number_bidx, county_code, elder_id)::text`,
  },
  regions: {
    key: [['code', 'text']],
    scoped: false,
    line: `jsonb_build_array(code, name, level, parent_code, centroid_lng, centroid_lat, boundary)::text`,
  },
} as const;

export type ChecksumTable = keyof typeof CHECKSUM_TABLES;
export const CHECKSUM_TABLE_NAMES = Object.keys(CHECKSUM_TABLES) as ChecksumTable[];

export type ChecksumPage = { rows: number; digest: string | null; lastKey: string[] | null };

/**
 * One keyset page of a table in primary-key order: its row count, the md5 of its rows' lines and its
 * last key. `countyPrefix` limits county-keyed tables to a county or city prefix.
 */
export async function checksumPage(
  db: Db,
  table: ChecksumTable,
  where: { countyPrefix?: string | undefined; after: readonly string[] | null },
  limit: number,
): Promise<ChecksumPage> {
  const spec = CHECKSUM_TABLES[table];
  const columns = spec.key.map(([column]) => column);
  const keyList = sql.raw(columns.join(', '));
  const after = where.after
    ? sql`(${keyList}) > (${sql.join(
        spec.key.map(([, type], index) => sql`${where.after?.[index] ?? ''}::${sql.raw(type)}`),
        sql`, `,
      )})`
    : sql`true`;
  const scope =
    spec.scoped && where.countyPrefix ? sql`county_code LIKE ${`${where.countyPrefix.slice(0, 6)}%`}` : sql`true`;
  const lastKey = sql.raw(`ARRAY[${columns.map((column) => `${column}::text`).join(', ')}]`);
  const [page] = await rows<{ rows: number; digest: string | null; last_key: string[] | null }>(
    db,
    sql`WITH page AS (
      SELECT ${keyList}, ${sql.raw(spec.line)} AS line FROM ${sql.raw(table)}
      WHERE ${scope} AND ${after} ORDER BY ${keyList} LIMIT ${limit})
    SELECT count(*)::int AS rows, md5(string_agg(line, E'\\n' ORDER BY ${keyList})) AS digest,
           (SELECT ${lastKey} FROM page ORDER BY ${keyList} DESC LIMIT 1) AS last_key
    FROM page`,
  );
  return { rows: page?.rows ?? 0, digest: page?.digest ?? null, lastKey: page?.last_key ?? null };
}

/** A small JSON record in app_settings (dataset markers of the generator). */
export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: now } });
}

/** A random sample of elder ids under a region prefix (benchmarks read them back). */
export async function sampleElderIds(db: Db, prefix: string, limit: number): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM elders WHERE residence_region_code LIKE ${`${prefix}%`} ORDER BY random() LIMIT ${limit}`,
  );
  return found.map((row) => row.id);
}

/** The engine's own version string (`SELECT version()`), for benchmark reports. */
export async function serverVersion(db: Db): Promise<string> {
  const [row] = await rows<{ version: string }>(db, sql`SELECT version() AS version`);
  return row?.version ?? 'unknown';
}

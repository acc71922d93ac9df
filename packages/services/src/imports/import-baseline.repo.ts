import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../db/database.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';

/**
 * The same-run baseline of `bench/import-elders` (scale.md §3, §4): a raw `unnest` INSERT of already
 * prepared rows into a fresh table shaped like `elders` (same columns and indexes), with no checks,
 * blind-index claims, audit or progress. Benchmark support only; nothing else calls it.
 */
const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function table(name: string) {
  if (!TABLE_NAME.test(name)) throw new RangeError(`not a plain table name: ${name}`);
  return sql.raw(name);
}

/** Drops and recreates `name` like `elders`, indexes included. */
export async function freshBaselineTable(db: Db, name: string): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS ${table(name)}`);
  await db.execute(sql`CREATE TABLE ${table(name)} (LIKE elders INCLUDING ALL)`);
}

const column = <T>(list: readonly ElderInsert[], pick: (row: ElderInsert) => T) => sql.param(list.map(pick));

/** One statement per call (≤ 5,000 rows, REL-7). */
export async function insertBaselineRows(db: Db, name: string, list: readonly ElderInsert[], now: Date): Promise<void> {
  if (list.length === 0) return;
  await db.execute(sql`
    INSERT INTO ${table(name)} (county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, phone_cipher, phone_bidx,
                                phone_masked, hukou_region_code, residence_region_code, address, lng, lat, living_situation, categories,
                                category_records, contacts, status, import_job_id, created_by, created_at, updated_at, version)
    SELECT county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, phone_cipher, phone_bidx,
           phone_masked, hukou_region_code, residence_region_code, address, lng, lat, living_situation,
           CASE WHEN categories = '' THEN '{}'::text[] ELSE string_to_array(categories, ',') END, category_records::jsonb, contacts::jsonb, 'active',
           import_job_id, created_by, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, 1
    FROM unnest(
      ${column(list, (row) => row.countyCode)}::text[], ${column(list, (row) => row.id)}::uuid[], ${column(list, (row) => row.name)}::text[],
      ${column(list, (row) => row.idNumberCipher)}::text[], ${column(list, (row) => row.idNumberBlindIndex)}::text[], ${column(list, (row) => row.idNumberMasked)}::text[],
      ${column(list, (row) => row.birthDate)}::date[], ${column(list, (row) => row.sex)}::text[],
      ${column(list, (row) => row.phoneCipher ?? null)}::text[], ${column(list, (row) => row.phoneBlindIndex ?? null)}::text[], ${column(list, (row) => row.phoneMasked ?? null)}::text[],
      ${column(list, (row) => row.hukouRegionCode ?? null)}::text[], ${column(list, (row) => row.residenceRegionCode)}::text[], ${column(list, (row) => row.address ?? null)}::text[],
      ${column(list, (row) => row.lng ?? null)}::float8[], ${column(list, (row) => row.lat ?? null)}::float8[], ${column(list, (row) => row.livingSituation)}::text[],
      ${column(list, (row) => row.categories.join(','))}::text[], ${column(list, (row) => JSON.stringify(row.categoryRecords))}::text[],
      ${column(list, (row) => JSON.stringify(row.contacts))}::text[], ${column(list, (row) => row.importJobId ?? null)}::uuid[], ${column(list, (row) => row.createdBy ?? null)}::uuid[]
    ) AS u(county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, phone_cipher, phone_bidx, phone_masked,
           hukou_region_code, residence_region_code, address, lng, lat, living_situation, categories, category_records, contacts, import_job_id, created_by)`);
}

/**
 * Empties the registry between benchmark rounds (elders, their identity claims and the rows of other
 * modules that reference elders, all empty in the bench database; the audit log stays).
 */
export async function emptyRegistry(database: Database): Promise<void> {
  await database.exec('TRUNCATE elders, elder_identities CASCADE');
}

export async function serverVersion(db: Db): Promise<string> {
  const [row] = await rows<{ server_version: string }>(db, sql`SHOW server_version`);
  return row?.server_version ?? '?';
}

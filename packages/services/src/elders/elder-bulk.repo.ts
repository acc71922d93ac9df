import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { ElderInsert } from './elder.repo.ts';

/** PGlite crashes on messages over ~16 MB (REL-7): callers send at most this many rows per statement. */
export const BULK_BATCH_ROWS = 5000;

const column = <T>(rows: readonly ElderInsert[], pick: (row: ElderInsert) => T) => sql.param(rows.map(pick));

/**
 * Inserts new elders with one statement: claims each ID number's blind index first and inserts only
 * the rows whose claim succeeded, so a re-run or a duplicate inside the batch adds nothing (ENC-2).
 * Returns the ids actually inserted.
 */
export async function insertEldersBulk(db: Db, rows: readonly ElderInsert[], now: Date): Promise<string[]> {
  if (rows.length === 0) return [];
  if (rows.length > BULK_BATCH_ROWS) throw new RangeError(`at most ${BULK_BATCH_ROWS} rows per statement`);
  const result = await db.execute(sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${column(rows, (row) => row.countyCode)}::text[], ${column(rows, (row) => row.id)}::uuid[], ${column(rows, (row) => row.name)}::text[],
        ${column(rows, (row) => row.idNumberCipher)}::text[], ${column(rows, (row) => row.idNumberBlindIndex)}::text[], ${column(rows, (row) => row.idNumberMasked)}::text[],
        ${column(rows, (row) => row.birthDate)}::date[], ${column(rows, (row) => row.sex)}::text[],
        ${column(rows, (row) => row.phoneCipher ?? null)}::text[], ${column(rows, (row) => row.phoneBlindIndex ?? null)}::text[], ${column(rows, (row) => row.phoneMasked ?? null)}::text[],
        ${column(rows, (row) => row.hukouRegionCode ?? null)}::text[], ${column(rows, (row) => row.residenceRegionCode)}::text[], ${column(rows, (row) => row.address ?? null)}::text[],
        ${column(rows, (row) => row.lng ?? null)}::float8[], ${column(rows, (row) => row.lat ?? null)}::float8[], ${column(rows, (row) => row.livingSituation)}::text[],
        ${column(rows, (row) => row.categories.join(','))}::text[], ${column(rows, (row) => JSON.stringify(row.categoryRecords))}::text[], ${column(rows, (row) => JSON.stringify(row.contacts))}::text[],
        ${column(rows, (row) => row.importJobId ?? null)}::uuid[], ${column(rows, (row) => row.createdBy ?? null)}::uuid[]
      ) AS u(county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, phone_cipher, phone_bidx, phone_masked,
             hukou_region_code, residence_region_code, address, lng, lat, living_situation, categories, category_records, contacts, import_job_id, created_by)
    ), claimed AS (
      INSERT INTO elder_identities (id_number_bidx, county_code, elder_id)
      SELECT id_number_bidx, county_code, id FROM input
      ON CONFLICT DO NOTHING
      RETURNING elder_id
    )
    INSERT INTO elders (county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, phone_cipher, phone_bidx, phone_masked,
                        hukou_region_code, residence_region_code, address, lng, lat, living_situation, categories, category_records, contacts, status,
                        import_job_id, created_by, created_at, updated_at, version)
    SELECT i.county_code, i.id, i.name, i.id_number_cipher, i.id_number_bidx, i.id_number_masked, i.birth_date, i.sex, i.phone_cipher, i.phone_bidx, i.phone_masked,
           i.hukou_region_code, i.residence_region_code, i.address, i.lng, i.lat, i.living_situation,
           CASE WHEN i.categories = '' THEN '{}'::text[] ELSE string_to_array(i.categories, ',') END, i.category_records::jsonb, i.contacts::jsonb, 'active',
           i.import_job_id, i.created_by, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, 1
    FROM input i JOIN claimed c ON c.elder_id = i.id
    RETURNING id`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

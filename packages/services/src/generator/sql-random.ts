import { sql, type SQL } from 'drizzle-orm';

/** The generator's rows are made by the system (no user). */
export const GENERATOR_USER = '00000000-0000-7000-8000-000000000000';

/**
 * Deterministic randomness inside set-based generator SQL: chunk `n` (0–3) of an md5 hex column as a
 * fraction in [0, 1). The md5 input names the seed and the row, so the same seed gives the same rows.
 */
export const md5Unit = (column: string, n: number): SQL =>
  sql.raw(`(('x' || substr(${column}, ${n * 8 + 1}, 8))::bit(32)::bigint::float8 / 4294967296.0)`);

/** A version-7 UUID from a millisecond expression and the bits of an md5 hex column (seeded-id.ts in SQL). */
export const seededUuidSql = (msExpression: string, hexColumn: string): SQL =>
  sql.raw(`(lpad(to_hex((${msExpression})::bigint), 12, '0') || '7' || substr(${hexColumn}, 1, 3)
    || to_hex(8 + ('x' || substr(${hexColumn}, 4, 1))::bit(4)::int % 4) || substr(${hexColumn}, 5, 15))::uuid`);

import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';

/**
 * Test fixtures for the indicator engine: workers (and their certificates) written straight into
 * their tables, as the worker module's forms would. Never used by a request path.
 */
export type FixtureWorker = {
  organisationId: string;
  regionCode: string;
  staffRole: 'caregiver' | 'nurse' | 'socialWorker' | 'elderCareOfficer';
  employedFrom?: string;
  employedTo?: string | null;
  certificate?: { issuedOn: string; expiresOn?: string | null };
};

export async function insertFixtureWorkers(db: Db, workers: readonly FixtureWorker[], now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const worker of workers) {
    const id = uuidv7(now.getTime());
    ids.push(id);
    const county = worker.regionCode.slice(0, 6);
    await db.execute(sql`INSERT INTO workers (county_code, id, name, organisation_id, region_code, staff_role, employed_from,
        employed_to, created_at, updated_at)
      VALUES (${county}, ${id}::uuid, '测试员工', ${worker.organisationId}::uuid, ${worker.regionCode}, ${worker.staffRole},
        ${worker.employedFrom ?? '2020-01-01'}::date, ${worker.employedTo ?? null}::date,
        ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`);
    if (worker.certificate) {
      await db.execute(sql`INSERT INTO worker_certificates (county_code, id, worker_id, skill_level, certificate_number,
          issued_on, expires_on, created_at)
        VALUES (${county}, ${uuidv7(now.getTime())}::uuid, ${id}::uuid, 'junior', ${`C${id.slice(-12)}`},
          ${worker.certificate.issuedOn}::date, ${worker.certificate.expiresOn ?? null}::date, ${now.toISOString()}::timestamptz)`);
    }
  }
  return ids;
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** The organisation kind of an elder-care institution (养老机构); 000-r1 pays caregivers working in one. */
export const INSTITUTION_KIND = 'institution';

export type CaregiverMonthRow = {
  worker_id: string;
  county_code: string;
  region_code: string;
  staff_role: string;
  organisation_kind: string;
  days_worked: number | null;
  continuing_education: boolean | null;
};

export type CertificateMonthRow = {
  worker_id: string;
  skill_level: string;
  issued_on: string;
  expires_on: string | null;
};

const regionFilter = (regionCode: string) =>
  regionCode.length >= 6
    ? sql`w.county_code = ${regionCode.slice(0, 6)} AND w.region_code LIKE ${`${regionCode}%`}`
    : sql`w.region_code LIKE ${`${regionCode}%`}`;

/**
 * WRK-4 → SUB-4: caregivers employed in the region at some time in the month, with their employer's
 * kind and the month's attendance (null when none was recorded).
 */
export async function caregiversForMonth(
  db: Db,
  regionCode: string,
  month: { period: string; start: string; end: string },
): Promise<CaregiverMonthRow[]> {
  return rows<CaregiverMonthRow>(
    db,
    sql`SELECT w.id AS worker_id, w.county_code, w.region_code, w.staff_role, o.kind AS organisation_kind,
               a.days_worked, a.continuing_education
          FROM workers w
          JOIN organisations o ON o.id = w.organisation_id
          LEFT JOIN worker_attendance a ON a.county_code = w.county_code AND a.worker_id = w.id AND a.period = ${month.period}
         WHERE ${regionFilter(regionCode)} AND w.staff_role = 'caregiver'
           AND w.employed_from <= ${month.end}::date
           AND (w.employed_to IS NULL OR w.employed_to >= ${month.start}::date)
         ORDER BY w.region_code, w.id`,
  );
}

/** Certificates of the region's caregivers valid on some day of the month. */
export async function certificatesForMonth(
  db: Db,
  regionCode: string,
  month: { start: string; end: string },
): Promise<CertificateMonthRow[]> {
  return rows<CertificateMonthRow>(
    db,
    sql`SELECT c.worker_id, c.skill_level, c.issued_on::text AS issued_on, c.expires_on::text AS expires_on
          FROM worker_certificates c
          JOIN workers w ON w.county_code = c.county_code AND w.id = c.worker_id
         WHERE ${regionFilter(regionCode)} AND w.staff_role = 'caregiver'
           AND c.issued_on <= ${month.end}::date AND (c.expires_on IS NULL OR c.expires_on >= ${month.start}::date)`,
  );
}

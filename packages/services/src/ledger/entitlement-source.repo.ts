import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/**
 * The monthly run's one dependency on the applications module (POL-5): the entitlements a region's
 * programme owes for a month, with the elder's status. Kept in this one file so a change of the
 * `entitlements` table (migration 0010) is adapted here only.
 */
export type EntitlementSourceRow = {
  id: string;
  county_code: string;
  elder_id: string;
  region_code: string;
  programme: string;
  payee_kind: string;
  payee_id: string;
  start_date: string;
  end_date: string | null;
  amount_fen: number | string;
  cadence: string;
  clause: string;
  funding_shares: unknown;
  elder_status: string | null;
  elder_status_date: string | null;
};

export type EntitlementQuery = {
  regionCode: string;
  programme: string;
  cadence: 'monthly' | 'oneTime';
  /** First and last day of the run's month. */
  start: string;
  end: string;
};

const regionFilter = (regionCode: string) =>
  regionCode.length >= 6
    ? sql`e.county_code = ${regionCode.slice(0, 6)} AND e.region_code LIKE ${`${regionCode}%`}`
    : sql`e.region_code LIKE ${`${regionCode}%`}`;

/**
 * Monthly programmes: entitlements in money whose dates touch the month (an ended one still pays the
 * month it ends in). One-time programmes: those started by the month's end and not yet paid.
 */
export async function entitlementsForMonth(db: Db, query: EntitlementQuery): Promise<EntitlementSourceRow[]> {
  const due =
    query.cadence === 'monthly'
      ? sql`(e.end_date IS NULL OR e.end_date >= ${query.start}::date)`
      : sql`NOT EXISTS (
          SELECT 1 FROM ledger_entries p
           WHERE p.county_code = e.county_code AND p.elder_id = e.elder_id AND p.entitlement_id = e.id AND p.kind = 'payment'
             AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.county_code = p.county_code AND r.reverses_id = p.id))`;
  return rows<EntitlementSourceRow>(
    db,
    sql`SELECT e.id, e.county_code, e.elder_id, e.region_code, e.programme, e.payee_kind, e.payee_id,
               e.start_date::text AS start_date, e.end_date::text AS end_date, e.amount_fen, e.cadence, e.clause,
               e.funding_shares, el.status AS elder_status, el.status_date::text AS elder_status_date
          FROM entitlements e
          LEFT JOIN elders el ON el.county_code = e.county_code AND el.id = e.elder_id
         WHERE e.programme = ${query.programme} AND ${regionFilter(query.regionCode)}
           AND e.amount_fen IS NOT NULL AND e.start_date <= ${query.end}::date AND ${due}
         ORDER BY e.region_code, e.elder_id, e.start_date, e.id`,
  );
}

/** SUB-2: the registry status of elders paid last month and absent now, to explain a stop by death or move-out. */
export async function elderStatuses(db: Db, elderIds: readonly string[]): Promise<Map<string, string>> {
  if (elderIds.length === 0) return new Map();
  const found = await rows<{ id: string; status: string }>(
    db,
    sql`SELECT id, status FROM elders WHERE id = ANY(${sql.param([...elderIds])}::uuid[]) AND status <> 'active'`,
  );
  return new Map(found.map((row) => [row.id, row.status]));
}

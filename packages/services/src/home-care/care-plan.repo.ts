import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { orderScopeSql, type OrderScope } from './order.repo.ts';

/** Care plans (migration 0023). Scopes go inside the WHERE (AZ-3); the alias `o` reuses the order scope. */
export type CarePlanRow = {
  countyCode: string;
  id: string;
  regionCode: string;
  elderId: string;
  serviceItemId: string;
  providerId: string | null;
  weekdays: string;
  timeOfDay: string;
  startDate: string;
  endDate: string | null;
  status: 'active' | 'ended';
  notes: string | null;
  endReason: string | null;
  createdBy: string;
  createdAt: Date | string;
  endedAt: Date | string | null;
};

export type CarePlanInsert = Omit<CarePlanRow, 'status' | 'endReason' | 'endedAt' | 'createdAt'> & { createdAt: Date };

const planSelect = sql`SELECT o.county_code AS "countyCode", o.id, o.region_code AS "regionCode", o.elder_id AS "elderId",
  o.service_item_id AS "serviceItemId", o.provider_id AS "providerId", o.weekdays, o.time_of_day AS "timeOfDay",
  to_char(o.start_date, 'YYYY-MM-DD') AS "startDate", to_char(o.end_date, 'YYYY-MM-DD') AS "endDate", o.status, o.notes,
  o.end_reason AS "endReason", o.created_by AS "createdBy", o.created_at AS "createdAt", o.ended_at AS "endedAt"
  FROM hc_care_plans o`;

export async function insertCarePlan(db: Db, row: CarePlanInsert): Promise<void> {
  const at = row.createdAt.toISOString();
  await db.execute(
    sql`INSERT INTO hc_care_plans (county_code, id, region_code, elder_id, service_item_id, provider_id, weekdays,
      time_of_day, start_date, end_date, status, notes, created_by, created_at, updated_at)
    VALUES (${row.countyCode}, ${row.id}, ${row.regionCode}, ${row.elderId}, ${row.serviceItemId}, ${row.providerId},
      ${row.weekdays}, ${row.timeOfDay}, ${row.startDate}::date, ${row.endDate}::date, 'active', ${row.notes},
      ${row.createdBy}, ${at}::timestamptz, ${at}::timestamptz)`,
  );
}

/** One plan; `scopes` undefined = unscoped (the daily job). */
export async function findCarePlan(
  db: Db,
  id: string,
  scopes?: readonly OrderScope[],
): Promise<CarePlanRow | undefined> {
  const scope = scopes ? sql` AND (${orderScopeSql(scopes)})` : sql``;
  const [row] = await rows<CarePlanRow>(db, sql`${planSelect} WHERE o.id = ${id}${scope}`);
  return row;
}

export async function carePlanCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await rows<{ countyCode: string }>(
    db,
    sql`SELECT county_code AS "countyCode" FROM hc_care_plans WHERE id = ${id}`,
  );
  return row?.countyCode;
}

export function carePlansOfElder(db: Db, countyCode: string, elderId: string): Promise<CarePlanRow[]> {
  return rows<CarePlanRow>(
    db,
    sql`${planSelect} WHERE o.county_code = ${countyCode} AND o.elder_id = ${elderId} ORDER BY o.created_at DESC, o.id`,
  );
}

/** Active plans whose span reaches `fromDate`, in key order, one page after `afterId`. */
export function activeCarePlans(
  db: Db,
  fromDate: string,
  afterId: string | null,
  limit: number,
): Promise<CarePlanRow[]> {
  const after = afterId ? sql` AND o.id > ${afterId}` : sql``;
  return rows<CarePlanRow>(
    db,
    sql`${planSelect} WHERE o.status = 'active' AND (o.end_date IS NULL OR o.end_date >= ${fromDate}::date)${after}
      ORDER BY o.id LIMIT ${limit}`,
  );
}

/** Ends an active plan on `endDate`; false when it had already ended. */
export async function endCarePlan(
  db: Db,
  plan: { countyCode: string; id: string },
  change: { endDate: string; reason: string; endedBy: string; at: Date },
): Promise<boolean> {
  const at = change.at.toISOString();
  const ended = await rows<{ id: string }>(
    db,
    sql`UPDATE hc_care_plans SET status = 'ended', end_reason = ${change.reason}, ended_by = ${change.endedBy},
      ended_at = ${at}::timestamptz, updated_at = ${at}::timestamptz,
      end_date = CASE WHEN end_date IS NULL OR end_date > ${change.endDate}::date THEN GREATEST(${change.endDate}::date, start_date)
        ELSE end_date END
    WHERE county_code = ${plan.countyCode} AND id = ${plan.id} AND status = 'active' RETURNING id`,
  );
  return ended.length === 1;
}

/** Orders the plan booked from `afterIso` on that nobody has started yet (to cancel when the plan ends). */
export function pendingPlanOrders(
  db: Db,
  countyCode: string,
  keyPrefix: string,
  afterIso: string,
): Promise<{ id: string }[]> {
  return rows<{ id: string }>(
    db,
    sql`SELECT id FROM hc_orders WHERE county_code = ${countyCode} AND channel = 'carePlan'
      AND idempotency_key LIKE ${`${keyPrefix}%`} AND scheduled_for > ${afterIso}::timestamptz
      AND status IN ('open', 'offered', 'assigned') ORDER BY scheduled_for`,
  );
}

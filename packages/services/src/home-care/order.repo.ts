import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Orders, offers and alerts (migration 0020). Scopes go inside the WHERE (AZ-3). */
export type OrderRow = {
  countyCode: string;
  id: string;
  regionCode: string;
  elderId: string;
  elderName: string;
  serviceItemId: string;
  serviceName: string;
  category: string;
  channel: string;
  urgency: 'routine' | 'urgent';
  status: string;
  scheduledFor: Date | null;
  targetMinutes: number;
  dueAt: Date;
  arrivedAt: Date | null;
  providerId: string | null;
  providerName: string | null;
  workerId: string | null;
  workerName: string | null;
  priceFen: number;
  subsidyFen: number;
  elderPaysFen: number;
  programme: string;
  clockAlert: string | null;
  createdBy: string | null;
  createdAt: Date;
  version: number;
};

export type OrderInsert = Omit<
  OrderRow,
  'elderName' | 'serviceName' | 'category' | 'providerName' | 'workerName' | 'arrivedAt' | 'clockAlert' | 'version'
> & {
  priceRuleId: string | null;
  callerName: string | null;
  callerRelation: string | null;
  notes: string | null;
  idempotencyKey: string | null;
};

/** A grant's reach over orders: region prefix, narrowed to one provider for organisation-scoped roles. */
export type OrderScope = { readonly regionCode: string; readonly organisationId: string | null };

export function orderScopeSql(scopes: readonly OrderScope[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((scope) => {
    const county = scope.regionCode.length >= 6 ? sql` AND o.county_code = ${scope.regionCode.slice(0, 6)}` : sql``;
    const org = scope.organisationId === null ? sql`` : sql` AND o.provider_id = ${scope.organisationId}`;
    return sql`(o.region_code LIKE ${`${scope.regionCode}%`}${county}${org})`;
  });
  return sql.join(parts, sql` OR `);
}

const orderSelect = sql`SELECT o.county_code AS "countyCode", o.id, o.region_code AS "regionCode", o.elder_id AS "elderId",
  e.name AS "elderName", o.service_item_id AS "serviceItemId", i.name AS "serviceName", i.category, o.channel, o.urgency,
  o.status, o.scheduled_for AS "scheduledFor", o.target_minutes AS "targetMinutes", o.due_at AS "dueAt",
  o.arrived_at AS "arrivedAt", o.provider_id AS "providerId", p.name AS "providerName", o.worker_id AS "workerId",
  w.name AS "workerName", o.price_fen AS "priceFen", o.subsidy_fen AS "subsidyFen", o.elder_pays_fen AS "elderPaysFen",
  o.programme, o.clock_alert AS "clockAlert", o.created_by AS "createdBy", o.created_at AS "createdAt", o.version
  FROM hc_orders o
  JOIN elders e ON e.county_code = o.county_code AND e.id = o.elder_id
  JOIN hc_service_items i ON i.county_code = o.county_code AND i.id = o.service_item_id
  LEFT JOIN hc_providers p ON p.id = o.provider_id
  LEFT JOIN workers w ON w.county_code = o.county_code AND w.id = o.worker_id`;

export async function insertOrder(db: Db, row: OrderInsert): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO hc_orders (county_code, id, region_code, elder_id, service_item_id, channel, urgency, status, scheduled_for,
      target_minutes, due_at, provider_id, worker_id, price_fen, subsidy_fen, elder_pays_fen, price_rule_id, programme,
      caller_name, caller_relation, notes, idempotency_key, created_by, created_at, updated_at)
    VALUES (${row.countyCode}, ${row.id}, ${row.regionCode}, ${row.elderId}, ${row.serviceItemId}, ${row.channel},
      ${row.urgency}, ${row.status}, ${row.scheduledFor?.toISOString() ?? null}::timestamptz, ${row.targetMinutes},
      ${row.dueAt.toISOString()}::timestamptz, ${row.providerId}, ${row.workerId}, ${row.priceFen}, ${row.subsidyFen},
      ${row.elderPaysFen}, ${row.priceRuleId}, ${row.programme}, ${row.callerName}, ${row.callerRelation}, ${row.notes},
      ${row.idempotencyKey}, ${row.createdBy}, ${row.createdAt.toISOString()}::timestamptz, ${row.createdAt.toISOString()}::timestamptz)
    ON CONFLICT (county_code, idempotency_key) DO NOTHING RETURNING id`,
  );
  return inserted.length === 1;
}

export async function orderByKey(db: Db, countyCode: string, key: string): Promise<OrderRow | undefined> {
  const [row] = await rows<OrderRow>(
    db,
    sql`${orderSelect} WHERE o.county_code = ${countyCode} AND o.idempotency_key = ${key}`,
  );
  return row;
}

/** One order; `scopes` undefined = unscoped (jobs and the caregiver path, which check ownership themselves). */
export async function findOrder(db: Db, id: string, scopes?: readonly OrderScope[]): Promise<OrderRow | undefined> {
  const scope = scopes ? sql` AND (${orderScopeSql(scopes)})` : sql``;
  const [row] = await rows<OrderRow>(db, sql`${orderSelect} WHERE o.id = ${id}${scope}`);
  return row;
}

export async function orderCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await rows<{ countyCode: string }>(
    db,
    sql`SELECT county_code AS "countyCode" FROM hc_orders WHERE id = ${id}`,
  );
  return row?.countyCode;
}

export type OrderFilter = {
  scopes: readonly OrderScope[];
  regionCode?: string | undefined;
  status?: string | undefined;
  elderId?: string | undefined;
  providerId?: string | undefined;
  channel?: string | undefined;
  date?: string | undefined;
};

function orderWhere(filter: OrderFilter): SQL {
  const parts: SQL[] = [sql`(${orderScopeSql(filter.scopes)})`];
  if (filter.regionCode) parts.push(sql`o.region_code LIKE ${`${filter.regionCode}%`}`);
  if (filter.status) parts.push(sql`o.status = ${filter.status}`);
  if (filter.elderId) parts.push(sql`o.elder_id = ${filter.elderId}`);
  if (filter.providerId) parts.push(sql`o.provider_id = ${filter.providerId}`);
  if (filter.channel) parts.push(sql`o.channel = ${filter.channel}`);
  if (filter.date) parts.push(sql`(o.due_at AT TIME ZONE 'Asia/Shanghai')::date = ${filter.date}::date`);
  return sql.join(parts, sql` AND `);
}

export async function listOrders(
  db: Db,
  filter: OrderFilter,
  limit: number,
  offset: number,
): Promise<{ items: OrderRow[]; total: number }> {
  const where = orderWhere(filter);
  const items = await rows<OrderRow>(
    db,
    sql`${orderSelect} WHERE ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  const [count] = await rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM hc_orders o WHERE ${where}`);
  return { items, total: count?.total ?? 0 };
}

/** Moves an order on, guarded by its expected status (a concurrent change makes this a no-op). */
export async function setOrderState(
  db: Db,
  order: { countyCode: string; id: string },
  from: readonly string[],
  change: {
    status: string;
    providerId?: string | null;
    workerId?: string | null;
    arrivedAt?: Date;
    cancelReason?: string;
  },
  now: Date,
): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    db,
    sql`UPDATE hc_orders SET status = ${change.status},
      provider_id = ${change.providerId === undefined ? sql`provider_id` : sql`${change.providerId}`},
      worker_id = ${change.workerId === undefined ? sql`worker_id` : sql`${change.workerId}`},
      arrived_at = COALESCE(arrived_at, ${change.arrivedAt?.toISOString() ?? null}::timestamptz),
      cancel_reason = COALESCE(${change.cancelReason ?? null}, cancel_reason),
      updated_at = ${now.toISOString()}::timestamptz, version = version + 1
    WHERE county_code = ${order.countyCode} AND id = ${order.id} AND status = ANY(${sql.param([...from])}::text[]) RETURNING id`,
  );
  return updated.length === 1;
}

export async function setClockAlert(db: Db, order: { countyCode: string; id: string }, alert: string): Promise<void> {
  await db.execute(
    sql`UPDATE hc_orders SET clock_alert = ${alert} WHERE county_code = ${order.countyCode} AND id = ${order.id}`,
  );
}

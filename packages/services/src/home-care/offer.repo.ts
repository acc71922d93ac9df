import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Offers (HCS-4), candidate facts for the ranking, and supervisors' alerts (HCS-5, HCS-6). */
export type OfferRow = {
  countyCode: string;
  id: string;
  orderId: string;
  workerId: string;
  workerName: string;
  rank: number;
  status: string;
  offeredAt: Date;
  acceptBy: Date;
  respondedAt: Date | null;
  reason: string | null;
  override: boolean;
};

const offerSelect = sql`SELECT f.county_code AS "countyCode", f.id, f.order_id AS "orderId", f.worker_id AS "workerId",
  w.name AS "workerName", f.rank, f.status, f.offered_at AS "offeredAt", f.accept_by AS "acceptBy",
  f.responded_at AS "respondedAt", f.reason, f.override
  FROM hc_offers f JOIN workers w ON w.county_code = f.county_code AND w.id = f.worker_id`;

export async function insertOffer(
  db: Db,
  row: Omit<OfferRow, 'workerName' | 'respondedAt'> & { offeredBy: string | null },
): Promise<void> {
  await db.execute(sql`INSERT INTO hc_offers (county_code, id, order_id, worker_id, rank, status, offered_at, accept_by,
      responded_at, reason, override, offered_by)
    VALUES (${row.countyCode}, ${row.id}, ${row.orderId}, ${row.workerId}, ${row.rank}, ${row.status},
      ${row.offeredAt.toISOString()}::timestamptz, ${row.acceptBy.toISOString()}::timestamptz,
      ${row.status === 'pending' ? null : row.offeredAt.toISOString()}::timestamptz, ${row.reason}, ${row.override},
      ${row.offeredBy})`);
}

export async function offersOf(db: Db, countyCode: string, orderId: string): Promise<OfferRow[]> {
  return rows<OfferRow>(
    db,
    sql`${offerSelect} WHERE f.county_code = ${countyCode} AND f.order_id = ${orderId} ORDER BY f.offered_at, f.id`,
  );
}

export async function findOffer(db: Db, id: string): Promise<OfferRow | undefined> {
  const [row] = await rows<OfferRow>(db, sql`${offerSelect} WHERE f.id = ${id}`);
  return row;
}

export async function pendingOffersOfWorker(db: Db, countyCode: string, workerId: string): Promise<OfferRow[]> {
  return rows<OfferRow>(
    db,
    sql`${offerSelect} WHERE f.county_code = ${countyCode} AND f.worker_id = ${workerId} AND f.status = 'pending'
        ORDER BY f.accept_by`,
  );
}

/** Closes a pending offer (accept, decline, expire, withdraw); false when it was no longer pending. */
export async function closeOffer(
  db: Db,
  offer: { countyCode: string; id: string },
  status: string,
  reason: string | null,
  now: Date,
): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    db,
    sql`UPDATE hc_offers SET status = ${status}, responded_at = ${now.toISOString()}::timestamptz,
        reason = COALESCE(${reason}, reason)
      WHERE county_code = ${offer.countyCode} AND id = ${offer.id} AND status = 'pending' RETURNING id`,
  );
  return updated.length === 1;
}

/** A pending offer dies with its order. */
export async function withdrawPendingOffers(
  db: Db,
  order: { countyCode: string; id: string },
  now: Date,
): Promise<void> {
  await db.execute(sql`UPDATE hc_offers SET status = 'withdrawn', responded_at = ${now.toISOString()}::timestamptz
    WHERE county_code = ${order.countyCode} AND order_id = ${order.id} AND status = 'pending'`);
}

export type CandidateFactsRow = {
  workerId: string;
  name: string;
  providerId: string;
  homeLng: number;
  homeLat: number;
  skills: string[];
  certificates: string[];
  levels: string[] | null;
  shifts: { weekday: number; start: string; end: string }[];
  maxDailyVisits: number;
  ratingSum: number;
  ratingCount: number;
  openTasks: number;
  visitsToElder: number;
  declined: boolean;
};

/** Every care worker of the given providers within a box around the elder, with their load and history. */
export async function candidateFacts(
  db: Db,
  input: {
    countyCode: string;
    providerIds: readonly string[];
    orderId: string;
    elderId: string;
    today: string;
    box: { minLng: number; maxLng: number; minLat: number; maxLat: number };
    since: Date;
  },
): Promise<CandidateFactsRow[]> {
  if (input.providerIds.length === 0) return [];
  const { box } = input;
  return rows<CandidateFactsRow>(
    db,
    sql`SELECT p.worker_id AS "workerId", w.name, p.provider_id AS "providerId", p.home_lng AS "homeLng",
        p.home_lat AS "homeLat", p.skills, p.certificates, p.shifts, p.max_daily_visits AS "maxDailyVisits",
        p.rating_sum AS "ratingSum", p.rating_count AS "ratingCount",
        (SELECT array_agg(c.skill_level) FROM worker_certificates c WHERE c.county_code = p.county_code
           AND c.worker_id = p.worker_id AND c.issued_on <= ${input.today}::date
           AND (c.expires_on IS NULL OR c.expires_on >= ${input.today}::date)) AS levels,
        ((SELECT count(*) FROM hc_orders o WHERE o.county_code = p.county_code AND o.worker_id = p.worker_id
           AND o.status IN ('assigned', 'inProgress'))
         + (SELECT count(*) FROM hc_offers f WHERE f.county_code = p.county_code AND f.worker_id = p.worker_id
           AND f.status = 'pending'))::int AS "openTasks",
        (SELECT count(*)::int FROM hc_visits v WHERE v.county_code = p.county_code AND v.worker_id = p.worker_id
           AND v.elder_id = ${input.elderId} AND v.check_in_at >= ${input.since.toISOString()}::timestamptz) AS "visitsToElder",
        EXISTS (SELECT 1 FROM hc_offers f WHERE f.county_code = p.county_code AND f.order_id = ${input.orderId}
           AND f.worker_id = p.worker_id AND f.status IN ('declined', 'expired')) AS declined
      FROM hc_worker_profiles p
      JOIN workers w ON w.county_code = p.county_code AND w.id = p.worker_id
      WHERE p.county_code = ${input.countyCode} AND p.provider_id = ANY(${sql.param([...input.providerIds])}::uuid[])
        AND (w.employed_to IS NULL OR w.employed_to >= ${input.today}::date)
        AND p.home_lng BETWEEN ${box.minLng} AND ${box.maxLng} AND p.home_lat BETWEEN ${box.minLat} AND ${box.maxLat}`,
  );
}

// ─── Alerts ─────────────────────────────────────────────────────────────────────────────────────

export type AlertRow = {
  id: string;
  kind: string;
  orderId: string;
  visitId: string | null;
  elderName: string;
  serviceName: string;
  providerName: string | null;
  workerName: string | null;
  raisedAt: Date;
  dueAt: Date | null;
};

export async function insertAlert(
  db: Db,
  row: {
    countyCode: string;
    id: string;
    kind: string;
    orderId: string;
    visitId: string | null;
    regionCode: string;
    providerId: string | null;
    raisedAt: Date;
    dueAt: Date | null;
  },
): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO hc_alerts (county_code, id, kind, order_id, visit_id, region_code, provider_id, raised_at, due_at)
      VALUES (${row.countyCode}, ${row.id}, ${row.kind}, ${row.orderId}, ${row.visitId}, ${row.regionCode}, ${row.providerId},
        ${row.raisedAt.toISOString()}::timestamptz, ${row.dueAt?.toISOString() ?? null}::timestamptz)
      ON CONFLICT (county_code, order_id, kind) DO NOTHING RETURNING id`,
  );
  return inserted.length === 1;
}

export async function listAlerts(
  db: Db,
  scope: SQL,
  filter: { kind?: string | undefined; since?: string | undefined },
  limit: number,
  offset: number,
): Promise<{ items: AlertRow[]; total: number }> {
  const parts: SQL[] = [scope];
  if (filter.kind) parts.push(sql`a.kind = ${filter.kind}`);
  if (filter.since) parts.push(sql`a.raised_at >= ${filter.since}::timestamptz`);
  const where = sql.join(parts, sql` AND `);
  const from = sql`FROM hc_alerts a JOIN hc_orders o ON o.county_code = a.county_code AND o.id = a.order_id`;
  const items = await rows<AlertRow>(
    db,
    sql`SELECT a.id, a.kind, a.order_id AS "orderId", a.visit_id AS "visitId", e.name AS "elderName", i.name AS "serviceName",
        p.name AS "providerName", w.name AS "workerName", a.raised_at AS "raisedAt", a.due_at AS "dueAt"
      ${from}
      JOIN elders e ON e.county_code = o.county_code AND e.id = o.elder_id
      JOIN hc_service_items i ON i.county_code = o.county_code AND i.id = o.service_item_id
      LEFT JOIN hc_providers p ON p.id = o.provider_id
      LEFT JOIN workers w ON w.county_code = o.county_code AND w.id = o.worker_id
      WHERE ${where} ORDER BY a.raised_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
  );
  const [count] = await rows<{ total: number }>(db, sql`SELECT count(*)::int AS total ${from} WHERE ${where}`);
  return { items, total: count?.total ?? 0 };
}

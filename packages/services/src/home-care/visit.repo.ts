import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Visits, their evidence and the offline sync receipts (migration 0020). */
export type TaskMark = {
  code: string;
  label: string;
  labelEn: string;
  outcome: string | null;
  note: string | null;
  at: string | null;
  by: string | null;
};
export type Confirmation = { method: string; by: string; at: string; signatureRef: string | null };

export type VisitRow = {
  countyCode: string;
  id: string;
  orderId: string;
  elderId: string;
  elderName: string;
  workerId: string;
  workerName: string;
  providerId: string;
  providerName: string;
  serviceItemId: string;
  serviceName: string;
  category: string;
  status: 'inProgress' | 'completed';
  checkInAt: Date;
  checkInLng: number | null;
  checkInLat: number | null;
  checkInAccuracyM: number | null;
  checkInDistanceM: number | null;
  checkInMethod: string;
  checkOutAt: Date | null;
  checkOutLng: number | null;
  checkOutLat: number | null;
  checkOutAccuracyM: number | null;
  checkOutDistanceM: number | null;
  checkOutMethod: string | null;
  toleranceM: number;
  manualReason: string | null;
  tasks: TaskMark[];
  confirmation: Confirmation | null;
  flags: string[];
  verified: boolean;
  subsidyFen: number | null;
  ledgerEntryId: string | null;
  version: number;
};

const visitSelect = sql`SELECT v.county_code AS "countyCode", v.id, v.order_id AS "orderId", v.elder_id AS "elderId",
  e.name AS "elderName", v.worker_id AS "workerId", w.name AS "workerName", v.provider_id AS "providerId",
  p.name AS "providerName", v.service_item_id AS "serviceItemId", i.name AS "serviceName", i.category, v.status,
  v.check_in_at AS "checkInAt", v.check_in_lng AS "checkInLng", v.check_in_lat AS "checkInLat",
  v.check_in_accuracy_m AS "checkInAccuracyM", v.check_in_distance_m AS "checkInDistanceM", v.check_in_method AS "checkInMethod",
  v.check_out_at AS "checkOutAt", v.check_out_lng AS "checkOutLng", v.check_out_lat AS "checkOutLat",
  v.check_out_accuracy_m AS "checkOutAccuracyM", v.check_out_distance_m AS "checkOutDistanceM",
  v.check_out_method AS "checkOutMethod", v.tolerance_m AS "toleranceM", v.manual_reason AS "manualReason", v.tasks,
  v.confirmation, v.flags, v.verified, v.subsidy_fen AS "subsidyFen", v.ledger_entry_id AS "ledgerEntryId", v.version
  FROM hc_visits v
  JOIN elders e ON e.county_code = v.county_code AND e.id = v.elder_id
  JOIN workers w ON w.county_code = v.county_code AND w.id = v.worker_id
  JOIN hc_providers p ON p.id = v.provider_id
  JOIN hc_service_items i ON i.county_code = v.county_code AND i.id = v.service_item_id`;

export async function findVisit(db: Db, id: string, scope?: SQL): Promise<VisitRow | undefined> {
  const [row] = await rows<VisitRow>(db, sql`${visitSelect} WHERE v.id = ${id}${scope ? sql` AND (${scope})` : sql``}`);
  return row;
}

export async function visitOfOrder(db: Db, countyCode: string, orderId: string): Promise<VisitRow | undefined> {
  const [row] = await rows<VisitRow>(
    db,
    sql`${visitSelect} WHERE v.county_code = ${countyCode} AND v.order_id = ${orderId}`,
  );
  return row;
}

/** Visits matching `where` (which may use the order alias `o`), newest first. */
export async function listVisits(
  db: Db,
  where: SQL,
  limit: number,
  offset: number,
): Promise<{ items: VisitRow[]; total: number }> {
  const join = sql`JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id`;
  const items = await rows<VisitRow>(
    db,
    sql`${visitSelect} ${join} WHERE ${where} ORDER BY v.check_in_at DESC, v.id LIMIT ${limit} OFFSET ${offset}`,
  );
  const [count] = await rows<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM hc_visits v ${join} WHERE ${where}`,
  );
  return { items, total: count?.total ?? 0 };
}

export type VisitInsert = {
  countyCode: string;
  id: string;
  orderId: string;
  elderId: string;
  workerId: string;
  providerId: string;
  serviceItemId: string;
  checkInAt: Date;
  lng: number | null;
  lat: number | null;
  accuracyM: number | null;
  distanceM: number | null;
  method: string;
  toleranceM: number;
  manualReason: string | null;
  tasks: TaskMark[];
  flags: string[];
  deviceId: string;
  now: Date;
};

/** Inserts the visit unless its id or its order already has one; true when inserted. */
export async function insertVisit(db: Db, row: VisitInsert): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO hc_visits (county_code, id, order_id, elder_id, worker_id, provider_id, service_item_id, status,
        check_in_at, check_in_lng, check_in_lat, check_in_accuracy_m, check_in_distance_m, check_in_method, tolerance_m,
        manual_reason, tasks, flags, device_id, created_at, updated_at)
      VALUES (${row.countyCode}, ${row.id}, ${row.orderId}, ${row.elderId}, ${row.workerId}, ${row.providerId},
        ${row.serviceItemId}, 'inProgress', ${row.checkInAt.toISOString()}::timestamptz, ${row.lng}, ${row.lat},
        ${row.accuracyM}, ${row.distanceM}, ${row.method}, ${row.toleranceM}, ${row.manualReason},
        ${JSON.stringify(row.tasks)}::jsonb, ${sql.param(row.flags)}::text[], ${row.deviceId},
        ${row.now.toISOString()}::timestamptz, ${row.now.toISOString()}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return inserted.length === 1;
}

export type VisitPatch = {
  tasks?: TaskMark[];
  confirmation?: Confirmation;
  flags?: string[];
  verified?: boolean;
  checkOut?: {
    at: Date;
    lng: number | null;
    lat: number | null;
    accuracyM: number | null;
    distanceM: number | null;
    method: string;
    manualReason: string | null;
  };
  subsidy?: { fen: number; ledgerEntryId: string | null };
};

export async function patchVisit(
  db: Db,
  visit: { countyCode: string; id: string },
  patch: VisitPatch,
  now: Date,
): Promise<void> {
  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}::timestamptz`, sql`version = version + 1`];
  if (patch.tasks) sets.push(sql`tasks = ${JSON.stringify(patch.tasks)}::jsonb`);
  if (patch.confirmation) sets.push(sql`confirmation = ${JSON.stringify(patch.confirmation)}::jsonb`);
  if (patch.flags) sets.push(sql`flags = ${sql.param(patch.flags)}::text[]`);
  if (patch.verified !== undefined) sets.push(sql`verified = ${patch.verified}`);
  const out = patch.checkOut;
  if (out)
    sets.push(sql`status = 'completed', check_out_at = ${out.at.toISOString()}::timestamptz, check_out_lng = ${out.lng},
      check_out_lat = ${out.lat}, check_out_accuracy_m = ${out.accuracyM}, check_out_distance_m = ${out.distanceM},
      check_out_method = ${out.method}, manual_reason = COALESCE(manual_reason, ${out.manualReason})`);
  if (patch.subsidy)
    sets.push(sql`subsidy_fen = ${patch.subsidy.fen}, ledger_entry_id = ${patch.subsidy.ledgerEntryId}`);
  await db.execute(
    sql`UPDATE hc_visits SET ${sql.join(sets, sql`, `)} WHERE county_code = ${visit.countyCode} AND id = ${visit.id}`,
  );
}

export type EvidenceRow = {
  id: string;
  kind: 'note' | 'photo';
  text: string | null;
  photoRef: string | null;
  at: Date;
  lng: number | null;
  lat: number | null;
};

export async function insertEvidence(
  db: Db,
  row: EvidenceRow & { countyCode: string; visitId: string; now: Date },
): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO hc_visit_evidence (county_code, id, visit_id, kind, text, photo_ref, at, lng, lat, created_at)
      VALUES (${row.countyCode}, ${row.id}, ${row.visitId}, ${row.kind}, ${row.text}, ${row.photoRef},
        ${row.at.toISOString()}::timestamptz, ${row.lng}, ${row.lat}, ${row.now.toISOString()}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return inserted.length === 1;
}

export async function evidenceOf(
  db: Db,
  countyCode: string,
  visitIds: readonly string[],
): Promise<Map<string, EvidenceRow[]>> {
  const found = new Map<string, EvidenceRow[]>();
  if (visitIds.length === 0) return found;
  const list = await rows<EvidenceRow & { visitId: string }>(
    db,
    sql`SELECT id, visit_id AS "visitId", kind, text, photo_ref AS "photoRef", at, lng, lat FROM hc_visit_evidence
        WHERE county_code = ${countyCode} AND visit_id = ANY(${sql.param([...visitIds])}::uuid[]) ORDER BY at, id`,
  );
  for (const row of list) found.set(row.visitId, [...(found.get(row.visitId) ?? []), row]);
  return found;
}

// ─── Sync receipts (REL-6) ──────────────────────────────────────────────────────────────────────

export type ReceiptRow = {
  clientId: string;
  status: 'applied' | 'rejected';
  resolution: string | null;
  visitId: string | null;
  code: string | null;
};

export async function receiptsOf(
  db: Db,
  countyCode: string,
  clientIds: readonly string[],
): Promise<Map<string, ReceiptRow>> {
  if (clientIds.length === 0) return new Map();
  const list = await rows<ReceiptRow>(
    db,
    sql`SELECT client_id AS "clientId", status, resolution, visit_id AS "visitId", code FROM hc_sync_receipts
        WHERE county_code = ${countyCode} AND client_id = ANY(${sql.param([...clientIds])}::uuid[])`,
  );
  return new Map(list.map((row) => [row.clientId, row]));
}

/** Records one action's outcome; false when another request recorded the same client id first. */
export async function insertReceipt(
  db: Db,
  row: ReceiptRow & { countyCode: string; workerId: string; deviceId: string; kind: string; now: Date },
): Promise<boolean> {
  const inserted = await rows<{ clientId: string }>(
    db,
    sql`INSERT INTO hc_sync_receipts (county_code, client_id, worker_id, device_id, kind, visit_id, status, resolution, code,
        received_at)
      VALUES (${row.countyCode}, ${row.clientId}, ${row.workerId}, ${row.deviceId}, ${row.kind}, ${row.visitId}, ${row.status},
        ${row.resolution}, ${row.code}, ${row.now.toISOString()}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING client_id AS "clientId"`,
  );
  return inserted.length === 1;
}

/** The caregiver's orders for a day (offered, assigned, in progress or done that day). */
export async function workerOrderIds(db: Db, countyCode: string, workerId: string, day: string): Promise<string[]> {
  const list = await rows<{ id: string }>(
    db,
    sql`SELECT o.id FROM hc_orders o WHERE o.county_code = ${countyCode}
        AND (o.worker_id = ${workerId} OR EXISTS (SELECT 1 FROM hc_offers f WHERE f.county_code = o.county_code
             AND f.order_id = o.id AND f.worker_id = ${workerId} AND f.status = 'pending'))
        AND o.status <> 'cancelled'
        AND (o.status IN ('offered', 'assigned', 'inProgress') OR (o.due_at AT TIME ZONE 'Asia/Shanghai')::date = ${day}::date)
      ORDER BY o.due_at, o.id`,
  );
  return list.map((row) => row.id);
}

import type { AlertDto } from '@kangyang/contracts/home-care';
import { readClock } from '@kangyang/domain/home-care';
import type { Actor } from '../actor.ts';
import { uuidv7 } from '../ids.ts';
import { ORDER_CLOCK_JOB, orderScopeOf, type HomeCareDeps } from './home-care-deps.ts';
import { asDate, iso } from './home-care-mapper.ts';
import { insertAlert, listAlerts } from './offer.repo.ts';
import { findOrder, setClockAlert, type OrderRow } from './order.repo.ts';

/** No check-in this long after the promised arrival: the visit is flagged missed (HCS-6). */
export const MISSED_AFTER_MINUTES = 60;

async function raise(deps: HomeCareDeps, order: OrderRow, kind: string, now: Date): Promise<void> {
  await insertAlert(deps.db, {
    countyCode: order.countyCode,
    id: uuidv7(),
    kind,
    orderId: order.id,
    visitId: null,
    regionCode: order.regionCode,
    providerId: order.providerId,
    raisedAt: now,
    dueAt: asDate(order.dueAt),
  });
}

/**
 * HCS-5 job: runs when the order turns at risk, again after the due time, and once more to mark it
 * missed; each step raises its alert once (unique per order and kind) and schedules the next.
 */
export async function handleOrderClock(deps: HomeCareDeps, payload: unknown): Promise<void> {
  const orderId = (payload as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== 'string') return;
  const order = await findOrder(deps.db, orderId);
  if (!order || order.arrivedAt !== null || order.status === 'cancelled' || order.status === 'completed') return;
  const now = deps.clock.now();
  const due = asDate(order.dueAt);
  const reading = readClock({
    createdAtMs: asDate(order.createdAt).getTime(),
    dueAtMs: due.getTime(),
    targetMinutes: order.targetMinutes,
    arrivedAtMs: null,
    nowMs: now.getTime(),
  });
  if (reading.status === 'atRisk') {
    await raise(deps, order, 'atRisk', now);
    await setClockAlert(deps.db, order, 'atRisk');
    const runAt = new Date(due.getTime() + 1000);
    await deps.jobs.enqueue({
      kind: ORDER_CLOCK_JOB,
      payload: { orderId },
      runAt,
      dedupeKey: `clock:${orderId}:breach`,
    });
    return;
  }
  if (reading.status !== 'breached') return;
  await raise(deps, order, 'breached', now);
  await setClockAlert(deps.db, order, 'breached');
  const missedAt = due.getTime() + MISSED_AFTER_MINUTES * 60_000;
  if (now.getTime() >= missedAt) await raise(deps, order, 'missed', now);
  else
    await deps.jobs.enqueue({
      kind: ORDER_CLOCK_JOB,
      payload: { orderId },
      runAt: new Date(missedAt),
      dedupeKey: `clock:${orderId}:missed`,
    });
}

/** Supervisors' alert list inside the actor's order scope. */
export async function alertsFor(
  deps: HomeCareDeps,
  actor: Actor,
  query: { kind?: string | undefined; since?: string | undefined; limit: number; offset: number },
): Promise<{ items: AlertDto[]; total: number }> {
  const found = await listAlerts(deps.db, orderScopeOf(actor, 'order:read'), query, query.limit, query.offset);
  await deps.audit.record(actor, {
    action: 'homeCare.alert.list',
    resourceType: 'serviceOrder',
    resourceIds: found.items.map((row) => row.orderId).slice(0, 200),
  });
  return {
    items: found.items.map((row) => ({
      id: row.id,
      kind: row.kind as AlertDto['kind'],
      orderId: row.orderId,
      visitId: row.visitId,
      elderName: row.elderName,
      serviceName: row.serviceName,
      providerName: row.providerName,
      workerName: row.workerName,
      raisedAt: iso(row.raisedAt),
      dueAt: row.dueAt === null ? null : iso(row.dueAt),
    })),
    total: found.total,
  };
}

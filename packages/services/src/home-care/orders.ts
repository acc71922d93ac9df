import type { OrderCreateBody, OrderDetailDto, OrderDto, OrderListQuery } from '@kangyang/contracts/home-care';
import { DEFAULT_RESPONSE_TARGET_MINUTES, dueAt, readClock } from '@kangyang/domain/home-care';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { loadElderInScope } from '../applications/elder-scope.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import { priceFor } from './catalogue.ts';
import { findServiceItem } from './catalogue.repo.ts';
import { offerToBest } from './dispatch.ts';
import { ORDER_CLOCK_JOB, orderScopesOf, type HomeCareDeps } from './home-care-deps.ts';
import { toOrderDto } from './home-care-mapper.ts';
import { loadOrderScoped, orderDetail } from './order-access.ts';
import { withdrawPendingOffers } from './offer.repo.ts';
import { findOrder, insertOrder, listOrders, orderByKey, setOrderState, type OrderInsert } from './order.repo.ts';

/** Stores the order, schedules its clock job and audits it, in one transaction; false on a key race. */
async function insertWithClock(
  deps: HomeCareDeps,
  actor: Actor,
  row: OrderInsert,
  elderBlindIndex: string | null,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    if (!(await insertOrder(tx, row))) return false;
    const { atRiskAtMs } = readClock({
      createdAtMs: row.createdAt.getTime(),
      dueAtMs: row.dueAt.getTime(),
      targetMinutes: row.targetMinutes,
      arrivedAtMs: null,
      nowMs: row.createdAt.getTime(),
    });
    await deps.jobs.enqueue(
      {
        kind: ORDER_CLOCK_JOB,
        payload: { orderId: row.id },
        runAt: new Date(atRiskAtMs),
        dedupeKey: `clock:${row.id}:atRisk`,
      },
      tx,
    );
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.order.create',
        resourceType: 'serviceOrder',
        resourceIds: [row.id, row.elderId],
        chain: row.countyCode,
        ...(elderBlindIndex ? { elderBlindIndex } : {}),
        details: { channel: row.channel, serviceItemId: row.serviceItemId, subsidyFen: row.subsidyFen },
      },
      tx,
    );
    return true;
  });
}

/**
 * HCS-3: an order from any channel. With an idempotency key, a retried request finds its order
 * instead of making a second one (API-4). As-soon-as-possible orders are offered at once (HCS-4).
 */
export async function createOrder(
  deps: HomeCareDeps,
  actor: Actor,
  body: OrderCreateBody,
  idempotencyKey?: string | null,
): Promise<OrderDetailDto> {
  const elder = await loadElderInScope(deps, actor, body.elderId, 'order:write', 'homeCare.order.create');
  return createOrderFor(deps, actor, elder, body, idempotencyKey);
}

/** HCS-3 for an elder the caller already reached (staff scope, or an elder/family link, AZ-8). */
export async function createOrderFor(
  deps: HomeCareDeps,
  actor: Actor,
  elder: ElderRow,
  body: OrderCreateBody,
  idempotencyKey?: string | null,
): Promise<OrderDetailDto> {
  if (elder.status !== 'active')
    throw new AppError('VALIDATION_FAILED', { field: 'elderId', detail: elder.status }, 'elderId');
  const key = idempotencyKey ? `${actor.userId}:${idempotencyKey}` : null;
  if (key) {
    const existing = await orderByKey(deps.db, elder.countyCode, key);
    if (existing) return orderDetail(deps, existing.id);
  }
  const item = await findServiceItem(deps.db, body.serviceItemId);
  if (!item || item.countyCode !== elder.countyCode || !item.active)
    throw new AppError('VALIDATION_FAILED', { field: 'serviceItemId', detail: '' }, 'serviceItemId');
  const { quote, targetMinutes } = await priceFor(deps, elder, item);
  const target = targetMinutes ?? DEFAULT_RESPONSE_TARGET_MINUTES;
  const now = deps.clock.now();
  const scheduledFor = body.scheduledFor ? new Date(body.scheduledFor) : null;
  const due = new Date(dueAt(now.getTime(), scheduledFor?.getTime() ?? null, target));
  const id = uuidv7();
  const row: OrderInsert = {
    countyCode: elder.countyCode,
    id,
    regionCode: elder.residenceRegionCode,
    elderId: elder.id,
    serviceItemId: item.id,
    channel: body.channel,
    urgency: body.channel === 'sosCall' ? 'urgent' : body.urgency,
    status: 'open',
    scheduledFor,
    targetMinutes: target,
    dueAt: due,
    providerId: body.providerId ?? null,
    workerId: null,
    priceFen: quote.priceFen,
    subsidyFen: quote.subsidyFen,
    elderPaysFen: quote.elderPaysFen,
    priceRuleId: quote.ruleId,
    programme: quote.programme,
    callerName: body.callerName ?? null,
    callerRelation: body.callerRelation ?? null,
    notes: body.notes ?? null,
    idempotencyKey: key,
    createdBy: actor.userId,
    createdAt: now,
  };
  const inserted = await insertWithClock(deps, actor, row, elder.idNumberBlindIndex);
  if (!inserted && key) {
    const raced = await orderByKey(deps.db, elder.countyCode, key);
    if (raced) return orderDetail(deps, raced.id);
  }
  const order = await findOrder(deps.db, id);
  if (order && order.scheduledFor === null) await offerToBest(deps, actor, order);
  return orderDetail(deps, id);
}

export async function getOrder(deps: HomeCareDeps, actor: Actor, id: string): Promise<OrderDetailDto> {
  const order = await loadOrderScoped(deps, actor, id, 'order:read', 'homeCare.order.read');
  await deps.audit.record(actor, {
    action: 'homeCare.order.read',
    resourceType: 'serviceOrder',
    resourceIds: [order.id, order.elderId],
    chain: order.countyCode,
  });
  return orderDetail(deps, order.id);
}

export async function listOrdersFor(
  deps: HomeCareDeps,
  actor: Actor,
  query: OrderListQuery,
): Promise<{ items: OrderDto[]; total: number }> {
  const { limit, offset, ...filter } = query;
  const found = await listOrders(deps.db, { ...filter, scopes: orderScopesOf(actor, 'order:read') }, limit, offset);
  await deps.audit.record(actor, {
    action: 'homeCare.order.list',
    resourceType: 'serviceOrder',
    resourceIds: found.items.map((row) => row.id).slice(0, 200),
    details: { total: found.total, elderId: query.elderId ?? null },
  });
  const now = deps.clock.now();
  return { items: found.items.map((row) => toOrderDto(row, now)), total: found.total };
}

export async function cancelOrder(
  deps: HomeCareDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<OrderDetailDto> {
  const order = await loadOrderScoped(deps, actor, id, 'order:write', 'homeCare.order.cancel');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const moved = await setOrderState(
      tx,
      order,
      ['open', 'offered', 'assigned'],
      { status: 'cancelled', cancelReason: reason },
      now,
    );
    if (!moved) throw new AppError('HC_ORDER_STATE', { status: order.status });
    await withdrawPendingOffers(tx, order, now);
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.order.cancel',
        resourceType: 'serviceOrder',
        resourceIds: [order.id],
        reason,
        chain: order.countyCode,
      },
      tx,
    );
  });
  return orderDetail(deps, order.id);
}

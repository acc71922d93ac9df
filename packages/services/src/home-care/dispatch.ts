import type { CandidateDto, OrderDetailDto, OverrideBody } from '@kangyang/contracts/home-care';
import { AppError } from '../app-error.ts';
import { systemActor, type Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { findWorkerProfile } from './catalogue.repo.ts';
import { rankForOrder } from './dispatch-ranking.ts';
import { OFFER_TIMEOUT_JOB, offerTimeoutMs, type HomeCareDeps } from './home-care-deps.ts';
import { asDate, toCandidateDto } from './home-care-mapper.ts';
import { closeOffer, findOffer, insertAlert, insertOffer, offersOf } from './offer.repo.ts';
import { loadOrderScoped, orderDetail } from './order-access.ts';
import { findOrder, setOrderState, type OrderRow } from './order.repo.ts';

const CANDIDATE_LIMIT = 20;

/** The ranked list the operator sees, with reasons (HCS-4). */
export async function candidates(deps: HomeCareDeps, actor: Actor, orderId: string): Promise<CandidateDto[]> {
  const order = await loadOrderScoped(deps, actor, orderId, 'order:dispatch', 'homeCare.order.candidates');
  const ranked = await rankForOrder(deps, order, CANDIDATE_LIMIT);
  await deps.audit.record(actor, {
    action: 'homeCare.order.candidates',
    resourceType: 'serviceOrder',
    resourceIds: [order.id],
    chain: order.countyCode,
  });
  return ranked.map(toCandidateDto);
}

/**
 * Offers an open order to the best eligible candidate with an accept deadline; the timeout job passes
 * it on. Returns false when nobody is eligible (the order stays open for an operator).
 */
export async function offerToBest(deps: HomeCareDeps, actor: Actor, order: OrderRow): Promise<boolean> {
  const ranked = await rankForOrder(deps, order, CANDIDATE_LIMIT);
  const best = ranked.find((entry) => entry.eligible);
  if (!best) return false;
  const now = deps.clock.now();
  const acceptBy = new Date(now.getTime() + offerTimeoutMs(deps));
  const offerId = uuidv7();
  return deps.db.transaction(async (tx) => {
    const moved = await setOrderState(
      tx,
      order,
      ['open'],
      { status: 'offered', providerId: best.worker.providerId },
      now,
    );
    if (!moved) return false;
    await insertOffer(tx, {
      countyCode: order.countyCode,
      id: offerId,
      orderId: order.id,
      workerId: best.worker.workerId,
      rank: best.rank,
      status: 'pending',
      offeredAt: now,
      acceptBy,
      reason: null,
      override: false,
      offeredBy: actor.userId,
    });
    await deps.jobs.enqueue(
      { kind: OFFER_TIMEOUT_JOB, payload: { offerId }, runAt: acceptBy, dedupeKey: `offer:${offerId}` },
      tx,
    );
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.order.offer',
        resourceType: 'serviceOrder',
        resourceIds: [order.id],
        chain: order.countyCode,
        details: { offerId, workerId: best.worker.workerId, rank: best.rank, score: best.score },
      },
      tx,
    );
    return true;
  });
}

export async function dispatch(deps: HomeCareDeps, actor: Actor, orderId: string): Promise<OrderDetailDto> {
  const order = await loadOrderScoped(deps, actor, orderId, 'order:dispatch', 'homeCare.order.dispatch');
  if (order.status !== 'open') throw new AppError('HC_ORDER_STATE', { status: order.status });
  if (!(await offerToBest(deps, actor, order))) throw new AppError('HC_NO_CANDIDATE');
  return orderDetail(deps, order.id);
}

/** The accept deadline passed: the offer expires and the order goes to the next candidate (job handler). */
export async function handleOfferTimeout(deps: HomeCareDeps, payload: unknown): Promise<void> {
  const offerId = (payload as { offerId?: unknown } | null)?.offerId;
  if (typeof offerId !== 'string') return;
  const offer = await findOffer(deps.db, offerId);
  const now = deps.clock.now();
  if (!offer || offer.status !== 'pending' || asDate(offer.acceptBy) > now) return;
  const order = await findOrder(deps.db, offer.orderId);
  if (!order) return;
  const reopened = await deps.db.transaction(async (tx) => {
    if (!(await closeOffer(tx, offer, 'expired', null, now))) return false;
    await insertAlert(tx, {
      countyCode: order.countyCode,
      id: uuidv7(),
      kind: 'offerExpired',
      orderId: order.id,
      visitId: null,
      regionCode: order.regionCode,
      providerId: order.providerId,
      raisedAt: now,
      dueAt: asDate(order.dueAt),
    });
    return setOrderState(tx, order, ['offered'], { status: 'open' }, now);
  });
  if (!reopened) return;
  const fresh = await findOrder(deps.db, order.id);
  if (fresh) await offerToBest(deps, systemActor({ requestId: 'homeCare.offerTimeout' }), fresh);
}

/** The caregiver accepts (order assigned) or declines (passes on at once) a pending offer. */
export async function replyToOffer(
  deps: HomeCareDeps,
  actor: Actor,
  workerId: string,
  offerId: string,
  reply: { accept: boolean; reason?: string | null | undefined },
  db: Db = deps.db,
): Promise<void> {
  const offer = await findOffer(db, offerId);
  if (!offer || offer.workerId !== workerId) throw new AppError('NOT_FOUND');
  if (offer.status !== 'pending') throw new AppError('HC_OFFER_CLOSED', { status: offer.status });
  const now = deps.clock.now();
  const order = await findOrder(db, offer.orderId);
  if (!order) throw new AppError('NOT_FOUND');
  const status = reply.accept ? 'accepted' : 'declined';
  if (!(await closeOffer(db, offer, status, reply.reason ?? null, now)))
    throw new AppError('HC_OFFER_CLOSED', { status: 'closed' });
  const next = reply.accept ? { status: 'assigned', workerId } : { status: 'open' };
  await setOrderState(db, order, ['offered'], next, now);
  await deps.audit.record(
    actor,
    {
      action: reply.accept ? 'homeCare.offer.accept' : 'homeCare.offer.decline',
      resourceType: 'serviceOrder',
      resourceIds: [order.id],
      chain: order.countyCode,
      details: { offerId },
    },
    db,
  );
}

/** After a decline, outside the caregiver's transaction: the next candidate gets the offer. */
export async function passOn(deps: HomeCareDeps, orderId: string): Promise<void> {
  const order = await findOrder(deps.db, orderId);
  if (order?.status === 'open') await offerToBest(deps, systemActor({ requestId: 'homeCare.passOn' }), order);
}

/** HCS-4: an operator assigns a worker directly, with a reason; a pending offer is withdrawn. */
export async function override(
  deps: HomeCareDeps,
  actor: Actor,
  orderId: string,
  body: OverrideBody,
): Promise<OrderDetailDto> {
  const order = await loadOrderScoped(deps, actor, orderId, 'order:dispatch', 'homeCare.order.override');
  if (!['open', 'offered', 'assigned'].includes(order.status))
    throw new AppError('HC_ORDER_STATE', { status: order.status });
  const profile = await findWorkerProfile(deps.db, body.workerId);
  if (!profile || profile.countyCode !== order.countyCode)
    throw new AppError('HC_WORKER_INELIGIBLE', { reason: 'noCareProfile' }, 'workerId');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    for (const offer of await offersOf(tx, order.countyCode, order.id))
      if (offer.status === 'pending') await closeOffer(tx, offer, 'withdrawn', body.reason, now);
    const moved = await setOrderState(
      tx,
      order,
      ['open', 'offered', 'assigned'],
      { status: 'assigned', providerId: profile.providerId, workerId: profile.workerId },
      now,
    );
    if (!moved) throw new AppError('HC_ORDER_STATE', { status: 'changed' });
    await insertOffer(tx, {
      countyCode: order.countyCode,
      id: uuidv7(),
      orderId: order.id,
      workerId: profile.workerId,
      rank: 0,
      status: 'accepted',
      offeredAt: now,
      acceptBy: now,
      reason: body.reason,
      override: true,
      offeredBy: actor.userId,
    });
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.order.override',
        resourceType: 'serviceOrder',
        resourceIds: [order.id],
        reason: body.reason,
        chain: order.countyCode,
        details: { workerId: profile.workerId },
      },
      tx,
    );
  });
  return orderDetail(deps, order.id);
}

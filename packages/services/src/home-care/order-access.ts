import type { OrderDetailDto } from '@kangyang/contracts/home-care';
import type { Permission } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { orderScopesOf, type HomeCareDeps } from './home-care-deps.ts';
import { toOfferDto, toOrderDto, toVisitDto } from './home-care-mapper.ts';
import { offersOf } from './offer.repo.ts';
import { findOrder, orderCountyOf, type OrderRow } from './order.repo.ts';
import { evidenceOf, visitOfOrder } from './visit.repo.ts';

/** Loads an order inside the actor's scope for `permission`, or audits the denial and answers 404 (AZ-3, AZ-4). */
export async function loadOrderScoped(
  deps: HomeCareDeps,
  actor: Actor,
  id: string,
  permission: Permission,
  action: string,
): Promise<OrderRow> {
  const row = await findOrder(deps.db, id, orderScopesOf(actor, permission));
  if (row) return row;
  const county = await orderCountyOf(deps.db, id);
  await deps.audit.record(actor, {
    action,
    resourceType: 'serviceOrder',
    resourceIds: [id],
    outcome: 'denied',
    reason: county ? 'outOfScope' : 'notFound',
    chain: county,
  });
  throw new AppError('NOT_FOUND');
}

/** Reloads an order (unscoped: the caller already proved access) and assembles its detail. */
export async function orderDetail(deps: HomeCareDeps, id: string, db: Db = deps.db): Promise<OrderDetailDto> {
  const order = await findOrder(db, id);
  if (!order) throw new AppError('NOT_FOUND');
  const offers = await offersOf(db, order.countyCode, order.id);
  const visit = await visitOfOrder(db, order.countyCode, order.id);
  const evidence = visit ? await evidenceOf(db, order.countyCode, [visit.id]) : new Map();
  return {
    ...toOrderDto(order, deps.clock.now()),
    offers: offers.map(toOfferDto),
    visit: visit ? toVisitDto(visit, evidence.get(visit.id) ?? []) : null,
  };
}

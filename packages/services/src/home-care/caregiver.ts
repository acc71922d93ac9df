import type { CaregiverTaskDto, TaskList, VisitDto, VisitListQuery } from '@kangyang/contracts/home-care';
import { DEFAULT_TOLERANCE_M } from '@kangyang/domain/home-care';
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { loadElderUnscoped } from '../applications/elder-scope.ts';
import { findServiceItem, workerProfileOfUser, type WorkerProfileRow } from './catalogue.repo.ts';
import { orderScopeOf, type HomeCareDeps } from './home-care-deps.ts';
import { iso, toOfferDto, toTaskDto, toVisitDto } from './home-care-mapper.ts';
import { pendingOffersOfWorker } from './offer.repo.ts';
import { findOrder, type OrderRow } from './order.repo.ts';
import { evidenceOf, findVisit, listVisits, visitOfOrder, workerOrderIds } from './visit.repo.ts';

/** The signed-in caregiver's worker record (visit:own), or 403 when the account has none. */
export async function caregiverOf(deps: HomeCareDeps, actor: Actor): Promise<WorkerProfileRow> {
  const worker = await workerProfileOfUser(deps.db, actor.userId);
  if (!worker) throw new AppError('HC_NOT_A_CAREGIVER');
  return worker;
}

async function toTask(deps: HomeCareDeps, order: OrderRow, worker: WorkerProfileRow): Promise<CaregiverTaskDto> {
  const elder = await loadElderUnscoped(deps.db, order.elderId);
  const item = await findServiceItem(deps.db, order.serviceItemId);
  const visit = await visitOfOrder(deps.db, order.countyCode, order.id);
  const offer = (await pendingOffersOfWorker(deps.db, order.countyCode, worker.workerId)).find(
    (entry) => entry.orderId === order.id,
  );
  const templates = (item?.tasks ?? []).map((task) => ({ ...task, outcome: null, note: null, at: null, by: null }));
  const status: CaregiverTaskDto['status'] = offer
    ? 'offered'
    : order.status === 'completed'
      ? 'completed'
      : order.status === 'inProgress'
        ? 'inProgress'
        : 'assigned';
  return {
    orderId: order.id,
    offer: offer ? toOfferDto(offer) : null,
    visitId: visit?.id ?? null,
    status,
    elderName: order.elderName,
    elderPhone: elder?.phoneMasked ?? null,
    address: elder?.address ?? null,
    home: elder?.lng != null && elder.lat != null ? { lng: elder.lng, lat: elder.lat } : null,
    toleranceM: visit?.toleranceM ?? deps.config?.toleranceM ?? DEFAULT_TOLERANCE_M,
    serviceName: order.serviceName,
    serviceNameEn: item?.nameEn ?? order.serviceName,
    durationMinutes: item?.durationMinutes ?? 0,
    urgency: order.urgency,
    scheduledFor: order.scheduledFor === null ? null : iso(order.scheduledFor),
    dueAt: iso(order.dueAt),
    tasks: (visit?.tasks ?? templates).map(toTaskDto),
    checkedInAt: visit ? iso(visit.checkInAt) : null,
    checkedOutAt: visit?.checkOutAt ? iso(visit.checkOutAt) : null,
    confirmed: visit?.confirmation != null,
    flags: (visit?.flags ?? []) as CaregiverTaskDto['flags'],
  };
}

/** HCS-6: the caregiver's phone view: offers to answer and today's visits, own tasks only. */
export async function todayTasks(
  deps: HomeCareDeps,
  actor: Actor,
  date?: string,
  known?: WorkerProfileRow,
): Promise<TaskList> {
  const worker = known ?? (await caregiverOf(deps, actor));
  const day = date ?? deps.clock.today();
  const ids = await workerOrderIds(deps.db, worker.countyCode, worker.workerId, day);
  const items: CaregiverTaskDto[] = [];
  for (const id of ids) {
    const order = await findOrder(deps.db, id);
    if (order) items.push(await toTask(deps, order, worker));
  }
  await deps.audit.record(actor, {
    action: 'homeCare.tasks.read',
    resourceType: 'serviceOrder',
    resourceIds: ids,
    chain: worker.countyCode,
  });
  return { date: day, workerId: worker.workerId, items };
}

/** Visits in the actor's scope: the elder record's and the provider's views (HCS-6, HCS-8). */
export async function visitsFor(
  deps: HomeCareDeps,
  actor: Actor,
  query: VisitListQuery,
): Promise<{ items: VisitDto[]; total: number }> {
  const parts: SQL[] = [orderScopeOf(actor, 'order:read')];
  if (query.elderId) parts.push(sql`v.elder_id = ${query.elderId}`);
  if (query.providerId) parts.push(sql`v.provider_id = ${query.providerId}`);
  if (query.workerId) parts.push(sql`v.worker_id = ${query.workerId}`);
  if (query.flag) parts.push(sql`${query.flag} = ANY(v.flags)`);
  if (query.date) parts.push(sql`(v.check_in_at AT TIME ZONE 'Asia/Shanghai')::date = ${query.date}::date`);
  const found = await listVisits(deps.db, sql.join(parts, sql` AND `), query.limit, query.offset);
  const byCounty = new Map<string, string[]>();
  for (const row of found.items) byCounty.set(row.countyCode, [...(byCounty.get(row.countyCode) ?? []), row.id]);
  const evidence = new Map<string, Awaited<ReturnType<typeof evidenceOf>> extends Map<string, infer V> ? V : never>();
  for (const [county, ids] of byCounty)
    for (const [id, list] of await evidenceOf(deps.db, county, ids)) evidence.set(id, list);
  await deps.audit.record(actor, {
    action: 'homeCare.visit.list',
    resourceType: 'visit',
    resourceIds: found.items.map((row) => row.id).slice(0, 200),
    details: { elderId: query.elderId ?? null, providerId: query.providerId ?? null, total: found.total },
  });
  return { items: found.items.map((row) => toVisitDto(row, evidence.get(row.id) ?? [])), total: found.total };
}

export async function getVisit(deps: HomeCareDeps, actor: Actor, id: string): Promise<VisitDto> {
  const scope = sql`EXISTS (SELECT 1 FROM hc_orders o WHERE o.county_code = v.county_code AND o.id = v.order_id AND ${orderScopeOf(actor, 'order:read')})`;
  const visit = await findVisit(deps.db, id, scope);
  if (!visit) {
    await deps.audit.record(actor, {
      action: 'homeCare.visit.read',
      resourceType: 'visit',
      resourceIds: [id],
      outcome: 'denied',
      reason: 'notFound',
    });
    throw new AppError('NOT_FOUND');
  }
  const evidence = await evidenceOf(deps.db, visit.countyCode, [visit.id]);
  await deps.audit.record(actor, {
    action: 'homeCare.visit.read',
    resourceType: 'visit',
    resourceIds: [visit.id, visit.elderId],
    chain: visit.countyCode,
  });
  return toVisitDto(visit, evidence.get(visit.id) ?? []);
}

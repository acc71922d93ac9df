import type { CarePlanCreateBody, CarePlanDto, CarePlanList } from '@kangyang/contracts/care-plans';
import { addDays, occurrencesIn } from '@kangyang/domain/home-care';
import { AppError } from '../app-error.ts';
import { systemActor, type Actor } from '../actor.ts';
import { loadElderInScope } from '../applications/elder-scope.ts';
import { shanghaiDay } from '../clock.ts';
import { uuidv7 } from '../ids.ts';
import { findServiceItem } from './catalogue.repo.ts';
import { orderScopesOf, type HomeCareDeps } from './home-care-deps.ts';
import { iso } from './home-care-mapper.ts';
import { orderByKey } from './order.repo.ts';
import { cancelOrder, createOrder } from './orders.ts';
import * as repo from './care-plan.repo.ts';

export const CARE_PLAN_JOB = 'homeCare.carePlans';
/** How many days ahead the daily job books a plan's visits (today included). */
export const CARE_PLAN_HORIZON_DAYS = 7;
const PAGE = 200;

/** The order key of one plan's visit on one day: re-running the job finds the order instead of adding one. */
const occurrenceKey = (planId: string, date: string) => `carePlan:${planId}:${date}`;
const bookingActor = () => systemActor({ requestId: CARE_PLAN_JOB });

function toDto(row: repo.CarePlanRow): CarePlanDto {
  return {
    id: row.id,
    elderId: row.elderId,
    serviceItemId: row.serviceItemId,
    providerId: row.providerId,
    weekdays: row.weekdays.split(',').map(Number),
    timeOfDay: row.timeOfDay,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    notes: row.notes,
    endReason: row.endReason,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    endedAt: row.endedAt === null ? null : iso(row.endedAt),
  };
}

/** Books the plan's visits of the next days as 'carePlan' orders through the ordinary order path; returns how many were new. */
async function bookPlan(deps: HomeCareDeps, plan: repo.CarePlanRow): Promise<number> {
  const actor = bookingActor();
  const now = deps.clock.now();
  const today = shanghaiDay(now);
  const window = { from: today, to: addDays(today, CARE_PLAN_HORIZON_DAYS - 1) };
  const pattern = { weekdays: plan.weekdays.split(',').map(Number), timeOfDay: plan.timeOfDay };
  let booked = 0;
  for (const occurrence of occurrencesIn(pattern, plan, window, now.getTime())) {
    const key = occurrenceKey(plan.id, occurrence.date);
    if (await orderByKey(deps.db, plan.countyCode, `${actor.userId}:${key}`)) continue;
    const body = {
      elderId: plan.elderId,
      serviceItemId: plan.serviceItemId,
      channel: 'carePlan' as const,
      urgency: 'routine' as const,
      scheduledFor: occurrence.startsAt.toISOString(),
      providerId: plan.providerId,
      notes: plan.notes,
    };
    await createOrder(deps, actor, body, key);
    booked += 1;
  }
  return booked;
}

/** Books the next daily run (01:00 China time tomorrow), once per day. */
export async function scheduleCarePlanJob(deps: HomeCareDeps): Promise<boolean> {
  const next = new Date(`${deps.clock.today()}T01:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return deps.jobs.enqueue({
    kind: CARE_PLAN_JOB,
    payload: {},
    runAt: next,
    dedupeKey: `${CARE_PLAN_JOB}:${next.toISOString().slice(0, 10)}`,
  });
}

/**
 * The daily job: every active plan's visits of the next 7 days become orders. Idempotent: a visit
 * already booked is found by its key. A plan whose elder or service is no longer valid is skipped.
 */
export async function runCarePlans(deps: HomeCareDeps): Promise<{ plans: number; booked: number; skipped: number }> {
  const today = shanghaiDay(deps.clock.now());
  const totals = { plans: 0, booked: 0, skipped: 0 };
  let afterId: string | null = null;
  for (;;) {
    const page = await repo.activeCarePlans(deps.db, today, afterId, PAGE);
    for (const plan of page) {
      totals.plans += 1;
      try {
        totals.booked += await bookPlan(deps, plan);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        totals.skipped += 1;
      }
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]?.id ?? null;
  }
  return totals;
}

export async function handleCarePlanJob(deps: HomeCareDeps): Promise<void> {
  await runCarePlans(deps);
  await scheduleCarePlanJob(deps);
}

export async function createCarePlan(deps: HomeCareDeps, actor: Actor, body: CarePlanCreateBody): Promise<CarePlanDto> {
  const elder = await loadElderInScope(deps, actor, body.elderId, 'order:write', 'homeCare.carePlan.create');
  if (elder.status !== 'active')
    throw new AppError('VALIDATION_FAILED', { field: 'elderId', detail: elder.status }, 'elderId');
  const item = await findServiceItem(deps.db, body.serviceItemId);
  if (!item || item.countyCode !== elder.countyCode || !item.active)
    throw new AppError('VALIDATION_FAILED', { field: 'serviceItemId', detail: '' }, 'serviceItemId');
  const row: repo.CarePlanInsert = {
    countyCode: elder.countyCode,
    id: uuidv7(),
    regionCode: elder.residenceRegionCode,
    elderId: elder.id,
    serviceItemId: item.id,
    providerId: body.providerId ?? null,
    weekdays: [...body.weekdays].sort((a, b) => a - b).join(','),
    timeOfDay: body.timeOfDay,
    startDate: body.startDate,
    endDate: body.endDate ?? null,
    notes: body.notes ?? null,
    createdBy: actor.userId,
    createdAt: deps.clock.now(),
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertCarePlan(tx, row);
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.carePlan.create',
        resourceType: 'carePlan',
        resourceIds: [row.id, row.elderId],
        chain: row.countyCode,
        ...(elder.idNumberBlindIndex ? { elderBlindIndex: elder.idNumberBlindIndex } : {}),
        details: { serviceItemId: row.serviceItemId, weekdays: row.weekdays, timeOfDay: row.timeOfDay },
      },
      tx,
    );
  });
  const plan = await repo.findCarePlan(deps.db, row.id);
  if (!plan) throw new AppError('NOT_FOUND');
  await bookPlan(deps, plan);
  await scheduleCarePlanJob(deps);
  return toDto(plan);
}

export async function listCarePlans(deps: HomeCareDeps, actor: Actor, elderId: string): Promise<CarePlanList> {
  const elder = await loadElderInScope(deps, actor, elderId, 'order:read', 'homeCare.carePlan.list');
  const found = await repo.carePlansOfElder(deps.db, elder.countyCode, elder.id);
  await deps.audit.record(actor, {
    action: 'homeCare.carePlan.list',
    resourceType: 'carePlan',
    resourceIds: [elder.id, ...found.map((plan) => plan.id)],
    chain: elder.countyCode,
  });
  return { items: found.map(toDto) };
}

/** Ends a plan: no further visits are booked, and its booked visits not yet started are cancelled. */
export async function endCarePlan(deps: HomeCareDeps, actor: Actor, id: string, reason: string): Promise<CarePlanDto> {
  const plan = await repo.findCarePlan(deps.db, id, orderScopesOf(actor, 'order:write'));
  if (!plan) {
    const county = await repo.carePlanCountyOf(deps.db, id);
    await deps.audit.record(actor, {
      action: 'homeCare.carePlan.end',
      resourceType: 'carePlan',
      resourceIds: [id],
      outcome: 'denied',
      reason: county ? 'outOfScope' : 'notFound',
      chain: county,
    });
    throw new AppError('NOT_FOUND');
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const change = { endDate: shanghaiDay(now), reason, endedBy: actor.userId, at: now };
    if (!(await repo.endCarePlan(tx, plan, change))) throw new AppError('HC_CARE_PLAN_ENDED');
    const audit = { resourceType: 'carePlan', resourceIds: [plan.id, plan.elderId], reason, chain: plan.countyCode };
    await deps.audit.record(actor, { action: 'homeCare.carePlan.end', ...audit }, tx);
  });
  const prefix = `${bookingActor().userId}:${occurrenceKey(plan.id, '')}`;
  for (const order of await repo.pendingPlanOrders(deps.db, plan.countyCode, prefix, now.toISOString()))
    await cancelOrder(deps, actor, order.id, reason);
  const ended = await repo.findCarePlan(deps.db, id);
  if (!ended) throw new AppError('NOT_FOUND');
  return toDto(ended);
}

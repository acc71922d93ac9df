import type { SyncAction } from '@kangyang/contracts/home-care';
import {
  DEFAULT_TOLERANCE_M,
  MAX_ACCURACY_CREDIT_M,
  checkLocation,
  decideOnce,
  decideTaskEdit,
  isVerified,
  visitFlags,
  type FlagInput,
  type LocationCheck,
} from '@kangyang/domain/home-care';
import { AppError } from '../app-error.ts';
import type { Db } from '../db/database.ts';
import { loadElderUnscoped } from '../applications/elder-scope.ts';
import { uuidv7 } from '../ids.ts';
import { findServiceItem, type WorkerProfileRow } from './catalogue.repo.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { asDate } from './home-care-mapper.ts';
import { postVisitSubsidy } from './ledger-feed.ts';
import { insertAlert } from './offer.repo.ts';
import { findOrder, setOrderState, type OrderRow } from './order.repo.ts';
import { visitCodeOf } from './visit-code.ts';
import * as visits from './visit.repo.ts';

/** What one applied action did: `stale` when a stored value was kept (merge rules in domain/home-care). */
export type ActionResult = { resolution: 'stored' | 'stale'; visitId: string | null; passOnOrderId?: string };
export type ActionContext = {
  deps: HomeCareDeps;
  tx: Db;
  worker: WorkerProfileRow;
  clientId: string;
  deviceId: string;
};

type Located = { location?: { lng: number; lat: number; accuracyM?: number | undefined } | null | undefined };
type Verified = { method: string; code?: string | null | undefined; manualReason?: string | null | undefined };

function checkMethod(action: Verified, orderId: string): void {
  if (action.method === 'manual' && !action.manualReason)
    throw new AppError('HC_MANUAL_REASON_REQUIRED', {}, 'manualReason');
  if ((action.method === 'qr' || action.method === 'elderCode') && action.code !== visitCodeOf(orderId))
    throw new AppError('HC_CODE_INVALID', {}, 'code');
}

async function homeOf(tx: Db, elderId: string): Promise<{ lng: number; lat: number } | null> {
  const elder = await loadElderUnscoped(tx, elderId);
  return elder?.lng != null && elder.lat != null ? { lng: elder.lng, lat: elder.lat } : null;
}

const where = (check: LocationCheck): FlagInput['checkInLocation'] => check.status;
const fixOf = (action: Located) => ({
  lng: action.location?.lng ?? null,
  lat: action.location?.lat ?? null,
  accuracyM: action.location?.accuracyM ?? null,
});

async function raiseVisitAlert(ctx: ActionContext, order: OrderRow, kind: string, visitId: string): Promise<void> {
  await insertAlert(ctx.tx, {
    countyCode: order.countyCode,
    id: uuidv7(),
    kind,
    orderId: order.id,
    visitId,
    regionCode: order.regionCode,
    providerId: order.providerId,
    raisedAt: ctx.deps.clock.now(),
    dueAt: asDate(order.dueAt),
  });
}

/** Check-in: creates the visit under the phone's id; one visit per order, the first stored wins. */
export async function checkIn(
  ctx: ActionContext,
  action: Extract<SyncAction, { kind: 'checkIn' }>,
): Promise<ActionResult> {
  const { tx, worker } = ctx;
  const existing = await visits.findVisit(tx, action.visitId);
  if (existing) {
    if (existing.workerId !== worker.workerId || existing.orderId !== action.orderId)
      throw new AppError('CONFLICT', {}, 'visitId');
    return { resolution: 'stale', visitId: existing.id };
  }
  const order = await findOrder(tx, action.orderId);
  if (!order || order.workerId !== worker.workerId) throw new AppError('NOT_FOUND', {}, 'orderId');
  const other = await visits.visitOfOrder(tx, order.countyCode, order.id);
  if (other) throw new AppError('HC_VISIT_EXISTS', {}, 'visitId');
  if (order.status !== 'assigned') throw new AppError('HC_ORDER_STATE', { status: order.status });
  checkMethod(action, order.id);
  const item = await findServiceItem(tx, order.serviceItemId);
  const toleranceM = ctx.deps.config?.toleranceM ?? DEFAULT_TOLERANCE_M;
  const location = checkLocation(action.location, await homeOf(tx, order.elderId), toleranceM);
  const at = new Date(action.at);
  const flags = visitFlags({
    checkInAtMs: at.getTime(),
    dueAtMs: asDate(order.dueAt).getTime(),
    checkInLocation: where(location),
    checkOutLocation: null,
    manual: action.method === 'manual',
    checkedOut: false,
    confirmed: false,
    tasksOpen: 0,
  });
  await visits.insertVisit(tx, {
    countyCode: order.countyCode,
    id: action.visitId,
    orderId: order.id,
    elderId: order.elderId,
    workerId: worker.workerId,
    providerId: worker.providerId,
    serviceItemId: order.serviceItemId,
    checkInAt: at,
    ...fixOf(action),
    distanceM: location.distanceM,
    method: action.method,
    toleranceM,
    manualReason: action.manualReason ?? null,
    tasks: (item?.tasks ?? []).map((task) => ({ ...task, outcome: null, note: null, at: null, by: null })),
    flags,
    deviceId: ctx.deviceId,
    now: ctx.deps.clock.now(),
  });
  await setOrderState(tx, order, ['assigned'], { status: 'inProgress', arrivedAt: at }, ctx.deps.clock.now());
  for (const flag of flags.filter((name) => name === 'late' || name === 'outOfArea'))
    await raiseVisitAlert(ctx, order, flag, action.visitId);
  return { resolution: 'stored', visitId: action.visitId };
}

async function ownVisit(ctx: ActionContext, visitId: string): Promise<visits.VisitRow> {
  const visit = await visits.findVisit(ctx.tx, visitId);
  if (!visit || visit.workerId !== ctx.worker.workerId) throw new AppError('HC_VISIT_UNKNOWN', {}, 'visitId');
  return visit;
}

/** A task outcome: the latest device time wins; edits made after the check-out are refused. */
export async function markTask(
  ctx: ActionContext,
  action: Extract<SyncAction, { kind: 'task' }>,
): Promise<ActionResult> {
  const visit = await ownVisit(ctx, action.visitId);
  const index = visit.tasks.findIndex((task) => task.code === action.taskCode);
  const task = visit.tasks[index];
  if (!task) throw new AppError('VALIDATION_FAILED', { field: 'taskCode', detail: action.taskCode }, 'taskCode');
  const incoming = { atMs: Date.parse(action.at), clientId: ctx.clientId };
  const current = task.at && task.by ? { atMs: Date.parse(task.at), clientId: task.by } : null;
  const checkOutMs = visit.checkOutAt === null ? null : asDate(visit.checkOutAt).getTime();
  const decision = decideTaskEdit(incoming, current, checkOutMs);
  if (decision === 'closed') throw new AppError('HC_VISIT_CLOSED', {}, 'at');
  if (decision === 'stale') return { resolution: 'stale', visitId: visit.id };
  const at = new Date(action.at).toISOString();
  const tasks = visit.tasks.map((entry, position) =>
    position === index ? { ...entry, outcome: action.outcome, note: action.note ?? null, at, by: ctx.clientId } : entry,
  );
  await visits.patchVisit(ctx.tx, visit, { tasks, ...(await refreshed(ctx, visit, { tasks })) }, ctx.deps.clock.now());
  return { resolution: 'stored', visitId: visit.id };
}

/** Notes and photos append under their client id (no conflicts). */
export async function addEvidence(
  ctx: ActionContext,
  action: Extract<SyncAction, { kind: 'note' }> | Extract<SyncAction, { kind: 'photo' }>,
): Promise<ActionResult> {
  const visit = await ownVisit(ctx, action.visitId);
  const photo = action.kind === 'photo';
  await visits.insertEvidence(ctx.tx, {
    countyCode: visit.countyCode,
    visitId: visit.id,
    id: ctx.clientId,
    kind: action.kind,
    text: photo ? (action.caption ?? null) : action.text,
    photoRef: photo ? action.photoRef : null,
    at: new Date(action.at),
    lng: photo ? (action.location?.lng ?? null) : null,
    lat: photo ? (action.location?.lat ?? null) : null,
    now: ctx.deps.clock.now(),
  });
  return { resolution: 'stored', visitId: visit.id };
}

/** Recomputes flags and the EVV verdict after a change. */
async function refreshed(
  ctx: ActionContext,
  visit: visits.VisitRow,
  change: {
    tasks?: visits.TaskMark[];
    confirmed?: boolean;
    checkOut?: { at: Date; where: LocationCheck['status']; manual: boolean };
  },
): Promise<{ flags: string[]; verified: boolean }> {
  const order = await findOrder(ctx.tx, visit.orderId);
  const tasks = change.tasks ?? visit.tasks;
  const checkedOut = change.checkOut !== undefined || visit.checkOutAt !== null;
  const statusOf = (distance: number | null, accuracy: number | null): LocationCheck['status'] =>
    distance === null
      ? 'unknown'
      : distance - Math.min(accuracy ?? 0, MAX_ACCURACY_CREDIT_M) <= visit.toleranceM
        ? 'inside'
        : 'outside';
  const input: FlagInput = {
    checkInAtMs: asDate(visit.checkInAt).getTime(),
    dueAtMs: order ? asDate(order.dueAt).getTime() : Number.MAX_SAFE_INTEGER,
    checkInLocation: statusOf(visit.checkInDistanceM, visit.checkInAccuracyM),
    checkOutLocation:
      change.checkOut?.where ??
      (visit.checkOutAt === null ? null : statusOf(visit.checkOutDistanceM, visit.checkOutAccuracyM)),
    manual: visit.checkInMethod === 'manual' || visit.checkOutMethod === 'manual' || change.checkOut?.manual === true,
    checkedOut,
    confirmed: change.confirmed ?? visit.confirmation !== null,
    tasksOpen: tasks.filter((task) => task.outcome === null).length,
  };
  const codeVerified = visit.checkInMethod === 'qr' || visit.checkInMethod === 'elderCode';
  return { flags: visitFlags(input), verified: isVerified(input, codeVerified) };
}

/** The elder's or family's confirmation: signature or one-time code; the first stored stays. */
export async function confirmVisit(
  ctx: ActionContext,
  action: Extract<SyncAction, { kind: 'confirm' }>,
): Promise<ActionResult> {
  const visit = await ownVisit(ctx, action.visitId);
  if (decideOnce(visit.confirmation !== null) === 'stale') return { resolution: 'stale', visitId: visit.id };
  if (action.method === 'code' && action.code !== visitCodeOf(visit.orderId))
    throw new AppError('HC_CODE_INVALID', {}, 'code');
  if (action.method === 'signature' && !action.signatureRef)
    throw new AppError('VALIDATION_FAILED', { field: 'signatureRef', detail: '' }, 'signatureRef');
  const confirmation = {
    method: action.method,
    by: action.by,
    at: new Date(action.at).toISOString(),
    signatureRef: action.signatureRef ?? null,
  };
  const patch = { confirmation, ...(await refreshed(ctx, visit, { confirmed: true })) };
  await visits.patchVisit(ctx.tx, visit, patch, ctx.deps.clock.now());
  return { resolution: 'stored', visitId: visit.id };
}

/** Check-out closes the visit and the order, and posts the subsidy to the ledger (HCS-6 → SUB-1). */
export async function checkOut(
  ctx: ActionContext,
  action: Extract<SyncAction, { kind: 'checkOut' }>,
): Promise<ActionResult> {
  const visit = await ownVisit(ctx, action.visitId);
  if (decideOnce(visit.checkOutAt !== null) === 'stale') return { resolution: 'stale', visitId: visit.id };
  const order = await findOrder(ctx.tx, visit.orderId);
  if (!order) throw new AppError('NOT_FOUND');
  checkMethod(action, order.id);
  const at = new Date(action.at);
  if (at < asDate(visit.checkInAt)) throw new AppError('VALIDATION_FAILED', { field: 'at', detail: '' }, 'at');
  const location = checkLocation(action.location, await homeOf(ctx.tx, visit.elderId), visit.toleranceM);
  const state = await refreshed(ctx, visit, {
    checkOut: { at, where: location.status, manual: action.method === 'manual' },
  });
  const now = ctx.deps.clock.now();
  const ledgerEntryId = await postVisitSubsidy(ctx.tx, {
    countyCode: order.countyCode,
    regionCode: order.regionCode,
    programme: order.programme,
    providerId: visit.providerId,
    elderId: visit.elderId,
    visitId: visit.id,
    subsidyFen: order.subsidyFen,
    completedAt: at,
    actorUserId: ctx.worker.userId ?? ctx.worker.workerId,
  });
  const checkOutFix = {
    at,
    ...fixOf(action),
    distanceM: location.distanceM,
    method: action.method,
    manualReason: action.manualReason ?? null,
  };
  await visits.patchVisit(
    ctx.tx,
    visit,
    { ...state, checkOut: checkOutFix, subsidy: { fen: order.subsidyFen, ledgerEntryId } },
    now,
  );
  await setOrderState(ctx.tx, order, ['inProgress'], { status: 'completed' }, now);
  if (location.status === 'outside' && !visit.flags.includes('outOfArea'))
    await raiseVisitAlert(ctx, order, 'outOfArea', visit.id);
  return { resolution: 'stored', visitId: visit.id };
}

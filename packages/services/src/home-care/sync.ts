import type { SyncBatch, SyncItem, SyncOutcome, SyncReply } from '@kangyang/contracts/home-care';
import { errorMessage } from '@kangyang/contracts/errors';
import { syncOrder } from '@kangyang/domain/home-care';
import { AppError, isAppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { WorkerProfileRow } from './catalogue.repo.ts';
import { findOffer } from './offer.repo.ts';
import { passOn, replyToOffer } from './dispatch.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { caregiverOf, todayTasks } from './caregiver.ts';
import {
  addEvidence,
  checkIn,
  checkOut,
  confirmVisit,
  markTask,
  type ActionContext,
  type ActionResult,
} from './visit-actions.ts';
import { insertReceipt, receiptsOf } from './visit.repo.ts';

async function apply(ctx: ActionContext, actor: Actor, item: SyncItem): Promise<ActionResult> {
  const action = item.action;
  switch (action.kind) {
    case 'checkIn':
      return checkIn(ctx, action);
    case 'task':
      return markTask(ctx, action);
    case 'note':
    case 'photo':
      return addEvidence(ctx, action);
    case 'confirm':
      return confirmVisit(ctx, action);
    case 'checkOut':
      return checkOut(ctx, action);
    case 'offerReply': {
      await replyToOffer(ctx.deps, actor, ctx.worker.workerId, action.offerId, action, ctx.tx);
      const passOnOrderId = action.accept ? undefined : await orderOfOffer(ctx, action.offerId);
      return { resolution: 'stored', visitId: null, ...(passOnOrderId ? { passOnOrderId } : {}) };
    }
  }
}

async function orderOfOffer(ctx: ActionContext, offerId: string): Promise<string | undefined> {
  return (await findOffer(ctx.tx, offerId))?.orderId;
}

const visitIdOf = (item: SyncItem): string | null => ('visitId' in item.action ? item.action.visitId : null);

/** One action in its own transaction with its receipt; a refusal is recorded too, so replays answer the same. */
async function syncOne(deps: HomeCareDeps, actor: Actor, worker: WorkerProfileRow, batch: SyncBatch, item: SyncItem) {
  const receipt = {
    countyCode: worker.countyCode,
    workerId: worker.workerId,
    deviceId: batch.deviceId,
    kind: item.action.kind,
  };
  try {
    const result = await deps.db.transaction(async (tx) => {
      const ctx: ActionContext = { deps, tx, worker, clientId: item.clientId, deviceId: batch.deviceId };
      const applied = await apply(ctx, actor, item);
      const fresh = await insertReceipt(tx, {
        ...receipt,
        clientId: item.clientId,
        status: 'applied',
        resolution: applied.resolution,
        visitId: applied.visitId,
        code: null,
        now: deps.clock.now(),
      });
      if (!fresh) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      return applied;
    });
    if (result.passOnOrderId) await passOn(deps, result.passOnOrderId);
    return {
      clientId: item.clientId,
      status: 'applied',
      resolution: result.resolution,
      visitId: result.visitId,
    } as const;
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'IDEMPOTENCY_IN_PROGRESS')
      return { clientId: item.clientId, status: 'duplicate', visitId: visitIdOf(item) } as const;
    await insertReceipt(deps.db, {
      ...receipt,
      clientId: item.clientId,
      status: 'rejected',
      resolution: null,
      visitId: visitIdOf(item),
      code: error.code,
      now: deps.clock.now(),
    });
    return { clientId: item.clientId, status: 'rejected', visitId: visitIdOf(item), code: error.code } as const;
  }
}

/**
 * REL-6, HCS-6: applies the phone's outbox in device order. Each action is keyed by its client id:
 * a replay (the same batch sent again after a lost answer) finds the receipt and changes nothing.
 */
export async function syncBatch(
  deps: HomeCareDeps,
  actor: Actor,
  batch: SyncBatch,
  locale: 'zh-CN' | 'en-US',
): Promise<SyncReply> {
  const worker = await caregiverOf(deps, actor);
  const known = await receiptsOf(
    deps.db,
    worker.countyCode,
    batch.items.map((item) => item.clientId),
  );
  const outcomes: SyncOutcome[] = [];
  for (const item of syncOrder(batch.items)) {
    const seen = known.get(item.clientId);
    if (seen) {
      outcomes.push({
        clientId: item.clientId,
        status: 'duplicate',
        visitId: seen.visitId,
        ...(seen.code ? { code: seen.code } : {}),
      });
      continue;
    }
    const outcome: SyncOutcome = await syncOne(deps, actor, worker, batch, item);
    known.set(item.clientId, {
      clientId: item.clientId,
      status: 'applied',
      resolution: null,
      visitId: outcome.visitId,
      code: null,
    });
    outcomes.push(outcome.code ? { ...outcome, message: errorMessage(outcome.code as never, locale) } : outcome);
  }
  await deps.audit.record(actor, {
    action: 'homeCare.sync',
    resourceType: 'visit',
    resourceIds: [...new Set(outcomes.map((outcome) => outcome.visitId).filter((id): id is string => id !== null))],
    chain: worker.countyCode,
    details: {
      deviceId: batch.deviceId,
      applied: outcomes.filter((outcome) => outcome.status === 'applied').length,
      duplicate: outcomes.filter((outcome) => outcome.status === 'duplicate').length,
      rejected: outcomes.filter((outcome) => outcome.status === 'rejected').length,
    },
  });
  return {
    serverTime: deps.clock.now().toISOString(),
    items: outcomes,
    tasks: await todayTasks(deps, actor, undefined, worker),
  };
}

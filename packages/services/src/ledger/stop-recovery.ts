import { isoDate } from '@kangyang/domain/units';
import { planStop } from '@kangyang/domain/ledger';
import type { StopCandidate } from '@kangyang/domain/ledger';
import { AppError } from '../app-error.ts';
import { systemActor, type Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { elderCountyOf } from '../elders/elder.repo.ts';
import { insertJob } from '../jobs/job.repo.ts';
import type { LedgerDeps } from './ledger-deps.ts';
import { entriesWithState, insertEntries, lockForStop, type EntryInsert } from './ledger.repo.ts';
import { toLedgerEntry } from './ledger-mapper.ts';
import { correctionRow } from './payment-results.ts';

export type StopInput = {
  readonly elderId: string;
  /** The death or move-out date (may be in the past). */
  readonly stopDate: string;
  readonly status?: 'deceased' | 'movedOut';
  readonly reason: string;
};

export type StopOutcome = { readonly reversed: number; readonly recovered: number; readonly recoveredFen: number };

/**
 * SUB-3: applies an elder's death or move-out to the ledger. Later months stop by themselves (the
 * monthly run skips them); for months after the stop date's month already on the ledger, lines not
 * yet approved are reversed and approved lines get recovery entries of what they paid (REL-3: never
 * more). Idempotent; waits for running monthly runs (they hold the stop lock shared), so a run that
 * read the elder as active before the status change is seen and corrected.
 */
export async function applyStopDate(
  deps: LedgerDeps,
  input: StopInput,
  actor: Actor = systemActor(),
): Promise<StopOutcome> {
  const countyCode = await elderCountyOf(deps.db, input.elderId);
  if (!countyCode) throw new AppError('NOT_FOUND');
  const stop = { status: input.status ?? 'deceased', date: isoDate(input.stopDate) } as const;
  return deps.db.transaction(async (tx) => {
    await lockForStop(tx);
    const rows = await entriesWithState(tx, countyCode, input.elderId);
    const candidates: StopCandidate[] = rows.map((row) => ({
      ...toLedgerEntry(row.entry),
      sent: row.entry.runId === null || row.runStatus === 'approved',
    }));
    const plan = planStop(candidates, { elderId: input.elderId, stop, reason: input.reason });
    const byId = new Map(rows.map((row) => [row.entry.id, row.entry]));
    const now = deps.clock.now();
    const inserts: EntryInsert[] = [];
    for (const reversal of plan.reversals) {
      const original = byId.get(reversal.reversesId ?? '');
      if (original) inserts.push(correctionRow(original, reversal, { actor, now, runId: original.runId }));
    }
    for (const recovery of plan.recoveries) {
      const original = byId.get(recovery.recoversId ?? '');
      if (original) inserts.push(correctionRow(original, recovery, { actor, now, runId: null }));
    }
    await insertEntries(tx, inserts);
    const outcome = {
      reversed: plan.reversals.length,
      recovered: plan.recoveries.length,
      recoveredFen: plan.recoveredFen,
    };
    const details = { ...outcome, stopDate: input.stopDate, status: stop.status };
    await deps.audit.record(
      actor,
      { action: 'ledger.stop', resourceType: 'elder', resourceIds: [input.elderId], chain: countyCode, details },
      tx,
    );
    return outcome;
  });
}

/** The job kind that applies a stop after an elder's status change (enqueue it in the change's transaction). */
export const LEDGER_STOP_JOB = 'ledger.stop';

export async function enqueueLedgerStop(tx: Db, input: StopInput & { dedupeKey: string; now: Date }): Promise<boolean> {
  const { dedupeKey, now, ...payload } = input;
  return insertJob(tx, { kind: LEDGER_STOP_JOB, payload, runAt: now, dedupeKey: `${LEDGER_STOP_JOB}:${dedupeKey}` });
}

/** Reads a stop job's payload back; anything else fails the job visibly. */
export function parseStopPayload(payload: unknown): StopInput {
  const field = (name: string): unknown => (payload instanceof Object ? Reflect.get(payload, name) : undefined);
  const elderId = field('elderId');
  const stopDate = field('stopDate');
  const reason = field('reason');
  const status = field('status');
  if (typeof elderId !== 'string' || typeof stopDate !== 'string' || typeof reason !== 'string')
    throw new Error('bad ledger.stop payload');
  return { elderId, stopDate, reason, status: status === 'movedOut' ? 'movedOut' : 'deceased' };
}

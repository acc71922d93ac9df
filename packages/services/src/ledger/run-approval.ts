import type { RunDto } from '@kangyang/contracts/ledger';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { uuidv7 } from '../ids.ts';
import { complete, type Claim, type LedgerDeps } from './ledger-deps.ts';
import { loadRunDto } from './monthly-run.ts';
import { loadRunInScope } from './run-access.ts';
import * as runs from './run.repo.ts';

/**
 * SUB-8: a second person approves a computed run (four eyes: never the one who ran it); its
 * standing lines become the payment batch for finance, one per run and per (region, programme,
 * month) (REL-4).
 */
export async function approveRun(deps: LedgerDeps, actor: Actor, runId: string, claim: Claim): Promise<RunDto> {
  const { db, clock, audit } = deps;
  const found = await loadRunInScope(deps, actor, runId, 'ledger:approve', 'ledger.approve');
  if (found.computedBy === actor.userId) {
    const event = {
      action: 'ledger.approve',
      resourceType: 'ledgerRun',
      resourceIds: [runId],
      outcome: 'denied' as const,
    };
    await audit.record(actor, { ...event, reason: 'approverIsRunner' });
    throw new AppError('LEDGER_APPROVER_IS_RUNNER');
  }
  return db.transaction(async (tx) => {
    const run = await runs.findRun(tx, runId, { lock: true });
    if (!run) throw new AppError('NOT_FOUND');
    const now = clock.now();
    if (!(await runs.approveRun(tx, runId, actor.userId, now)))
      throw new AppError('LEDGER_RUN_STATE', { status: run.status });
    const totals = await runs.runStandingTotals(tx, runId);
    const batchId = uuidv7();
    await runs.insertBatch(tx, {
      id: batchId,
      runId,
      regionCode: run.regionCode,
      programme: run.programme,
      period: run.period,
      lineCount: totals.lines,
      totalFen: totals.totalFen,
      approvedBy: actor.userId,
      createdAt: now,
    });
    const details = { batchId, lines: totals.lines, totalFen: totals.totalFen, period: run.period };
    await audit.record(
      actor,
      { action: 'ledger.approve', resourceType: 'ledgerRun', resourceIds: [runId], details },
      tx,
    );
    const approved = await runs.findRun(tx, runId);
    if (!approved) throw new Error('run vanished');
    const dto = await loadRunDto(tx, approved, false);
    await complete(claim, tx, 200, dto);
    return dto;
  });
}

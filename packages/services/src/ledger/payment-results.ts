import type { PaymentResultInput, PaymentResultsResponse } from '@kangyang/contracts/ledger';
import { reverse } from '@kangyang/domain/ledger';
import type { LedgerEntry, NewLedgerEntry } from '@kangyang/domain/ledger';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { complete, type Claim, type LedgerDeps } from './ledger-deps.ts';
import { insertEntries, lockPayee, type EntryInsert, type EntryRow } from './ledger.repo.ts';
import { toLedgerEntry } from './ledger-mapper.ts';
import { loadRunInScope } from './run-access.ts';
import * as runs from './run.repo.ts';
import * as repo from './results.repo.ts';

/** A correction appended to the ledger: it keeps its original's run, county, region and funding group. */
export function correctionRow(
  original: EntryRow,
  entry: NewLedgerEntry & { stopDate?: string },
  context: { actor: Actor; now: Date; runId: string | null },
): EntryInsert {
  return {
    countyCode: original.countyCode,
    id: uuidv7(),
    regionCode: original.regionCode,
    programme: entry.programme,
    payeeKind: entry.payee.kind,
    payeeId: entry.payee.id,
    elderId: entry.elderId,
    period: entry.period,
    payer: entry.payer,
    basisPoints: entry.basisPoints,
    amountFen: entry.amount,
    kind: entry.kind,
    groupId: original.groupId,
    reversesId: entry.reversesId,
    recoversId: entry.recoversId,
    stopDate: entry.stopDate ?? null,
    entitlementId: original.entitlementId,
    runId: context.runId,
    clause: original.clause,
    reason: entry.reason,
    createdBy: context.actor.userId,
    createdAt: context.now,
  };
}

function checkInput(results: readonly PaymentResultInput[], lines: ReadonlyMap<string, EntryRow>): void {
  const seen = new Set<string>();
  results.forEach((result, index) => {
    const line = lines.get(result.entryId);
    const field = `results[${index}].entryId`;
    if (seen.has(result.entryId) || !line || line.kind !== 'payment')
      throw new AppError('VALIDATION_FAILED', { field, detail: '' }, field);
    seen.add(result.entryId);
  });
}

/** Undoes a failed line: its standing recovery first (if any), then the line itself, so no slot goes below zero. */
async function reverseFailed(
  tx: Db,
  failed: readonly EntryRow[],
  reason: (id: string) => string,
  context: { actor: Actor; now: Date },
) {
  const corrections = await repo.correctionsOf(
    tx,
    failed.map((row) => row.id),
  );
  const known: LedgerEntry[] = corrections.map(toLedgerEntry);
  const rowsById = new Map(corrections.map((row) => [row.id, row]));
  const inserts: EntryInsert[] = [];
  for (const line of failed) {
    const recovery = known.find(
      (entry) => entry.recoversId === line.id && !known.some((other) => other.reversesId === entry.id),
    );
    const recoveryRow = recovery ? rowsById.get(recovery.id) : undefined;
    if (recovery && recoveryRow) {
      const undo = reverse(recovery, known, reason(line.id));
      if (undo.ok) {
        known.push({ ...undo.value, id: `pending-${recovery.id}` });
        inserts.push(correctionRow(recoveryRow, undo.value, { ...context, runId: recoveryRow.runId }));
      }
    }
    const reversal = reverse(toLedgerEntry(line), known, reason(line.id));
    if (reversal.ok) inserts.push(correctionRow(line, reversal.value, { ...context, runId: line.runId }));
  }
  await insertEntries(tx, inserts);
  return inserts.filter((row) => row.reversesId !== null && failed.some((line) => line.id === row.reversesId)).length;
}

/**
 * SUB-8: imports the bank's results for a batch. Each line keeps its first result (a re-import
 * changes nothing; another status is listed as a conflict). A failed line is reversed, so a later
 * run may pay it again. All or nothing: an unknown line refuses the whole import.
 */
export async function importResults(
  deps: LedgerDeps,
  actor: Actor,
  runId: string,
  results: readonly PaymentResultInput[],
  claim: Claim,
): Promise<PaymentResultsResponse> {
  const run = await loadRunInScope(deps, actor, runId, 'ledger:finance', 'ledger.results');
  const batch = await runs.findBatchOfRun(deps.db, runId);
  if (!batch) throw new AppError('LEDGER_RUN_STATE', { status: run.status });
  return deps.db.transaction(async (tx) => {
    await lockPayee(tx, runId);
    const ids = results.map((result) => result.entryId);
    const lines = new Map((await repo.entriesOfRun(tx, runId, ids)).map((row) => [row.id, row]));
    checkInput(results, lines);
    const recorded = new Map((await repo.resultsOf(tx, ids)).map((row) => [row.entryId, row]));
    const response: PaymentResultsResponse = { paid: 0, failed: 0, unchanged: 0, conflicts: [], reversed: 0 };
    const now = deps.clock.now();
    const fresh: repo.ResultRow[] = [];
    for (const result of results) {
      const before = recorded.get(result.entryId);
      const line = lines.get(result.entryId);
      if (!line) continue;
      if (before) {
        if (before.status === result.status) response.unchanged += 1;
        else
          response.conflicts.push({ entryId: result.entryId, recorded: before.status === 'paid' ? 'paid' : 'failed' });
        continue;
      }
      response[result.status] += 1;
      fresh.push({
        countyCode: line.countyCode,
        entryId: line.id,
        batchId: batch.id,
        status: result.status,
        reason: result.status === 'failed' ? (result.reason ?? null) : null,
        bankReference: result.bankReference ?? null,
        importedBy: actor.userId,
        importedAt: now,
      });
    }
    await repo.insertResults(tx, fresh);
    const failed = fresh.filter((row) => row.status === 'failed').flatMap((row) => lines.get(row.entryId) ?? []);
    const reasons = new Map(fresh.map((row) => [row.entryId, `BANK_FAILED: ${row.reason ?? ''}`.slice(0, 500)]));
    response.reversed = await reverseFailed(tx, failed, (id) => reasons.get(id) ?? 'BANK_FAILED', { actor, now });
    const details = {
      batchId: batch.id,
      paid: response.paid,
      failed: response.failed,
      conflicts: response.conflicts.length,
    };
    await deps.audit.record(
      actor,
      { action: 'ledger.results', resourceType: 'ledgerRun', resourceIds: [runId], details },
      tx,
    );
    await complete(claim, tx, 200, response);
    return response;
  });
}

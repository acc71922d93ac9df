import type { ElderLedgerDto, LedgerEntryDto, ProgrammeBalanceDto } from '@kangyang/contracts/ledger';
import { inAnyScope } from '@kangyang/domain/access';
import { balancesByProgramme, reverse, reversedIds } from '@kangyang/domain/ledger';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import { loadElderInScope } from '../applications/elder-scope.ts';
import { complete, type Claim, type LedgerDeps } from './ledger-deps.ts';
import { entriesWithState, findEntry, insertEntries, lockPayee, type EntryWithState } from './ledger.repo.ts';
import { toEntryDto, toLedgerEntry, type EntryState } from './ledger-mapper.ts';
import { correctionRow } from './payment-results.ts';

/** A line's state: its run's (computed, approved), the bank's result, or `posted` for a correction outside any run. */
export function stateOf(row: EntryWithState): EntryState {
  if (row.entry.runId === null) return 'posted';
  if (row.runStatus !== 'approved') return 'computed';
  if (row.resultStatus === 'paid' || row.resultStatus === 'failed') return row.resultStatus;
  return 'approved';
}

/** Balances per programme from lines that left the run stage; lines waiting for approval are `pendingFen`. */
function balancesOf(rows: readonly EntryWithState[]): ProgrammeBalanceDto[] {
  const posted = new Map(
    balancesByProgramme(rows.filter((row) => stateOf(row) !== 'computed').map((row) => toLedgerEntry(row.entry))).map(
      (row) => [row.programme, row],
    ),
  );
  const programmes = [...new Set(rows.map((row) => toLedgerEntry(row.entry).programme))];
  return programmes.map((programme) => {
    const pendingFen = rows
      .filter((row) => row.entry.programme === programme && stateOf(row) === 'computed')
      .reduce((sum, row) => sum + row.entry.amountFen, 0);
    const balance = posted.get(programme);
    return {
      programme,
      paidFen: balance?.paid ?? 0,
      reversedFen: balance?.reversed ?? 0,
      recoveredFen: balance?.recovered ?? 0,
      balanceFen: balance?.balance ?? 0,
      pendingFen,
    };
  });
}

/** SUB-10, AZ-3: one elder's money across programmes (scoped 404, audited). */
export async function elderLedger(
  deps: LedgerDeps,
  actor: Actor,
  elderId: string,
  page: { limit: number; offset: number },
): Promise<ElderLedgerDto> {
  const elder = await loadElderInScope(deps, actor, elderId, 'ledger:read', 'ledger.elder.read');
  const rows = await entriesWithState(deps.db, elder.countyCode, elderId);
  const reversed = reversedIds(rows.map((row) => toLedgerEntry(row.entry)));
  const entries: LedgerEntryDto[] = rows
    .slice(page.offset, page.offset + page.limit)
    .map((row) => toEntryDto(row.entry, stateOf(row), reversed.has(row.entry.id)));
  await deps.audit.record(actor, {
    action: 'ledger.elder.read',
    resourceType: 'elder',
    resourceIds: [elderId],
    chain: elder.countyCode,
    elderBlindIndex: elder.idNumberBlindIndex,
    details: { entries: entries.length },
  });
  return { elderId, balances: balancesOf(rows), entries, total: rows.length };
}

/**
 * REL-2: a correction is a reversing entry pointing at the original (one per entry). It keeps the
 * original's run, so reversing a line before approval takes it out of the batch.
 */
export async function reverseEntry(
  deps: LedgerDeps,
  actor: Actor,
  entryId: string,
  reason: string,
  claim: Claim,
): Promise<LedgerEntryDto> {
  const found = await findEntry(deps.db, entryId);
  if (!found || !inAnyScope(found.regionCode, scopesOf(actor, 'ledger:approve'))) {
    const event = {
      action: 'ledger.reverse',
      resourceType: 'ledgerEntry',
      resourceIds: [entryId],
      outcome: 'denied' as const,
    };
    await deps.audit.record(actor, { ...event, reason: found ? 'outOfScope' : 'notFound', chain: found?.countyCode });
    throw new AppError('NOT_FOUND');
  }
  return deps.db.transaction(async (tx) => {
    await lockPayee(tx, found.payeeId);
    const related = await entriesWithState(tx, found.countyCode, found.elderId ?? found.payeeId);
    const known = related.map((row) => toLedgerEntry(row.entry));
    const reversal = reverse(toLedgerEntry(found), known, reason);
    if (!reversal.ok) throw new AppError('LEDGER_ENTRY_NOT_REVERSIBLE', { reason: reversal.error.reason });
    const row = correctionRow(found, reversal.value, { actor, now: deps.clock.now(), runId: found.runId });
    await insertEntries(tx, [row]);
    const details = { reverses: entryId, amountFen: row.amountFen, reason };
    const event = { action: 'ledger.reverse', resourceType: 'ledgerEntry', resourceIds: [row.id], details };
    await deps.audit.record(actor, { ...event, chain: found.countyCode }, tx);
    const saved = await findEntry(tx, row.id);
    if (!saved) throw new Error('reversal vanished');
    const runStatus = related.find((item) => item.entry.runId === saved.runId)?.runStatus ?? null;
    const dto = toEntryDto(saved, stateOf({ entry: saved, runStatus, resultStatus: null }), false);
    await complete(claim, tx, 201, dto);
    return dto;
  });
}

import {
  RunDiffSummaryDto,
  RunTotalsDto,
  type ChangeDto,
  type LedgerEntryDto,
  type RunDto,
  type RunSummaryDto,
} from '@kangyang/contracts/ledger';
import { FUNDING_PAYERS, PROGRAMMES } from '@kangyang/domain/eligibility';
import type { FundingPayer, FundingShare, Programme } from '@kangyang/domain/eligibility';
import { PAYEE_KINDS, PAYMENT_ENTRY_KINDS, period } from '@kangyang/domain/ledger';
import type {
  ChangeSummary,
  EntitlementFacts,
  LedgerEntry,
  PayeeKind,
  PaymentEntryKind,
} from '@kangyang/domain/ledger';
import type { BasisPoints } from '@kangyang/domain/units';
import { fen, isoDate } from '@kangyang/domain/units';
import type { EntitlementSourceRow } from './entitlement-source.repo.ts';
import { asNumber, type EntryRow } from './ledger.repo.ts';
import type { BatchRow, ChangeRow, RunRow } from './run.repo.ts';

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unknown ${what} in the database: ${value}`);
  return found;
}

export const asProgramme = (value: string): Programme => oneOf(PROGRAMMES, value, 'programme');
export const asPayeeKind = (value: string): PayeeKind => oneOf(PAYEE_KINDS, value, 'payee kind');
export const asPayer = (value: string): FundingPayer => oneOf(FUNDING_PAYERS, value, 'payer');
const asEntryKind = (value: string): PaymentEntryKind => oneOf(PAYMENT_ENTRY_KINDS, value, 'entry kind');

/** An entitlement's `funding_shares` jsonb: `[{payer, basisPoints}]`; anything else fails loudly. */
export function fundingSharesOf(value: unknown): FundingShare[] {
  if (!Array.isArray(value)) throw new Error('funding_shares is not an array');
  return value.map((item: unknown) => {
    const payer: unknown = item instanceof Object ? Reflect.get(item, 'payer') : undefined;
    const basisPoints: unknown = item instanceof Object ? Reflect.get(item, 'basisPoints') : undefined;
    if (typeof payer !== 'string' || typeof basisPoints !== 'number' || !Number.isInteger(basisPoints))
      throw new Error('bad funding share in funding_shares');
    return { payer: asPayer(payer), basisPoints: basisPoints as BasisPoints };
  });
}

export function toEntitlementFacts(row: EntitlementSourceRow): EntitlementFacts {
  const status = row.elder_status;
  const stopDate = row.elder_status_date;
  return {
    entitlementId: row.id,
    programme: asProgramme(row.programme),
    payee: { kind: asPayeeKind(row.payee_kind), id: row.payee_id },
    elderId: row.elder_id,
    regionCode: row.region_code,
    startDate: isoDate(row.start_date),
    endDate: row.end_date === null ? null : isoDate(row.end_date),
    amount: fen(asNumber(row.amount_fen)),
    fundingShares: fundingSharesOf(row.funding_shares),
    clause: row.clause,
    elderStop:
      (status === 'deceased' || status === 'movedOut') && stopDate ? { status, date: isoDate(stopDate) } : null,
  };
}

export const toLedgerEntry = (row: EntryRow): LedgerEntry => ({
  id: row.id,
  programme: asProgramme(row.programme),
  payee: { kind: asPayeeKind(row.payeeKind), id: row.payeeId },
  elderId: row.elderId,
  period: period(row.period),
  payer: asPayer(row.payer),
  basisPoints: row.basisPoints,
  amount: fen(row.amountFen),
  kind: asEntryKind(row.kind),
  reversesId: row.reversesId,
  recoversId: row.recoversId,
});

export type EntryState = LedgerEntryDto['state'];

export const toEntryDto = (row: EntryRow, state: EntryState, reversed: boolean): LedgerEntryDto => ({
  id: row.id,
  programme: asProgramme(row.programme),
  payeeKind: asPayeeKind(row.payeeKind),
  payeeId: row.payeeId,
  elderId: row.elderId,
  regionCode: row.regionCode,
  period: row.period,
  payer: asPayer(row.payer),
  basisPoints: row.basisPoints,
  amountFen: row.amountFen,
  kind: asEntryKind(row.kind),
  groupId: row.groupId,
  reversesId: row.reversesId,
  recoversId: row.recoversId,
  stopDate: row.stopDate,
  entitlementId: row.entitlementId,
  runId: row.runId,
  clause: row.clause,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
  state,
  reversed,
});

export const toRunSummaryDto = (run: RunRow, batch: BatchRow | undefined): RunSummaryDto => ({
  id: run.id,
  regionCode: run.regionCode,
  programme: asProgramme(run.programme),
  period: run.period,
  status: run.status === 'approved' ? 'approved' : 'computed',
  computedBy: run.computedBy,
  computedAt: run.computedAt.toISOString(),
  approvedBy: run.approvedBy,
  approvedAt: run.approvedAt?.toISOString() ?? null,
  entryCount: run.entryCount,
  totalFen: run.totalFen,
  batchId: batch?.id ?? null,
});

export const toChangeDto = (row: ChangeRow): ChangeDto => ({
  change: oneOf(['new', 'ended', 'changed', 'stopped'] as const, row.change, 'change'),
  payeeKind: asPayeeKind(row.payeeKind),
  payeeId: row.payeeId,
  elderId: row.elderId,
  regionCode: row.regionCode,
  previousFen: row.previousFen,
  currentFen: row.currentFen,
  code: row.code,
});

/** The change summary as stored with the run. */
export const storedSummary = (previousPeriod: string, summary: ChangeSummary): RunDiffSummaryDto => ({
  previousPeriod,
  previousTotalFen: summary.previousTotal,
  currentTotalFen: summary.currentTotal,
  unchanged: summary.unchanged,
  counts: { ...summary.counts },
  deltasFen: { ...summary.deltas },
});

export type RunExtras = {
  batch: BatchRow | undefined;
  changes: ChangeRow[];
  progress: { paid: number; failed: number; reversedFen: number };
};

/** The run page: stored totals and diff (parsed back with their schemas), first changes, bank progress. */
export function toRunDto(run: RunRow, created: boolean, extras: RunExtras): RunDto {
  const { batch, progress } = extras;
  const totals = RunTotalsDto.parse(run.totals);
  const summary = RunDiffSummaryDto.parse(run.changeSummary);
  const pending = batch ? Math.max(0, batch.lineCount - progress.paid - progress.failed) : 0;
  return {
    ...toRunSummaryDto(run, batch),
    created,
    totals,
    reversedFen: progress.reversedFen,
    diff: { ...summary, items: extras.changes.map(toChangeDto) },
    results: { paid: progress.paid, failed: progress.failed, pending },
  };
}

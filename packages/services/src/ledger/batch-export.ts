import { inAnyScope } from '@kangyang/domain/access';
import { maskBankAccount } from '@kangyang/domain/identity';
import type { BankAccountBody, BankAccountDto } from '@kangyang/contracts/ledger';
import { AppError } from '../app-error.ts';
import { can, scopesOf, type Actor } from '../actor.ts';
import { createSheetWriter, type SheetColumn } from '../exports/spreadsheet.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { LedgerDeps } from './ledger-deps.ts';
import { asNumber } from './ledger.repo.ts';
import { asPayeeKind } from './ledger-mapper.ts';
import { loadRunInScope } from './run-access.ts';
import * as runs from './run.repo.ts';
import * as repo from './batch.repo.ts';

export const BANK_ACCOUNT_TABLE = 'payee_bank_accounts';
const PAGE = 5_000;

/** The batch sheet's columns; the results import finds its columns by these headers (`明细编号`, `发放结果`…). */
export const BATCH_COLUMNS: readonly SheetColumn[] = [
  { header: '序号 No.', width: 8 },
  { header: '明细编号 Entry ID', width: 38, text: true },
  { header: '项目 Programme', width: 24, text: true },
  { header: '期间 Period', width: 10, text: true },
  { header: '收款人类型 Payee kind', width: 12, text: true },
  { header: '收款人 Payee', width: 16, text: true },
  { header: '收款人编号 Payee ID', width: 38, text: true },
  { header: '区划 Region', width: 14, text: true },
  { header: '出资方 Payer', width: 10, text: true },
  { header: '比例(基点) Basis points', width: 10 },
  { header: '金额(元) Amount (yuan)', width: 14 },
  { header: '金额(分) Amount (fen)', width: 14 },
  { header: '开户行 Bank', width: 20, text: true },
  { header: '户名 Account holder', width: 14, text: true },
  { header: '账号 Account', width: 24, text: true },
  { header: '条款 Clause', width: 10, text: true },
  { header: '发放结果 Result', width: 12, text: true },
  { header: '失败原因 Failure reason', width: 24, text: true },
  { header: '银行流水号 Bank reference', width: 20, text: true },
];

const accountContext = (kind: string, id: string) => ({
  table: BANK_ACCOUNT_TABLE,
  column: 'account_number',
  recordId: `${kind}:${id}`,
});

function accountOf(row: repo.BatchLineRow, reveal: boolean, cipher: FieldCipher): string {
  if (!reveal || row.account_cipher === null) return row.account_masked ?? '';
  return cipher.decrypt(row.account_cipher, accountContext(row.payee_kind, row.payee_id));
}

export type BatchFile = { fileName: string; body: Buffer; rows: number; sha256: string };

/**
 * SUB-8, API-8: the approved batch as .xlsx for the finance bureau. Bank accounts are masked unless
 * the actor holds `ledger:finance`; text cells are escaped against formulas; the export is audited
 * with its row count and file hash.
 */
export async function exportBatch(deps: LedgerDeps, actor: Actor, runId: string): Promise<BatchFile> {
  const run = await loadRunInScope(deps, actor, runId, 'ledger:read', 'ledger.batch.export');
  const batch = await runs.findBatchOfRun(deps.db, runId);
  if (!batch) throw new AppError('LEDGER_RUN_STATE', { status: run.status });
  const reveal = can(actor, 'ledger:finance');
  const { stream, writer } = createSheetWriter();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  writer.addSheet('发放明细', BATCH_COLUMNS);
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page = await repo.batchLinesPage(deps.db, runId, after, PAGE);
    for (const row of page) {
      count += 1;
      const amount = asNumber(row.amount_fen);
      writer.add([
        count,
        row.id,
        row.programme,
        row.period,
        row.payee_kind,
        row.payee_name ?? '',
        row.payee_id,
        row.region_code,
        row.payer,
        row.basis_points,
        amount / 100,
        amount,
        row.bank_name ?? '',
        row.account_holder ?? '',
        accountOf(row, reveal, deps.cipher),
        row.clause,
        '',
        '',
        '',
      ]);
      await writer.room();
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id ?? null;
  }
  const { bytes, sha256 } = await writer.finish();
  const details = { batchId: batch.id, rows: count, bytes, sha256, unmasked: reveal };
  await deps.audit.record(actor, {
    action: 'ledger.batch.export',
    resourceType: 'ledgerRun',
    resourceIds: [runId],
    details,
  });
  const fileName = `batch-${run.regionCode}-${run.programme}-${run.period}.xlsx`;
  return { fileName, body: Buffer.concat(chunks), rows: count, sha256 };
}

/** SUB-8: records where a payee's money goes (finance role); the number is encrypted and shown masked. */
export async function setBankAccount(
  deps: LedgerDeps,
  actor: Actor,
  payee: { kind: string; id: string },
  body: BankAccountBody,
): Promise<BankAccountDto> {
  const region = await repo.payeeRegion(deps.db, payee.kind, payee.id);
  if (!region || region.length < 6 || !inAnyScope(region, scopesOf(actor, 'ledger:finance'))) {
    const event = {
      action: 'ledger.bankAccount',
      resourceType: payee.kind,
      resourceIds: [payee.id],
      outcome: 'denied' as const,
    };
    await deps.audit.record(actor, { ...event, reason: region ? 'outOfScope' : 'notFound' });
    throw new AppError('NOT_FOUND');
  }
  const accountMasked = maskBankAccount(body.accountNumber);
  return deps.db.transaction(async (tx) => {
    const saved = await repo.upsertBankAccount(tx, {
      countyCode: region.slice(0, 6),
      payeeKind: payee.kind,
      payeeId: payee.id,
      bankName: body.bankName,
      accountHolder: body.accountHolder,
      accountCipher: deps.cipher.encrypt(body.accountNumber, accountContext(payee.kind, payee.id)),
      accountMasked,
      updatedBy: actor.userId,
      updatedAt: deps.clock.now(),
    });
    const event = {
      action: 'ledger.bankAccount',
      resourceType: payee.kind,
      resourceIds: [payee.id],
      details: { accountMasked },
    };
    await deps.audit.record(actor, { ...event, chain: saved.countyCode }, tx);
    return {
      payeeKind: asPayeeKind(saved.payeeKind),
      payeeId: saved.payeeId,
      bankName: saved.bankName,
      accountHolder: saved.accountHolder,
      accountMasked: saved.accountMasked,
      version: saved.version,
    };
  });
}

import { sql } from 'drizzle-orm';
import { payeeBankAccounts } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';

export type BatchLineRow = {
  id: string;
  programme: string;
  period: string;
  payee_kind: string;
  payee_id: string;
  region_code: string;
  payer: string;
  basis_points: number;
  amount_fen: number | string;
  clause: string;
  payee_name: string | null;
  bank_name: string | null;
  account_holder: string | null;
  account_cipher: string | null;
  account_masked: string | null;
};

/** One page (by id) of a run's standing payment lines with payee names and bank accounts (SUB-8). */
export async function batchLinesPage(
  db: Db,
  runId: string,
  afterId: string | null,
  limit: number,
): Promise<BatchLineRow[]> {
  const after = afterId === null ? sql`` : sql`AND p.id > ${afterId}::uuid`;
  return rows<BatchLineRow>(
    db,
    sql`SELECT p.id, p.programme, p.period, p.payee_kind, p.payee_id, p.region_code, p.payer, p.basis_points, p.amount_fen,
               p.clause, COALESCE(el.name, w.name, o.name) AS payee_name,
               b.bank_name, b.account_holder, b.account_cipher, b.account_masked
          FROM ledger_entries p
          LEFT JOIN elders el ON p.payee_kind = 'elder' AND el.county_code = p.county_code AND el.id = p.payee_id
          LEFT JOIN workers w ON p.payee_kind = 'caregiver' AND w.id = p.payee_id
          LEFT JOIN organisations o ON p.payee_kind = 'institution' AND o.id = p.payee_id
          LEFT JOIN payee_bank_accounts b ON b.payee_kind = p.payee_kind AND b.payee_id = p.payee_id
         WHERE p.run_id = ${runId} AND p.kind = 'payment' ${after}
           AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.county_code = p.county_code AND r.reverses_id = p.id)
         ORDER BY p.id
         LIMIT ${limit}`,
  );
}

/** The region of a payee: an elder's residence, a worker's workplace, an organisation's region. */
export async function payeeRegion(db: Db, kind: string, id: string): Promise<string | undefined> {
  const table =
    kind === 'elder'
      ? sql`SELECT residence_region_code AS region_code FROM elders WHERE id = ${id}`
      : kind === 'caregiver'
        ? sql`SELECT region_code FROM workers WHERE id = ${id}`
        : sql`SELECT region_code FROM organisations WHERE id = ${id}`;
  const [row] = await rows<{ region_code: string }>(db, sql`${table} LIMIT 1`);
  return row?.region_code;
}

export type BankAccountRow = typeof payeeBankAccounts.$inferSelect;

export async function upsertBankAccount(db: Db, row: Omit<BankAccountRow, 'version'>): Promise<BankAccountRow> {
  const [saved] = await db
    .insert(payeeBankAccounts)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({
      target: [payeeBankAccounts.countyCode, payeeBankAccounts.payeeKind, payeeBankAccounts.payeeId],
      set: {
        bankName: row.bankName,
        accountHolder: row.accountHolder,
        accountCipher: row.accountCipher,
        accountMasked: row.accountMasked,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
        version: sql`${payeeBankAccounts.version} + 1`,
      },
    })
    .returning();
  if (!saved) throw new Error('bank account upsert returned nothing');
  return saved;
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The subsidy ledger (SUB-1, REL-2): append-only lines in integer fen, one per payer share; triggers
 * refuse UPDATE and DELETE, check reversals and recoveries, and set each payment's slot generation
 * behind the REL-3 unique index (migration 0011).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    programme: text('programme').notNull(),
    payeeKind: text('payee_kind').notNull(),
    payeeId: uuid('payee_id').notNull(),
    elderId: uuid('elder_id'),
    period: text('period').notNull(),
    payer: text('payer').notNull(),
    basisPoints: integer('basis_points').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    groupId: uuid('group_id').notNull(),
    reversesId: uuid('reverses_id'),
    recoversId: uuid('recovers_id'),
    stopDate: date('stop_date', { mode: 'string' }),
    entitlementId: uuid('entitlement_id'),
    runId: uuid('run_id'),
    clause: text('clause').notNull(),
    reason: text('reason').notNull(),
    slotGeneration: integer('slot_generation').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    unique().on(table.countyCode, table.reversesId),
    unique().on(table.countyCode, table.recoversId),
    index('ledger_entries_payee_idx').on(table.payeeId),
    index('ledger_entries_period_idx').on(table.programme, table.period, sql`${table.regionCode} text_pattern_ops`),
  ],
);

/** SUB-2 monthly runs: one per (region, programme, month); status computed → approved (REL-4). */
export const ledgerRuns = pgTable(
  'ledger_runs',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    programme: text('programme').notNull(),
    period: text('period').notNull(),
    status: text('status').notNull(),
    computedBy: uuid('computed_by').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    entryCount: integer('entry_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    totals: jsonb('totals').notNull(),
    changeSummary: jsonb('change_summary').notNull(),
    version: integer('version').notNull(),
  },
  (table) => [unique().on(table.regionCode, table.programme, table.period)],
);

/** SUB-8 payment batches: an approved run handed to finance; append-only. */
export const ledgerBatches = pgTable(
  'ledger_batches',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id').notNull().unique(),
    regionCode: text('region_code').notNull(),
    programme: text('programme').notNull(),
    period: text('period').notNull(),
    lineCount: integer('line_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    approvedBy: uuid('approved_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique().on(table.regionCode, table.programme, table.period)],
);

/** SUB-2 the month's changes, payee by payee, kept with the run. */
export const ledgerRunChanges = pgTable(
  'ledger_run_changes',
  {
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    change: text('change').notNull(),
    payeeKind: text('payee_kind').notNull(),
    payeeId: uuid('payee_id').notNull(),
    elderId: uuid('elder_id'),
    regionCode: text('region_code').notNull(),
    previousFen: bigint('previous_fen', { mode: 'number' }).notNull(),
    currentFen: bigint('current_fen', { mode: 'number' }).notNull(),
    code: text('code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.seq] })],
);

/** SUB-8 bank results imported back: one per line, append-only. */
export const ledgerPaymentResults = pgTable(
  'ledger_payment_results',
  {
    countyCode: text('county_code').notNull(),
    entryId: uuid('entry_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    bankReference: text('bank_reference'),
    importedBy: uuid('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.entryId] }),
    index('ledger_payment_results_batch_idx').on(table.batchId),
  ],
);

/** SUB-8 payees' bank accounts: the number encrypted (ENC-1), masked for everyone but finance. */
export const payeeBankAccounts = pgTable(
  'payee_bank_accounts',
  {
    countyCode: text('county_code').notNull(),
    payeeKind: text('payee_kind').notNull(),
    payeeId: uuid('payee_id').notNull(),
    bankName: text('bank_name').notNull(),
    accountHolder: text('account_holder').notNull(),
    accountCipher: text('account_cipher').notNull(),
    accountMasked: text('account_masked').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.payeeKind, table.payeeId] })],
);

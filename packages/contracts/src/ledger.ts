import { z } from 'zod';
import { FUNDING_PAYERS, PROGRAMMES } from '@kangyang/domain/eligibility';
import { CHANGE_KINDS, PAYEE_KINDS, PAYMENT_ENTRY_KINDS } from '@kangyang/domain/ledger';
import { IdSchema, IsoDateSchema, PageQuery, RegionCodeSchema } from './common.ts';
import { PeriodSchema } from './workers.ts';

export const ProgrammeNameSchema = z.enum(PROGRAMMES);
export const PayeeKindSchema = z.enum(PAYEE_KINDS);
export const PaymentEntryKindSchema = z.enum(PAYMENT_ENTRY_KINDS);
export const FundingPayerSchema = z.enum(FUNDING_PAYERS);
export const ChangeKindSchema = z.enum(CHANGE_KINDS);
export const RunStatusSchema = z.enum(['computed', 'approved']);

const ReasonText = z.string().trim().min(1).max(500);

/** POST /api/ledger/runs (SUB-2): one region, programme and month. */
export const RunBody = z.strictObject({
  regionCode: RegionCodeSchema,
  programme: ProgrammeNameSchema,
  month: PeriodSchema,
});
export type RunBody = z.infer<typeof RunBody>;

export const RunListQuery = PageQuery.extend({
  month: PeriodSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
  programme: ProgrammeNameSchema.optional(),
});
export type RunListQuery = z.infer<typeof RunListQuery>;

/** A run's totals by payer and by the region level below the run's region (stored with the run). */
export const RunTotalsDto = z.object({
  lines: z.number().int(),
  amountFen: z.number().int(),
  byPayer: z.array(z.object({ payer: FundingPayerSchema, lines: z.number().int(), amountFen: z.number().int() })),
  byRegion: z.array(z.object({ regionCode: z.string(), lines: z.number().int(), amountFen: z.number().int() })),
});

export const ChangeDto = z.object({
  change: ChangeKindSchema,
  payeeKind: PayeeKindSchema,
  payeeId: IdSchema,
  elderId: IdSchema.nullable(),
  regionCode: z.string(),
  previousFen: z.number().int(),
  currentFen: z.number().int(),
  code: z.string(),
});
export type ChangeDto = z.infer<typeof ChangeDto>;

const ChangeCounts = z.object({
  new: z.number().int(),
  ended: z.number().int(),
  changed: z.number().int(),
  stopped: z.number().int(),
});

/** SUB-2: the difference from last month explained (new, ended, changed, stopped). */
export const RunDiffDto = z.object({
  previousPeriod: z.string(),
  previousTotalFen: z.number().int(),
  currentTotalFen: z.number().int(),
  unchanged: z.number().int(),
  counts: ChangeCounts,
  deltasFen: ChangeCounts,
  /** The first changes (at most 200); `counts` has them all. */
  items: z.array(ChangeDto),
});
export type RunDiffDto = z.infer<typeof RunDiffDto>;
/** The diff without its items, as stored with the run. */
export const RunDiffSummaryDto = RunDiffDto.omit({ items: true });
export type RunDiffSummaryDto = z.infer<typeof RunDiffSummaryDto>;
export type RunTotalsDto = z.infer<typeof RunTotalsDto>;

export const RunSummaryDto = z.object({
  id: IdSchema,
  regionCode: z.string(),
  programme: ProgrammeNameSchema,
  period: z.string(),
  status: RunStatusSchema,
  computedBy: IdSchema,
  computedAt: z.string(),
  approvedBy: IdSchema.nullable(),
  approvedAt: z.string().nullable(),
  entryCount: z.number().int(),
  totalFen: z.number().int(),
  batchId: IdSchema.nullable(),
});
export type RunSummaryDto = z.infer<typeof RunSummaryDto>;

/** GET /api/ledger/runs/:id: the run page (totals by payer and region, the month's difference explained). */
export const RunDto = RunSummaryDto.extend({
  /** False when the run already existed: a second start adds nothing (SUB-2). */
  created: z.boolean(),
  totals: RunTotalsDto,
  /** Lines of the run reversed since (a stop before approval, a failed bank transfer, a correction). */
  reversedFen: z.number().int(),
  diff: RunDiffDto,
  results: z.object({ paid: z.number().int(), failed: z.number().int(), pending: z.number().int() }),
});
export type RunDto = z.infer<typeof RunDto>;
export const RunPage = z.object({ items: z.array(RunSummaryDto), total: z.number().int() });

export const LedgerEntryDto = z.object({
  id: IdSchema,
  programme: ProgrammeNameSchema,
  payeeKind: PayeeKindSchema,
  payeeId: IdSchema,
  elderId: IdSchema.nullable(),
  regionCode: z.string(),
  period: z.string(),
  payer: FundingPayerSchema,
  basisPoints: z.number().int(),
  amountFen: z.number().int(),
  kind: PaymentEntryKindSchema,
  groupId: IdSchema,
  reversesId: IdSchema.nullable(),
  recoversId: IdSchema.nullable(),
  stopDate: z.string().nullable(),
  entitlementId: IdSchema.nullable(),
  runId: IdSchema.nullable(),
  clause: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  /** computed: waiting for approval; approved: in a batch; paid/failed: the bank's result; posted: a correction. */
  state: z.enum(['computed', 'approved', 'paid', 'failed', 'posted']),
  reversed: z.boolean(),
});
export type LedgerEntryDto = z.infer<typeof LedgerEntryDto>;

export const ProgrammeBalanceDto = z.object({
  programme: ProgrammeNameSchema,
  paidFen: z.number().int(),
  reversedFen: z.number().int(),
  recoveredFen: z.number().int(),
  balanceFen: z.number().int(),
  /** Of the balance, lines still waiting for approval. */
  pendingFen: z.number().int(),
});
export type ProgrammeBalanceDto = z.infer<typeof ProgrammeBalanceDto>;

/** GET /api/elders/:id/ledger (SUB-10): one elder's money across programmes. */
export const ElderLedgerDto = z.object({
  elderId: IdSchema,
  balances: z.array(ProgrammeBalanceDto),
  entries: z.array(LedgerEntryDto),
  total: z.number().int(),
});
export type ElderLedgerDto = z.infer<typeof ElderLedgerDto>;

/** POST /api/ledger/entries/:id/reverse (REL-2). */
export const ReverseBody = z.strictObject({ reason: ReasonText });

/** One bank result (SUB-8): `failed` needs its reason. */
export const PaymentResultInput = z
  .strictObject({
    entryId: IdSchema,
    status: z.enum(['paid', 'failed']),
    reason: ReasonText.optional(),
    bankReference: z.string().trim().min(1).max(100).optional(),
  })
  .refine((value) => value.status === 'paid' || value.reason !== undefined, {
    message: 'a failed result needs its reason',
    path: ['reason'],
  });
export type PaymentResultInput = z.infer<typeof PaymentResultInput>;

/** POST /api/ledger/runs/:id/results (JSON). */
export const PaymentResultsBody = z.strictObject({ results: z.array(PaymentResultInput).min(1).max(10_000) });
export type PaymentResultsBody = z.infer<typeof PaymentResultsBody>;

export const PaymentResultsResponse = z.object({
  paid: z.number().int(),
  failed: z.number().int(),
  /** Results already recorded with the same status (a re-import). */
  unchanged: z.number().int(),
  /** Lines already recorded with the other status: kept as recorded, listed for review. */
  conflicts: z.array(z.object({ entryId: IdSchema, recorded: z.enum(['paid', 'failed']) })),
  /** Failed lines reversed, so a later run may pay them again. */
  reversed: z.number().int(),
});
export type PaymentResultsResponse = z.infer<typeof PaymentResultsResponse>;

/** PUT /api/ledger/bank-accounts/:payeeKind/:payeeId (SUB-8; finance role). */
export const BankAccountBody = z.strictObject({
  bankName: z.string().trim().min(1).max(100),
  accountHolder: z.string().trim().min(1).max(100),
  accountNumber: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/, '8–30 digits'),
});
export type BankAccountBody = z.infer<typeof BankAccountBody>;
export const BankAccountParams = z.object({ payeeKind: PayeeKindSchema, payeeId: IdSchema });
export const BankAccountDto = z.object({
  payeeKind: PayeeKindSchema,
  payeeId: IdSchema,
  bankName: z.string(),
  accountHolder: z.string(),
  accountMasked: z.string(),
  version: z.number().int(),
});
export type BankAccountDto = z.infer<typeof BankAccountDto>;

/** `kangyang ledger verify` (REL-3). */
export const LedgerVerifyDto = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  checks: z.array(
    z.object({
      name: z.string(),
      /** `warning` checks are reported but do not fail the verification. */
      severity: z.enum(['invariant', 'warning']),
      ok: z.boolean(),
      violations: z.number().int(),
      examples: z.array(z.string()),
    }),
  ),
});
export type LedgerVerifyDto = z.infer<typeof LedgerVerifyDto>;

export const StopBody = z.strictObject({ stopDate: IsoDateSchema, reason: ReasonText });

import type { Cadence, FundingPayer, FundingShare, Programme } from '../eligibility/index.ts';
import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import { fen } from '../units/index.ts';
import type { BasisPoints, Fen } from '../units/index.ts';
import type { Period } from './period.ts';

export const PAYEE_KINDS = ['elder', 'institution', 'caregiver'] as const;
/** Who receives the money: an elder, an institution (organisation) or a caregiver (worker). */
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export type Payee = { readonly kind: PayeeKind; readonly id: string };

export const PAYMENT_ENTRY_KINDS = ['payment', 'reversal', 'recovery'] as const;
/** Glossary §13 `PaymentEntryKind`. */
export type PaymentEntryKind = (typeof PAYMENT_ENTRY_KINDS)[number];

/** How often a programme pays money; programmes paid in kind (a bed, free hours) are absent. */
export const PROGRAMME_CADENCE: Readonly<Partial<Record<Programme, Cadence>>> = {
  homeCareBedCareSubsidy: 'monthly',
  homeCareBedSetupGrant: 'oneTime',
  caregiverPostAllowance: 'monthly',
  advancedAgeAllowance: 'monthly',
  serviceSubsidy: 'monthly',
  stationOperatingSubsidy: 'monthly',
  chainOperatorReward: 'oneTime',
};

export const cadenceOf = (programme: Programme): Cadence | undefined => PROGRAMME_CADENCE[programme];

/**
 * PROJECT CHOICE: a programme whose profile names no funding shares (000-r2, 000-r3) is paid in full
 * by the county, whose civil-affairs bureau runs the payments.
 */
export const DEFAULT_FUNDING_SHARES: readonly FundingShare[] = [
  { payer: 'county', basisPoints: 10_000 as BasisPoints },
];

/**
 * One line of the subsidy ledger (SUB-1). A payment to several payers is one line per payer share
 * (same `groupId`), so the city's 50 % is its own line (SUB-4). Amounts are signed fen: payments
 * are ≥ 0, a reversal is the negation of its original, a recovery is negative.
 */
export type LedgerEntry = {
  readonly id: string;
  readonly programme: Programme;
  readonly payee: Payee;
  /** The elder the money is for (an elder payee, or the elder of an institution's bed grant); null for caregivers. */
  readonly elderId: string | null;
  readonly period: Period;
  readonly payer: FundingPayer;
  readonly basisPoints: number;
  readonly amount: Fen;
  readonly kind: PaymentEntryKind;
  readonly reversesId: string | null;
  readonly recoversId: string | null;
};

/** A line to append; the store gives it an id. */
export type NewLedgerEntry = Omit<LedgerEntry, 'id'> & { readonly reason: string };

/**
 * The uniqueness slot of a payment (REL-3): payee, the elder it is for, programme, period and payer.
 * At most one payment per slot may stand unreversed.
 */
export const slotKey = (
  entry: Omit<LedgerEntry, 'id' | 'kind' | 'amount' | 'reversesId' | 'recoversId' | 'basisPoints'>,
) =>
  `${entry.programme}|${entry.payee.kind}|${entry.payee.id}|${entry.elderId ?? entry.payee.id}|${entry.period}|${entry.payer}`;

/** The derived balance: the sum of the entries' amounts (what was paid, net of reversals and recoveries). */
export const balanceOf = (entries: readonly Pick<LedgerEntry, 'amount'>[]): Fen =>
  fen(entries.reduce((sum, entry) => sum + entry.amount, 0));

export type ProgrammeBalance = {
  readonly programme: Programme;
  readonly paid: Fen;
  readonly reversed: Fen;
  readonly recovered: Fen;
  readonly balance: Fen;
};

/** Balances per programme, in first-seen order; `balance` = paid + reversed + recovered (the latter two ≤ 0 mostly). */
export function balancesByProgramme(entries: readonly LedgerEntry[]): ProgrammeBalance[] {
  const byProgramme = new Map<Programme, { paid: number; reversed: number; recovered: number }>();
  for (const entry of entries) {
    const sums = byProgramme.get(entry.programme) ?? { paid: 0, reversed: 0, recovered: 0 };
    if (entry.kind === 'payment') sums.paid += entry.amount;
    else if (entry.kind === 'reversal') sums.reversed += entry.amount;
    else sums.recovered += entry.amount;
    byProgramme.set(entry.programme, sums);
  }
  return [...byProgramme].map(([programme, sums]) => ({
    programme,
    paid: fen(sums.paid),
    reversed: fen(sums.reversed),
    recovered: fen(sums.recovered),
    balance: fen(sums.paid + sums.reversed + sums.recovered),
  }));
}

/** Ids of entries that a reversal in `entries` undoes. */
export const reversedIds = (entries: readonly LedgerEntry[]): Set<string> =>
  new Set(entries.flatMap((entry) => (entry.reversesId === null ? [] : [entry.reversesId])));

export type ReverseError = {
  readonly code: 'LEDGER_ENTRY_NOT_REVERSIBLE';
  readonly reason: 'reversal' | 'alreadyReversed' | 'recovered';
};

/**
 * A correction is a reversing entry pointing at the original (REL-2): same slot, negated amount.
 * A reversal is never reversed, and an entry is reversed at most once. A payment with a standing
 * recovery is not reversed before that recovery is (the slot would go below zero).
 */
export function reverse(
  original: LedgerEntry,
  entries: readonly LedgerEntry[],
  reason: string,
): Result<NewLedgerEntry, ReverseError> {
  if (original.kind === 'reversal') return err({ code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'reversal' });
  const reversed = reversedIds(entries);
  if (reversed.has(original.id)) return err({ code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'alreadyReversed' });
  if (entries.some((entry) => entry.recoversId === original.id && !reversed.has(entry.id)))
    return err({ code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'recovered' });
  return ok({
    programme: original.programme,
    payee: original.payee,
    elderId: original.elderId,
    period: original.period,
    payer: original.payer,
    basisPoints: original.basisPoints,
    amount: fen(-original.amount + 0),
    kind: 'reversal',
    reversesId: original.id,
    recoversId: null,
    reason,
  });
}

/** Payments that stand: not reversed. Per REL-3 a slot holds at most one of them. */
export function livePayments(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const reversed = reversedIds(entries);
  return entries.filter((entry) => entry.kind === 'payment' && !reversed.has(entry.id));
}

import { decideCaregiverPostAllowance, splitByShares } from '../eligibility/index.ts';
import type {
  CaregiverFacts,
  CaregiverPostAllowanceRule,
  ClauseId,
  FundingPart,
  FundingPayer,
  FundingShare,
  Programme,
} from '../eligibility/index.ts';
import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import type { Fen, IsoDate } from '../units/index.ts';
import { cadenceOf, DEFAULT_FUNDING_SHARES, slotKey } from './ledger-entry.ts';
import type { Payee } from './ledger-entry.ts';
import { overlapsPeriod, periodOf } from './period.ts';
import type { Period } from './period.ts';

/** A death or move-out with its date (glossary §2 `ElderStatus`); it stops payments for later months (SUB-3). */
export type ElderStop = { readonly status: 'deceased' | 'movedOut'; readonly date: IsoDate };

/** One approved entitlement as the monthly run sees it (POL-5), with the elder's stop if any. */
export type EntitlementFacts = {
  readonly entitlementId: string;
  readonly programme: Programme;
  readonly payee: Payee;
  readonly elderId: string | null;
  /** Region of the payee's line (the elder's residence, or the institution's region). */
  readonly regionCode: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  /** Per month for monthly programmes, once for one-time ones. */
  readonly amount: Fen;
  readonly fundingShares: readonly FundingShare[];
  readonly clause: ClauseId;
  readonly elderStop: ElderStop | null;
};

/** A caregiver's month (WRK-4) as the 000-r1 allowance needs it. */
export type CaregiverMonthFacts = CaregiverFacts & {
  readonly workerId: string;
  readonly continuingEducation: boolean;
};

/** One payer's line of one payment; lines of one payment share `groupKey`. */
export type PaymentLine = {
  readonly groupKey: string;
  readonly programme: Programme;
  readonly payee: Payee;
  readonly elderId: string | null;
  readonly regionCode: string;
  readonly period: Period;
  readonly payer: FundingPayer;
  readonly basisPoints: number;
  readonly amount: Fen;
  readonly entitlementId: string | null;
  readonly clause: ClauseId;
  readonly reason: string;
};

/** A payee the run did not pay, and why: `stopped` by death or move-out, `ended` for any other reason. */
export type SkippedPayee = {
  readonly payee: Payee;
  readonly elderId: string | null;
  readonly regionCode: string;
  readonly change: 'ended' | 'stopped';
  readonly code: string;
};

export type MonthlyComputation = { readonly lines: PaymentLine[]; readonly skipped: SkippedPayee[] };

type LineBase = Omit<PaymentLine, 'payer' | 'basisPoints' | 'amount'>;

/** Appends one line per payer part, leaving out slots already paid (idempotence: a second run adds nothing). */
function pushParts(
  lines: PaymentLine[],
  base: LineBase,
  shares: readonly FundingShare[],
  parts: readonly FundingPart[],
  taken: Set<string>,
): void {
  parts.forEach((part, index) => {
    const line: PaymentLine = {
      ...base,
      payer: part.payer,
      basisPoints: shares[index]?.basisPoints ?? 0,
      amount: part.fen,
    };
    const slot = slotKey(line);
    if (taken.has(slot)) return;
    taken.add(slot);
    lines.push(line);
  });
}

/** The month a stop ends payments after: the month of the stop date itself is still paid (PROJECT CHOICE, SUB-3). */
export const isStoppedFor = (stop: ElderStop | null, linePeriod: Period): boolean =>
  stop !== null && periodOf(stop.date) < linePeriod;

/** The period a line of this entitlement is for in the run's month, or why there is none. */
function entitlementPeriod(facts: EntitlementFacts, runPeriod: Period): Result<Period, string> {
  const cadence = cadenceOf(facts.programme);
  if (cadence === undefined) return err('NOT_PAID_IN_MONEY');
  if (cadence === 'oneTime') {
    const start = periodOf(facts.startDate);
    return start <= runPeriod ? ok(start) : err('ENTITLEMENT_NOT_STARTED');
  }
  return overlapsPeriod(facts.startDate, facts.endDate, runPeriod) ? ok(runPeriod) : err('ENTITLEMENT_ENDED');
}

/**
 * SUB-2: the payments one month owes from approved entitlements. Monthly programmes pay the month's
 * amount while the entitlement touches the month; one-time programmes pay once, for the month their
 * entitlement starts. The amount is split between payers by largest remainder (000-r1). Slots in
 * `paidSlots` are already paid and are left out, so running a month twice adds nothing.
 */
export function computeEntitlementPayments(
  candidates: readonly EntitlementFacts[],
  runPeriod: Period,
  paidSlots: ReadonlySet<string>,
): MonthlyComputation {
  const lines: PaymentLine[] = [];
  const skipped: SkippedPayee[] = [];
  const taken = new Set(paidSlots);
  for (const facts of candidates) {
    const who = { payee: facts.payee, elderId: facts.elderId, regionCode: facts.regionCode };
    const due = entitlementPeriod(facts, runPeriod);
    if (!due.ok) {
      skipped.push({ ...who, change: 'ended', code: due.error });
      continue;
    }
    const periodOfLine = due.value;
    if (isStoppedFor(facts.elderStop, periodOfLine)) {
      const code = facts.elderStop?.status === 'movedOut' ? 'ELDER_MOVED_OUT' : 'ELDER_DECEASED';
      skipped.push({ ...who, change: 'stopped', code });
      continue;
    }
    const shares = facts.fundingShares.length > 0 ? facts.fundingShares : DEFAULT_FUNDING_SHARES;
    const base: LineBase = {
      ...who,
      groupKey: `${facts.entitlementId}|${periodOfLine}`,
      programme: facts.programme,
      period: periodOfLine,
      entitlementId: facts.entitlementId,
      clause: facts.clause,
      reason: 'ENTITLEMENT',
    };
    pushParts(lines, base, shares, splitByShares(facts.amount, shares), taken);
  }
  return { lines, skipped };
}

/**
 * SUB-4, 000-r1: the caregiver post allowance of one month from each caregiver's certified skill
 * level and attendance, with each payer's share (the city's 50 %) as its own line.
 */
export function computeCaregiverPayments(
  caregivers: readonly CaregiverMonthFacts[],
  rule: CaregiverPostAllowanceRule,
  regionCode: string,
  runPeriod: Period,
  paidSlots: ReadonlySet<string>,
): MonthlyComputation {
  const lines: PaymentLine[] = [];
  const skipped: SkippedPayee[] = [];
  const taken = new Set(paidSlots);
  for (const caregiver of caregivers) {
    const payee: Payee = { kind: 'caregiver', id: caregiver.workerId };
    const who = { payee, elderId: null, regionCode: caregiver.workplaceRegionCode };
    const decision = decideCaregiverPostAllowance(caregiver, rule, regionCode);
    if (!decision.eligible || decision.split === undefined) {
      skipped.push({ ...who, change: 'ended', code: decision.reasons[0]?.code ?? 'NOT_ELIGIBLE' });
      continue;
    }
    const base: LineBase = {
      ...who,
      groupKey: `${caregiver.workerId}|${runPeriod}`,
      programme: 'caregiverPostAllowance',
      period: runPeriod,
      entitlementId: null,
      clause: rule.clause,
      reason: `ALLOWANCE_AMOUNT:${caregiver.certifiedSkillLevel ?? ''}`,
    };
    pushParts(lines, base, rule.fundingShares, decision.split, taken);
  }
  return { lines, skipped };
}

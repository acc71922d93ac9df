export {
  PERIOD_PATTERN,
  parsePeriod,
  period,
  periodOf,
  periodStart,
  periodEnd,
  daysInPeriod,
  addPeriods,
  previousPeriod,
  periodsBetween,
  comparePeriods,
  overlapsPeriod,
} from './period.ts';
export type { Period } from './period.ts';
export {
  PAYEE_KINDS,
  PAYMENT_ENTRY_KINDS,
  PROGRAMME_CADENCE,
  DEFAULT_FUNDING_SHARES,
  cadenceOf,
  slotKey,
  balanceOf,
  balancesByProgramme,
  reversedIds,
  reverse,
  livePayments,
} from './ledger-entry.ts';
export type {
  PayeeKind,
  Payee,
  PaymentEntryKind,
  LedgerEntry,
  NewLedgerEntry,
  ProgrammeBalance,
  ReverseError,
} from './ledger-entry.ts';
export { computeEntitlementPayments, computeCaregiverPayments, isStoppedFor } from './payment-lines.ts';
export type {
  ElderStop,
  EntitlementFacts,
  CaregiverMonthFacts,
  PaymentLine,
  SkippedPayee,
  MonthlyComputation,
} from './payment-lines.ts';
export { planStop } from './recovery.ts';
export type { StopCandidate, StopRequest, StopPlan, RecoveryEntry } from './recovery.ts';
export { CHANGE_KINDS, explainMonthChange, sumByPayee, payeeMonthKey } from './month-diff.ts';
export type { PayeeMonth, ChangeKind, MonthChange, ChangeSummary } from './month-diff.ts';
export { runTotals, childRegionLength } from './run-totals.ts';
export type { RunTotals, RegionTotal, PayerTotal } from './run-totals.ts';
export { certifiedSkillLevel } from './skill-certificates.ts';
export type { SkillCertificate } from './skill-certificates.ts';

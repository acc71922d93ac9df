import { SKILL_LEVELS } from '@kangyang/domain/eligibility';
import type { CaregiverPostAllowanceRule, Programme, SkillLevel } from '@kangyang/domain/eligibility';
import {
  cadenceOf,
  certifiedSkillLevel,
  computeCaregiverPayments,
  computeEntitlementPayments,
  explainMonthChange,
  payeeMonthKey,
  periodEnd,
  periodStart,
  previousPeriod,
  runTotals,
  slotKey,
} from '@kangyang/domain/ledger';
import type {
  CaregiverMonthFacts,
  MonthChange,
  ChangeSummary,
  MonthlyComputation,
  PayeeMonth,
  Period,
  RunTotals,
  SkillCertificate,
  SkippedPayee,
} from '@kangyang/domain/ledger';
import { fen, isoDate } from '@kangyang/domain/units';
import type { Db } from '../db/database.ts';
import { caregiversForMonth, certificatesForMonth, INSTITUTION_KIND } from '../workers/worker-allowance.repo.ts';
import { elderStatuses, entitlementsForMonth } from './entitlement-source.repo.ts';
import { asNumber, standingPayments, type StandingPaymentRow } from './ledger.repo.ts';
import { asPayeeKind, asPayer, toEntitlementFacts } from './ledger-mapper.ts';

export type RunRequest = {
  regionCode: string;
  programme: Programme;
  period: Period;
  /** The 000-r1 rule of the region's profile, for the caregiver post allowance. */
  caregiverRule?: CaregiverPostAllowanceRule | undefined;
};

export type RunComputation = MonthlyComputation & {
  changes: MonthChange[];
  summary: ChangeSummary;
  totals: RunTotals;
};

function asSkillLevel(value: string): SkillLevel {
  const level = SKILL_LEVELS.find((candidate) => candidate === value);
  if (level === undefined) throw new Error(`unknown skill level in the database: ${value}`);
  return level;
}

const toPayeeMonth = (row: StandingPaymentRow): PayeeMonth => ({
  payee: { kind: asPayeeKind(row.payee_kind), id: row.payee_id },
  elderId: row.elder_id,
  regionCode: row.region_code,
  amount: fen(asNumber(row.amount_fen)),
});

const slotOf = (programme: Programme, row: StandingPaymentRow): string =>
  slotKey({ ...toPayeeMonth(row), programme, period: row.period as Period, payer: asPayer(row.payer) });

async function caregiverFacts(db: Db, request: RunRequest): Promise<CaregiverMonthFacts[]> {
  const month = { period: request.period, start: periodStart(request.period), end: periodEnd(request.period) };
  const caregivers = await caregiversForMonth(db, request.regionCode, month);
  const certificates = await certificatesForMonth(db, request.regionCode, month);
  const byWorker = new Map<string, SkillCertificate[]>();
  for (const row of certificates) {
    const list = byWorker.get(row.worker_id) ?? [];
    list.push({
      skillLevel: asSkillLevel(row.skill_level),
      issuedOn: isoDate(row.issued_on),
      expiresOn: row.expires_on === null ? null : isoDate(row.expires_on),
    });
    byWorker.set(row.worker_id, list);
  }
  return caregivers.map((row) => ({
    workerId: row.worker_id,
    role: 'caregiver',
    certifiedSkillLevel: certifiedSkillLevel(byWorker.get(row.worker_id) ?? [], month.start, month.end),
    worksInInstitution: row.organisation_kind === INSTITUTION_KIND,
    workplaceRegionCode: row.region_code,
    attendanceDays: row.days_worked ?? 0,
    continuingEducation: row.continuing_education ?? false,
  }));
}

/**
 * Payees of last month absent now whose entitlement was already ended by the re-check of a death or
 * move-out (so the run never saw them): explained as `stopped` with the elder's status, not `ended`.
 */
async function stoppedAbsentees(
  db: Db,
  previous: readonly PayeeMonth[],
  current: readonly PayeeMonth[],
  skipped: readonly SkippedPayee[],
): Promise<SkippedPayee[]> {
  const seen = new Set([...current, ...skipped].map(payeeMonthKey));
  const absent = previous.filter((line) => line.elderId !== null && !seen.has(payeeMonthKey(line)));
  const statuses = await elderStatuses(db, [...new Set(absent.map((line) => line.elderId ?? ''))]);
  return absent.flatMap((line) => {
    const status = statuses.get(line.elderId ?? '');
    if (status !== 'deceased' && status !== 'movedOut') return [];
    const code = status === 'movedOut' ? 'ELDER_MOVED_OUT' : 'ELDER_DECEASED';
    return [{ payee: line.payee, elderId: line.elderId, regionCode: line.regionCode, change: 'stopped', code }];
  });
}

/**
 * SUB-2: loads what one run needs (entitlements or caregivers, the slots already paid, last month's
 * payments), lets the pure core compute the lines and explain the change from last month.
 */
export async function computeRun(db: Db, request: RunRequest): Promise<RunComputation> {
  const { programme, regionCode } = request;
  const monthly = cadenceOf(programme) === 'monthly';
  let computation: MonthlyComputation;
  let standing: StandingPaymentRow[];
  if (programme === 'caregiverPostAllowance') {
    if (!request.caregiverRule) throw new Error('the caregiver post allowance needs its 000-r1 rule');
    const facts = await caregiverFacts(db, request);
    standing = await standingPayments(db, { programme, periods: [request.period], regionCode });
    const paid = new Set(standing.map((row) => slotOf(programme, row)));
    computation = computeCaregiverPayments(facts, request.caregiverRule, regionCode, request.period, paid);
  } else {
    const month = { start: periodStart(request.period), end: periodEnd(request.period) };
    const cadence = monthly ? 'monthly' : 'oneTime';
    const rows = await entitlementsForMonth(db, { regionCode, programme, cadence, ...month });
    const facts = rows.map(toEntitlementFacts);
    const periods = monthly ? [request.period] : [...new Set(facts.map((fact) => fact.startDate.slice(0, 7)))];
    standing = await standingPayments(db, { programme, periods, regionCode });
    const paid = new Set(standing.map((row) => slotOf(programme, row)));
    computation = computeEntitlementPayments(facts, request.period, paid);
  }
  const previous = monthly
    ? await standingPayments(db, { programme, periods: [previousPeriod(request.period)], regionCode })
    : [];
  const current = [...(monthly ? standing.map(toPayeeMonth) : []), ...computation.lines];
  const before = previous.map(toPayeeMonth);
  const skipped = [...computation.skipped, ...(await stoppedAbsentees(db, before, current, computation.skipped))];
  const { changes, summary } = explainMonthChange(before, current, skipped);
  return { ...computation, changes, summary, totals: runTotals(computation.lines, regionCode) };
}

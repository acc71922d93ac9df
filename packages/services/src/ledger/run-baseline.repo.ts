import { sql } from 'drizzle-orm';
import type { CaregiverPostAllowanceRule } from '@kangyang/domain/eligibility';
import { periodEnd, periodStart, type Period } from '@kangyang/domain/ledger';
import { rows, type Db } from '../db/database.ts';
import { asNumber } from './ledger.repo.ts';
import { INSTITUTION_KIND } from '../workers/worker-allowance.repo.ts';

/**
 * The monthly-run benchmark's same-run baseline (scale.md §3, §4): one raw `INSERT … SELECT` per
 * programme that computes the same lines in SQL (amounts, largest-remainder funding splits, stop
 * and date rules) into a bare table shaped like `ledger_entries` (no triggers, no indexes, no
 * idempotency, no diff, no audit).
 */
export const BASELINE_TABLE = 'bench_raw_ledger';

export async function freshBaselineTable(db: Db): Promise<void> {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`));
  await db.execute(sql.raw(`CREATE TABLE ${BASELINE_TABLE} (LIKE ledger_entries INCLUDING DEFAULTS)`));
}

const SPLIT_AND_INSERT = sql`
  parts AS (
    SELECT d.*, s.ord, s.payer, s.bp, (d.amount * s.bp) / 10000 AS floor_part, (d.amount * s.bp) % 10000 AS remainder
      FROM due d CROSS JOIN LATERAL (
        SELECT x->>'payer' AS payer, (x->>'basisPoints')::int AS bp, t.ord
          FROM jsonb_array_elements(CASE WHEN jsonb_array_length(d.shares) = 0
                 THEN '[{"payer":"county","basisPoints":10000}]'::jsonb ELSE d.shares END) WITH ORDINALITY AS t(x, ord)) s),
  ranked AS (
    SELECT p.*, row_number() OVER (PARTITION BY p.key ORDER BY p.remainder DESC, p.ord) AS rank,
           p.amount - sum(p.floor_part) OVER (PARTITION BY p.key) AS leftover
      FROM parts p)
  INSERT INTO bench_raw_ledger (county_code, id, region_code, programme, payee_kind, payee_id, elder_id, period, payer,
    basis_points, amount_fen, kind, group_id, entitlement_id, clause, reason, slot_generation, created_by, created_at)
  SELECT left(r.region_code, 6), gen_random_uuid(), r.region_code, r.programme, r.payee_kind, r.payee_id, r.elder_id,
         r.line_period, r.payer, r.bp, r.floor_part + CASE WHEN r.rank <= r.leftover THEN 1 ELSE 0 END, 'payment',
         gen_random_uuid(), r.entitlement_id, r.clause, 'BASELINE', 0, gen_random_uuid(), now()
    FROM ranked r`;

/** Entitlement programmes: the lines of one month, as the monthly run computes them. */
export async function insertSelectEntitlements(
  db: Db,
  period: Period,
  programme: string,
  cadence: 'monthly' | 'oneTime',
) {
  const start = periodStart(period);
  const end = periodEnd(period);
  const linePeriod = cadence === 'monthly' ? sql`${period}::text` : sql`to_char(e.start_date, 'YYYY-MM')`;
  const due =
    cadence === 'monthly'
      ? sql`(e.end_date IS NULL OR e.end_date >= ${start}::date)`
      : sql`to_char(e.start_date, 'YYYY-MM') = ${period}`;
  await db.execute(sql`
    WITH due AS (
      SELECT e.id AS key, e.id AS entitlement_id, e.elder_id, e.region_code, e.programme, e.payee_kind, e.payee_id,
             e.amount_fen AS amount, e.funding_shares AS shares, e.clause, ${linePeriod} AS line_period
        FROM entitlements e LEFT JOIN elders el ON el.county_code = e.county_code AND el.id = e.elder_id
       WHERE e.programme = ${programme} AND e.amount_fen IS NOT NULL AND e.start_date <= ${end}::date AND ${due}
         AND NOT COALESCE(el.status IN ('deceased', 'movedOut') AND to_char(el.status_date, 'YYYY-MM') < ${linePeriod}, false)),
    ${SPLIT_AND_INSERT}`);
}

/** 000-r1: certified institution caregivers of the region with enough attendance, by their best valid level. */
export async function insertSelectCaregivers(
  db: Db,
  period: Period,
  regionCode: string,
  rule: CaregiverPostAllowanceRule,
) {
  const start = periodStart(period);
  const end = periodEnd(period);
  const amounts = rule.monthlyFenBySkillLevel;
  const shares = JSON.stringify(rule.fundingShares);
  await db.execute(sql`
    WITH levels AS (
      SELECT c.county_code, c.worker_id,
             max(CASE c.skill_level WHEN 'junior' THEN ${amounts.junior}::bigint WHEN 'intermediate' THEN ${amounts.intermediate}::bigint
                 WHEN 'senior' THEN ${amounts.senior}::bigint WHEN 'technician' THEN ${amounts.technician}::bigint
                 ELSE ${amounts.seniorTechnician}::bigint END) AS amount
        FROM worker_certificates c
       WHERE c.issued_on <= ${end}::date AND (c.expires_on IS NULL OR c.expires_on >= ${start}::date)
       GROUP BY c.county_code, c.worker_id),
    due AS (
      SELECT w.id AS key, NULL::uuid AS entitlement_id, NULL::uuid AS elder_id, w.region_code,
             'caregiverPostAllowance'::text AS programme, 'caregiver'::text AS payee_kind, w.id AS payee_id,
             l.amount, ${shares}::jsonb AS shares, ${rule.clause}::text AS clause, ${period}::text AS line_period
        FROM workers w
        JOIN organisations o ON o.id = w.organisation_id AND o.kind = ${INSTITUTION_KIND}
        JOIN levels l ON l.county_code = w.county_code AND l.worker_id = w.id
        JOIN worker_attendance a ON a.county_code = w.county_code AND a.worker_id = w.id AND a.period = ${period}
       WHERE w.region_code LIKE ${`${regionCode}%`} AND w.staff_role = 'caregiver' AND a.days_worked >= ${rule.minAttendanceDays}
         AND w.employed_from <= ${end}::date AND (w.employed_to IS NULL OR w.employed_to >= ${start}::date)),
    ${SPLIT_AND_INSERT}`);
}

export type MonthFigures = { lines: number; totalFen: number; digest: string };

async function figures(db: Db, table: string, runIds: readonly string[] | null): Promise<MonthFigures> {
  const where = runIds === null ? sql`TRUE` : sql`run_id = ANY(${sql.param([...runIds])}::uuid[])`;
  const [row] = await rows<{ lines: unknown; total: unknown; digest: string | null }>(
    db,
    sql`SELECT count(*) AS lines, COALESCE(sum(amount_fen), 0) AS total,
               md5(string_agg(programme || payee_id::text || COALESCE(elder_id::text, '') || period || payer || amount_fen::text, ','
                   ORDER BY programme, payee_id, elder_id, period, payer)) AS digest
          FROM ${sql.raw(table)} WHERE kind = 'payment' AND ${where}`,
  );
  return { lines: asNumber(row?.lines), totalFen: asNumber(row?.total), digest: row?.digest ?? '' };
}

/** Count, sum and a digest of (programme, payee, elder, period, payer, amount) of some runs' lines. */
export const runFigures = (db: Db, runIds: readonly string[]) => figures(db, 'ledger_entries', runIds);
/** The same figures of the baseline table (emptied before each baseline round). */
export const baselineFigures = (db: Db) => figures(db, BASELINE_TABLE, null);
export const emptyBaseline = (db: Db) => db.execute(sql.raw(`TRUNCATE ${BASELINE_TABLE}`));

import type { LedgerVerifyDto } from '@kangyang/contracts/ledger';
import { PROGRAMME_CADENCE } from '@kangyang/domain/ledger';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { asNumber } from './ledger.repo.ts';

/** Programmes paid month by month: the ones a stop ends (SUB-3). */
const MONTHLY = Object.entries(PROGRAMME_CADENCE).flatMap(([programme, cadence]) =>
  cadence === 'monthly' ? [programme] : [],
);

type Check = { name: string; severity: 'invariant' | 'warning'; query: SQL };

const STANDING = sql`NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.county_code = p.county_code AND x.reverses_id = p.id)`;

/**
 * REL-3 for the subsidy ledger, each as a query naming offending rows (`example` ≤ 5 per check).
 * The triggers already refuse most of these on insert; verify proves it over the stored data.
 */
const CHECKS: readonly Check[] = [
  {
    name: 'onePaymentPerSlot',
    severity: 'invariant',
    query: sql`SELECT p.county_code || ':' || p.programme || ':' || p.payee_id || ':' || p.period || ':' || p.payer AS example
                 FROM ledger_entries p WHERE p.kind = 'payment' AND ${STANDING}
                GROUP BY p.county_code, p.programme, p.payee_kind, p.payee_id, COALESCE(p.elder_id, p.payee_id), p.period, p.payer
               HAVING count(*) > 1`,
  },
  {
    name: 'reversalsNegateTheirOriginal',
    severity: 'invariant',
    query: sql`SELECT r.id::text AS example FROM ledger_entries r
                 LEFT JOIN ledger_entries o ON o.county_code = r.county_code AND o.id = r.reverses_id
                WHERE r.kind = 'reversal' AND (o.id IS NULL OR o.kind = 'reversal' OR r.amount_fen <> -o.amount_fen
                      OR r.period <> o.period OR r.payee_id <> o.payee_id OR r.programme <> o.programme OR r.payer <> o.payer)`,
  },
  {
    name: 'recoveriesWithinPaidAfterStop',
    severity: 'invariant',
    query: sql`SELECT c.id::text AS example FROM ledger_entries c
                 LEFT JOIN ledger_entries o ON o.county_code = c.county_code AND o.id = c.recovers_id
                WHERE c.kind = 'recovery' AND (o.id IS NULL OR o.kind <> 'payment' OR -c.amount_fen > o.amount_fen
                      OR o.period <= to_char(c.stop_date, 'YYYY-MM')
                      OR (EXISTS (SELECT 1 FROM ledger_entries x WHERE x.county_code = o.county_code AND x.reverses_id = o.id)
                          AND NOT EXISTS (SELECT 1 FROM ledger_entries y WHERE y.county_code = c.county_code AND y.reverses_id = c.id)))`,
  },
  {
    name: 'noSlotBelowZero',
    severity: 'invariant',
    query: sql`SELECT p.county_code || ':' || p.programme || ':' || p.payee_id || ':' || p.period || ':' || p.payer AS example
                 FROM ledger_entries p
                GROUP BY p.county_code, p.programme, p.payee_kind, p.payee_id, COALESCE(p.elder_id, p.payee_id), p.period, p.payer
               HAVING sum(p.amount_fen) < 0`,
  },
  {
    name: 'fundingSharesWhole',
    severity: 'invariant',
    query: sql`SELECT p.group_id::text AS example FROM ledger_entries p WHERE p.kind = 'payment'
                GROUP BY p.group_id HAVING sum(p.basis_points) <> 10000`,
  },
  {
    name: 'runTotalsMatchLines',
    severity: 'invariant',
    query: sql`SELECT r.id::text AS example FROM ledger_runs r
                 LEFT JOIN (SELECT run_id, count(*) AS lines, sum(amount_fen) AS total FROM ledger_entries
                             WHERE kind = 'payment' AND run_id IS NOT NULL GROUP BY run_id) t ON t.run_id = r.id
                WHERE r.entry_count <> COALESCE(t.lines, 0) OR r.total_fen <> COALESCE(t.total, 0)`,
  },
  {
    name: 'nothingStandsAfterAStop',
    severity: 'warning',
    query: sql`SELECT p.id::text AS example FROM ledger_entries p
                 JOIN elders e ON e.county_code = p.county_code AND e.id = p.elder_id
                WHERE p.kind = 'payment' AND e.status <> 'active' AND e.status_date IS NOT NULL
                  AND p.period > to_char(e.status_date, 'YYYY-MM') AND ${STANDING}
                  AND p.programme = ANY(${sql.param(MONTHLY)}::text[])
                  AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.county_code = p.county_code AND c.recovers_id = p.id)`,
  },
];

/**
 * `kangyang ledger verify` (REL-3): at most one standing payment per (payee, elder, programme,
 * period, payer); reversals negate their original; recoveries never exceed what was paid after the
 * stop date; no slot below zero (the ledger's floor); each payment's payer shares make 10,000 basis
 * points; run totals match their lines. A warning lists standing payments after a death or move-out
 * that no stop has undone yet (the stop job may still be due).
 */
export async function verifyLedger(db: Db): Promise<LedgerVerifyDto> {
  const [count] = await rows<{ entries: unknown }>(db, sql`SELECT count(*) AS entries FROM ledger_entries`);
  const checks: LedgerVerifyDto['checks'] = [];
  for (const check of CHECKS) {
    const [total] = await rows<{ violations: unknown }>(db, sql`SELECT count(*) AS violations FROM (${check.query}) v`);
    const violations = asNumber(total?.violations);
    const examples = violations === 0 ? [] : await rows<{ example: string }>(db, sql`${check.query} LIMIT 5`);
    checks.push({
      name: check.name,
      severity: check.severity,
      ok: violations === 0,
      violations,
      examples: examples.map((row) => row.example),
    });
  }
  const ok = checks.every((check) => check.ok || check.severity === 'warning');
  return { ok, entries: asNumber(count?.entries), checks };
}

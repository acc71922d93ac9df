import { sql } from 'drizzle-orm';
import type { FundingShare } from '@kangyang/domain/eligibility';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { INSERT_BATCH } from './ledger.repo.ts';

/**
 * Synthetic rows for tests and the monthly-run benchmark: organisations and approved entitlements
 * written straight into their tables (the applications module's approval flow is what makes them in
 * production). Never used by a request path.
 */
export async function insertOrganisation(
  db: Db,
  row: { id?: string; name: string; kind: string; regionCode: string; createdAt: Date },
): Promise<string> {
  const id = row.id ?? uuidv7();
  await db.execute(
    sql`INSERT INTO organisations (id, name, kind, region_code, created_at)
        VALUES (${id}, ${row.name}, ${row.kind}, ${row.regionCode}, ${row.createdAt.toISOString()}::timestamptz)`,
  );
  return id;
}

export type SyntheticEntitlement = {
  id?: string;
  elderId: string;
  regionCode: string;
  programme: string;
  payeeKind: 'elder' | 'institution' | 'caregiver';
  payeeId: string;
  startDate: string;
  endDate?: string | null;
  amountFen: number;
  cadence: 'monthly' | 'oneTime';
  clause: string;
  fundingShares?: readonly FundingShare[];
};

/** Approved entitlements (migration 0010's table) with placeholder application and decision ids. */
export async function insertEntitlements(
  db: Db,
  entitlements: readonly SyntheticEntitlement[],
  now: Date,
): Promise<string[]> {
  const ids = entitlements.map((row) => row.id ?? uuidv7());
  for (let start = 0; start < entitlements.length; start += INSERT_BATCH) {
    const batch = entitlements.slice(start, start + INSERT_BATCH);
    const batchIds = ids.slice(start, start + INSERT_BATCH);
    const column = <T>(pick: (row: SyntheticEntitlement, index: number) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      INSERT INTO entitlements (county_code, id, elder_id, region_code, programme, payee_kind, payee_id, start_date, end_date,
        amount_fen, cadence, clause, funding_shares, profile_id, profile_version, binding_region_code,
        source_application_id, source_decision_id, state, end_reason, created_at, updated_at, version)
      SELECT left(u.region_code, 6), u.id, u.elder_id, u.region_code, u.programme, u.payee_kind, u.payee_id, u.start_date,
             u.end_date, u.amount_fen, u.cadence, u.clause, u.shares::jsonb, '000', 1, left(u.region_code, 4),
             u.id, u.id, CASE WHEN u.end_date IS NULL THEN 'active' ELSE 'ended' END,
             CASE WHEN u.end_date IS NULL THEN NULL ELSE 'synthetic' END,
             ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, 1
        FROM unnest(${column((_row, index) => batchIds[index] ?? uuidv7())}::uuid[], ${column((row) => row.elderId)}::uuid[],
          ${column((row) => row.regionCode)}::text[], ${column((row) => row.programme)}::text[],
          ${column((row) => row.payeeKind)}::text[], ${column((row) => row.payeeId)}::uuid[],
          ${column((row) => row.startDate)}::date[], ${column((row) => row.endDate ?? null)}::date[],
          ${column((row) => row.amountFen)}::bigint[], ${column((row) => row.cadence)}::text[],
          ${column((row) => row.clause)}::text[], ${column((row) => JSON.stringify(row.fundingShares ?? []))}::text[])
        AS u(id, elder_id, region_code, programme, payee_kind, payee_id, start_date, end_date, amount_fen, cadence, clause, shares)`);
  }
  return ids;
}

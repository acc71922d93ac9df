import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { ledgerEntries, ledgerPaymentResults, ledgerRuns } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';

export type EntryRow = typeof ledgerEntries.$inferSelect;
export type EntryInsert = Omit<typeof ledgerEntries.$inferInsert, 'slotGeneration'>;

/** PGlite answers bigint as a number, node-postgres as a string: both become a number here. */
export const asNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

/** ≤ 10,000 rows per statement (architecture.md §1 PGlite limits). */
export const INSERT_BATCH = 5_000;

/** Serialises stops against monthly runs: runs hold it shared, a stop exclusively (SUB-3 with REL-4). */
const STOP_LOCK = sql`hashtext('kangyang-ledger-stop')`;
export async function lockForRun(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${STOP_LOCK})`);
}
export async function lockForStop(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${STOP_LOCK})`);
}
/** Serialises corrections of one payee's lines (a reversal and a recovery of the same line never race). */
export async function lockPayee(tx: Db, payeeId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`kangyang-ledger-payee:${payeeId}`}))`);
}

/** Appends lines with one `unnest` per batch; the triggers check each (REL-2, REL-3). */
export async function insertEntries(db: Db, entries: readonly EntryInsert[]): Promise<void> {
  for (let start = 0; start < entries.length; start += INSERT_BATCH) {
    const batch = entries.slice(start, start + INSERT_BATCH);
    const column = <T>(pick: (entry: EntryInsert) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      INSERT INTO ledger_entries (county_code, id, region_code, programme, payee_kind, payee_id, elder_id, period, payer,
        basis_points, amount_fen, kind, group_id, reverses_id, recovers_id, stop_date, entitlement_id, run_id, clause, reason,
        created_by, created_at)
      SELECT u.*, ${batch[0]?.createdBy ?? null}::uuid, ${(batch[0]?.createdAt ?? new Date()).toISOString()}::timestamptz
        FROM unnest(${column((entry) => entry.countyCode)}::text[], ${column((entry) => entry.id)}::uuid[],
          ${column((entry) => entry.regionCode)}::text[], ${column((entry) => entry.programme)}::text[],
          ${column((entry) => entry.payeeKind)}::text[], ${column((entry) => entry.payeeId)}::uuid[],
          ${column((entry) => entry.elderId ?? null)}::uuid[], ${column((entry) => entry.period)}::text[],
          ${column((entry) => entry.payer)}::text[], ${column((entry) => entry.basisPoints)}::int[],
          ${column((entry) => entry.amountFen)}::bigint[], ${column((entry) => entry.kind)}::text[],
          ${column((entry) => entry.groupId)}::uuid[], ${column((entry) => entry.reversesId ?? null)}::uuid[],
          ${column((entry) => entry.recoversId ?? null)}::uuid[], ${column((entry) => entry.stopDate ?? null)}::date[],
          ${column((entry) => entry.entitlementId ?? null)}::uuid[], ${column((entry) => entry.runId ?? null)}::uuid[],
          ${column((entry) => entry.clause)}::text[], ${column((entry) => entry.reason)}::text[]) AS u`);
  }
}

/** A region prefix on ledger lines, with the county key where the region is a county or below. */
export function entryRegionFilter(alias: string, regionCode: string): SQL {
  const table = sql.raw(alias);
  return regionCode.length >= 6
    ? sql`${table}.county_code = ${regionCode.slice(0, 6)} AND ${table}.region_code LIKE ${`${regionCode}%`}`
    : sql`${table}.region_code LIKE ${`${regionCode}%`}`;
}

/** A standing payment: not reversed (REL-3). */
const notReversed = (alias: string) =>
  sql.raw(
    `NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.county_code = ${alias}.county_code AND r.reverses_id = ${alias}.id)`,
  );

export type StandingPaymentRow = {
  payee_kind: string;
  payee_id: string;
  elder_id: string | null;
  region_code: string;
  period: string;
  payer: string;
  amount_fen: number | string;
};

/** Standing payments of a programme for some periods in a region: what a run must not pay again. */
export async function standingPayments(
  db: Db,
  query: { programme: string; periods: readonly string[]; regionCode: string },
): Promise<StandingPaymentRow[]> {
  if (query.periods.length === 0) return [];
  return rows<StandingPaymentRow>(
    db,
    sql`SELECT p.payee_kind, p.payee_id, p.elder_id, p.region_code, p.period, p.payer, p.amount_fen
          FROM ledger_entries p
         WHERE p.kind = 'payment' AND p.programme = ${query.programme}
           AND p.period = ANY(${sql.param([...query.periods])}::text[])
           AND ${entryRegionFilter('p', query.regionCode)} AND ${notReversed('p')}`,
  );
}

export async function findEntry(db: Db, id: string): Promise<EntryRow | undefined> {
  const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)).limit(1);
  return row;
}

/** Every line for one elder (the elder's own, and institutions' lines for the elder's bed) or one payee. */
export async function entriesOfSubject(db: Db, countyCode: string, subjectId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.countyCode, countyCode),
        or(eq(ledgerEntries.elderId, subjectId), eq(ledgerEntries.payeeId, subjectId)),
      ),
    )
    .orderBy(asc(ledgerEntries.period), asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
}

export type EntryWithState = { entry: EntryRow; runStatus: string | null; resultStatus: string | null };

/** A subject's lines with their run's status and the bank's result (for states, balances and stops). */
export async function entriesWithState(db: Db, countyCode: string, subjectId: string): Promise<EntryWithState[]> {
  return db
    .select({ entry: ledgerEntries, runStatus: ledgerRuns.status, resultStatus: ledgerPaymentResults.status })
    .from(ledgerEntries)
    .leftJoin(ledgerRuns, eq(ledgerRuns.id, ledgerEntries.runId))
    .leftJoin(
      ledgerPaymentResults,
      and(
        eq(ledgerPaymentResults.countyCode, ledgerEntries.countyCode),
        eq(ledgerPaymentResults.entryId, ledgerEntries.id),
      ),
    )
    .where(
      and(
        eq(ledgerEntries.countyCode, countyCode),
        or(eq(ledgerEntries.elderId, subjectId), eq(ledgerEntries.payeeId, subjectId)),
      ),
    )
    .orderBy(asc(ledgerEntries.period), asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
}

import { and, asc, desc, eq, like, or, sql } from 'drizzle-orm';
import { ledgerBatches, ledgerRunChanges, ledgerRuns } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';
import { asNumber, INSERT_BATCH } from './ledger.repo.ts';

export type RunRow = typeof ledgerRuns.$inferSelect;
export type BatchRow = typeof ledgerBatches.$inferSelect;
export type ChangeRow = typeof ledgerRunChanges.$inferSelect;

/**
 * Claims the run of (region, programme, month) (REL-4): undefined when it exists already. On
 * PostgreSQL a second claimer waits for the first's commit, then finds the row.
 */
export async function claimRun(
  db: Db,
  run: { id: string; regionCode: string; programme: string; period: string; computedBy: string; computedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(ledgerRuns)
    .values({ ...run, status: 'computed', entryCount: 0, totalFen: 0, totals: {}, changeSummary: {}, version: 1 })
    .onConflictDoNothing()
    .returning({ id: ledgerRuns.id });
  return inserted.length === 1;
}

export async function findRunByKey(db: Db, key: { regionCode: string; programme: string; period: string }) {
  const [row] = await db
    .select()
    .from(ledgerRuns)
    .where(
      and(
        eq(ledgerRuns.regionCode, key.regionCode),
        eq(ledgerRuns.programme, key.programme),
        eq(ledgerRuns.period, key.period),
      ),
    )
    .limit(1);
  return row;
}

export async function findRun(db: Db, id: string, options: { lock?: boolean } = {}): Promise<RunRow | undefined> {
  const query = db.select().from(ledgerRuns).where(eq(ledgerRuns.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function saveRunSummary(
  db: Db,
  id: string,
  summary: { entryCount: number; totalFen: number; totals: unknown; changeSummary: unknown },
): Promise<void> {
  await db
    .update(ledgerRuns)
    .set({ ...summary, version: sql`${ledgerRuns.version} + 1` })
    .where(eq(ledgerRuns.id, id));
}

/** computed → approved, once (the four-eyes CHECK is in the table too). */
export async function approveRun(db: Db, id: string, approvedBy: string, approvedAt: Date): Promise<boolean> {
  const changed = await db
    .update(ledgerRuns)
    .set({ status: 'approved', approvedBy, approvedAt, version: sql`${ledgerRuns.version} + 1` })
    .where(and(eq(ledgerRuns.id, id), eq(ledgerRuns.status, 'computed')))
    .returning({ id: ledgerRuns.id });
  return changed.length === 1;
}

export type RunListFilter = {
  /** The actor's region scopes: a run is listed when its region lies inside one. */
  scopes: readonly string[];
  regionCode?: string | undefined;
  period?: string | undefined;
  programme?: string | undefined;
};

export async function listRuns(db: Db, filter: RunListFilter, limit: number, offset: number) {
  const inScope = or(...filter.scopes.map((scope) => like(ledgerRuns.regionCode, `${scope}%`))) ?? sql`false`;
  const where = and(
    inScope,
    filter.regionCode ? like(ledgerRuns.regionCode, `${filter.regionCode}%`) : undefined,
    filter.period ? eq(ledgerRuns.period, filter.period) : undefined,
    filter.programme ? eq(ledgerRuns.programme, filter.programme) : undefined,
  );
  const items = await db
    .select()
    .from(ledgerRuns)
    .where(where)
    .orderBy(desc(ledgerRuns.period), asc(ledgerRuns.regionCode), asc(ledgerRuns.programme))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(ledgerRuns)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

export async function findBatchOfRun(db: Db, runId: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(ledgerBatches).where(eq(ledgerBatches.runId, runId)).limit(1);
  return row;
}

export async function insertBatch(db: Db, batch: typeof ledgerBatches.$inferInsert): Promise<void> {
  await db.insert(ledgerBatches).values(batch);
}

/** Count and sum of a run's standing payment lines (the batch's content). */
export async function runStandingTotals(db: Db, runId: string): Promise<{ lines: number; totalFen: number }> {
  const [row] = await rows<{ lines: number | string; total: number | string }>(
    db,
    sql`SELECT count(*) AS lines, COALESCE(sum(p.amount_fen), 0) AS total FROM ledger_entries p
         WHERE p.run_id = ${runId} AND p.kind = 'payment'
           AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.county_code = p.county_code AND r.reverses_id = p.id)`,
  );
  return { lines: asNumber(row?.lines), totalFen: asNumber(row?.total) };
}

/** Results per status of a run's lines, and the money reversed since it was computed. */
export async function runProgress(db: Db, runId: string) {
  const [row] = await rows<{ paid: unknown; failed: unknown; reversed: unknown }>(
    db,
    sql`SELECT
          (SELECT count(*) FROM ledger_payment_results x JOIN ledger_batches b ON b.id = x.batch_id
            WHERE b.run_id = ${runId} AND x.status = 'paid') AS paid,
          (SELECT count(*) FROM ledger_payment_results x JOIN ledger_batches b ON b.id = x.batch_id
            WHERE b.run_id = ${runId} AND x.status = 'failed') AS failed,
          (SELECT COALESCE(sum(amount_fen), 0) FROM ledger_entries WHERE run_id = ${runId} AND kind = 'reversal') AS reversed`,
  );
  return { paid: asNumber(row?.paid), failed: asNumber(row?.failed), reversedFen: asNumber(row?.reversed) };
}

export async function insertChanges(db: Db, changes: readonly ChangeRow[]): Promise<void> {
  for (let start = 0; start < changes.length; start += INSERT_BATCH) {
    const batch = changes.slice(start, start + INSERT_BATCH);
    const column = <T>(pick: (change: ChangeRow) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      INSERT INTO ledger_run_changes (run_id, seq, change, payee_kind, payee_id, elder_id, region_code, previous_fen, current_fen, code)
      SELECT * FROM unnest(${column((change) => change.runId)}::uuid[], ${column((change) => change.seq)}::int[],
        ${column((change) => change.change)}::text[], ${column((change) => change.payeeKind)}::text[],
        ${column((change) => change.payeeId)}::uuid[], ${column((change) => change.elderId)}::uuid[],
        ${column((change) => change.regionCode)}::text[], ${column((change) => change.previousFen)}::bigint[],
        ${column((change) => change.currentFen)}::bigint[], ${column((change) => change.code)}::text[])`);
  }
}

export async function firstChanges(db: Db, runId: string, limit: number): Promise<ChangeRow[]> {
  return db
    .select()
    .from(ledgerRunChanges)
    .where(eq(ledgerRunChanges.runId, runId))
    .orderBy(asc(ledgerRunChanges.seq))
    .limit(limit);
}

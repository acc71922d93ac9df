import { and, eq, inArray, or } from 'drizzle-orm';
import { ledgerEntries, ledgerPaymentResults } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import type { EntryRow } from './ledger.repo.ts';

export type ResultRow = typeof ledgerPaymentResults.$inferSelect;

export async function entriesOfRun(db: Db, runId: string, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.runId, runId), inArray(ledgerEntries.id, [...ids])));
}

/** Reversals and recoveries pointing at some entries, and reversals of those recoveries. */
export async function correctionsOf(db: Db, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  const direct = await db
    .select()
    .from(ledgerEntries)
    .where(or(inArray(ledgerEntries.reversesId, [...ids]), inArray(ledgerEntries.recoversId, [...ids])));
  const recoveries = direct.filter((row) => row.kind === 'recovery').map((row) => row.id);
  if (recoveries.length === 0) return direct;
  const second = await db.select().from(ledgerEntries).where(inArray(ledgerEntries.reversesId, recoveries));
  return [...direct, ...second];
}

export async function resultsOf(db: Db, ids: readonly string[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerPaymentResults)
    .where(inArray(ledgerPaymentResults.entryId, [...ids]));
}

export async function insertResults(db: Db, results: readonly ResultRow[]): Promise<void> {
  for (let start = 0; start < results.length; start += 1000) {
    await db.insert(ledgerPaymentResults).values(results.slice(start, start + 1000));
  }
}

import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { eligibilityDecisions, entitlementReviews, entitlements } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type DecisionRow = typeof eligibilityDecisions.$inferSelect;
export type DecisionInsert = typeof eligibilityDecisions.$inferInsert;
export type EntitlementRow = typeof entitlements.$inferSelect;
export type EntitlementInsert = typeof entitlements.$inferInsert;
export type ReviewRow = typeof entitlementReviews.$inferSelect;
export type ReviewInsert = typeof entitlementReviews.$inferInsert;

export async function insertDecision(db: Db, row: DecisionInsert): Promise<void> {
  await db.insert(eligibilityDecisions).values(row);
}

export async function findDecision(db: Db, countyCode: string, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(eligibilityDecisions)
    .where(and(eq(eligibilityDecisions.countyCode, countyCode), eq(eligibilityDecisions.id, id)))
    .limit(1);
  return row;
}

export async function insertEntitlement(db: Db, row: EntitlementInsert): Promise<void> {
  await db.insert(entitlements).values(row);
}

export async function entitlementsOfElder(db: Db, elderId: string): Promise<EntitlementRow[]> {
  return db
    .select()
    .from(entitlements)
    .where(eq(entitlements.elderId, elderId))
    .orderBy(asc(entitlements.startDate), asc(entitlements.id));
}

/** Entitlements of the elder not ended and still running on `date` (open, or ending on or after it). */
export async function entitlementsInForce(
  db: Db,
  elderId: string,
  date: string,
  options: { programme?: string; lock?: boolean } = {},
): Promise<EntitlementRow[]> {
  const query = db
    .select()
    .from(entitlements)
    .where(
      and(
        eq(entitlements.elderId, elderId),
        inArray(entitlements.state, ['active', 'flagged']),
        or(isNull(entitlements.endDate), gte(entitlements.endDate, date)),
        options.programme === undefined ? undefined : eq(entitlements.programme, options.programme),
      ),
    )
    .orderBy(asc(entitlements.startDate), asc(entitlements.id));
  return options.lock ? query.for('update') : query;
}

/** Ends an entitlement on `endDate` (the last day in force); only a not-yet-ended row changes. */
export async function endEntitlement(
  db: Db,
  key: { countyCode: string; id: string },
  endDate: string,
  endReason: string,
  now: Date,
): Promise<boolean> {
  const changed = await db
    .update(entitlements)
    .set({ state: 'ended', endDate, endReason, updatedAt: now, version: sql`${entitlements.version} + 1` })
    .where(
      and(
        eq(entitlements.countyCode, key.countyCode),
        eq(entitlements.id, key.id),
        sql`${entitlements.state} <> 'ended'`,
      ),
    )
    .returning({ id: entitlements.id });
  return changed.length === 1;
}

/** Marks an active entitlement for review; it stays in force until a person decides (POL-6). */
export async function flagEntitlement(db: Db, key: { countyCode: string; id: string }, now: Date): Promise<boolean> {
  const changed = await db
    .update(entitlements)
    .set({ state: 'flagged', updatedAt: now, version: sql`${entitlements.version} + 1` })
    .where(
      and(eq(entitlements.countyCode, key.countyCode), eq(entitlements.id, key.id), eq(entitlements.state, 'active')),
    )
    .returning({ id: entitlements.id });
  return changed.length === 1;
}

export async function insertReview(db: Db, row: ReviewInsert): Promise<void> {
  await db.insert(entitlementReviews).values(row);
}

export async function reviewsOf(db: Db, entitlementIds: readonly string[]): Promise<ReviewRow[]> {
  if (entitlementIds.length === 0) return [];
  return db
    .select()
    .from(entitlementReviews)
    .where(inArray(entitlementReviews.entitlementId, [...entitlementIds]))
    .orderBy(asc(entitlementReviews.createdAt), asc(entitlementReviews.id));
}

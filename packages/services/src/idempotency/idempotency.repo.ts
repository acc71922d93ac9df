import { and, eq, sql } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export async function insertRunning(
  db: Db,
  row: { actorId: string; key: string; route: string; bodyHash: string; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      actorId: row.actorId,
      key: row.key,
      route: row.route,
      bodyHash: row.bodyHash,
      state: 'running',
      status: null,
      response: null,
      createdAt: row.now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function findKey(db: Db, actorId: string, key: string): Promise<IdempotencyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

/** Re-claims a record left running by a process that died (its effect never committed). */
export async function reclaimStale(
  db: Db,
  actorId: string,
  key: string,
  staleBefore: Date,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(
      and(
        eq(idempotencyKeys.actorId, actorId),
        eq(idempotencyKeys.key, key),
        eq(idempotencyKeys.state, 'running'),
        sql`${idempotencyKeys.createdAt} < ${staleBefore.toISOString()}::timestamptz`,
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return updated.length === 1;
}

export async function complete(db: Db, actorId: string, key: string, status: number, response: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', status, response })
    .where(
      and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'running')),
    );
}

export async function release(db: Db, actorId: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'running')),
    );
}

export async function purgeOlderThan(db: Db, before: Date): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < ${before.toISOString()}::timestamptz`)
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}

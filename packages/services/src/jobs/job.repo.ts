import { eq, sql } from 'drizzle-orm';
import { jobs } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Db,
  job: { kind: string; payload: unknown; runAt: Date; dedupeKey?: string | undefined },
): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt,
      dedupeKey: job.dedupeKey ?? null,
      attempts: 0,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return inserted.length === 1;
}

/** Claims due jobs with FOR UPDATE SKIP LOCKED and a lease, so two workers never run one job at once. */
export async function claimDue(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
  maxAttempts: number,
): Promise<JobRow[]> {
  const claimed = await rows<{ id: string | number }>(
    db,
    sql`UPDATE jobs SET locked_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
          WHERE done_at IS NULL AND attempts < ${maxAttempts} AND run_at <= ${now.toISOString()}::timestamptz
            AND (locked_until IS NULL OR locked_until < ${now.toISOString()}::timestamptz)
          ORDER BY run_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(jobs)
    .where(sql`${jobs.id} = ANY(${sql.param(claimed.map((row) => Number(row.id)))}::bigint[])`);
}

export async function markDone(db: Db, id: number, now: Date): Promise<void> {
  await db.update(jobs).set({ doneAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, id));
}

export async function markFailed(db: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ lastError: error.slice(0, 2000), lockedUntil: null, runAt: retryAt })
    .where(eq(jobs.id, id));
}

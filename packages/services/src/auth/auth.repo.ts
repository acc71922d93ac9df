import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Grant } from '@kangyang/domain/access';
import { isRole } from '@kangyang/domain/access';
import { recoveryCodes, roleGrants, sessions, users } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function grantsOf(db: Db, userId: string): Promise<Grant[]> {
  const found = await db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  return found.flatMap((row) =>
    isRole(row.role) ? [{ role: row.role, regionCode: row.regionCode, organisationId: row.organisationId }] : [],
  );
}

export async function recordFailure(
  db: Db,
  userId: string,
  lockAfter: number,
  lockedUntil: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({
      failedCount: sql`${users.failedCount} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedCount} + 1 >= ${lockAfter} THEN ${lockedUntil.toISOString()}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId))
    .returning();
  return row;
}

export async function recordSuccess(db: Db, userId: string, now: Date, totpStep: number | undefined): Promise<void> {
  await db
    .update(users)
    .set({
      failedCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
      ...(totpStep === undefined ? {} : { totpLastStep: totpStep }),
    })
    .where(eq(users.id, userId));
}

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function setTotp(db: Db, userId: string, secretCipher: string | null): Promise<void> {
  await db.update(users).set({ totpSecretCipher: secretCipher, totpLastStep: null }).where(eq(users.id, userId));
}

export async function unlockUser(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ failedCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Spends one unused recovery code (MLP-1); true when it was valid. */
export async function useRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1;
}

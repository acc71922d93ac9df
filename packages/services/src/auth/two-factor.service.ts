import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { recoveryCodes } from '../db/schema/index.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';
import * as repo from './auth.repo.ts';
import { hashRecoveryCode as hashCode } from './auth.repo.ts';

const PENDING_MS = 10 * 60_000;
const RECOVERY_CODE_COUNT = 10;

/** TOTP enrolment (MLP-1): a pending secret is confirmed with a code, then stored encrypted with 10 recovery codes. */
export function createTwoFactorService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  revokeAllSessions: (userId: string) => Promise<void>;
}) {
  const { db, clock, audit, cipher } = deps;
  const pending = new Map<string, { secret: string; until: number }>();

  return {
    begin(actor: Actor): { secret: string; otpauthUri: string } {
      const secret = newTotpSecret();
      pending.set(actor.userId, { secret, until: clock.now().getTime() + PENDING_MS });
      return { secret, otpauthUri: otpauthUri(secret, actor.username) };
    },

    async confirm(actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
      const entry = pending.get(actor.userId);
      const now = clock.now();
      if (!entry || entry.until < now.getTime()) throw new AppError('TOTP_INVALID', {}, 'code');
      const step = matchTotp(entry.secret, code, now, null);
      if (step === undefined) throw new AppError('TOTP_INVALID', {}, 'code');
      pending.delete(actor.userId);
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomBytes(5).toString('hex'));
      await db.transaction(async (tx) => {
        await repo.setTotp(
          tx,
          actor.userId,
          cipher.encrypt(entry.secret, { table: 'users', column: 'totp_secret', recordId: actor.userId }),
        );
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
        await tx
          .insert(recoveryCodes)
          .values(codes.map((item) => ({ userId: actor.userId, codeHash: hashCode(item), createdAt: now })));
        await audit.record(actor, { action: 'auth.totpEnrol', resourceType: 'user', resourceIds: [actor.userId] }, tx);
      });
      return { recoveryCodes: codes };
    },

    /** The security admin resets a user's 2FA; their sessions end (MLP-4). */
    async reset(actor: Actor, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.setTotp(tx, userId, null);
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        await audit.record(actor, { action: 'auth.totpReset', resourceType: 'user', resourceIds: [userId] }, tx);
      });
      await deps.revokeAllSessions(userId);
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

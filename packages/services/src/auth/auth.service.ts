import { createHash, randomBytes } from 'node:crypto';
import { ADMINISTRATION_ROLES, SELF_SERVICE_ROLES } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import { makeActor, type Actor, type RequestMeta } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { matchTotp } from './totp.ts';
import { createRateLimiter } from './rate-limiter.ts';
import * as repo from './auth.repo.ts';

export type AuthPolicy = {
  mode: 'demo' | 'production';
  lockAfterFailures: number;
  lockMinutes: number;
  loginsPerIpPerMinute: number;
  idleMinutes: number;
  adminIdleMinutes: number;
  absoluteHours: number;
};

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  mode: 'demo',
  lockAfterFailures: 5,
  lockMinutes: 15,
  loginsPerIpPerMinute: 20,
  idleMinutes: 30,
  adminIdleMinutes: 15,
  absoluteHours: 12,
};

export type LoginInput = { username: string; password: string; totp?: string | undefined };

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const CACHE_MS = 30_000;
const TOUCH_MS = 60_000;

type CachedSession = {
  actor: Omit<Actor, 'request'>;
  expiresAt: number;
  idleMs: number;
  lastSeen: number;
  lastTouched: number;
  cachedAt: number;
};

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  policy?: Partial<AuthPolicy>;
}) {
  const { db, clock, audit, cipher } = deps;
  const policy: AuthPolicy = { ...DEFAULT_AUTH_POLICY, ...deps.policy };
  const ipLimiter = createRateLimiter({ limit: policy.loginsPerIpPerMinute, windowMs: 60_000 });
  const unknownFailures = new Map<string, { count: number; until: number }>();
  const cache = new Map<string, CachedSession>();

  const anonymous = (username: string, meta: RequestMeta): Actor =>
    makeActor({
      userId: '00000000-0000-7000-8000-000000000001',
      username: username.slice(0, 64),
      displayName: '',
      grants: [],
      organisationId: null,
      isDemo: false,
      request: meta,
    });

  async function failLogin(
    user: repo.UserRow | undefined,
    username: string,
    meta: RequestMeta,
    reason: string,
  ): Promise<never> {
    const now = clock.now();
    let locked = false;
    if (user) {
      const updated = await repo.recordFailure(
        db,
        user.id,
        policy.lockAfterFailures,
        new Date(now.getTime() + policy.lockMinutes * 60_000),
      );
      locked = (updated?.failedCount ?? 0) >= policy.lockAfterFailures;
    } else {
      const entry = unknownFailures.get(username) ?? { count: 0, until: 0 };
      entry.count += 1;
      if (entry.count >= policy.lockAfterFailures) entry.until = now.getTime() + policy.lockMinutes * 60_000;
      if (unknownFailures.size > 50_000) unknownFailures.clear();
      unknownFailures.set(username, entry);
    }
    await audit.record(user ? actorOfRow(user, meta) : anonymous(username, meta), {
      action: 'auth.login',
      resourceType: 'session',
      outcome: 'denied',
      reason,
      details: { locked },
    });
    throw new AppError(
      reason === 'totpRequired' ? 'TOTP_REQUIRED' : reason === 'totpInvalid' ? 'TOTP_INVALID' : 'INVALID_CREDENTIALS',
      {},
      reason.startsWith('totp') ? 'totp' : undefined,
    );
  }

  function lockedSeconds(user: repo.UserRow | undefined, username: string, now: Date): number {
    const until = user ? (user.lockedUntil?.getTime() ?? 0) : (unknownFailures.get(username)?.until ?? 0);
    return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
  }

  function actorOfRow(user: repo.UserRow, meta: RequestMeta, grants: Actor['grants'] = []): Actor {
    return makeActor({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      grants,
      organisationId: user.organisationId,
      isDemo: user.isDemo,
      request: meta,
    });
  }

  async function checkSecondFactor(
    user: repo.UserRow,
    totp: string | undefined,
    isStaff: boolean,
    meta: RequestMeta,
    username: string,
  ): Promise<number | undefined> {
    if (!user.totpSecretCipher) {
      if (policy.mode === 'production' && isStaff) await failLogin(user, username, meta, 'totpRequired');
      return undefined;
    }
    if (!totp) return failLogin(user, username, meta, 'totpRequired');
    if (!/^\d{6}$/.test(totp) && (await repo.useRecoveryCode(db, user.id, totp, clock.now()))) return undefined;
    const secret = cipher.decrypt(user.totpSecretCipher, { table: 'users', column: 'totp_secret', recordId: user.id });
    const step = matchTotp(secret, totp, clock.now(), user.totpLastStep);
    if (step === undefined) return failLogin(user, username, meta, 'totpInvalid');
    return step;
  }

  return {
    policy,

    /** MLP-1, MLP-3, MLP-4: password (+ TOTP), lockout even with the right password, per-IP limit. */
    async login(input: LoginInput, meta: RequestMeta): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      const now = clock.now();
      const wait = ipLimiter.hit(meta.ip, now.getTime());
      if (wait > 0) throw new AppError('RATE_LIMITED', { retryAfterSeconds: wait });
      const username = input.username.trim();
      const user = await repo.findUserByUsername(db, username);
      const lockedFor = lockedSeconds(user, username, now);
      if (lockedFor > 0) {
        await audit.record(user ? actorOfRow(user, meta) : anonymous(username, meta), {
          action: 'auth.login',
          resourceType: 'session',
          outcome: 'denied',
          reason: 'locked',
        });
        throw new AppError('ACCOUNT_LOCKED', { retryAfterSeconds: lockedFor });
      }
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
      if (!user || !passwordOk || user.status !== 'active') return failLogin(user, username, meta, 'badCredentials');
      if (user.isDemo && policy.mode === 'production')
        return failLogin(user, username, meta, 'demoAccountInProduction');
      const grants = await repo.grantsOf(db, user.id);
      const isStaff = grants.some((grant) => !SELF_SERVICE_ROLES.includes(grant.role));
      const step = await checkSecondFactor(user, input.totp, isStaff, meta, username);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
      await db.transaction(async (tx) => {
        await repo.recordSuccess(tx, user.id, now, step);
        await repo.insertSession(tx, {
          tokenHash: hashToken(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt,
          revokedAt: null,
          ip: meta.ip,
        });
        await audit.record(
          actorOfRow(user, meta, grants),
          { action: 'auth.login', resourceType: 'session', outcome: 'success' },
          tx,
        );
      });
      return { token, actor: actorOfRow(user, meta, grants), expiresAt };
    },

    /** Resolves a bearer token to an actor (idle and absolute timeouts), or throws UNAUTHENTICATED. */
    async authenticate(token: string, meta: RequestMeta): Promise<Actor> {
      const tokenHash = hashToken(token);
      const now = clock.now().getTime();
      let entry = cache.get(tokenHash);
      if (!entry || now - entry.cachedAt > CACHE_MS) entry = await loadSession(tokenHash, now);
      if (!entry || now > entry.expiresAt || now - entry.lastSeen > entry.idleMs) {
        cache.delete(tokenHash);
        throw new AppError('UNAUTHENTICATED');
      }
      entry.lastSeen = now;
      if (now - entry.lastTouched > TOUCH_MS) {
        entry.lastTouched = now;
        await repo.touchSession(db, tokenHash, new Date(now));
      }
      return { ...entry.actor, request: meta };
    },

    async logout(actor: Actor, token: string): Promise<void> {
      const tokenHash = hashToken(token);
      cache.delete(tokenHash);
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, tokenHash, clock.now());
        await audit.record(actor, { action: 'auth.logout', resourceType: 'session' }, tx);
      });
    },

    /** Ends every session of a user (disable, password change, 2FA reset). */
    async revokeAllSessions(userId: string): Promise<void> {
      for (const [key, entry] of cache) if (entry.actor.userId === userId) cache.delete(key);
      await repo.revokeUserSessions(db, userId, clock.now());
    },
  };

  async function loadSession(tokenHash: string, now: number): Promise<CachedSession | undefined> {
    const session = await repo.findLiveSession(db, tokenHash);
    if (!session) return undefined;
    const user = await repo.findUserById(db, session.userId);
    if (!user || user.status !== 'active') return undefined;
    const grants = await repo.grantsOf(db, user.id);
    const isAdmin = grants.some((grant) => ADMINISTRATION_ROLES.includes(grant.role) || grant.role === 'demoAdmin');
    const { request: _request, ...actor } = actorOfRow(user, { requestId: '', ip: '', userAgent: '' }, grants);
    const entry: CachedSession = {
      actor,
      expiresAt: session.expiresAt.getTime(),
      idleMs: (isAdmin ? policy.adminIdleMinutes : policy.idleMinutes) * 60_000,
      lastSeen: session.lastSeenAt.getTime(),
      lastTouched: session.lastSeenAt.getTime(),
      cachedAt: now,
    };
    cache.set(tokenHash, entry);
    return entry;
  }
}

export type AuthService = ReturnType<typeof createAuthService>;

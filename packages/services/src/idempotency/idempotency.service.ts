import { createHash } from 'node:crypto';
import { AppError } from '../app-error.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import * as repo from './idempotency.repo.ts';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const STALE_AFTER_MS = 60_000;

/**
 * A claimed key: the service that performs the effect calls `completeIn(tx, …)` inside the effect's
 * own transaction, so the stored response and the effect commit together (API-4).
 */
export type IdempotencyClaim = {
  readonly actorId: string;
  readonly key: string;
  completed: boolean;
  completeIn(tx: Db, status: number, response: unknown): Promise<void>;
};

export type IdempotencyOutcome =
  { kind: 'new'; claim: IdempotencyClaim } | { kind: 'replay'; status: number; response: unknown };

export const bodyHashOf = (route: string, body: unknown): string =>
  createHash('sha256')
    .update(route)
    .update('\n')
    .update(canonicalJson(body ?? null))
    .digest('hex');

export function createIdempotencyService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const claimFor = (actorId: string, key: string): IdempotencyClaim => {
    const claim: IdempotencyClaim = {
      actorId,
      key,
      completed: false,
      async completeIn(tx, status, response) {
        await repo.complete(tx, actorId, key, status, response);
        claim.completed = true;
      },
    };
    return claim;
  };

  return {
    /** Stripe model: same key + same body replays; another body → 409 REUSED; still running → 409 IN_PROGRESS. */
    async begin(actorId: string, key: string, route: string, body: unknown): Promise<IdempotencyOutcome> {
      if (!IDEMPOTENCY_KEY_PATTERN.test(key))
        throw new AppError('VALIDATION_FAILED', { field: 'Idempotency-Key', detail: '' }, 'Idempotency-Key');
      const bodyHash = bodyHashOf(route, body);
      const now = clock.now();
      if (await repo.insertRunning(db, { actorId, key, route, bodyHash, now }))
        return { kind: 'new', claim: claimFor(actorId, key) };
      const existing = await repo.findKey(db, actorId, key);
      if (!existing) return this.begin(actorId, key, route, body);
      if (existing.bodyHash !== bodyHash || existing.route !== route)
        throw new AppError('IDEMPOTENCY_KEY_REUSED', {}, 'Idempotency-Key');
      if (existing.state === 'done')
        return { kind: 'replay', status: existing.status ?? 200, response: existing.response };
      if (await repo.reclaimStale(db, actorId, key, new Date(now.getTime() - STALE_AFTER_MS), now))
        return { kind: 'new', claim: claimFor(actorId, key) };
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', {}, 'Idempotency-Key');
    },

    /** Stores the reply of a request whose service did not complete the claim itself (errors once execution began). */
    async finish(claim: IdempotencyClaim, status: number, response: unknown): Promise<void> {
      if (claim.completed) return;
      await repo.complete(db, claim.actorId, claim.key, status, response);
      claim.completed = true;
    },

    /** Validation failures are not stored: the key is released for a corrected retry. */
    release: (claim: IdempotencyClaim) => repo.release(db, claim.actorId, claim.key),

    purge: (olderThanMs: number) => repo.purgeOlderThan(db, new Date(clock.now().getTime() - olderThanMs)),
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;

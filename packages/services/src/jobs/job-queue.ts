import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import * as repo from './job.repo.ts';

export type JobHandler = (payload: unknown) => Promise<void>;

export type JobQueueOptions = {
  db: Db;
  clock: Clock;
  leaseMs?: number;
  maxAttempts?: number;
  log?: (message: string) => void;
};

/**
 * Our table-based scheduler (architecture.md §1 Jobs): writes enqueue in their own transaction,
 * the server's worker claims due jobs with SKIP LOCKED and runs idempotent handlers, retrying with
 * backoff. A dedupe key makes a periodic job (e.g. one rollup per day) exist once.
 */
export function createJobQueue(options: JobQueueOptions) {
  const { db, clock } = options;
  const handlers = new Map<string, JobHandler>();
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 8;

  return {
    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    enqueue(job: { kind: string; payload?: unknown; runAt?: Date; dedupeKey?: string }, tx: Db = db): Promise<boolean> {
      return repo.insertJob(tx, {
        kind: job.kind,
        payload: job.payload ?? {},
        runAt: job.runAt ?? clock.now(),
        dedupeKey: job.dedupeKey,
      });
    },

    /** Runs the jobs due now, one at a time (short transactions on PGlite); returns how many ran. */
    async runDue(limit = 10): Promise<number> {
      const due = await repo.claimDue(db, clock.now(), leaseMs, limit, maxAttempts);
      for (const job of due) {
        const handler = handlers.get(job.kind);
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job.payload);
          await repo.markDone(db, job.id, clock.now());
        } catch (error) {
          const backoffMs = Math.min(60 * 60_000, 2 ** job.attempts * 1000);
          options.log?.(
            `job ${job.id} (${job.kind}) failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          await repo.markFailed(
            db,
            job.id,
            error instanceof Error ? error.message : String(error),
            new Date(clock.now().getTime() + backoffMs),
          );
        }
      }
      return due.length;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

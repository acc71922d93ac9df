import { randomUUID } from 'node:crypto';
import type { RecordSource } from '@kangyang/domain/indicators';
import { addPeriods, periodEnd, periodOf, periodStart, type Period } from '@kangyang/domain/ledger';
import type { IsoDate } from '@kangyang/domain/units';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { lastRefresh } from './indicator.repo.ts';
import { discardStaging, publish } from './rollup-publish.repo.ts';
import { availableSources, stagePeriod, type RefreshPeriod } from './rollup-refresh.repo.ts';
import { elderChunks } from './rollup-stage.repo.ts';

/** The job that refreshes the indicator rollups (KPI-1); enqueued hourly with a dedupe key, and on demand. */
export const INDICATOR_REFRESH_JOB = 'indicators.refresh';
/** Months aggregated by the first refresh of a database, so trends start with a history. */
export const BACKFILL_MONTHS = 6;

export type RefreshTrigger = 'start' | 'schedule' | 'manual' | 'test';
export type RefreshResult = { refreshedAt: Date; periods: string[]; sources: RecordSource[]; rows: number };

/** A month to aggregate as of its last day, or as of today for the current month. */
export function refreshPeriod(value: Period, today: IsoDate): RefreshPeriod {
  const end = periodEnd(value);
  return {
    period: value,
    monthStart: periodStart(value),
    asOf: end < today ? end : today,
    nextMonth: periodStart(addPeriods(value, 1)),
    today,
  };
}

/** Stages each month in short statements with yields between them (rollup-stage.repo.ts). */
async function stageMonths(
  db: Db,
  key: string,
  months: readonly string[],
  today: IsoDate,
  present: ReadonlySet<RecordSource>,
): Promise<void> {
  const chunks = present.has('elders') ? await elderChunks(db) : [];
  for (const month of months) await stagePeriod(db, key, refreshPeriod(month as Period, today), present, chunks);
}

export function createRollupRefresh(deps: { db: Db; clock: Clock; jobs: JobQueue }) {
  const { db, clock, jobs } = deps;
  let running: Promise<RefreshResult> | undefined;
  let generation = 0;

  async function run(trigger: RefreshTrigger, periods?: readonly string[]): Promise<RefreshResult> {
    const startedAt = clock.now();
    const today = clock.today();
    const current = periodOf(today);
    const previous = await lastRefresh(db);
    const months =
      periods ??
      (previous
        ? [current]
        : Array.from({ length: BACKFILL_MONTHS }, (_, index) => addPeriods(current, index - BACKFILL_MONTHS + 1)));
    const sources = await availableSources(db);
    const present = new Set(sources);
    const key = randomUUID();
    try {
      await stageMonths(db, key, months, today, present);
      const refreshedAt = clock.now();
      const rows = await publish(db, key, months, { startedAt, finishedAt: refreshedAt, sources, trigger });
      generation += 1;
      return { refreshedAt, periods: [...months], sources, rows };
    } catch (error) {
      await discardStaging(db, key).catch(() => undefined);
      throw error;
    }
  }

  /** Runs a refresh; a second call while one runs waits for it instead of starting another. */
  function refresh(trigger: RefreshTrigger, periods?: readonly string[]): Promise<RefreshResult> {
    running ??= run(trigger, periods).finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    refresh,
    isRunning: () => running !== undefined,
    /** Counts this process's published refreshes (dashboard caches key on it). */
    generation: () => generation,
    /** Job handler: refreshes, then schedules the next hourly refresh (deduplicated per hour). */
    async handleJob(): Promise<void> {
      await refresh('schedule');
      await scheduleNext();
    },
    /** Queues a refresh now (manual) and keeps the hourly schedule alive. */
    async enqueue(): Promise<boolean> {
      return jobs.enqueue({
        kind: INDICATOR_REFRESH_JOB,
        dedupeKey: `${INDICATOR_REFRESH_JOB}:manual:${clock.now().getTime()}`,
      });
    },
    scheduleNext,
  };

  function scheduleNext(): Promise<boolean> {
    const next = new Date(clock.now().getTime() + 3_600_000);
    next.setUTCMinutes(0, 0, 0);
    return jobs.enqueue({
      kind: INDICATOR_REFRESH_JOB,
      runAt: next,
      dedupeKey: `${INDICATOR_REFRESH_JOB}:${next.toISOString().slice(0, 13)}`,
    });
  }
}

export type RollupRefresh = ReturnType<typeof createRollupRefresh>;

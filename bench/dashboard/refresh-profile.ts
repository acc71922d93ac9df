import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, systemClock, type Db } from '@kangyang/services';
import { periodOf, type Period } from '@kangyang/domain/ledger';
import { refreshPeriod } from '@kangyang/services/indicators/rollup-refresh';
import { availableSources, stagePeriod } from '@kangyang/services/indicators/rollup-refresh.repo';
import { publish } from '@kangyang/services/indicators/rollup-publish.repo';
import { elderChunks } from '@kangyang/services/indicators/rollup-stage.repo';

/**
 * One-off profile of the indicator rollup refresh (issue 7): times every statement of one month's
 * refresh on a private copy of a cached dataset, grouped by statement shape.
 * `npx tsx bench/dashboard/refresh-profile.ts DATASET_DIR` (the copy stays in
 * artifacts/bench-work/refresh-profile for reruns; remove it when done).
 */
const [source = ''] = process.argv.slice(2);
const work = resolve(import.meta.dirname, '..', '..', 'artifacts', 'bench-work', 'refresh-profile');

type Timing = { ms: number; text: string };
type Dialect = { sqlToQuery(query: unknown): { sql: string } };

function timedDb(db: Db, timings: Timing[]): Db {
  const timed = Object.create(db) as Db;
  const dialect = (db as unknown as { dialect: Dialect }).dialect;
  timed.execute = (async (query: Parameters<Db['execute']>[0]) => {
    const started = performance.now();
    const result = await db.execute(query);
    const full = (typeof query === 'string' ? query : dialect.sqlToQuery(query.getSQL()).sql).replace(/\s+/g, ' ');
    const leaf = full.indexOf('FROM (SELECT');
    timings.push({
      ms: performance.now() - started,
      text: full.slice(leaf < 0 ? 0 : leaf, (leaf < 0 ? 0 : leaf) + 150),
    });
    return result;
  }) as Db['execute'];
  timed.transaction = (async (work: Parameters<Db['transaction']>[0]) => {
    const started = performance.now();
    const result = await db.transaction(work);
    timings.push({ ms: performance.now() - started, text: 'the publishing transaction' });
    return result;
  }) as Db['transaction'];
  return timed;
}

function report(timings: readonly Timing[]): void {
  const groups = new Map<string, number[]>();
  for (const timing of timings) groups.set(timing.text, [...(groups.get(timing.text) ?? []), timing.ms]);
  for (const [text, list] of groups) {
    const total = list.reduce((sum, ms) => sum + ms, 0);
    console.log(
      `${String(list.length).padStart(4)}× total ${total.toFixed(0).padStart(6)} max ${Math.max(...list)
        .toFixed(0)
        .padStart(5)} ms  ${text}`,
    );
  }
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 10);
  console.log(`\nslowest: ${slowest.map((timing) => timing.ms.toFixed(0)).join(', ')} ms`);
}

async function main(): Promise<void> {
  if (!existsSync(work)) cpSync(source, work, { recursive: true, filter: (path) => !path.endsWith('kangyang.lock') });
  const database = await openDatabase({ dataDir: work });
  const timings: Timing[] = [];
  const db = timedDb(database.db, timings);
  const today = systemClock.today();
  const month = refreshPeriod(periodOf(today) as Period, today);
  const sources = await availableSources(db);
  console.log(`sources: ${sources.join(', ')}`);
  const started = performance.now();
  const chunks = await elderChunks(db);
  const chunked = performance.now();
  await stagePeriod(db, 'profile', month, new Set(sources), chunks);
  const staged = performance.now();
  const log = { startedAt: new Date(), finishedAt: new Date(), sources, trigger: 'manual' };
  const count = await publish(db, 'profile', [month.period], log);
  const published = performance.now();
  report(timings);
  console.log(
    `chunks ${chunks.length} in ${((chunked - started) / 1000).toFixed(2)} s; stage ${((staged - chunked) / 1000).toFixed(2)} s over ${timings.length} statements; publish ${((published - staged) / 1000).toFixed(2)} s, ${count} rows`,
  );
  await database.close();
}

void main();

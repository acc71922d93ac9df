import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { ImportPreviewRow } from '@kangyang/contracts/import';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { insertEldersBulk } from '../elders/elder-bulk.repo.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';
import { fileSize, type ImportFormat } from './import-file.ts';
import { messageOf, PREVIEW_ROWS, regionScopeOf } from './import-mapper.ts';
import * as repo from './import.repo.ts';
import { createRowChecker } from './row-checker.ts';
import type { SourceOptions, SourceRow } from './row-source.ts';
import { openRowSource, type RowSourceDeps } from './row-worker-client.ts';

export type ImportProgress = {
  jobId: string;
  phase: 'validating' | 'importing';
  processedRows: number;
  /** Rows known so far: during validation the file is still being read. */
  totalRows: number;
  /** 0–1: bytes read while validating, rows written while importing. */
  fraction: number;
  resumedFromRow: number | null;
};

/** Where a pass spends its time (milliseconds, summed over runs): benchmarks report it. */
export type ImportTimings = {
  waitRowsMs: number;
  regionChecksMs: number;
  validateWritesMs: number;
  importWritesMs: number;
  batches: number;
  workerBatches: number;
};

export const emptyTimings = (): ImportTimings => ({
  waitRowsMs: 0,
  regionChecksMs: 0,
  validateWritesMs: 0,
  importWritesMs: 0,
  batches: 0,
  workerBatches: 0,
});

export type PassDeps = {
  timings: ImportTimings;
  db: Db;
  clock: Clock;
  audit: AuditService;
  batchRows: number;
  rows: RowSourceDeps;
  emit(progress: ImportProgress): void;
  shouldStop(): boolean;
};

export type ImportSource = { path: string; format: ImportFormat };

type CheckedBatch = { rows: SourceRow[]; fresh: SourceRow[]; bytesRead: number };

/** Every batch of the file in order, fully checked, with the rows new since the job's last committed batch. */
async function* checkedBatches(
  deps: PassDeps,
  job: repo.ImportJobRow,
  source: ImportSource,
  pass: SourceOptions['pass'],
  actor: Actor,
): AsyncGenerator<CheckedBatch> {
  const checker = createRowChecker({ db: deps.db, scopes: regionScopeOf(job) });
  const options: SourceOptions = {
    ...source,
    pass,
    today: deps.clock.today(),
    batchRows: deps.batchRows,
    skipThrough: job.processedRows,
    createdBy: actor.userId,
    importJobId: job.id,
  };
  let waited = performance.now();
  for await (const batch of openRowSource(options, deps.rows)) {
    const checking = performance.now();
    deps.timings.waitRowsMs += checking - waited;
    deps.timings.batches += 1;
    if (batch.viaWorker) deps.timings.workerBatches += 1;
    await checker.check(batch.rows);
    deps.timings.regionChecksMs += performance.now() - checking;
    yield {
      rows: batch.rows,
      fresh: batch.rows.filter((row) => row.index > job.processedRows),
      bytesRead: batch.bytesRead,
    };
    waited = performance.now();
  }
}

const lastIndexOf = (rows: readonly SourceRow[], fallback: number): number => rows.at(-1)?.index ?? fallback;

const errorsOf = (rows: readonly SourceRow[]) =>
  rows.flatMap((row) =>
    row.errors.map((error) => ({
      rowNumber: row.rowNumber,
      field: error.field,
      code: error.code,
      message: messageOf(error),
    })),
  );

/** Preview rows with their final errors (region, scope and duplicates included). */
const previewOf = (rows: readonly SourceRow[]): ImportPreviewRow[] =>
  rows.flatMap((row) =>
    row.preview
      ? [
          {
            ...row.preview,
            errors: row.errors.map((error) => ({ field: error.field, code: error.code, message: messageOf(error) })),
          },
        ]
      : [],
  );

async function finishValidation(
  deps: PassDeps,
  job: repo.ImportJobRow,
  actor: Actor,
  preview: ImportPreviewRow[] | undefined,
): Promise<repo.ImportJobRow> {
  const done = await repo.updateJob(deps.db, job.id, {
    status: 'validated',
    totalRows: job.processedRows,
    updatedAt: deps.clock.now(),
    ...(preview ? { preview } : {}),
  });
  await deps.audit.record(actor, {
    action: 'elder.import.validate',
    resourceType: 'importJob',
    resourceIds: [done.id],
    details: {
      totalRows: done.totalRows,
      invalidRows: done.invalidRows,
      existingRows: done.existingRows,
      resumedFromRow: done.resumedFromRow,
    },
  });
  deps.emit({
    jobId: done.id,
    phase: 'validating',
    processedRows: done.totalRows,
    totalRows: done.totalRows,
    fraction: 1,
    resumedFromRow: done.resumedFromRow,
  });
  return done;
}

/**
 * Pass 1: checks every row, records each bad row's errors and counts rows already registered
 * (blind index). Progress and counts are committed with each batch's errors, so an interrupted
 * pass resumes after its last batch.
 */
export async function validatePass(
  deps: PassDeps,
  start: repo.ImportJobRow,
  source: ImportSource,
  actor: Actor,
): Promise<repo.ImportJobRow> {
  let job = start;
  const size = await fileSize(source.path);
  const preview: ImportPreviewRow[] = [];
  const needPreview = Array.isArray(start.preview) && start.preview.length === 0;
  for await (const { rows, fresh, bytesRead } of checkedBatches(deps, start, source, 'validate', actor)) {
    if (needPreview && preview.length < PREVIEW_ROWS)
      preview.push(...previewOf(rows).slice(0, PREVIEW_ROWS - preview.length));
    if (fresh.length === 0) continue;
    const writing = performance.now();
    const valid = fresh.filter((row) => row.valid && row.blindIndex !== undefined);
    const registered = await repo.registeredBlindIndexes(
      deps.db,
      valid.map((row) => row.blindIndex ?? ''),
    );
    const processed = lastIndexOf(fresh, job.processedRows);
    const patch = {
      ...{ processedRows: processed, totalRows: processed, invalidRows: job.invalidRows + fresh.length - valid.length },
      ...{
        existingRows: job.existingRows + registered.size,
        updatedAt: deps.clock.now(),
        ...(needPreview ? { preview } : {}),
      },
    };
    job = await deps.db.transaction(async (tx) => {
      await repo.insertErrors(tx, job.id, errorsOf(fresh));
      return repo.updateJob(tx, job.id, patch);
    });
    deps.timings.validateWritesMs += performance.now() - writing;
    const fraction = size === 0 ? 1 : Math.min(1, bytesRead / size);
    deps.emit({
      jobId: job.id,
      phase: 'validating',
      processedRows: processed,
      totalRows: processed,
      fraction,
      resumedFromRow: job.resumedFromRow,
    });
    if (deps.shouldStop()) return job;
    await yieldToRequests();
  }
  return finishValidation(deps, job, actor, needPreview ? preview : undefined);
}

/** Rows written of the validated total; a direct job knows no total yet, so bytes read of the file. */
const fractionOf = (job: repo.ImportJobRow, bytesRead: number, size: number): number => {
  if (job.direct) return size === 0 ? 1 : Math.min(1, bytesRead / size);
  return job.totalRows === 0 ? 1 : Math.min(1, job.processedRows / job.totalRows);
};

/** The county of a batch, when it has one: the audit row joins that county's hash chain (scale.md §5). */
const chainOf = (rows: readonly ElderInsert[]): string | undefined => {
  const county = rows[0]?.countyCode;
  return county && rows.every((row) => row.countyCode === county) ? county : undefined;
};

/** The job's counters after a batch; a direct job also counts the rows it read and the bad ones. */
function countersAfter(
  job: repo.ImportJobRow,
  fresh: readonly SourceRow[],
  prepared: number,
  inserted: number,
  now: Date,
): repo.ImportJobPatch {
  const processedRows = lastIndexOf(fresh, job.processedRows);
  const counters = {
    processedRows,
    insertedRows: job.insertedRows + inserted,
    existingRows: job.existingRows + prepared - inserted,
    updatedAt: now,
  };
  if (!job.direct) return counters;
  return {
    ...counters,
    totalRows: processedRows,
    invalidRows: job.invalidRows + fresh.filter((row) => !row.valid).length,
  };
}

/**
 * One batch in one short transaction: insert (claiming blind indexes, so nothing is duplicated), the
 * batch's audit row, its row errors (direct jobs) and the job's progress.
 */
async function writeBatch(
  deps: PassDeps,
  job: repo.ImportJobRow,
  fresh: readonly SourceRow[],
  actor: Actor,
): Promise<repo.ImportJobRow> {
  const prepared = fresh.flatMap((row) => (row.valid && row.insert ? [row.insert] : []));
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const inserted = await insertEldersBulk(tx, prepared, now);
    if (prepared.length > 0) {
      const details = {
        jobId: job.id,
        fromRow: fresh[0]?.rowNumber,
        toRow: fresh.at(-1)?.rowNumber,
        inserted: inserted.length,
        existing: prepared.length - inserted.length,
      };
      await deps.audit.record(
        actor,
        { action: 'elder.import', resourceType: 'elder', resourceIds: inserted, chain: chainOf(prepared), details },
        tx,
      );
    }
    if (job.direct) await repo.insertErrors(tx, job.id, errorsOf(fresh));
    return repo.updateJob(tx, job.id, countersAfter(job, fresh, prepared.length, inserted.length, now));
  });
}

async function finishImport(deps: PassDeps, job: repo.ImportJobRow, actor: Actor): Promise<repo.ImportJobRow> {
  const done = await repo.updateJob(deps.db, job.id, { status: 'completed', updatedAt: deps.clock.now() });
  await deps.audit.record(actor, {
    action: 'elder.import.complete',
    resourceType: 'importJob',
    resourceIds: [done.id],
    details: {
      totalRows: done.totalRows,
      insertedRows: done.insertedRows,
      existingRows: done.existingRows,
      invalidRows: done.invalidRows,
      resumedFromRow: done.resumedFromRow,
    },
  });
  return done;
}

/**
 * Pass 2, after confirmation: re-reads the file, re-checks each row (same answers as pass 1) and
 * inserts the valid rows batch by batch. A row already registered is counted as existing, never
 * duplicated; an interrupted pass resumes after its last committed batch (FT-1). A direct job has
 * only this pass: it records the bad rows' errors as it goes.
 */
export async function importPass(
  deps: PassDeps,
  start: repo.ImportJobRow,
  source: ImportSource,
  actor: Actor,
): Promise<repo.ImportJobRow> {
  let job = start;
  const size = await fileSize(source.path);
  for await (const { fresh, bytesRead } of checkedBatches(deps, start, source, 'import', actor)) {
    if (fresh.length === 0) continue;
    if (job.mode === 'allOrNothing' && fresh.some((row) => !row.valid)) {
      return repo.updateJob(deps.db, job.id, {
        status: 'failed',
        failure: '确认后文件中的行不再全部有效（区划或权限已变化）',
        updatedAt: deps.clock.now(),
      });
    }
    const writing = performance.now();
    job = await writeBatch(deps, job, fresh, actor);
    deps.timings.importWritesMs += performance.now() - writing;
    deps.emit({
      jobId: job.id,
      phase: 'importing',
      processedRows: job.processedRows,
      totalRows: job.totalRows,
      fraction: fractionOf(job, bytesRead, size),
      resumedFromRow: job.resumedFromRow,
    });
    if (deps.shouldStop()) return job;
    await yieldToRequests();
  }
  return finishImport(deps, job, actor);
}

import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { ImportPreviewRow } from '@kangyang/contracts/import';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { uuidv7 } from '../ids.ts';
import { prepareNewElder } from '../elders/elder-input.ts';
import { insertEldersBulk } from '../elders/elder-bulk.repo.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';
import { readElderRows, type ElderRowIn } from './elder-rows.ts';
import { fileSize, type ImportFormat } from './import-file.ts';
import { messageOf, previewRow, PREVIEW_ROWS, regionScopeOf } from './import-mapper.ts';
import * as repo from './import.repo.ts';
import { createRowChecker } from './row-checker.ts';
import type { CheckedRow } from './row-check.ts';

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

export type PassDeps = {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  batchRows: number;
  emit(progress: ImportProgress): void;
  shouldStop(): boolean;
};

export type ImportSource = { path: string; format: ImportFormat };

/** Re-chunks the reader's row chunks into batches of exactly `size` rows (the last one shorter). */
async function* batchesOf(chunks: AsyncIterable<ElderRowIn[]>, size: number): AsyncGenerator<ElderRowIn[]> {
  let batch: ElderRowIn[] = [];
  for await (const chunk of chunks) {
    for (const row of chunk) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Every checked batch of the file in order, and whether its rows are new since the job's last committed batch. */
async function* checkedBatches(
  deps: PassDeps,
  job: repo.ImportJobRow,
  source: ImportSource,
  progress: { bytesRead: number },
) {
  const checker = createRowChecker({ db: deps.db, today: deps.clock.today(), scopes: regionScopeOf(job) });
  for await (const batch of batchesOf(readElderRows(source.path, source.format, progress), deps.batchRows)) {
    const checked = await checker.check(batch);
    yield { checked, fresh: checked.filter((row) => row.index > job.processedRows) };
  }
}

const lastIndexOf = (rows: readonly CheckedRow[], fallback: number): number => rows.at(-1)?.index ?? fallback;

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
  const { db, cipher } = deps;
  let job = start;
  const size = await fileSize(source.path);
  const progress = { bytesRead: 0 };
  const preview: ImportPreviewRow[] = [];
  const needPreview = Array.isArray(start.preview) && start.preview.length === 0;
  for await (const { checked, fresh } of checkedBatches(deps, start, source, progress)) {
    if (needPreview && preview.length < PREVIEW_ROWS)
      preview.push(...checked.slice(0, PREVIEW_ROWS - preview.length).map(previewRow));
    if (fresh.length === 0) continue;
    const errors = fresh.flatMap((row) =>
      row.errors.map((error) => ({
        rowNumber: row.rowNumber,
        field: error.field,
        code: error.code,
        message: messageOf(error),
      })),
    );
    const valid = fresh.filter((row) => row.body !== undefined && row.idNumber !== undefined);
    const registered = await repo.registeredBlindIndexes(
      db,
      valid.map((row) => cipher.blindIndex('idNumber', row.idNumber ?? '')),
    );
    const processed = lastIndexOf(fresh, job.processedRows);
    const patch = {
      processedRows: processed,
      totalRows: processed,
      invalidRows: job.invalidRows + fresh.length - valid.length,
      existingRows: job.existingRows + registered.size,
      updatedAt: deps.clock.now(),
      ...(needPreview ? { preview } : {}),
    };
    job = await db.transaction(async (tx) => {
      await repo.insertErrors(tx, job.id, errors);
      return repo.updateJob(tx, job.id, patch);
    });
    deps.emit({
      jobId: job.id,
      phase: 'validating',
      processedRows: processed,
      totalRows: processed,
      fraction: size === 0 ? 1 : Math.min(1, progress.bytesRead / size),
      resumedFromRow: job.resumedFromRow,
    });
    if (deps.shouldStop()) return job;
    await yieldToRequests();
  }
  job = await repo.updateJob(db, job.id, {
    status: 'validated',
    totalRows: job.processedRows,
    updatedAt: deps.clock.now(),
    ...(needPreview ? { preview } : {}),
  });
  await deps.audit.record(actor, {
    action: 'elder.import.validate',
    resourceType: 'importJob',
    resourceIds: [job.id],
    details: {
      totalRows: job.totalRows,
      invalidRows: job.invalidRows,
      existingRows: job.existingRows,
      resumedFromRow: job.resumedFromRow,
    },
  });
  deps.emit({
    jobId: job.id,
    phase: 'validating',
    processedRows: job.totalRows,
    totalRows: job.totalRows,
    fraction: 1,
    resumedFromRow: job.resumedFromRow,
  });
  return job;
}

function prepareRows(deps: PassDeps, rows: readonly CheckedRow[], job: repo.ImportJobRow, actor: Actor): ElderInsert[] {
  const now = deps.clock.now();
  const today = deps.clock.today();
  return rows.map((row) => {
    if (!row.body) throw new Error(`row ${row.rowNumber} has no body`);
    const prepared = prepareNewElder(row.body, {
      id: uuidv7(now.getTime()),
      today,
      now,
      cipher: deps.cipher,
      createdBy: actor.userId,
      importJobId: job.id,
    });
    if (!prepared.ok)
      throw new Error(`row ${row.rowNumber} failed preparation after validation (${prepared.error.code})`);
    return prepared.value;
  });
}

/** The county of a batch, when it has one: the audit row joins that county's hash chain (scale.md §5). */
const chainOf = (rows: readonly ElderInsert[]): string | undefined => {
  const county = rows[0]?.countyCode;
  return county && rows.every((row) => row.countyCode === county) ? county : undefined;
};

/** One batch: insert (claiming blind indexes, so nothing is duplicated), audit and progress in one short transaction. */
async function writeBatch(
  deps: PassDeps,
  job: repo.ImportJobRow,
  fresh: readonly CheckedRow[],
  actor: Actor,
): Promise<repo.ImportJobRow> {
  const valid = fresh.filter((row) => row.body !== undefined);
  const prepared = prepareRows(deps, valid, job, actor);
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
    return repo.updateJob(tx, job.id, {
      processedRows: lastIndexOf(fresh, job.processedRows),
      insertedRows: job.insertedRows + inserted.length,
      existingRows: job.existingRows + prepared.length - inserted.length,
      updatedAt: now,
    });
  });
}

/**
 * Pass 2, after confirmation: re-reads the file, re-checks each row (same answers as pass 1) and
 * inserts the valid rows batch by batch. A row already registered is counted as existing, never
 * duplicated; an interrupted pass resumes after its last committed batch (FT-1).
 */
export async function importPass(
  deps: PassDeps,
  start: repo.ImportJobRow,
  source: ImportSource,
  actor: Actor,
): Promise<repo.ImportJobRow> {
  let job = start;
  for await (const { fresh } of checkedBatches(deps, start, source, { bytesRead: 0 })) {
    if (fresh.length === 0) continue;
    if (job.mode === 'allOrNothing' && fresh.some((row) => row.body === undefined)) {
      return repo.updateJob(deps.db, job.id, {
        status: 'failed',
        failure: '确认后文件中的行不再全部有效（区划或权限已变化）',
        updatedAt: deps.clock.now(),
      });
    }
    job = await writeBatch(deps, job, fresh, actor);
    const fraction = job.totalRows === 0 ? 1 : Math.min(1, job.processedRows / job.totalRows);
    deps.emit({
      jobId: job.id,
      phase: 'importing',
      processedRows: job.processedRows,
      totalRows: job.totalRows,
      fraction,
      resumedFromRow: job.resumedFromRow,
    });
    if (deps.shouldStop()) return job;
    await yieldToRequests();
  }
  job = await repo.updateJob(deps.db, job.id, { status: 'completed', updatedAt: deps.clock.now() });
  await deps.audit.record(actor, {
    action: 'elder.import.complete',
    resourceType: 'importJob',
    resourceIds: [job.id],
    details: {
      totalRows: job.totalRows,
      insertedRows: job.insertedRows,
      existingRows: job.existingRows,
      invalidRows: job.invalidRows,
      resumedFromRow: job.resumedFromRow,
    },
  });
  return job;
}

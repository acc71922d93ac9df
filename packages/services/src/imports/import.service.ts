import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ImportConfirmBody, ImportErrorDto, ImportJobDto, ImportListQuery } from '@kangyang/contracts/import';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher, Keyring } from '../crypto/field-cipher.ts';
import { BULK_BATCH_ROWS } from '../elders/elder-bulk.repo.ts';
import { checkHeader } from './elder-rows.ts';
import { removeImportFile, storeUpload } from './import-file.ts';
import { toJobDto } from './import-mapper.ts';
import { emptyTimings, type ImportProgress, type ImportTimings } from './import-passes.ts';
import { createImportRunner } from './import-runner.ts';
import type { WorkerPolicy } from './row-worker-client.ts';
import { errorReportWorkbook, templateWorkbook, TEMPLATE_FILE_NAME } from './import-sheets.ts';
import {
  create,
  importScopes,
  KIND,
  loadVisible,
  resume,
  schedule,
  type ImportContext,
  type ImportUpload,
} from './import-work.ts';
import * as repo from './import.repo.ts';

export type ImportServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  /** Lets a worker thread encrypt rows beside the database work; without it rows are prepared in-process. */
  keyring?: Keyring | undefined;
  /** Where uploads wait for their job (the server passes `${DATA_DIR}/imports`). */
  importsDir: string;
  /** Rows per batch and transaction (≤ 5,000: REL-7 statement size). */
  batchRows?: number | undefined;
  /** When rows are read, checked and encrypted in a worker thread (row-worker-client.ts); default `auto`. */
  worker?: WorkerPolicy | undefined;
  log?: ((message: string) => void) | undefined;
};

const ERROR_PAGE_ROWS = 5000;

/**
 * Stores the file, checks its type and header at once (400 on a bad file), then validates the rows
 * in the background. The same file again (same SHA-256, creator and scope) while its job is
 * unfinished continues that job where it stopped (FT-1).
 */
async function upload(context: ImportContext, actor: Actor, input: ImportUpload): Promise<ImportJobDto> {
  const regionScope = importScopes(actor, input.regionCode).join(',');
  const stored = await storeUpload(context.importsDir, input.source);
  try {
    await checkHeader(stored.path, stored.format);
    const resumable = await repo.findResumable(context.db, {
      kind: KIND,
      fileHash: stored.hash,
      createdBy: actor.userId,
      regionScope,
      direct: input.direct ?? false,
    });
    return await (resumable
      ? resume(context, actor, resumable, stored)
      : create(context, actor, input, stored, regionScope));
  } finally {
    await rm(stored.path, { force: true });
  }
}

/** Confirms a validated import; all-or-nothing refuses (and writes nothing) while any row is invalid. */
async function confirm(
  context: ImportContext,
  actor: Actor,
  id: string,
  body: ImportConfirmBody,
): Promise<ImportJobDto> {
  const { db, audit, clock } = context;
  const job = await loadVisible(context, actor, id, 'elder.import.confirm');
  if (job.status !== 'validated') throw new AppError('IMPORT_NOT_READY', { status: job.status });
  if (body.mode === 'allOrNothing' && job.invalidRows > 0) {
    const details = { mode: body.mode, invalidRows: job.invalidRows };
    await audit.record(actor, {
      action: 'elder.import.confirm',
      resourceType: 'importJob',
      resourceIds: [id],
      outcome: 'denied',
      reason: 'invalidRows',
      details,
    });
    throw new AppError('IMPORT_HAS_INVALID_ROWS', { count: job.invalidRows });
  }
  const confirmed = await db.transaction(async (tx) => {
    const patch = {
      mode: body.mode,
      status: 'importing',
      processedRows: 0,
      insertedRows: 0,
      existingRows: 0,
      resumedFromRow: null,
      updatedAt: clock.now(),
    };
    const updated = await repo.transitionJob(tx, id, 'validated', patch);
    if (updated)
      await audit.record(
        actor,
        { action: 'elder.import.confirm', resourceType: 'importJob', resourceIds: [id], details: { mode: body.mode } },
        tx,
      );
    return updated;
  });
  if (!confirmed) throw new AppError('IMPORT_NOT_READY', { status: 'importing' });
  schedule(context, confirmed, actor);
  return toJobDto(confirmed);
}

/** Drops a job waiting for confirmation (or one left unfinished), with its stored file. */
async function cancel(context: ImportContext, actor: Actor, id: string): Promise<ImportJobDto> {
  const job = await loadVisible(context, actor, id, 'elder.import.cancel');
  if (!['validating', 'validated', 'importing'].includes(job.status) || context.runner.isActive(id))
    throw new AppError('IMPORT_NOT_READY', { status: job.status });
  const cancelled = await repo.transitionJob(context.db, id, job.status, {
    status: 'cancelled',
    updatedAt: context.clock.now(),
  });
  if (!cancelled) throw new AppError('IMPORT_NOT_READY', { status: job.status });
  await removeImportFile(context.importsDir, id);
  await context.audit.record(actor, {
    action: 'elder.import.cancel',
    resourceType: 'importJob',
    resourceIds: [id],
    details: { status: job.status },
  });
  return toJobDto(cancelled);
}

const ERRORS_SAMPLE = 20;

/**
 * Progress; once validated also the first row errors, and while waiting for confirmation the masked
 * preview (a read of personal data: audited).
 */
async function get(context: ImportContext, actor: Actor, id: string): Promise<ImportJobDto> {
  const job = await loadVisible(context, actor, id, 'elder.import.read');
  const withPreview = job.status === 'validated';
  if (withPreview)
    await context.audit.record(actor, {
      action: 'elder.import.read',
      resourceType: 'importJob',
      resourceIds: [id],
      details: { preview: true },
    });
  const dto = toJobDto(job, { withPreview });
  if (job.invalidRows === 0 || ['validating', 'cancelled'].includes(job.status)) return dto;
  const sample = await repo.errorPage(context.db, id, undefined, ERRORS_SAMPLE);
  return {
    ...dto,
    errorsSample: sample.map((row) => ({
      rowNumber: row.rowNumber,
      field: row.field,
      code: row.code,
      message: row.message,
    })),
  };
}

/** The error report as .xlsx (row, column, field, code, message), streamed page by page. */
async function errorReport(
  context: ImportContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; stream: Readable }> {
  const job = await loadVisible(context, actor, id, 'elder.import.errors');
  async function* pages() {
    for (let after: repo.ImportErrorRow | undefined; ;) {
      const page = await repo.errorPage(context.db, id, after, ERROR_PAGE_ROWS);
      if (page.length > 0) yield page;
      if (page.length < ERROR_PAGE_ROWS) return;
      after = page.at(-1);
    }
  }
  const stream = errorReportWorkbook(pages(), async (rows) => {
    await context.audit.record(actor, {
      action: 'elder.import.errors',
      resourceType: 'importJob',
      resourceIds: [id],
      details: { rows },
    });
  });
  return { fileName: `${job.fileName.replace(/\.(xlsx|csv)$/i, '')}-错误报告.xlsx`, stream };
}

/** The first errors as data, for the web preview and the CLI summary. */
async function errors(context: ImportContext, actor: Actor, id: string, limit: number): Promise<ImportErrorDto[]> {
  await loadVisible(context, actor, id, 'elder.import.errors');
  const page = await repo.errorPage(context.db, id, undefined, Math.min(limit, ERROR_PAGE_ROWS));
  return page.map((row) => ({ rowNumber: row.rowNumber, field: row.field, code: row.code, message: row.message }));
}

async function list(
  context: ImportContext,
  actor: Actor,
  query: ImportListQuery,
): Promise<{ items: ImportJobDto[]; total: number }> {
  const scopes = scopesOf(actor, 'elder:import');
  const found = await repo.listJobs(context.db, actor.userId, scopes, query.limit, query.offset);
  return { items: found.items.map((job) => toJobDto(job)), total: found.total };
}

type Listener = (progress: ImportProgress) => void;

/** The shared state of one service instance: its runner, progress listeners and time sums. */
function contextOf(deps: ImportServiceDeps, listeners: Set<Listener>, timings: ImportTimings): ImportContext {
  const log = deps.log ?? (() => undefined);
  const runner = createImportRunner(log);
  const rows = {
    cipher: deps.cipher,
    keyring: deps.keyring,
    worker: { usable: undefined },
    policy: deps.worker ?? 'auto',
    log,
  };
  const passDeps = {
    ...{
      timings,
      db: deps.db,
      clock: deps.clock,
      audit: deps.audit,
      batchRows: Math.min(deps.batchRows ?? 2000, BULK_BATCH_ROWS),
      rows,
    },
    emit: (progress: ImportProgress) => listeners.forEach((listener) => listener(progress)),
    shouldStop: () => runner.isStopping(),
  };
  return { db: deps.db, clock: deps.clock, audit: deps.audit, importsDir: deps.importsDir, runner, passDeps, log };
}

/** Imports of elders from .xlsx/.csv (REG-6): upload and validate, preview, confirm, import; resumable (FT-1). */
export function createImportService(deps: ImportServiceDeps) {
  const listeners = new Set<Listener>();
  const timings = emptyTimings();
  const context = contextOf(deps, listeners, timings);
  return {
    upload: (actor: Actor, input: ImportUpload) => upload(context, actor, input),
    confirm: (actor: Actor, id: string, body: ImportConfirmBody) => confirm(context, actor, id, body),
    cancel: (actor: Actor, id: string) => cancel(context, actor, id),
    get: (actor: Actor, id: string) => get(context, actor, id),
    list: (actor: Actor, query: ImportListQuery) => list(context, actor, query),
    errorReport: (actor: Actor, id: string) => errorReport(context, actor, id),
    errors: (actor: Actor, id: string, limit = 100) => errors(context, actor, id, limit),
    template: (): { fileName: string; stream: Readable } => ({
      fileName: TEMPLATE_FILE_NAME,
      stream: templateWorkbook(),
    }),
    onProgress(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Where imports spent their time since the last call (benchmarks); resets the sums. */
    timings(): ImportTimings {
      const copy = { ...timings };
      Object.assign(timings, emptyTimings());
      return copy;
    },
    /** Resolves when no import work is queued or running (tests, the CLI). */
    idle: () => context.runner.idle(),
    /** Stops after the current batch (shutdown); unfinished jobs resume when their file is uploaded again. */
    stop: () => context.runner.stop(),
  };
}

export type ImportService = ReturnType<typeof createImportService>;
export type { ImportProgress, ImportTimings } from './import-passes.ts';
export type { ImportUpload } from './import-work.ts';

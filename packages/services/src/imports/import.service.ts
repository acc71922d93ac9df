import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { ImportConfirmBody, ImportErrorDto, ImportJobDto, ImportListQuery } from '@kangyang/contracts/import';
import { errorMessage } from '@kangyang/contracts/errors';
import { inAnyScope } from '@kangyang/domain/access';
import { AppError, isAppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { uuidv7 } from '../ids.ts';
import { BULK_BATCH_ROWS } from '../elders/elder-bulk.repo.ts';
import { checkHeader } from './elder-rows.ts';
import { importFilePath, placeUpload, removeImportFile, storeUpload, type StoredUpload } from './import-file.ts';
import { regionScopeOf, toJobDto } from './import-mapper.ts';
import { importPass, validatePass, type ImportProgress, type ImportSource, type PassDeps } from './import-passes.ts';
import { createImportRunner } from './import-runner.ts';
import { errorReportWorkbook, templateWorkbook, TEMPLATE_FILE_NAME } from './import-sheets.ts';
import * as repo from './import.repo.ts';

export type ImportServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  /** Where uploads wait for their job (the server passes `${DATA_DIR}/imports`). */
  importsDir: string;
  /** Rows per batch and transaction (≤ 5,000: REL-7 statement size). */
  batchRows?: number;
  log?: (message: string) => void;
};

export type ImportUpload = { fileName: string; source: Readable; regionCode?: string | undefined };

const KIND = 'elders';
const ERROR_PAGE_ROWS = 5000;

const cleanFileName = (name: string): string =>
  basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .slice(-200) || 'import';

/** Imports of elders from .xlsx/.csv (REG-6): upload and validate, preview, confirm, import; resumable (FT-1). */
export function createImportService(deps: ImportServiceDeps) {
  const { db, clock, audit } = deps;
  const log = deps.log ?? (() => undefined);
  const runner = createImportRunner(log);
  const listeners = new Set<(progress: ImportProgress) => void>();
  const batchRows = Math.min(deps.batchRows ?? 2000, BULK_BATCH_ROWS);
  const passDeps: PassDeps = {
    db,
    clock,
    cipher: deps.cipher,
    audit,
    batchRows,
    emit: (progress) => listeners.forEach((listener) => listener(progress)),
    shouldStop: () => runner.isStopping(),
  };

  /** The import's region scope: the actor's elder:write scopes, or the one region asked for inside them. */
  function importScopes(actor: Actor, regionCode: string | undefined): string[] {
    const scopes = scopesOf(actor, 'elder:write');
    if (regionCode === undefined) return scopes;
    if (!inAnyScope(regionCode, scopes)) throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
    return [regionCode];
  }

  /** A job is visible to its creator and to importers whose scopes cover its whole scope; otherwise 404, audited. */
  async function loadVisible(actor: Actor, id: string, action: string): Promise<repo.ImportJobRow> {
    const job = await repo.findJob(db, id);
    const scopes = scopesOf(actor, 'elder:import');
    if (job && (job.createdBy === actor.userId || regionScopeOf(job).every((code) => inAnyScope(code, scopes)))) return job;
    await audit.record(actor, { action, resourceType: 'importJob', resourceIds: [id], outcome: 'denied', reason: job ? 'outOfScope' : 'notFound' });
    throw new AppError('NOT_FOUND');
  }

  function sourceOf(job: repo.ImportJobRow): ImportSource | undefined {
    for (const format of ['xlsx', 'csv'] as const) {
      const path = importFilePath(deps.importsDir, job.id, format);
      if (existsSync(path)) return { path, format };
    }
    return undefined;
  }

  async function fail(job: repo.ImportJobRow, actor: Actor, error: unknown): Promise<void> {
    const failure = isAppError(error) ? errorMessage(error.code, 'zh-CN', error.params) : '导入过程中出现系统错误';
    if (!isAppError(error)) log(`import ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await repo.updateJob(db, job.id, { status: 'failed', failure, updatedAt: clock.now() });
    await audit.record(actor, { action: 'elder.import', resourceType: 'importJob', resourceIds: [job.id], outcome: 'error', reason: failure });
    await removeImportFile(deps.importsDir, job.id);
  }

  /** Runs whatever the job needs next: validation, or (once confirmed) the import. */
  async function work(jobId: string, actor: Actor): Promise<void> {
    let job = await repo.findJob(db, jobId);
    if (!job) return;
    try {
      const source = sourceOf(job);
      if (!source) throw new AppError('IMPORT_FILE_INVALID', { detail: '上传的文件已不存在，请重新上传' });
      if (job.status === 'validating') job = await validatePass(passDeps, job, source, actor);
      if (job.status === 'importing') job = await importPass(passDeps, job, source, actor);
      if (job.status === 'completed' || job.status === 'failed') await removeImportFile(deps.importsDir, job.id);
    } catch (error) {
      if (runner.isStopping()) throw error;
      await fail(job, actor, error);
    }
  }

  const schedule = (job: repo.ImportJobRow, actor: Actor): void => {
    void runner.schedule(job.id, () => work(job.id, actor));
  };

  /** Same file, creator and scope as an unfinished job: continue it from its processed rows (FT-1). */
  async function resume(actor: Actor, job: repo.ImportJobRow, stored: StoredUpload): Promise<ImportJobDto> {
    if (runner.isActive(job.id)) {
      await rm(stored.path, { force: true });
      return toJobDto(job);
    }
    await placeUpload(deps.importsDir, stored, job.id);
    if (job.status === 'validated') return toJobDto(job, { withPreview: true });
    const resumed = await repo.updateJob(db, job.id, { resumedFromRow: job.processedRows, resumeCount: job.resumeCount + 1, updatedAt: clock.now() });
    await audit.record(actor, { action: 'elder.import.resume', resourceType: 'importJob', resourceIds: [job.id], details: { status: job.status, fromRow: job.processedRows } });
    schedule(resumed, actor);
    return toJobDto(resumed);
  }

  async function create(actor: Actor, input: ImportUpload, stored: StoredUpload, regionScope: string): Promise<ImportJobDto> {
    const id = uuidv7();
    const now = clock.now();
    await placeUpload(deps.importsDir, stored, id);
    const fileName = cleanFileName(input.fileName);
    const job = await db.transaction(async (tx) => {
      const inserted = await repo.insertJob(tx, {
        ...{ id, kind: KIND, fileName, fileHash: stored.hash, mode: 'validRowsOnly', status: 'validating', regionScope, createdBy: actor.userId },
        ...{ totalRows: 0, processedRows: 0, insertedRows: 0, existingRows: 0, invalidRows: 0, createdAt: now, updatedAt: now },
      });
      const details = { fileName, fileHash: stored.hash, bytes: stored.size, format: stored.format, regionScope };
      await audit.record(actor, { action: 'elder.import.upload', resourceType: 'importJob', resourceIds: [id], details }, tx);
      return inserted;
    });
    schedule(job, actor);
    return toJobDto(job);
  }

  return {
    /**
     * Stores the file, checks its type and header at once (400 on a bad file), then validates the
     * rows in the background. The same file again (same SHA-256, creator and scope) while its job
     * is unfinished continues that job where it stopped.
     */
    async upload(actor: Actor, input: ImportUpload): Promise<ImportJobDto> {
      const regionScope = importScopes(actor, input.regionCode).join(',');
      const stored = await storeUpload(deps.importsDir, input.source);
      try {
        await checkHeader(stored.path, stored.format);
        const resumable = await repo.findResumable(db, { kind: KIND, fileHash: stored.hash, createdBy: actor.userId, regionScope });
        return await (resumable ? resume(actor, resumable, stored) : create(actor, input, stored, regionScope));
      } finally {
        await rm(stored.path, { force: true });
      }
    },

    /** Confirms a validated import; all-or-nothing refuses (and writes nothing) while any row is invalid. */
    async confirm(actor: Actor, id: string, body: ImportConfirmBody): Promise<ImportJobDto> {
      const job = await loadVisible(actor, id, 'elder.import.confirm');
      if (job.status !== 'validated') throw new AppError('IMPORT_NOT_READY', { status: job.status });
      if (body.mode === 'allOrNothing' && job.invalidRows > 0) {
        await audit.record(actor, { action: 'elder.import.confirm', resourceType: 'importJob', resourceIds: [id], outcome: 'denied', reason: 'invalidRows', details: { mode: body.mode, invalidRows: job.invalidRows } });
        throw new AppError('IMPORT_HAS_INVALID_ROWS', { count: job.invalidRows });
      }
      const confirmed = await db.transaction(async (tx) => {
        const patch = { mode: body.mode, status: 'importing', processedRows: 0, insertedRows: 0, existingRows: 0, resumedFromRow: null, updatedAt: clock.now() };
        const updated = await repo.transitionJob(tx, id, 'validated', patch);
        if (updated) await audit.record(actor, { action: 'elder.import.confirm', resourceType: 'importJob', resourceIds: [id], details: { mode: body.mode } }, tx);
        return updated;
      });
      if (!confirmed) throw new AppError('IMPORT_NOT_READY', { status: 'importing' });
      schedule(confirmed, actor);
      return toJobDto(confirmed);
    },

    /** Drops a job waiting for confirmation (or one left unfinished), with its stored file. */
    async cancel(actor: Actor, id: string): Promise<ImportJobDto> {
      const job = await loadVisible(actor, id, 'elder.import.cancel');
      if (!['validating', 'validated', 'importing'].includes(job.status) || runner.isActive(id)) throw new AppError('IMPORT_NOT_READY', { status: job.status });
      const cancelled = await repo.transitionJob(db, id, job.status, { status: 'cancelled', updatedAt: clock.now() });
      if (!cancelled) throw new AppError('IMPORT_NOT_READY', { status: job.status });
      await removeImportFile(deps.importsDir, id);
      await audit.record(actor, { action: 'elder.import.cancel', resourceType: 'importJob', resourceIds: [id], details: { status: job.status } });
      return toJobDto(cancelled);
    },

    /** Progress; while waiting for confirmation also the masked preview (a read of personal data: audited). */
    async get(actor: Actor, id: string): Promise<ImportJobDto> {
      const job = await loadVisible(actor, id, 'elder.import.read');
      const withPreview = job.status === 'validated';
      if (withPreview) await audit.record(actor, { action: 'elder.import.read', resourceType: 'importJob', resourceIds: [id], details: { preview: true } });
      return toJobDto(job, { withPreview });
    },

    async list(actor: Actor, query: ImportListQuery): Promise<{ items: ImportJobDto[]; total: number }> {
      const found = await repo.listJobs(db, actor.userId, scopesOf(actor, 'elder:import'), query.limit, query.offset);
      return { items: found.items.map((job) => toJobDto(job)), total: found.total };
    },

    /** The error report as .xlsx (row, column, field, code, message), streamed page by page. */
    async errorReport(actor: Actor, id: string): Promise<{ fileName: string; stream: Readable }> {
      const job = await loadVisible(actor, id, 'elder.import.errors');
      async function* pages() {
        for (let after: repo.ImportErrorRow | undefined; ; ) {
          const page = await repo.errorPage(db, id, after, ERROR_PAGE_ROWS);
          if (page.length > 0) yield page;
          if (page.length < ERROR_PAGE_ROWS) return;
          after = page.at(-1);
        }
      }
      const stream = errorReportWorkbook(pages(), async (rows) => {
        await audit.record(actor, { action: 'elder.import.errors', resourceType: 'importJob', resourceIds: [id], details: { rows } });
      });
      return { fileName: `${job.fileName.replace(/\.(xlsx|csv)$/i, '')}-错误报告.xlsx`, stream };
    },

    /** Errors as data (first page), for the web preview and the CLI summary. */
    async errors(actor: Actor, id: string, limit = 100): Promise<ImportErrorDto[]> {
      await loadVisible(actor, id, 'elder.import.errors');
      const page = await repo.errorPage(db, id, undefined, Math.min(limit, ERROR_PAGE_ROWS));
      return page.map((row) => ({ rowNumber: row.rowNumber, field: row.field, code: row.code, message: row.message }));
    },

    template: (): { fileName: string; stream: Readable } => ({ fileName: TEMPLATE_FILE_NAME, stream: templateWorkbook() }),

    onProgress(listener: (progress: ImportProgress) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Resolves when no import work is queued or running (tests, the CLI). */
    idle: () => runner.idle(),
    /** Stops after the current batch (shutdown); unfinished jobs resume when their file is uploaded again. */
    stop: () => runner.stop(),
  };
}

export type ImportService = ReturnType<typeof createImportService>;
export type { ImportProgress } from './import-passes.ts';

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { ImportJobDto } from '@kangyang/contracts/import';
import { errorMessage } from '@kangyang/contracts/errors';
import { inAnyScope } from '@kangyang/domain/access';
import { AppError, isAppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { importFilePath, placeUpload, removeImportFile, type StoredUpload } from './import-file.ts';
import { regionScopeOf, toJobDto } from './import-mapper.ts';
import { importPass, validatePass, type ImportSource, type PassDeps } from './import-passes.ts';
import type { ImportRunner } from './import-runner.ts';
import * as repo from './import.repo.ts';

/** What the import use cases share: the database, the runner and where files wait. */
export type ImportContext = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  importsDir: string;
  runner: ImportRunner;
  passDeps: PassDeps;
  log: (message: string) => void;
};

export type ImportUpload = {
  fileName: string;
  source: Readable;
  regionCode?: string | undefined;
  /** Validate and import the valid rows in one pass, without a preview or confirmation (the CLI's valid-rows-only run). */
  direct?: boolean | undefined;
};

export const KIND = 'elders';

const cleanFileName = (name: string): string =>
  basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .slice(-200) || 'import';

/** The import's region scope: the actor's elder:write scopes, or the one region asked for inside them. */
export function importScopes(actor: Actor, regionCode: string | undefined): string[] {
  const scopes = scopesOf(actor, 'elder:write');
  if (regionCode === undefined) return scopes;
  if (!inAnyScope(regionCode, scopes)) throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
  return [regionCode];
}

/** A job is visible to its creator and to importers whose scopes cover its whole scope; otherwise 404, audited (AZ-3). */
export async function loadVisible(
  context: ImportContext,
  actor: Actor,
  id: string,
  action: string,
): Promise<repo.ImportJobRow> {
  const job = await repo.findJob(context.db, id);
  const scopes = scopesOf(actor, 'elder:import');
  if (job && (job.createdBy === actor.userId || regionScopeOf(job).every((code) => inAnyScope(code, scopes))))
    return job;
  await context.audit.record(actor, {
    action,
    resourceType: 'importJob',
    resourceIds: [id],
    outcome: 'denied',
    reason: job ? 'outOfScope' : 'notFound',
  });
  throw new AppError('NOT_FOUND');
}

function sourceOf(context: ImportContext, job: repo.ImportJobRow): ImportSource | undefined {
  for (const format of ['xlsx', 'csv'] as const) {
    const path = importFilePath(context.importsDir, job.id, format);
    if (existsSync(path)) return { path, format };
  }
  return undefined;
}

async function fail(context: ImportContext, job: repo.ImportJobRow, actor: Actor, error: unknown): Promise<void> {
  const failure = isAppError(error) ? errorMessage(error.code, 'zh-CN', error.params) : '导入过程中出现系统错误';
  if (!isAppError(error))
    context.log(`import ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await repo.updateJob(context.db, job.id, { status: 'failed', failure, updatedAt: context.clock.now() });
  await context.audit.record(actor, {
    action: 'elder.import',
    resourceType: 'importJob',
    resourceIds: [job.id],
    outcome: 'error',
    reason: failure,
  });
  await removeImportFile(context.importsDir, job.id);
}

/** Runs whatever the job needs next: validation, or (once confirmed) the import. */
async function work(context: ImportContext, jobId: string, actor: Actor): Promise<void> {
  let job = await repo.findJob(context.db, jobId);
  if (!job) return;
  try {
    const source = sourceOf(context, job);
    if (!source) throw new AppError('IMPORT_FILE_INVALID', { detail: '上传的文件已不存在，请重新上传' });
    if (job.status === 'validating') job = await validatePass(context.passDeps, job, source, actor);
    if (job.status === 'importing') job = await importPass(context.passDeps, job, source, actor);
    if (job.status === 'completed' || job.status === 'failed') await removeImportFile(context.importsDir, job.id);
  } catch (error) {
    if (context.runner.isStopping()) throw error;
    await fail(context, job, actor, error);
  }
}

/** Queues the job's work after the current request (PGlite: one import at a time, batch by batch). */
export function schedule(context: ImportContext, job: repo.ImportJobRow, actor: Actor): void {
  void context.runner.schedule(job.id, () => work(context, job.id, actor));
}

/** Same file, creator and scope as an unfinished job: continue it from its processed rows (FT-1). */
export async function resume(
  context: ImportContext,
  actor: Actor,
  job: repo.ImportJobRow,
  stored: StoredUpload,
): Promise<ImportJobDto> {
  if (context.runner.isActive(job.id)) {
    await rm(stored.path, { force: true });
    return toJobDto(job);
  }
  await placeUpload(context.importsDir, stored, job.id);
  if (job.status === 'validated') return toJobDto(job, { withPreview: true });
  const resumed = await repo.updateJob(context.db, job.id, {
    resumedFromRow: job.processedRows,
    resumeCount: job.resumeCount + 1,
    updatedAt: context.clock.now(),
  });
  await context.audit.record(actor, {
    action: 'elder.import.resume',
    resourceType: 'importJob',
    resourceIds: [job.id],
    details: { status: job.status, fromRow: job.processedRows },
  });
  schedule(context, resumed, actor);
  return toJobDto(resumed);
}

/** A new job for a new file (or a file whose earlier jobs all ended): validation starts in the background. */
export async function create(
  context: ImportContext,
  actor: Actor,
  input: ImportUpload,
  stored: StoredUpload,
  regionScope: string,
): Promise<ImportJobDto> {
  const id = uuidv7();
  const now = context.clock.now();
  await placeUpload(context.importsDir, stored, id);
  const fileName = cleanFileName(input.fileName);
  const job = await context.db.transaction(async (tx) => {
    const inserted = await repo.insertJob(tx, {
      ...{
        id,
        kind: KIND,
        fileName,
        fileHash: stored.hash,
        mode: 'validRowsOnly',
        status: input.direct ? 'importing' : 'validating',
        direct: input.direct ?? false,
        regionScope,
        createdBy: actor.userId,
      },
      ...{
        totalRows: 0,
        processedRows: 0,
        insertedRows: 0,
        existingRows: 0,
        invalidRows: 0,
        createdAt: now,
        updatedAt: now,
      },
    });
    const details = {
      fileName,
      fileHash: stored.hash,
      bytes: stored.size,
      format: stored.format,
      regionScope,
      direct: input.direct ?? false,
    };
    await context.audit.record(
      actor,
      { action: 'elder.import.upload', resourceType: 'importJob', resourceIds: [id], details },
      tx,
    );
    return inserted;
  });
  schedule(context, job, actor);
  return toJobDto(job);
}

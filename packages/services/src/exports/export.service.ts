import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import type { ElderExportQuery } from '@kangyang/contracts/import';
import { birthRangeOfAgeBand } from '@kangyang/domain/elder';
import { birthDateForAge } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import { can, scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ElderQuery } from '../elders/elder.repo.ts';
import { regionsByCodes } from '../regions/region.repo.ts';
import { elderExportCells, ELDER_EXPORT_COLUMNS } from './elder-sheet.ts';
import { elderExportPage, type ElderExportRow, type ExportCursor } from './export.repo.ts';
import { createSheetWriter, type SheetWriter } from './spreadsheet.ts';

export type ExportServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  log?: ((message: string) => void) | undefined;
};

export type ExportSummary = { rows: number; bytes: number; sha256: string };

/** Pages of at most 5,000 rows (REL-7: bounded memory, short statements on one connection). */
export const EXPORT_PAGE_ROWS = 5000;

/** The list's filters inside the caller's export scopes; a region outside them is a 404, audited (AZ-3). */
async function queryOf(deps: ExportServiceDeps, actor: Actor, filters: ElderExportQuery): Promise<ElderQuery> {
  const scopes = scopesOf(actor, 'elder:export');
  const region = filters.regionCode;
  if (region && !scopes.some((scope) => region.startsWith(scope) || scope.startsWith(region))) {
    const details = { regionCode: region };
    await deps.audit.record(actor, {
      action: 'elder.export',
      resourceType: 'elder',
      outcome: 'denied',
      reason: 'regionOutOfScope',
      details,
    });
    throw new AppError('NOT_FOUND');
  }
  const band = filters.ageBand ? birthRangeOfAgeBand(filters.ageBand, deps.clock.today(), birthDateForAge) : {};
  const { category, status, name } = filters;
  return {
    scopes,
    regionCode: region,
    category,
    status,
    namePrefix: name,
    bornAfter: band.after,
    bornOnOrBefore: band.onOrBefore,
  };
}

/** Writes every matching elder page by page (keyset), waiting for the reader between pages. */
async function writeRows(
  deps: ExportServiceDeps,
  writer: SheetWriter,
  query: ElderQuery,
  fullAddress: boolean,
  counter: { rows: number },
): Promise<void> {
  const names = new Map<string, string>();
  const today = deps.clock.today();
  for (let cursor: ExportCursor | undefined; ;) {
    const page: ElderExportRow[] = await elderExportPage(deps.db, query, cursor, EXPORT_PAGE_ROWS);
    const missing = [...new Set(page.map((row) => row.residenceRegionCode))].filter((code) => !names.has(code));
    for (const region of await regionsByCodes(deps.db, missing)) names.set(region.code, region.name);
    for (const row of page)
      writer.add(elderExportCells(row, { today, regionName: names.get(row.residenceRegionCode), fullAddress }));
    counter.rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE_ROWS) return;
    cursor = { residenceRegionCode: last.residenceRegionCode, id: last.id };
    await writer.room();
    await yieldToRequests();
  }
}

/**
 * The filtered elder list as a streamed .xlsx (REG-6, API-8): masked, formula-escaped, ID numbers and
 * phones as text. Audited at the end with the filters, row count and the file's SHA-256.
 */
async function exportElders(
  deps: ExportServiceDeps,
  actor: Actor,
  filters: ElderExportQuery,
): Promise<{ fileName: string; stream: Readable; done: Promise<ExportSummary> }> {
  const query = await queryOf(deps, actor, filters);
  const { stream, writer } = createSheetWriter();
  writer.addSheet('老人名单', ELDER_EXPORT_COLUMNS);
  const counter = { rows: 0 };
  const done = (async (): Promise<ExportSummary> => {
    try {
      await writeRows(deps, writer, query, can(actor, 'elder:revealIdentifiers'), counter);
      const file = await writer.finish();
      const details = { filters, rows: counter.rows, bytes: file.bytes, sha256: file.sha256, masked: true };
      await deps.audit.record(actor, { action: 'elder.export', resourceType: 'elder', details });
      return { rows: counter.rows, ...file };
    } catch (error) {
      await deps.audit.record(actor, {
        action: 'elder.export',
        resourceType: 'elder',
        outcome: 'error',
        reason: 'aborted',
        details: { filters, rows: counter.rows },
      });
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  })();
  done.catch((error: unknown) =>
    deps.log?.(`export stopped: ${error instanceof Error ? error.message : String(error)}`),
  );
  return { fileName: `老人名单-${deps.clock.today()}.xlsx`, stream, done };
}

export function createExportService(deps: ExportServiceDeps) {
  return { elders: (actor: Actor, filters: ElderExportQuery) => exportElders(deps, actor, filters) };
}

export type ExportService = ReturnType<typeof createExportService>;

import {
  CATEGORY_NAMES_ZH,
  ImportPreview,
  LIVING_SITUATION_NAMES_ZH,
  type ImportPreviewRow,
  type ImportJobDto,
  type ImportMode,
  type ImportStatus,
} from '@kangyang/contracts/import';
import { errorMessage } from '@kangyang/contracts/errors';
import { maskIdNumber, maskPhone } from '@kangyang/domain/identity';
import type { CheckedRow, RowError } from './row-check.ts';
import type { ImportJobRow } from './import.repo.ts';

export const PREVIEW_ROWS = 20;

/** Row errors are stored and reported in zh-CN (the message of the API's code, without personal values: ENC-4). */
export const messageOf = (error: RowError): string => errorMessage(error.code, 'zh-CN', error.params);

/** A preview row shows names and codes but only masked ID numbers and phones (ENC-3). */
export function previewRow(row: CheckedRow): ImportPreviewRow {
  const { values } = row;
  return {
    rowNumber: row.rowNumber,
    name: (values.name ?? '').slice(0, 50),
    idNumber: values.idNumber ? maskIdNumber(values.idNumber) : '',
    phone: values.phone ? maskPhone(values.phone) : null,
    residenceRegionCode: (values.residenceRegionCode ?? '').slice(0, 20),
    livingSituation: row.body
      ? LIVING_SITUATION_NAMES_ZH[row.body.livingSituation]
      : (values.livingSituation ?? '').slice(0, 20),
    categories: row.body ? row.body.categories.map((record) => CATEGORY_NAMES_ZH[record.category]) : [],
    errors: row.errors.map((error) => ({ field: error.field, code: error.code, message: messageOf(error) })),
  };
}

export const regionScopeOf = (job: Pick<ImportJobRow, 'regionScope'>): string[] =>
  job.regionScope === '' ? [''] : job.regionScope.split(',');

export function toJobDto(job: ImportJobRow, options: { withPreview?: boolean } = {}): ImportJobDto {
  const preview = ImportPreview.safeParse(job.preview);
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    fileHash: job.fileHash,
    mode: job.mode as ImportMode,
    status: job.status as ImportStatus,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    insertedRows: job.insertedRows,
    existingRows: job.existingRows,
    invalidRows: job.invalidRows,
    regionScope: regionScopeOf(job),
    direct: job.direct,
    resumedFromRow: job.resumedFromRow,
    resumeCount: job.resumeCount,
    failure: job.failure,
    ...(options.withPreview && preview.success ? { preview: preview.data } : {}),
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

import type { ImportPreviewRow } from '@kangyang/contracts/import';
import type { IsoDate } from '@kangyang/domain/units';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { uuidv7 } from '../ids.ts';
import { prepareNewElder } from '../elders/elder-input.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';
import { readElderRows, type ElderRowIn } from './elder-rows.ts';
import type { ImportFormat } from './import-file.ts';
import { PREVIEW_ROWS, previewRow } from './import-mapper.ts';
import { checkRow, type RowError } from './row-check.ts';

/** What the row checks need to know about a pass; plain data, so a worker thread can receive it. */
export type SourceOptions = {
  path: string;
  format: ImportFormat;
  pass: 'validate' | 'import';
  today: IsoDate;
  batchRows: number;
  /** Rows up to this index were committed by an earlier run: checked again (duplicates), not prepared. */
  skipThrough: number;
  createdBy: string | null;
  importJobId: string;
};

/** A row after the row rules, carrying only what the database side of the pass needs. */
export type SourceRow = {
  index: number;
  rowNumber: number;
  idNumber: string | undefined;
  residenceRegionCode: string | undefined;
  hukouRegionCode: string | undefined;
  errors: RowError[];
  /** No error so far (region, scope and duplicates are checked later, against the database). */
  valid: boolean;
  /** Validation pass: the ID number's blind index, to count rows registered already. */
  blindIndex?: string;
  /** Import pass: the encrypted row to insert (ENC-1). */
  insert?: ElderInsert;
  /** The first rows, masked, for the preview. */
  preview?: ImportPreviewRow;
};

/** A batch of rows; `viaWorker` when a worker thread prepared it. */
export type SourceBatch = { rows: SourceRow[]; bytesRead: number; viaWorker?: boolean };

/** Re-chunks the reader's row chunks into batches of exactly `size` rows (the last one shorter). */
export async function* batchesOf(chunks: AsyncIterable<ElderRowIn[]>, size: number): AsyncGenerator<ElderRowIn[]> {
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

function sourceRowOf(row: ElderRowIn, options: SourceOptions, cipher: FieldCipher, now: Date): SourceRow {
  const checked = checkRow(row, options.today);
  const { index, rowNumber, idNumber, residenceRegionCode, hukouRegionCode, errors, body } = checked;
  const source: SourceRow = {
    index,
    rowNumber,
    idNumber,
    residenceRegionCode,
    hukouRegionCode,
    errors,
    valid: errors.length === 0 && body !== undefined,
  };
  if (index <= PREVIEW_ROWS) source.preview = previewRow(checked);
  if (!source.valid || !body || !idNumber || index <= options.skipThrough) return source;
  if (options.pass === 'validate') {
    source.blindIndex = cipher.blindIndex('idNumber', idNumber);
    return source;
  }
  const context = {
    id: uuidv7(now.getTime()),
    today: options.today,
    now,
    cipher,
    createdBy: options.createdBy,
    importJobId: options.importJobId,
  };
  const prepared = prepareNewElder(body, context);
  if (prepared.ok) source.insert = prepared.value;
  else source.valid = false;
  return source;
}

/**
 * The CPU side of a pass: reads the file, applies the row rules and, for the rows not done yet,
 * computes blind indexes (validation) or encrypts the rows (import). Runs in a worker thread when
 * one can start (row-worker.ts), else in-process.
 */
export async function* produceBatches(options: SourceOptions, cipher: FieldCipher): AsyncGenerator<SourceBatch> {
  const progress = { bytesRead: 0 };
  for await (const batch of batchesOf(readElderRows(options.path, options.format, progress), options.batchRows)) {
    const now = new Date();
    yield { rows: batch.map((row) => sourceRowOf(row, options, cipher, now)), bytesRead: progress.bytesRead };
  }
}

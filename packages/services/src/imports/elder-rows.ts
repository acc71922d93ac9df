import { ELDER_IMPORT_COLUMNS, type ElderImportKey } from '@kangyang/contracts/import';
import { AppError } from '../app-error.ts';
import type { ImportFormat } from './import-file.ts';
import { readSheetRows, type ReadProgress } from './sheet-rows.ts';

export type RowValues = Partial<Record<ElderImportKey, string>>;

/** A data row: `index` counts non-blank data rows from 1 (progress and resume), `rowNumber` is the sheet row. */
export type ElderRowIn = { index: number; rowNumber: number; values: RowValues };

/** Header text compared without spaces, `*` marks, `_`/`-`, case or a trailing note in brackets: `身份证号（必填）`. */
export const normaliseHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊_-]/g, '')
    .toLowerCase();

const HEADER_KEYS: ReadonlyMap<string, ElderImportKey> = new Map(
  ELDER_IMPORT_COLUMNS.flatMap((column) =>
    [column.header, column.key, ...column.aliases].map((name) => [normaliseHeader(name), column.key] as const),
  ),
);

/** Maps header cells to template keys (the first of duplicate columns wins); a missing required column fails the file. */
export function mapHeader(cells: readonly string[]): (ElderImportKey | undefined)[] {
  const seen = new Set<ElderImportKey>();
  const keys = cells.map((cell) => {
    const key = HEADER_KEYS.get(normaliseHeader(cell));
    if (!key || seen.has(key)) return undefined;
    seen.add(key);
    return key;
  });
  const missing = ELDER_IMPORT_COLUMNS.find((column) => column.required && !seen.has(column.key));
  if (missing) throw new AppError('IMPORT_HEADER_MISSING', { column: missing.header }, missing.field);
  return keys;
}

function valuesOf(cells: readonly string[], keys: readonly (ElderImportKey | undefined)[]): RowValues | undefined {
  const values: RowValues = {};
  let blank = true;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const cell = cells[index]?.trim();
    if (!key || !cell) continue;
    values[key] = cell;
    blank = false;
  }
  return blank ? undefined : values;
}

/**
 * Streams the elder rows of an import file in chunks: the first non-blank row is the header; blank
 * rows are skipped (they keep their place in the row numbers).
 */
export async function* readElderRows(
  path: string,
  format: ImportFormat,
  progress?: ReadProgress,
): AsyncGenerator<ElderRowIn[]> {
  let keys: (ElderImportKey | undefined)[] | undefined;
  let index = 0;
  for await (const chunk of readSheetRows(path, format, progress)) {
    const rows: ElderRowIn[] = [];
    for (const row of chunk) {
      if (!keys) {
        if (!row.cells.every((cell) => cell.trim() === '')) keys = mapHeader(row.cells);
        continue;
      }
      const values = valuesOf(row.cells, keys);
      if (!values) continue;
      index += 1;
      rows.push({ index, rowNumber: row.rowNumber, values });
    }
    if (rows.length > 0) yield rows;
  }
  if (!keys) throw new AppError('IMPORT_FILE_INVALID', { detail: '没有表头行' });
}

/** Reads just the header (and fails like the full read would), so an upload answers at once. */
export async function checkHeader(path: string, format: ImportFormat): Promise<void> {
  for await (const chunk of readSheetRows(path, format)) {
    const header = chunk.find((row) => !row.cells.every((cell) => cell.trim() === ''));
    if (!header) continue;
    mapHeader(header.cells);
    return;
  }
  throw new AppError('IMPORT_FILE_INVALID', { detail: '没有表头行' });
}

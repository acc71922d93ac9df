import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ELDER_IMPORT_COLUMNS, type ElderImportKey } from '@kangyang/contracts/import';
import { csvLine } from './elder-csv.ts';

/** A row for test and benchmark files: template keys to cell text (missing keys stay empty). */
export type FixtureRow = Partial<Record<ElderImportKey, string>>;

const cellsOf = (row: FixtureRow): string[] => ELDER_IMPORT_COLUMNS.map((column) => row[column.key] ?? '');

/** A template CSV (UTF-8, optional BOM) for the given rows. */
export function csvFile(
  rows: readonly FixtureRow[],
  options: { bom?: boolean; headers?: readonly string[] } = {},
): Buffer {
  const header = csvLine(options.headers ?? ELDER_IMPORT_COLUMNS.map((column) => column.header));
  const body = rows.map((row) => csvLine(cellsOf(row))).join('');
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${header}${body}`, 'utf8');
}

/** A template .xlsx for the given rows; `numeric` keys are written as number cells (as careless users do). */
export async function xlsxFile(
  rows: readonly FixtureRow[],
  options: { numeric?: readonly ElderImportKey[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('老人信息');
  sheet.addRow(ELDER_IMPORT_COLUMNS.map((column) => column.header));
  for (const row of rows) {
    sheet.addRow(
      ELDER_IMPORT_COLUMNS.map((column) => {
        const text = row[column.key] ?? '';
        return options.numeric?.includes(column.key) && text !== '' ? Number(text) : text;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const streamOf = (buffer: Buffer): Readable => Readable.from([buffer]);

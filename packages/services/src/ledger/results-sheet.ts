import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PaymentResultInput } from '@kangyang/contracts/ledger';
import { PaymentResultInput as ResultSchema } from '@kangyang/contracts/ledger';
import { AppError } from '../app-error.ts';
import { cellText } from '../imports/sheet-rows.ts';

/** API-2: a results sheet is small (one batch); refuse anything bigger before unzipping it. */
export const MAX_RESULTS_SHEET_BYTES = 20 * 1024 * 1024;

const HEADERS = { entryId: '明细编号', status: '发放结果', reason: '失败原因', bankReference: '银行流水号' } as const;

const STATUS_WORDS: ReadonlyMap<string, 'paid' | 'failed'> = new Map([
  ['成功', 'paid'],
  ['已发放', 'paid'],
  ['paid', 'paid'],
  ['失败', 'failed'],
  ['failed', 'failed'],
]);

function columnsOf(header: readonly string[]): Record<keyof typeof HEADERS, number> {
  const find = (prefix: string) => header.findIndex((text) => text.trim().startsWith(prefix));
  const columns = {
    entryId: find(HEADERS.entryId),
    status: find(HEADERS.status),
    reason: find(HEADERS.reason),
    bankReference: find(HEADERS.bankReference),
  };
  for (const [name, index] of Object.entries(columns)) {
    if (index < 0 && (name === 'entryId' || name === 'status'))
      throw new AppError('IMPORT_HEADER_MISSING', { column: HEADERS[name] });
  }
  return columns;
}

/**
 * SUB-8: reads the batch sheet back from finance with its result column filled in (成功/失败, or
 * paid/failed). Rows without a result are skipped; a bad row names its sheet row.
 */
export async function parseResultsSheet(file: Buffer): Promise<PaymentResultInput[]> {
  if (file.length > MAX_RESULTS_SHEET_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(Readable.from([file]));
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { detail: 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FILE_INVALID', { detail: 'no worksheet' });
  const textRow = (row: ExcelJS.Row): string[] => {
    const values = Array.isArray(row.values) ? row.values : [];
    return Array.from(values.slice(1), (value) => cellText(value));
  };
  const columns = columnsOf(textRow(sheet.getRow(1)));
  const results: PaymentResultInput[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = textRow(row);
    const word = (cells[columns.status] ?? '').trim();
    if (word === '') return;
    const candidate = {
      entryId: (cells[columns.entryId] ?? '').trim(),
      status: STATUS_WORDS.get(word.toLowerCase()) ?? word,
      reason: columns.reason >= 0 ? (cells[columns.reason] ?? '').trim() || undefined : undefined,
      bankReference: columns.bankReference >= 0 ? (cells[columns.bankReference] ?? '').trim() || undefined : undefined,
    };
    const parsed = ResultSchema.safeParse(candidate);
    if (!parsed.success) {
      const field = `rows[${rowNumber}].${String(parsed.error.issues[0]?.path[0] ?? 'status')}`;
      throw new AppError('VALIDATION_FAILED', { field, detail: '' }, field);
    }
    results.push(parsed.data);
  });
  return results;
}

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** API-8, FT-17: what makes a spreadsheet read a text cell as a formula (ASCII and full-width forms). */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** API-8: a text cell starting with = + - @, tab or CR (or ＝＋－＠) gets a leading `'`, so it stays text. */
export const escapeCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export type SheetColumn = { header: string; width: number; text?: boolean };

export type SheetWriter = {
  /** Appends one row; strings are escaped (API-8), numbers stay numbers. */
  add(cells: readonly (string | number | null | undefined)[]): void;
  addSheet(name: string, columns: readonly SheetColumn[]): void;
  /** Waits while the reader lags behind (backpressure), so a slow download never piles rows up in memory. */
  room(): Promise<void>;
  /** Finishes the workbook; resolves with the byte count and SHA-256 of what was written. */
  finish(): Promise<{ bytes: number; sha256: string }>;
};

/**
 * A streamed .xlsx (exceljs WorkbookWriter): rows are committed as they come, so memory stays flat.
 * Columns marked `text` carry the text format `@`, and every value in them is a string, so ID
 * numbers and phones never turn into numbers (API-8).
 */
export function createSheetWriter(): { stream: Readable; writer: SheetWriter } {
  const hash = createHash('sha256');
  let bytes = 0;
  const output = new PassThrough();
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  tap.pipe(output);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: tap, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    tap.on('finish', resolve);
    tap.on('error', reject);
  });
  const writer: SheetWriter = {
    addSheet(name, columns) {
      sheet?.commit();
      sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width,
        ...(column.text ? { style: { numFmt: '@' } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    add(cells) {
      if (!sheet) throw new Error('addSheet first');
      sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? escapeCell(cell) : (cell ?? null)))).commit();
    },
    async room() {
      while (!output.destroyed && output.writableNeedDrain) {
        await Promise.race([once(output, 'drain'), once(output, 'close')]);
      }
      if (output.destroyed) throw new Error('the reader went away');
    },
    async finish() {
      sheet?.commit();
      await workbook.commit();
      await finished;
      return { bytes, sha256: hash.digest('hex') };
    },
  };
  return { stream: output, writer };
}

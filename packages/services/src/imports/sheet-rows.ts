import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { createCsvSplitter } from './csv-records.ts';
import type { ImportFormat } from './import-file.ts';

/** One spreadsheet row: its number as the user sees it (the header is row 1) and its cells as text. */
export type SheetRow = { rowNumber: number; cells: string[] };

/** How far the reader got in the file, for progress and time left. */
export type ReadProgress = { bytesRead: number };

type TextFacts = { encoding: 'utf8' | 'gb18030'; delimiter: ',' | '\t' };

/** CSVs saved by Excel on Chinese Windows are GB18030 ("ANSI"); UTF-8 (with or without BOM) is the default. */
async function sniffText(path: string): Promise<TextFacts> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sample = head.subarray(0, bytesRead);
    let text: string;
    let encoding: TextFacts['encoding'] = 'utf8';
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    } catch {
      encoding = 'gb18030';
      text = new TextDecoder('gb18030').decode(sample, { stream: true });
    }
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    return { encoding, delimiter: firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',' };
  } finally {
    await handle.close();
  }
}

function counter(progress: ReadProgress): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      progress.bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
}

/** Reads the file's text chunk by chunk (decoded as sniffed) and splits it into records. */
async function* csvRows(path: string, progress: ReadProgress): AsyncGenerator<SheetRow[]> {
  const facts = await sniffText(path);
  const decoder = new TextDecoder(facts.encoding === 'gb18030' ? 'gb18030' : 'utf-8');
  const splitter = createCsvSplitter(facts.delimiter);
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  let rowNumber = 0;
  const numbered = (records: string[][]): SheetRow[] =>
    records.map((cells) => ({ rowNumber: (rowNumber += 1), cells }));
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      progress.bytesRead += chunk.length;
      const records = splitter.push(decoder.decode(chunk, { stream: true }));
      if (records.length > 0) yield numbered(records);
    }
    const last = splitter.push(decoder.decode());
    const rest = splitter.end();
    if (last.length + rest.length > 0) yield numbered([...last, ...rest]);
  } finally {
    source.destroy();
  }
}

const isoDate = (value: Date): string => value.toISOString().slice(0, 10);

/** A cell value of exceljs as text; numbers beyond 2^53 lost digits in Excel and are marked so they fail validation. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? `~${value}` : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part: { text?: unknown }) => cellText(part.text)).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}

const XLSX_CHUNK_ROWS = 500;

async function* xlsxRows(path: string, progress: ReadProgress): AsyncGenerator<SheetRow[]> {
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source.pipe(counter(progress)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      let rows: SheetRow[] = [];
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let index = 1; index < values.length; index += 1) cells.push(cellText(values[index]));
        rows.push({ rowNumber: row.number, cells });
        if (rows.length >= XLSX_CHUNK_ROWS) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length > 0) yield rows;
      return; // only the first worksheet holds data; the template's second sheet holds instructions
    }
  } finally {
    source.destroy();
  }
}

/** Streams the rows of a stored upload in chunks of rows; memory stays flat however long the file is. */
export function readSheetRows(
  path: string,
  format: ImportFormat,
  progress: ReadProgress = { bytesRead: 0 },
): AsyncGenerator<SheetRow[]> {
  return format === 'xlsx' ? xlsxRows(path, progress) : csvRows(path, progress);
}

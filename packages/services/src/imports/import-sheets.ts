import type { Readable } from 'node:stream';
import { CATEGORY_NAMES_ZH, ELDER_IMPORT_COLUMNS, LIVING_SITUATION_NAMES_ZH } from '@kangyang/contracts/import';
import { createSheetWriter } from '../exports/spreadsheet.ts';
import { headerOf } from './row-check.ts';
import type { ImportErrorRow } from './import.repo.ts';

export const TEMPLATE_FILE_NAME = '老人信息导入模板.xlsx';

/**
 * The import template (REG-6): sheet 1 holds only the Chinese headers (ID, phone and code columns
 * formatted as text); sheet 2 explains each column with its accepted values. No example row, so
 * nothing fictitious can be imported by mistake.
 */
export function templateWorkbook(): Readable {
  const { stream, writer } = createSheetWriter();
  void (async () => {
    writer.addSheet(
      '老人信息',
      ELDER_IMPORT_COLUMNS.map((column) => ({
        header: column.header,
        width: Math.max(12, column.header.length * 3),
        text: column.text,
      })),
    );
    writer.addSheet('填写说明', [
      { header: '列名', width: 18 },
      { header: '是否必填', width: 10 },
      { header: '说明', width: 60 },
      { header: '英文列名（也可使用）', width: 28 },
    ]);
    for (const column of ELDER_IMPORT_COLUMNS)
      writer.add([
        column.header,
        column.required ? '必填' : '选填',
        column.hint,
        column.aliases.filter((alias) => /^[a-z_]+$/.test(alias)).join(', '),
      ]);
    writer.add(['']);
    writer.add(['居住状况可填', '', Object.values(LIVING_SITUATION_NAMES_ZH).join('、')]);
    writer.add(['人群类别可填', '', Object.values(CATEGORY_NAMES_ZH).join('、')]);
    await writer.finish();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}

/** The error report (REG-6): one line per bad field, in row order, read page by page. */
export function errorReportWorkbook(
  pages: AsyncIterable<readonly ImportErrorRow[]>,
  onDone: (rows: number) => Promise<void>,
): Readable {
  const { stream, writer } = createSheetWriter();
  void (async () => {
    writer.addSheet('错误报告', [
      { header: '行号', width: 8 },
      { header: '列名', width: 16 },
      { header: '字段', width: 22, text: true },
      { header: '错误代码', width: 24, text: true },
      { header: '说明', width: 70 },
    ]);
    let rows = 0;
    for await (const page of pages) {
      for (const error of page)
        writer.add([error.rowNumber, headerOf(error.field), error.field, error.code, error.message]);
      rows += page.length;
      await writer.room();
    }
    await writer.finish();
    await onDone(rows);
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}

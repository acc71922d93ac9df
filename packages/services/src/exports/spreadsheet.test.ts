import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSheetWriter, escapeCell } from './spreadsheet.ts';

const STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

describe('spreadsheet cells (API-8, FT-17)', () => {
  it('prefixes a quote to every text starting with = + - @ tab CR or their full-width forms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STARTS), fc.string(), (start, rest) => {
        expect(escapeCell(`${start}${rest}`)).toBe(`'${start}${rest}`);
      }),
    );
  });

  it('leaves every other text unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !STARTS.some((start) => text.startsWith(start))),
        (text) => {
          expect(escapeCell(text)).toBe(text);
        },
      ),
    );
  });

  it('writes =HYPERLINK(…), +1 and @SUM escaped, and an 18-digit ID number as 18-character text', async () => {
    const { stream, writer } = createSheetWriter();
    writer.addSheet('s', [
      { header: 'a', width: 10 },
      { header: 'id', width: 20, text: true },
    ]);
    writer.add(['=HYPERLINK("http://evil.example","x")', '330102194403150021']);
    writer.add(['+1', '11010519491231002X']);
    writer.add(['@SUM(A1:A2)', 42]);
    const chunks: Buffer[] = [];
    const collected = (async () => {
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    })();
    const { sha256 } = await writer.finish();
    await collected;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(chunks));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      `'=HYPERLINK("http://evil.example","x")`,
      '330102194403150021',
    ]);
    expect(sheet?.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getRow(3).values).toEqual([undefined, "'+1", '11010519491231002X']);
    expect(sheet?.getRow(4).values).toEqual([undefined, "'@SUM(A1:A2)", 42]);
  });
});

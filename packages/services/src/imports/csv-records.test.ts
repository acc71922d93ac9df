import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from './elder-csv.ts';
import { createCsvSplitter } from './csv-records.ts';

const cell = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', '张', '三', ',', '"', '\n', '\r', ' ', ';', '\t'),
  maxLength: 12,
});
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 });

function parseInChunks(text: string, cuts: readonly number[], delimiter: ',' | '\t' = ','): string[][] {
  const splitter = createCsvSplitter(delimiter);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((left, right) => left - right)) {
    const at = Math.min(cut, text.length);
    records.push(...splitter.push(text.slice(from, Math.max(from, at))));
    from = Math.max(from, at);
  }
  records.push(...splitter.push(text.slice(from)), ...splitter.end());
  return records;
}

describe('CSV records (RFC 4180, REG-6 imports)', () => {
  it('reads back every table written with RFC 4180 quoting, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat({ max: 400 }), { maxLength: 8 }), (rows, cuts) => {
        const text = rows.map((row) => csvLine(row)).join('');
        expect(parseInChunks(text, cuts)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('handles CRLF, a BOM, a last line without a line break, blank lines and tab-separated text', () => {
    expect(parseInChunks('\uFEFFa,b\r\n"x,""y""",\r\n\r\nlast,row', [3, 9])).toEqual([
      ['a', 'b'],
      ['x,"y"', ''],
      [''],
      ['last', 'row'],
    ]);
    expect(parseInChunks('姓名\t身份证号\n张三\t1\n', [], '\t')).toEqual([
      ['姓名', '身份证号'],
      ['张三', '1'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field as text, and an unterminated quote to the end', () => {
    expect(parseInChunks('a"b,c\n"open,x\n', [])).toEqual([['a"b', 'c'], ['open,x\n']]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSearchTerm } from './search-term.ts';

describe('elder list search box (REG-1, ENC-2, ENC-4)', () => {
  it('treats an 18-character ID number as an exact ID search, lower-case x accepted', () => {
    expect(parseSearchTerm(' 33010219400101001x ')).toEqual({ kind: 'idNumber', idNumber: '33010219400101001X' });
  });

  it('treats an 11-digit mobile number as an exact phone search, with or without +86 and spaces', () => {
    expect(parseSearchTerm('138 0013 8000')).toEqual({ kind: 'phone', phone: '13800138000' });
    expect(parseSearchTerm('+8613800138000')).toEqual({ kind: 'phone', phone: '13800138000' });
  });

  it('refuses partial numbers: no partial search on ID numbers or phones (ENC-2)', () => {
    expect(parseSearchTerm('3301021940')).toEqual({ kind: 'partialNumber' });
    expect(parseSearchTerm('1380013')).toEqual({ kind: 'partialNumber' });
  });

  it('treats anything else as a name prefix, and blank as no search', () => {
    expect(parseSearchTerm(' 王 ')).toEqual({ kind: 'name', name: '王' });
    expect(parseSearchTerm('   ')).toEqual({ kind: 'none' });
  });
});

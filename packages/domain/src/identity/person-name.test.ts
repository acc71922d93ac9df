import { describe, expect, it } from 'vitest';
import { validatePersonName } from './person-name.ts';

describe('ID-4 validatePersonName', () => {
  it.each([
    ['张三', '张三'],
    ['  欧阳建国 ', '欧阳建国'],
    ['阿卜杜·热合曼', '阿卜杜·热合曼'],
    ['John Smith', 'John Smith'],
    ['Jean-Pierre O’Neil', 'Jean-Pierre O’Neil'],
    ['José Müller', 'José Müller'],
    ['王', '王'],
    ['Ａ', 'Ａ'],
    ['李'.repeat(50), '李'.repeat(50)],
  ])('ID-4: %s is accepted', (input, expected) => {
    expect(validatePersonName(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'PERSON_NAME_LENGTH'],
    ['   ', 'PERSON_NAME_LENGTH'],
    ['李'.repeat(51), 'PERSON_NAME_LENGTH'],
    ['张三3', 'PERSON_NAME_CHARACTERS'],
    ['张\u0000三', 'PERSON_NAME_CHARACTERS'],
    ['张\u200b三', 'PERSON_NAME_CHARACTERS'],
    ['张 三', 'PERSON_NAME_CHARACTERS'],
    ['John  Smith', 'PERSON_NAME_CHARACTERS'],
    ['·张三', 'PERSON_NAME_CHARACTERS'],
    ['张三·', 'PERSON_NAME_CHARACTERS'],
    ['阿卜杜··热合曼', 'PERSON_NAME_CHARACTERS'],
    ['<script>', 'PERSON_NAME_CHARACTERS'],
    ['=SUM(A1)', 'PERSON_NAME_CHARACTERS'],
    ['-John', 'PERSON_NAME_CHARACTERS'],
  ])('ID-4: %j → VALIDATION_FAILED %s', (input, reason) => {
    expect(validatePersonName(input)).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', reason } });
  });

  it('ID-4: 50 characters are counted as characters, not UTF-16 units', () => {
    expect(validatePersonName('𠀀'.repeat(50)).ok).toBe(true);
  });
});

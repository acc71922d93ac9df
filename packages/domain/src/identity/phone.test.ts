import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

const mobileArb = fc
  .tuple(
    fc.constantFrom(...'3456789'),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest}`);

describe('ID-3 normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['\u3000199 0000 0000 ', '19900000000'],
  ])('ID-3: %s → %s', (input, expected) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['too short', '1381234567'],
    ['too long', '138123456789'],
    ['second digit 2', '12812345678'],
    ['second digit 0', '10812345678'],
    ['not starting with 1', '23812345678'],
    ['a landline', '057188881234'],
    ['letters', '1381234567a'],
    ['full-width digits', '１３８１２３４５６７８'],
    ['country code of another country', '+8513812345678'],
    ['86 alone', '86'],
    ['empty', ''],
    ['a double prefix', '+868613812345678'],
  ])('ID-3: %s → PHONE_FORMAT', (_, input) => {
    expect(normalisePhone(input)).toEqual({ ok: false, error: { code: 'PHONE_FORMAT' } });
  });

  it('FT-8: formatted mobile numbers normalise to their 11 digits, and normalising is idempotent', () => {
    const formatted = fc.tuple(mobileArb, fc.constantFrom('', '+86', '86', '+86 '), fc.constantFrom('', ' ', '-'));
    fc.assert(
      fc.property(formatted, ([phone, prefix, separator]) => {
        const input = `${prefix}${phone.slice(0, 3)}${separator}${phone.slice(3, 7)}${separator}${phone.slice(7)}`;
        const once = normalisePhone(input);
        expect(once).toEqual({ ok: true, value: phone });
        expect(normalisePhone(phone)).toEqual(once);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from './masking.ts';
import { makeCitizenId } from './synthetic-id.ts';

const digitString = (count: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });
const idArb = fc
  .record({
    address: digitString(6),
    year: fc.integer({ min: 1900, max: 2010 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: fc.integer({ min: 0, max: 499 }),
    male: fc.boolean(),
  })
  .map(({ address, year, month, day, sequence, male }) => {
    const birthDate = isoDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    return makeCitizenId(address, birthDate, sequence, male ? 'male' : 'female');
  });

describe('ENC-3 masking', () => {
  it('ENC-3: ID numbers show the first 4 and last 4 around eight *', () => {
    expect(maskIdNumber('33010619500228123X')).toBe('3301********123X');
    expect(maskIdNumber(' 33010619500228123x ')).toBe('3301********123X');
  });

  it('ENC-3: phones show the first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('ENC-3: bank accounts show the last 4 only', () => {
    expect(maskBankAccount('6222021234567891234')).toBe('****1234');
    expect(maskBankAccount('6222 0212 3456 7891 234')).toBe('****1234');
  });

  it('ENC-3: short or odd values reveal nothing more than the last 4', () => {
    expect(maskIdNumber('1234567')).toBe('********');
    expect(maskPhone('1381234')).toBe('****');
    expect(maskPhone('057188881234')).toBe('****1234');
    expect(maskBankAccount('1234')).toBe('****');
  });

  it('FT-8: ID masks hide digits 5–14 (the mask is the same whatever those digits are)', () => {
    fc.assert(
      fc.property(idArb, digitString(10), (idNumber, middle) => {
        const masked = maskIdNumber(idNumber);
        expect(masked).toBe(`${idNumber.slice(0, 4)}********${idNumber.slice(14)}`);
        expect(maskIdNumber(`${idNumber.slice(0, 4)}${middle}${idNumber.slice(14)}`)).toBe(masked);
        expect(masked).not.toContain(idNumber.slice(6, 14));
      }),
    );
  });

  it('FT-8: phone masks hide digits 4–7', () => {
    fc.assert(
      fc.property(digitString(11), digitString(4), (phone, middle) => {
        const masked = maskPhone(phone);
        expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
        expect(maskPhone(`${phone.slice(0, 3)}${middle}${phone.slice(7)}`)).toBe(masked);
      }),
    );
  });

  it('FT-8: bank account masks depend on the last 4 only', () => {
    fc.assert(
      fc.property(digitString(12), digitString(4), (head, last4) => {
        expect(maskBankAccount(`${head}${last4}`)).toBe(`****${last4}`);
      }),
    );
  });
});

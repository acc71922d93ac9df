import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import { validateIdNumber } from './citizen-id.ts';
import { makeCitizenId } from './synthetic-id.ts';

const BIRTH = isoDate('1948-03-07');

describe('makeCitizenId (synthetic data only)', () => {
  it('ID-1: builds address code, birth date, order and check character', () => {
    expect(makeCitizenId('110105', isoDate('1949-12-31'), 1, 'female')).toBe('11010519491231002X');
    expect(makeCitizenId('330106', BIRTH, 0, 'male')).toMatch(/^33010619480307001[\dX]$/);
    expect(makeCitizenId('330106', BIRTH, 499, 'male')).toMatch(/^33010619480307999[\dX]$/);
  });

  it('gives distinct numbers for distinct (sequence, sex)', () => {
    const numbers = new Set<string>();
    for (let sequence = 0; sequence <= 499; sequence += 1) {
      numbers.add(makeCitizenId('330106', BIRTH, sequence, 'male'));
      numbers.add(makeCitizenId('330106', BIRTH, sequence, 'female'));
    }
    expect(numbers.size).toBe(1000);
  });

  it('refuses inputs it cannot encode', () => {
    expect(() => makeCitizenId('33010', BIRTH, 0, 'male')).toThrow(RangeError);
    expect(() => makeCitizenId('330106', BIRTH, 500, 'male')).toThrow(RangeError);
    expect(() => makeCitizenId('330106', BIRTH, -1, 'male')).toThrow(RangeError);
    expect(() => makeCitizenId('330106', BIRTH, 1.5, 'male')).toThrow(RangeError);
  });

  it('FT-8: every generated number validates with the given sex', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 499 }), fc.boolean(), (sequence, male) => {
        const result = validateIdNumber(
          makeCitizenId('440305', BIRTH, sequence, male ? 'male' : 'female'),
          isoDate('2025-01-01'),
        );
        expect(result.ok && result.value.sex).toBe(male ? 'male' : 'female');
      }),
    );
  });
});

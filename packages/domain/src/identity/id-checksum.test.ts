import { describe, expect, it } from 'vitest';
import { ID_CHECK_CHARACTERS, ID_WEIGHTS, idCheckCharacterOf } from './id-checksum.ts';

const valueOf = (char: string): number => (char === 'X' ? 10 : Number(char));
const mod11 = (value: number): number => ((value % 11) + 11) % 11;
/** Weights of all 18 positions in the form Σ aᵢ·wᵢ ≡ 1 (mod 11): the check character weighs 1. */
const FULL_WEIGHTS = [...ID_WEIGHTS, 1];

describe('ID-1 step 5: ISO 7064 MOD 11-2 check character', () => {
  it('ID-1: the published sample 11010519491231002X has S = 167 and check X', () => {
    const digits = '11010519491231002';
    expect([...digits].reduce((sum, digit, index) => sum + Number(digit) * (ID_WEIGHTS[index] ?? 0), 0)).toBe(167);
    expect(idCheckCharacterOf(digits)).toBe('X');
  });

  it('ID-1: weight i is 2^(17−i) mod 11', () => {
    expect(ID_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, index) => 2 ** (17 - index) % 11));
  });

  it('ID-1: the check value c satisfies S + c ≡ 1 (mod 11) for every S mod 11', () => {
    for (let remainder = 0; remainder < 11; remainder += 1) {
      expect(mod11(remainder + valueOf(ID_CHECK_CHARACTERS.charAt(remainder)))).toBe(1);
    }
  });

  it('FT-8 (proof): every single substitution changes Σ aᵢ·wᵢ mod 11, since 11 is prime and 0 < |a−b| ≤ 10', () => {
    FULL_WEIGHTS.forEach((weight, position) => {
      const maxValue = position === 17 ? 10 : 9;
      for (let from = 0; from <= maxValue; from += 1) {
        for (let to = 0; to <= maxValue; to += 1) {
          if (from !== to) expect(mod11((to - from) * weight), `position ${position} ${from}→${to}`).not.toBe(0);
        }
      }
    });
  });

  it('FT-8 (proof): every adjacent swap of different characters changes Σ aᵢ·wᵢ mod 11 (wᵢ = 2·wᵢ₊₁)', () => {
    for (let position = 0; position < 17; position += 1) {
      const [left = 0, right = 0] = [FULL_WEIGHTS[position], FULL_WEIGHTS[position + 1]];
      expect(mod11(left - 2 * right)).toBe(0);
      // Only position 17 (the check character) may hold X; an X moved into the digits is a format error anyway.
      for (let a = 0; a <= 10; a += 1) {
        for (let b = 0; b <= 10; b += 1) {
          if (a !== b) expect(mod11((a - b) * (left - right)), `swap at ${position}: ${a}↔${b}`).not.toBe(0);
        }
      }
    }
  });

  it('refuses anything but 17 ASCII digits', () => {
    expect(() => idCheckCharacterOf('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckCharacterOf('1101051949123100X')).toThrow(RangeError);
  });
});

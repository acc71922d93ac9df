/**
 * ISO 7064 MOD 11-2 check character of a GB 11643 number (security.md ID-1 step 5).
 * Weight i is 2^(17−i) mod 11; with the check value c (X = 10) the whole number satisfies
 * Σ dᵢ·Wᵢ + c ≡ 1 (mod 11), which is why any single substitution or adjacent swap is detected.
 */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** `S mod 11` = 0…10 maps to these characters. */
export const ID_CHECK_CHARACTERS = '10X98765432';

const SEVENTEEN_DIGITS = /^\d{17}$/;

/** The check character for the first 17 digits of an ID number. */
export function idCheckCharacterOf(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) throw new RangeError('expected 17 ASCII digits');
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17.charAt(index)) * (ID_WEIGHTS[index] ?? 0);
  return ID_CHECK_CHARACTERS.charAt(sum % 11);
}

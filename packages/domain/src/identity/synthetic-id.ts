import { dateParts } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import type { Sex } from './citizen-id.ts';
import { idCheckCharacterOf } from './id-checksum.ts';

const SIX_DIGITS = /^\d{6}$/;
export const MAX_SYNTHETIC_SEQUENCE = 499;

/**
 * Builds a well-formed 18-character ID number for SYNTHETIC data only (never real people).
 * Digits 15–17 are `sequence * 2 + (male ? 1 : 0)`, so `sequence` 0–499 and `sex` together give
 * 1,000 distinct numbers per address code and birth date, and digit 17 carries the sex.
 * `addressCode` is any 6 digits (e.g. `330106`, `810000`, or `9` + province + nationality for a
 * foreign permanent resident card).
 */
export function makeCitizenId(addressCode: string, birthDate: IsoDate, sequence: number, sex: Sex): string {
  if (!SIX_DIGITS.test(addressCode)) throw new RangeError('addressCode must be 6 digits');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SYNTHETIC_SEQUENCE) {
    throw new RangeError(`sequence must be an integer 0–${MAX_SYNTHETIC_SEQUENCE}`);
  }
  const { year } = dateParts(birthDate);
  if (year < 1000) throw new RangeError('birth year must have 4 digits');
  const order = String(sequence * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${order}`;
  return `${first17}${idCheckCharacterOf(first17)}`;
}

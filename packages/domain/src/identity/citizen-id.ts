import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import { parseIsoDate } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import { idCheckCharacterOf } from './id-checksum.ts';

/** Codes of security.md ID-1, in the order the checks run; the same literals as contracts' errors.ts. */
export type IdNumberErrorCode =
  | 'ID_NUMBER_LEGACY_15'
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_REGION'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_BIRTH_FUTURE'
  | 'ID_NUMBER_CHECKSUM';

/** Carries no part of the number (ENC-4: ID numbers never appear in error messages). */
export type IdNumberError = { readonly code: IdNumberErrorCode };

export type IdType = 'citizen' | 'hkMacaoTaiwanResidencePermit' | 'foreignPermanentResident';
export type Sex = 'male' | 'female';

export type IdNumberFacts = {
  /** The normalised 18-character number. */
  readonly idNumber: string;
  readonly idType: IdType;
  readonly birthDate: IsoDate;
  /** From digit 17: odd male, even female. */
  readonly sex: Sex;
  /**
   * Citizens and residence permits: the 6-digit address code (digits 1–6), which may name a county
   * abolished since and need not match the residence region. Foreign permanent residents: the
   * issuing mainland province (digits 2–3) as a 6-digit code.
   */
  readonly regionCode: string;
  /** Foreign permanent residents only: digits 4–6. */
  readonly nationalityCode?: string;
};

const EDGE_SPACES = /^[ \u3000]+|[ \u3000]+$/g;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF38]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** ID-1 step 0: trim ASCII and full-width spaces, convert full-width digits and `Ｘ`, upper-case a final `x`. */
export function normaliseIdNumber(input: string): string {
  const trimmed = input.replace(EDGE_SPACES, '');
  const halfWidth = trimmed.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));
  return halfWidth.endsWith('x') ? `${halfWidth.slice(0, -1)}X` : halfWidth;
}

const MAINLAND_PROVINCES: ReadonlySet<string> = new Set(
  [
    [11, 15],
    [21, 23],
    [31, 37],
    [41, 46],
    [50, 54],
    [61, 65],
  ].flatMap(([from = 0, to = 0]) => Array.from({ length: to - from + 1 }, (_, offset) => String(from + offset))),
);
const PERMIT_ADDRESS_CODES: ReadonlySet<string> = new Set(['810000', '820000', '830000']);

/** True when the first two digits are a mainland province code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65). */
export const isMainlandProvinceCode = (twoDigits: string): boolean => MAINLAND_PROVINCES.has(twoDigits);

type Kind = { readonly idType: IdType; readonly regionCode: string; readonly nationalityCode?: string };

/** ID-1 step 3: the kind of number from its first digits; the address code is not looked up (numbers never change). */
function kindOf(idNumber: string): Kind | undefined {
  const addressCode = idNumber.slice(0, 6);
  const province = idNumber.slice(0, 2);
  if (isMainlandProvinceCode(province) || province === '71') return { idType: 'citizen', regionCode: addressCode };
  if (PERMIT_ADDRESS_CODES.has(addressCode)) return { idType: 'hkMacaoTaiwanResidencePermit', regionCode: addressCode };
  const issuingProvince = idNumber.slice(1, 3);
  if (idNumber.startsWith('9') && isMainlandProvinceCode(issuingProvince)) {
    const nationalityCode = idNumber.slice(3, 6);
    return { idType: 'foreignPermanentResident', regionCode: `${issuingProvince}0000`, nationalityCode };
  }
  return undefined;
}

const EIGHTEEN = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

function birthDateOf(idNumber: string): IsoDate | undefined {
  const digits = idNumber.slice(6, 14);
  const date = parseIsoDate(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`);
  return date !== undefined && date >= EARLIEST_BIRTH_DATE ? date : undefined;
}

/**
 * Validates a citizen ID number, residence permit or foreign permanent resident card number
 * (security.md ID-1, GB 11643-1999) and derives its facts. The checks run in the spec's order and
 * the first failure is reported. Judges neither age nor residence (see `isUnderMinimumAge`).
 * `today` is the current date in Asia/Shanghai.
 */
export function validateIdNumber(input: string, today: IsoDate): Result<IdNumberFacts, IdNumberError> {
  const idNumber = normaliseIdNumber(input);
  const length = [...idNumber].length;
  if (length === 15) return err({ code: 'ID_NUMBER_LEGACY_15' });
  if (length !== 18) return err({ code: 'ID_NUMBER_LENGTH' });
  if (!EIGHTEEN.test(idNumber)) return err({ code: 'ID_NUMBER_FORMAT' });
  const kind = kindOf(idNumber);
  if (kind === undefined) return err({ code: 'ID_NUMBER_REGION' });
  const birthDate = birthDateOf(idNumber);
  if (birthDate === undefined) return err({ code: 'ID_NUMBER_BIRTH_DATE' });
  if (birthDate > today) return err({ code: 'ID_NUMBER_BIRTH_FUTURE' });
  if (idCheckCharacterOf(idNumber.slice(0, 17)) !== idNumber.charAt(17)) return err({ code: 'ID_NUMBER_CHECKSUM' });
  const sex: Sex = Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return ok({ idNumber, birthDate, sex, ...kind });
}

const FIFTEEN_DIGITS = /^\d{15}$/;

/**
 * ID-1 step 1: the 18-digit candidate for a refused 15-digit (first-generation) number, shown in the
 * import report for a person to confirm; never used silently. Inserts `19` after the address code and
 * appends the check character. Undefined unless the input normalises to 15 ASCII digits.
 */
export function legacyIdNumberCandidate(input: string): string | undefined {
  const legacy = normaliseIdNumber(input);
  if (!FIFTEEN_DIGITS.test(legacy)) return undefined;
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return `${first17}${idCheckCharacterOf(first17)}`;
}

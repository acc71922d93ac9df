import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, isoDateOf, daysInMonth } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import { legacyIdNumberCandidate, normaliseIdNumber, validateIdNumber } from './citizen-id.ts';
import type { IdNumberErrorCode, IdType, Sex } from './citizen-id.ts';
import { idCheckCharacterOf } from './id-checksum.ts';
import { makeCitizenId } from './synthetic-id.ts';

const TODAY = isoDate('2025-06-15');
const MAINLAND = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
];
const MAINLAND_PROVINCES = [...MAINLAND, 61, 62, 63, 64, 65].map(String);

const codeOf = (input: string, today: IsoDate = TODAY): IdNumberErrorCode | 'ok' => {
  const result = validateIdNumber(input, today);
  return result.ok ? 'ok' : result.error.code;
};
/** Replaces the check character so that only the check of interest can fail. */
const withCheck = (first17: string): string => `${first17}${idCheckCharacterOf(first17)}`;

const digits = (count: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });
const addressCodeArb: fc.Arbitrary<{ addressCode: string; idType: IdType; regionCode: string }> = fc.oneof(
  fc.tuple(fc.constantFrom(...MAINLAND_PROVINCES, '71'), digits(4)).map(([province, rest]) => ({
    addressCode: `${province}${rest}`,
    idType: 'citizen' as const,
    regionCode: `${province}${rest}`,
  })),
  fc.constantFrom('810000', '820000', '830000').map((code) => ({
    addressCode: code,
    idType: 'hkMacaoTaiwanResidencePermit' as const,
    regionCode: code,
  })),
  fc.tuple(fc.constantFrom(...MAINLAND_PROVINCES), digits(3)).map(([province, nationality]) => ({
    addressCode: `9${province}${nationality}`,
    idType: 'foreignPermanentResident' as const,
    regionCode: `${province}0000`,
  })),
);
const birthDateArb: fc.Arbitrary<IsoDate> = fc
  .record({ year: fc.integer({ min: 1900, max: 2025 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat(30) })
  .map(({ year, month, day }) => isoDateOf(year, month, 1 + (day % daysInMonth(year, month))))
  .filter((date) => date <= TODAY);
type ValidIdSpec = {
  address: { addressCode: string; idType: IdType; regionCode: string };
  birthDate: IsoDate;
  sequence: number;
  sex: Sex;
};
const validIdArb: fc.Arbitrary<ValidIdSpec> = fc.record({
  address: addressCodeArb,
  birthDate: birthDateArb,
  sequence: fc.integer({ min: 0, max: 499 }),
  sex: fc.constantFrom<Sex>('male', 'female'),
});
const buildId = ({ address, birthDate, sequence, sex }: ValidIdSpec) =>
  makeCitizenId(address.addressCode, birthDate, sequence, sex);

describe('ID-1 validateIdNumber: table', () => {
  it('ID-1 worked example: 11010519491231002X is a woman born 1949-12-31', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        idType: 'citizen',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
      },
    });
  });

  it.each([
    ['ID-1 step 0: lower-case final x', '11010519491231002x'],
    ['ID-1 step 0: ASCII spaces around', '  11010519491231002X '],
    ['ID-1 step 0: full-width spaces, digits and Ｘ', '\u3000１１０１０５１９４９１２３１００２Ｘ\u3000'],
  ])('%s is accepted and normalised', (_, input) => {
    const result = validateIdNumber(input, TODAY);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  const male = makeCitizenId('330106', isoDate('1950-02-28'), 12, 'male');
  it.each<[string, string, IdNumberErrorCode | 'ok']>([
    ['a synthetic number', male, 'ok'],
    ['ID-1 step 1: 15 digits (first-generation card)', '330106500228123', 'ID_NUMBER_LEGACY_15'],
    ['ID-1 step 1: 17 characters', male.slice(0, 17), 'ID_NUMBER_LENGTH'],
    ['ID-1 step 1: 19 characters', `${male}1`, 'ID_NUMBER_LENGTH'],
    ['ID-1 step 1: empty', '', 'ID_NUMBER_LENGTH'],
    ['ID-1 step 2: a letter among the digits', `33010619A0${male.slice(10)}`, 'ID_NUMBER_FORMAT'],
    ['ID-1 step 2: X not at the end', `${male.slice(0, 16)}X${male.slice(17)}`, 'ID_NUMBER_FORMAT'],
    ['ID-1 step 2: inner space', `${male.slice(0, 8)} ${male.slice(9)}`, 'ID_NUMBER_FORMAT'],
    ['ID-1 step 2: lower-case x not at the end', `${male.slice(0, 16)}x${male.slice(17)}`, 'ID_NUMBER_FORMAT'],
    ['ID-1 step 2: Arabic-Indic digits', '٣٣٠١٠٦١٩٥٠٠٢٢٨٠٢٥٣', 'ID_NUMBER_FORMAT'],
    ['ID-1 step 3: province 10', withCheck('10010619500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: province 66', withCheck('66010619500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: province 72', withCheck('72010619500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: HK permit with a county part', withCheck('81010119500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: 84 is no permit', withCheck('84000019500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: foreign card with province 71', withCheck('97184019500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: foreign card with province 99', withCheck('99984019500228025'), 'ID_NUMBER_REGION'],
    ['ID-1 step 3: abolished county codes are not looked up', withCheck('33010219500228025'), 'ok'],
    ['ID-1 step 3: Taiwan 71 is a citizen code', withCheck('71000019500228025'), 'ok'],
    ['ID-1 step 4: 29 February in a common year', withCheck('33010619500229025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: 29 February 1900 (divisible by 100)', withCheck('33010619000229025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: 29 February 2000 (divisible by 400)', withCheck('33010620000229025'), 'ok'],
    ['ID-1 step 4: month 13', withCheck('33010619501301025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: day 00', withCheck('33010619500100025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: 31 April', withCheck('33010619500431025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: before 1900-01-01', withCheck('33010618991231025'), 'ID_NUMBER_BIRTH_DATE'],
    ['ID-1 step 4: 1900-01-01 itself', withCheck('33010619000101025'), 'ok'],
    ['ID-1 step 4: born today', withCheck('33010620250615025'), 'ok'],
    ['ID-1 step 4: born tomorrow', withCheck('33010620250616025'), 'ID_NUMBER_BIRTH_FUTURE'],
    [
      'ID-1 step 5: wrong check character',
      `${male.slice(0, 17)}${male.endsWith('0') ? '1' : '0'}`,
      'ID_NUMBER_CHECKSUM',
    ],
  ])('%s → %s', (_, input, expected) => {
    expect(codeOf(input)).toBe(expected);
  });

  it('ID-1: the first failure in spec order is reported (region before date before checksum)', () => {
    expect(codeOf('10010618991301025X')).toBe('ID_NUMBER_REGION');
    expect(codeOf('33010618991301025X')).toBe('ID_NUMBER_BIRTH_DATE');
    expect(codeOf('33010630000101025X')).toBe('ID_NUMBER_BIRTH_FUTURE');
  });

  it('ID-1 step 6: permits and foreign cards derive their kind, region and nationality', () => {
    const permit = validateIdNumber(makeCitizenId('820000', isoDate('1960-01-01'), 3, 'female'), TODAY);
    expect(permit.ok && permit.value).toMatchObject({ idType: 'hkMacaoTaiwanResidencePermit', regionCode: '820000' });
    const foreign = validateIdNumber(makeCitizenId('931840', isoDate('1960-01-01'), 3, 'male'), TODAY);
    expect(foreign.ok && foreign.value).toMatchObject({
      idType: 'foreignPermanentResident',
      regionCode: '310000',
      nationalityCode: '840',
      sex: 'male',
    });
  });

  it('ID-1 step 1: a 15-digit number gets an 18-digit candidate for a person to confirm, never silently', () => {
    const candidate = legacyIdNumberCandidate('330106500228123');
    expect(candidate).toBe(withCheck('33010619500228123'));
    expect(codeOf(candidate ?? '')).toBe('ok');
    expect(legacyIdNumberCandidate('33010650022812X')).toBeUndefined();
    expect(legacyIdNumberCandidate('11010519491231002X')).toBeUndefined();
  });
});

describe('ID-1 normaliseIdNumber', () => {
  it('ID-1 step 0: changes nothing else (inner spaces, other letters, non-final x stay)', () => {
    expect(normaliseIdNumber(' 1101 05x ')).toBe('1101 05X');
    expect(normaliseIdNumber('x1\u00a0')).toBe('x1\u00a0');
    expect(normaliseIdNumber('ｘ')).toBe('ｘ');
  });

  it('FT-8: normalising is idempotent', () => {
    const idLike = fc.string({
      unit: fc.constantFrom(...'0123456789Xx ', '\u3000', '０', '９', 'Ｘ', 'ｘ', 'a', '\t'),
      maxLength: 22,
    });
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string({ unit: 'binary' })), (input) => {
        const once = normaliseIdNumber(input);
        expect(normaliseIdNumber(once)).toBe(once);
      }),
    );
  });
});

describe('FT-8 property tests for ID-1', () => {
  it('FT-8: generated valid numbers are accepted with the right birth date, sex, kind and region', () => {
    fc.assert(
      fc.property(validIdArb, (spec) => {
        const idNumber = buildId(spec);
        const result = validateIdNumber(idNumber, TODAY);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value).toMatchObject({
          idNumber,
          birthDate: spec.birthDate,
          sex: spec.sex,
          idType: spec.address.idType,
          regionCode: spec.address.regionCode,
        });
        expect(validateIdNumber(idNumber.toLowerCase(), TODAY)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  /** Characters a position may be changed to; a change that normalises back to the number (case, width) is no change. */
  const REPLACEMENTS = [...'0123456789XxA- .', '\u3000', '０', '５', '９', 'Ｘ', '\u0000', '一'];

  it('FT-8: every single-character change (case aside) of a valid number is rejected', () => {
    fc.assert(
      fc.property(validIdArb, (spec) => {
        const idNumber = buildId(spec);
        for (let position = 0; position < 18; position += 1) {
          for (const replacement of REPLACEMENTS) {
            const changed = `${idNumber.slice(0, position)}${replacement}${idNumber.slice(position + 1)}`;
            if (normaliseIdNumber(changed) === idNumber) {
              // Only the same character in another case or width may normalise back.
              expect(normaliseIdNumber(replacement).toUpperCase()).toBe(idNumber.charAt(position));
              continue;
            }
            expect(validateIdNumber(changed, TODAY).ok, `${position}:${replacement}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('FT-8: a change to any character at any position is rejected (arbitrary Unicode)', () => {
    fc.assert(
      fc.property(
        validIdArb,
        fc.nat(17),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        (spec, position, char) => {
          const idNumber = buildId(spec);
          const changed = `${idNumber.slice(0, position)}${char}${idNumber.slice(position + 1)}`;
          fc.pre(normaliseIdNumber(changed) !== idNumber);
          expect(validateIdNumber(changed, TODAY).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('FT-8: every adjacent swap of two different characters of a valid number is rejected', () => {
    fc.assert(
      fc.property(validIdArb, (spec) => {
        const idNumber = buildId(spec);
        for (let position = 0; position < 17; position += 1) {
          const [left, right] = [idNumber.charAt(position), idNumber.charAt(position + 1)];
          if (left === right) continue;
          const swapped = `${idNumber.slice(0, position)}${right}${left}${idNumber.slice(position + 2)}`;
          expect(validateIdNumber(swapped, TODAY).ok, `swap at ${position}`).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { birthDateForAge, fen, isoDate } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import type { ElderFacts } from './eligibility-types.ts';
import { decideHomeCareBed, decideHomeCareBedCareSubsidy, decideHomeCareBedSetupGrant } from './home-care-bed.ts';
import type { HomeCareBedEligibilityRule } from './policy-rules.ts';

/** Plan 001 (Shangcheng, 330102), 001-r1. */
const RULE: HomeCareBedEligibilityRule = {
  clause: '001-r1',
  requireLocalHukou: true,
  requireResidenceInRegion: true,
  instrument: 'gbt42195-2022',
  bands: [
    { minAge: 60, minLevelOrdinal: 2 },
    { minAge: 80, minLevelOrdinal: 1 },
  ],
};
const TODAY = isoDate('2025-06-15');
const CONTEXT = { regionCode: '330102', today: TODAY, expiredGraceDays: 30 };
const MILD = 1;
const MODERATE = 2;

function elder(age: number, levelOrdinal: number, overrides: Partial<ElderFacts> = {}): ElderFacts {
  return {
    birthDate: birthDateForAge(age, TODAY),
    sex: 'male',
    hukouRegionCode: '330102007',
    residenceRegionCode: '330102007012',
    livingSituation: 'withFamily',
    categories: [],
    status: 'active',
    assessment: {
      instrument: 'gbt42195-2022',
      finalLevelOrdinal: levelOrdinal,
      dementia: false,
      validUntil: isoDate('2025-12-31'),
    },
    hasActiveHomeCareBed: false,
    ...overrides,
  };
}

const withValidUntil = (validUntil: IsoDate, levelOrdinal = MODERATE) =>
  elder(70, levelOrdinal, {
    assessment: { instrument: 'gbt42195-2022', finalLevelOrdinal: levelOrdinal, dementia: false, validUntil },
  });

const codes = (facts: ElderFacts) => decideHomeCareBed(facts, RULE, CONTEXT).reasons.map((reason) => reason.code);

describe('001-r1 home care bed: 60+ moderate or severe, 80+ mild', () => {
  it('refuses 59 with moderate disability and accepts 60 (age boundary of the 60+ band)', () => {
    const at59 = decideHomeCareBed(elder(59, MODERATE), RULE, CONTEXT);
    expect(at59.eligible).toBe(false);
    expect(at59.reasons).toEqual([
      { clause: '001-r1', code: 'BELOW_AGE_LEVEL_BANDS', params: { age: 59, levelOrdinal: MODERATE } },
    ]);
    const at60 = decideHomeCareBed(elder(60, MODERATE), RULE, CONTEXT);
    expect(at60).toEqual({
      programme: 'homeCareBed',
      eligible: true,
      reasons: [
        {
          clause: '001-r1',
          code: 'AGE_LEVEL_BAND_MET',
          params: { age: 60, levelOrdinal: MODERATE, minAge: 60, minLevelOrdinal: MODERATE },
        },
      ],
    });
  });

  it('turns 60 on the birthday itself, not the day before', () => {
    const dayBefore = elder(60, MODERATE, { birthDate: isoDate('1965-06-16') });
    const birthday = elder(60, MODERATE, { birthDate: isoDate('1965-06-15') });
    expect(decideHomeCareBed(dayBefore, RULE, CONTEXT).eligible).toBe(false);
    expect(decideHomeCareBed(birthday, RULE, CONTEXT).eligible).toBe(true);
  });

  it('refuses 79 with mild disability and accepts 80 (age boundary of the 80+ band)', () => {
    expect(decideHomeCareBed(elder(79, MILD), RULE, CONTEXT).eligible).toBe(false);
    const at80 = decideHomeCareBed(elder(80, MILD), RULE, CONTEXT);
    expect(at80.eligible).toBe(true);
    expect(at80.reasons[0]?.params).toMatchObject({ minAge: 80, minLevelOrdinal: MILD });
  });

  it('refuses mild disability under 80 and intact capability at any age', () => {
    expect(codes(elder(75, MILD))).toEqual(['BELOW_AGE_LEVEL_BANDS']);
    expect(codes(elder(95, 0))).toEqual(['BELOW_AGE_LEVEL_BANDS']);
    expect(decideHomeCareBed(elder(75, 4), RULE, CONTEXT).eligible).toBe(true);
  });

  it('refuses a non-local hukou, an unrecorded hukou and a residence outside the district', () => {
    expect(codes(elder(85, MODERATE, { hukouRegionCode: '330281' }))).toEqual(['NOT_LOCAL_HUKOU']);
    expect(codes(elder(85, MODERATE, { hukouRegionCode: null }))).toEqual(['NOT_LOCAL_HUKOU']);
    expect(codes(elder(85, MODERATE, { residenceRegionCode: '330105001' }))).toEqual(['NOT_RESIDENT_IN_REGION']);
  });

  it('lists every failed condition, each citing 001-r1', () => {
    const decision = decideHomeCareBed(
      elder(59, MILD, { hukouRegionCode: '3714', residenceRegionCode: '3714' }),
      RULE,
      CONTEXT,
    );
    expect(decision.reasons.map((reason) => reason.code)).toEqual([
      'NOT_LOCAL_HUKOU',
      'NOT_RESIDENT_IN_REGION',
      'BELOW_AGE_LEVEL_BANDS',
    ]);
    expect(decision.reasons.every((reason) => reason.clause === '001-r1')).toBe(true);
  });

  it('never admits deceased or moved-out elders', () => {
    expect(codes(elder(85, MODERATE, { status: 'deceased' }))).toEqual(['ELDER_DECEASED']);
    expect(codes(elder(85, MODERATE, { status: 'movedOut' }))).toEqual(['ELDER_MOVED_OUT']);
  });

  it('needs a current assessment of the named instrument', () => {
    expect(codes(elder(85, MODERATE, { assessment: null }))).toEqual(['NO_ASSESSMENT']);
    const barthel = elder(85, MODERATE, {
      assessment: { instrument: 'barthel', finalLevelOrdinal: 3, dementia: false, validUntil: isoDate('2026-01-01') },
    });
    expect(codes(barthel)).toEqual(['ASSESSMENT_WRONG_INSTRUMENT']);
  });

  it('counts an expired assessment only inside the grace days (assessment.md §9)', () => {
    expect(codes(withValidUntil(isoDate('2025-06-15')))).toEqual(['AGE_LEVEL_BAND_MET']);
    const oneDay = decideHomeCareBed(withValidUntil(isoDate('2025-06-14')), RULE, CONTEXT);
    expect(oneDay.eligible).toBe(true);
    expect(oneDay.reasons[0]).toEqual({
      clause: '001-r1',
      code: 'ASSESSMENT_IN_GRACE',
      params: { validUntil: '2025-06-14', daysExpired: 1, expiredGraceDays: 30 },
    });
    expect(decideHomeCareBed(withValidUntil(isoDate('2025-05-16')), RULE, CONTEXT).eligible).toBe(true);
    const outside = decideHomeCareBed(withValidUntil(isoDate('2025-05-15')), RULE, CONTEXT);
    expect(outside.eligible).toBe(false);
    expect(outside.reasons).toEqual([
      {
        clause: '001-r1',
        code: 'ASSESSMENT_EXPIRED',
        params: { validUntil: '2025-05-15', daysExpired: 31, expiredGraceDays: 30 },
      },
    ]);
    const noGrace = decideHomeCareBed(withValidUntil(isoDate('2025-06-14')), RULE, { ...CONTEXT, expiredGraceDays: 0 });
    expect(noGrace.eligible).toBe(false);
  });
});

describe('000-r3 home bed care subsidy: 600 yuan a month while the bed is active', () => {
  const rule = { clause: '000-r3', monthlyFen: fen(60000) };

  it('pays 60000 fen monthly to an elder with an active home care bed', () => {
    const decision = decideHomeCareBedCareSubsidy(elder(70, MODERATE, { hasActiveHomeCareBed: true }), rule);
    expect(decision).toMatchObject({ eligible: true, amount: { fen: 60000, cadence: 'monthly' } });
    expect(decision.reasons).toEqual([
      { clause: '000-r3', code: 'HOME_CARE_BED_ACTIVE', params: { monthlyFen: 60000 } },
    ]);
  });

  it('pays nothing without an active bed, or after death', () => {
    expect(decideHomeCareBedCareSubsidy(elder(70, MODERATE), rule).reasons).toEqual([
      { clause: '000-r3', code: 'NO_ACTIVE_HOME_CARE_BED', params: {} },
    ]);
    const deceased = elder(70, MODERATE, { hasActiveHomeCareBed: true, status: 'deceased' });
    const refused = decideHomeCareBedCareSubsidy(deceased, rule);
    expect(refused.eligible).toBe(false);
    expect(refused.amount).toBeUndefined();
  });
});

describe('000-r2 home bed setup grant: 3000 yuan, 2000 where the home was already renovated', () => {
  const rule = { clause: '000-r2', amountFen: fen(300000), renovatedAmountFen: fen(200000), oncePerElder: true };

  it('grants 300000 fen once, or 200000 fen after an aging-friendly or barrier-free renovation', () => {
    const plain = decideHomeCareBedSetupGrant(
      { accepted: true, homeRenovated: false, grantedBeforeForElder: false },
      rule,
    );
    expect(plain.amount).toEqual({ fen: 300000, cadence: 'oneTime' });
    const renovated = decideHomeCareBedSetupGrant(
      { accepted: true, homeRenovated: true, grantedBeforeForElder: false },
      rule,
    );
    expect(renovated.amount).toEqual({ fen: 200000, cadence: 'oneTime' });
  });

  it('refuses before acceptance and a second grant for the same elder', () => {
    const decision = decideHomeCareBedSetupGrant(
      { accepted: false, homeRenovated: false, grantedBeforeForElder: true },
      rule,
    );
    expect(decision.eligible).toBe(false);
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['BED_NOT_ACCEPTED', 'ALREADY_GRANTED_FOR_ELDER']);
  });
});

import { describe, expect, it } from 'vitest';
import { birthDateForAge, isoDate } from '../units/index.ts';
import type { ElderFacts } from './eligibility-types.ts';
import { decideFreeBasicHomeCare } from './free-basic-home-care.ts';
import type { FreeBasicHomeCareRule } from './policy-rules.ts';

/** Plan 004 (Yuyao, 330281), 004-r2. */
const RULE: FreeBasicHomeCareRule = {
  clause: '004-r2',
  requireLocalHukou: true,
  requireResidenceInRegion: true,
  requireLivingAtHome: true,
  instrument: 'gbt42195-2022',
  needsGroup: {
    categories: ['entitledGroup', 'heroicAct', 'familyPlanningSpecial', 'minimumLiving', 'nearMinimumLiving'],
    minLevelOrdinal: 2,
    dementiaQualifies: true,
  },
  ageGroup: { bands: [{ minAge: 80 }, { minAge: 70, requiredCategory: 'familyPlanningSpecial' }] },
};
const TODAY = isoDate('2020-09-01');
const CONTEXT = { regionCode: '330281', today: TODAY, expiredGraceDays: 30 };

function elder(age: number, overrides: Partial<ElderFacts> = {}): ElderFacts {
  return {
    birthDate: birthDateForAge(age, TODAY),
    sex: 'female',
    hukouRegionCode: '330281001',
    residenceRegionCode: '330281001003',
    livingSituation: 'alone',
    categories: [],
    status: 'active',
    assessment: null,
    hasActiveHomeCareBed: false,
    ...overrides,
  };
}

const assessed = (finalLevelOrdinal: number, dementia = false) => ({
  instrument: 'gbt42195-2022' as const,
  finalLevelOrdinal,
  dementia,
  validUntil: isoDate('2021-03-31'),
});

const decide = (facts: ElderFacts) => decideFreeBasicHomeCare(facts, RULE, CONTEXT);
const codes = (facts: ElderFacts) => decide(facts).reasons.map((reason) => reason.code);

describe('004-r2 (a) listed groups who are moderately or severely disabled or demented', () => {
  it('admits a minimum-living elder of 65 with moderate disability', () => {
    const decision = decide(elder(65, { categories: ['minimumLiving'], assessment: assessed(2) }));
    expect(decision.eligible).toBe(true);
    expect(decision.reasons).toEqual([
      {
        clause: '004-r2',
        code: 'NEEDS_GROUP_MET',
        params: { category: 'minimumLiving', levelOrdinal: 2, dementia: false, byDementia: false },
      },
    ]);
  });

  it('admits each listed category, including heroic-act honourees and near-minimum households', () => {
    for (const category of RULE.needsGroup.categories) {
      expect(decide(elder(62, { categories: [category], assessment: assessed(3) })).eligible).toBe(true);
    }
  });

  it('refuses mild disability, and admits a mild elder with moderate or severe dementia (004-r3 assessor)', () => {
    expect(codes(elder(65, { categories: ['entitledGroup'], assessment: assessed(1) }))).toEqual([
      'LEVEL_BELOW_THRESHOLD',
      'BELOW_AGE_BANDS',
    ]);
    const demented = decide(elder(65, { categories: ['entitledGroup'], assessment: assessed(1, true) }));
    expect(demented.eligible).toBe(true);
    expect(demented.reasons[0]?.params).toMatchObject({ byDementia: true });
  });

  it('refuses a moderately disabled elder outside the listed categories (extreme poverty is not listed)', () => {
    expect(codes(elder(65, { categories: ['extremePoverty'], assessment: assessed(3) }))).toEqual([
      'NOT_IN_LISTED_CATEGORY',
      'BELOW_AGE_BANDS',
    ]);
  });

  it('needs a usable assessment: none, or expired beyond grace, fails group (a)', () => {
    expect(codes(elder(65, { categories: ['minimumLiving'] }))).toEqual(['NO_ASSESSMENT', 'BELOW_AGE_BANDS']);
    const expired = { ...assessed(3), validUntil: isoDate('2020-07-01') };
    expect(codes(elder(65, { categories: ['minimumLiving'], assessment: expired }))).toEqual([
      'ASSESSMENT_EXPIRED',
      'BELOW_AGE_BANDS',
    ]);
    const inGrace = { ...assessed(3), validUntil: isoDate('2020-08-10') };
    expect(codes(elder(65, { categories: ['minimumLiving'], assessment: inGrace }))).toEqual([
      'ASSESSMENT_IN_GRACE',
      'NEEDS_GROUP_MET',
    ]);
  });
});

describe('004-r2 (b) 80+ at home, and 70+ in family-planning special families', () => {
  it('refuses 79 and admits 80 without any assessment', () => {
    expect(codes(elder(79))).toEqual(['NOT_IN_LISTED_CATEGORY', 'BELOW_AGE_BANDS']);
    expect(decide(elder(80)).reasons).toEqual([
      { clause: '004-r2', code: 'AGE_GROUP_MET', params: { age: 80, minAge: 80, requiredCategory: '' } },
    ]);
  });

  it('admits 70 but not 69 in a family-planning special family', () => {
    expect(decide(elder(69, { categories: ['familyPlanningSpecial'] })).eligible).toBe(false);
    const at70 = decide(elder(70, { categories: ['familyPlanningSpecial'] }));
    expect(at70.eligible).toBe(true);
    expect(at70.reasons[0]?.params).toMatchObject({ minAge: 70, requiredCategory: 'familyPlanningSpecial' });
  });

  it('keeps both grounds when an elder meets (a) and (b)', () => {
    const both = decide(elder(85, { categories: ['minimumLiving'], assessment: assessed(4) }));
    expect(both.reasons.map((reason) => reason.code)).toEqual(['NEEDS_GROUP_MET', 'AGE_GROUP_MET']);
  });
});

describe('004-r2 local residents living at home only', () => {
  it('refuses a non-local hukou, a residence outside Yuyao and an elder living in an institution', () => {
    expect(codes(elder(85, { hukouRegionCode: '330102' }))).toEqual(['NOT_LOCAL_HUKOU']);
    expect(codes(elder(85, { residenceRegionCode: '330203' }))).toEqual(['NOT_RESIDENT_IN_REGION']);
    expect(codes(elder(85, { livingSituation: 'institution' }))).toEqual(['NOT_LIVING_AT_HOME']);
    expect(decide(elder(85, { livingSituation: 'coupleOnly' })).eligible).toBe(true);
  });

  it('never admits deceased or moved-out elders', () => {
    expect(codes(elder(90, { status: 'deceased' }))).toEqual(['ELDER_DECEASED']);
    expect(codes(elder(90, { status: 'movedOut' }))).toEqual(['ELDER_MOVED_OUT']);
  });
});

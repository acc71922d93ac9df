import { describe, expect, it } from 'vitest';
import { birthDateForAge, fen, isoDate } from '../units/index.ts';
import { decideBenefits } from './decide-benefits.ts';
import type { ElderFacts } from './eligibility-types.ts';
import type { EligibilityRules } from './policy-rules.ts';

const TODAY = isoDate('2021-05-01');
const RULES: EligibilityRules = {
  homeCareBedEligibility: {
    clause: '001-r1',
    requireLocalHukou: true,
    requireResidenceInRegion: true,
    instrument: 'gbt42195-2022',
    bands: [{ minAge: 60, minLevelOrdinal: 2 }],
  },
  homeCareBedCareSubsidy: { clause: '000-r3', monthlyFen: fen(60000) },
};
const ELDER: ElderFacts = {
  birthDate: birthDateForAge(70, TODAY),
  sex: 'male',
  hukouRegionCode: '990101',
  residenceRegionCode: '990101',
  livingSituation: 'coupleOnly',
  categories: [],
  status: 'active',
  assessment: { instrument: 'gbt42195-2022', finalLevelOrdinal: 3, dementia: false, validUntil: isoDate('2021-12-31') },
  hasActiveHomeCareBed: true,
};
const CONTEXT = { regionCode: '9901', today: TODAY, expiredGraceDays: 30 };

describe('POL-4 decideBenefits: one decision per offered person-level programme', () => {
  it('decides only the programmes the profile offers (000-r3 without 001-r1)', () => {
    const decisions = decideBenefits(ELDER, { benefits: ['homeCareBedCareSubsidy'], rules: RULES }, CONTEXT);
    expect(decisions.map((decision) => [decision.programme, decision.eligible])).toEqual([
      ['homeCareBedCareSubsidy', true],
    ]);
  });

  it('decides the home care bed and its subsidy together, and stops both at death', () => {
    const policy = { benefits: ['homeCareBed', 'homeCareBedCareSubsidy'] as const, rules: RULES };
    expect(decideBenefits(ELDER, policy, CONTEXT).map((decision) => decision.eligible)).toEqual([true, true]);
    const deceased = decideBenefits({ ...ELDER, status: 'deceased' }, policy, CONTEXT);
    expect(
      deceased.map((decision) => [decision.eligible, decision.reasons[0]?.code, decision.reasons[0]?.clause]),
    ).toEqual([
      [false, 'ELDER_DECEASED', '001-r1'],
      [false, 'ELDER_DECEASED', '000-r3'],
    ]);
  });
});

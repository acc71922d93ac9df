import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BasisPoints } from '../units/index.ts';
import { fen } from '../units/index.ts';
import { decideCaregiverPostAllowance } from './caregiver-post-allowance.ts';
import type { CaregiverFacts } from './caregiver-post-allowance.ts';
import { splitByShares } from './funding-split.ts';
import type { CaregiverPostAllowanceRule, FundingPayer, FundingShare } from './policy-rules.ts';
import { FUNDING_PAYERS, SKILL_LEVELS } from './policy-rules.ts';

const bp = (value: number) => value as BasisPoints;

/** Plan 000, 000-r1: 1000/800/600/500/400 yuan; the city pays 50 %. */
const RULE: CaregiverPostAllowanceRule = {
  clause: '000-r1',
  monthlyFenBySkillLevel: {
    seniorTechnician: fen(100000),
    technician: fen(80000),
    senior: fen(60000),
    intermediate: fen(50000),
    junior: fen(40000),
  },
  fundingShares: [
    { payer: 'city', basisPoints: bp(5000) },
    { payer: 'county', basisPoints: bp(5000) },
  ],
  minAttendanceDays: 15,
};

const CAREGIVER: CaregiverFacts = {
  role: 'caregiver',
  certifiedSkillLevel: 'junior',
  worksInInstitution: true,
  workplaceRegionCode: '990102003',
  attendanceDays: 15,
};

describe('000-r1 caregiver post allowance', () => {
  it('pays each skill level its monthly amount, half from the city', () => {
    const amounts = SKILL_LEVELS.map((level) => {
      const decision = decideCaregiverPostAllowance({ ...CAREGIVER, certifiedSkillLevel: level }, RULE, '9901');
      return [level, decision.amount?.fen, decision.split?.[0]];
    });
    expect(amounts).toEqual([
      ['junior', 40000, { payer: 'city', fen: 20000 }],
      ['intermediate', 50000, { payer: 'city', fen: 25000 }],
      ['senior', 60000, { payer: 'city', fen: 30000 }],
      ['technician', 80000, { payer: 'city', fen: 40000 }],
      ['seniorTechnician', 100000, { payer: 'city', fen: 50000 }],
    ]);
  });

  it('refuses uncertified staff, other roles, work outside the region or outside institutions, and short attendance', () => {
    const codes = (facts: Partial<CaregiverFacts>) =>
      decideCaregiverPostAllowance({ ...CAREGIVER, ...facts }, RULE, '9901').reasons.map((reason) => reason.code);
    expect(codes({ certifiedSkillLevel: null })).toEqual(['NOT_CERTIFIED']);
    expect(codes({ role: 'nurse' })).toEqual(['NOT_CAREGIVER']);
    expect(codes({ workplaceRegionCode: '330102' })).toEqual(['NOT_IN_REGION_INSTITUTION']);
    expect(codes({ worksInInstitution: false })).toEqual(['NOT_IN_REGION_INSTITUTION']);
    expect(codes({ attendanceDays: 14 })).toEqual(['ATTENDANCE_BELOW_MINIMUM']);
    expect(codes({ attendanceDays: 15 })).toEqual(['ALLOWANCE_AMOUNT']);
  });

  it('cites 000-r1 in every reason and pays nothing when refused', () => {
    const decision = decideCaregiverPostAllowance(
      { ...CAREGIVER, certifiedSkillLevel: null, attendanceDays: 0 },
      RULE,
      '9901',
    );
    expect(decision.eligible).toBe(false);
    expect(decision.amount).toBeUndefined();
    expect(decision.split).toBeUndefined();
    expect(decision.reasons.every((reason) => reason.clause === '000-r1')).toBe(true);
  });
});

/** Shares in basis points that sum to 10,000, one per distinct payer. */
const sharesArbitrary = fc
  .uniqueArray(fc.constantFrom<FundingPayer>(...FUNDING_PAYERS), { minLength: 1, maxLength: FUNDING_PAYERS.length })
  .chain((payers) =>
    fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: payers.length - 1, maxLength: payers.length - 1 })
      .map((cuts) => {
        const bounds = [0, ...[...cuts].sort((left, right) => left - right), 10_000];
        return payers.map((payer, index): FundingShare => ({
          payer,
          basisPoints: bp((bounds[index + 1] ?? 0) - (bounds[index] ?? 0)),
        }));
      }),
  );

describe('000-r1 funding-share split (largest remainder)', () => {
  it('splits 1 fen and odd amounts without losing a fen', () => {
    const thirds = [
      { payer: 'city' as const, basisPoints: bp(3334) },
      { payer: 'county' as const, basisPoints: bp(3333) },
      { payer: 'street' as const, basisPoints: bp(3333) },
    ];
    expect(splitByShares(fen(100), thirds).map((part) => part.fen)).toEqual([34, 33, 33]);
    expect(splitByShares(fen(1), RULE.fundingShares).map((part) => part.fen)).toEqual([1, 0]);
    expect(splitByShares(fen(-1), RULE.fundingShares).map((part) => part.fen)).toEqual([-1, 0]);
  });

  it('refuses shares that do not sum to 10,000 basis points', () => {
    expect(() => splitByShares(fen(100), [{ payer: 'city', basisPoints: bp(5000) }])).toThrow(RangeError);
  });

  it('property: parts sum exactly to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), sharesArbitrary, (amount, shares) => {
        const parts = splitByShares(fen(amount), shares);
        expect(parts.reduce((sum, part) => sum + part.fen, 0)).toBe(amount);
        expect(parts.map((part) => part.payer)).toEqual(shares.map((share) => share.payer));
      }),
    );
  });

  it('property: each part is within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), sharesArbitrary, (amount, shares) => {
        splitByShares(fen(amount), shares).forEach((part, index) => {
          const exact = (amount * (shares[index]?.basisPoints ?? 0)) / 10_000;
          expect(Math.abs(part.fen - exact)).toBeLessThan(1);
          expect(Number.isInteger(part.fen)).toBe(true);
        });
      }),
    );
  });
});

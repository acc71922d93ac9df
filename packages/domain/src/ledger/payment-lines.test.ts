import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaregiverPostAllowanceRule, FundingShare } from '../eligibility/index.ts';
import type { BasisPoints } from '../units/index.ts';
import { fen, isoDate } from '../units/index.ts';
import { slotKey } from './ledger-entry.ts';
import { computeCaregiverPayments, computeEntitlementPayments } from './payment-lines.ts';
import type { CaregiverMonthFacts, EntitlementFacts } from './payment-lines.ts';
import { period } from './period.ts';

const bp = (value: number) => value as BasisPoints;
const MARCH = period('2026-03');

/** 000-r3: 600 yuan a month for an elder with a home care bed. */
const bedSubsidy = (overrides: Partial<EntitlementFacts> = {}): EntitlementFacts => ({
  entitlementId: 'ent-1',
  programme: 'homeCareBedCareSubsidy',
  payee: { kind: 'elder', id: 'elder-1' },
  elderId: 'elder-1',
  regionCode: '990102001001',
  startDate: isoDate('2026-01-15'),
  endDate: null,
  amount: fen(60000),
  fundingShares: [],
  clause: '000-r3',
  elderStop: null,
  ...overrides,
});

/** 000-r1 (plan 000): 1000/800/600/500/400 yuan; the city pays 50 %. */
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

const caregiver = (overrides: Partial<CaregiverMonthFacts> = {}): CaregiverMonthFacts => ({
  workerId: 'worker-1',
  role: 'caregiver',
  certifiedSkillLevel: 'senior',
  worksInInstitution: true,
  workplaceRegionCode: '990102003',
  attendanceDays: 22,
  continuingEducation: false,
  ...overrides,
});

describe('SUB-2 monthly run from entitlements (000-r3, 000-r2)', () => {
  it('000-r3: pays 600 yuan for the month, in full by the county when the profile names no shares', () => {
    const { lines, skipped } = computeEntitlementPayments([bedSubsidy()], MARCH, new Set());
    expect(skipped).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        period: '2026-03',
        payer: 'county',
        basisPoints: 10_000,
        amount: 60000,
        clause: '000-r3',
      }),
    ]);
  });

  it('000-r3: pays the months an entitlement touches and ends after its end date', () => {
    const ended = bedSubsidy({ endDate: isoDate('2026-02-10') });
    expect(computeEntitlementPayments([ended], MARCH, new Set())).toMatchObject({
      lines: [],
      skipped: [{ change: 'ended', code: 'ENTITLEMENT_ENDED' }],
    });
    const endsInMarch = bedSubsidy({ endDate: isoDate('2026-03-01') });
    expect(computeEntitlementPayments([endsInMarch], MARCH, new Set()).lines).toHaveLength(1);
  });

  it('000-r2: a one-time setup grant is paid once, for the month its entitlement starts', () => {
    const grant = bedSubsidy({
      entitlementId: 'grant-1',
      programme: 'homeCareBedSetupGrant',
      payee: { kind: 'institution', id: 'inst-1' },
      amount: fen(300000),
      clause: '000-r2',
      startDate: isoDate('2026-02-20'),
    });
    const first = computeEntitlementPayments([grant], MARCH, new Set());
    expect(first.lines).toEqual([expect.objectContaining({ period: '2026-02', amount: 300000, payee: grant.payee })]);
    const paid = new Set(first.lines.map(slotKey));
    expect(computeEntitlementPayments([grant], period('2026-04'), paid).lines).toEqual([]);
    expect(computeEntitlementPayments([grant], period('2026-01'), new Set()).skipped[0]?.code).toBe(
      'ENTITLEMENT_NOT_STARTED',
    );
  });

  it('SUB-3: a death stops payments after the month of the death date; that month is still paid', () => {
    const died = bedSubsidy({ elderStop: { status: 'deceased', date: isoDate('2026-02-27') } });
    expect(computeEntitlementPayments([died], MARCH, new Set())).toMatchObject({
      lines: [],
      skipped: [{ change: 'stopped', code: 'ELDER_DECEASED' }],
    });
    expect(computeEntitlementPayments([died], period('2026-02'), new Set()).lines).toHaveLength(1);
    const moved = bedSubsidy({ elderStop: { status: 'movedOut', date: isoDate('2026-01-31') } });
    expect(computeEntitlementPayments([moved], MARCH, new Set()).skipped[0]?.code).toBe('ELDER_MOVED_OUT');
  });

  it('pays benefits in kind nothing (a bed, free home care)', () => {
    const bed = bedSubsidy({ programme: 'homeCareBed' });
    expect(computeEntitlementPayments([bed], MARCH, new Set()).skipped[0]?.code).toBe('NOT_PAID_IN_MONEY');
  });

  it('pays a slot once even when two entitlements overlap in the month', () => {
    const renewed = bedSubsidy({ entitlementId: 'ent-2', startDate: isoDate('2026-03-20') });
    expect(computeEntitlementPayments([bedSubsidy(), renewed], MARCH, new Set()).lines).toHaveLength(1);
  });
});

const sharesArbitrary: fc.Arbitrary<FundingShare[]> = fc.integer({ min: 0, max: 10_000 }).map((city) => [
  { payer: 'city', basisPoints: bp(city) },
  { payer: 'county', basisPoints: bp(10_000 - city) },
]);

const candidatesArbitrary = fc.array(
  fc.record({
    elder: fc.integer({ min: 1, max: 30 }),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
    shares: sharesArbitrary,
  }),
  { maxLength: 40 },
);

describe('SUB-2 properties: idempotence and funding splits (000-r1)', () => {
  it('property: the payer lines of each payment sum exactly to its amount', () => {
    fc.assert(
      fc.property(candidatesArbitrary, (drafts) => {
        const candidates = drafts.map((draft, index) =>
          bedSubsidy({
            entitlementId: `ent-${index}`,
            elderId: `elder-${draft.elder}`,
            payee: { kind: 'elder', id: `elder-${draft.elder}` },
            amount: fen(draft.amount),
            fundingShares: draft.shares,
          }),
        );
        const { lines } = computeEntitlementPayments(candidates, MARCH, new Set());
        const byGroup = new Map<string, number>();
        for (const line of lines) byGroup.set(line.groupKey, (byGroup.get(line.groupKey) ?? 0) + line.amount);
        for (const [groupKey, sum] of byGroup) {
          const source = candidates.find((candidate) => groupKey.startsWith(`${candidate.entitlementId}|`));
          expect(sum).toBe(source?.amount);
        }
      }),
    );
  });

  it('property: a second run of the same month over what the first paid adds nothing', () => {
    fc.assert(
      fc.property(candidatesArbitrary, (drafts) => {
        const candidates = drafts.map((draft, index) =>
          bedSubsidy({
            entitlementId: `ent-${index}`,
            elderId: `elder-${draft.elder}`,
            payee: { kind: 'elder', id: `elder-${draft.elder}` },
            amount: fen(draft.amount),
          }),
        );
        const first = computeEntitlementPayments(candidates, MARCH, new Set());
        const slots = first.lines.map(slotKey);
        expect(new Set(slots).size).toBe(slots.length);
        expect(computeEntitlementPayments(candidates, MARCH, new Set(slots)).lines).toEqual([]);
      }),
    );
  });
});

describe('SUB-4 caregiver post allowance lines (000-r1, WRK-4)', () => {
  it('pays a certified senior caregiver 600 yuan with the city 50 % as its own line', () => {
    const { lines } = computeCaregiverPayments([caregiver()], RULE, '9901', MARCH, new Set());
    expect(lines.map((line) => [line.payer, line.basisPoints, line.amount])).toEqual([
      ['city', 5000, 30000],
      ['county', 5000, 30000],
    ]);
    expect(lines.every((line) => line.clause === '000-r1' && line.payee.kind === 'caregiver')).toBe(true);
  });

  it('pays nothing below the minimum attendance or without a valid certificate, and says why', () => {
    const { lines, skipped } = computeCaregiverPayments(
      [caregiver({ attendanceDays: 14 }), caregiver({ workerId: 'worker-2', certifiedSkillLevel: null })],
      RULE,
      '9901',
      MARCH,
      new Set(),
    );
    expect(lines).toEqual([]);
    expect(skipped.map((skip) => skip.code)).toEqual(['ATTENDANCE_BELOW_MINIMUM', 'NOT_CERTIFIED']);
  });

  it('adds nothing for a caregiver whose month is already paid', () => {
    const first = computeCaregiverPayments([caregiver()], RULE, '9901', MARCH, new Set());
    const again = computeCaregiverPayments([caregiver()], RULE, '9901', MARCH, new Set(first.lines.map(slotKey)));
    expect(again.lines).toEqual([]);
  });
});

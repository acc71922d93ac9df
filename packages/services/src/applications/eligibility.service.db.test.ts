import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { insertApprovedAssessment } from '@kangyang/test-kit/approved-assessment';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { assessmentsTableExists, currentAssessmentOf } from './current-assessment.repo.ts';

/**
 * POL-4 with the demo profiles on 2026-11-02 (the fake clock's day in Asia/Shanghai); approved
 * assessments are written straight into the assessment module's table.
 */
let context: TestContext;
const district = actorWith('civilAffairsAdmin', '330102');

async function approvedAssessment(
  elderId: string,
  ordinal: number,
  options: { validUntil?: string; dementia?: boolean } = {},
) {
  const countyCode = (await context.services.elders.get(district, elderId)).residenceRegionCode.slice(0, 6);
  await insertApprovedAssessment(context.database, {
    elderId,
    countyCode,
    ordinal,
    validUntil: options.validUntil,
    dementiaDiagnosis: options.dementia,
  });
}

async function elderAged(birthDate: string, overrides: Parameters<typeof buildElder>[0] = {}) {
  return context.services.elders.create(
    district,
    buildElder({ birthDate, hukouRegionCode: '330102', residenceRegionCode: '330102002001', ...overrides }),
  );
}

async function homeCareBed(elderId: string, actor = district, date?: string) {
  const eligibility = await context.services.eligibility.forElder(actor, elderId, date);
  const decision = eligibility.benefits.find((benefit) => benefit.programme === 'homeCareBed');
  if (!decision) throw new Error('profile 001 offers no homeCareBed');
  return { eligibility, decision, codes: decision.reasons.map((reason) => `${reason.clause} ${reason.code}`) };
}

beforeAll(async () => {
  context = await openTestServices();
  await ensureProfiles(context.services);
});
afterAll(async () => context.close());

describe('POL-4 eligibility of a demo elder (profile 001, home care bed 001-r1)', () => {
  it('currentAssessmentOf answers null while no assessment exists', async () => {
    const elder = await elderAged('1950-01-01');
    expect(await assessmentsTableExists(context.database.db)).toBe(true);
    expect(await currentAssessmentOf(context.database.db, elder.id)).toBeNull();
    const { decision, codes, eligibility } = await homeCareBed(elder.id);
    expect(eligibility.profile).toMatchObject({ id: '001', version: 1 });
    expect(eligibility.binding).toMatchObject({ regionCode: '330102', profileId: '001' });
    expect(decision.eligible).toBe(false);
    expect(codes).toEqual(['001-r1 NO_ASSESSMENT']);
  });

  it('001-r1: 60+ with moderate disability and local hukou is eligible, citing the age/level band', async () => {
    const elder = await elderAged('1960-05-01');
    await approvedAssessment(elder.id, 2);
    const { decision, codes, eligibility } = await homeCareBed(elder.id);
    expect(decision.eligible).toBe(true);
    expect(codes).toEqual(['001-r1 AGE_LEVEL_BAND_MET']);
    expect(decision.reasons[0]?.params).toMatchObject({ age: 66, levelOrdinal: 2, minAge: 60, minLevelOrdinal: 2 });
    expect(eligibility.assessment).toMatchObject({ instrument: 'gbt42195-2022', finalLevelOrdinal: 2 });
  });

  it('001-r1: 80+ with mild disability is eligible; 66 with mild disability is not', async () => {
    const old = await elderAged('1944-03-15');
    await approvedAssessment(old.id, 1);
    const oldResult = await homeCareBed(old.id);
    expect(oldResult.decision.eligible).toBe(true);
    expect(oldResult.decision.reasons[0]?.params).toMatchObject({ age: 82, minAge: 80, minLevelOrdinal: 1 });
    const younger = await elderAged('1960-05-01');
    await approvedAssessment(younger.id, 1);
    const youngerResult = await homeCareBed(younger.id);
    expect(youngerResult.decision.eligible).toBe(false);
    expect(youngerResult.codes).toEqual(['001-r1 BELOW_AGE_LEVEL_BANDS']);
  });

  it('001-r1: a non-local hukou refuses with NOT_LOCAL_HUKOU; no recorded hukou never counts as local', async () => {
    const outsider = await elderAged('1950-01-01', { hukouRegionCode: '330106' });
    await approvedAssessment(outsider.id, 3);
    expect((await homeCareBed(outsider.id)).codes).toEqual(['001-r1 NOT_LOCAL_HUKOU']);
    const unknown = await elderAged('1950-01-01', { hukouRegionCode: null });
    await approvedAssessment(unknown.id, 3);
    expect((await homeCareBed(unknown.id)).codes).toEqual(['001-r1 NOT_LOCAL_HUKOU']);
  });

  it('the date parameter decides as of that day: an assessment expired beyond the grace days no longer counts', async () => {
    const elder = await elderAged('1950-01-01');
    await approvedAssessment(elder.id, 2, { validUntil: '2026-09-30' });
    expect((await homeCareBed(elder.id, district, '2026-10-15')).codes).toEqual([
      '001-r1 ASSESSMENT_IN_GRACE',
      '001-r1 AGE_LEVEL_BAND_MET',
    ]);
    expect((await homeCareBed(elder.id)).codes).toEqual(['001-r1 ASSESSMENT_EXPIRED']);
  });

  it('answers 404 for an elder outside the actor scope and audits the denial (AZ-3, AZ-4)', async () => {
    const elder = await elderAged('1950-01-01');
    const otherStreet = actorWith('streetOfficer', '330102001');
    await expect(context.services.eligibility.forElder(otherStreet, elder.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = await context.services.audit.search({ actorId: otherStreet.userId, outcome: 'denied' }, 10, 0);
    expect(denied.items.map((row) => row.action)).toContain('eligibility.read');
    await context.services.eligibility.forElder(district, elder.id);
    const read = await context.services.audit.search({ actorId: district.userId, action: 'eligibility.read' }, 50, 0);
    expect(read.items.some((row) => row.resourceIds.includes(elder.id))).toBe(true);
  });
});

describe('POL-4 across the other demo profiles', () => {
  it('004-r2: a local resident aged 80+ living at home gets free basic home care (age group)', async () => {
    const yuyao = actorWith('civilAffairsAdmin', '330281');
    const elder = await context.services.elders.create(
      yuyao,
      buildElder({
        birthDate: '1945-02-01',
        hukouRegionCode: '330281',
        residenceRegionCode: '330281',
        livingSituation: 'withFamily',
      }),
    );
    const eligibility = await context.services.eligibility.forElder(yuyao, elder.id);
    expect(eligibility.profile?.id).toBe('004');
    const free = eligibility.benefits.find((benefit) => benefit.programme === 'freeBasicHomeCare');
    expect(free?.eligible).toBe(true);
    expect(free?.reasons.map((reason) => `${reason.clause} ${reason.code}`)).toContain('004-r2 AGE_GROUP_MET');
    expect(eligibility.providerBenefits).toEqual([{ programme: 'stationOperatingSubsidy', clause: null }]);
  });

  it('000-r3: without a home care bed the monthly care subsidy is refused; provider benefits cite 000-r1 and 000-r2', async () => {
    const city = actorWith('civilAffairsAdmin', '9901');
    const elder = await context.services.elders.create(
      city,
      buildElder({ birthDate: '1945-02-01', hukouRegionCode: '990102', residenceRegionCode: '990102' }),
    );
    const eligibility = await context.services.eligibility.forElder(city, elder.id);
    expect(eligibility.benefits).toEqual([
      {
        programme: 'homeCareBedCareSubsidy',
        eligible: false,
        reasons: [{ clause: '000-r3', code: 'NO_ACTIVE_HOME_CARE_BED', params: {} }],
      },
    ]);
    expect(eligibility.providerBenefits).toEqual([
      { programme: 'caregiverPostAllowance', clause: '000-r1' },
      { programme: 'homeCareBedSetupGrant', clause: '000-r2' },
    ]);
  });

  it('an elder in a region without a binding gets no profile and no benefits', async () => {
    const hangzhou = actorWith('civilAffairsAdmin', '330106');
    const elder = await context.services.elders.create(
      hangzhou,
      buildElder({ birthDate: '1945-02-01', residenceRegionCode: '330106' }),
    );
    const eligibility = await context.services.eligibility.forElder(hangzhou, elder.id);
    expect(eligibility).toMatchObject({ profile: null, binding: null, benefits: [], providerBenefits: [] });
  });
});

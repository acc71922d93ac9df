import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApplicationCreateBody } from '@kangyang/contracts/application';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { insertApprovedAssessment } from '@kangyang/test-kit/approved-assessment';
import { systemActor } from '../actor.ts';
import { rows } from '../db/database.ts';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { PROFILES_DIR } from '../profiles/profile-files.ts';

/** POL-5 and POL-6 on the demo profiles, on 2026-11-02 (the fake clock's day in Asia/Shanghai). */
let context: TestContext;
const district = actorWith('civilAffairsAdmin', '330102');
const street = actorWith('streetOfficer', '330102002');
const worker = actorWith('communityWorker', '330102002');

async function assessedElder(birthDate: string, ordinal: number, overrides: Parameters<typeof buildElder>[0] = {}) {
  const body = buildElder({ birthDate, hukouRegionCode: '330102', residenceRegionCode: '330102002001', ...overrides });
  const elder = await context.services.elders.create(district, body);
  await insertApprovedAssessment(context.database, {
    elderId: elder.id,
    countyCode: elder.residenceRegionCode.slice(0, 6),
    ordinal,
  });
  return elder;
}

const applyFor = (elderId: string, programme: ApplicationCreateBody['programme'] = 'homeCareBed') =>
  context.services.applications.submit(worker, { elderId, programme, applicantKind: 'communityWorker' });

async function count(table: 'applications' | 'entitlements', elderId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    context.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE elder_id = ${elderId}`,
  );
  return row?.n ?? -1;
}

beforeAll(async () => {
  context = await openTestServices();
  await ensureProfiles(context.services);
});
afterAll(async () => context.close());

describe('POL-5 applications: apply, street review, district approval', () => {
  it('an application with an Idempotency-Key sent twice creates one application (API-4)', async () => {
    const elder = await assessedElder('1955-06-01', 2);
    const body: ApplicationCreateBody = { elderId: elder.id, programme: 'homeCareBed', applicantKind: 'family' };
    const first = await context.services.idempotency.begin(worker.userId, 'apply-key-000000001', 'POST /x', body);
    if (first.kind !== 'new') throw new Error('expected a new claim');
    const created = await context.services.applications.submit(worker, body, first.claim);
    const second = await context.services.idempotency.begin(worker.userId, 'apply-key-000000001', 'POST /x', body);
    expect(second).toMatchObject({ kind: 'replay', status: 201, response: { id: created.id } });
    expect(await count('applications', elder.id)).toBe(1);
    expect(created).toMatchObject({
      state: 'submitted',
      programme: 'homeCareBed',
      profileId: '001',
      submissionDecision: { eligible: true, reasons: [{ clause: '001-r1', code: 'AGE_LEVEL_BAND_MET' }] },
      transitions: [{ seq: 1, action: 'submit', fromState: null, toState: 'submitted', actorId: worker.userId }],
    });
  });

  it('refuses a second open application for the same programme (APPLICATION_DUPLICATE names `programme`)', async () => {
    const elder = await assessedElder('1955-06-01', 2);
    await applyFor(elder.id);
    await expect(applyFor(elder.id)).rejects.toMatchObject({ code: 'APPLICATION_DUPLICATE', field: 'programme' });
    expect(await count('applications', elder.id)).toBe(1);
  });

  it('refuses a programme the bound profile does not offer to persons (PROGRAMME_NOT_OFFERED)', async () => {
    const elder = await assessedElder('1955-06-01', 2);
    await expect(applyFor(elder.id, 'freeBasicHomeCare')).rejects.toMatchObject({
      code: 'PROGRAMME_NOT_OFFERED',
      field: 'programme',
    });
  });

  it('answers 404 to a community worker of another street and writes nothing (AZ-3)', async () => {
    const elder = await assessedElder('1955-06-01', 2);
    const elsewhere = actorWith('communityWorker', '330102001');
    await expect(
      context.services.applications.submit(elsewhere, {
        elderId: elder.id,
        programme: 'homeCareBed',
        applicantKind: 'communityWorker',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await count('applications', elder.id)).toBe(0);
  });

  it('the street passes, the district approves: an entitlement from the approval date citing 001-r1', async () => {
    const elder = await assessedElder('1944-03-15', 1);
    const application = await applyFor(elder.id);
    const passed = await context.services.applications.review(street, application.id, { outcome: 'pass' });
    expect(passed.state).toBe('streetPassed');
    const approved = await context.services.applications.approve(district, application.id, '材料齐全');
    expect(approved.state).toBe('approved');
    expect(approved.transitions.map((step) => [step.action, step.fromState, step.toState, step.actorId])).toEqual([
      ['submit', null, 'submitted', worker.userId],
      ['streetPass', 'submitted', 'streetPassed', street.userId],
      ['approve', 'streetPassed', 'approved', district.userId],
    ]);
    expect(approved.transitions[2]?.reason).toBe('材料齐全');
    const [entitlement] = await context.services.applications.entitlementsOf(district, elder.id);
    expect(entitlement).toMatchObject({
      id: approved.entitlementId,
      programme: 'homeCareBed',
      payeeKind: 'elder',
      payeeId: elder.id,
      startDate: '2026-11-02',
      endDate: null,
      amountFen: null,
      cadence: null,
      clause: '001-r1',
      profileId: '001',
      profileVersion: 1,
      sourceApplicationId: application.id,
      state: 'active',
    });
    expect(entitlement?.sourceDecisionId).toBe(approved.transitions[2]?.decisionId);
    await expect(context.services.applications.approve(district, application.id, undefined)).rejects.toMatchObject({
      code: 'APPLICATION_STATE',
    });
  });

  it('the street refuses with its reason; the district refuses a passed application with its reason', async () => {
    const first = await applyFor((await assessedElder('1960-05-01', 1)).id);
    const refused = await context.services.applications.review(street, first.id, {
      outcome: 'refuse',
      reason: '评估等级不符合 001-r1',
    });
    expect(refused.state).toBe('refused');
    expect(refused.transitions[1]).toMatchObject({ action: 'streetRefuse', reason: '评估等级不符合 001-r1' });
    await expect(context.services.applications.approve(district, first.id, undefined)).rejects.toMatchObject({
      code: 'APPLICATION_STATE',
    });
    const second = await applyFor((await assessedElder('1950-05-01', 2)).id);
    await context.services.applications.review(street, second.id, { outcome: 'pass' });
    const districtRefused = await context.services.applications.refuse(district, second.id, { reason: '预算已满' });
    expect(districtRefused.transitions.map((step) => step.action)).toEqual(['submit', 'streetPass', 'refuse']);
    expect(districtRefused.entitlementId).toBeNull();
  });

  it('approval re-checks eligibility on its date and refuses with the engine reasons (001-r1 NOT_LOCAL_HUKOU)', async () => {
    const elder = await assessedElder('1950-05-01', 3);
    const application = await applyFor(elder.id);
    await context.services.applications.review(street, application.id, { outcome: 'pass' });
    const current = await context.services.elders.get(district, elder.id);
    await context.services.elders.update(district, elder.id, current.version, { hukouRegionCode: '330106' });
    const refusal = await context.services.applications.approve(district, application.id, undefined).catch((e) => e);
    expect(refusal).toMatchObject({
      code: 'APPLICATION_NOT_ELIGIBLE',
      details: { reasons: [{ clause: '001-r1', code: 'NOT_LOCAL_HUKOU' }] },
    });
    const after = await context.services.applications.get(district, application.id);
    expect(after.state).toBe('refused');
    expect(after.transitions[2]).toMatchObject({ action: 'refuse', actorId: district.userId });
    expect(after.transitions[2]?.reason).toContain('001-r1 NOT_LOCAL_HUKOU');
    expect(await count('entitlements', elder.id)).toBe(0);
  });

  it('the inbox lists the actor region only; a region filter outside scope answers 404', async () => {
    const mine = await applyFor((await assessedElder('1950-05-01', 2)).id);
    const otherStreet = actorWith('communityWorker', '330102001');
    const other = await context.services.elders.create(
      district,
      buildElder({ birthDate: '1950-01-01', hukouRegionCode: '330102', residenceRegionCode: '330102001001' }),
    );
    const theirs = await context.services.applications.submit(otherStreet, {
      elderId: other.id,
      programme: 'homeCareBed',
      applicantKind: 'elder',
    });
    const inbox = await context.services.applications.list(street, { state: 'submitted', limit: 200, offset: 0 });
    const ids = inbox.items.map((item) => item.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(inbox.items.every((item) => item.state === 'submitted' && item.regionCode.startsWith('330102002'))).toBe(
      true,
    );
    const districtInbox = await context.services.applications.list(district, { limit: 200, offset: 0 });
    expect(districtInbox.items.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    await expect(
      context.services.applications.list(street, { region: '330281', limit: 20, offset: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('POL-6 re-check on change', () => {
  async function approvedBed(birthDate = '1950-05-01') {
    const elder = await assessedElder(birthDate, 2);
    const application = await applyFor(elder.id);
    await context.services.applications.review(street, application.id, { outcome: 'pass' });
    await context.services.applications.approve(district, application.id, undefined);
    return elder;
  }

  it('a death recorded with a past date ends the entitlement on that date and leaves a review item', async () => {
    const elder = await approvedBed();
    const current = await context.services.elders.get(district, elder.id);
    await context.services.elders.update(district, elder.id, current.version, {
      status: 'deceased',
      statusDate: '2026-10-20',
    });
    expect(await context.services.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const [entitlement] = await context.services.applications.entitlementsOf(district, elder.id);
    expect(entitlement).toMatchObject({ state: 'ended', endDate: '2026-10-20', endReason: 'deceased' });
    expect(entitlement?.reviews).toEqual([
      expect.objectContaining({ trigger: 'statusChange', action: 'ended', endDate: '2026-10-20', state: 'open' }),
    ]);
    const again = await context.services.entitlementRecheck.recheckElder(elder.id, 'manual');
    expect(again).toEqual({ ended: [], flagged: [] });
  });

  it('a change that makes the elder ineligible flags the entitlement for review without ending it', async () => {
    const elder = await approvedBed();
    const current = await context.services.elders.get(district, elder.id);
    await context.services.elders.update(district, elder.id, current.version, { hukouRegionCode: '330106' });
    await context.services.jobs.runDue();
    const [entitlement] = await context.services.applications.entitlementsOf(district, elder.id);
    expect(entitlement).toMatchObject({ state: 'flagged', endDate: null });
    expect(entitlement?.reviews[0]).toMatchObject({ trigger: 'elderUpdate', action: 'flagged', state: 'open' });
    expect(entitlement?.reviews[0]?.details).toMatchObject({
      reasons: [{ clause: '001-r1', code: 'NOT_LOCAL_HUKOU' }],
    });
  });

  it('an unrelated change (the address) enqueues no re-check', async () => {
    const elder = await approvedBed();
    const current = await context.services.elders.get(district, elder.id);
    await context.services.elders.update(district, elder.id, current.version, { address: '新地址 1 号' });
    const [job] = await rows<{ n: number }>(
      context.database.db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'entitlement.recheck' AND payload->>'elderId' = ${elder.id}`,
    );
    expect(job?.n).toBe(0);
  });
});

describe('POL-1/POL-5 a new profile version pays from its date; money entitlements carry amount and clause', () => {
  it('000 version 2 adds a home care bed (000-r4); with a bed the 000-r3 subsidy is 60000 fen a month', async () => {
    const profile = JSON.parse(readFileSync(join(PROFILES_DIR, '000.json'), 'utf8')) as Record<string, unknown>;
    const rules = profile['rules'] as Record<string, unknown>;
    const bed = JSON.parse(readFileSync(join(PROFILES_DIR, '001.json'), 'utf8')) as { rules: Record<string, unknown> };
    const v2 = {
      ...profile,
      version: 2,
      effectiveFrom: '2026-01-01',
      benefits: [...(profile['benefits'] as string[]), 'homeCareBed'],
      rules: {
        ...rules,
        homeCareBedEligibility: { ...(bed.rules['homeCareBedEligibility'] as object), clause: '000-r4' },
        descriptive: (rules['descriptive'] as { clause: string }[]).filter((rule) => rule.clause !== '000-r4'),
      },
    };
    expect(await context.services.profiles.load(systemActor(), v2)).toMatchObject({ version: 2, status: 'created' });
    const city = actorWith('civilAffairsAdmin', '9901');
    const cityWorker = actorWith('communityWorker', '990102');
    const elder = await context.services.elders.create(
      city,
      buildElder({ birthDate: '1950-01-01', hukouRegionCode: '990102', residenceRegionCode: '990102' }),
    );
    await insertApprovedAssessment(context.database, { elderId: elder.id, countyCode: '990102', ordinal: 2 });
    const decide = (programme: 'homeCareBed' | 'homeCareBedCareSubsidy') =>
      context.services.applications.submit(cityWorker, { elderId: elder.id, programme, applicantKind: 'elder' });
    const bedApplication = await decide('homeCareBed');
    expect(bedApplication.profileVersion).toBe(2);
    const reviewer = actorWith('streetOfficer', '990102');
    await context.services.applications.review(reviewer, bedApplication.id, { outcome: 'pass' });
    await context.services.applications.approve(city, bedApplication.id, undefined);
    const subsidy = await decide('homeCareBedCareSubsidy');
    expect(subsidy.submissionDecision).toMatchObject({ eligible: true, reasons: [{ clause: '000-r3' }] });
    await context.services.applications.review(reviewer, subsidy.id, { outcome: 'pass' });
    await context.services.applications.approve(city, subsidy.id, undefined);
    const entitlements = await context.services.applications.entitlementsOf(city, elder.id);
    const byProgramme = [...entitlements].sort((left, right) => left.programme.localeCompare(right.programme));
    expect(byProgramme.map((item) => [item.programme, item.amountFen, item.cadence, item.clause])).toEqual([
      ['homeCareBed', null, null, '000-r4'],
      ['homeCareBedCareSubsidy', 60000, 'monthly', '000-r3'],
    ]);
    const before = await context.services.eligibility.forElder(city, elder.id, '2025-12-31');
    expect(before.profile?.version).toBe(1);
    expect(before.benefits.map((benefit) => benefit.programme)).toEqual(['homeCareBedCareSubsidy']);
  });
});

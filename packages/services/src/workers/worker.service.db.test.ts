import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { insertOrganisation } from '../ledger/synthetic-data.ts';

let context: TestContext;
let institutionId = '';
let stationId = '';
const cityAdmin = actorWith('civilAffairsAdmin', '9901');
const cityApprover = actorWith('civilAffairsAdmin', '9901');

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  await ensureProfiles({ profiles: context.services.profiles });
  const createdAt = context.clock.now();
  institutionId = await insertOrganisation(context.database.db, {
    name: '示范区颐养院',
    kind: 'institution',
    regionCode: '990102',
    createdAt,
  });
  stationId = await insertOrganisation(context.database.db, {
    name: '东城区居家服务站',
    kind: 'station',
    regionCode: '990103',
    createdAt,
  });
});
afterAll(async () => context.close());

const caregiver = (organisationId: string, name: string) => ({
  name,
  phone: '13800138000',
  organisationId,
  staffRole: 'caregiver' as const,
  employedFrom: '2024-01-01',
});

describe('WRK-1, WRK-2 workers and certificates (glossary §7)', () => {
  it("registers a worker at the employer's region, phone encrypted and masked, certified derived from certificates", async () => {
    const worker = await context.services.workers.create(cityAdmin, caregiver(institutionId, '王护理'));
    expect(worker).toMatchObject({ regionCode: '990102', phone: '138****8000', certified: false, skillLevel: null });
    const certified = await context.services.workers.addCertificate(cityAdmin, worker.id, {
      skillLevel: 'senior',
      certificateNumber: 'S-0001',
      issuedOn: '2025-01-01',
      expiresOn: '2030-12-31',
    });
    expect(certified).toMatchObject({ certified: true, skillLevel: 'senior' });
    await expect(
      context.services.workers.addCertificate(cityAdmin, worker.id, {
        skillLevel: 'junior',
        certificateNumber: 'S-0001',
        issuedOn: '2025-01-01',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'certificateNumber' });
  });

  it('scopes an institution manager to their own organisation (AZ-8 org)', async () => {
    const manager = actorWith('institutionManager', '990102', institutionId);
    const own = await context.services.workers.create(manager, caregiver(institutionId, '李护理'));
    await expect(context.services.workers.create(manager, caregiver(stationId, '赵护理'))).rejects.toMatchObject({
      code: 'REGION_OUT_OF_SCOPE',
    });
    const other = await context.services.workers.create(cityAdmin, caregiver(stationId, '钱护理'));
    await expect(context.services.workers.get(manager, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = await context.services.workers.list(manager, { limit: 50, offset: 0 });
    expect(listed.items.map((item) => item.organisationId)).toEqual(listed.items.map(() => institutionId));
    expect(listed.items.map((item) => item.id)).toContain(own.id);
  });

  it("records a month's attendance and corrects it (WRK-4), refusing more days than the month has", async () => {
    const worker = await context.services.workers.create(cityAdmin, caregiver(institutionId, '孙护理'));
    const first = await context.services.workers.recordAttendance(cityAdmin, worker.id, '2026-02', {
      daysWorked: 10,
      continuingEducation: false,
    });
    const fixed = await context.services.workers.recordAttendance(cityAdmin, worker.id, '2026-02', {
      daysWorked: 20,
      continuingEducation: true,
    });
    expect([first.version, fixed.version, fixed.daysWorked, fixed.continuingEducation]).toEqual([1, 2, 20, true]);
    await expect(
      context.services.workers.recordAttendance(cityAdmin, worker.id, '2026-02', {
        daysWorked: 29,
        continuingEducation: false,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'daysWorked' });
  });
});

describe('SUB-4 caregiver post allowance from skill level and attendance (000-r1)', () => {
  it("pays certified institution caregivers with enough attendance, the city's 50 % as its own line", async () => {
    const paid = await context.services.workers.create(cityAdmin, caregiver(institutionId, '周护理'));
    await context.services.workers.addCertificate(cityAdmin, paid.id, {
      skillLevel: 'technician',
      certificateNumber: 'T-1',
      issuedOn: '2025-06-01',
    });
    await context.services.workers.recordAttendance(cityAdmin, paid.id, '2026-02', {
      daysWorked: 22,
      continuingEducation: true,
    });
    const short = await context.services.workers.create(cityAdmin, caregiver(institutionId, '吴护理'));
    await context.services.workers.addCertificate(cityAdmin, short.id, {
      skillLevel: 'junior',
      certificateNumber: 'J-1',
      issuedOn: '2025-06-01',
    });
    await context.services.workers.recordAttendance(cityAdmin, short.id, '2026-02', {
      daysWorked: 14,
      continuingEducation: false,
    });
    const atStation = await context.services.workers.create(cityAdmin, caregiver(stationId, '郑护理'));
    await context.services.workers.addCertificate(cityAdmin, atStation.id, {
      skillLevel: 'senior',
      certificateNumber: 'S-9',
      issuedOn: '2025-06-01',
    });
    await context.services.workers.recordAttendance(cityAdmin, atStation.id, '2026-02', {
      daysWorked: 22,
      continuingEducation: false,
    });

    const run = await context.services.ledger.startRun(cityAdmin, {
      regionCode: '9901',
      programme: 'caregiverPostAllowance',
      month: '2026-02',
    });
    expect(run.totals.byPayer).toEqual([
      { payer: 'city', lines: 1, amountFen: 40000 },
      { payer: 'county', lines: 1, amountFen: 40000 },
    ]);
    expect(run.totals.byRegion).toEqual([{ regionCode: '990102', lines: 2, amountFen: 80000 }]);
    const approved = await context.services.ledger.approveRun(cityApprover, run.id);
    expect(approved.status).toBe('approved');
    expect((await context.services.ledger.verify()).ok).toBe(true);
  });

  it('refuses the allowance where no profile is bound (PROFILE_NOT_BOUND)', async () => {
    const provinceAdmin = actorWith('civilAffairsAdmin', '37');
    await expect(
      context.services.ledger.startRun(provinceAdmin, {
        regionCode: '3714',
        programme: 'caregiverPostAllowance',
        month: '2026-02',
      }),
    ).rejects.toMatchObject({ code: 'PROGRAMME_NOT_OFFERED' });
    await expect(
      context.services.ledger.startRun(provinceAdmin, {
        regionCode: '37',
        programme: 'caregiverPostAllowance',
        month: '2026-02',
      }),
    ).rejects.toMatchObject({ code: 'PROFILE_NOT_BOUND' });
  });
});

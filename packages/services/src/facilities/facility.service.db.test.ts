import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import type { IndicatorList } from '@kangyang/contracts/indicators';
import type { FacilityAttributesBody } from '@kangyang/contracts/facilities';
import { demoDistrictRegions } from '../generator/regions-data.ts';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { insertOrganisation } from '../ledger/synthetic-data.ts';
import { insertFixtureWorkers } from '../indicators/indicator-fixtures.ts';

/**
 * Facility attributes and designations (migration 0031) and the indicators computed from them.
 * Fixture in district 330102 (hand-computed values in each test):
 *   S1 institution, community A (street 002): public, v1 100/60/70 beds, then v2 120 total, 70 nursing, 80 occupied
 *   S2 institution, community B (street 001): private, 50 total, 20 nursing, 30 occupied
 *   S3 community centre, A: 2 meal-delivery vehicles; S4 canteen, B: 3 vehicles
 *   designations: S1 smartCareHome 2026-01-10 and medicalCareDemoInstitution; S2 smartCareHome 2026-02-01,
 *   revoked 2026-03-01; S3 centreUpgraded; communities A and B dementia-friendly; A model elder-friendly
 *   two social workers of an institution organisation.
 */
let context: TestContext;
const admin = actorWith('civilAffairsAdmin', '330102');
const street001 = actorWith('streetOfficer', '330102001');
const communities = demoDistrictRegions(4).filter((region) => region.level === 'community');
const inStreet = (street: string) => communities.find((region) => region.parentCode === street)?.code ?? '';
const commA = inStreet('330102002');
const commB = inStreet('330102001');
const sites: Record<'s1' | 's2' | 's3' | 's4', string> = { s1: '', s2: '', s3: '', s4: '' };

const item = (list: IndicatorList, id: string) => {
  const found = list.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const figures = (over: Partial<FacilityAttributesBody>): FacilityAttributesBody => ({
  version: 0,
  bedsTotal: null,
  nursingBeds: null,
  occupiedBeds: null,
  ownership: null,
  mealDeliveryVehicles: null,
  document: '杭民发〔2026〕1号',
  ...over,
});
const designation = (name: string, designatedOn: string) => ({
  designation: name,
  designatedOn,
  authority: '杭州市民政局',
  document: `杭民函〔2026〕${designatedOn.slice(5, 7)}号`,
});
const list = (profileId: string, region = '330102') =>
  context.services.indicators.list(admin, profileId as '001', { region });

async function createSite(kind: string, regionCode: string): Promise<string> {
  const site = await context.services.meals.createSite(admin, {
    name: `测试${kind}`,
    kind: kind as 'institution',
    regionCode,
    location: { lng: 120.17, lat: 30.25 },
    serviceRadiusM: 1000,
    openingHours: {},
    offersMeals: false,
    offersDelivery: false,
    openedOn: '2020-01-01',
  });
  return site.id;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  await ensureProfiles(context.services);
  sites.s1 = await createSite('institution', commA);
  sites.s2 = await createSite('institution', commB);
  sites.s3 = await createSite('communityCentre', commA);
  sites.s4 = await createSite('canteen', commB);
  const organisationId = await insertOrganisation(context.database.db, {
    name: '测试养老院',
    kind: 'institution',
    regionCode: '330102',
    createdAt: context.clock.now(),
  });
  await insertFixtureWorkers(
    context.database.db,
    [
      { organisationId, regionCode: commA, staffRole: 'socialWorker' },
      { organisationId, regionCode: commB, staffRole: 'socialWorker' },
    ],
    context.clock.now(),
  );
});

afterAll(async () => {
  await context?.close();
});

describe('declared figures before facility records exist', () => {
  it('004-14 shows the typed entry while no facility records exist; 000-4 names its records as missing', async () => {
    await context.services.indicators.report(admin, '004', '004-14', { regionCode: '330102', year: 2026, value: 22 });
    await context.services.rollupRefresh.refresh('test', ['2026-03']);
    const plan = await list('004');
    expect(item(plan, '004-14')).toMatchObject({ value: 22, valueFrom: 'entered', missingSource: null });
    expect(item(plan, '004-12').missingSource?.records).toEqual(['facilities']);
    expect(item(await list('000'), '000-4').missingSource?.records).toEqual(['designations', 'declaration']);
  });
});

describe('facility attributes and designations (BED-1)', () => {
  it('saves attribute versions with history, refusing a stale version and inconsistent beds', async () => {
    const { facilities } = context.services;
    const v1 = { bedsTotal: 100, nursingBeds: 60, occupiedBeds: 70, ownership: 'public' as const };
    await facilities.saveAttributes(admin, sites.s1, figures(v1));
    await expect(facilities.saveAttributes(admin, sites.s1, figures(v1))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      field: 'version',
    });
    await expect(
      facilities.saveAttributes(admin, sites.s1, figures({ ...v1, version: 1, nursingBeds: 101 })),
    ).rejects.toMatchObject({ code: 'FACILITY_BEDS_INCONSISTENT', field: 'nursingBeds' });
    const saved = await facilities.saveAttributes(
      admin,
      sites.s1,
      figures({ ...v1, version: 1, bedsTotal: 120, nursingBeds: 70, occupiedBeds: 80 }),
    );
    expect(saved).toMatchObject({ version: 2, bedsTotal: 120, changedBy: admin.displayName });
    const more = [
      [sites.s2, { bedsTotal: 50, nursingBeds: 20, occupiedBeds: 30, ownership: 'private' as const }],
      [sites.s3, { mealDeliveryVehicles: 2 }],
      [sites.s4, { mealDeliveryVehicles: 3 }],
    ] as const;
    for (const [site, values] of more) await facilities.saveAttributes(admin, site, figures(values));
    const detail = await facilities.detail(admin, sites.s1);
    expect(detail.history.map((row) => [row.version, row.bedsTotal])).toEqual([
      [2, 120],
      [1, 100],
    ]);
    const failure: unknown = await context.database.db
      .execute(sql`UPDATE facility_attribute_versions SET beds_total = 1`)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(String((failure as { cause?: unknown } | undefined)?.cause ?? failure)).toMatch(/append-only/);
  });

  it('declares and revokes designations, keeping both, and refuses ones that do not fit', async () => {
    const { facilities } = context.services;
    await facilities.designateSite(admin, sites.s1, designation('smartCareHome', '2026-01-10'));
    await facilities.designateSite(admin, sites.s1, designation('medicalCareDemoInstitution', '2025-11-01'));
    const s2 = await facilities.designateSite(admin, sites.s2, designation('smartCareHome', '2026-02-01'));
    await facilities.designateSite(admin, sites.s3, designation('centreUpgraded', '2025-12-01'));
    await facilities.designateRegion(admin, commA, designation('dementiaFriendlyCommunity', '2025-10-01'));
    await facilities.designateRegion(admin, commB, designation('dementiaFriendlyCommunity', '2025-10-01'));
    await facilities.designateRegion(admin, commA, designation('modelElderFriendlyCommunity', '2025-10-01'));
    await expect(
      facilities.designateSite(admin, sites.s4, designation('smartCareHome', '2026-01-01')),
    ).rejects.toMatchObject({ code: 'DESIGNATION_NOT_APPLICABLE', field: 'designation' });
    await expect(
      facilities.designateSite(admin, sites.s1, designation('smartCareHome', '2026-02-01')),
    ).rejects.toMatchObject({ code: 'DESIGNATION_ALREADY_ACTIVE', field: 'designation' });
    const revoked = await facilities.revoke(admin, s2.id, { reason: '复核不达标', revokedOn: '2026-03-01' });
    expect(revoked.revocation).toMatchObject({ revokedOn: '2026-03-01', reason: '复核不达标' });
    await expect(facilities.revoke(admin, s2.id, { reason: '再次' })).rejects.toMatchObject({
      code: 'DESIGNATION_ALREADY_REVOKED',
    });
    const detail = await facilities.detail(admin, sites.s2);
    expect(detail.designations).toEqual([]);
    expect(detail.designationHistory).toHaveLength(1);
    const regionList = await facilities.regionDesignations(admin, '330102');
    expect(regionList.total).toBe(3);
  });

  it("is region-scoped: a street officer reads their street's facilities only, 404 elsewhere, and cannot write", async () => {
    const { facilities } = context.services;
    const own = await facilities.list(street001, { region: '330102001' });
    expect(own.items.map((row) => row.id).sort()).toEqual([sites.s2, sites.s4].sort());
    expect(own.items.find((row) => row.id === sites.s2)?.attributes?.bedsTotal).toBe(50);
    await expect(facilities.detail(street001, sites.s1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(facilities.list(street001, { region: '330102002' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(facilities.saveAttributes(street001, sites.s2, figures({ version: 1 }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('indicators computed from facility records (hand-computed)', () => {
  beforeAll(async () => {
    await context.services.rollupRefresh.refresh('test', ['2026-02', '2026-03']);
  });

  it('000-3 / 001-4 nursing-bed share = (70 + 20) / (120 + 50) = 5294 bp', async () => {
    expect(item(await list('000'), '000-3')).toMatchObject({ value: 5294, numerator: 90, denominator: 170 });
    expect(item(await list('001'), '001-4')).toMatchObject({ value: 5294, numerator: 90, denominator: 170 });
  });

  it('004-12 public-bed utilisation reads the public institution only: 80 / 120 = 6667 bp', async () => {
    expect(item(await list('004'), '004-12')).toMatchObject({ value: 6667, numerator: 80, denominator: 120 });
  });

  it('001-10 social workers per institution bed: 170 beds / 2 workers = 1 per 85', async () => {
    expect(item(await list('001'), '001-10')).toMatchObject({ value: 85, numerator: 2, denominator: 170 });
  });

  it('004-14 vehicles 2 + 3 = 5 from records win over the typed 22', async () => {
    expect(item(await list('004'), '004-14')).toMatchObject({ value: 5, valueFrom: 'records' });
  });

  it('000-4 smart care homes: 1 in March (S2 revoked on 03-01), 2 at the end of February; 000-5 is 0', async () => {
    const plan = await list('000');
    expect(item(plan, '000-4')).toMatchObject({ value: 1, valueFrom: 'records' });
    expect(item(plan, '000-5')).toMatchObject({ value: 0, valueFrom: 'records' });
    const trend = await context.services.indicators.trend(admin, '000', '000-4', {
      region: '330102',
      from: '2026-02',
      to: '2026-03',
    });
    expect(trend.points.map((point) => point.value)).toEqual([2, 1]);
  });

  it('001-7 dementia-friendly communities 2 (street 002: 1); 001-15 upgraded centres 1; 002-5 1; 003-6 1', async () => {
    expect(item(await list('001'), '001-7').value).toBe(2);
    expect(item(await list('001', '330102002'), '001-7').value).toBe(1);
    expect(item(await list('001'), '001-15').value).toBe(1);
    expect(item(await list('002'), '002-5').value).toBe(1);
    expect(item(await list('003'), '003-6').value).toBe(1);
  });

  it('002-2 and 003-7 have no facility source and keep the entered figure or name the declaration missing', async () => {
    expect(item(await list('002'), '002-2').missingSource?.records).toEqual(['declaration']);
    expect(item(await list('003'), '003-7').missingSource?.records).toEqual(['declaration']);
  });

  it('the overview counts institution beds 170, occupied 30 + 80 = 110, occupancy 6471 bp', async () => {
    const overview = await context.services.overview.overview(admin, '330102');
    expect(overview.beds).toMatchObject({ total: 170, occupied: 110, occupancyBasisPoints: 6471, missingSource: null });
  });
});

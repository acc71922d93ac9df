import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRecordsQuery } from '@kangyang/contracts/indicator-records';
import type { IndicatorList } from '@kangyang/contracts/indicators';
import type { ProfileId } from '@kangyang/contracts/profile-common';
import { haversineMetres } from '@kangyang/domain/service-circle';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import type { Actor } from '../actor.ts';
import { insertEntitlements, insertOrganisation } from '../ledger/synthetic-data.ts';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { insertFixtureWorkers } from './indicator-fixtures.ts';

/**
 * KPI-3: the records behind a number are the rows the rollup counted. Fixture: street 330102002
 * (community A) has a street centre, a canteen, three home care beds and two caregivers (one
 * certificate expired); street 330102001 (community B) has none of the sites, one bed, one caregiver.
 */
let context: TestContext;
const district = actorWith('civilAffairsAdmin', '330102');
const street = actorWith('streetOfficer', '330102002');
const institution = actorWith('institutionManager', '330102', '00000000-0000-7000-8000-00000000a001');
const A = '330102002001';
const B = '330102001001';
const site = { lng: 120.17, lat: 30.25 };
const lngAt = (metres: number) => site.lng + metres / haversineMetres(site.lat, 0, site.lat, 1);

const query = (overrides: Partial<IndicatorRecordsQuery> = {}): IndicatorRecordsQuery => ({
  set: 'counted',
  page: 1,
  pageSize: 50,
  ...overrides,
});
const records = (actor: Actor, profile: string, id: string, overrides: Partial<IndicatorRecordsQuery> = {}) =>
  context.services.indicatorRecords.records(actor, profile as ProfileId, id, query(overrides));
const indicator = async (profile: string, id: string, region: string) => {
  const list: IndicatorList = await context.services.indicators.list(district, profile as ProfileId, { region });
  const found = list.items.find((item) => item.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

async function createSites(): Promise<void> {
  const base = { location: site, openingHours: {}, offersDelivery: false };
  for (const [name, kind] of [
    ['示范街道中心', 'streetCentre'],
    ['长者食堂', 'canteen'],
  ] as const)
    await context.services.meals.createSite(district, {
      ...base,
      name,
      kind,
      regionCode: A,
      serviceRadiusM: 1000,
      offersMeals: kind === 'canteen',
    });
}

async function createElders(): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, [region, metres]] of (
    [
      [A, 200],
      [A, 1500],
      [A, 3000],
      [B, 2500],
      [B, null],
    ] as const
  ).entries()) {
    const body = buildElder({
      name: `记录${'甲乙丙丁戊'[index] ?? '己'}某`,
      residenceRegionCode: region,
      location: metres === null ? null : { lng: lngAt(metres), lat: site.lat },
    });
    ids.push((await context.services.elders.create(district, body)).id);
  }
  return ids;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  const { services, database, clock } = context;
  await ensureProfiles(services);
  await createSites();
  const elders = await createElders();
  const bed = (index: number, regionCode: string, programme = 'homeCareBed') => ({
    elderId: elders[index] ?? '',
    regionCode,
    programme,
    payeeKind: 'elder' as const,
    payeeId: elders[index] ?? '',
    startDate: '2025-06-01',
    amountFen: 0,
    cadence: 'oneTime' as const,
    clause: '001-17',
  });
  // elder 0 has two bed programmes: counted once
  await insertEntitlements(
    database.db,
    [bed(0, A), bed(0, A, 'homeCareBedSetupGrant'), bed(1, A), bed(2, A), bed(3, B)],
    clock.now(),
  );
  const organisationId = await insertOrganisation(database.db, {
    name: '记录测试机构',
    kind: 'institution',
    regionCode: '330102',
    createdAt: clock.now(),
  });
  await insertFixtureWorkers(
    database.db,
    [
      { organisationId, regionCode: A, staffRole: 'caregiver', certificate: { issuedOn: '2024-01-01' } },
      {
        organisationId,
        regionCode: A,
        staffRole: 'caregiver',
        certificate: { issuedOn: '2020-01-01', expiresOn: '2025-12-31' },
      },
      { organisationId, regionCode: B, staffRole: 'caregiver', certificate: { issuedOn: '2024-01-01' } },
    ],
    clock.now(),
  );
  await services.coverage.refresh(district, '330102');
  await services.rollupRefresh.refresh('test', ['2026-03']);
});
afterAll(async () => context?.close());

describe('KPI-3 records behind the number equal the rollup', () => {
  it('001-17 home care beds: one row per elder and region, as many as the count', async () => {
    for (const region of ['330102', '330102002', '330102001']) {
      const [value, page] = await Promise.all([
        indicator('001', '001-17', region),
        records(district, '001', '001-17', { region }),
      ]);
      expect(page.total).toBe(value.value);
      expect(new Set(page.items.map((row) => row.id)).size).toBe(page.total);
    }
    expect((await indicator('001', '001-17', '330102')).value).toBe(4);
  });

  it('000-2 certified caregivers: the numerator, expired certificates left out', async () => {
    const value = await indicator('000', '000-2', '330102');
    const page = await records(district, '000', '000-2', { region: '330102' });
    expect(value.numerator).toBe(2);
    expect(page.total).toBe(value.numerator);
    expect(page.kind).toBe('worker');
  });

  it('001-13 street centres and 001-14 meal communities: counted plus uncounted make the denominator', async () => {
    for (const id of ['001-13', '001-14']) {
      const value = await indicator('001', id, '330102');
      const counted = await records(district, '001', id, { region: '330102' });
      const uncounted = await records(district, '001', id, { region: '330102', set: 'uncounted' });
      expect(counted.total).toBe(value.numerator);
      expect(counted.total).toBeGreaterThan(0);
      expect(counted.total + uncounted.total).toBe(value.denominator);
      expect(counted.items.every((row) => Number(row.values.sites) > 0)).toBe(true);
      expect(uncounted.items.every((row) => row.values.sites === 0)).toBe(true);
    }
  });

  it('001-12 officer coverage and 004-3 regional centres: counted plus uncounted make the denominator', async () => {
    for (const [profile, id] of [
      ['001', '001-12'],
      ['004', '004-3'],
    ] as const) {
      const value = await indicator(profile, id, '330102');
      const counted = await records(district, profile, id, { region: '330102' });
      const uncounted = await records(district, profile, id, { region: '330102', set: 'uncounted' });
      expect(counted.total).toBe(value.numerator);
      expect(counted.total + uncounted.total).toBe(value.denominator);
      expect(uncounted.total).toBeGreaterThan(0);
    }
    // 001-9 needs training attendance, which the fixture has none of: the number is missing, the list empty
    expect((await indicator('001', '001-9', '330102')).value).toBeNull();
    expect((await records(district, '001', '001-9', { region: '330102' })).total).toBe(0);
  });

  it('002-6 canteens and 001-16 uncovered elders (located − covered)', async () => {
    const canteens = await records(district, '002', '002-6', { region: '330102' });
    expect(canteens.total).toBe((await indicator('002', '002-6', '330102')).value);
    expect(canteens.items[0]?.values.name).toBe('长者食堂');
    const circle = await indicator('001', '001-16', '330102');
    const uncovered = await records(district, '001', '001-16', { region: '330102', set: 'uncounted' });
    expect(uncovered.total).toBe((circle.denominator ?? 0) - (circle.numerator ?? 0));
    expect(uncovered.total).toBeGreaterThan(0);
    await expect(records(district, '001', '001-16', { region: '330102' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'set',
    });
  });
});

describe('KPI-3 records: personal data, scope and paging', () => {
  it('masks names, shows no ID number and audits the read with the returned ids', async () => {
    const reader = actorWith('civilAffairsAdmin', '330102');
    const page = await records(reader, '001', '001-17', { region: '330102' });
    expect(page.masked).toBe(true);
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/记录[甲乙丙丁戊]某/);
    expect(text).not.toMatch(/idNumber|\d{17}[\dX]/);
    expect(page.items.map((row) => row.values.name)).toContain('记***');
    const audit = await context.services.audit.search({ actorId: reader.userId }, 10, 0);
    expect(audit.items[0]).toMatchObject({ action: 'indicator.records', resourceType: 'elder', outcome: 'success' });
    expect([...(audit.items[0]?.resourceIds ?? [])].sort()).toEqual(page.items.map((row) => row.id).sort());
  });

  it("limits a street officer to their street's records; other regions are 404", async () => {
    const own = await records(street, '001', '001-17');
    expect(own.regionCode).toBe('330102002');
    expect(own.total).toBe(3);
    expect(own.items.every((row) => String(row.values.region).length > 0)).toBe(true);
    await expect(records(street, '001', '001-17', { region: '330102001' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(records(street, '001', '001-17', { region: '330102' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses aggregate-only roles with a coded 403 and audits the denial', async () => {
    await expect(records(institution, '001', '001-17', { region: '330102' })).rejects.toMatchObject({
      code: 'INDICATOR_RECORDS_FORBIDDEN',
    });
    // a street officer holds no worker:read: caregivers stay aggregate for them
    await expect(records(street, '000', '000-2')).rejects.toMatchObject({ code: 'INDICATOR_RECORDS_FORBIDDEN' });
    const audit = await context.services.audit.search({ actorId: institution.userId }, 10, 0);
    expect(audit.items[0]).toMatchObject({ action: 'indicator.records', outcome: 'denied' });
    // reported indicators have no records behind them
    await expect(records(district, '001', '001-21', { region: '330102' })).rejects.toMatchObject({
      code: 'INDICATOR_RECORDS_NONE',
    });
  });

  it('pages through the set without overlap', async () => {
    const first = await records(district, '001', '001-17', { region: '330102', pageSize: 2 });
    const second = await records(district, '001', '001-17', { region: '330102', pageSize: 2, page: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.total).toBe(first.total);
    const ids = [...first.items, ...second.items].map((row) => row.id);
    expect(new Set(ids).size).toBe(first.total);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import type { IndicatorList } from '@kangyang/contracts/indicators';
import { demoDistrictRegions } from '../generator/regions-data.ts';
import { ensureProfiles } from '../profiles/ensure-profiles.ts';
import { insertEntitlements, insertOrganisation } from '../ledger/synthetic-data.ts';
import { insertFixtureWorkers } from './indicator-fixtures.ts';

let context: TestContext;
const admin = actorWith('civilAffairsAdmin', '330102');
const communities = demoDistrictRegions(4).filter((region) => region.level === 'community');
const areas = demoDistrictRegions(4).filter((region) => region.level === 'street' || region.level === 'community');
const inStreet = (street: string) => communities.find((region) => region.parentCode === street)?.code ?? '';
const commA = inStreet('330102002');
const commB = inStreet('330102001');
const streetOfficer = actorWith('streetOfficer', '330102002');

const item = (list: IndicatorList, id: string) => {
  const found = list.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  const { services, database, clock } = context;
  await ensureProfiles(services);
  const elders: string[] = [];
  for (const [region, birthDate] of [
    [commA, '1944-03-15'],
    [commA, '1960-01-01'],
    [commA, '1930-05-01'],
    [commB, '1950-07-07'],
    [commB, '1941-12-31'],
  ] as const)
    elders.push((await services.elders.create(admin, buildElder({ residenceRegionCode: region, birthDate }))).id);
  const bed = (index: number, regionCode: string, endDate: string | null = null) => ({
    elderId: elders[index] ?? '',
    regionCode,
    programme: 'homeCareBed',
    payeeKind: 'elder' as const,
    payeeId: elders[index] ?? '',
    startDate: '2025-06-01',
    endDate,
    amountFen: 0,
    cadence: 'oneTime' as const,
    clause: '001-17',
  });
  await insertEntitlements(
    database.db,
    [bed(0, commA), bed(1, commA), bed(2, commA, '2026-01-31'), bed(3, commB)],
    clock.now(),
  );
  const organisationId = await insertOrganisation(database.db, {
    name: '测试机构',
    kind: 'institution',
    regionCode: '330102',
    createdAt: clock.now(),
  });
  await insertFixtureWorkers(
    database.db,
    [
      { organisationId, regionCode: commA, staffRole: 'socialWorker', certificate: { issuedOn: '2024-01-01' } },
      {
        organisationId,
        regionCode: commA,
        staffRole: 'socialWorker',
        certificate: { issuedOn: '2020-01-01', expiresOn: '2025-12-31' },
      },
      { organisationId, regionCode: commB, staffRole: 'socialWorker', certificate: { issuedOn: '2024-01-01' } },
      { organisationId, regionCode: commA, staffRole: 'elderCareOfficer' },
      { organisationId, regionCode: '330102001', staffRole: 'elderCareOfficer' },
      { organisationId, regionCode: commB, staffRole: 'elderCareOfficer', employedTo: '2025-12-31' },
    ],
    clock.now(),
  );
  await services.rollupRefresh.refresh('test', ['2026-03']);
});
afterAll(async () => context.close());

describe('KPI-1 indicator formulas on a small fixture (plan 001, district 330102)', () => {
  it('answers {items, total} with every indicator of the plan', async () => {
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    expect(list.total).toBe(21);
    expect(list.items).toHaveLength(21);
    expect(list.lastRefreshedAt).not.toBeNull();
  });

  it('001-17 counts home care beds accepted to date, ended ones included', async () => {
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    // 3 beds in community A (one ended in January) + 1 in community B
    expect(item(list, '001-17')).toMatchObject({ value: 4, target: { value: 500, year: 2022 }, status: 'missed' });
  });

  it('001-11 divides elders by certified social workers (expired certificates do not count)', async () => {
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    // 5 elders ÷ 2 certified social workers = 2.5 → "1 per 3"
    expect(item(list, '001-11')).toMatchObject({ value: 3, numerator: 2, denominator: 5, status: 'met' });
  });

  it('001-12 is the share of streets and communities with a serving elder-care officer', async () => {
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    // community A and street 001 have an officer; the officer of community B left in 2025
    const expected = Math.round((2 / areas.length) * 10_000);
    expect(item(list, '001-12')).toMatchObject({ value: expected, numerator: 2, denominator: areas.length });
  });

  it('names the missing records instead of a zero (KPI-10)', async () => {
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    expect(item(list, '001-9')).toMatchObject({
      value: null,
      status: null,
      missingSource: { records: ['attendance'] },
    });
    expect(item(list, '001-21').missingSource?.records).toEqual(['reportedValue']);
    for (const entry of list.items) expect(entry.value === null).toBe(entry.missingSource !== null);
  });
});

describe('KPI-3 roll-up and scope', () => {
  it('a parent holds the sums of its children numerators and denominators', async () => {
    const result = await context.services.indicators.breakdown(admin, '001', '001-12', { region: '330102' });
    expect(result.total).toBe(14);
    const sum = (pick: (row: (typeof result.items)[number]) => number | null) =>
      result.items.reduce((total, row) => total + (pick(row) ?? 0), 0);
    expect(sum((row) => row.numerator)).toBe(result.indicator.numerator);
    expect(sum((row) => row.denominator)).toBe(result.indicator.denominator);
    const street = await context.services.indicators.breakdown(admin, '001', '001-17', { region: '330102002' });
    expect(street.indicator.value).toBe(3);
    expect(street.items.find((row) => row.regionCode === commA)?.value).toBe(3);
  });

  it("a street officer sees only their street's numbers, and 404 elsewhere", async () => {
    const own = await context.services.indicators.list(streetOfficer, '001', {});
    expect(own.regionCode).toBe('330102002');
    expect(item(own, '001-17').value).toBe(3);
    await expect(context.services.indicators.list(streetOfficer, '001', { region: '330102' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(context.services.indicators.list(streetOfficer, '001', { region: '330102001' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(context.services.overview.overview(streetOfficer, '330102001')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('KPI-4 reported values and KPI-6 overview', () => {
  it('a reported budget is shown for the year and judged; computed ones refuse entries', async () => {
    const body = { regionCode: '330102', year: 2026, value: 250_000_000, note: '区财政' };
    const entry = await context.services.indicators.report(admin, '001', '001-21', body);
    expect(entry).toMatchObject({ value: 250_000_000, indicatorId: '001-21' });
    const list = await context.services.indicators.list(admin, '001', { region: '330102' });
    expect(item(list, '001-21')).toMatchObject({ value: 250_000_000, status: 'met', missingSource: null });
    await expect(context.services.indicators.report(admin, '001', '001-17', body)).rejects.toMatchObject({
      code: 'INDICATOR_NOT_REPORTABLE',
    });
    await expect(
      context.services.indicators.report(streetOfficer, '001', '001-21', { ...body, regionCode: '330102002' }),
    ).rejects.toMatchObject({ code: 'REGION_OUT_OF_SCOPE' });
  });

  it('the overview counts elders by age band and home care beds in force', async () => {
    const overview = await context.services.overview.overview(admin, '330102');
    expect(overview.elders.total).toBe(5);
    const band = (key: string) => overview.elders.byAgeBand.find((row) => row.key === key)?.count;
    // ages on 2026-03-05: 81, 66, 95, 75, 84
    expect([band('65-69'), band('75-79'), band('80-84'), band('90+')]).toEqual([1, 1, 2, 1]);
    expect(overview.beds).toMatchObject({ homeCareBeds: 3, total: null, missingSource: { records: ['facilities'] } });
    expect(overview.children.reduce((sum, child) => sum + child.elders, 0)).toBe(5);
  });
});

describe('trends (KPI-6)', () => {
  it('gives one point per refreshed month, each computed as of that month', async () => {
    await context.services.rollupRefresh.refresh('test', ['2025-05', '2026-01']);
    const trend = await context.services.indicators.trend(admin, '001', '001-17', {
      region: '330102',
      from: '2025-01',
      to: '2026-03',
    });
    // the four beds started on 2025-06-01: none in May 2025, four from then on
    expect(trend.points.map((point) => [point.period, point.value])).toEqual([
      ['2025-05', 0],
      ['2026-01', 4],
      ['2026-03', 4],
    ]);
    const overview = await context.services.overview.trend(admin, '330102', { from: '2025-01', to: '2026-03' });
    expect(overview.points.map((point) => point.elders)).toEqual([5, 5, 5]);
  });
});

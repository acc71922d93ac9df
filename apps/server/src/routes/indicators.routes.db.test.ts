import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorList, RegionOverview } from '@kangyang/contracts/indicators';
import { insertEntitlements } from '@kangyang/services/ledger/synthetic-data';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
const as = (username: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${t.tokenOf(username)}`,
  ...extra,
});
const get = (username: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(username) });

beforeAll(async () => {
  t = await openTestApp({ now: '2026-03-05T02:00:00.000Z' });
  await ensureProfiles(t.services);
  const admin = actorWith('civilAffairsAdmin', '330102');
  const ids: string[] = [];
  for (const residenceRegionCode of ['330102002001', '330102002001', '330102001001'])
    ids.push((await t.services.elders.create(admin, buildElder({ residenceRegionCode }))).id);
  await insertEntitlements(
    t.database.db,
    ids.map((elderId, index) => ({
      elderId,
      regionCode: index < 2 ? '330102002001' : '330102001001',
      programme: 'homeCareBed',
      payeeKind: 'elder' as const,
      payeeId: elderId,
      startDate: '2025-09-01',
      amountFen: 0,
      cadence: 'oneTime' as const,
      clause: '001-17',
    })),
    t.clock.now(),
  );
  await t.services.rollupRefresh.refresh('test');
});
afterAll(async () => t.close());

describe('GET /api/plans/{profileId}/indicators (KPI-2)', () => {
  it('answers {items, total} with id, target, value or missing source, and status', async () => {
    const reply = await get('district', '/api/plans/001/indicators?region=330102');
    expect(reply.statusCode).toBe(200);
    const body = reply.json<IndicatorList>();
    expect(body.total).toBe(body.items.length);
    const beds = body.items.find((item) => item.id === '001-17');
    // three home care beds accepted (fixture above); the 2022 target of 500 has passed
    expect(beds).toMatchObject({ value: 3, target: { value: 500 }, status: 'missed', source: 'computed' });
    for (const item of body.items) expect(item.value === null).toBe(item.missingSource !== null);
  });

  it("scopes a street officer to their street's numbers; other regions are 404", async () => {
    const own = await get('street', '/api/plans/001/indicators');
    expect(own.json<IndicatorList>().regionCode).toBe('330102002');
    expect(own.json<IndicatorList>().items.find((item) => item.id === '001-17')?.value).toBe(2);
    expect((await get('street', '/api/plans/001/indicators?region=330102')).statusCode).toBe(404);
    expect((await get('street', '/api/plans/001/indicators?region=330102001')).statusCode).toBe(404);
    expect((await get('street', '/api/regions/330102001/overview')).statusCode).toBe(404);
  });

  it('drills down to child regions whose sums make the parent', async () => {
    const reply = await get('district', '/api/plans/001/indicators/001-17/breakdown?region=330102');
    const body = reply.json<{ indicator: { value: number }; items: { value: number | null }[] }>();
    expect(body.items.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(body.indicator.value);
  });
});

describe('overview, reported values and exports (KPI-4, KPI-6, KPI-9)', () => {
  it('serves the region overview from the rollups', async () => {
    const overview = (await get('district', '/api/regions/330102/overview')).json<RegionOverview>();
    expect(overview.elders.total).toBe(3);
    expect(overview.beds.homeCareBeds).toBe(3);
    expect(overview.services.missingSource?.records).toEqual(['homeCareVisits']);
  });

  it('takes a reported figure with an idempotency key and an audit row', async () => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/plans/001/indicators/001-21/reported',
      headers: as('district', { 'idempotency-key': 'indicator-report-0001' }),
      payload: { regionCode: '330102', year: 2026, value: 230_000_000 },
    });
    expect(reply.statusCode).toBe(201);
    const list = (await get('district', '/api/plans/001/indicators?region=330102')).json<IndicatorList>();
    expect(list.items.find((item) => item.id === '001-21')).toMatchObject({ value: 230_000_000, status: 'missed' });
    const street = await t.app.inject({
      method: 'POST',
      url: '/api/plans/001/indicators/001-21/reported',
      headers: as('street', { 'idempotency-key': 'indicator-report-0002' }),
      payload: { regionCode: '330102002', year: 2026, value: 1 },
    });
    expect(street.statusCode).toBe(403);
  });

  it('exports the plan page as .xlsx and as a PDF', async () => {
    const xlsx = await get('district', '/api/plans/001/indicators.xlsx?region=330102');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('001-1');
    const pdf = await get('district', '/api/plans/001/report.pdf?region=330102');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
  });
});

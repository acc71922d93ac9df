import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRecords } from '@kangyang/contracts/indicator-records';
import type { IndicatorList, RegionOverview } from '@kangyang/contracts/indicators';
import { insertEntitlements } from '@kangyang/services/ledger/synthetic-data';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestApp, type TestApp } from '../test-app.ts';

/** KPI-3 records behind a number (scope, permission) and KPI-9 region overview exports (.xlsx, PDF). */
let t: TestApp;
let work: string;
const get = (username: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.tokenOf(username)}` } });
const records = '/api/plans/001/indicators/001-17/records';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'overview-report-'));
  t = await openTestApp({ now: '2026-03-05T02:00:00.000Z' });
  await ensureProfiles(t.services);
  const admin = actorWith('civilAffairsAdmin', '330102');
  const ids: string[] = [];
  for (const [residenceRegionCode, birthDate] of [
    ['330102002001', '1944-03-15'],
    ['330102002001', '1931-06-01'],
    ['330102001001', '1958-01-20'],
  ] as const)
    ids.push((await t.services.elders.create(admin, buildElder({ residenceRegionCode, birthDate }))).id);
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
afterAll(async () => {
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('GET /api/plans/{profileId}/indicators/{indicatorId}/records (KPI-3)', () => {
  it('lists the elders behind 001-17, as many as the value, masked and not cached', async () => {
    const reply = await get('district', `${records}?region=330102&pageSize=2`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const body = reply.json<IndicatorRecords>();
    const list = (await get('district', '/api/plans/001/indicators?region=330102')).json<IndicatorList>();
    expect(body.total).toBe(list.items.find((item) => item.id === '001-17')?.value);
    expect(body).toMatchObject({ kind: 'elder', masked: true, page: 1, pageSize: 2 });
    expect(body.items).toHaveLength(2);
    expect(body.columns).toEqual(['name', 'region', 'age', 'startDate']);
  });

  it("scopes a street officer to their street's records; another street is 404", async () => {
    const own = (await get('street', records)).json<IndicatorRecords>();
    expect(own).toMatchObject({ regionCode: '330102002', total: 2 });
    expect((await get('street', `${records}?region=330102001`)).statusCode).toBe(404);
    expect((await get('street', `${records}?region=330102`)).statusCode).toBe(404);
  });

  it('answers an aggregate-only role 403 with a coded, translated error', async () => {
    const reply = await get('institution', `${records}?region=330102`);
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ error: { code: 'INDICATOR_RECORDS_FORBIDDEN' } });
    expect(reply.json<{ error: { message: string } }>().error.message).toContain('001-17');
    // the same role still sees the number itself
    expect((await get('institution', '/api/plans/001/indicators?region=330102')).statusCode).toBe(200);
  });
});

describe('GET /api/regions/{code}/overview.xlsx and overview.pdf (KPI-9)', () => {
  it('exports the overview sections to .xlsx with region, period and refresh time', async () => {
    const overview = (await get('district', '/api/regions/330102/overview')).json<RegionOverview>();
    const reply = await get('district', '/api/regions/330102/overview.xlsx');
    expect(reply.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = new Map<string, unknown>();
    sheet?.eachRow((row) => rows.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(rows.get('名称')).toBe(`${overview.regionName} (330102)`);
    expect(rows.get('统计期')).toBe(overview.period);
    // the refresh ran at the fake clock's 02:00 UTC: 10:00 in Beijing
    expect(overview.lastRefreshedAt).toBe('2026-03-05T02:00:00.000Z');
    expect(rows.get('数据刷新时间')).toBe('2026-03-05 10:00');
    expect(rows.get('60 岁及以上老年人')).toBe(3);
    expect(rows.get('80-84 岁')).toBe(overview.elders.byAgeBand.find((band) => band.key === '80-84')?.count);
    expect(rows.get('家庭养老床位')).toBe('3');
    expect(rows.has('本月发放')).toBe(true);
    expect(workbook.worksheets[1]?.rowCount).toBe(overview.children.length + 1);
  });

  it('renders a PDF whose Chinese text reads back with pdftotext', async () => {
    const reply = await get('district', '/api/regions/330102/overview.pdf');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    writeFileSync(join(work, 'overview.pdf'), reply.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(work, 'overview.pdf'), '-'], { encoding: 'utf8' });
    const compact = text.replace(/\s+/g, '');
    const overview = (await get('district', '/api/regions/330102/overview')).json<RegionOverview>();
    expect(compact).toContain(`${overview.regionName}养老服务概览`);
    expect(compact).toContain(`统计期${overview.period}`);
    expect(compact).toContain('老年人年龄结构');
    expect(compact).toContain('生成时间2026-03-0510:00·数据刷新2026-03-0510:00');
    for (const section of ['能力等级', '本月服务', '床位', '补贴发放', '预警']) expect(compact).toContain(section);
  });

  it('keeps exports inside the scope: another street is 404', async () => {
    expect((await get('street', '/api/regions/330102001/overview.pdf')).statusCode).toBe(404);
    expect((await get('street', '/api/regions/330102001/overview.xlsx')).statusCode).toBe(404);
  });
});

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEntitlements, insertOrganisation } from '@kangyang/services/ledger/synthetic-data';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let elderId = '';
let keyCounter = 0;
const key = () => `ledger-route-key-${String((keyCounter += 1)).padStart(4, '0')}`;
const as = (username: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${t.tokenOf(username)}`,
  ...extra,
});

beforeAll(async () => {
  t = await openTestApp({ now: '2026-03-05T02:00:00.000Z' });
  const elder = await t.services.elders.create(actorWith('civilAffairsAdmin', '330102'), buildElder());
  elderId = elder.id;
  await insertEntitlements(
    t.database.db,
    [
      {
        elderId,
        regionCode: elder.residenceRegionCode,
        programme: 'homeCareBedCareSubsidy',
        payeeKind: 'elder',
        payeeId: elderId,
        startDate: '2026-01-01',
        amountFen: 60000,
        cadence: 'monthly',
        clause: '000-r3',
      },
    ],
    t.clock.now(),
  );
});
afterAll(async () => t.close());

const runBody = { regionCode: '330102', programme: 'homeCareBedCareSubsidy', month: '2026-02' };

describe('POST /api/ledger/runs (SUB-2, API-4)', () => {
  it('needs an Idempotency-Key, validates the month by field, and replays the first reply for the same key', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district'),
      payload: runBody,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': key() }),
      payload: { ...runBody, month: '2026-13' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'month' } });
    const first = key();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': first }),
      payload: runBody,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ created: true, entryCount: 1, totalFen: 60000 });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': first }),
      payload: runBody,
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': key() }),
      payload: runBody,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, id: (created.json() as { id: string }).id });
  });

  it('forbids roles without ledger:run (403) and audits it', async () => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('finance', { 'idempotency-key': key() }),
      payload: runBody,
    });
    expect(reply.statusCode).toBe(403);
  });
});

describe('approve, export, results, elder ledger, reverse (SUB-8, SUB-10, REL-2)', () => {
  let runId = '';

  it('approves by a second person only', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/ledger/runs?month=2026-02', headers: as('district') });
    runId = (list.json() as { items: { id: string }[] }).items[0]?.id ?? '';
    const byRunner = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/runs/${runId}/approve`,
      headers: as('district', { 'idempotency-key': key() }),
    });
    expect(byRunner.statusCode).toBe(403);
    expect(byRunner.json()).toMatchObject({ error: { code: 'LEDGER_APPROVER_IS_RUNNER' } });
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/runs/${runId}/approve`,
      headers: as('admin', { 'idempotency-key': key() }),
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved' });
  });

  it('exports the batch as .xlsx and imports the results back as the returned sheet', async () => {
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/runs/${runId}/batch.xlsx`,
      headers: as('finance'),
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([file.rawPayload]));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = Array.isArray(sheet.getRow(1).values) ? (sheet.getRow(1).values as unknown[]) : [];
    sheet.getRow(2).getCell(header.findIndex((value) => String(value).startsWith('发放结果'))).value = '成功';
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/runs/${runId}/results`,
      headers: as('finance', {
        'idempotency-key': key(),
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      payload: body,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ paid: 1, failed: 0 });
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/runs/${runId}/results`,
      headers: as('finance', { 'idempotency-key': key() }),
      payload: { results: [{ entryId: '00000000-0000-7000-8000-0000000000aa', status: 'failed' }] },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'results[0].reason' } });
  });

  it("shows an elder's ledger to ledger readers only, and reverses an entry with a reason", async () => {
    const ledger = await t.app.inject({ method: 'GET', url: `/api/elders/${elderId}/ledger`, headers: as('street') });
    expect(ledger.statusCode).toBe(200);
    const dto = ledger.json() as { balances: unknown[]; entries: { id: string; state: string }[] };
    expect(dto.balances).toEqual([expect.objectContaining({ programme: 'homeCareBedCareSubsidy', balanceFen: 60000 })]);
    expect(dto.entries[0]?.state).toBe('paid');
    const community = await t.app.inject({
      method: 'GET',
      url: `/api/elders/${elderId}/ledger`,
      headers: as('community'),
    });
    expect(community.statusCode).toBe(403);
    const otherStreet = await t.app.inject({
      method: 'GET',
      url: `/api/elders/${elderId}/ledger`,
      headers: as('street2'),
    });
    expect(otherStreet.statusCode).toBe(404);
    const reversal = await t.app.inject({
      method: 'POST',
      url: `/api/ledger/entries/${dto.entries[0]?.id ?? ''}/reverse`,
      headers: as('district', { 'idempotency-key': key() }),
      payload: { reason: '重复发放' },
    });
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json()).toMatchObject({ kind: 'reversal', amountFen: -60000 });
  });
});

describe('workers routes (WRK-1, WRK-2, WRK-4)', () => {
  it("registers a caregiver, a certificate and a month's attendance", async () => {
    const organisationId = await insertOrganisation(t.database.db, {
      name: '湖滨颐养院',
      kind: 'institution',
      regionCode: '330102002',
      createdAt: t.clock.now(),
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/workers',
      headers: as('admin'),
      payload: { name: '陈护理', organisationId, staffRole: 'caregiver', employedFrom: '2025-01-01' },
    });
    expect(created.statusCode).toBe(201);
    const workerId = (created.json() as { id: string }).id;
    const certificate = await t.app.inject({
      method: 'POST',
      url: `/api/workers/${workerId}/certificates`,
      headers: as('admin'),
      payload: { skillLevel: 'intermediate', certificateNumber: 'I-77', issuedOn: '2025-03-01' },
    });
    expect(certificate.json()).toMatchObject({ certified: true, skillLevel: 'intermediate' });
    const attendance = await t.app.inject({
      method: 'PUT',
      url: `/api/workers/${workerId}/attendance/2026-02`,
      headers: as('admin'),
      payload: { daysWorked: 20, continuingEducation: true },
    });
    expect(attendance.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/workers?staffRole=caregiver',
      headers: as('district'),
    });
    expect((list.json() as { total: number }).total).toBe(1);
    const denied = await t.app.inject({ method: 'GET', url: '/api/workers', headers: as('finance') });
    expect(denied.statusCode).toBe(403);
  });
});

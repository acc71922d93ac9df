import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import { makeCitizenId } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { createAccount } from '@kangyang/services/auth/accounts';
import { csvFile, type FixtureRow } from '@kangyang/services/imports/import-fixtures';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-Route-Test-2026!';
const tokens = new Map<string, string>();

async function login(role: Role, regionCode: string): Promise<string> {
  const username = `${role}-${regionCode}`;
  const known = tokens.get(username);
  if (known) return known;
  await createAccount(
    context.database.db,
    { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] },
    context.clock.now(),
  );
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  const token = (reply.json() as { token: string }).token;
  tokens.set(username, token);
  return token;
}

beforeAll(async () => {
  context = await openTestServices();
  app = await buildApp({ services: context.services, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  await context.close();
});

const BOUNDARY = '----kangyang-test-boundary';
function multipart(
  fileName: string,
  content: Buffer,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

let year = 1935;
function rows(count: number, bad = 0): FixtureRow[] {
  year += 1;
  return Array.from({ length: count + bad }, (_, index) => ({
    name: '钱七',
    idNumber: makeCitizenId('330102', `${year}-05-20` as IsoDate, index, 'female'),
    phone: index < count ? '13700000000' : '123',
    residenceRegionCode: '330102002002',
  }));
}

async function upload(token: string, file: Buffer, fileName = 'elders.csv') {
  const body = multipart(fileName, file);
  return app.inject({
    method: 'POST',
    url: '/api/imports/elders',
    headers: { authorization: `Bearer ${token}`, ...body.headers },
    payload: body.payload,
  });
}

async function workbookOf(payload: Buffer): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([payload]));
  return workbook.worksheets[0];
}

describe('import routes (REG-6, API-2)', () => {
  it('401 without a session, 403 without elder:import (AZ-2)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/imports' })).statusCode).toBe(401);
    const caregiver = await login('caregiver', '330102002');
    expect((await upload(caregiver, csvFile(rows(1)))).statusCode).toBe(403);
    const worker = await login('communityWorker', '330102002002');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/imports/elders/template',
          headers: { authorization: `Bearer ${worker}` },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('serves the template with Chinese headers', async () => {
    const officer = await login('streetOfficer', '330102002');
    const reply = await app.inject({
      method: 'GET',
      url: '/api/imports/elders/template',
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('spreadsheetml');
    expect(reply.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = await workbookOf(reply.rawPayload);
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['姓名', '身份证号', '手机号']);
  });

  it('uploads (202), validates in the background, reports errors, and imports the valid rows on confirm', async () => {
    const officer = await login('streetOfficer', '330102002');
    const auth = { authorization: `Bearer ${officer}` };
    const created = await upload(officer, csvFile(rows(3, 1)));
    expect(created.statusCode).toBe(202);
    const { id } = created.json() as { id: string };
    await context.services.imports.idle();
    const validated = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: auth });
    expect(validated.json()).toMatchObject({ status: 'validated', totalRows: 4, invalidRows: 1 });
    expect((validated.json() as { preview: unknown[] }).preview).toHaveLength(4);

    const errors = await app.inject({ method: 'GET', url: `/api/imports/${id}/errors`, headers: auth });
    expect(errors.json()).toEqual({
      items: [
        { rowNumber: 5, field: 'phone', code: 'PHONE_FORMAT', message: '手机号格式不正确：应为 11 位，以 1 开头' },
      ],
    });
    const report = await app.inject({ method: 'GET', url: `/api/imports/${id}/errors.xlsx`, headers: auth });
    expect(report.statusCode).toBe(200);
    expect((await workbookOf(report.rawPayload))?.getRow(2).getCell(4).value).toBe('PHONE_FORMAT');

    const refused = await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/confirm`,
      headers: { ...auth, 'accept-language': 'en-US' },
      payload: { mode: 'allOrNothing' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'IMPORT_HAS_INVALID_ROWS', message: expect.stringContaining('1 rows are invalid') },
    });

    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/confirm`,
      headers: auth,
      payload: { mode: 'validRowsOnly' },
    });
    expect(confirmed.statusCode).toBe(202);
    await context.services.imports.idle();
    const done = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: auth });
    expect(done.json()).toMatchObject({ status: 'completed', insertedRows: 3, existingRows: 0 });
    const list = await app.inject({ method: 'GET', url: '/api/imports?limit=5', headers: auth });
    expect((list.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(id);
  });

  it('answers 400 naming the missing column, 415 without multipart, 400 for a wrong field, 404 out of scope', async () => {
    const officer = await login('streetOfficer', '330102002');
    const auth = { authorization: `Bearer ${officer}` };
    const missing = await upload(officer, Buffer.from('姓名,手机号\n张三,13700000000\n'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { code: 'IMPORT_HEADER_MISSING', field: 'idNumber', message: '导入文件缺少列：身份证号' },
    });
    const json = await app.inject({
      method: 'POST',
      url: '/api/imports/elders',
      headers: auth,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const wrongField = multipart('a.csv', csvFile(rows(1)), 'document');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/imports/elders',
      headers: { ...auth, ...wrongField.headers },
      payload: wrongField.payload,
    });
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'file' } });
    const created = await upload(officer, csvFile(rows(1)));
    await context.services.imports.idle();
    const other = await login('streetOfficer', '330102001');
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/imports/${(created.json() as { id: string }).id}`,
      headers: { authorization: `Bearer ${other}` },
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('export route (API-8)', () => {
  it('streams the filtered list as .xlsx, masked and escaped; 403 without elder:export', async () => {
    const officer = await login('streetOfficer', '330102002');
    const created = await upload(officer, csvFile(rows(2)));
    const { id } = created.json() as { id: string };
    await context.services.imports.idle();
    await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/confirm`,
      headers: { authorization: `Bearer ${officer}` },
      payload: { mode: 'validRowsOnly' },
    });
    await context.services.imports.idle();
    const worker = await login('communityWorker', '330102002002');
    const reply = await app.inject({
      method: 'GET',
      url: '/api/exports/elders.xlsx?status=active',
      headers: { authorization: `Bearer ${worker}` },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-disposition']).toMatch(/^attachment;/);
    const sheet = await workbookOf(reply.rawPayload);
    expect(sheet?.rowCount).toBeGreaterThanOrEqual(3);
    expect(String(sheet?.getRow(2).getCell(2).value)).toMatch(/^\d{4}\*{8}[\dX]{4}$/);
    const caregiver = await login('caregiver', '330102002');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/exports/elders.xlsx',
          headers: { authorization: `Bearer ${caregiver}` },
        })
      ).statusCode,
    ).toBe(403);
    const outside = await app.inject({
      method: 'GET',
      url: '/api/exports/elders.xlsx?regionCode=330102001',
      headers: { authorization: `Bearer ${worker}` },
    });
    expect(outside.statusCode).toBe(404);
  });
});

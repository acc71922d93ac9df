import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';

let context: TestContext;
beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const { Readable } = await import('node:stream');
  await workbook.xlsx.read(Readable.from([bytes]));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+1', '@SUM(A1:A9)', '-2+3', '＝1+1', '＠cmd'];

describe('elder export (REG-6, API-8, ENC-3)', () => {
  it('escapes formula-like text cells (FT-17), masks ID numbers and phones, and writes them as text', async () => {
    const admin = actorWith('civilAffairsAdmin', '330102');
    const idNumber = makeCitizenId('330102', '1941-06-01' as IsoDate, 7, 'male');
    for (const [index, hostile] of HOSTILE.entries()) {
      await context.services.elders.create(
        admin,
        buildElder({
          ...(index === 0 ? { idNumber } : {}),
          name: '王五',
          phone: '13912345678',
          residenceRegionCode: '330102003001',
          address: hostile,
          contacts: [{ name: '赵六', relation: hostile.slice(0, 20), role: 'emergency', phone: '13800138000' }],
        }),
      );
    }
    const exported = await context.services.exports.elders(admin, { regionCode: '330102003001' });
    const bytes = await bytesOf(exported.stream);
    const summary = await exported.done;
    expect(summary).toMatchObject({
      rows: HOSTILE.length,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });

    const sheet = await sheetOf(bytes);
    const header = sheet.getRow(1).values as unknown[];
    const column = (name: string) => header.indexOf(name);
    const addresses = [];
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const cells = sheet.getRow(row);
      addresses.push(cells.getCell(column('详细地址')).value);
      expect(cells.getCell(column('联系人关系')).value).toMatch(/^'/);
      expect(cells.getCell(column('身份证号')).type).toBe(ExcelJS.ValueType.String);
      expect(cells.getCell(column('身份证号')).value).toMatch(/^\d{4}\*{8}[\dX]{4}$/);
      expect(cells.getCell(column('手机号')).value).toBe('139****5678');
      expect(cells.getCell(column('联系人电话')).value).toBe('138****8000');
    }
    expect(addresses.sort()).toEqual(HOSTILE.map((text) => `'${text}`).sort());
    expect(sheet.getColumn(column('身份证号')).numFmt).toBe('@');
    expect(bytes.includes(Buffer.from(idNumber))).toBe(false);
  });

  it('audits the export with its filters, row count and file SHA-256', async () => {
    const admin = actorWith('civilAffairsAdmin', '330102');
    await context.services.elders.create(admin, buildElder({ residenceRegionCode: '330102004001' }));
    const exported = await context.services.exports.elders(admin, { regionCode: '330102004001', status: 'active' });
    const bytes = await bytesOf(exported.stream);
    await exported.done;
    const audit = await context.services.audit.search({ actorId: admin.userId, action: 'elder.export' }, 5, 0);
    expect(audit.items[0]?.details).toMatchObject({
      rows: 1,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      filters: { regionCode: '330102004001', status: 'active' },
    });
  });

  it('cuts the address to the community for a role without address rights', async () => {
    const admin = actorWith('civilAffairsAdmin', '330102');
    await context.services.elders.create(
      admin,
      buildElder({ residenceRegionCode: '330102005001', address: '某路 1 号 2 幢 301 室' }),
    );
    const worker = actorWith('communityWorker', '330102005001');
    const exported = await context.services.exports.elders(worker, {});
    const sheet = await sheetOf(await bytesOf(exported.stream));
    const header = sheet.getRow(1).values as unknown[];
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('详细地址')).value).toBe(row.getCell(header.indexOf('居住社区')).value);
    expect(row.getCell(header.indexOf('详细地址')).value).not.toContain('301');
  });

  it('answers 404 for a region outside the export scope, audited (AZ-3)', async () => {
    const worker = actorWith('communityWorker', '330102005001');
    await expect(context.services.exports.elders(worker, { regionCode: '330102006' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const denied = await context.services.audit.search({ actorId: worker.userId, outcome: 'denied' }, 5, 0);
    expect(denied.items[0]?.action).toBe('elder.export');
  });

  it('pages through more rows than one page holds, in order, without repeats', async () => {
    const admin = actorWith('civilAffairsAdmin', '330102');
    const { sql } = await import('drizzle-orm');
    await context.database.db.execute(sql`
      INSERT INTO elders (county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex, residence_region_code,
                          living_situation, categories, category_records, contacts, status, created_at, updated_at, version)
      SELECT '330102', gen_random_uuid(), '批量', 'x', 'bulk-' || g, '3301********' || lpad(g::text, 4, '0'), '1940-01-01', 'male', '330102007002',
             'alone', '{}', '[]', '[]', 'active', now(), now(), 1
      FROM generate_series(1, 5003) AS g`);
    const exported = await context.services.exports.elders(admin, { regionCode: '330102007002' });
    const bytes = await bytesOf(exported.stream);
    expect((await exported.done).rows).toBe(5003);
    const sheet = await sheetOf(bytes);
    const ids = new Set<string>();
    for (let row = 2; row <= sheet.rowCount; row += 1) ids.add(String(sheet.getRow(row).getCell(2).value));
    expect(ids.size).toBe(5003);
  });
});

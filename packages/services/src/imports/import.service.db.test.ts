import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { createServices, rows, testKeyring, type Services } from '../index.ts';
import { csvFile, streamOf, xlsxFile, type FixtureRow } from './import-fixtures.ts';

let context: TestContext;
let services: Services;
const importsDir = mkdtempSync(join(tmpdir(), 'kangyang-import-test-'));

beforeAll(async () => {
  context = await openTestServices();
  services = createServices({ database: context.database, keyring: testKeyring(), clock: context.clock, importsDir });
});
afterAll(async () => context.close());

let year = 1930;
/** Valid rows with fresh ID numbers (a birth year per call keeps tests apart). */
function validRows(count: number, community = '330102002001'): (FixtureRow & { idNumber: string })[] {
  year += 1;
  return Array.from({ length: count }, (_, index) => ({
    name: `张${'一二三四五六七八九十'[index % 10] ?? '一'}`,
    idNumber: makeCitizenId('330102', `${year}-03-15` as IsoDate, index, index % 2 === 0 ? 'female' : 'male'),
    phone: `1390000${String(1000 + index)}`,
    residenceRegionCode: community,
    address: `湖滨路${index + 1}号`,
    livingSituation: '独居',
    categories: '低保;失智',
    contactName: '李四',
    contactRelation: '子女',
    contactPhone: '13800138000',
  }));
}

/** Three valid rows and four bad ones, each bad in a known field. */
function mixedRows(): FixtureRow[] {
  const [first, second, third] = validRows(3);
  const id = first?.idNumber ?? '';
  const broken = { ...first, idNumber: `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}` };
  const badPhoneAndRegion = { ...validRows(1)[0], phone: '12345', residenceRegionCode: '330102999999' };
  const outOfScope = { ...validRows(1, '330102001001')[0] };
  return [
    first ?? {},
    second ?? {},
    broken,
    badPhoneAndRegion,
    { ...second, name: '重复的人' },
    third ?? {},
    outOfScope,
  ];
}

const officer = () => actorWith('streetOfficer', '330102002');

async function uploadAndValidate(
  actor = officer(),
  file: Buffer = csvFile(mixedRows()),
  fileName = 'elders.csv',
  target: Services = services,
) {
  const job = await target.imports.upload(actor, { fileName, source: streamOf(file) });
  await target.imports.idle();
  return target.imports.get(actor, job.id);
}

async function eldersOfJob(jobId: string): Promise<number> {
  const found = await rows<{ n: number }>(
    context.database.db,
    sql`SELECT count(*)::int AS n FROM elders WHERE import_job_id = ${jobId}::uuid`,
  );
  return found[0]?.n ?? 0;
}

describe('elder import: validation and error report (REG-6)', () => {
  it('validates row by row and records each bad row with field and API code', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor);
    expect(job).toMatchObject({ status: 'validated', totalRows: 7, invalidRows: 4, processedRows: 7 });
    const errors = await services.imports.errors(actor, job.id);
    expect(job.errorsSample).toEqual(errors);
    expect(errors.map((error) => [error.rowNumber, error.field, error.code])).toEqual([
      [4, 'idNumber', 'ID_NUMBER_CHECKSUM'],
      [5, 'phone', 'PHONE_FORMAT'],
      [5, 'residenceRegionCode', 'REGION_UNKNOWN'],
      [6, 'idNumber', 'ELDER_DUPLICATE'],
      [8, 'residenceRegionCode', 'REGION_OUT_OF_SCOPE'],
    ]);
    expect(errors.find((error) => error.code === 'ID_NUMBER_CHECKSUM')?.message).toBe('身份证号校验位不正确');
    expect(errors.every((error) => !/\d{17}[\dX]/.test(error.message))).toBe(true);
  });

  it('shows a masked preview of the first rows while waiting for confirmation (ENC-3)', async () => {
    const actor = officer();
    const rows = validRows(2);
    const job = await uploadAndValidate(actor, csvFile(rows));
    expect(job.preview).toHaveLength(2);
    expect(job.preview?.[0]).toMatchObject({
      rowNumber: 2,
      idNumber: `${rows[0]?.idNumber.slice(0, 4)}********${rows[0]?.idNumber.slice(-4)}`,
      phone: '139****1000',
      livingSituation: '独居',
      categories: ['低保', '失智'],
    });
  });

  it('writes the error report as .xlsx with row, column, field, code and message', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor);
    const report = await services.imports.errorReport(actor, job.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(report.stream);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '行号', '列名', '字段', '错误代码', '说明']);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      4,
      '身份证号',
      'idNumber',
      'ID_NUMBER_CHECKSUM',
      '身份证号校验位不正确',
    ]);
    expect(sheet?.rowCount).toBe(6);
  });

  it('refuses a file without a required column (IMPORT_HEADER_MISSING) and one that is no spreadsheet (IMPORT_FILE_INVALID)', async () => {
    const actor = officer();
    const noId = csvFile([{ name: '张三' }], { headers: ['姓名', '手机号', '居住地区划代码'] });
    await expect(services.imports.upload(actor, { fileName: 'a.csv', source: streamOf(noId) })).rejects.toMatchObject({
      code: 'IMPORT_HEADER_MISSING',
      params: { column: '身份证号' },
    });
    const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]);
    await expect(
      services.imports.upload(actor, { fileName: 'a.xlsx', source: streamOf(binary) }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    await expect(
      services.imports.upload(actor, { fileName: 'a.xlsx', source: streamOf(fakeZip) }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
  });

  it('accepts English headers, a UTF-8 BOM and full-width spaces around values', async () => {
    const actor = officer();
    const [row] = validRows(1);
    const headers = [
      'name',
      'idNumber',
      'phone',
      'hukouRegionCode',
      'residenceRegionCode',
      'address',
      'lng',
      'lat',
      'livingSituation',
      'categories',
      'contactName',
      'contactRelation',
      'contactPhone',
    ];
    const job = await uploadAndValidate(
      actor,
      csvFile([{ ...row, name: `\u3000${row?.name ?? ''}`, livingSituation: 'alone', categories: 'minimumLiving' }], {
        bom: true,
        headers,
      }),
    );
    expect(job).toMatchObject({ status: 'validated', totalRows: 1, invalidRows: 0 });
  });
});

describe('elder import: confirmation modes (REG-6)', () => {
  it('valid-rows-only imports the valid rows, audited one row per batch with the inserted ids', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor);
    await services.imports.confirm(actor, job.id, { mode: 'validRowsOnly' });
    await services.imports.idle();
    const done = await services.imports.get(actor, job.id);
    expect(done).toMatchObject({ status: 'completed', insertedRows: 3, existingRows: 0, invalidRows: 4 });
    expect(done.preview).toBeUndefined();
    expect(await eldersOfJob(job.id)).toBe(3);
    const audit = await services.audit.search({ action: 'elder.import', actorId: actor.userId }, 10, 0);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.resourceIds).toHaveLength(3);
  });

  it('all-or-nothing refuses with IMPORT_HAS_INVALID_ROWS and writes nothing', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor);
    await expect(services.imports.confirm(actor, job.id, { mode: 'allOrNothing' })).rejects.toMatchObject({
      code: 'IMPORT_HAS_INVALID_ROWS',
      params: { count: 4 },
    });
    await services.imports.idle();
    expect(await services.imports.get(actor, job.id)).toMatchObject({ status: 'validated', insertedRows: 0 });
    expect(await eldersOfJob(job.id)).toBe(0);
  });

  it('all-or-nothing imports a file without bad rows', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor, csvFile(validRows(4)));
    await services.imports.confirm(actor, job.id, { mode: 'allOrNothing' });
    await services.imports.idle();
    expect(await services.imports.get(actor, job.id)).toMatchObject({
      status: 'completed',
      mode: 'allOrNothing',
      insertedRows: 4,
    });
  });

  it('refuses to confirm twice (IMPORT_NOT_READY)', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor, csvFile(validRows(1)));
    await services.imports.confirm(actor, job.id, { mode: 'validRowsOnly' });
    await expect(services.imports.confirm(actor, job.id, { mode: 'validRowsOnly' })).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
    });
    await services.imports.idle();
  });

  it('a re-import of the same file counts every row as existing and adds nothing (ENC-2)', async () => {
    const actor = officer();
    const file = csvFile(validRows(5));
    const first = await uploadAndValidate(actor, file);
    await services.imports.confirm(actor, first.id, { mode: 'validRowsOnly' });
    await services.imports.idle();
    const again = await uploadAndValidate(actor, file);
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ status: 'validated', existingRows: 5, invalidRows: 0 });
    await services.imports.confirm(actor, again.id, { mode: 'validRowsOnly' });
    await services.imports.idle();
    expect(await services.imports.get(actor, again.id)).toMatchObject({
      status: 'completed',
      insertedRows: 0,
      existingRows: 5,
    });
    expect(await eldersOfJob(again.id)).toBe(0);
  });
});

describe('elder import: interrupted runs resume (FT-1)', () => {
  /** A "process" with tiny batches that stops after `batches` committed batches, like a kill between commits. */
  function interruptedAfter(batches: number): Services {
    const fresh = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importBatchRows: 2,
    });
    let seen = 0;
    fresh.imports.onProgress(() => {
      seen += 1;
      if (seen === batches) void fresh.imports.stop();
    });
    return fresh;
  }

  it('continues an interrupted import from its processed rows to exactly the valid rows', async () => {
    const actor = officer();
    const file = csvFile([...validRows(6), ...mixedRows()]);
    const crashing = interruptedAfter(4); // 4 validation batches (7 of 13 rows: a partial pass), then stop
    const job = await crashing.imports.upload(actor, { fileName: 'big.csv', source: streamOf(file) });
    await crashing.imports.idle();
    const halfway = await crashing.imports.get(actor, job.id);
    expect(halfway).toMatchObject({ status: 'validating', processedRows: 8 });

    const restarted = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importBatchRows: 2,
    });
    const resumed = await restarted.imports.upload(actor, { fileName: 'big.csv', source: streamOf(file) });
    expect(resumed).toMatchObject({ id: job.id, resumedFromRow: 8, resumeCount: 1 });
    await restarted.imports.idle();
    expect(await restarted.imports.get(actor, job.id)).toMatchObject({
      status: 'validated',
      totalRows: 13,
      invalidRows: 4,
    });

    const importing = interruptedAfter(2);
    await importing.imports.confirm(actor, job.id, { mode: 'validRowsOnly' });
    await importing.imports.idle();
    expect(await importing.imports.get(actor, job.id)).toMatchObject({ status: 'importing', processedRows: 4 });
    expect(await eldersOfJob(job.id)).toBe(4);

    const again = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importBatchRows: 2,
    });
    expect(await again.imports.upload(actor, { fileName: 'big.csv', source: streamOf(file) })).toMatchObject({
      id: job.id,
      resumedFromRow: 4,
      resumeCount: 2,
    });
    await again.imports.idle();
    expect(await again.imports.get(actor, job.id)).toMatchObject({
      status: 'completed',
      insertedRows: 9,
      existingRows: 0,
      invalidRows: 4,
    });
    expect(await eldersOfJob(job.id)).toBe(9);
    const errors = await again.imports.errors(actor, job.id);
    expect(errors).toHaveLength(5);
  });
});

describe('elder import: direct (one pass, valid rows only, as the CLI runs it)', () => {
  it('records each bad row and imports the rest in one pass, without a preview', async () => {
    const actor = officer();
    const created = await services.imports.upload(actor, {
      fileName: 'direct.csv',
      source: streamOf(csvFile(mixedRows())),
      direct: true,
    });
    expect(created).toMatchObject({ status: 'importing', direct: true, mode: 'validRowsOnly' });
    await services.imports.idle();
    const job = await services.imports.get(actor, created.id);
    expect(job).toMatchObject({
      status: 'completed',
      totalRows: 7,
      processedRows: 7,
      insertedRows: 3,
      invalidRows: 4,
      existingRows: 0,
    });
    expect(job.preview).toBeUndefined();
    expect((await services.imports.errors(actor, job.id)).map((error) => [error.rowNumber, error.code])).toEqual([
      [4, 'ID_NUMBER_CHECKSUM'],
      [5, 'PHONE_FORMAT'],
      [5, 'REGION_UNKNOWN'],
      [6, 'ELDER_DUPLICATE'],
      [8, 'REGION_OUT_OF_SCOPE'],
    ]);
    expect(await eldersOfJob(job.id)).toBe(3);
  });

  it('resumes an interrupted direct import and ends with the same counts (FT-1)', async () => {
    const actor = officer();
    const file = csvFile([...mixedRows(), ...validRows(4)]);
    const crashing = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importBatchRows: 3,
    });
    let batches = 0;
    crashing.imports.onProgress(() => {
      batches += 1;
      if (batches === 2) void crashing.imports.stop();
    });
    const job = await crashing.imports.upload(actor, { fileName: 'd.csv', source: streamOf(file), direct: true });
    await crashing.imports.idle();
    expect(await crashing.imports.get(actor, job.id)).toMatchObject({ status: 'importing', processedRows: 6 });
    const again = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importBatchRows: 3,
    });
    expect(
      await again.imports.upload(actor, { fileName: 'd.csv', source: streamOf(file), direct: true }),
    ).toMatchObject({ id: job.id, resumedFromRow: 6 });
    await again.imports.idle();
    expect(await again.imports.get(actor, job.id)).toMatchObject({
      status: 'completed',
      totalRows: 11,
      insertedRows: 7,
      invalidRows: 4,
    });
    expect(await eldersOfJob(job.id)).toBe(7);
    expect(await again.imports.errors(actor, job.id)).toHaveLength(5);
  });
});

describe('elder import: worker thread (encryption beside the database work)', () => {
  it('gives the same answers when rows are checked and encrypted in a worker thread', async () => {
    const logs: string[] = [];
    const threaded = createServices({
      database: context.database,
      keyring: testKeyring(),
      clock: context.clock,
      importsDir,
      importWorker: 'always',
      log: (line) => logs.push(line),
    });
    const actor = officer();
    const job = await uploadAndValidate(actor, csvFile(mixedRows()), 'threaded.csv', threaded);
    expect(job).toMatchObject({ status: 'validated', totalRows: 7, invalidRows: 4 });
    expect((await threaded.imports.errors(actor, job.id)).map((error) => error.code)).toEqual([
      'ID_NUMBER_CHECKSUM',
      'PHONE_FORMAT',
      'REGION_UNKNOWN',
      'ELDER_DUPLICATE',
      'REGION_OUT_OF_SCOPE',
    ]);
    await threaded.imports.confirm(actor, job.id, { mode: 'validRowsOnly' });
    await threaded.imports.idle();
    expect(await threaded.imports.get(actor, job.id)).toMatchObject({ status: 'completed', insertedRows: 3 });
    expect(await eldersOfJob(job.id)).toBe(3);
    expect(logs.filter((line) => line.includes('in-process'))).toEqual([]);
  });
});

describe('elder import: .xlsx and encodings', () => {
  it('reads .xlsx like .csv, and flags an ID number typed as a number (digits lost)', async () => {
    const actor = officer();
    const rows = validRows(3);
    const job = await uploadAndValidate(actor, await xlsxFile(rows), 'elders.xlsx');
    expect(job).toMatchObject({ status: 'validated', totalRows: 3, invalidRows: 0 });
    const numeric = await uploadAndValidate(
      actor,
      await xlsxFile(validRows(2), { numeric: ['idNumber', 'phone', 'residenceRegionCode'] }),
      'numeric.xlsx',
    );
    expect(numeric).toMatchObject({ totalRows: 2, invalidRows: 2 });
    const errors = await services.imports.errors(actor, numeric.id);
    expect(errors.map((error) => error.field)).toEqual(['idNumber', 'idNumber']);
  });

  it('reads a GB18030 CSV as saved by Excel on Chinese Windows', async () => {
    const encoder = gb18030Encoder();
    const actor = officer();
    const text = csvFile(validRows(2)).toString('utf8');
    const job = await uploadAndValidate(actor, encoder(text));
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, invalidRows: 0 });
    expect(job.preview?.[0]?.name).toBe('张一');
  });
});

describe('elder import: scope (AZ-3)', () => {
  it('a street officer of another street gets 404 for the job, audited; the creator lists it', async () => {
    const actor = officer();
    const job = await uploadAndValidate(actor, csvFile(validRows(1)));
    const other = actorWith('streetOfficer', '330102001');
    await expect(services.imports.get(other, job.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await services.audit.search({ actorId: other.userId, outcome: 'denied' }, 10, 0);
    expect(denied.items[0]?.resourceIds).toEqual([job.id]);
    const listed = await services.imports.list(actor, { limit: 20, offset: 0 });
    expect(listed.items.map((item) => item.id)).toContain(job.id);
    expect((await services.imports.list(other, { limit: 20, offset: 0 })).items.map((item) => item.id)).not.toContain(
      job.id,
    );
  });

  it('refuses a region outside the actor scope (REGION_OUT_OF_SCOPE)', async () => {
    await expect(
      services.imports.upload(officer(), {
        fileName: 'a.csv',
        source: streamOf(csvFile(validRows(1))),
        regionCode: '330102001',
      }),
    ).rejects.toMatchObject({ code: 'REGION_OUT_OF_SCOPE' });
  });
});

/** Node has no GB18030 encoder: invert the decoder over the two-byte range (enough for CJK text). */
function gb18030Encoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return (text) =>
    Buffer.from(
      [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? [0x3f]))),
    );
}

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { cellText } from '../imports/sheet-rows.ts';
import { insertEntitlements } from './synthetic-data.ts';

let context: TestContext;
let runId = '';
const runner = actorWith('civilAffairsAdmin', '330102');
const approver = actorWith('civilAffairsAdmin', '330102');
const finance = actorWith('financeOfficer', '330102');
const elderIds: string[] = [];

async function readSheet(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([body]));
  const sheet = workbook.worksheets[0];
  const result: string[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values : [];
    result.push(Array.from(values.slice(1), (value) => cellText(value)));
  });
  return result;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  for (let index = 0; index < 3; index += 1)
    elderIds.push((await context.services.elders.create(runner, buildElder())).id);
  await insertEntitlements(
    context.database.db,
    elderIds.map((elderId) => ({
      elderId,
      regionCode: '330102002001',
      programme: 'homeCareBedCareSubsidy',
      payeeKind: 'elder' as const,
      payeeId: elderId,
      startDate: '2026-01-01',
      amountFen: 60000,
      cadence: 'monthly' as const,
      clause: '000-r3',
    })),
    context.clock.now(),
  );
  const [first, second] = elderIds as [string, string];
  const account = { bankName: '示范农商银行', accountNumber: '6228480012345678901' };
  await context.services.ledger.setBankAccount(
    finance,
    { kind: 'elder', id: first },
    { ...account, accountHolder: '=HYPERLINK("x")' },
  );
  await context.services.ledger.setBankAccount(
    finance,
    { kind: 'elder', id: second },
    { ...account, accountHolder: '张三' },
  );
  const run = await context.services.ledger.startRun(runner, {
    regionCode: '330102',
    programme: 'homeCareBedCareSubsidy',
    month: '2026-02',
  });
  runId = run.id;
});
afterAll(async () => context.close());

describe('SUB-8 the batch for the finance bureau (.xlsx, API-8)', () => {
  it('refuses to export a run before its approval', async () => {
    await expect(context.services.ledger.exportBatch(finance, runId)).rejects.toMatchObject({
      code: 'LEDGER_RUN_STATE',
    });
  });

  it('masks bank accounts except for the finance role, escapes formula-like text and audits the file hash', async () => {
    await context.services.ledger.approveRun(approver, runId);
    const masked = await readSheet((await context.services.ledger.exportBatch(approver, runId)).body);
    const plain = await context.services.ledger.exportBatch(finance, runId);
    const revealed = await readSheet(plain.body);
    expect(masked).toHaveLength(4);
    const accountColumn = masked[0]?.findIndex((header) => header.startsWith('账号')) ?? -1;
    const holderColumn = masked[0]?.findIndex((header) => header.startsWith('户名')) ?? -1;
    const accounts = (sheet: string[][]) =>
      sheet
        .slice(1)
        .map((row) => row[accountColumn])
        .sort();
    expect(accounts(masked)).toEqual(['', '****8901', '****8901']);
    expect(accounts(revealed)).toEqual(['', '6228480012345678901', '6228480012345678901']);
    expect(masked.slice(1).map((row) => row[holderColumn])).toContain(`'=HYPERLINK("x")`);
    const audit = await context.services.audit.search({ actorId: finance.userId, action: 'ledger.batch.export' }, 5, 0);
    expect(audit.items[0]?.details).toMatchObject({ rows: 3, sha256: plain.sha256, unmasked: true });
  });
});

describe('SUB-8 bank results imported back', () => {
  it('records paid and failed lines, reverses the failed one, and changes nothing on a re-import', async () => {
    const sheet = await readSheet((await context.services.ledger.exportBatch(finance, runId)).body);
    const ids = sheet.slice(1).map((row) => row[1] ?? '');
    const [paid, failed] = ids as [string, string];
    const results = [
      { entryId: paid, status: 'paid' as const, bankReference: 'B-1' },
      { entryId: failed, status: 'failed' as const, reason: '账户已销户' },
    ];
    expect(await context.services.ledger.importResults(finance, runId, results)).toEqual({
      paid: 1,
      failed: 1,
      unchanged: 0,
      conflicts: [],
      reversed: 1,
    });
    const again = await context.services.ledger.importResults(finance, runId, results);
    expect(again).toMatchObject({ paid: 0, failed: 0, unchanged: 2, reversed: 0 });
    const conflict = await context.services.ledger.importResults(finance, runId, [
      { entryId: paid, status: 'failed', reason: '退票' },
    ]);
    expect(conflict.conflicts).toEqual([{ entryId: paid, recorded: 'paid' }]);
    const run = await context.services.ledger.getRun(finance, runId);
    expect(run).toMatchObject({ results: { paid: 1, failed: 1, pending: 1 }, reversedFen: -60000 });
    expect((await context.services.ledger.verify()).ok).toBe(true);
  });

  it('reads results from the returned .xlsx (发放结果 column) and refuses unknown lines whole', async () => {
    const exported = await context.services.ledger.exportBatch(finance, runId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([exported.body]));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = Array.isArray(sheet.getRow(1).values) ? (sheet.getRow(1).values as unknown[]) : [];
    const resultColumn = header.findIndex((value) => String(value).startsWith('发放结果'));
    sheet.getRow(2).getCell(resultColumn).value = '成功';
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await context.services.ledger.importResultsSheet(finance, runId, buffer);
    expect(outcome.paid + outcome.unchanged).toBe(1);
    await expect(
      context.services.ledger.importResults(finance, runId, [
        { entryId: '00000000-0000-7000-8000-0000000000aa', status: 'paid' },
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'results[0].entryId' });
  });

  it("lets only the finance role in the run's region import results (404 otherwise)", async () => {
    await expect(
      context.services.ledger.importResults(approver, runId, [
        { entryId: '00000000-0000-7000-8000-0000000000aa', status: 'paid' },
      ]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

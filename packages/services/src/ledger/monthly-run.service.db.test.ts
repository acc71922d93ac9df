import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { rows } from '../db/database.ts';
import { insertEntitlements, type SyntheticEntitlement } from './synthetic-data.ts';

let context: TestContext;
const runner = actorWith('civilAffairsAdmin', '330102');
const approver = actorWith('civilAffairsAdmin', '330102');
const elderIds: string[] = [];

const bedSubsidy = (elderId: string, overrides: Partial<SyntheticEntitlement> = {}): SyntheticEntitlement => ({
  elderId,
  regionCode: '330102002001',
  programme: 'homeCareBedCareSubsidy',
  payeeKind: 'elder',
  payeeId: elderId,
  startDate: '2026-01-10',
  amountFen: 60000,
  cadence: 'monthly',
  clause: '000-r3',
  ...overrides,
});

const countEntries = async () => {
  const [row] = await rows<{ n: number | string }>(context.database.db, sql`SELECT count(*) AS n FROM ledger_entries`);
  return Number(row?.n ?? 0);
};

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  for (let index = 0; index < 4; index += 1) {
    elderIds.push((await context.services.elders.create(runner, buildElder())).id);
  }
  const [a, b, c, d] = elderIds as [string, string, string, string];
  await insertEntitlements(
    context.database.db,
    [
      bedSubsidy(a),
      bedSubsidy(b),
      bedSubsidy(c, { endDate: '2026-01-31' }),
      bedSubsidy(d, {
        startDate: '2026-02-20',
        fundingShares: [
          { payer: 'city', basisPoints: 5000 as never },
          { payer: 'county', basisPoints: 5000 as never },
        ],
      }),
    ],
    context.clock.now(),
  );
});
afterAll(async () => context.close());

describe('SUB-2 monthly run (000-r3)', () => {
  it('pays each entitlement of the month once, with a 50 % city line where the entitlement names shares', async () => {
    const january = await context.services.ledger.startRun(runner, {
      regionCode: '330102',
      programme: 'homeCareBedCareSubsidy',
      month: '2026-01',
    });
    expect(january).toMatchObject({ created: true, entryCount: 3, totalFen: 180000 });
    const run = await context.services.ledger.startRun(runner, {
      regionCode: '330102',
      programme: 'homeCareBedCareSubsidy',
      month: '2026-02',
    });
    expect(run).toMatchObject({ created: true, status: 'computed', entryCount: 4, totalFen: 180000, batchId: null });
    expect(run.totals.byPayer).toEqual([
      { payer: 'county', lines: 3, amountFen: 150000 },
      { payer: 'city', lines: 1, amountFen: 30000 },
    ]);
    expect(run.totals.byRegion).toEqual([{ regionCode: '330102002', lines: 4, amountFen: 180000 }]);
  });

  it('running the same month again adds nothing and answers the first run (idempotent, REL-4)', async () => {
    const before = await countEntries();
    const again = await context.services.ledger.startRun(runner, {
      regionCode: '330102',
      programme: 'homeCareBedCareSubsidy',
      month: '2026-02',
    });
    expect(again.created).toBe(false);
    expect(await countEntries()).toBe(before);
    const street = await context.services.ledger.startRun(runner, {
      regionCode: '330102002',
      programme: 'homeCareBedCareSubsidy',
      month: '2026-02',
    });
    expect(street).toMatchObject({ created: true, entryCount: 0, totalFen: 0 });
    expect(await countEntries()).toBe(before);
  });

  it('explains the difference from last month: new, ended and unchanged payees', async () => {
    const march = await context.services.ledger.startRun(runner, {
      regionCode: '330102',
      programme: 'homeCareBedCareSubsidy',
      month: '2026-03',
    });
    expect(march.diff).toMatchObject({
      previousPeriod: '2026-02',
      previousTotalFen: 180000,
      currentTotalFen: 180000,
      unchanged: 3,
    });
    const february = await context.services.ledger.getRun(
      runner,
      (await context.services.ledger.listRuns(runner, { month: '2026-02', regionCode: '330102', limit: 20, offset: 0 }))
        .items[0]?.id ?? '',
    );
    expect(february.diff.counts).toEqual({ new: 1, ended: 1, changed: 0, stopped: 0 });
    expect(february.diff.items.map((item) => [item.change, item.code, item.previousFen, item.currentFen])).toEqual([
      ['new', 'NEW_PAYEE', 0, 60000],
      ['ended', 'ENTITLEMENT_ENDED', 60000, 0],
    ]);
  });

  it("refuses a region outside the runner's scope, an unknown region and a programme paid in kind", async () => {
    const street = actorWith('civilAffairsAdmin', '330102001');
    await expect(
      context.services.ledger.startRun(street, {
        regionCode: '330102',
        programme: 'homeCareBedCareSubsidy',
        month: '2026-04',
      }),
    ).rejects.toMatchObject({ code: 'REGION_OUT_OF_SCOPE', field: 'regionCode' });
    await expect(
      context.services.ledger.startRun(runner, {
        regionCode: '330102099',
        programme: 'homeCareBedCareSubsidy',
        month: '2026-04',
      }),
    ).rejects.toMatchObject({ code: 'REGION_UNKNOWN' });
    await expect(
      context.services.ledger.startRun(runner, { regionCode: '330102', programme: 'homeCareBed', month: '2026-04' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'programme' });
  });
});

describe('SUB-8 approval by a second person', () => {
  it('refuses the runner as approver (four eyes), then makes one batch; a second approval is refused', async () => {
    const list = await context.services.ledger.listRuns(runner, {
      month: '2026-02',
      regionCode: '330102',
      limit: 20,
      offset: 0,
    });
    const runId = list.items.find((item) => item.regionCode === '330102')?.id ?? '';
    await expect(context.services.ledger.approveRun(runner, runId)).rejects.toMatchObject({
      code: 'LEDGER_APPROVER_IS_RUNNER',
    });
    const approved = await context.services.ledger.approveRun(approver, runId);
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: approver.userId,
      results: { paid: 0, failed: 0, pending: 4 },
    });
    expect(approved.batchId).not.toBeNull();
    await expect(
      context.services.ledger.approveRun(actorWith('civilAffairsAdmin', '330102'), runId),
    ).rejects.toMatchObject({
      code: 'LEDGER_RUN_STATE',
    });
  });

  it("answers 404 for a run outside the actor's scope, and audits the denial (AZ-3, AZ-4)", async () => {
    const list = await context.services.ledger.listRuns(runner, { month: '2026-01', limit: 20, offset: 0 });
    const runId = list.items[0]?.id ?? '';
    const other = actorWith('civilAffairsAdmin', '371402');
    await expect(context.services.ledger.getRun(other, runId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await context.services.ledger.listRuns(other, { limit: 20, offset: 0 })).total).toBe(0);
    const audit = await context.services.audit.search({ actorId: other.userId, outcome: 'denied' }, 10, 0);
    expect(audit.items.map((row) => row.resourceIds)).toContainEqual([runId]);
  });
});

describe('REL-2 the ledger is append-only in the database', () => {
  it('refuses UPDATE and DELETE of ledger lines and batches', async () => {
    const db = context.database.db;
    await expect(db.execute(sql`UPDATE ledger_entries SET amount_fen = 1`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM ledger_entries`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE ledger_batches SET total_fen = 1`)).rejects.toThrow();
    expect(await countEntries()).toBeGreaterThan(0);
  });

  it('refuses a second standing payment for the same slot (REL-3 unique index)', async () => {
    const db = context.database.db;
    await expect(
      db.execute(sql`INSERT INTO ledger_entries (county_code, id, region_code, programme, payee_kind, payee_id, elder_id, period,
          payer, basis_points, amount_fen, kind, group_id, clause, reason, created_by, created_at)
        SELECT county_code, gen_random_uuid(), region_code, programme, payee_kind, payee_id, elder_id, period, payer,
          basis_points, amount_fen, kind, gen_random_uuid(), clause, reason, created_by, created_at
          FROM ledger_entries WHERE kind = 'payment' LIMIT 1`),
    ).rejects.toThrow();
  });

  it('verifies every REL-3 invariant over what the runs wrote', async () => {
    const result = await context.services.ledger.verify();
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

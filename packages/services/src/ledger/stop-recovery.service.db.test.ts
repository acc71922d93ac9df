import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { enqueueLedgerStop } from './stop-recovery.ts';
import { insertEntitlements } from './synthetic-data.ts';

let context: TestContext;
const runner = actorWith('civilAffairsAdmin', '330102');
const approver = actorWith('civilAffairsAdmin', '330102');
const reader = actorWith('streetOfficer', '330102002');
const programme = 'homeCareBedCareSubsidy' as const;

async function elderWithSubsidy(): Promise<{ id: string; version: number }> {
  const elder = await context.services.elders.create(runner, buildElder());
  await insertEntitlements(
    context.database.db,
    [
      {
        elderId: elder.id,
        regionCode: elder.residenceRegionCode,
        programme,
        payeeKind: 'elder',
        payeeId: elder.id,
        startDate: '2026-01-01',
        amountFen: 60000,
        cadence: 'monthly',
        clause: '000-r3',
      },
    ],
    context.clock.now(),
  );
  return { id: elder.id, version: elder.version };
}

async function runAndApprove(month: string) {
  const run = await context.services.ledger.startRun(runner, { regionCode: '330102', programme, month });
  return context.services.ledger.approveRun(approver, run.id);
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
});
afterAll(async () => context.close());

describe('SUB-3 death after payment, end to end (000-r3, REL-3)', () => {
  let elder: { id: string; version: number };

  it('entitlement → two monthly runs paid → death dated in the first month → recovery of the second month only', async () => {
    elder = await elderWithSubsidy();
    await runAndApprove('2026-01');
    await runAndApprove('2026-02');
    const before = await context.services.ledger.elderLedger(reader, elder.id, { limit: 50, offset: 0 });
    expect(before.balances).toEqual([
      { programme, paidFen: 120000, reversedFen: 0, recoveredFen: 0, balanceFen: 120000, pendingFen: 0 },
    ]);

    await context.services.elders.update(runner, elder.id, elder.version, {
      status: 'deceased',
      statusDate: '2026-01-20',
    });
    const outcome = await context.services.ledger.applyStopDate({
      elderId: elder.id,
      stopDate: '2026-01-20',
      reason: '死亡登记',
    });
    expect(outcome).toEqual({ reversed: 0, recovered: 1, recoveredFen: 60000 });

    const after = await context.services.ledger.elderLedger(reader, elder.id, { limit: 50, offset: 0 });
    expect(after.balances).toEqual([
      { programme, paidFen: 120000, reversedFen: 0, recoveredFen: -60000, balanceFen: 60000, pendingFen: 0 },
    ]);
    const recovery = after.entries.find((entry) => entry.kind === 'recovery');
    expect(recovery).toMatchObject({ period: '2026-02', amountFen: -60000, stopDate: '2026-01-20', state: 'posted' });
    const verify = await context.services.ledger.verify();
    expect(verify.ok).toBe(true);
    expect(verify.checks.every((check) => check.ok)).toBe(true);
  });

  it('applying the same stop again adds nothing (idempotent)', async () => {
    expect(
      await context.services.ledger.applyStopDate({ elderId: elder.id, stopDate: '2026-01-20', reason: '重复' }),
    ).toEqual({
      reversed: 0,
      recovered: 0,
      recoveredFen: 0,
    });
  });

  it('stops later payments: the next month skips the elder and explains it as stopped', async () => {
    const march = await context.services.ledger.startRun(runner, { regionCode: '330102', programme, month: '2026-03' });
    expect(march.entryCount).toBe(0);
    expect(march.diff.counts.stopped).toBe(1);
    expect(march.diff.items).toEqual([
      expect.objectContaining({ change: 'stopped', code: 'ELDER_DECEASED', elderId: elder.id }),
    ]);
  });

  it('reverses a recovered payment only after its recovery is reversed (REL-2)', async () => {
    const ledger = await context.services.ledger.elderLedger(reader, elder.id, { limit: 50, offset: 0 });
    const recovery = ledger.entries.find((entry) => entry.kind === 'recovery');
    const recovered = ledger.entries.find((entry) => entry.id === recovery?.recoversId);
    await expect(context.services.ledger.reverseEntry(approver, recovered?.id ?? '', '更正')).rejects.toMatchObject({
      code: 'LEDGER_ENTRY_NOT_REVERSIBLE',
      params: { reason: 'recovered' },
    });
    const reversal = await context.services.ledger.reverseEntry(approver, recovery?.id ?? '', '死亡日期录入错误');
    expect(reversal).toMatchObject({ kind: 'reversal', amountFen: 60000, reversesId: recovery?.id });
    await expect(context.services.ledger.reverseEntry(approver, recovery?.id ?? '', '再次')).rejects.toMatchObject({
      code: 'LEDGER_ENTRY_NOT_REVERSIBLE',
      params: { reason: 'alreadyReversed' },
    });
    expect((await context.services.ledger.verify()).ok).toBe(true);
  });
});

describe('SUB-3 a stop before approval, and the stop job', () => {
  it('reverses a computed (unapproved) line of a month after a move-out instead of recovering it', async () => {
    const elder = await elderWithSubsidy();
    const april = await context.services.ledger.startRun(runner, { regionCode: '330102', programme, month: '2026-04' });
    expect(april.entryCount).toBe(1);
    await context.services.elders.update(runner, elder.id, elder.version, {
      status: 'movedOut',
      statusDate: '2026-03-02',
    });
    const outcome = await context.services.ledger.applyStopDate({
      elderId: elder.id,
      stopDate: '2026-03-02',
      status: 'movedOut',
      reason: '迁出',
    });
    expect(outcome).toEqual({ reversed: 1, recovered: 0, recoveredFen: 0 });
    const approved = await context.services.ledger.approveRun(approver, april.id);
    expect(approved.reversedFen).toBe(-60000);
    const batch = await context.services.ledger.exportBatch(approver, april.id);
    expect(batch.rows).toBe(0);
  });

  it('runs through the ledger.stop job enqueued with the status change', async () => {
    const elder = await elderWithSubsidy();
    await runAndApprove('2026-05');
    await context.database.db.transaction(async (tx) => {
      await enqueueLedgerStop(tx, {
        elderId: elder.id,
        stopDate: '2026-04-30',
        reason: '死亡登记',
        dedupeKey: elder.id,
        now: context.clock.now(),
      });
    });
    expect(await context.services.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const ledger = await context.services.ledger.elderLedger(reader, elder.id, { limit: 50, offset: 0 });
    expect(ledger.entries.map((entry) => [entry.kind, entry.period, entry.amountFen])).toEqual([
      ['payment', '2026-05', 60000],
      ['recovery', '2026-05', -60000],
    ]);
  });

  it("answers 404 for an elder outside the reader's scope and audits the denial (AZ-3)", async () => {
    const elder = await elderWithSubsidy();
    const other = actorWith('streetOfficer', '330102001');
    await expect(context.services.ledger.elderLedger(other, elder.id, { limit: 10, offset: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const audit = await context.services.audit.search({ actorId: other.userId, outcome: 'denied' }, 10, 0);
    expect(audit.items.map((row) => row.resourceIds)).toContainEqual([elder.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { rows } from '../db/database.ts';
import { insertEntitlements } from './synthetic-data.ts';

let context: TestContext;
const ELDERS = 40;
const programme = 'homeCareBedCareSubsidy' as const;

const count = async (table: 'ledger_runs' | 'ledger_batches' | 'ledger_entries') => {
  const [row] = await rows<{ n: number | string }>(
    context.database.db,
    sql`SELECT count(*) AS n FROM ${sql.raw(table)}`,
  );
  return Number(row?.n ?? 0);
};

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
  const creator = actorWith('civilAffairsAdmin', '330102');
  const entitlements = [];
  for (let index = 0; index < ELDERS; index += 1) {
    const elder = await context.services.elders.create(creator, buildElder());
    entitlements.push({
      elderId: elder.id,
      regionCode: elder.residenceRegionCode,
      programme,
      payeeKind: 'elder' as const,
      payeeId: elder.id,
      startDate: '2026-01-01',
      amountFen: 60000,
      cadence: 'monthly' as const,
      clause: '000-r3',
    });
  }
  await insertEntitlements(context.database.db, entitlements, context.clock.now());
});
afterAll(async () => context.close());

describe('REL-4 on PostgreSQL: concurrent monthly runs', () => {
  it('runs on PostgreSQL (this tier proves what one PGlite connection cannot)', () => {
    expect(context.database.engine).toBe('postgres');
  });

  it('two runs of the same (region, programme, month) started at once make one run, one set of lines, one batch', async () => {
    const body = { regionCode: '330102', programme, month: '2026-02' };
    const [first, second] = await Promise.all([
      context.services.ledger.startRun(actorWith('civilAffairsAdmin', '330102'), body),
      context.services.ledger.startRun(actorWith('civilAffairsAdmin', '330102'), body),
    ]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await count('ledger_runs')).toBe(1);
    expect(await count('ledger_entries')).toBe(ELDERS);

    const approvals = await Promise.allSettled([
      context.services.ledger.approveRun(actorWith('civilAffairsAdmin', '330102'), first.id),
      context.services.ledger.approveRun(actorWith('civilAffairsAdmin', '330102'), first.id),
    ]);
    expect(approvals.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = approvals.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : undefined).toMatchObject({ code: 'LEDGER_RUN_STATE' });
    expect(await count('ledger_batches')).toBe(1);
  });

  it('overlapping runs (the county and one street) started at once never pay a slot twice (REL-3)', async () => {
    const before = await count('ledger_entries');
    const outcomes = await Promise.allSettled([
      context.services.ledger.startRun(actorWith('civilAffairsAdmin', '330102'), {
        regionCode: '330102',
        programme,
        month: '2026-03',
      }),
      context.services.ledger.startRun(actorWith('civilAffairsAdmin', '330102'), {
        regionCode: '330102002',
        programme,
        month: '2026-03',
      }),
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'LEDGER_SLOT_TAKEN' });
    }
    expect(await count('ledger_entries')).toBe(before + ELDERS);
    const verify = await context.services.ledger.verify();
    expect(verify.checks.find((check) => check.name === 'onePaymentPerSlot')).toMatchObject({ ok: true });
    expect(verify.ok).toBe(true);
  });

  it('a stop racing a run is applied after the run commits: nothing stands after the stop date', async () => {
    const runner = actorWith('civilAffairsAdmin', '330102');
    const ledger = await context.services.ledger.listRuns(runner, { month: '2026-02', limit: 1, offset: 0 });
    expect(ledger.total).toBe(1);
    const [elder] = await rows<{ id: string; version: number }>(
      context.database.db,
      sql`SELECT id, version FROM elders ORDER BY id LIMIT 1`,
    );
    if (!elder) throw new Error('no elder');
    await context.services.elders.update(runner, elder.id, elder.version, {
      status: 'deceased',
      statusDate: '2026-01-15',
    });
    await Promise.all([
      context.services.ledger.startRun(runner, { regionCode: '330102', programme, month: '2026-04' }),
      context.services.ledger.applyStopDate({ elderId: elder.id, stopDate: '2026-01-15', reason: '死亡登记' }),
    ]);
    await context.services.ledger.applyStopDate({ elderId: elder.id, stopDate: '2026-01-15', reason: '死亡登记' });
    const verify = await context.services.ledger.verify();
    expect(verify.checks.every((check) => check.ok)).toBe(true);
  });
});

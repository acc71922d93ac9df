import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEntitlements } from '@kangyang/services/ledger/synthetic-data';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * SUB-3 end to end through the API: a 600-yuan monthly subsidy (000-r3) paid for January and
 * February, then a death dated 20 January recorded on the elder's record in March. The status
 * change re-checks the entitlements (ends them on the death date) and queues the ledger stop, which
 * recovers February; March's run pays nothing and explains why. The approved entitlement is a
 * fixture row (the approval flow itself is covered by applications.routes.db.test.ts).
 */
let t: TestApp;
let elderId = '';
let keyCounter = 0;
const key = () => `ledger-recovery-key-${String((keyCounter += 1)).padStart(4, '0')}`;
const as = (username: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${t.tokenOf(username)}`,
  ...extra,
});
const programme = 'homeCareBedCareSubsidy';

type Ledger = {
  balances: { programme: string; paidFen: number; recoveredFen: number; balanceFen: number }[];
  entries: { kind: string; period: string; amountFen: number; stopDate: string | null; state: string }[];
};

async function runAndApprove(month: string): Promise<{ id: string; entryCount: number; diff: unknown }> {
  const started = await t.app.inject({
    method: 'POST',
    url: '/api/ledger/runs',
    headers: as('district', { 'idempotency-key': key() }),
    payload: { regionCode: '330102', programme, month },
  });
  expect(started.statusCode).toBe(201);
  const run = started.json() as { id: string; entryCount: number; diff: unknown };
  const approved = await t.app.inject({
    method: 'POST',
    url: `/api/ledger/runs/${run.id}/approve`,
    headers: as('admin', { 'idempotency-key': key() }),
  });
  expect(approved.statusCode).toBe(200);
  return run;
}

async function ledgerOf(username: string): Promise<Ledger> {
  const reply = await t.app.inject({ method: 'GET', url: `/api/elders/${elderId}/ledger`, headers: as(username) });
  expect(reply.statusCode).toBe(200);
  return reply.json();
}

/** Runs queued jobs until none is due (the re-check queues the ledger stop). */
async function drainJobs(): Promise<number> {
  let total = 0;
  for (let round = 0; round < 5; round += 1) {
    const ran = await t.services.jobs.runDue();
    total += ran;
    if (ran === 0) break;
  }
  return total;
}

beforeAll(async () => {
  t = await openTestApp({ now: '2026-03-05T02:00:00.000Z' });
  const elder = await t.services.elders.create(actorWith('civilAffairsAdmin', '330102'), buildElder());
  elderId = elder.id;
  const entitlement = {
    elderId,
    regionCode: elder.residenceRegionCode,
    programme,
    payeeKind: 'elder' as const,
    payeeId: elderId,
    startDate: '2026-01-01',
    amountFen: 60000,
    cadence: 'monthly' as const,
    clause: '000-r3',
  };
  await insertEntitlements(t.database.db, [entitlement], t.clock.now());
});
afterAll(async () => t.close());

describe('SUB-3 death after payment, through the API', () => {
  it('pays January and February, then a death dated in January recovers February only', async () => {
    expect((await runAndApprove('2026-01')).entryCount).toBe(1);
    expect((await runAndApprove('2026-02')).entryCount).toBe(1);
    expect((await ledgerOf('street')).balances).toEqual([
      expect.objectContaining({ programme, paidFen: 120000, recoveredFen: 0, balanceFen: 120000 }),
    ]);

    const current = await t.app.inject({ method: 'GET', url: `/api/elders/${elderId}`, headers: as('district') });
    const { version } = current.json() as { version: number };
    const death = await t.app.inject({
      method: 'PATCH',
      url: `/api/elders/${elderId}`,
      headers: as('district', { 'if-match': `"${version}"` }),
      payload: { status: 'deceased', statusDate: '2026-01-20' },
    });
    expect(death.statusCode).toBe(200);
    expect(await drainJobs()).toBeGreaterThanOrEqual(2);

    const after = await ledgerOf('street');
    expect(after.balances).toEqual([
      expect.objectContaining({ programme, paidFen: 120000, recoveredFen: -60000, balanceFen: 60000 }),
    ]);
    const recoveries = after.entries.filter((entry) => entry.kind === 'recovery');
    expect(recoveries).toEqual([
      expect.objectContaining({ period: '2026-02', amountFen: -60000, stopDate: '2026-01-20', state: 'posted' }),
    ]);
  });

  it('applies the stop once: draining again and re-saving the same status add nothing', async () => {
    expect(await drainJobs()).toBe(0);
    const entries = (await ledgerOf('district')).entries;
    expect(entries.filter((entry) => entry.kind === 'recovery')).toHaveLength(1);
  });

  it("March's run pays nothing and explains the stop (ELDER_DECEASED); its repeat adds nothing", async () => {
    const march = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': key() }),
      payload: { regionCode: '330102', programme, month: '2026-03' },
    });
    expect(march.statusCode).toBe(201);
    const run = march.json() as {
      id: string;
      entryCount: number;
      diff: { counts: Record<string, number>; items: { change: string; code: string; elderId: string | null }[] };
    };
    expect(run.entryCount).toBe(0);
    expect(run.diff.counts).toMatchObject({ new: 0, stopped: 1 });
    expect(run.diff.items).toEqual([expect.objectContaining({ change: 'stopped', code: 'ELDER_DECEASED', elderId })]);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/runs',
      headers: as('district', { 'idempotency-key': key() }),
      payload: { regionCode: '330102', programme, month: '2026-03' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: run.id, created: false, entryCount: 0 });
    const verify = await t.services.ledger.verify();
    expect(verify.ok).toBe(true);
  });
});

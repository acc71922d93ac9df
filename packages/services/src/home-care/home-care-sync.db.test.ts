import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncAction, SyncBatch } from '@kangyang/contracts/home-care';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { uuidv7 } from '../ids.ts';
import { rows } from '../db/database.ts';
import { sql } from 'drizzle-orm';
import { COMMUNITY, ELDER_HOME, eastOfHome, seedHomeCareFixture, type HomeCareFixture } from './home-care-fixture.ts';
import { visitCodeOf } from './visit-code.ts';

let context: TestContext;
let fixture: HomeCareFixture;
const official = actorWith('civilAffairsAdmin', '330102');
const nearCaregiver = actorWith('caregiver', '330102');
const farCaregiver = actorWith('caregiver', '330102');
const MINUTE = 60_000;

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  fixture = await seedHomeCareFixture(
    context.services,
    { official, nearCaregiver, farCaregiver },
    buildElder({
      residenceRegionCode: COMMUNITY,
      location: ELDER_HOME,
      categories: [{ category: 'nearMinimumLiving' }],
    }),
  );
});
afterAll(async () => context.close());

/** An order assigned to the near caregiver (the operator override keeps the test independent of ranking). */
async function assignedOrder(code: string, key: string): Promise<string> {
  const hc = context.services.homeCare;
  const serviceItemId = fixture.items.get(code)?.id ?? '';
  const order = await hc.createOrder(
    official,
    { elderId: fixture.elderId, serviceItemId, channel: 'app', urgency: 'routine' },
    key,
  );
  await hc.override(official, order.id, { workerId: fixture.near, reason: '固定护理员' });
  return order.id;
}

let sequence = 0;
const at = (minutesFromNow: number) => new Date(context.clock.now().getTime() + minutesFromNow * MINUTE).toISOString();
const item = (action: SyncAction) => ({ clientId: uuidv7(), sequence: (sequence += 1), queuedAt: at(0), action });
/** The device numbers its outbox in the order the caregiver acted. */
const batchOf = (...items: ReturnType<typeof item>[]): SyncBatch => ({
  deviceId: 'phone-zhang',
  items: items.map((entry) => ({ ...entry, sequence: (sequence += 1) })),
});

async function countRows(table: 'hc_visits' | 'hc_visit_evidence', visitColumn: string, id: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    context.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${sql.raw(visitColumn)} = ${id}`,
  );
  return row?.n ?? 0;
}

describe('HCS-6 offline sync (REL-6)', () => {
  it('creates each visit once however often the same batch is replayed, and posts the subsidy once', async () => {
    const hc = context.services.homeCare;
    const orderId = await assignedOrder('PC01', 'sync-order-1');
    const visitId = uuidv7();
    const tasks = ['wash', 'dress', 'skin', 'safety'].map((taskCode, index) =>
      item({ kind: 'task', visitId, taskCode, outcome: 'done', at: at(5 + index) }),
    );
    const batch = batchOf(
      item({
        kind: 'checkIn',
        orderId,
        visitId,
        at: at(1),
        method: 'gps',
        location: { ...eastOfHome(40), accuracyM: 15 },
      }),
      ...tasks,
      item({ kind: 'note', visitId, text: '老人精神很好', at: at(20) }),
      item({ kind: 'photo', visitId, photoRef: 'photo://p1', at: at(21), location: eastOfHome(30) }),
      item({ kind: 'confirm', visitId, method: 'code', by: 'family', code: visitCodeOf(orderId), at: at(55) }),
      item({ kind: 'checkOut', visitId, at: at(58), method: 'gps', location: { ...eastOfHome(20), accuracyM: 10 } }),
    );
    const first = await hc.sync(nearCaregiver, batch);
    expect(first.items.map((outcome) => outcome.code ?? outcome.status)).toEqual(batch.items.map(() => 'applied'));
    for (let replay = 0; replay < 3; replay += 1) {
      const again = await hc.sync(nearCaregiver, batch);
      expect(again.items.map((outcome) => outcome.status)).toEqual(batch.items.map(() => 'duplicate'));
    }
    expect(await countRows('hc_visits', 'order_id', orderId)).toBe(1);
    expect(await countRows('hc_visit_evidence', 'visit_id', visitId)).toBe(2);
    const visit = await hc.getVisit(official, visitId);
    expect(visit).toMatchObject({ status: 'completed', flags: [], subsidyFen: 4800, durationMinutes: 57 });
    expect(visit.evv).toMatchObject({
      verified: true,
      elderId: fixture.elderId,
      workerId: fixture.near,
      date: '2026-11-04',
    });
    const ledger = await context.services.ledger.elderLedger(official, fixture.elderId, { limit: 50, offset: 0 });
    expect(ledger.entries.filter((entry) => entry.kind === 'payment')).toHaveLength(1);
    expect(ledger.balances).toEqual([expect.objectContaining({ programme: 'serviceSubsidy', balanceFen: 4800 })]);
  });

  it('resolves conflicting edits: latest device time wins, first check-in stands, nothing after check-out', async () => {
    const hc = context.services.homeCare;
    const orderId = await assignedOrder('HK01', 'sync-order-2');
    const visitId = uuidv7();
    await hc.sync(
      nearCaregiver,
      batchOf(item({ kind: 'checkIn', orderId, visitId, at: at(1), method: 'gps', location: eastOfHome(50) })),
    );
    const otherPhone = await hc.sync(
      nearCaregiver,
      batchOf(
        item({ kind: 'checkIn', orderId, visitId: uuidv7(), at: at(2), method: 'gps', location: eastOfHome(50) }),
      ),
    );
    expect(otherPhone.items[0]).toMatchObject({ status: 'rejected', code: 'HC_VISIT_EXISTS' });

    const newer = await hc.sync(
      nearCaregiver,
      batchOf(item({ kind: 'task', visitId, taskCode: 'clean', outcome: 'done', at: at(30) })),
    );
    const older = await hc.sync(
      nearCaregiver,
      batchOf(item({ kind: 'task', visitId, taskCode: 'clean', outcome: 'refused', at: at(10) })),
    );
    expect(newer.items[0]).toMatchObject({ status: 'applied', resolution: 'stored' });
    expect(older.items[0]).toMatchObject({ status: 'applied', resolution: 'stale' });

    await hc.sync(
      nearCaregiver,
      batchOf(
        item({ kind: 'task', visitId, taskCode: 'laundry', outcome: 'done', at: at(60) }),
        item({ kind: 'task', visitId, taskCode: 'safety', outcome: 'notDone', note: '无法进入', at: at(61) }),
        item({ kind: 'checkOut', visitId, at: at(120), method: 'manual', manualReason: '手机定位失败' }),
      ),
    );
    const late = await hc.sync(
      nearCaregiver,
      batchOf(item({ kind: 'task', visitId, taskCode: 'laundry', outcome: 'refused', at: at(125) })),
    );
    expect(late.items[0]).toMatchObject({ status: 'rejected', code: 'HC_VISIT_CLOSED' });
    const visit = await hc.getVisit(official, visitId);
    expect(visit.tasks.find((task) => task.code === 'clean')?.outcome).toBe('done');
    expect(visit.flags).toEqual(expect.arrayContaining(['manualEntry', 'unconfirmed']));
    expect(visit.evv.verified).toBe(false);
  });

  it("refuses another caregiver's order and flags an out-of-area check-in", async () => {
    const hc = context.services.homeCare;
    const orderId = await assignedOrder('SH01', 'sync-order-3');
    const stranger = await hc.sync(
      farCaregiver,
      batchOf(item({ kind: 'checkIn', orderId, visitId: uuidv7(), at: at(1), method: 'gps', location: ELDER_HOME })),
    );
    expect(stranger.items[0]).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    const visitId = uuidv7();
    await hc.sync(
      nearCaregiver,
      batchOf(item({ kind: 'checkIn', orderId, visitId, at: at(1), method: 'gps', location: eastOfHome(900) })),
    );
    const visit = await hc.getVisit(official, visitId);
    expect(visit.flags).toContain('outOfArea');
    const alerts = await hc.alerts(official, { kind: 'outOfArea', limit: 50, offset: 0 });
    expect(alerts.items.map((alert) => alert.visitId)).toContain(visitId);
    const mine = await hc.myTasks(farCaregiver);
    expect(mine.items.map((task) => task.orderId)).not.toContain(orderId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { COMMUNITY, ELDER_HOME, seedHomeCareFixture, type HomeCareFixture } from './home-care-fixture.ts';

let context: TestContext;
let fixture: HomeCareFixture;
const official = actorWith('civilAffairsAdmin', '330102');
const otherStreet = actorWith('streetOfficer', '330102001');
const nearCaregiver = actorWith('caregiver', '330102');
const farCaregiver = actorWith('caregiver', '330102');
const MINUTE = 60_000;

beforeAll(async () => {
  // a Wednesday, 09:00 in Shanghai: inside everyone's shift
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  fixture = await seedHomeCareFixture(
    context.services,
    { official, nearCaregiver, farCaregiver },
    buildElder({ residenceRegionCode: COMMUNITY, location: ELDER_HOME, categories: [{ category: 'minimumLiving' }] }),
  );
});
afterAll(async () => context.close());

const orderBody = (code: string) => ({
  elderId: fixture.elderId,
  serviceItemId: fixture.items.get(code)?.id ?? '',
  channel: 'phone' as const,
  urgency: 'routine' as const,
});

describe('HCS-3 orders: one trail, no duplicates on retry', () => {
  it('answers a retried creation with the first order, priced free for a minimum-living elder', async () => {
    const hc = context.services.homeCare;
    const first = await hc.createOrder(official, orderBody('HK01'), 'retry-key-1');
    const again = await hc.createOrder(official, orderBody('HK01'), 'retry-key-1');
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ channel: 'phone', priceFen: 8000, subsidyFen: 8000, elderPaysFen: 0 });
    const listed = await hc.listOrders(official, { elderId: fixture.elderId, limit: 50, offset: 0 });
    expect(listed.items.filter((order) => order.id === first.id)).toHaveLength(1);
    await hc.cancelOrder(official, first.id, '测试取消');
  });

  it('hides an order from an official of another street (404, as if missing)', async () => {
    const order = await context.services.homeCare.createOrder(official, orderBody('SH01'), 'scope-key');
    await expect(context.services.homeCare.getOrder(otherStreet, order.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const listed = await context.services.homeCare.listOrders(otherStreet, { limit: 50, offset: 0 });
    expect(listed.items.map((item) => item.id)).not.toContain(order.id);
    await context.services.homeCare.cancelOrder(official, order.id, '测试取消');
  });
});

describe('HCS-4 dispatch: best candidate first, offers pass on, overrides need a reason', () => {
  it('offers to the nearest eligible worker, passes on after the timeout, then an operator assigns', async () => {
    const hc = context.services.homeCare;
    const order = await hc.createOrder(official, orderBody('PC01'), 'dispatch-key');
    expect(order.status).toBe('offered');
    expect(order.offers).toMatchObject([{ workerId: fixture.near, status: 'pending', rank: 1 }]);
    const ranked = await hc.candidates(official, order.id);
    expect(ranked.items.map((item) => item.workerId)).toEqual([fixture.near, fixture.far]);
    expect(ranked.items[0]?.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['near', 'hasSkills']),
    );
    const nearTasks = await hc.myTasks(nearCaregiver);
    expect(nearTasks.items.find((task) => task.orderId === order.id)?.status).toBe('offered');

    context.clock.advance(4 * MINUTE);
    await context.services.jobs.runDue();
    expect((await hc.getOrder(official, order.id)).offers[0]?.status).toBe('pending');
    context.clock.advance(2 * MINUTE);
    await context.services.jobs.runDue();
    const passed = await hc.getOrder(official, order.id);
    expect(passed.offers.map((offer) => [offer.workerId, offer.status])).toEqual([
      [fixture.near, 'expired'],
      [fixture.far, 'pending'],
    ]);

    const farOffer = passed.offers[1]?.id ?? '';
    await hc.replyToOffer(farCaregiver, farOffer, { accept: false, reason: '在别处服务' });
    expect((await hc.getOrder(official, order.id)).status).toBe('open');
    await expect(hc.dispatch(official, order.id)).rejects.toMatchObject({ code: 'HC_NO_CANDIDATE' });

    const assigned = await hc.override(official, order.id, { workerId: fixture.near, reason: '老人点名要张阿姨' });
    expect(assigned).toMatchObject({ status: 'assigned', workerId: fixture.near });
    expect(assigned.offers.at(-1)).toMatchObject({ override: true, reason: '老人点名要张阿姨', status: 'accepted' });
  });

  it('raises at-risk and breached alerts from the 30-minute clock', async () => {
    const hc = context.services.homeCare;
    const order = await hc.createOrder(official, orderBody('CP01'), 'clock-key');
    expect(order.clock).toMatchObject({ targetMinutes: 30, status: 'onTime' });
    context.clock.advance(21 * MINUTE);
    await context.services.jobs.runDue(50);
    expect((await hc.getOrder(official, order.id)).clock.status).toBe('atRisk');
    context.clock.advance(10 * MINUTE);
    await context.services.jobs.runDue(50);
    const alerts = await hc.alerts(official, { limit: 50, offset: 0 });
    const kinds = alerts.items.filter((alert) => alert.orderId === order.id).map((alert) => alert.kind);
    expect(kinds).toEqual(expect.arrayContaining(['atRisk', 'breached']));
    expect((await hc.getOrder(official, order.id)).clock.status).toBe('breached');
    const outside = await hc.alerts(otherStreet, { limit: 50, offset: 0 });
    expect(outside.items.map((alert) => alert.orderId)).not.toContain(order.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';

/** HCS-11 delivery for disabled elders: the round in driving order, handed over at the door. */
let context: TestContext;
let siteId = '';
const district = actorWith('civilAffairsAdmin', '330102');
const community = actorWith('communityWorker', '330102002001');
const neighbour = actorWith('communityWorker', '330102002002');
const day = '2026-11-03';
const KITCHEN = { lng: 120.17, lat: 30.25 };

async function deliveredTo(name: string, dLng: number | null) {
  const elder = await context.services.elders.create(
    district,
    buildElder({
      name,
      categories: [{ category: 'severeDisability' }],
      address: `${name}家`,
      location: dLng === null ? null : { lng: KITCHEN.lng + dLng, lat: KITCHEN.lat },
    }),
  );
  const order = { siteId, elderId: elder.id, mealDate: day, meal: 'lunch' as const, channel: 'family' as const };
  await context.services.meals.placeOrder(community, { ...order, delivery: true });
  return elder;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-02T03:30:00.000Z' });
  const site = await context.services.meals.createSite(district, {
    name: '湖滨中央厨房',
    kind: 'canteen',
    regionCode: '330102002001',
    location: KITCHEN,
    serviceRadiusM: 2000,
    openingHours: {},
    offersMeals: true,
    offersDelivery: true,
  });
  siteId = site.id;
  await context.services.meals.putMenu(district, siteId, day, 'lunch', {
    dishes: ['软米饭', '清蒸鱼'],
    dietTags: ['soft'],
    priceFen: 1500,
  });
});
afterAll(async () => context.close());

describe('HCS-11 meal delivery round', () => {
  it('lists the doors nearest-first from the kitchen, unlocated ones last, and marks a stop delivered once handed over', async () => {
    const far = await deliveredTo('远端', 0.004);
    const near = await deliveredTo('近处', 0.001);
    const unknown = await deliveredTo('无定位', null);
    const middle = await deliveredTo('中间', 0.0025);
    const counter = await context.services.elders.create(district, buildElder({ name: '堂食' }));
    await context.services.meals.placeOrder(community, {
      siteId,
      elderId: counter.id,
      mealDate: day,
      meal: 'lunch',
      channel: 'preorder',
      delivery: false,
    });

    const round = await context.services.meals.deliveryRound(community, siteId, { date: day, meal: 'lunch' });
    expect(round.items.map((stop) => stop.elderId)).toEqual([near.id, middle.id, far.id, unknown.id]);
    expect(round).toMatchObject({ total: 4, delivered: 0, siteName: '湖滨中央厨房' });
    expect(round.items[0]).toMatchObject({ sequence: 1, elderName: '近处', address: '近处家', status: 'toDeliver' });
    expect(round.items[0]?.idNumberMasked).toMatch(/^\d{4}\*{8}[\dX]{4}$/);
    expect(round.items[3]?.legMetres).toBeNull();
    // 0.004° of longitude at 30.25° N ≈ 384 m out and along the street
    expect(round.roundMetres).toBeGreaterThan(370);
    expect(round.roundMetres).toBeLessThan(400);

    context.clock.set('2026-11-03T03:50:00.000Z');
    await context.services.meals.redeem(community, {
      siteId,
      meal: 'lunch',
      credential: { kind: 'qr', value: near.id },
    });
    const after = await context.services.meals.deliveryRound(community, siteId, { date: day, meal: 'lunch' });
    expect(after.delivered).toBe(1);
    expect(after.items[0]).toMatchObject({
      elderId: near.id,
      status: 'delivered',
      deliveredAt: '2026-11-03T03:50:00.000Z',
    });
    const audited = await queryOne<{ n: number; ids: number }>(
      context.database,
      `SELECT count(*)::int AS n, max(cardinality(resource_ids))::int AS ids FROM audit_log WHERE action = 'meal.deliveryRound'`,
    );
    expect(audited).toEqual({ n: 2, ids: 4 });
  });

  it('a worker of another community gets 404 for the site, and the denial is audited', async () => {
    await expect(
      context.services.meals.deliveryRound(neighbour, siteId, { date: day, meal: 'lunch' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'meal.deliveryRound' AND outcome = 'denied'`,
    );
    expect(denied.n).toBe(1);
  });
});

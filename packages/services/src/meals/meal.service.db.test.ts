import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';
import { DEFAULT_MEAL_SUBSIDY_RULE } from '@kangyang/domain/community-services';
import { qrPayloadOf } from './meal-redemption.ts';
import { insertCards } from './meal.repo.ts';

let context: TestContext;
let siteId = '';
const district = actorWith('civilAffairsAdmin', '330102');
const community = actorWith('communityWorker', '330102002001');
const neighbour = actorWith('communityWorker', '330102002002');
const today = '2026-11-02';

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-02T03:30:00.000Z' });
  const site = await context.services.meals.createSite(district, {
    name: '示范社区老年食堂',
    kind: 'canteen',
    regionCode: '330102002001',
    location: { lng: 120.17, lat: 30.25 },
    serviceRadiusM: 1000,
    openingHours: { 'mon-sun': '10:30-13:00' },
    offersMeals: true,
    offersDelivery: true,
    mealCapacity: 120,
  });
  siteId = site.id;
  await context.services.meals.putMenu(district, siteId, today, 'lunch', {
    dishes: ['红烧肉', '青菜'],
    dietTags: ['lowSalt'],
    priceFen: 1500,
  });
});
afterAll(async () => context.close());

const counts = () => context.services.meals.dailyCounts(district, { siteId, from: today, to: today });

describe('HCS-11 redemption at the counter', () => {
  it('redeems by card, QR and ID number with the category subsidy, once per elder and meal however often it is scanned', async () => {
    const poor = await context.services.elders.create(
      district,
      buildElder({ name: '李低保', categories: [{ category: 'minimumLiving' }] }),
    );
    const plain = await context.services.elders.create(
      district,
      buildElder({ name: '王普通', birthDate: '1950-05-01' }),
    );
    const idElder = buildElder({ name: '赵身份', birthDate: '1940-01-01' });
    const old = await context.services.elders.create(district, idElder);
    await insertCards(context.database.db, [
      { countyCode: '330102', cardNumber: 'MC330102000001', elderId: poor.id, issuedOn: today, status: 'active' },
    ]);

    const byCard = { siteId, meal: 'lunch' as const, credential: { kind: 'card' as const, value: 'mc330102000001' } };
    const first = await context.services.meals.redeem(community, byCard);
    const minimumLiving = DEFAULT_MEAL_SUBSIDY_RULE.byCategory['minimumLiving'] ?? 0;
    expect(first).toMatchObject({ alreadyRedeemed: false, elder: { name: '李低保' } });
    expect(first.order).toMatchObject({
      status: 'redeemed',
      priceFen: 1500,
      subsidyFen: minimumLiving,
      payableFen: 1500 - minimumLiving,
      subsidyBasis: 'minimumLiving',
      redeemedVia: 'card',
    });
    const again = await Promise.all([
      context.services.meals.redeem(community, byCard),
      context.services.meals.redeem(community, byCard),
    ]);
    expect(again.map((reply) => [reply.alreadyRedeemed, reply.order.id])).toEqual([
      [true, first.order.id],
      [true, first.order.id],
    ]);

    const byQr = await context.services.meals.redeem(community, {
      siteId,
      meal: 'lunch',
      credential: { kind: 'qr', value: qrPayloadOf(plain.id) },
    });
    expect(byQr.order).toMatchObject({ subsidyFen: DEFAULT_MEAL_SUBSIDY_RULE.everyone, subsidyBasis: 'everyone' });
    const byId = await context.services.meals.redeem(community, {
      siteId,
      meal: 'lunch',
      credential: { kind: 'idNumber', value: idElder.idNumber.toLowerCase() },
    });
    expect(byId.order).toMatchObject({
      subsidyFen: DEFAULT_MEAL_SUBSIDY_RULE.advancedAge?.fen,
      subsidyBasis: 'advancedAge',
      elderId: old.id,
    });
    expect(byId.elder.idNumberMasked).toMatch(/^\d{4}\*{8}\d{3}[\dX]$/);

    const [day] = (await counts()).items;
    const subsidy = first.order.subsidyFen + byQr.order.subsidyFen + byId.order.subsidyFen;
    expect(day).toMatchObject({ ordered: 3, redeemed: 3, subsidyFen: subsidy, payableFen: 4500 - subsidy });
    const orders = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM meal_orders WHERE site_id = '${siteId}'`,
    );
    expect(orders.n).toBe(3);
    const audited = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'meal.redeem'`,
    );
    expect(audited.n).toBe(5);
  });

  it('answers one error for an unknown card and for a site outside the worker’s scope', async () => {
    await expect(
      context.services.meals.redeem(community, {
        siteId,
        meal: 'lunch',
        credential: { kind: 'card', value: 'MC999999' },
      }),
    ).rejects.toMatchObject({ code: 'MEAL_CREDENTIAL_UNKNOWN', field: 'credential' });
    await expect(
      context.services.meals.redeem(neighbour, {
        siteId,
        meal: 'lunch',
        credential: { kind: 'card', value: 'MC330102000001' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      context.services.meals.redeem(community, {
        siteId,
        meal: 'dinner',
        credential: { kind: 'card', value: 'MC330102000001' },
      }),
    ).rejects.toMatchObject({ code: 'MEAL_NO_MENU' });
  });

  it('redeems a pre-order (delivery for a severely disabled elder) without counting it twice, and repeats the menu weekly', async () => {
    const disabled = await context.services.elders.create(
      district,
      buildElder({ name: '钱重残', categories: [{ category: 'severeDisability' }] }),
    );
    const nextWeek = '2026-11-09';
    const order = {
      siteId,
      elderId: disabled.id,
      mealDate: nextWeek,
      meal: 'lunch' as const,
      channel: 'family' as const,
      delivery: true,
    };
    const placed = await context.services.meals.placeOrder(community, order);
    expect(await context.services.meals.placeOrder(community, order)).toMatchObject({
      id: placed.id,
      status: 'ordered',
      delivery: true,
      priceFen: 1500,
    });
    const plain = await context.services.elders.create(district, buildElder({ name: '孙不送' }));
    await expect(context.services.meals.placeOrder(community, { ...order, elderId: plain.id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'delivery',
    });
    context.clock.set('2026-11-09T03:40:00.000Z');
    const redeemed = await context.services.meals.redeem(community, {
      siteId,
      meal: 'lunch',
      credential: { kind: 'qr', value: disabled.id },
    });
    expect(redeemed).toMatchObject({ alreadyRedeemed: false, order: { id: placed.id, status: 'redeemed' } });
    const [day] = (await context.services.meals.dailyCounts(district, { siteId, from: nextWeek, to: nextWeek })).items;
    expect(day).toMatchObject({ ordered: 1, redeemed: 1, delivered: 1 });
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import type { OrderDto } from '@kangyang/contracts/home-care';
import type { MyCatalogueItem, MyElderDto, MyOrderDto } from '@kangyang/contracts/self-service';
import { createAccount } from '@kangyang/services/auth/accounts';
import { uuidv7 } from '@kangyang/services/ids';
import { seedCatalogue, seedProvider } from '@kangyang/services/home-care/home-care-seed';
import { insertLink, revokeLink } from '@kangyang/services/self-service/link.repo';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne, queryRows } from '@kangyang/test-kit/sql';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** Issue 6 items 2 and 7, AZ-8: the elder's and the family's phone pages, only for linked elders. */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-Self-Test-2026!';
const HOME = { lng: 120.17, lat: 30.25 };
const users: Record<'elder' | 'family' | 'officer', { headers: Record<string, string>; userId: string }> = {
  elder: { headers: {}, userId: '' },
  family: { headers: {}, userId: '' },
  officer: { headers: {}, userId: '' },
};
const elders: Record<'mine' | 'mother' | 'stranger', string> = { mine: '', mother: '', stranger: '' };
let serviceItemId = '';
let providerId = '';

async function login(role: Role, username: string) {
  const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode: '330102002' }] };
  const userId = await createAccount(context.database.db, account, context.clock.now());
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return { headers: { authorization: `Bearer ${(reply.json() as { token: string }).token}` }, userId };
}

async function link(userId: string, elderId: string, relation: string) {
  const now = context.clock.now();
  await insertLink(context.database.db, {
    countyCode: '330102',
    id: uuidv7(),
    userId,
    elderId,
    relation,
    grantedBy: null,
    now,
  });
}

/** A completed order and its checked-out visit of the elder, two days ago (as the caregiver's phone leaves it). */
async function completedVisit(elderId: string): Promise<{ orderId: string; visitId: string }> {
  const orderId = uuidv7();
  const visitId = uuidv7();
  const workerId = uuidv7();
  const at = new Date(context.clock.now().getTime() - 2 * 86_400_000).toISOString();
  await queryRows(
    context.database,
    `INSERT INTO hc_orders (county_code, id, region_code, elder_id, service_item_id, channel,
      urgency, status, target_minutes, due_at, arrived_at, provider_id, worker_id, price_fen, subsidy_fen, elder_pays_fen,
      programme, created_at, updated_at)
    VALUES ('330102', '${orderId}', '330102002001', '${elderId}', '${serviceItemId}', 'phone', 'routine', 'completed', 30,
      '${at}', '${at}', '${providerId}', '${workerId}', 6000, 0, 6000, 'serviceSubsidy', '${at}', '${at}')`,
  );
  await queryRows(
    context.database,
    `INSERT INTO hc_visits (county_code, id, order_id, elder_id, worker_id, provider_id,
      service_item_id, status, check_in_at, check_in_method, check_out_at, check_out_method, tolerance_m, created_at, updated_at)
    VALUES ('330102', '${visitId}', '${orderId}', '${elderId}', '${workerId}', '${providerId}', '${serviceItemId}',
      'completed', '${at}', 'gps', timestamptz '${at}' + interval '1 hour', 'gps', 200, '${at}', '${at}')`,
  );
  return { orderId, visitId };
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  app = await buildApp({ services: context.services, logLevel: 'silent' });
  const { db } = context.database;
  serviceItemId = (await seedCatalogue(db, '330102')).find((item) => item.code === 'PC01')?.id ?? '';
  providerId = await seedProvider(db, {
    name: '湖滨居家服务中心',
    regionCode: '330102002',
    serviceAreas: ['330102002'],
    now: context.clock.now(),
  });
  const official = actorWith('civilAffairsAdmin', '330102');
  for (const key of ['mine', 'mother', 'stranger'] as const) {
    const body = buildElder({ birthDate: '1940-01-01', residenceRegionCode: '330102002001', location: HOME });
    elders[key] = (await context.services.elders.create(official, body)).id;
  }
  users.elder = await login('elder', 'self-elder');
  users.family = await login('familyMember', 'self-family');
  users.officer = await login('streetOfficer', 'self-officer');
  await link(users.elder.userId, elders.mine, 'self');
  await link(users.family.userId, elders.mother, 'child');
});
afterAll(async () => {
  await app.close();
  await context.close();
});

const get = (url: string, who: keyof typeof users = 'family') =>
  app.inject({ method: 'GET', url, headers: users[who].headers });
const post = (url: string, payload: Record<string, unknown>, key: string | null, who: keyof typeof users = 'family') =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...users[who].headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
const deniedFor = async (elderId: string) =>
  (
    await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE outcome = 'denied' AND '${elderId}' = ANY(resource_ids)`,
    )
  ).n;

describe('AZ-8: linked elders only', () => {
  it('lists only the linked elder, with the ID number masked', async () => {
    const family = (await get('/api/me/elders')).json() as { items: MyElderDto[] };
    expect(family.items.map((item) => [item.elderId, item.relation])).toEqual([[elders.mother, 'child']]);
    expect(family.items[0]?.idNumberMasked).toMatch(/\*/);
    const self = (await get('/api/me/elders', 'elder')).json() as { items: MyElderDto[] };
    expect(self.items.map((item) => [item.elderId, item.relation])).toEqual([[elders.mine, 'self']]);
  });

  it('a family member cannot see or order for an unlinked elder: 404, audited', async () => {
    const before = await deniedFor(elders.stranger);
    const catalogue = await get(`/api/me/elders/${elders.stranger}/catalogue`);
    const orders = await get(`/api/me/elders/${elders.stranger}/orders`);
    const order = await post(`/api/me/elders/${elders.stranger}/orders`, { serviceItemId }, 'self-stranger-order-1');
    const urgent = await post(`/api/me/elders/${elders.stranger}/urgent`, {}, 'self-stranger-urgent-2');
    expect([catalogue, orders, order, urgent].map((reply) => reply.statusCode)).toEqual([404, 404, 404, 404]);
    expect(await deniedFor(elders.stranger)).toBe(before + 4);
    const count = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM hc_orders WHERE elder_id = '${elders.stranger}'`,
    );
    expect(count.n).toBe(0);
  });

  it('staff roles hold no self:use (403); the elder holds no staff route (403)', async () => {
    expect((await get('/api/me/elders', 'officer')).statusCode).toBe(403);
    expect((await get('/api/home-care/orders', 'elder')).statusCode).toBe(403);
    expect((await get('/api/elders', 'family')).statusCode).toBe(403);
  });

  it('a revoked link answers 404', async () => {
    const cousin = await login('familyMember', 'self-cousin');
    await link(cousin.userId, elders.mother, 'other');
    const url = `/api/me/elders/${elders.mother}/orders`;
    expect((await app.inject({ method: 'GET', url, headers: cousin.headers })).statusCode).toBe(200);
    await revokeLink(context.database.db, cousin.userId, elders.mother, context.clock.now());
    expect((await app.inject({ method: 'GET', url, headers: cousin.headers })).statusCode).toBe(404);
  });
});

describe('ordering from the phone (issue 6 item 2)', () => {
  it('shows the catalogue with the price the elder pays', async () => {
    const reply = await get(`/api/me/elders/${elders.mother}/catalogue`);
    expect(reply.statusCode).toBe(200);
    const items = (reply.json() as { items: MyCatalogueItem[] }).items;
    const item = items.find((row) => row.id === serviceItemId);
    expect(item?.quote.priceFen).toBeGreaterThan(0);
    expect(item?.quote.elderPaysFen).toBe((item?.quote.priceFen ?? 0) - (item?.quote.subsidyFen ?? 0));
  });

  it('needs an Idempotency-Key, and a retried order makes one order (channel app)', async () => {
    const url = `/api/me/elders/${elders.mother}/orders`;
    const scheduledFor = '2026-11-06T02:00:00.000Z';
    expect((await post(url, { serviceItemId, scheduledFor }, null)).statusCode).toBe(400);
    const first = await post(url, { serviceItemId, scheduledFor }, 'self-order-once-0001');
    const retry = await post(url, { serviceItemId, scheduledFor }, 'self-order-once-0001');
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect((retry.json() as MyOrderDto).id).toBe((first.json() as MyOrderDto).id);
    expect((first.json() as MyOrderDto).channel).toBe('app');
    const count = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM hc_orders WHERE elder_id = '${elders.mother}' AND channel = 'app'`,
    );
    expect(count.n).toBe(1);
  });

  it('the one-button call opens an urgent sosCall order on the staff orders board', async () => {
    const url = `/api/me/elders/${elders.mine}/urgent`;
    const first = await post(url, {}, 'self-sos-call-00001', 'elder');
    const retry = await post(url, {}, 'self-sos-call-00001', 'elder');
    expect(first.statusCode).toBe(201);
    const order = first.json() as MyOrderDto;
    expect([order.channel, order.urgency]).toEqual(['sosCall', 'urgent']);
    expect((retry.json() as MyOrderDto).id).toBe(order.id);
    const board = await get(`/api/home-care/orders?channel=sosCall&elderId=${elders.mine}`, 'officer');
    const items = (board.json() as { items: OrderDto[] }).items;
    expect(items.map((item) => [item.id, item.channel, item.urgency])).toEqual([[order.id, 'sosCall', 'urgent']]);
    expect(items[0]?.clock.targetMinutes).toBeGreaterThan(0);
    const job = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = 'clock:${order.id}:atRisk'`,
    );
    expect(job.n).toBe(1);
  });
});

describe('ratings and complaints (issue 6 item 7)', () => {
  it('rates a completed visit once, as family', async () => {
    const { visitId } = await completedVisit(elders.mother);
    const url = `/api/me/elders/${elders.mother}/visits/${visitId}/rating`;
    const first = await post(url, { stars: 4, comment: '很细心' }, null);
    expect(first.statusCode).toBe(201);
    const again = await post(url, { stars: 1 }, null);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe('HC_VISIT_ALREADY_RATED');
    const rating = await queryOne<{ kind: string; stars: number }>(
      context.database,
      `SELECT rater_kind AS kind, stars FROM service_ratings WHERE visit_id = '${visitId}'`,
    );
    expect(rating).toEqual({ kind: 'family', stars: 4 });
    const list = (await get(`/api/me/elders/${elders.mother}/orders`)).json() as { items: MyOrderDto[] };
    expect(list.items.find((item) => item.visitId === visitId)?.stars).toBe(4);
    const other = await post(`/api/me/elders/${elders.mine}/visits/${visitId}/rating`, { stars: 5 }, null, 'elder');
    expect(other.statusCode).toBe(404);
  });

  it('files a complaint routed to the provider and the region, seen by staff', async () => {
    const { orderId } = await completedVisit(elders.mine);
    const reply = await post(
      `/api/me/elders/${elders.mine}/complaints`,
      { orderId, category: 'lateness', description: '护理员迟到了一个小时' },
      null,
      'elder',
    );
    expect(reply.statusCode).toBe(201);
    const filed = reply.json() as { id: string; complainantKind: string; providerId: string; regionCode: string };
    expect([filed.complainantKind, filed.providerId, filed.regionCode]).toEqual(['elder', providerId, '330102002001']);
    const inbox = await get(`/api/complaints/${filed.id}`, 'officer');
    expect(inbox.statusCode).toBe(200);
    const foreign = await post(
      `/api/me/elders/${elders.mother}/complaints`,
      { orderId, category: 'lateness', description: '不是我的订单' },
      null,
    );
    expect(foreign.statusCode).toBe(404);
  });
});

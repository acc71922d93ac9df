import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import type { CandidateDto } from '@kangyang/contracts/home-care';
import type { RatingDto } from '@kangyang/contracts/complaints';
import { createAccount } from '@kangyang/services/auth/accounts';
import { uuidv7 } from '@kangyang/services/ids';
import { seedCareWorker, seedCatalogue, seedProvider } from '@kangyang/services/home-care/home-care-seed';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne, queryRows } from '@kangyang/test-kit/sql';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** HCS-9 → HCS-4: a visit's stars move its worker's and provider's aggregates once, and dispatch follows. */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-Ratings-Test-2026!';
const HOME = { lng: 120.17, lat: 30.25 };
let officer: Record<string, string> = {};
let otherStreet: Record<string, string> = {};
let providerId = '';
let serviceItemId = '';
let elderId = '';
const workers: Record<'a' | 'b', string> = { a: '', b: '' };
const visits: Record<'a' | 'b', string> = { a: '', b: '' };

async function login(role: Role, regionCode: string, username: string): Promise<Record<string, string>> {
  const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] };
  await createAccount(context.database.db, account, context.clock.now());
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return { authorization: `Bearer ${(reply.json() as { token: string }).token}` };
}

/** A completed order and its checked-out visit by the worker, two days ago. */
async function completedVisit(workerId: string): Promise<string> {
  const orderId = uuidv7();
  const visitId = uuidv7();
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
  return visitId;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  app = await buildApp({ services: context.services, logLevel: 'silent' });
  const { db } = context.database;
  const now = context.clock.now();
  serviceItemId = (await seedCatalogue(db, '330102')).find((item) => item.code === 'PC01')?.id ?? '';
  providerId = await seedProvider(db, {
    name: '湖滨居家服务中心',
    regionCode: '330102002',
    serviceAreas: ['330102002'],
    now,
  });
  officer = await login('streetOfficer', '330102002', 'rating-officer');
  otherStreet = await login('streetOfficer', '330102001', 'rating-other');
  for (const [key, name] of [
    ['a', '王阿姨'],
    ['b', '李阿姨'],
  ] as const)
    workers[key] = await seedCareWorker(db, {
      providerId,
      regionCode: '330102002',
      name,
      home: { lng: HOME.lng + 0.003, lat: HOME.lat },
      skills: ['personalCare'],
      certificates: ['caregiverCertificate'],
      skillLevel: 'senior',
      now,
    });
  const elder = await context.services.elders.create(
    actorWith('civilAffairsAdmin', '330102'),
    buildElder({ birthDate: '1940-01-01', residenceRegionCode: '330102002001', location: HOME }),
  );
  elderId = elder.id;
  visits.a = await completedVisit(workers.a);
  visits.b = await completedVisit(workers.b);
});
afterAll(async () => {
  await app.close();
  await context.close();
});

const rate = (body: Record<string, unknown>, key: string, headers = officer) =>
  app.inject({
    method: 'POST',
    url: '/api/complaints/ratings',
    headers: { ...headers, 'idempotency-key': key },
    payload: { raterKind: 'elder', ...body },
  });

async function aggregates() {
  const provider = await queryOne<{ sum: number; count: number }>(
    context.database,
    `SELECT rating_sum AS sum, rating_count AS count FROM hc_providers WHERE id = '${providerId}'`,
  );
  const list = await queryRows<{ workerId: string; sum: number; count: number }>(
    context.database,
    `SELECT worker_id AS "workerId", rating_sum AS sum, rating_count AS count FROM hc_worker_profiles`,
  );
  const of = (id: string) => list.find((row) => row.workerId === id);
  return { provider, a: of(workers.a), b: of(workers.b) };
}

async function rankedWorkers(): Promise<string[]> {
  const order = await context.services.homeCare.createOrder(actorWith('civilAffairsAdmin', '330102'), {
    elderId,
    serviceItemId,
    channel: 'phone',
    urgency: 'routine',
  });
  const reply = await app.inject({
    method: 'GET',
    url: `/api/home-care/orders/${order.id}/candidates`,
    headers: officer,
  });
  expect(reply.statusCode).toBe(200);
  return (reply.json() as { items: CandidateDto[] }).items.filter((item) => item.eligible).map((item) => item.workerId);
}

describe('visit ratings (HCS-9) feed the rating aggregates dispatch ranks by (HCS-4)', () => {
  it('counts a rating once, however often the request is replayed', async () => {
    const first = await rate({ visitId: visits.a, stars: 1 }, 'rating-key-a-000001');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      visitId: visits.a,
      workerId: workers.a,
      providerId,
      amended: false,
      count: 1,
    });
    for (let replay = 0; replay < 3; replay += 1) {
      const again = await rate({ visitId: visits.a, stars: 1 }, 'rating-key-a-000001');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((again.json() as RatingDto).id).toBe((first.json() as RatingDto).id);
    }
    expect(await aggregates()).toMatchObject({ provider: { sum: 1, count: 1 }, a: { sum: 1, count: 1 } });
  });

  it('ranks the better-rated worker first, and follows an amended rating without counting it twice', async () => {
    expect((await rate({ visitId: visits.b, stars: 5 }, 'rating-key-b-000001')).statusCode).toBe(201);
    expect(await aggregates()).toMatchObject({
      provider: { sum: 6, count: 2 },
      a: { sum: 1, count: 1 },
      b: { sum: 5 },
    });
    expect((await rankedWorkers()).slice(0, 2)).toEqual([workers.b, workers.a]);

    const amendA = await rate({ visitId: visits.a, stars: 5 }, 'rating-key-a-000002');
    expect(amendA.json()).toMatchObject({ amended: true, id: (await aggregatesRow(visits.a)).id });
    await rate({ visitId: visits.b, stars: 1 }, 'rating-key-b-000002');
    expect(await aggregates()).toMatchObject({
      provider: { sum: 6, count: 2 },
      a: { sum: 5, count: 1 },
      b: { sum: 1, count: 1 },
    });
    expect((await rankedWorkers()).slice(0, 2)).toEqual([workers.a, workers.b]);
    const stored = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM service_ratings WHERE visit_id IS NOT NULL`,
    );
    expect(stored.n).toBe(2);
  });

  it('answers 404 for a visit outside the rater’s area and changes nothing', async () => {
    const denied = await rate({ visitId: visits.a, stars: 2 }, 'rating-key-x-000001', otherStreet);
    expect(denied.statusCode).toBe(404);
    expect(await aggregates()).toMatchObject({ provider: { sum: 6, count: 2 }, a: { sum: 5, count: 1 } });
  });

  it('refuses to rate a visit that is not checked out yet', async () => {
    const open = await completedVisit(workers.b);
    await queryRows(
      context.database,
      `UPDATE hc_visits SET status = 'inProgress', check_out_at = NULL, check_out_method = NULL WHERE id = '${open}'`,
    );
    const reply = await rate({ visitId: open, stars: 5 }, 'rating-key-o-000001');
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({ error: { code: 'HC_VISIT_NOT_COMPLETED', field: 'visitId' } });
    expect(await aggregates()).toMatchObject({ provider: { sum: 6, count: 2 }, b: { sum: 1, count: 1 } });
  });

  it('adds a provider-only rating to the provider aggregate once', async () => {
    const reply = await rate({ providerId, elderId, stars: 4 }, 'rating-key-p-000001');
    expect(reply.statusCode).toBe(201);
    await rate({ providerId, elderId, stars: 4 }, 'rating-key-p-000001');
    expect(await aggregates()).toMatchObject({ provider: { sum: 10, count: 3 }, a: { sum: 5, count: 1 } });
  });
});

async function aggregatesRow(visitId: string): Promise<{ id: string }> {
  return queryOne<{ id: string }>(context.database, `SELECT id FROM service_ratings WHERE visit_id = '${visitId}'`);
}

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import type { OrderDetailDto, SyncReply, TaskList, VisitDto } from '@kangyang/contracts/home-care';

type VisitPage = { items: VisitDto[]; total: number };
import { createAccount } from '@kangyang/services/auth/accounts';
import { uuidv7 } from '@kangyang/services/ids';
import { DAY_SHIFTS, seedCareWorker, seedCatalogue, seedProvider } from '@kangyang/services/home-care/home-care-seed';
import { visitCodeOf } from '@kangyang/services/home-care/visit-code';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** HCS-3 … HCS-6 through the API: order → caregiver's phone → check-in/out → elder record, provider, ledger. */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-HomeCare-Test-2026!';
const HOME = { lng: 120.17, lat: 30.25 };
let serviceItemId = '';
let providerId = '';
let elderId = '';

async function login(
  role: Role,
  regionCode: string,
  username: string,
): Promise<{ headers: Record<string, string>; userId: string }> {
  const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] };
  const userId = await createAccount(context.database.db, account, context.clock.now());
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return { headers: { authorization: `Bearer ${(reply.json() as { token: string }).token}` }, userId };
}

let intake: Record<string, string> = {};
let caregiver: Record<string, string> = {};
let otherStreet: Record<string, string> = {};

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  app = await buildApp({ services: context.services, logLevel: 'silent' });
  const { db } = context.database;
  const now = context.clock.now();
  const items = await seedCatalogue(db, '330102');
  serviceItemId = items.find((item) => item.code === 'PC01')?.id ?? '';
  providerId = await seedProvider(db, {
    name: '湖滨居家服务中心',
    regionCode: '330102002',
    serviceAreas: ['330102002'],
    now,
  });
  intake = (await login('civilAffairsAdmin', '330102', 'hc-intake')).headers;
  otherStreet = (await login('streetOfficer', '330102001', 'hc-street1')).headers;
  const phone = await login('caregiver', '330102', 'hc-zhang');
  caregiver = phone.headers;
  await seedCareWorker(db, {
    providerId,
    regionCode: '330102002',
    name: '张阿姨',
    home: { lng: HOME.lng + 0.003, lat: HOME.lat },
    skills: ['personalCare'],
    certificates: ['caregiverCertificate'],
    skillLevel: 'senior',
    shifts: DAY_SHIFTS,
    userId: phone.userId,
    now,
  });
  const elder = await context.services.elders.create(
    actorWith('civilAffairsAdmin', '330102'),
    buildElder({ birthDate: '1940-01-01', residenceRegionCode: '330102002001', location: HOME }),
  );
  elderId = elder.id;
});
afterAll(async () => {
  await app.close();
  await context.close();
});

describe('home-care API (issue 6 "Done when" 1)', () => {
  it('takes a phone order to the caregiver, through check-in and out, into the elder record, provider view and ledger', async () => {
    const body = { elderId, serviceItemId, channel: 'phone', urgency: 'urgent', callerRelation: 'family' };
    const noKey = await app.inject({ method: 'POST', url: '/api/home-care/orders', headers: intake, payload: body });
    expect(noKey.statusCode).toBe(400);
    const headers = { ...intake, 'idempotency-key': 'call-centre-0000000001' };
    const created = await app.inject({ method: 'POST', url: '/api/home-care/orders', headers, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as OrderDetailDto;
    const replay = await app.inject({ method: 'POST', url: '/api/home-care/orders', headers, payload: body });
    expect((replay.json() as OrderDetailDto).id).toBe(order.id);
    expect(order).toMatchObject({ status: 'offered', subsidyFen: 3000, elderPaysFen: 3000 });

    const hidden = await app.inject({ method: 'GET', url: `/api/home-care/orders/${order.id}`, headers: otherStreet });
    expect(hidden.statusCode).toBe(404);

    const tasks = (
      await app.inject({ method: 'GET', url: '/api/home-care/my/tasks', headers: caregiver })
    ).json() as TaskList;
    const task = tasks.items.find((item) => item.orderId === order.id);
    expect(task).toMatchObject({ status: 'offered', elderName: '测试老人' });
    const offerId = task?.offer?.id ?? '';
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/home-care/my/offers/${offerId}/reply`,
      headers: caregiver,
      payload: { accept: true },
    });
    expect((accepted.json() as TaskList).items.find((item) => item.orderId === order.id)?.status).toBe('assigned');

    const visitId = uuidv7();
    const at = (minutes: number) => new Date(context.clock.now().getTime() + minutes * 60_000).toISOString();
    const action = (sequence: number, payload: Record<string, unknown>) => ({
      clientId: uuidv7(),
      sequence,
      queuedAt: at(0),
      action: payload,
    });
    const batch = {
      deviceId: 'phone-1',
      items: [
        action(1, { kind: 'checkIn', orderId: order.id, visitId, at: at(12), method: 'gps', location: HOME }),
        ...['wash', 'dress', 'skin', 'safety'].map((taskCode, index) =>
          action(2 + index, { kind: 'task', visitId, taskCode, outcome: 'done', at: at(20 + index) }),
        ),
        action(6, { kind: 'confirm', visitId, method: 'code', by: 'elder', code: visitCodeOf(order.id), at: at(70) }),
        action(7, { kind: 'checkOut', visitId, at: at(72), method: 'gps', location: HOME }),
      ],
    };
    const synced = await app.inject({
      method: 'POST',
      url: '/api/home-care/my/sync',
      headers: caregiver,
      payload: batch,
    });
    expect(synced.statusCode).toBe(200);
    expect((synced.json() as SyncReply).items.map((item) => item.status)).toEqual(batch.items.map(() => 'applied'));

    const done = (
      await app.inject({ method: 'GET', url: `/api/home-care/orders/${order.id}`, headers: intake })
    ).json() as OrderDetailDto;
    expect(done).toMatchObject({
      status: 'completed',
      clock: { status: 'met' },
      visit: { evv: { verified: true }, flags: [] },
    });
    const elderVisits = await app.inject({
      method: 'GET',
      url: `/api/home-care/visits?elderId=${elderId}`,
      headers: intake,
    });
    expect((elderVisits.json() as VisitPage).items.map((visit) => visit.id)).toEqual([visitId]);
    const providerVisits = await app.inject({
      method: 'GET',
      url: `/api/home-care/visits?providerId=${providerId}`,
      headers: intake,
    });
    expect((providerVisits.json() as VisitPage).items.map((visit) => visit.id)).toContain(visitId);
    const ledger = await app.inject({ method: 'GET', url: `/api/elders/${elderId}/ledger`, headers: intake });
    expect(ledger.statusCode).toBe(200);
    expect(JSON.stringify(ledger.json())).toContain('"amountFen":3000');
    const share = await app.inject({ method: 'GET', url: '/api/home-care/response-share', headers: intake });
    expect(share.json()).toMatchObject({ total: { orders: 1, arrived: 1, inTime: 1, share: 1 } });
    const caregiverSeesOrders = await app.inject({ method: 'GET', url: '/api/home-care/orders', headers: caregiver });
    expect(caregiverSeesOrders.statusCode).toBe(403);
  });
});

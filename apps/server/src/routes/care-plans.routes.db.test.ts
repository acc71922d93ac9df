import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import type { CarePlanDto, CarePlanList } from '@kangyang/contracts/care-plans';
import { createAccount } from '@kangyang/services/auth/accounts';
import { seedCatalogue } from '@kangyang/services/home-care/home-care-seed';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** HCS-3 recurring care-plan visits through the API: create (idempotent), list, scope, end. */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-CarePlan-Test-2026!';
let intake: Record<string, string> = {};
let otherStreet: Record<string, string> = {};
let body: Record<string, unknown> = {};

async function login(role: Role, regionCode: string, username: string): Promise<Record<string, string>> {
  const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] };
  await createAccount(context.database.db, account, context.clock.now());
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return { authorization: `Bearer ${(reply.json() as { token: string }).token}` };
}

beforeAll(async () => {
  // Monday 23 November 2026, 08:00 in Shanghai
  context = await openTestServices({ now: '2026-11-23T00:00:00.000Z' });
  app = await buildApp({ services: context.services, logLevel: 'silent' });
  const items = await seedCatalogue(context.database.db, '330102');
  const elder = await context.services.elders.create(
    actorWith('civilAffairsAdmin', '330102'),
    buildElder({ residenceRegionCode: '330102002001', location: { lng: 120.17, lat: 30.25 } }),
  );
  body = {
    elderId: elder.id,
    serviceItemId: items.find((item) => item.code === 'HK01')?.id ?? '',
    weekdays: [2, 4],
    timeOfDay: '15:00',
    startDate: '2026-11-23',
  };
  intake = await login('civilAffairsAdmin', '330102', 'cp-intake');
  otherStreet = await login('streetOfficer', '330102001', 'cp-street1');
});
afterAll(async () => {
  await app.close();
  await context.close();
});

describe('HCS-3 /api/home-care/care-plans', () => {
  it('creates a plan once per idempotency key, lists it, hides it across scope and ends it', async () => {
    const create = () =>
      app.inject({
        method: 'POST',
        url: '/api/home-care/care-plans',
        headers: { ...intake, 'idempotency-key': 'care-plan-route-key-1' },
        payload: body,
      });
    const first = await create();
    expect(first.statusCode).toBe(201);
    const plan = first.json() as CarePlanDto;
    expect((await create()).json()).toMatchObject({ id: plan.id });
    const url = `/api/home-care/care-plans?elderId=${String(body.elderId)}`;
    const listed = await app.inject({ method: 'GET', url, headers: intake });
    expect((listed.json() as CarePlanList).items.map((item) => item.id)).toEqual([plan.id]);
    const hidden = await app.inject({ method: 'GET', url, headers: otherStreet });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const end = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/home-care/care-plans/${plan.id}/end`,
        headers,
        payload: { reason: '家属改为自行照护' },
      });
    expect((await end(otherStreet)).statusCode).toBe(404);
    const ended = await end(intake);
    expect(ended.json()).toMatchObject({ status: 'ended', endDate: '2026-11-23' });
    const again = await end(intake);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'HC_CARE_PLAN_ENDED' } });
  });

  it('refuses an end date before the start date and a creation without an idempotency key', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/home-care/care-plans',
      headers: { ...intake, 'idempotency-key': 'care-plan-route-key-2' },
      payload: { ...body, endDate: '2026-11-01' },
    });
    expect(bad.statusCode).toBe(400);
    const keyless = await app.inject({
      method: 'POST',
      url: '/api/home-care/care-plans',
      headers: intake,
      payload: body,
    });
    expect(keyless.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
  });
});

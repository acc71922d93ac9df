import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import { createAccount } from '@kangyang/services/auth/accounts';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { PROFILES_DIR } from '@kangyang/services/profiles/profile-files';
import { actorWith } from '@kangyang/test-kit/actors';
import { insertApprovedAssessment } from '@kangyang/test-kit/approved-assessment';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** API tier for POL-1, POL-2, POL-4, POL-5: statuses, field-named errors, idempotency (API-4), scope (AZ-3). */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-Policy-Test-2026!';
const tokens = new Map<string, string>();

async function login(role: Role, regionCode: string): Promise<Record<string, string>> {
  const username = `${role}-${regionCode}`;
  let token = tokens.get(username);
  if (!token) {
    const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] };
    await createAccount(context.database.db, account, context.clock.now());
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    token = (reply.json() as { token: string }).token;
    tokens.set(username, token);
  }
  return { authorization: `Bearer ${token}` };
}

async function assessedElder(birthDate: string, ordinal: number, residenceRegionCode = '330102002001') {
  const district = actorWith('civilAffairsAdmin', '330102');
  const body = buildElder({ birthDate, hukouRegionCode: '330102', residenceRegionCode });
  const elder = await context.services.elders.create(district, body);
  await insertApprovedAssessment(context.database, { elderId: elder.id, countyCode: '330102', ordinal });
  return elder;
}

const profileJson = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(PROFILES_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  context = await openTestServices();
  await ensureProfiles(context.services);
  app = await buildApp({ services: context.services, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  await context.close();
});

describe('profile routes (POL-1, POL-2)', () => {
  it('401 without a session; lists the five profiles with versions and bindings', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/profiles' })).statusCode).toBe(401);
    const reply = await app.inject({
      method: 'GET',
      url: '/api/profiles',
      headers: await login('communityWorker', '330102'),
    });
    expect(reply.statusCode).toBe(200);
    const body = reply.json() as { items: { id: string; versions: unknown[]; current: { version: number } }[] };
    expect(body.items.map((item) => [item.id, item.versions.length, item.current.version])).toEqual([
      ['000', 1, 1],
      ['001', 1, 1],
      ['002', 1, 1],
      ['003', 1, 1],
      ['004', 1, 1],
    ]);
  });

  it('GET /api/profiles/:id shows rules and clause ids; an unknown profile is 404', async () => {
    const headers = await login('streetOfficer', '330102002');
    const reply = await app.inject({ method: 'GET', url: '/api/profiles/004', headers });
    expect(reply.statusCode).toBe(200);
    const body = reply.json() as { clauses: { clause: string }[]; rules: Record<string, { clause: string }> };
    expect(body.rules['freeBasicHomeCare']?.clause).toBe('004-r2');
    expect(body.clauses.map((entry) => entry.clause)).toEqual(expect.arrayContaining(['004-1', '004-16', '004-r2']));
    expect((await app.inject({ method: 'GET', url: '/api/profiles/007', headers })).statusCode).toBe(404);
    const versions = await app.inject({ method: 'GET', url: '/api/profiles/004/versions', headers });
    expect(versions.json()).toMatchObject({ total: 1, items: [{ profileId: '004', version: 1 }] });
  });

  it('GET /api/regions/:code/profile gives the inherited binding (371402 → 3714 → 002)', async () => {
    const headers = await login('streetOfficer', '330102002');
    const reply = await app.inject({ method: 'GET', url: '/api/regions/371402/profile', headers });
    expect(reply.json()).toMatchObject({ inherited: true, binding: { regionCode: '3714' }, profile: { id: '002' } });
    expect((await app.inject({ method: 'GET', url: '/api/regions/330105/profile', headers })).statusCode).toBe(404);
  });

  it('POST /api/profiles refuses a broken profile with 400 naming the field; the same content answers 200', async () => {
    const headers = await login('civilAffairsAdmin', '9901');
    const broken = profileJson('000');
    (broken['rules'] as Record<string, Record<string, unknown>>)['homeCareBedCareSubsidy'] = { clause: '000-r3' };
    const refused = await app.inject({ method: 'POST', url: '/api/profiles', headers, payload: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', field: 'rules.homeCareBedCareSubsidy.text' },
    });
    const same = await app.inject({ method: 'POST', url: '/api/profiles', headers, payload: profileJson('000') });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ profileId: '000', version: 1, status: 'unchanged' });
    const communityWorker = await login('communityWorker', '9901');
    const forbidden = await app.inject({ method: 'POST', url: '/api/profiles', headers: communityWorker, payload: {} });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('eligibility route (POL-4)', () => {
  it('lists each benefit with reasons citing clause ids; 404 outside scope; 400 names a bad date', async () => {
    const elder = await assessedElder('1944-03-15', 1);
    const headers = await login('streetOfficer', '330102002');
    const reply = await app.inject({ method: 'GET', url: `/api/elders/${elder.id}/eligibility`, headers });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      date: '2026-11-02',
      profile: { id: '001' },
      benefits: [
        { programme: 'homeCareBed', eligible: true, reasons: [{ clause: '001-r1', code: 'AGE_LEVEL_BAND_MET' }] },
      ],
    });
    const other = await login('streetOfficer', '330102001');
    const hidden = await app.inject({ method: 'GET', url: `/api/elders/${elder.id}/eligibility`, headers: other });
    expect(hidden.statusCode).toBe(404);
    const badDate = await app.inject({
      method: 'GET',
      url: `/api/elders/${elder.id}/eligibility?date=2026-13-01`,
      headers,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'date' } });
    const worker = await login('communityWorker', '330102002');
    const noRead = await app.inject({ method: 'GET', url: `/api/elders/${elder.id}/eligibility`, headers: worker });
    expect(noRead.statusCode).toBe(403);
  });
});

describe('application routes (POL-5, API-4)', () => {
  it('POST without an Idempotency-Key is 400 IDEMPOTENCY_KEY_REQUIRED; the same key twice creates one application', async () => {
    const elder = await assessedElder('1950-05-01', 2);
    const headers = await login('communityWorker', '330102002');
    const payload = { elderId: elder.id, programme: 'homeCareBed', applicantKind: 'family', applicantName: '王小明' };
    const missing = await app.inject({ method: 'POST', url: '/api/applications', headers, payload });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REQUIRED', field: 'Idempotency-Key' } });
    const keyed = { ...headers, 'idempotency-key': 'apply-route-key-0001' };
    const first = await app.inject({ method: 'POST', url: '/api/applications', headers: keyed, payload });
    const second = await app.inject({ method: 'POST', url: '/api/applications', headers: keyed, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((second.json() as { id: string }).id).toBe((first.json() as { id: string }).id);
    const district = await login('civilAffairsAdmin', '330102');
    const inbox = await app.inject({
      method: 'GET',
      url: '/api/applications?state=submitted&region=330102002',
      headers: district,
    });
    const ids = (inbox.json() as { items: { elderId: string }[] }).items.filter((item) => item.elderId === elder.id);
    expect(ids).toHaveLength(1);
  });

  it('body errors name the field: unknown programme, unknown field, refusal without its reason', async () => {
    const elder = await assessedElder('1950-05-01', 2);
    const headers = { ...(await login('communityWorker', '330102002')), 'idempotency-key': 'apply-route-key-0002' };
    const badProgramme = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers,
      payload: { elderId: elder.id, programme: 'pension', applicantKind: 'elder' },
    });
    expect(badProgramme.statusCode).toBe(400);
    expect(badProgramme.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'programme' } });
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { ...headers, 'idempotency-key': 'apply-route-key-0003' },
      payload: { elderId: elder.id, programme: 'homeCareBed', applicantKind: 'elder' },
    });
    const id = (created.json() as { id: string }).id;
    const street = await login('streetOfficer', '330102002');
    const noReason = await app.inject({
      method: 'POST',
      url: `/api/applications/${id}/review`,
      headers: street,
      payload: { outcome: 'refuse' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'reason' } });
  });

  it('review 403 for a community worker; the district approves a passed one; 409 when approved twice', async () => {
    const elder = await assessedElder('1950-05-01', 2);
    const worker = await login('communityWorker', '330102002');
    const created = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { ...worker, 'idempotency-key': 'apply-route-key-0004' },
      payload: { elderId: elder.id, programme: 'homeCareBed', applicantKind: 'communityWorker' },
    });
    const id = (created.json() as { id: string }).id;
    const review = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: `/api/applications/${id}/review`, headers, payload: { outcome: 'pass' } });
    expect((await review(worker)).statusCode).toBe(403);
    expect((await review(await login('streetOfficer', '330102001'))).statusCode).toBe(404);
    expect((await review(await login('streetOfficer', '330102002'))).statusCode).toBe(200);
    const district = await login('civilAffairsAdmin', '330102');
    const approve = () =>
      app.inject({ method: 'POST', url: `/api/applications/${id}/approve`, headers: district, payload: {} });
    const approved = await approve();
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved' });
    const again = await approve();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'APPLICATION_STATE' } });
    const entitlements = await app.inject({
      method: 'GET',
      url: `/api/elders/${elder.id}/entitlements`,
      headers: district,
    });
    expect(entitlements.json()).toMatchObject({
      total: 1,
      items: [{ programme: 'homeCareBed', clause: '001-r1', state: 'active', startDate: '2026-11-02' }],
    });
  });
});

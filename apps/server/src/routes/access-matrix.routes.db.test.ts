import { randomUUID } from 'node:crypto';
import Fastify, { type InjectOptions, type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@kangyang/domain/access';
import { createServices, systemActor, testKeyring, type Actor } from '@kangyang/services';
import { DEMO_ACCOUNTS } from '@kangyang/services/generator/seed-accounts';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { PROFILES_DIR, readProfileFiles } from '@kangyang/services/profiles/profile-files';
import { csvFile, streamOf } from '@kangyang/services/imports/import-fixtures';
import { ROLE_ACCOUNTS } from '@kangyang/test-kit/accounts';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';
import { registerAuth } from '../plugins/auth.ts';
import { buildApp } from '../app.ts';
import { openTestApp, type TestApp } from '../test-app.ts';

/**
 * AZ-2 (every route declares a permission), FT-5 (every route × every demo role × in scope / out of
 * scope / nonexistent equals the matrix below), AZ-3 (out-of-scope and nonexistent 404s are
 * byte-identical but for the request id) and AZ-4 (every denial is audited).
 * A new route fails this test until it has a row here.
 */

type User = (typeof ROLE_ACCOUNTS)[number]['username'] | 'anonymous';
type Case = 'in' | 'out' | 'missing' | 'any';
type Ctx = { user: User; scope: Scope; fx: Fixtures; case: Case };
type Row = {
  route: string;
  /** Users for whom the route is granted; every other signed-in user gets 403, anonymous 401. */
  allow: readonly User[];
  /** Expected status per case for the granted users ('any': the route has no record or scope to vary). */
  expect: Partial<Record<Case, number>>;
  /** Public routes: what anonymous gets instead of 401. */
  anonymous?: number;
  request(ctx: Ctx): InjectOptions | Promise<InjectOptions>;
};

// ---- the roles, their scopes and the records in and out of them --------------------------------------

const USERS: readonly User[] = ['anonymous', ...ROLE_ACCOUNTS.map((account) => account.username)];
const ALL_SIGNED_IN = USERS.filter((user) => user !== 'anonymous');
// Who holds which permission (security.md AZ-8, domain/access/roles.ts), written out as data.
const ELDER_READ: readonly User[] = ['admin', 'district', 'street', 'street2', 'community'];
const ELDER_WRITE = ELDER_READ;
const ELDER_EXPORT = ELDER_READ;
const REVEAL: readonly User[] = ['admin', 'district', 'street', 'street2'];
const IMPORT = REVEAL;
const ELIGIBILITY_READ = REVEAL;
const AUDIT_READ: readonly User[] = ['admin', 'auditor'];
const REGION_READ = ALL_SIGNED_IN.filter((user) => user !== 'caregiver');
const PROFILE_READ: readonly User[] = ['admin', 'district', 'street', 'street2', 'community', 'institution'];
const PROFILE_MANAGE: readonly User[] = ['admin', 'district'];
const APPLY: readonly User[] = ['admin', 'community'];
const REVIEW: readonly User[] = ['admin', 'street', 'street2'];
const APPROVE: readonly User[] = ['admin', 'district'];

type ElderKey = 'community' | 'neighbour' | 'street2' | 'far';
type Scope = { region: string; home: string; outRegion: string; inElder: ElderKey; outElder: ElderKey };
const DISTRICT_SCOPE: Scope = { region: '330102', home: '330102002001', outRegion: '330105', inElder: 'community', outElder: 'far' };
const SCOPES: Partial<Record<User, Scope>> = {
  street: { region: '330102002', home: '330102002001', outRegion: '330102001', inElder: 'community', outElder: 'street2' },
  street2: { region: '330102001', home: '330102001001', outRegion: '330102002', inElder: 'street2', outElder: 'community' },
  community: { region: '330102002001', home: '330102002001', outRegion: '330102002002', inElder: 'community', outElder: 'neighbour' },
};
const ELDER_REGIONS: Record<ElderKey, string> = {
  community: '330102002001',
  neighbour: '330102002002',
  street2: '330102001001',
  far: '330105',
};
const MISSING_ID = '01900000-0000-7000-8000-000000000404';

// ---- fixtures ----------------------------------------------------------------------------------------

let t: TestApp;
const system = systemActor({ requestId: 'matrix-fixtures' });
const outsider = actorWith('civilAffairsAdmin', '330105');

type Fixtures = {
  elders: Record<ElderKey, string>;
  applications: Record<ElderKey, string>;
  outImportJob: string;
  ownImportJobs: Map<User, string>;
  freshElder(region: string): Promise<string>;
  freshApplication(region: string): Promise<string>;
  freshImportJob(user: User): Promise<string>;
  actorOf(user: User): Promise<Actor>;
  version(elderId: string): Promise<number>;
};

let importSequence = 0;
async function makeFixtures(): Promise<Fixtures> {
  const { services } = t;
  await ensureProfiles(services);
  // The neighbouring district 拱墅区 gets the demo plan too, so that it can hold applications.
  const [plan] = await services.profiles.versions('001');
  await services.profiles.bind(system, { regionCode: ELDER_REGIONS.far, profileId: '001', validFrom: plan?.effectiveFrom ?? '2025-01-01' });
  const freshElder = async (region: string) =>
    (await services.elders.create(system, buildElder({ residenceRegionCode: region }))).id;
  const freshApplication = async (region: string) => {
    const elderId = await freshElder(region);
    const offered = await services.eligibility.forElder(system, elderId);
    const programme = offered.benefits[0]?.programme;
    if (!programme) throw new Error(`no programme offered in ${region}`);
    return (await services.applications.submit(system, { elderId, programme, applicantKind: 'family' })).id;
  };
  const actorOf = (user: User) =>
    services.auth.authenticate(t.tokenOf(user), { requestId: 'fixture', ip: '127.0.0.1', userAgent: 'fixture' });
  const upload = async (actor: Actor) => {
    importSequence += 1;
    const row = { ...buildElder(), name: `导入${importSequence}`, residenceRegionCode: ELDER_REGIONS.community };
    const file = csvFile([{ name: row.name, idNumber: row.idNumber, residenceRegionCode: row.residenceRegionCode }]);
    const job = await services.imports.upload(actor, { fileName: `matrix-${importSequence}.csv`, source: streamOf(file) });
    await services.imports.idle();
    return job.id;
  };
  const elders = {} as Record<ElderKey, string>;
  const applications = {} as Record<ElderKey, string>;
  for (const key of Object.keys(ELDER_REGIONS) as ElderKey[]) {
    elders[key] = await freshElder(ELDER_REGIONS[key]);
    applications[key] = await freshApplication(ELDER_REGIONS[key]);
  }
  const ownImportJobs = new Map<User, string>();
  for (const user of IMPORT) ownImportJobs.set(user, await upload(await actorOf(user)));
  return {
    elders,
    applications,
    outImportJob: await upload(outsider),
    ownImportJobs,
    freshElder,
    freshApplication,
    freshImportJob: async (user) => upload(await actorOf(user)),
    actorOf,
    version: async (elderId) =>
      (await queryOne<{ version: number }>(t.database, `SELECT version FROM elders WHERE id = '${elderId}'`)).version,
  };
}

// ---- request helpers ---------------------------------------------------------------------------------

const elderOf = (ctx: Ctx): string =>
  ctx.case === 'in' ? ctx.fx.elders[ctx.scope.inElder] : ctx.case === 'out' ? ctx.fx.elders[ctx.scope.outElder] : MISSING_ID;
const applicationOf = (ctx: Ctx): string =>
  ctx.case === 'in'
    ? ctx.fx.applications[ctx.scope.inElder]
    : ctx.case === 'out'
      ? ctx.fx.applications[ctx.scope.outElder]
      : MISSING_ID;
const importJobOf = (ctx: Ctx): string =>
  ctx.case === 'in' ? (ctx.fx.ownImportJobs.get(ctx.user) ?? MISSING_ID) : ctx.case === 'out' ? ctx.fx.outImportJob : MISSING_ID;
const regionOf = (ctx: Ctx): string => (ctx.case === 'in' ? ctx.scope.region : ctx.case === 'out' ? ctx.scope.outRegion : '330199');
const granted = (ctx: Ctx, users: readonly User[]) => users.includes(ctx.user);

const BOUNDARY = '----kangyang-matrix';
function multipart(content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

const IN_OUT_MISSING = { in: 200, out: 404, missing: 404 } as const;

// ---- the matrix (FT-5): data, one row per route ------------------------------------------------------

const MATRIX: readonly Row[] = [
  { route: 'GET /api/health', allow: ALL_SIGNED_IN, anonymous: 200, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/health' }) },
  {
    route: 'POST /api/auth/login',
    allow: ALL_SIGNED_IN,
    anonymous: 401, // unknown user: INVALID_CREDENTIALS
    expect: { any: 200 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ctx.user === 'anonymous' ? 'nobody' : ctx.user, password: t.accounts.get(ctx.user)?.password ?? 'x' },
    }),
  },
  { route: 'GET /api/auth/me', allow: ALL_SIGNED_IN, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/auth/me' }) },
  { route: 'POST /api/auth/totp/enrol', allow: ALL_SIGNED_IN, expect: { any: 200 }, request: () => ({ method: 'POST', url: '/api/auth/totp/enrol' }) },
  {
    route: 'POST /api/auth/totp/confirm',
    allow: ALL_SIGNED_IN,
    expect: { any: 401 }, // a wrong code: TOTP_INVALID (a right one would turn on 2FA for the rest of the matrix)
    request: () => ({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: '000000' } }),
  },
  {
    route: 'POST /api/auth/logout',
    allow: ALL_SIGNED_IN,
    expect: { any: 204 },
    request: async (ctx) => {
      const fresh = ctx.user === 'anonymous' ? undefined : ((await t.login(ctx.user)).json() as { token: string }).token;
      return { method: 'POST', url: '/api/auth/logout', headers: fresh ? { authorization: `Bearer ${fresh}` } : {} };
    },
  },
  { route: 'GET /api/elders', allow: ELDER_READ, expect: { in: 200, out: 404 }, request: (ctx) => ({ method: 'GET', url: `/api/elders?regionCode=${regionOf(ctx)}` }) },
  {
    route: 'POST /api/elders/search',
    allow: ELDER_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) => ({ method: 'POST', url: '/api/elders/search', payload: { regionCode: regionOf(ctx) } }),
  },
  {
    route: 'POST /api/elders',
    allow: ELDER_WRITE,
    expect: { in: 201, out: 403 }, // out: REGION_OUT_OF_SCOPE naming residenceRegionCode
    request: (ctx) => ({
      method: 'POST',
      url: '/api/elders',
      payload: buildElder({ residenceRegionCode: ctx.case === 'in' ? ctx.scope.home : ctx.scope.outRegion }),
    }),
  },
  { route: 'GET /api/elders/:id', allow: ELDER_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/elders/${elderOf(ctx)}` }) },
  {
    route: 'PATCH /api/elders/:id',
    allow: ELDER_WRITE,
    expect: IN_OUT_MISSING,
    request: async (ctx) => {
      const id = elderOf(ctx);
      const version = ctx.case === 'missing' ? 1 : await ctx.fx.version(id);
      return { method: 'PATCH', url: `/api/elders/${id}`, headers: { 'if-match': `"${version}"` }, payload: { address: '矩阵测试路 1 号' } };
    },
  },
  {
    route: 'POST /api/elders/:id/reveal',
    allow: REVEAL,
    expect: IN_OUT_MISSING,
    request: (ctx) => ({ method: 'POST', url: `/api/elders/${elderOf(ctx)}/reveal`, payload: { reason: '核对身份' } }),
  },
  { route: 'GET /api/elders/:id/eligibility', allow: ELIGIBILITY_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/elders/${elderOf(ctx)}/eligibility` }) },
  { route: 'GET /api/elders/:id/entitlements', allow: ELIGIBILITY_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/elders/${elderOf(ctx)}/entitlements` }) },
  { route: 'GET /api/exports/elders.xlsx', allow: ELDER_EXPORT, expect: { in: 200, out: 404 }, request: (ctx) => ({ method: 'GET', url: `/api/exports/elders.xlsx?regionCode=${regionOf(ctx)}` }) },
  { route: 'GET /api/regions/roots', allow: REGION_READ, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/regions/roots' }) },
  { route: 'GET /api/regions/:code', allow: REGION_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/regions/${regionOf(ctx)}` }) },
  { route: 'GET /api/regions/:code/children', allow: REGION_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/regions/${regionOf(ctx)}/children` }) },
  { route: 'GET /api/regions/:code/profile', allow: PROFILE_READ, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/regions/330102002/profile' }) },
  { route: 'GET /api/audit', allow: AUDIT_READ, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/audit?limit=5' }) },
  { route: 'POST /api/audit/search', allow: AUDIT_READ, expect: { any: 200 }, request: () => ({ method: 'POST', url: '/api/audit/search', payload: { limit: 5, outcome: 'denied' } }) },
  { route: 'GET /api/profiles', allow: PROFILE_READ, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/profiles' }) },
  {
    route: 'GET /api/profiles/:id',
    allow: PROFILE_READ,
    expect: { any: 200, missing: 404 }, // plan profiles are public policy: no region scope
    request: (ctx) => ({ method: 'GET', url: `/api/profiles/${ctx.case === 'missing' ? '404' : '001'}` }),
  },
  {
    route: 'GET /api/profiles/:id/versions',
    allow: PROFILE_READ,
    expect: { any: 200 },
    request: () => ({ method: 'GET', url: '/api/profiles/001/versions' }),
  },
  {
    route: 'POST /api/profiles',
    allow: PROFILE_MANAGE,
    expect: { in: 200, out: 403 }, // in: profile 001 of 330102 again (unchanged); out: 002 of 德州 (REGION_OUT_OF_SCOPE)
    request: (ctx) => ({ method: 'POST', url: '/api/profiles', payload: profileJson(ctx.case === 'in' ? '001' : '002') }),
  },
  {
    route: 'POST /api/profile-bindings',
    allow: PROFILE_MANAGE,
    expect: { in: 201, out: 403 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/profile-bindings',
      payload: { regionCode: ctx.case === 'in' ? ctx.scope.region : '371402', profileId: '001', validFrom: nextBindingDay() },
    }),
  },
  {
    route: 'POST /api/applications',
    allow: APPLY,
    expect: { in: 201, out: 404, missing: 404 },
    request: async (ctx) => {
      const elderId = ctx.case === 'in' && granted(ctx, APPLY) ? await ctx.fx.freshElder(ctx.scope.home) : elderOf(ctx);
      const offered = ctx.case === 'in' ? await t.services.eligibility.forElder(system, elderId) : undefined;
      const programme = offered?.benefits[0]?.programme ?? 'homeCareBed';
      return {
        method: 'POST',
        url: '/api/applications',
        headers: { 'idempotency-key': `matrix-${randomUUID()}` },
        payload: { elderId, programme, applicantKind: 'communityWorker' },
      };
    },
  },
  { route: 'GET /api/applications', allow: ELIGIBILITY_READ, expect: { in: 200, out: 404 }, request: (ctx) => ({ method: 'GET', url: `/api/applications?region=${regionOf(ctx)}` }) },
  { route: 'GET /api/applications/:id', allow: ELIGIBILITY_READ, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/applications/${applicationOf(ctx)}` }) },
  ...(['review', 'refuse', 'approve'] as const).map((action): Row => ({
    route: `POST /api/applications/:id/${action}`,
    allow: action === 'review' ? REVIEW : APPROVE,
    // approve: a fresh application is only 'submitted' (the street has not passed it): APPLICATION_STATE
    expect: { in: action === 'approve' ? 409 : 200, out: 404, missing: 404 },
    request: async (ctx) => {
      const fresh = ctx.case === 'in' && granted(ctx, action === 'review' ? REVIEW : APPROVE);
      const id = fresh ? await ctx.fx.freshApplication(ctx.scope.home) : applicationOf(ctx);
      const payload = action === 'review' ? { outcome: 'pass' } : action === 'refuse' ? { reason: '材料不全' } : {};
      return { method: 'POST', url: `/api/applications/${id}/${action}`, payload };
    },
  })),
  { route: 'GET /api/imports/elders/template', allow: IMPORT, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/imports/elders/template' }) },
  {
    route: 'POST /api/imports/elders',
    allow: IMPORT,
    expect: { in: 202, out: 403 }, // out: REGION_OUT_OF_SCOPE naming regionCode
    request: (ctx) => {
      importSequence += 1;
      const row = buildElder();
      const body = multipart(csvFile([{ name: `上传${importSequence}`, idNumber: row.idNumber, residenceRegionCode: ctx.scope.home }]));
      const region = ctx.case === 'in' ? ctx.scope.home : ctx.scope.outRegion;
      return { method: 'POST', url: `/api/imports/elders?regionCode=${region}`, headers: body.headers, payload: body.payload };
    },
  },
  { route: 'GET /api/imports', allow: IMPORT, expect: { any: 200 }, request: () => ({ method: 'GET', url: '/api/imports' }) },
  { route: 'GET /api/imports/:id', allow: IMPORT, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/imports/${importJobOf(ctx)}` }) },
  { route: 'GET /api/imports/:id/errors', allow: IMPORT, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/imports/${importJobOf(ctx)}/errors` }) },
  { route: 'GET /api/imports/:id/errors.xlsx', allow: IMPORT, expect: IN_OUT_MISSING, request: (ctx) => ({ method: 'GET', url: `/api/imports/${importJobOf(ctx)}/errors.xlsx` }) },
  ...(['confirm', 'cancel'] as const).map((action): Row => ({
    route: `POST /api/imports/:id/${action}`,
    allow: IMPORT,
    expect: { in: action === 'confirm' ? 202 : 200, out: 404, missing: 404 },
    request: async (ctx) => {
      const fresh = ctx.case === 'in' && granted(ctx, IMPORT);
      const id = fresh ? await ctx.fx.freshImportJob(ctx.user) : importJobOf(ctx);
      const payload = action === 'confirm' ? { mode: 'validRowsOnly' } : undefined;
      return { method: 'POST', url: `/api/imports/${id}/${action}`, ...(payload ? { payload } : {}) };
    },
  })),
];

let bindingDay = 0;
/** A new binding date for each granted request, so that each creates one binding (201). */
function nextBindingDay(): string {
  bindingDay += 1;
  return new Date(Date.UTC(2030, 0, bindingDay)).toISOString().slice(0, 10);
}

const profileFiles = new Map<string, Record<string, unknown>>();
function profileJson(id: string): Record<string, unknown> {
  if (profileFiles.size === 0)
    for (const file of readProfileFiles(PROFILES_DIR)) if (file.ok) profileFiles.set(String((file.json as { id?: unknown }).id), file.json as Record<string, unknown>);
  const json = profileFiles.get(id);
  if (!json) throw new Error(`no profile file ${id}`);
  return json;
}

// ---- running the matrix ------------------------------------------------------------------------------

type Outcome = { user: User; case: Case; status: number; code: string | undefined; body: string; headers: Record<string, unknown>; agent: string };
let agentCounter = 0;
const figures = { requests: 0, denials: 0, audited: 0 };
let fixtures: Fixtures;
const registered: { method: string; url: string; permission: unknown }[] = [];

const casesOf = (row: Row, user: User): Case[] => {
  if (user === 'anonymous' || !row.allow.includes(user)) return (Object.keys(row.expect) as Case[]).slice(0, 3);
  return Object.keys(row.expect) as Case[];
};

function expectedStatus(row: Row, user: User, which: Case): number {
  if (user === 'anonymous') return row.anonymous ?? 401;
  if (!row.allow.includes(user)) return 403;
  return row.expect[which] ?? -1;
}

async function run(row: Row, user: User, which: Case): Promise<Outcome> {
  agentCounter += 1;
  const agent = `matrix-${agentCounter}`;
  const options = await row.request({ user, scope: SCOPES[user] ?? DISTRICT_SCOPE, fx: fixtures, case: which });
  const headers: Record<string, string> = { 'user-agent': agent, ...(options.headers as Record<string, string>) };
  if (user !== 'anonymous' && !headers['authorization']) headers['authorization'] = `Bearer ${t.tokenOf(user)}`;
  const reply = await t.app.inject({ ...options, headers, remoteAddress: `10.77.${agentCounter >> 8}.${agentCounter & 255}` });
  figures.requests += 1;
  const code = reply.headers['content-type']?.toString().includes('json')
    ? (reply.json() as { error?: { code?: string } }).error?.code
    : undefined;
  return { user, case: which, status: reply.statusCode, code, body: reply.body, headers: reply.headers, agent };
}

const DENIAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'REGION_OUT_OF_SCOPE'];

beforeAll(async () => {
  t = await openTestApp();
  fixtures = await makeFixtures();
  const capture = (route: RouteOptions) =>
    registered.push({ method: String(route.method), url: route.url, permission: route.config?.permission });
  const probe = await buildApp({ services: t.services, logLevel: 'silent', onRoute: capture });
  await probe.close();
}, 180_000);
afterAll(async () => {
  await t.services.imports.idle();
  await t.close();
});

describe('AZ-2 deny by default: the route table', () => {
  it('every /api route declares its permission', () => {
    const api = registered.filter((route) => route.url.startsWith('/api') && !route.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(20);
    expect(api.filter((route) => !route.permission).map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it('refuses to register a route without a permission', async () => {
    const services = createServices({ database: t.database, keyring: testKeyring(), clock: t.clock });
    const app = Fastify({ logger: false });
    registerAuth(app, services);
    app.get('/api/unguarded', async () => ({ ok: true }));
    await expect(app.ready()).rejects.toThrow(/declares no permission \(AZ-2\)/);
  });

  it('the matrix has a row for every route and no row for a route that does not exist (FT-5)', () => {
    const routes = registered
      .filter((route) => route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    const rows = MATRIX.map((row) => row.route);
    expect(routes.filter((route) => !rows.includes(route)), 'routes missing from the matrix').toEqual([]);
    expect(rows.filter((route) => !routes.includes(route)), 'matrix rows without a route').toEqual([]);
  });

  it('the matrix covers every demo role', () => {
    const covered = new Set(ROLE_ACCOUNTS.map((account) => account.role));
    const demoRoles = ['demoAdmin', ...DEMO_ACCOUNTS.map((account) => account.role)];
    expect(demoRoles.filter((role) => !covered.has(role as (typeof ROLES)[number]))).toEqual([]);
  });
});

describe('FT-5 role × route × scope matrix (AZ-3, AZ-4, AZ-8)', () => {
  it.each(MATRIX.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const mismatches: string[] = [];
    const byUser = new Map<User, Outcome[]>();
    for (const user of USERS) {
      for (const which of casesOf(row, user)) {
        const outcome = await run(row, user, which);
        const expected = expectedStatus(row, user, which);
        if (outcome.status !== expected)
          mismatches.push(`${user}/${which}: ${outcome.status} (expected ${expected}) ${outcome.body.slice(0, 160)}`);
        byUser.set(user, [...(byUser.get(user) ?? []), outcome]);
        if (outcome.code && DENIAL_CODES.includes(outcome.code)) {
          figures.denials += 1;
          const audited = await queryOne<{ n: number }>(
            t.database,
            `SELECT count(*)::int AS n FROM audit_log WHERE user_agent = '${outcome.agent}' AND outcome = 'denied'`,
          );
          if (audited.n > 0) figures.audited += 1;
          else mismatches.push(`${user}/${which}: ${outcome.status} ${outcome.code} has no 'denied' audit row (AZ-4)`);
        }
      }
    }
    for (const [user, outcomes] of byUser) {
      const out = outcomes.find((outcome) => outcome.case === 'out' && outcome.status === 404);
      const missing = outcomes.find((outcome) => outcome.case === 'missing' && outcome.status === 404);
      if (!out || !missing) continue;
      const strip = (headers: Record<string, unknown>) => {
        const { date: _date, 'x-request-id': _id, ...rest } = headers;
        return rest;
      };
      if (out.body !== missing.body) mismatches.push(`${user}: out-of-scope and nonexistent 404 bodies differ (AZ-3)`);
      expect(strip(out.headers), `${user}: 404 headers (AZ-3)`).toEqual(strip(missing.headers));
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('prints its figures', () => {
    console.log(`FT-5 figures: ${figures.requests} requests, ${figures.denials} denials, ${figures.audited} audited`);
    expect(figures.audited).toBe(figures.denials);
  });
});

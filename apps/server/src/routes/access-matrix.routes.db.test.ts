import { randomUUID } from 'node:crypto';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import { createServices, systemActor, testKeyring } from '@kangyang/services';
import { DEMO_ACCOUNTS } from '@kangyang/services/generator/seed-accounts';
import { ROLE_ACCOUNTS } from '@kangyang/test-kit/accounts';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';
import { registerAuth } from '../plugins/auth.ts';
import { buildApp } from '../app.ts';
import { openTestApp, type TestApp } from '../test-app.ts';
import { ASSESSMENT_ROWS, LEDGER_ROWS, WORKER_ROWS } from './access-matrix-modules.ts';
import { INDICATOR_ROWS } from './access-matrix-indicators.ts';
import { COMMUNITY_SERVICE_ROWS } from './access-matrix-community-services.ts';
import { HOME_CARE_ROWS } from './access-matrix-home-care.ts';
import { FACILITY_ROWS } from './access-matrix-facilities.ts';
import { SELF_SERVICE_ROWS } from './access-matrix-self-service.ts';
import {
  ALL_SIGNED_IN,
  ELDER_READ,
  OFFICIALS,
  IN_OUT_MISSING,
  USERS,
  applicationOf,
  casesOf,
  expectedStatus,
  elderOf,
  granted,
  importFile,
  importJobOf,
  makeFixtures,
  multipart,
  nextBindingDay,
  profileJson,
  regionOf,
  runCase,
  type Case,
  type Outcome,
  type Fixtures,
  type Row,
  type User,
} from './access-matrix-fixtures.ts';

/**
 * AZ-2 (every route declares a permission), FT-5 (every route × every demo role × in scope / out of
 * scope / nonexistent equals the matrix below), AZ-3 (out-of-scope and nonexistent 404s are
 * byte-identical but for the request id) and AZ-4 (every denial is audited).
 * A new route fails this test until it has a row here: who is granted, and the status per case.
 */

// More of who holds which permission (the rest in access-matrix-fixtures.ts).
const ELDER_WRITE = ELDER_READ;
const ELDER_EXPORT = ELDER_READ;
const REVEAL = OFFICIALS;
const IMPORT = OFFICIALS;
const ELIGIBILITY_READ = OFFICIALS;
const AUDIT_READ: readonly User[] = ['admin', 'auditor'];
const REGION_READ = ALL_SIGNED_IN.filter((user) => !['caregiver', 'elder', 'family'].includes(user));
const PROFILE_READ: readonly User[] = [...OFFICIALS, 'community', 'institution'];
const PROFILE_MANAGE: readonly User[] = ['admin', 'district'];
const APPLY: readonly User[] = ['admin', 'community'];
const REVIEW: readonly User[] = ['admin', 'street', 'street2'];
const APPROVE: readonly User[] = ['admin', 'district'];

const system = systemActor({ requestId: 'matrix' });
let t: TestApp;
// ---- the matrix (FT-5): data, one row per route ------------------------------------------------------
const get = (url: string) => ({ method: 'GET' as const, url });

const CORE_ROWS: readonly Row[] = [
  {
    route: 'GET /api/health',
    allow: ALL_SIGNED_IN,
    anonymous: 200,
    expect: { any: 200 },
    request: () => get('/api/health'),
  },
  {
    route: 'POST /api/auth/login',
    allow: ALL_SIGNED_IN,
    anonymous: 401, // an unknown user: INVALID_CREDENTIALS
    expect: { any: 200 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: ctx.user === 'anonymous' ? 'nobody' : ctx.user,
        password: ctx.t.accounts.get(ctx.user)?.password ?? 'x',
      },
    }),
  },
  { route: 'GET /api/auth/me', allow: ALL_SIGNED_IN, expect: { any: 200 }, request: () => get('/api/auth/me') },
  {
    route: 'POST /api/auth/totp/enrol',
    allow: ALL_SIGNED_IN,
    expect: { any: 200 },
    request: () => ({ method: 'POST', url: '/api/auth/totp/enrol' }),
  },
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
      const fresh = ctx.user === 'anonymous' ? undefined : ((await ctx.t.login(ctx.user)).json() as { token: string });
      return {
        method: 'POST',
        url: '/api/auth/logout',
        headers: fresh ? { authorization: `Bearer ${fresh.token}` } : {},
      };
    },
  },
  {
    route: 'GET /api/elders',
    allow: ELDER_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) => get(`/api/elders?regionCode=${regionOf(ctx)}`),
  },
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
  {
    route: 'GET /api/elders/:id',
    allow: ELDER_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}`),
  },
  {
    route: 'PATCH /api/elders/:id',
    allow: ELDER_WRITE,
    expect: IN_OUT_MISSING,
    request: async (ctx) => {
      const id = elderOf(ctx);
      const version = ctx.case === 'missing' ? 1 : await ctx.fx.version(id);
      const headers = { 'if-match': `"${version}"` };
      return { method: 'PATCH', url: `/api/elders/${id}`, headers, payload: { address: '矩阵测试路 1 号' } };
    },
  },
  {
    route: 'POST /api/elders/:id/reveal',
    allow: REVEAL,
    expect: IN_OUT_MISSING,
    request: (ctx) => ({ method: 'POST', url: `/api/elders/${elderOf(ctx)}/reveal`, payload: { reason: '核对身份' } }),
  },
  {
    route: 'GET /api/elders/:id/eligibility',
    allow: ELIGIBILITY_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}/eligibility`),
  },
  {
    route: 'GET /api/elders/:id/entitlements',
    allow: ELIGIBILITY_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}/entitlements`),
  },
  {
    route: 'GET /api/exports/elders.xlsx',
    allow: ELDER_EXPORT,
    expect: { in: 200, out: 404 },
    request: (ctx) => get(`/api/exports/elders.xlsx?regionCode=${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/regions/roots',
    allow: REGION_READ,
    expect: { any: 200 },
    request: () => get('/api/regions/roots'),
  },
  {
    route: 'GET /api/regions/:code',
    allow: REGION_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/regions/${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/regions/:code/children',
    allow: REGION_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/regions/${regionOf(ctx)}/children`),
  },
  {
    route: 'GET /api/regions/:code/boundaries',
    allow: REGION_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/regions/${regionOf(ctx)}/boundaries`),
  },
  { route: 'GET /api/audit', allow: AUDIT_READ, expect: { any: 200 }, request: () => get('/api/audit?limit=5') },
  {
    route: 'POST /api/audit/search',
    allow: AUDIT_READ,
    expect: { any: 200 },
    request: () => ({ method: 'POST', url: '/api/audit/search', payload: { limit: 5, outcome: 'denied' } }),
  },
];

const POLICY_ROWS: readonly Row[] = [
  {
    route: 'GET /api/regions/:code/profile',
    allow: PROFILE_READ,
    expect: { any: 200 },
    request: () => get('/api/regions/330102002/profile'),
  },
  { route: 'GET /api/profiles', allow: PROFILE_READ, expect: { any: 200 }, request: () => get('/api/profiles') },
  {
    route: 'GET /api/profiles/:id',
    allow: PROFILE_READ,
    expect: { any: 200, missing: 404 },
    unscoped: true, // plan profiles are published policy: no region scope
    request: (ctx) => get(`/api/profiles/${ctx.case === 'missing' ? '404' : '001'}`),
  },
  {
    route: 'GET /api/profiles/:id/versions',
    allow: PROFILE_READ,
    expect: { any: 200 },
    request: () => get('/api/profiles/001/versions'),
  },
  {
    route: 'POST /api/profiles',
    allow: PROFILE_MANAGE,
    expect: { in: 200, out: 403 }, // in: profile 001 of 330102 again (unchanged); out: 002 of 德州 (REGION_OUT_OF_SCOPE)
    request: (ctx) => ({
      method: 'POST',
      url: '/api/profiles',
      payload: profileJson(ctx.case === 'in' ? '001' : '002'),
    }),
  },
  {
    route: 'POST /api/profile-bindings',
    allow: PROFILE_MANAGE,
    expect: { in: 201, out: 403 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/profile-bindings',
      payload: {
        regionCode: ctx.case === 'in' ? ctx.scope.region : '371402',
        profileId: '001',
        validFrom: nextBindingDay(),
      },
    }),
  },
  {
    route: 'POST /api/applications',
    allow: APPLY,
    expect: { in: 201, out: 404, missing: 404 },
    request: async (ctx) => {
      const elderId = ctx.case === 'in' && granted(ctx, APPLY) ? await ctx.fx.freshElder(ctx.scope.home) : elderOf(ctx);
      const offered = ctx.case === 'in' ? await ctx.t.services.eligibility.forElder(system, elderId) : undefined;
      return {
        method: 'POST',
        url: '/api/applications',
        headers: { 'idempotency-key': `matrix-${randomUUID()}` },
        payload: {
          elderId,
          programme: offered?.benefits[0]?.programme ?? 'homeCareBed',
          applicantKind: 'communityWorker',
        },
      };
    },
  },
  {
    route: 'GET /api/applications',
    allow: ELIGIBILITY_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) => get(`/api/applications?region=${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/applications/:id',
    allow: ELIGIBILITY_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/applications/${applicationOf(ctx)}`),
  },
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
];

const IMPORT_ROWS: readonly Row[] = [
  {
    route: 'GET /api/imports/elders/template',
    allow: IMPORT,
    expect: { any: 200 },
    request: () => get('/api/imports/elders/template'),
  },
  {
    route: 'POST /api/imports/elders',
    allow: IMPORT,
    expect: { in: 202, out: 403 }, // out: REGION_OUT_OF_SCOPE naming regionCode
    request: (ctx) => {
      const body = multipart(importFile(ctx.scope.home));
      const region = ctx.case === 'in' ? ctx.scope.home : ctx.scope.outRegion;
      return {
        method: 'POST',
        url: `/api/imports/elders?regionCode=${region}`,
        headers: body.headers,
        payload: body.payload,
      };
    },
  },
  { route: 'GET /api/imports', allow: IMPORT, expect: { any: 200 }, request: () => get('/api/imports') },
  {
    route: 'GET /api/imports/:id',
    allow: IMPORT,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/imports/${importJobOf(ctx)}`),
  },
  {
    route: 'GET /api/imports/:id/errors',
    allow: IMPORT,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/imports/${importJobOf(ctx)}/errors`),
  },
  {
    route: 'GET /api/imports/:id/errors.xlsx',
    allow: IMPORT,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/imports/${importJobOf(ctx)}/errors.xlsx`),
  },
  ...(['confirm', 'cancel'] as const).map((action): Row => ({
    route: `POST /api/imports/:id/${action}`,
    allow: IMPORT,
    expect: { in: action === 'confirm' ? 202 : 200, out: 404, missing: 404 },
    request: async (ctx) => {
      const id = ctx.case === 'in' && granted(ctx, IMPORT) ? await ctx.fx.freshImportJob(ctx.user) : importJobOf(ctx);
      const payload = action === 'confirm' ? { mode: 'validRowsOnly' } : undefined;
      return { method: 'POST', url: `/api/imports/${id}/${action}`, ...(payload ? { payload } : {}) };
    },
  })),
];

const MATRIX: readonly Row[] = [
  ...CORE_ROWS,
  ...POLICY_ROWS,
  ...IMPORT_ROWS,
  ...ASSESSMENT_ROWS,
  ...LEDGER_ROWS,
  ...WORKER_ROWS,
  ...INDICATOR_ROWS,
  ...COMMUNITY_SERVICE_ROWS,
  ...HOME_CARE_ROWS,
  ...FACILITY_ROWS,
  ...SELF_SERVICE_ROWS,
];

// ---- running the matrix ------------------------------------------------------------------------------

const figures = { requests: 0, denials: 0, audited: 0 };
let fixtures: Fixtures;
const registered: { method: string; url: string; permission: unknown }[] = [];
const run = (row: Row, user: User, which: Case) => {
  figures.requests += 1;
  return runCase(t, fixtures, row, user, which);
};

const DENIAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'REGION_OUT_OF_SCOPE'];

beforeAll(async () => {
  t = await openTestApp();
  fixtures = await makeFixtures(t, IMPORT);
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
    expect(() => app.get('/api/unguarded', async () => ({ ok: true }))).toThrow(/declares no permission \(AZ-2\)/);
    await app.close();
  });

  it('the matrix has a row for every route and no row for a route that does not exist (FT-5)', () => {
    const routes = registered
      .filter((route) => route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    const rows = MATRIX.map((row) => row.route);
    expect(
      routes.filter((route) => !rows.includes(route)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      rows.filter((route) => !routes.includes(route)),
      'matrix rows without a route',
    ).toEqual([]);
  });

  it('the matrix covers every demo role', () => {
    const covered = new Set(ROLE_ACCOUNTS.map((account) => account.role));
    const demoRoles = ['demoAdmin', ...DEMO_ACCOUNTS.map((account) => account.role)];
    expect(demoRoles.filter((role) => !covered.has(role as Role))).toEqual([]);
  });
});

describe('FT-5 role × route × scope matrix (AZ-3, AZ-4, AZ-8)', () => {
  it.each(MATRIX.map((row) => [row.route, row] as const))(
    '%s',
    async (_route, row) => {
      const mismatches: string[] = [];
      const byUser = new Map<User, Outcome[]>();
      for (const user of USERS) {
        for (const which of casesOf(row)) {
          const outcome = await run(row, user, which);
          const expected = expectedStatus(row, user, which);
          if (outcome.status !== expected)
            mismatches.push(`${user}/${which}: ${outcome.status} (expected ${expected}) ${outcome.body.slice(0, 160)}`);
          byUser.set(user, [...(byUser.get(user) ?? []), outcome]);
          const denial = outcome.code && DENIAL_CODES.includes(outcome.code);
          if (denial && !(row.unscoped && outcome.code === 'NOT_FOUND')) {
            figures.denials += 1;
            const audited = await queryOne<{ n: number }>(
              t.database,
              `SELECT count(*)::int AS n FROM audit_log WHERE user_agent = '${outcome.agent}' AND outcome = 'denied'`,
            );
            if (audited.n > 0) figures.audited += 1;
            else
              mismatches.push(`${user}/${which}: ${outcome.status} ${outcome.code} has no 'denied' audit row (AZ-4)`);
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
        if (out.body !== missing.body)
          mismatches.push(`${user}: out-of-scope and nonexistent 404 bodies differ (AZ-3)`);
        expect(strip(out.headers), `${user}: 404 headers (AZ-3)`).toEqual(strip(missing.headers));
      }
      expect(mismatches).toEqual([]);
    },
    120_000,
  );

  it('prints its figures', () => {
    console.log(`FT-5 figures: ${figures.requests} requests, ${figures.denials} denials, ${figures.audited} audited`);
    expect(figures.audited).toBe(figures.denials);
  });
});

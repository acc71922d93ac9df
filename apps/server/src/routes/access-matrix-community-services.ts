import { randomUUID } from 'node:crypto';
import { systemActor } from '@kangyang/services';
import { MISSING_ID, type Ctx, type Row, type User } from './access-matrix-fixtures.ts';
import type { TestApp } from '../test-app.ts';

/**
 * FT-5 matrix rows of meals, coverage and complaints (issue 6, HCS-9/10/11): part of
 * access-matrix.routes.db.test.ts. Sites in and out of each role's scope are made once per app.
 */
const get = (url: string) => ({ method: 'GET' as const, url });
const idempotent = () => ({ 'idempotency-key': `matrix-${randomUUID()}` });
const ALL_BUSINESS: readonly User[] = ['admin', 'district', 'street', 'street2', 'community', 'institution'];
const MEAL_READ = ALL_BUSINESS;
const MEAL_WRITE: readonly User[] = ['admin', 'district', 'institution'];
const MEAL_REDEEM: readonly User[] = ['admin', 'district', 'community', 'institution'];
const COVERAGE_READ = ALL_BUSINESS;
const COVERAGE_REFRESH: readonly User[] = ['admin', 'district'];
const COMPLAINT_READ = ALL_BUSINESS;
const COMPLAINT_WRITE: readonly User[] = ['admin', 'district', 'street', 'street2', 'community'];
const COMPLAINT_RESPOND: readonly User[] = ['admin', 'district', 'street', 'street2', 'institution'];

type Sites = { street2Community: string; streetCommunity: string; otherCounty: string };
const made = new WeakMap<TestApp, Promise<Sites>>();

function sitesOf(t: TestApp): Promise<Sites> {
  const cached = made.get(t);
  if (cached) return cached;
  const create = async (regionCode: string, lng: number) =>
    (
      await t.services.meals.createSite(systemActor(), {
        name: `矩阵服务点${regionCode}`,
        kind: 'station',
        regionCode,
        location: { lng, lat: 30.25 },
        serviceRadiusM: 1000,
        openingHours: {},
        offersMeals: true,
        offersDelivery: false,
      })
    ).id;
  const sites = (async () => ({
    streetCommunity: await create('330102002001', 120.17),
    street2Community: await create('330102001001', 120.16),
    otherCounty: await create('330105001001', 120.15),
  }))();
  made.set(t, sites);
  return sites;
}

/** A site inside the user's scope, or outside it (but existing), or a nonexistent id. */
async function siteOf(ctx: Ctx): Promise<string> {
  if (ctx.case === 'missing') return MISSING_ID;
  const sites = await sitesOf(ctx.t);
  const inside = ctx.user === 'street2' ? sites.street2Community : sites.streetCommunity;
  if (ctx.case === 'in') return inside;
  if (ctx.user === 'street' || ctx.user === 'community') return sites.street2Community;
  if (ctx.user === 'street2') return sites.streetCommunity;
  return sites.otherCounty;
}

/** A community code from a scope's region (a county or street code padded with its first community). */
const community = (code: string): string =>
  code.length === 6 ? `${code}001001` : code.length === 9 ? `${code}001` : code;

const siteBody = (regionCode: string) => ({
  name: `矩阵新服务点${randomUUID().slice(0, 6)}`,
  kind: 'mealPoint',
  regionCode,
  location: { lng: 120.17, lat: 30.25 },
});

export const COMMUNITY_SERVICE_ROWS: readonly Row[] = [
  { route: 'GET /api/meals/sites', allow: MEAL_READ, expect: { any: 200 }, request: () => get('/api/meals/sites') },
  {
    route: 'POST /api/meals/sites',
    allow: MEAL_WRITE,
    expect: { in: 201, out: 403 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/meals/sites',
      payload: siteBody(community(ctx.case === 'in' ? ctx.scope.home : ctx.scope.outRegion)),
    }),
  },
  {
    route: 'PUT /api/meals/sites/:id/menus/:date/:meal',
    allow: MEAL_WRITE,
    expect: { in: 200, out: 404, missing: 404 },
    request: async (ctx) => ({
      method: 'PUT',
      url: `/api/meals/sites/${await siteOf(ctx)}/menus/2026-11-02/lunch`,
      payload: { dishes: ['青菜'], priceFen: 1200 },
    }),
  },
  {
    route: 'GET /api/meals/sites/:id/menus',
    allow: MEAL_READ,
    expect: { in: 200, out: 404, missing: 404 },
    request: async (ctx) => get(`/api/meals/sites/${await siteOf(ctx)}/menus?from=2026-11-01&to=2026-11-07`),
  },
  {
    route: 'POST /api/meals/orders',
    allow: MEAL_REDEEM,
    expect: { out: 404, missing: 404 },
    request: async (ctx) => ({
      method: 'POST',
      url: '/api/meals/orders',
      headers: idempotent(),
      payload: { siteId: await siteOf(ctx), elderId: MISSING_ID, mealDate: '2026-11-02', meal: 'lunch' },
    }),
  },
  {
    route: 'POST /api/meals/redemptions',
    allow: MEAL_REDEEM,
    expect: { out: 404, missing: 404 },
    request: async (ctx) => ({
      method: 'POST',
      url: '/api/meals/redemptions',
      payload: { siteId: await siteOf(ctx), meal: 'lunch', credential: { kind: 'card', value: 'MC00000001' } },
    }),
  },
  {
    route: 'GET /api/meals/sites/:id/deliveries',
    allow: MEAL_REDEEM,
    expect: { in: 200, out: 404, missing: 404 },
    request: async (ctx) => get(`/api/meals/sites/${await siteOf(ctx)}/deliveries?date=2026-11-02&meal=lunch`),
  },
  {
    route: 'GET /api/meals/daily-counts',
    allow: MEAL_READ,
    expect: { any: 200 },
    request: () => get('/api/meals/daily-counts?from=2026-11-01&to=2026-11-07'),
  },
  {
    route: 'GET /api/coverage/communities',
    allow: COVERAGE_READ,
    expect: { any: 200 },
    request: () => get('/api/coverage/communities'),
  },
  {
    route: 'GET /api/coverage/communities/:code/uncovered',
    allow: COVERAGE_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) =>
      get(`/api/coverage/communities/${community(ctx.case === 'in' ? ctx.scope.home : ctx.scope.outRegion)}/uncovered`),
  },
  {
    route: 'POST /api/coverage/refresh',
    allow: COVERAGE_REFRESH,
    expect: { in: 200, out: 403 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/coverage/refresh',
      payload: { regionCode: ctx.case === 'in' ? '330102' : '330105' },
    }),
  },
  {
    route: 'POST /api/complaints',
    allow: COMPLAINT_WRITE,
    expect: { in: 201, out: 403 },
    request: async (ctx) => ({
      method: 'POST',
      url: '/api/complaints',
      headers: idempotent(),
      payload: { complainantKind: 'family', siteId: await siteOf(ctx), category: 'food', description: '矩阵测试' },
    }),
  },
  { route: 'GET /api/complaints', allow: COMPLAINT_READ, expect: { any: 200 }, request: () => get('/api/complaints') },
  {
    route: 'GET /api/complaints/:id',
    allow: COMPLAINT_READ,
    expect: { missing: 404 },
    request: () => get(`/api/complaints/${MISSING_ID}`),
  },
  {
    route: 'POST /api/complaints/:id/status',
    allow: COMPLAINT_RESPOND,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/complaints/${MISSING_ID}/status`,
      payload: { status: 'acknowledged', version: 1 },
    }),
  },
  {
    route: 'POST /api/complaints/ratings',
    allow: COMPLAINT_WRITE,
    expect: { in: 201, out: 403 },
    request: async (ctx) => ({
      method: 'POST',
      url: '/api/complaints/ratings',
      headers: idempotent(),
      payload: { raterKind: 'elder', siteId: await siteOf(ctx), stars: 4 },
    }),
  },
];

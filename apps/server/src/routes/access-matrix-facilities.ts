import { randomUUID } from 'node:crypto';
import { systemActor } from '@kangyang/services';
import { IN_OUT_MISSING, MISSING_ID, regionOf, type Ctx, type Row, type User } from './access-matrix-fixtures.ts';
import type { TestApp } from '../test-app.ts';

/**
 * FT-5 matrix rows of facility attributes and designations (issue 7, migration 0031): part of
 * access-matrix.routes.db.test.ts. Reads follow `dashboard:read`, writes `facility:write` (civil affairs);
 * a site, region or designation outside the scope answers 404 like a nonexistent one.
 */
const get = (url: string) => ({ method: 'GET' as const, url });
const idempotent = () => ({ 'idempotency-key': `matrix-${randomUUID()}` });
const READ: readonly User[] = ['admin', 'district', 'street', 'street2', 'community', 'institution'];
const WRITE: readonly User[] = ['admin', 'district'];
const system = systemActor({ requestId: 'matrix-facilities' });

const createSite = async (t: TestApp, regionCode: string): Promise<string> =>
  (
    await t.services.meals.createSite(system, {
      name: `矩阵机构${randomUUID().slice(0, 6)}`,
      kind: 'institution',
      regionCode,
      location: { lng: 120.17, lat: 30.25 },
      serviceRadiusM: 1000,
      openingHours: {},
      offersMeals: false,
      offersDelivery: false,
    })
  ).id;

type Sites = { street: string; street2: string; otherCounty: string };
const made = new WeakMap<TestApp, Promise<Sites>>();
function sitesOf(t: TestApp): Promise<Sites> {
  const cached = made.get(t);
  if (cached) return cached;
  const sites = (async () => ({
    street: await createSite(t, '330102002001'),
    street2: await createSite(t, '330102001001'),
    otherCounty: await createSite(t, '330105001001'),
  }))();
  made.set(t, sites);
  return sites;
}

/** A site inside the user's scope (fresh for writes), outside it, or a nonexistent id. */
async function siteOf(ctx: Ctx, fresh = false): Promise<string> {
  if (ctx.case === 'missing') return MISSING_ID;
  if (ctx.case === 'in' && fresh) return createSite(ctx.t, ctx.scope.home);
  const sites = await sitesOf(ctx.t);
  if (ctx.case === 'in') return ctx.user === 'street2' ? sites.street2 : sites.street;
  if (ctx.user === 'street' || ctx.user === 'community') return sites.street2;
  if (ctx.user === 'street2') return sites.street;
  return sites.otherCounty;
}

/** A community code from a region code (a county or street padded with its first community). */
const community = (code: string): string => `${code}${'001001'.slice(0, 12 - code.length)}`;

const designation = (name: string) => ({
  designation: name,
  designatedOn: '2026-01-01',
  authority: '矩阵民政局',
  document: '矩阵〔2026〕1号',
});

/** A designation to revoke: a fresh one inside the scope, one in another county, or a nonexistent id. */
async function designationOf(ctx: Ctx): Promise<string> {
  if (ctx.case === 'missing') return MISSING_ID;
  const site = ctx.case === 'in' ? await createSite(ctx.t, ctx.scope.home) : (await sitesOf(ctx.t)).otherCounty;
  if (ctx.case === 'out') {
    const found = await ctx.t.services.facilities.detail(system, site);
    const held = found.designationHistory.find((row) => row.revocation === null);
    if (held) return held.id;
  }
  return (await ctx.t.services.facilities.designateSite(system, site, designation('smartCareHome'))).id;
}

export const FACILITY_ROWS: readonly Row[] = [
  {
    route: 'GET /api/facilities',
    allow: READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/facilities?region=${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/facilities/:siteId',
    allow: READ,
    expect: IN_OUT_MISSING,
    request: async (ctx) => get(`/api/facilities/${await siteOf(ctx)}`),
  },
  {
    route: 'PUT /api/facilities/:siteId/attributes',
    allow: WRITE,
    expect: IN_OUT_MISSING,
    request: async (ctx) => ({
      method: 'PUT',
      url: `/api/facilities/${await siteOf(ctx, true)}/attributes`,
      payload: {
        version: 0,
        bedsTotal: 100,
        nursingBeds: 60,
        occupiedBeds: 70,
        ownership: 'public',
        mealDeliveryVehicles: null,
      },
    }),
  },
  {
    route: 'POST /api/facilities/:siteId/designations',
    allow: WRITE,
    expect: { in: 201, out: 404, missing: 404 },
    request: async (ctx) => ({
      method: 'POST',
      url: `/api/facilities/${await siteOf(ctx, true)}/designations`,
      headers: idempotent(),
      payload: designation('smartCareHome'),
    }),
  },
  {
    route: 'GET /api/regions/:code/designations',
    allow: READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/regions/${regionOf(ctx)}/designations`),
  },
  {
    route: 'POST /api/regions/:code/designations',
    allow: WRITE,
    expect: { in: 201, out: 404, missing: 404 },
    request: (ctx) => {
      const code =
        ctx.case === 'in' ? ctx.scope.home : ctx.case === 'out' ? community(ctx.scope.outRegion) : '330199001001';
      const name = ctx.user === 'admin' ? 'dementiaFriendlyCommunity' : 'modelElderFriendlyCommunity';
      return {
        method: 'POST',
        url: `/api/regions/${code}/designations`,
        headers: idempotent(),
        payload: designation(name),
      };
    },
  },
  {
    route: 'DELETE /api/designations/:id',
    allow: WRITE,
    expect: IN_OUT_MISSING,
    request: async (ctx) => ({
      method: 'DELETE',
      url: `/api/designations/${await designationOf(ctx)}`,
      payload: { reason: '矩阵撤销' },
    }),
  },
];

import { randomUUID } from 'node:crypto';
import { IN_OUT_MISSING, regionOf, type Row, type User } from './access-matrix-fixtures.ts';

/**
 * FT-5 matrix rows of the indicator dashboards (issue 7): part of access-matrix.routes.db.test.ts.
 * Every read is region-scoped: the role's own region answers, another region or an unknown code is 404.
 */
const get = (url: string) => ({ method: 'GET' as const, url });
const DASHBOARD: readonly User[] = ['admin', 'district', 'street', 'street2', 'community', 'institution'];
const REPORT: readonly User[] = ['admin', 'district'];
const plan = '/api/plans/001/indicators';

const scoped = (route: string, url: (region: string) => string): Row => ({
  route,
  allow: DASHBOARD,
  expect: IN_OUT_MISSING,
  request: (ctx) => get(url(regionOf(ctx))),
});

export const INDICATOR_ROWS: readonly Row[] = [
  scoped('GET /api/plans/:profileId/indicators', (region) => `${plan}?region=${region}`),
  scoped(
    'GET /api/plans/:profileId/indicators/:indicatorId/breakdown',
    (region) => `${plan}/001-12/breakdown?region=${region}`,
  ),
  scoped(
    'GET /api/plans/:profileId/indicators/:indicatorId/trend',
    (region) => `${plan}/001-17/trend?region=${region}`,
  ),
  scoped(
    'GET /api/plans/:profileId/indicators/:indicatorId/reported',
    (region) => `${plan}/001-21/reported?region=${region}`,
  ),
  scoped('GET /api/plans/:profileId/indicators.xlsx', (region) => `/api/plans/001/indicators.xlsx?region=${region}`),
  scoped('GET /api/plans/:profileId/report.pdf', (region) => `/api/plans/001/report.pdf?region=${region}`),
  scoped('GET /api/regions/:code/overview', (region) => `/api/regions/${region}/overview`),
  scoped('GET /api/regions/:code/overview/trend', (region) => `/api/regions/${region}/overview/trend`),
  scoped('GET /api/regions/:code/density', (region) => `/api/regions/${region}/density`),
  scoped('GET /api/regions/:code/overview.xlsx', (region) => `/api/regions/${region}/overview.xlsx`),
  scoped('GET /api/regions/:code/overview.pdf', (region) => `/api/regions/${region}/overview.pdf`),
  {
    // KPI-3: the elders behind 001-17 need elder:read from a region-wide grant; the institution sees totals only
    route: 'GET /api/plans/:profileId/indicators/:indicatorId/records',
    allow: ['admin', 'district', 'street', 'street2', 'community'],
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`${plan}/001-17/records?region=${regionOf(ctx)}`),
  },
  {
    route: 'POST /api/plans/:profileId/indicators/:indicatorId/reported',
    allow: REPORT,
    expect: { in: 201, out: 404, missing: 404 },
    request: (ctx) => ({
      method: 'POST',
      url: `${plan}/001-21/reported`,
      headers: { 'idempotency-key': `matrix-${randomUUID()}` },
      payload: { regionCode: regionOf(ctx), year: 2026, value: 1 },
    }),
  },
  {
    route: 'GET /api/indicators/refresh',
    allow: DASHBOARD,
    expect: { any: 200 },
    request: () => get('/api/indicators/refresh'),
  },
  {
    route: 'POST /api/indicators/refresh',
    allow: REPORT,
    expect: { any: 202 },
    request: () => ({ method: 'POST', url: '/api/indicators/refresh' }),
  },
];

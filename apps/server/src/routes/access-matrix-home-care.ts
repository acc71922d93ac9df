import { randomUUID } from 'node:crypto';
import { MISSING_ID, OFFICIALS, type Row, type User } from './access-matrix-fixtures.ts';

/**
 * FT-5 matrix rows of home care (issue 6, HCS-1 … HCS-6): part of access-matrix.routes.db.test.ts.
 * Orders, offers and visits the module owns are covered as nonexistent ids; their in- and out-of-scope
 * cases are in home-care.routes.db.test.ts and the service db tests.
 */
const get = (url: string) => ({ method: 'GET' as const, url });
const post = (url: string, payload: Record<string, unknown> = {}) => ({ method: 'POST' as const, url, payload });
const ORDER_READ: readonly User[] = [...OFFICIALS, 'community', 'institution'];
const ORDER_WRITE = ORDER_READ;
const ORDER_DISPATCH: readonly User[] = [...OFFICIALS, 'institution'];
const WORKERS: readonly User[] = ['admin', 'district', 'institution'];
/** The matrix's caregiver account has no worker record: its own-task routes answer HC_NOT_A_CAREGIVER. */
const CAREGIVER: readonly User[] = ['caregiver'];
const BASE = '/api/home-care';
const CARE_PLAN_BODY = {
  elderId: MISSING_ID,
  serviceItemId: MISSING_ID,
  weekdays: [1, 3, 5],
  timeOfDay: '09:30',
  startDate: '2026-11-02',
};

export const HOME_CARE_ROWS: readonly Row[] = [
  { route: `GET ${BASE}/providers`, allow: ORDER_READ, expect: { any: 200 }, request: () => get(`${BASE}/providers`) },
  {
    route: `POST ${BASE}/providers`,
    allow: ORDER_DISPATCH,
    expect: { any: 400 },
    request: () => post(`${BASE}/providers`),
  },
  { route: `GET ${BASE}/catalogue`, allow: ORDER_READ, expect: { any: 200 }, request: () => get(`${BASE}/catalogue`) },
  {
    route: `GET ${BASE}/quote`,
    allow: ORDER_READ,
    expect: { missing: 404 },
    request: () => get(`${BASE}/quote?elderId=${MISSING_ID}&serviceItemId=${MISSING_ID}`),
  },
  {
    route: `GET ${BASE}/workers/:id/profile`,
    allow: WORKERS,
    expect: { missing: 404 },
    request: () => get(`${BASE}/workers/${MISSING_ID}/profile`),
  },
  {
    route: `PUT ${BASE}/workers/:id/profile`,
    allow: WORKERS,
    expect: { missing: 404 },
    request: () => ({
      method: 'PUT',
      url: `${BASE}/workers/${MISSING_ID}/profile`,
      payload: { skills: [], certificates: [], homeLocation: { lng: 120.17, lat: 30.25 }, shifts: [] },
    }),
  },
  {
    route: `POST ${BASE}/orders`,
    allow: ORDER_WRITE,
    expect: { missing: 404 },
    request: () => ({
      ...post(`${BASE}/orders`, { elderId: MISSING_ID, serviceItemId: MISSING_ID, channel: 'phone' }),
      headers: { 'idempotency-key': `matrix-${randomUUID()}` },
    }),
  },
  { route: `GET ${BASE}/orders`, allow: ORDER_READ, expect: { any: 200 }, request: () => get(`${BASE}/orders`) },
  {
    route: `GET ${BASE}/orders/:id`,
    allow: ORDER_READ,
    expect: { missing: 404 },
    request: () => get(`${BASE}/orders/${MISSING_ID}`),
  },
  {
    route: `POST ${BASE}/orders/:id/cancel`,
    allow: ORDER_WRITE,
    expect: { missing: 404 },
    request: () => post(`${BASE}/orders/${MISSING_ID}/cancel`, { reason: '矩阵测试' }),
  },
  {
    route: `GET ${BASE}/orders/:id/candidates`,
    allow: ORDER_DISPATCH,
    expect: { missing: 404 },
    request: () => get(`${BASE}/orders/${MISSING_ID}/candidates`),
  },
  {
    route: `POST ${BASE}/orders/:id/dispatch`,
    allow: ORDER_DISPATCH,
    expect: { missing: 404 },
    request: () => post(`${BASE}/orders/${MISSING_ID}/dispatch`),
  },
  {
    route: `POST ${BASE}/orders/:id/assign`,
    allow: ORDER_DISPATCH,
    expect: { missing: 404 },
    request: () => post(`${BASE}/orders/${MISSING_ID}/assign`, { workerId: MISSING_ID, reason: '矩阵测试' }),
  },
  {
    route: `POST ${BASE}/care-plans`,
    allow: ORDER_WRITE,
    expect: { missing: 404 },
    request: () => ({
      ...post(`${BASE}/care-plans`, CARE_PLAN_BODY),
      headers: { 'idempotency-key': `matrix-${randomUUID()}` },
    }),
  },
  {
    route: `GET ${BASE}/care-plans`,
    allow: ORDER_READ,
    expect: { missing: 404 },
    request: () => get(`${BASE}/care-plans?elderId=${MISSING_ID}`),
  },
  {
    route: `POST ${BASE}/care-plans/:id/end`,
    allow: ORDER_WRITE,
    expect: { missing: 404 },
    request: () => post(`${BASE}/care-plans/${MISSING_ID}/end`, { reason: '矩阵测试' }),
  },
  { route: `GET ${BASE}/alerts`, allow: ORDER_READ, expect: { any: 200 }, request: () => get(`${BASE}/alerts`) },
  {
    route: `GET ${BASE}/response-share`,
    allow: ORDER_READ,
    expect: { any: 200 },
    request: () => get(`${BASE}/response-share?from=2026-11-01`),
  },
  { route: `GET ${BASE}/visits`, allow: ORDER_READ, expect: { any: 200 }, request: () => get(`${BASE}/visits`) },
  {
    route: `GET ${BASE}/visits/:id`,
    allow: ORDER_READ,
    expect: { missing: 404 },
    request: () => get(`${BASE}/visits/${MISSING_ID}`),
  },
  { route: `GET ${BASE}/my/tasks`, allow: CAREGIVER, expect: { any: 403 }, request: () => get(`${BASE}/my/tasks`) },
  {
    route: `POST ${BASE}/my/offers/:id/reply`,
    allow: CAREGIVER,
    expect: { any: 403 },
    request: () => post(`${BASE}/my/offers/${MISSING_ID}/reply`, { accept: true }),
  },
  { route: `POST ${BASE}/my/sync`, allow: CAREGIVER, expect: { any: 400 }, request: () => post(`${BASE}/my/sync`) },
  {
    route: `PUT ${BASE}/my/visits/:visitId/photos/:photoId`,
    allow: CAREGIVER,
    expect: { any: 403 },
    request: () => ({
      method: 'PUT',
      url: `${BASE}/my/visits/${MISSING_ID}/photos/${randomUUID()}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
    }),
  },
  {
    route: `GET ${BASE}/visits/:visitId/photos/:photoId`,
    allow: ORDER_READ,
    expect: { missing: 404 },
    request: () => get(`${BASE}/visits/${MISSING_ID}/photos/${MISSING_ID}`),
  },
];

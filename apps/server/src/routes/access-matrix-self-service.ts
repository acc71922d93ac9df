import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@kangyang/services/ids';
import { insertLink } from '@kangyang/services/self-service/link.repo';
import { IN_OUT_MISSING, MISSING_ID, elderOf, type Ctx, type Row, type User } from './access-matrix-fixtures.ts';

/**
 * FT-5 matrix rows of the elder's and the family's phone pages (issue 6, AZ-8): part of
 * access-matrix.routes.db.test.ts. Only `elder` and `familyMember` hold `self:use`; every staff role is
 * 403. Their in-scope elder is the one linked to them here; out of scope is an unlinked elder (404).
 * Successful orders, ratings and complaints are in self-service.routes.db.test.ts.
 */
const SELF: readonly User[] = ['elder', 'family'];
const BASE = '/api/me/elders';
const linked = new Set<string>();

/** Links the matrix's elder and family accounts to the in-scope elder (consent recorded once). */
async function linkedElderOf(ctx: Ctx): Promise<string> {
  const elderId = elderOf(ctx);
  const account = ctx.t.accounts.get(ctx.user);
  const inScope = ctx.fx.elders[ctx.scope.inElder];
  if (account && SELF.includes(ctx.user) && !linked.has(ctx.user)) {
    linked.add(ctx.user);
    const now = ctx.t.clock.now();
    await insertLink(ctx.t.services.database.db, {
      countyCode: '330102',
      id: uuidv7(now.getTime()),
      userId: account.userId,
      elderId: inScope,
      relation: ctx.user === 'elder' ? 'self' : 'child',
      grantedBy: null,
      now,
    });
  }
  return elderId;
}

const post = async (ctx: Ctx, path: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `${BASE}/${await linkedElderOf(ctx)}${path}`,
  headers: { 'idempotency-key': `matrix-${randomUUID()}` },
  payload,
});

export const SELF_SERVICE_ROWS: readonly Row[] = [
  { route: `GET ${BASE}`, allow: SELF, expect: { any: 200 }, request: () => ({ method: 'GET', url: BASE }) },
  {
    route: `GET ${BASE}/:elderId/catalogue`,
    allow: SELF,
    expect: IN_OUT_MISSING,
    request: async (ctx) => ({ method: 'GET', url: `${BASE}/${await linkedElderOf(ctx)}/catalogue` }),
  },
  {
    route: `GET ${BASE}/:elderId/orders`,
    allow: SELF,
    expect: IN_OUT_MISSING,
    request: async (ctx) => ({ method: 'GET', url: `${BASE}/${await linkedElderOf(ctx)}/orders` }),
  },
  {
    // in scope: a service item that does not exist is VALIDATION_FAILED
    route: `POST ${BASE}/:elderId/orders`,
    allow: SELF,
    expect: { in: 400, out: 404, missing: 404 },
    request: (ctx) => post(ctx, '/orders', { serviceItemId: MISSING_ID }),
  },
  {
    route: `POST ${BASE}/:elderId/urgent`,
    allow: SELF,
    expect: { out: 404, missing: 404 },
    request: (ctx) => post(ctx, '/urgent', {}),
  },
  {
    // in scope: a visit that does not exist is 404 as well
    route: `POST ${BASE}/:elderId/visits/:visitId/rating`,
    allow: SELF,
    expect: { in: 404, out: 404, missing: 404 },
    request: (ctx) => post(ctx, `/visits/${MISSING_ID}/rating`, { stars: 5 }),
  },
  {
    route: `POST ${BASE}/:elderId/complaints`,
    allow: SELF,
    expect: { in: 404, out: 404, missing: 404 },
    request: (ctx) => post(ctx, '/complaints', { orderId: MISSING_ID, category: 'quality', description: '没来' }),
  },
];

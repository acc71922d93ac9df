import type { ResponseShareList, ResponseShareQuery, ResponseShareRow } from '@kangyang/contracts/home-care';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { rows } from '../db/database.ts';
import { orderScopeOf, type HomeCareDeps } from './home-care-deps.ts';

type Counted = {
  providerId: string | null;
  providerName: string | null;
  orders: number;
  arrived: number;
  inTime: number;
};

const withShare = (row: Counted): ResponseShareRow => ({
  ...row,
  share: row.orders === 0 ? 0 : Math.round((row.inTime / row.orders) * 1000) / 1000,
});

/** HCS-5: per provider, the orders due in the period and the share reached by the promised time. */
export async function responseShare(
  deps: HomeCareDeps,
  actor: Actor,
  query: ResponseShareQuery,
): Promise<ResponseShareList> {
  const parts: SQL[] = [orderScopeOf(actor, 'order:read'), sql`o.status <> 'cancelled'`];
  if (query.regionCode) parts.push(sql`o.region_code LIKE ${`${query.regionCode}%`}`);
  if (query.from) parts.push(sql`(o.due_at AT TIME ZONE 'Asia/Shanghai')::date >= ${query.from}::date`);
  if (query.to) parts.push(sql`(o.due_at AT TIME ZONE 'Asia/Shanghai')::date <= ${query.to}::date`);
  const found = await rows<Counted>(
    deps.db,
    sql`SELECT o.provider_id AS "providerId", p.name AS "providerName", count(*)::int AS orders,
        count(o.arrived_at)::int AS arrived, count(*) FILTER (WHERE o.arrived_at <= o.due_at)::int AS "inTime"
      FROM hc_orders o LEFT JOIN hc_providers p ON p.id = o.provider_id
      WHERE ${sql.join(parts, sql` AND `)}
      GROUP BY o.provider_id, p.name ORDER BY p.name NULLS LAST, o.provider_id`,
  );
  const total = found.reduce(
    (sum, row) => ({
      ...sum,
      orders: sum.orders + row.orders,
      arrived: sum.arrived + row.arrived,
      inTime: sum.inTime + row.inTime,
    }),
    { providerId: null, providerName: null, orders: 0, arrived: 0, inTime: 0 } as Counted,
  );
  await deps.audit.record(actor, {
    action: 'homeCare.responseShare',
    resourceType: 'serviceOrder',
    details: { from: query.from ?? null, to: query.to ?? null, regionCode: query.regionCode ?? null },
  });
  return { items: found.map(withShare), total: withShare(total) };
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { MEASURE } from '@kangyang/domain/indicators';
import { rows } from '../db/database.ts';
import { generateDataset } from './generate-dataset.ts';

let context: TestContext;

// the demo district’s workers and 8 weeks of its history, over a slice of its elders
beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T13:00:00.000Z' });
  await generateDataset(context.services, { scale: 'demo', seed: 7, elders: 2000 });
}, 240_000);
afterAll(async () => context.close());

const one = async <T>(query: ReturnType<typeof sql>): Promise<T> => (await rows<T>(context.database.db, query))[0] as T;
const local = (column: string) => sql.raw(`((${column} AT TIME ZONE 'UTC') + interval '8 hours')`);

describe('home-care history: daily and weekly patterns, consistent visits (issue 6 item 8)', () => {
  it('has fewer orders on Sundays than on an average weekday, and few at night', async () => {
    const days = await rows<{ dow: number; days: number; orders: number }>(
      context.database.db,
      sql`SELECT extract(isodow FROM ${local('created_at')})::int AS dow,
          count(DISTINCT ${local('created_at')}::date)::int AS days, count(*)::int AS orders
        FROM hc_orders GROUP BY 1 ORDER BY 1`,
    );
    const perDay = (row: { days: number; orders: number }) => row.orders / row.days;
    const weekdays = days.filter((row) => row.dow <= 5);
    const weekdayMean = weekdays.reduce((sum, row) => sum + perDay(row), 0) / weekdays.length;
    const sunday = days.find((row) => row.dow === 7);
    expect(sunday && perDay(sunday)).toBeLessThan(weekdayMean * 0.85);
    const hours = await one<{ total: number; night: number; morning: number; afternoon: number }>(
      sql`SELECT count(*)::int AS total,
          count(*) FILTER (WHERE extract(hour FROM ${local('created_at')}) < 6 OR extract(hour FROM ${local('created_at')}) >= 22)::int AS night,
          count(*) FILTER (WHERE extract(hour FROM ${local('created_at')}) BETWEEN 8 AND 10)::int AS morning,
          count(*) FILTER (WHERE extract(hour FROM ${local('created_at')}) BETWEEN 14 AND 15)::int AS afternoon
        FROM hc_orders`,
    );
    expect(hours.total).toBeGreaterThan(2000);
    expect(hours.night / hours.total).toBeLessThan(0.03);
    expect(hours.morning / hours.total).toBeGreaterThan(0.3);
    expect(hours.afternoon / 2).toBeGreaterThan(hours.night);
  });

  it('mixes services and outcomes: completed, cancelled by the elder, missed with alerts', async () => {
    const mix = await one<{ categories: number; completed: number; cancelled: number; missed: number; total: number }>(
      sql`SELECT count(DISTINCT i.category)::int AS categories, count(*) FILTER (WHERE o.status = 'completed')::int AS completed,
          count(*) FILTER (WHERE o.cancel_reason LIKE '%cancelled by the elder')::int AS cancelled,
          count(*) FILTER (WHERE o.cancel_reason LIKE '%missed')::int AS missed, count(*)::int AS total
        FROM hc_orders o JOIN hc_service_items i ON i.id = o.service_item_id`,
    );
    expect(mix.categories).toBeGreaterThanOrEqual(6);
    expect(mix.completed / mix.total).toBeGreaterThan(0.9);
    expect(mix.cancelled).toBeGreaterThan(0);
    expect(mix.missed).toBeGreaterThan(0);
    const alerts = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM hc_alerts WHERE kind = 'missed'`);
    expect(alerts.n).toBe(mix.missed);
    const visits = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM hc_visits`);
    expect(visits.n).toBe(mix.completed);
  });

  it("gives each visit its order's worker, of the order's provider, near the elder and on shift", async () => {
    const bad = await one<{ provider: number; shift: number; far: number; total: number }>(
      sql`SELECT count(*) FILTER (WHERE p.provider_id <> o.provider_id OR v.worker_id <> o.worker_id OR v.provider_id <> o.provider_id)::int AS provider,
          count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p.shifts) s
            WHERE (s->>'weekday')::int = extract(isodow FROM ${local('v.check_in_at')})::int
              AND (s->>'start')::time <= ${local('v.check_in_at')}::time
              AND extract(epoch FROM ${local('v.check_in_at')}::time)::int / 60 + i.duration_minutes
                <= split_part(s->>'end', ':', 1)::int * 60 + split_part(s->>'end', ':', 2)::int))::int AS shift,
          count(*) FILTER (WHERE left(w.region_code, 9) <> left(e.residence_region_code, 9) AND length(hp.region_code) <> 6)::int AS far,
          count(*)::int AS total
        FROM hc_visits v JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id
        JOIN hc_worker_profiles p ON p.county_code = v.county_code AND p.worker_id = v.worker_id
        JOIN workers w ON w.county_code = v.county_code AND w.id = v.worker_id
        JOIN hc_providers hp ON hp.id = o.provider_id
        JOIN elders e ON e.county_code = v.county_code AND e.id = v.elder_id
        JOIN hc_service_items i ON i.id = v.service_item_id`,
    );
    expect(bad.total).toBeGreaterThan(2000);
    expect(bad).toMatchObject({ provider: 0, shift: 0, far: 0 });
  });

  it('rates a share of visits, with aggregates and the subsidy ledger matching the rows', async () => {
    const rated = await one<{ ratings: number; visits: number; workerMismatch: number; providerMismatch: number }>(
      sql`SELECT (SELECT count(*)::int FROM service_ratings WHERE visit_id IS NOT NULL) AS ratings,
          (SELECT count(*)::int FROM hc_visits) AS visits,
          (SELECT count(*)::int FROM hc_worker_profiles p LEFT JOIN (SELECT worker_id, sum(stars)::int AS s, count(*)::int AS n
             FROM service_ratings GROUP BY worker_id) a ON a.worker_id = p.worker_id
           WHERE p.rating_sum <> coalesce(a.s, 0) OR p.rating_count <> coalesce(a.n, 0)) AS "workerMismatch",
          (SELECT count(*)::int FROM hc_providers p LEFT JOIN (SELECT provider_id, sum(stars)::int AS s, count(*)::int AS n
             FROM service_ratings GROUP BY provider_id) a ON a.provider_id = p.id
           WHERE p.rating_sum <> coalesce(a.s, 0) OR p.rating_count <> coalesce(a.n, 0)) AS "providerMismatch"`,
    );
    expect(rated.ratings / rated.visits).toBeGreaterThan(0.2);
    expect(rated.ratings / rated.visits).toBeLessThan(0.45);
    expect(rated).toMatchObject({ workerMismatch: 0, providerMismatch: 0 });
    const money = await one<{ visits: string; ledger: string; orphans: number }>(
      sql`SELECT (SELECT coalesce(sum(subsidy_fen), 0)::text FROM hc_visits WHERE ledger_entry_id IS NOT NULL) AS visits,
          (SELECT coalesce(sum(amount_fen), 0)::text FROM ledger_entries WHERE clause = '004-r5') AS ledger,
          (SELECT count(*)::int FROM hc_visits v WHERE v.ledger_entry_id IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM ledger_entries l WHERE l.county_code = v.county_code AND l.id = v.ledger_entry_id)) AS orphans`,
    );
    expect(Number(money.visits)).toBeGreaterThan(0);
    expect(money.ledger).toBe(money.visits);
    expect(money.orphans).toBe(0);
  });

  it("feeds the plan indicators: October's rollup counts October's completed visits", async () => {
    await context.services.rollupRefresh.refresh('test', ['2026-10']);
    const check = await one<{ visits: number; rolled: string | null }>(
      sql`SELECT (SELECT count(*)::int FROM hc_visits WHERE status = 'completed'
            AND to_char(${local('check_out_at')}, 'YYYY-MM') = '2026-10') AS visits,
          (SELECT sum(amount)::text FROM indicator_rollups WHERE period = '2026-10' AND measure = ${MEASURE.visitsInMonth}
            AND length(region_code) = 12) AS rolled`,
    );
    expect(check.visits).toBeGreaterThan(500);
    expect(Number(check.rolled)).toBe(check.visits);
  });
});

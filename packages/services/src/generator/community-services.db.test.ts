import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { systemActor } from '../actor.ts';
import { rows } from '../db/database.ts';
import { generateDataset } from './generate-dataset.ts';

let context: TestContext;
// The demo district's elders, so meal sites have their ~100 elders per community (toy spreads 600 thin).
beforeAll(async () => {
  context = await openTestServices({ regions: false });
  await generateDataset(context.services, { scale: 'toy', seed: 3, elders: 6000 });
}, 240_000);
afterAll(async () => context.close());

const query = <T>(text: ReturnType<typeof sql>) => rows<T>(context.database.db, text);

describe('generated sites, meals and coverage (issue 6 §8)', () => {
  it('places a street centre per street and sites near community centroids, inside the district', async () => {
    const [sites] = await query<{ n: number; streets: number; centres: number; meals: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT left(region_code, 9))::int AS streets,
             count(*) FILTER (WHERE kind = 'streetCentre')::int AS centres, count(*) FILTER (WHERE offers_meals)::int AS meals
      FROM service_sites`);
    expect(sites?.centres).toBe(sites?.streets);
    expect(sites?.n).toBeGreaterThan(sites?.centres ?? 0);
    expect(sites?.meals).toBeGreaterThan(0);
  });

  it('has fewer meals at weekends than on weekdays, and lunch well above dinner', async () => {
    const byDay = await query<{ weekend: boolean; meal: string; per_day: number }>(sql`
      SELECT extract(isodow FROM meal_date) >= 6 AS weekend, meal, count(*)::float / count(DISTINCT meal_date) AS per_day
      FROM meal_orders GROUP BY 1, 2`);
    const rate = (weekend: boolean, meal: string) =>
      byDay.find((row) => row.weekend === weekend && row.meal === meal)?.per_day ?? 0;
    expect(rate(false, 'lunch')).toBeGreaterThan(rate(true, 'lunch'));
    expect(rate(false, 'lunch')).toBeGreaterThan(2 * rate(false, 'dinner'));
    const [counts] = await query<{ orders: number; counted: number }>(sql`
      SELECT (SELECT count(*)::int FROM meal_orders) AS orders, (SELECT sum(ordered)::int FROM meal_daily_counts) AS counted`);
    expect(counts?.counted).toBe(counts?.orders);
  });

  it('precomputes coverage for every community with elders, matching the elders table', async () => {
    const list = await context.services.coverage.communities(systemActor(), '330102');
    const [elders] = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM elders WHERE status = 'active'`);
    expect(list.totals.elders).toBe(elders?.n);
    expect(list.totals.covered).toBeGreaterThan(0);
    expect(list.totals.covered).toBeLessThan(list.totals.located);
  });
});

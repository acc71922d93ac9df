import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { createAccount } from '../auth/accounts.ts';
import { rows } from '../db/database.ts';
import { linkDemoCaregiver } from '../home-care/demo-caregiver.ts';
import { workerProfileOfUser } from '../home-care/catalogue.repo.ts';
import { generateDataset } from './generate-dataset.ts';

let context: TestContext;

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T13:00:00.000Z' });
  await generateDataset(context.services, { scale: 'toy', seed: 1, elders: 400 });
});
afterAll(async () => context.close());

const count = async (query: ReturnType<typeof sql>) =>
  (await rows<{ n: number }>(context.database.db, query))[0]?.n ?? 0;

describe('issue 6 generator: providers, workers, orders, visits, ledger', () => {
  it('adds providers with care workers and four weeks of verified visits feeding the ledger', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM hc_providers`)).toBeGreaterThan(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM hc_worker_profiles`)).toBe(40);
    const orders = await count(sql`SELECT count(*)::int AS n FROM hc_orders`);
    const visits = await count(sql`SELECT count(*)::int AS n FROM hc_visits`);
    expect(orders).toBeGreaterThan(100);
    expect(visits).toBeGreaterThan(orders * 0.9);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM hc_visits v LEFT JOIN hc_orders o ON o.id = v.order_id WHERE o.id IS NULL`,
      ),
    ).toBe(0);
    const lines = await count(sql`SELECT count(*)::int AS n FROM ledger_entries WHERE clause = '004-r5'`);
    expect(lines).toBeGreaterThan(0);
    const channels = await rows<{ channel: string }>(
      context.database.db,
      sql`SELECT DISTINCT channel FROM hc_orders ORDER BY channel`,
    );
    expect(channels.map((row) => row.channel)).toEqual(['app', 'carePlan', 'phone', 'sosCall', 'staff']);
  });

  it("links the demo caregiver login to a worker with today's assigned orders", async () => {
    const userId = await createAccount(
      context.database.db,
      {
        username: 'caregiver',
        displayName: '护理员',
        password: 'Kangyang-Demo-Test-2026!',
        grants: [{ role: 'caregiver', regionCode: '330102' }],
      },
      context.clock.now(),
    );
    const workerId = await linkDemoCaregiver(context.services);
    expect(workerId).toBeDefined();
    expect((await workerProfileOfUser(context.database.db, userId))?.workerId).toBe(workerId);
    const assigned = await count(
      sql`SELECT count(*)::int AS n FROM hc_orders WHERE worker_id = ${workerId ?? ''} AND status = 'assigned'`,
    );
    expect(assigned).toBe(2);
  });
});

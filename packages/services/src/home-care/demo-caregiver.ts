import { sql } from 'drizzle-orm';
import { systemActor } from '../actor.ts';
import { rows } from '../db/database.ts';
import type { Services } from '../services.ts';

/**
 * The demo's `caregiver` login becomes one generated care worker (on call around the clock, every
 * skill), with two of today's orders already assigned, so the phone view has work at any hour.
 */
export async function linkDemoCaregiver(services: Services, username = 'caregiver'): Promise<string | undefined> {
  const { db } = services.database;
  const [user] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  const [worker] = await rows<{ workerId: string; countyCode: string; regionCode: string }>(
    db,
    sql`SELECT p.worker_id AS "workerId", p.county_code AS "countyCode", w.region_code AS "regionCode"
        FROM hc_worker_profiles p JOIN workers w ON w.county_code = p.county_code AND w.id = p.worker_id
        WHERE p.user_id IS NULL AND w.region_code LIKE '330102002%' ORDER BY p.worker_id LIMIT 1`,
  );
  if (!user || !worker) return undefined;
  const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await db.execute(sql`UPDATE hc_worker_profiles SET user_id = ${user.id}, shifts = ${JSON.stringify(shifts)}::jsonb,
      skills = ARRAY['personalCare', 'bathing', 'housekeeping', 'mealDelivery', 'escort', 'shopping', 'companionship']::text[],
      certificates = ARRAY['caregiverCertificate', 'healthCertificate', 'bathingTraining']::text[], max_daily_visits = 12
    WHERE county_code = ${worker.countyCode} AND worker_id = ${worker.workerId}`);
  await db.execute(
    sql`UPDATE workers SET name = '张阿姨' WHERE county_code = ${worker.countyCode} AND id = ${worker.workerId}`,
  );
  const elders = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM elders WHERE residence_region_code LIKE '330102002%' AND status = 'active' AND lng IS NOT NULL
        ORDER BY id LIMIT 2`,
  );
  const items = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM hc_service_items WHERE county_code = ${worker.countyCode} AND code IN ('PC01', 'HK01') ORDER BY code DESC`,
  );
  const actor = systemActor({ requestId: 'demo-caregiver' });
  for (const [index, elder] of elders.entries()) {
    const serviceItemId = items[index % Math.max(1, items.length)]?.id;
    if (!serviceItemId) continue;
    const order = await services.homeCare.createOrder(actor, {
      elderId: elder.id,
      serviceItemId,
      channel: 'carePlan',
      urgency: 'routine',
    });
    await services.homeCare.override(actor, order.id, {
      workerId: worker.workerId,
      reason: '演示：固定护理员 demo regular caregiver',
    });
  }
  return worker.workerId;
}

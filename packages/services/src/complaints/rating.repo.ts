import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** HCS-9, HCS-4: visit ratings and the rating aggregates dispatch ranks by (migration 0024). */

export type RatedVisit = {
  countyCode: string;
  id: string;
  elderId: string;
  workerId: string;
  providerId: string;
  regionCode: string;
  status: string;
};

/** The visit being rated with its order's region (where it is supervised); undefined when unknown. */
export async function visitForRating(db: Db, visitId: string): Promise<RatedVisit | undefined> {
  const [row] = await rows<RatedVisit>(
    db,
    sql`SELECT v.county_code AS "countyCode", v.id, v.elder_id AS "elderId", v.worker_id AS "workerId",
        v.provider_id AS "providerId", o.region_code AS "regionCode", v.status
      FROM hc_visits v JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id
      WHERE v.id = ${visitId}`,
  );
  return row;
}

/** The visit's rating, locked for this transaction (a visit is rated once; later ratings amend it). */
export async function lockVisitRating(
  db: Db,
  countyCode: string,
  visitId: string,
): Promise<{ id: string; stars: number } | undefined> {
  const [row] = await rows<{ id: string; stars: number }>(
    db,
    sql`SELECT id, stars FROM service_ratings WHERE county_code = ${countyCode} AND visit_id = ${visitId} FOR UPDATE`,
  );
  return row;
}

export async function insertVisitRating(
  db: Db,
  row: {
    visit: RatedVisit;
    id: string;
    stars: number;
    comment: string | null;
    raterKind: string;
    createdBy: string;
    now: Date;
  },
): Promise<void> {
  const { visit, now } = row;
  await db.execute(sql`INSERT INTO service_ratings (county_code, id, region_code, elder_id, rater_kind, provider_id, site_id, stars,
      comment, created_by, created_at, visit_id, worker_id, updated_at)
    VALUES (${visit.countyCode}, ${row.id}, ${visit.regionCode}, ${visit.elderId}, ${row.raterKind}, ${visit.providerId}, NULL,
      ${row.stars}, ${row.comment}, ${row.createdBy}, ${now.toISOString()}::timestamptz, ${visit.id}, ${visit.workerId},
      ${now.toISOString()}::timestamptz)`);
}

export async function amendRating(
  db: Db,
  row: { countyCode: string; id: string; stars: number; comment: string | null; raterKind: string; now: Date },
): Promise<void> {
  await db.execute(sql`UPDATE service_ratings SET stars = ${row.stars}, comment = ${row.comment}, rater_kind = ${row.raterKind},
      updated_at = ${row.now.toISOString()}::timestamptz
    WHERE county_code = ${row.countyCode} AND id = ${row.id}`);
}

/**
 * Moves the worker's and the provider's rating_sum and rating_count by one rating's change: a new
 * rating adds its stars and one to the count, an amendment only the difference in stars.
 */
export async function bumpAggregates(
  db: Db,
  target: { countyCode: string; workerId: string | null; providerId: string | null },
  change: { stars: number; count: number },
): Promise<void> {
  if (change.stars === 0 && change.count === 0) return;
  if (target.workerId)
    await db.execute(sql`UPDATE hc_worker_profiles SET rating_sum = rating_sum + ${change.stars},
        rating_count = rating_count + ${change.count}
      WHERE county_code = ${target.countyCode} AND worker_id = ${target.workerId}`);
  if (target.providerId)
    await db.execute(sql`UPDATE hc_providers SET rating_sum = rating_sum + ${change.stars},
        rating_count = rating_count + ${change.count}
      WHERE id = ${target.providerId}`);
}

/** A provider's mean stars and count from its aggregate (what dispatch and the provider list show). */
export async function providerRating(db: Db, providerId: string): Promise<{ average: number; count: number }> {
  const [row] = await rows<{ sum: number; count: number }>(
    db,
    sql`SELECT rating_sum AS sum, rating_count AS count FROM hc_providers WHERE id = ${providerId}`,
  );
  const count = row?.count ?? 0;
  return { average: count === 0 ? 0 : Math.round(((row?.sum ?? 0) / count) * 100) / 100, count };
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** AZ-8: accounts linked to elders on consent (migration 0025); the only SQL of /api/me. */

export type LinkedElder = {
  countyCode: string;
  elderId: string;
  name: string;
  idNumberMasked: string;
  relation: string;
};

export type NewLink = {
  countyCode: string;
  id: string;
  userId: string;
  elderId: string;
  relation: string;
  grantedBy: string | null;
  now: Date;
};

const linkSelect = sql`SELECT l.county_code AS "countyCode", l.elder_id AS "elderId", e.name,
    e.id_number_masked AS "idNumberMasked", l.relation
  FROM elder_account_links l JOIN elders e ON e.county_code = l.county_code AND e.id = l.elder_id`;

/** The account's linked, unrevoked elders. */
export async function linkedElders(db: Db, userId: string): Promise<LinkedElder[]> {
  return rows<LinkedElder>(
    db,
    sql`${linkSelect} WHERE l.user_id = ${userId} AND l.revoked_at IS NULL ORDER BY l.relation = 'self' DESC, e.name`,
  );
}

/** One linked, unrevoked elder of the account; undefined otherwise (the caller answers 404). */
export async function linkedElder(db: Db, userId: string, elderId: string): Promise<LinkedElder | undefined> {
  const [row] = await rows<LinkedElder>(
    db,
    sql`${linkSelect} WHERE l.user_id = ${userId} AND l.elder_id = ${elderId} AND l.revoked_at IS NULL`,
  );
  return row;
}

/** Records the elder's consent to a link (an existing live link is kept). */
export async function insertLink(db: Db, link: NewLink): Promise<void> {
  await db.execute(sql`INSERT INTO elder_account_links (county_code, id, user_id, elder_id, relation,
      consent_granted_at, consent_granted_by, revoked_at, created_at)
    VALUES (${link.countyCode}, ${link.id}, ${link.userId}, ${link.elderId}, ${link.relation},
      ${link.now.toISOString()}::timestamptz, ${link.grantedBy}, NULL, ${link.now.toISOString()}::timestamptz)
    ON CONFLICT DO NOTHING`);
}

export async function revokeLink(db: Db, userId: string, elderId: string, now: Date): Promise<void> {
  await db.execute(sql`UPDATE elder_account_links SET revoked_at = ${now.toISOString()}::timestamptz
    WHERE user_id = ${userId} AND elder_id = ${elderId} AND revoked_at IS NULL`);
}

export type MyVisitRow = {
  orderId: string;
  visitId: string | null;
  visitStatus: string | null;
  providerId: string | null;
  stars: number | null;
};

/** Visits and ratings of the elder's orders (one round trip for a page of orders). */
export async function visitsOfOrders(db: Db, countyCode: string, orderIds: readonly string[]): Promise<MyVisitRow[]> {
  if (orderIds.length === 0) return [];
  return rows<MyVisitRow>(
    db,
    sql`SELECT o.id AS "orderId", v.id AS "visitId", v.status AS "visitStatus",
        coalesce(v.provider_id, o.provider_id) AS "providerId", r.stars
      FROM hc_orders o
      LEFT JOIN hc_visits v ON v.county_code = o.county_code AND v.order_id = o.id
      LEFT JOIN service_ratings r ON r.county_code = v.county_code AND r.visit_id = v.id
      WHERE o.county_code = ${countyCode} AND o.id = ANY(${sql.param([...orderIds])}::uuid[])`,
  );
}

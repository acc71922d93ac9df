import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { orderScopeOf } from './home-care-deps.ts';
import type { Actor } from '../actor.ts';

/** Visit photos (migration 0022). Bytes travel as base64 so the SQL runs the same on PGlite and PostgreSQL. */
export type PhotoRow = {
  countyCode: string;
  id: string;
  visitId: string;
  contentType: string;
  sizeBytes: number;
};

export type NewPhoto = PhotoRow & { workerId: string; data: Buffer; createdAt: Date };

/** Stores the photo unless its id is already taken; returns the stored row (new or earlier). */
export async function insertPhoto(db: Db, photo: NewPhoto): Promise<{ row: PhotoRow; created: boolean }> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO hc_visit_photos (county_code, id, visit_id, worker_id, content_type, size_bytes, data, created_at)
      VALUES (${photo.countyCode}, ${photo.id}, ${photo.visitId}, ${photo.workerId}, ${photo.contentType},
        ${photo.sizeBytes}, decode(${photo.data.toString('base64')}, 'base64'), ${photo.createdAt.toISOString()})
      ON CONFLICT (county_code, id) DO NOTHING RETURNING id`,
  );
  const [row] = await rows<PhotoRow>(
    db,
    sql`SELECT county_code AS "countyCode", id, visit_id AS "visitId", content_type AS "contentType",
        size_bytes AS "sizeBytes"
      FROM hc_visit_photos WHERE county_code = ${photo.countyCode} AND id = ${photo.id}`,
  );
  if (!row) throw new Error('hc_visit_photos: stored row not found');
  return { row, created: inserted.length > 0 };
}

/** One photo of a visit the actor reaches with order:read (region grants, employer for provider staff). */
export async function findPhotoInScope(
  db: Db,
  actor: Actor,
  visitId: string,
  photoId: string,
): Promise<(PhotoRow & { elderId: string; base64: string }) | undefined> {
  const [row] = await rows<PhotoRow & { elderId: string; base64: string }>(
    db,
    sql`SELECT p.county_code AS "countyCode", p.id, p.visit_id AS "visitId", p.content_type AS "contentType",
        p.size_bytes AS "sizeBytes", v.elder_id AS "elderId", encode(p.data, 'base64') AS "base64"
      FROM hc_visit_photos p
      JOIN hc_visits v ON v.county_code = p.county_code AND v.id = p.visit_id
      JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id
      WHERE p.id = ${photoId} AND p.visit_id = ${visitId} AND ${orderScopeOf(actor, 'order:read')}`,
  );
  return row;
}

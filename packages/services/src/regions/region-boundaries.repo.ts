import { asc, eq, or } from 'drizzle-orm';
import { regions } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type BoundaryRow = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  centroidLng: number | null;
  centroidLat: number | null;
  boundary: unknown;
};

/** A region and its children with their stored GeoJSON boundaries (one statement). */
export async function regionWithChildBoundaries(db: Db, code: string): Promise<BoundaryRow[]> {
  return db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      parentCode: regions.parentCode,
      centroidLng: regions.centroidLng,
      centroidLat: regions.centroidLat,
      boundary: regions.boundary,
    })
    .from(regions)
    .where(or(eq(regions.code, code), eq(regions.parentCode, code)))
    .orderBy(asc(regions.code));
}

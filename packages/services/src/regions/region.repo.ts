import { asc, eq, inArray, sql } from 'drizzle-orm';
import { regions } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type RegionRow = typeof regions.$inferSelect;
export type RegionInsert = typeof regions.$inferInsert;

const summary = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  centroidLng: regions.centroidLng,
  centroidLat: regions.centroidLat,
};
export type RegionSummary = Omit<RegionRow, 'boundary'>;

export async function regionsByCodes(db: Db, codes: readonly string[]): Promise<RegionSummary[]> {
  if (codes.length === 0) return [];
  return db
    .select(summary)
    .from(regions)
    .where(inArray(regions.code, [...codes]))
    .orderBy(asc(regions.code));
}

export async function childrenOf(db: Db, parentCode: string): Promise<RegionSummary[]> {
  return db.select(summary).from(regions).where(eq(regions.parentCode, parentCode)).orderBy(asc(regions.code));
}

/** Upserts regions in batches (reference data: the generator and the CLI's boundary import). */
export async function upsertRegions(db: Db, rows: readonly RegionInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await db
      .insert(regions)
      .values([...batch])
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          centroidLng: sql`excluded.centroid_lng`,
          centroidLat: sql`excluded.centroid_lat`,
          boundary: sql`excluded.boundary`,
        },
      });
  }
}

export async function countRegions(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(regions);
  return row?.count ?? 0;
}

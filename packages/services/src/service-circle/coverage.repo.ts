import { and, asc, eq, gt, like, sql } from 'drizzle-orm';
import { coverageRollups, coverageUncovered, elders, regions, serviceSites } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

const BATCH = 5000;
/** Rows per unnest statement (architecture.md: ≤ 10,000 rows and well under 16 MB). */
const UNNEST_BATCH = 10_000;

export type ElderPointRow = { id: string; community: string; lat: number | null; lng: number | null };

/** A page of a county's active elders with their community and point, by id (keyset, bounded memory). */
export async function elderPointsPage(
  db: Db,
  countyCode: string,
  afterId: string | null,
  limit: number,
): Promise<ElderPointRow[]> {
  return db
    .select({ id: elders.id, community: elders.residenceRegionCode, lat: elders.lat, lng: elders.lng })
    .from(elders)
    .where(
      and(eq(elders.countyCode, countyCode), eq(elders.status, 'active'), afterId ? gt(elders.id, afterId) : undefined),
    )
    .orderBy(asc(elders.id))
    .limit(limit);
}

export type RollupInsert = typeof coverageRollups.$inferInsert;
export type UncoveredInsert = typeof coverageUncovered.$inferInsert;

/** Replaces a county's rollups and uncovered list in one transaction (readers see old or new, never half). */
export async function replaceCounty(
  db: Db,
  countyCode: string,
  rollups: readonly RollupInsert[],
  uncovered: readonly UncoveredInsert[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(coverageUncovered).where(eq(coverageUncovered.countyCode, countyCode));
    await tx.delete(coverageRollups).where(eq(coverageRollups.countyCode, countyCode));
    for (let start = 0; start < rollups.length; start += BATCH)
      await tx.insert(coverageRollups).values(rollups.slice(start, start + BATCH));
    for (let start = 0; start < uncovered.length; start += UNNEST_BATCH) {
      const part = uncovered.slice(start, start + UNNEST_BATCH);
      const column = <T>(pick: (row: UncoveredInsert) => T) => sql.param(part.map(pick));
      await tx.execute(sql`
        INSERT INTO coverage_uncovered (county_code, community_code, elder_id, nearest_site_id, nearest_metres)
        SELECT * FROM unnest(${column((row) => row.countyCode)}::text[], ${column((row) => row.communityCode)}::text[],
          ${column((row) => row.elderId)}::uuid[], ${column((row) => row.nearestSiteId ?? null)}::uuid[],
          ${column((row) => row.nearestMetres ?? null)}::int[])`);
    }
  });
}

export async function rollupsUnder(db: Db, scopes: readonly string[], regionCode: string | undefined) {
  if (scopes.length === 0) return [];
  const scopeSql = sql.join(
    scopes.map((scope) => sql`${coverageRollups.communityCode} LIKE ${`${scope}%`}`),
    sql` OR `,
  );
  return db
    .select({
      communityCode: coverageRollups.communityCode,
      communityName: regions.name,
      metres: coverageRollups.metres,
      elders: coverageRollups.elders,
      located: coverageRollups.located,
      covered: coverageRollups.covered,
      shareBasisPoints: coverageRollups.shareBasisPoints,
      sites: coverageRollups.sites,
      computedAt: coverageRollups.computedAt,
    })
    .from(coverageRollups)
    .leftJoin(regions, eq(regions.code, coverageRollups.communityCode))
    .where(
      and(
        sql`(${scopeSql})`,
        regionCode ? like(coverageRollups.communityCode, `${regionCode}%`) : undefined,
        regionCode && regionCode.length >= 6 ? eq(coverageRollups.countyCode, regionCode.slice(0, 6)) : undefined,
      ),
    )
    .orderBy(asc(coverageRollups.communityCode))
    .limit(5000);
}

export async function uncoveredPage(db: Db, communityCode: string, limit: number, offset: number) {
  const where = and(
    eq(coverageUncovered.countyCode, communityCode.slice(0, 6)),
    eq(coverageUncovered.communityCode, communityCode),
  );
  const items = await db
    .select({
      elderId: coverageUncovered.elderId,
      name: elders.name,
      birthDate: elders.birthDate,
      nearestSiteId: coverageUncovered.nearestSiteId,
      nearestSiteName: serviceSites.name,
      nearestMetres: coverageUncovered.nearestMetres,
    })
    .from(coverageUncovered)
    .innerJoin(
      elders,
      and(eq(elders.countyCode, coverageUncovered.countyCode), eq(elders.id, coverageUncovered.elderId)),
    )
    .leftJoin(
      serviceSites,
      and(
        eq(serviceSites.countyCode, coverageUncovered.countyCode),
        eq(serviceSites.id, coverageUncovered.nearestSiteId),
      ),
    )
    .where(where)
    .orderBy(sql`${coverageUncovered.nearestMetres} DESC NULLS FIRST`, asc(coverageUncovered.elderId))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(coverageUncovered)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

/** Counties that have service sites or elders under a prefix: what a scheduled refresh walks. */
export async function countiesWithSites(db: Db, prefix: string): Promise<string[]> {
  const found = await db
    .selectDistinct({ countyCode: serviceSites.countyCode })
    .from(serviceSites)
    .where(like(serviceSites.countyCode, `${prefix}%`))
    .orderBy(asc(serviceSites.countyCode));
  return found.map((row) => row.countyCode);
}

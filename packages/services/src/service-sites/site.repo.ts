import { and, asc, eq, like, sql } from 'drizzle-orm';
import { serviceSites } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { providerScopeCondition, type ProviderScope } from './site-scope.ts';

export type SiteRow = typeof serviceSites.$inferSelect;
export type SiteInsert = typeof serviceSites.$inferInsert;

const scoped = (scopes: readonly ProviderScope[]) => providerScopeCondition(scopes, serviceSites);

export async function insertSites(db: Db, rows: readonly SiteInsert[]): Promise<SiteRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(serviceSites)
    .values([...rows])
    .returning();
}

export async function findSite(db: Db, id: string, scopes: readonly ProviderScope[]): Promise<SiteRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceSites)
    .where(and(eq(serviceSites.id, id), scoped(scopes)))
    .limit(1);
  return row;
}

/** Unscoped, only to label a denial in the audit row. */
export async function siteCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ countyCode: serviceSites.countyCode })
    .from(serviceSites)
    .where(eq(serviceSites.id, id))
    .limit(1);
  return row?.countyCode;
}

export type SiteQuery = {
  scopes: readonly ProviderScope[];
  regionCode?: string | undefined;
  kind?: string | undefined;
  offersMeals?: boolean | undefined;
};

export async function listSites(db: Db, query: SiteQuery, limit: number, offset: number) {
  const where = and(
    scoped(query.scopes),
    query.regionCode ? like(serviceSites.regionCode, `${query.regionCode}%`) : undefined,
    query.kind ? eq(serviceSites.kind, query.kind) : undefined,
    query.offersMeals === undefined ? undefined : eq(serviceSites.offersMeals, query.offersMeals),
  );
  const items = await db
    .select()
    .from(serviceSites)
    .where(where)
    .orderBy(asc(serviceSites.regionCode), asc(serviceSites.name), asc(serviceSites.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(serviceSites)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

/** A facility as the map and dashboards read it (issue 7): plain columns, no personal data (S1). */
export type Facility = {
  id: string;
  countyCode: string;
  regionCode: string;
  name: string;
  kind: string;
  lng: number;
  lat: number;
  serviceRadiusM: number;
  offersMeals: boolean;
  offersDelivery: boolean;
  mealCapacity: number | null;
  providerId: string | null;
  status: string;
};

/**
 * Every open service site under a region prefix (a county, street or community code; a city or
 * province prefix works too), ordered by region: the facilities layer of the map and dashboards.
 * Callers apply the actor's region scope; the rows carry no personal data.
 */
export async function listFacilitiesByRegion(db: Db, regionPrefix: string, includeClosed = false): Promise<Facility[]> {
  return db
    .select({
      id: serviceSites.id,
      countyCode: serviceSites.countyCode,
      regionCode: serviceSites.regionCode,
      name: serviceSites.name,
      kind: serviceSites.kind,
      lng: serviceSites.lng,
      lat: serviceSites.lat,
      serviceRadiusM: serviceSites.serviceRadiusM,
      offersMeals: serviceSites.offersMeals,
      offersDelivery: serviceSites.offersDelivery,
      mealCapacity: serviceSites.mealCapacity,
      providerId: serviceSites.providerId,
      status: serviceSites.status,
    })
    .from(serviceSites)
    .where(
      and(
        regionPrefix.length >= 6 ? eq(serviceSites.countyCode, regionPrefix.slice(0, 6)) : undefined,
        like(serviceSites.regionCode, `${regionPrefix}%`),
        includeClosed ? undefined : eq(serviceSites.status, 'open'),
      ),
    )
    .orderBy(asc(serviceSites.regionCode), asc(serviceSites.id));
}

/** The generator's insert: a re-run with the same seed adds nothing. */
export async function insertSitesIfAbsent(db: Db, rows: readonly SiteInsert[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insert(serviceSites)
      .values([...rows])
      .onConflictDoNothing();
}

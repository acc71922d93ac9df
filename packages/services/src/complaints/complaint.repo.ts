import { and, avg, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { complaints, elders, serviceRatings, serviceSites } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { providerScopeCondition, type ProviderScope } from '../service-sites/site-scope.ts';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintInsert = typeof complaints.$inferInsert;

const scoped = (scopes: readonly ProviderScope[]) => providerScopeCondition(scopes, complaints);

export async function insertComplaint(db: Db, row: ComplaintInsert): Promise<ComplaintRow> {
  const [inserted] = await db.insert(complaints).values(row).returning();
  if (!inserted) throw new Error('complaint insert returned nothing');
  return inserted;
}

export async function insertComplaints(db: Db, rows: readonly ComplaintInsert[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insert(complaints)
      .values([...rows])
      .onConflictDoNothing();
}

export async function findComplaint(db: Db, id: string, scopes: readonly ProviderScope[]) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), scoped(scopes)))
    .limit(1);
  return row;
}

export async function complaintCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ countyCode: complaints.countyCode })
    .from(complaints)
    .where(eq(complaints.id, id))
    .limit(1);
  return row?.countyCode;
}

export type ComplaintQuery = {
  scopes: readonly ProviderScope[];
  regionCode?: string | undefined;
  status?: string | undefined;
  overdueAt?: Date | undefined;
};

export async function listComplaints(db: Db, query: ComplaintQuery, limit: number, offset: number) {
  const where = and(
    scoped(query.scopes),
    query.regionCode ? sql`${complaints.regionCode} LIKE ${`${query.regionCode}%`}` : undefined,
    query.status ? eq(complaints.status, query.status) : undefined,
    query.overdueAt
      ? and(inArray(complaints.status, ['open', 'acknowledged']), lt(complaints.deadlineAt, query.overdueAt))
      : undefined,
  );
  const items = await db
    .select()
    .from(complaints)
    .where(where)
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(complaints).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

export async function updateComplaint(
  db: Db,
  key: { countyCode: string; id: string; version: number },
  change: Partial<ComplaintInsert>,
): Promise<ComplaintRow | undefined> {
  const [row] = await db
    .update(complaints)
    .set({ ...change, version: key.version + 1 })
    .where(
      and(eq(complaints.countyCode, key.countyCode), eq(complaints.id, key.id), eq(complaints.version, key.version)),
    )
    .returning();
  return row;
}

export async function siteById(db: Db, id: string) {
  const [row] = await db.select().from(serviceSites).where(eq(serviceSites.id, id)).limit(1);
  return row;
}

export async function siteNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: serviceSites.id, name: serviceSites.name })
    .from(serviceSites)
    .where(inArray(serviceSites.id, [...new Set(ids)]));
  return new Map(found.map((row) => [row.id, row.name]));
}

export async function elderResidence(db: Db, elderId: string, scopes: readonly string[]) {
  if (scopes.length === 0) return undefined;
  const inScope = sql.join(
    scopes.map((scope) => sql`${elders.residenceRegionCode} LIKE ${`${scope}%`}`),
    sql` OR `,
  );
  const [row] = await db
    .select({ countyCode: elders.countyCode, regionCode: elders.residenceRegionCode })
    .from(elders)
    .where(and(eq(elders.id, elderId), sql`(${inScope})`))
    .limit(1);
  return row;
}

export async function insertRating(db: Db, row: typeof serviceRatings.$inferInsert): Promise<void> {
  await db.insert(serviceRatings).values(row);
}

/** Average stars and count of a provider or a site. */
export async function ratingSummary(db: Db, target: { providerId: string | null; siteId: string | null }) {
  const where = target.siteId
    ? eq(serviceRatings.siteId, target.siteId)
    : eq(serviceRatings.providerId, target.providerId ?? '');
  const [row] = await db
    .select({ average: avg(serviceRatings.stars), count: count() })
    .from(serviceRatings)
    .where(where);
  return { average: Math.round(Number(row?.average ?? 0) * 100) / 100, count: Number(row?.count ?? 0) };
}

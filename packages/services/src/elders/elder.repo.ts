import { and, asc, eq, gt, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { elderIdentities, elders, regions } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type ElderRow = typeof elders.$inferSelect;
export type ElderInsert = typeof elders.$inferInsert;

export type ElderQuery = {
  scopes: readonly string[];
  regionCode?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  namePrefix?: string | undefined;
  bornAfter?: string | undefined;
  bornOnOrBefore?: string | undefined;
  idNumberBlindIndex?: string | undefined;
  phoneBlindIndex?: string | undefined;
};

/** Region scope inside the WHERE (AZ-2): a prefix match per scope, with the county key where it is known. */
export function scopeCondition(scopes: readonly string[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((scope) => {
    const prefix = like(elders.residenceRegionCode, `${scope}%`);
    return scope.length >= 6 ? and(eq(elders.countyCode, scope.slice(0, 6)), prefix) : prefix;
  });
  return or(...parts) ?? sql`false`;
}

/** The WHERE of the list filters; also used by the export's keyset pages. */
export function conditions(query: ElderQuery): SQL | undefined {
  const list: (SQL | undefined)[] = [
    scopeCondition(query.scopes),
    query.regionCode ? like(elders.residenceRegionCode, `${query.regionCode}%`) : undefined,
    query.category ? sql`${query.category} = ANY(${elders.categories})` : undefined,
    query.status ? eq(elders.status, query.status) : undefined,
    query.namePrefix ? ilike(elders.name, `${query.namePrefix.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    query.bornAfter ? gt(elders.birthDate, query.bornAfter) : undefined,
    query.bornOnOrBefore ? lte(elders.birthDate, query.bornOnOrBefore) : undefined,
    query.idNumberBlindIndex ? eq(elders.idNumberBlindIndex, query.idNumberBlindIndex) : undefined,
    query.phoneBlindIndex ? eq(elders.phoneBlindIndex, query.phoneBlindIndex) : undefined,
  ];
  return and(...list.filter((item): item is SQL => item !== undefined));
}

export async function listElders(
  db: Db,
  query: ElderQuery,
  limit: number,
  offset: number,
): Promise<{ items: ElderRow[]; total: number }> {
  const where = conditions(query);
  const items = await db
    .select()
    .from(elders)
    .where(where)
    .orderBy(asc(elders.residenceRegionCode), asc(elders.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(elders)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

export async function findElder(db: Db, id: string, scopes: readonly string[]): Promise<ElderRow | undefined> {
  const [row] = await db
    .select()
    .from(elders)
    .where(and(eq(elders.id, id), scopeCondition(scopes)))
    .limit(1);
  return row;
}

/**
 * The read path in one round trip: the elder inside `scopes` (AZ-2) with its residence region's
 * name. `scopes` undefined means unscoped (benchmark baseline only; services always pass scopes).
 */
export async function findElderWithRegionName(
  db: Db,
  id: string,
  scopes: readonly string[] | undefined,
): Promise<{ row: ElderRow; regionName: string | null } | undefined> {
  const [found] = await db
    .select({ row: elders, regionName: regions.name })
    .from(elders)
    .leftJoin(regions, eq(regions.code, elders.residenceRegionCode))
    .where(scopes ? and(eq(elders.id, id), scopeCondition(scopes)) : eq(elders.id, id))
    .limit(1);
  return found;
}

/** Unscoped existence check, only to label a denial in the audit row (never shown to the caller). */
export async function elderCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ countyCode: elders.countyCode }).from(elders).where(eq(elders.id, id)).limit(1);
  return row?.countyCode;
}

export async function regionName(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? null;
}

/** Claims an ID number's blind index; false when another elder holds it (ENC-2). */
export async function claimIdentity(db: Db, blindIndex: string, countyCode: string, elderId: string): Promise<boolean> {
  const claimed = await db
    .insert(elderIdentities)
    .values({ idNumberBlindIndex: blindIndex, countyCode, elderId })
    .onConflictDoNothing()
    .returning({ id: elderIdentities.elderId });
  return claimed.length === 1;
}

export async function releaseIdentity(db: Db, blindIndex: string, elderId: string): Promise<void> {
  await db
    .delete(elderIdentities)
    .where(and(eq(elderIdentities.idNumberBlindIndex, blindIndex), eq(elderIdentities.elderId, elderId)));
}

export async function insertElder(db: Db, row: ElderInsert): Promise<ElderRow> {
  const [inserted] = await db.insert(elders).values(row).returning();
  if (!inserted) throw new Error('elder insert returned nothing');
  return inserted;
}

/** Optimistic update (API-5): applies only at the expected version; undefined on a version mismatch. */
export async function updateElder(
  db: Db,
  key: { countyCode: string; id: string; version: number },
  patch: Partial<ElderInsert>,
): Promise<ElderRow | undefined> {
  const [row] = await db
    .update(elders)
    .set({ ...patch, version: key.version + 1 })
    .where(and(eq(elders.countyCode, key.countyCode), eq(elders.id, key.id), eq(elders.version, key.version)))
    .returning();
  return row;
}

export async function existingRegionCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = await db.execute(sql`SELECT code FROM regions WHERE code = ANY(${sql.param([...codes])}::text[])`);
  return new Set((found as unknown as { rows: { code: string }[] }).rows.map((row) => row.code));
}

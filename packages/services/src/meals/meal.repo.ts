import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  elderIdentities,
  elders,
  mealCards,
  mealDailyCounts,
  mealMenus,
  mealOrders,
  serviceSites,
} from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { providerScopeCondition, type ProviderScope } from '../service-sites/site-scope.ts';

export type MenuRow = typeof mealMenus.$inferSelect;
export type MealOrderRow = typeof mealOrders.$inferSelect;
export type MealOrderInsert = typeof mealOrders.$inferInsert;
export type MealCardInsert = typeof mealCards.$inferInsert;

export async function upsertMenu(db: Db, row: typeof mealMenus.$inferInsert): Promise<MenuRow> {
  const [saved] = await db
    .insert(mealMenus)
    .values(row)
    .onConflictDoUpdate({
      target: [mealMenus.countyCode, mealMenus.siteId, mealMenus.menuDate, mealMenus.meal],
      set: { dishes: row.dishes, dietTags: row.dietTags, priceFen: row.priceFen, updatedAt: row.updatedAt },
    })
    .returning();
  if (!saved) throw new Error('menu upsert returned nothing');
  return saved;
}

export async function insertMenus(db: Db, rows: readonly (typeof mealMenus.$inferInsert)[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insert(mealMenus)
      .values([...rows])
      .onConflictDoNothing();
}

export async function findMenu(db: Db, countyCode: string, siteId: string, date: string, meal: string) {
  const [row] = await db
    .select()
    .from(mealMenus)
    .where(
      and(
        eq(mealMenus.countyCode, countyCode),
        eq(mealMenus.siteId, siteId),
        eq(mealMenus.menuDate, date),
        eq(mealMenus.meal, meal),
      ),
    )
    .limit(1);
  return row;
}

/**
 * The menu served on a day: the day's own, else the latest published for the same weekday (a site's
 * menu repeats weekly until a new one is published).
 */
export async function menuServedOn(db: Db, countyCode: string, siteId: string, date: string, meal: string) {
  const own = await findMenu(db, countyCode, siteId, date, meal);
  if (own) return own;
  const [row] = await db
    .select()
    .from(mealMenus)
    .where(
      and(
        eq(mealMenus.countyCode, countyCode),
        eq(mealMenus.siteId, siteId),
        eq(mealMenus.meal, meal),
        lte(mealMenus.menuDate, date),
        sql`extract(isodow FROM ${mealMenus.menuDate}) = extract(isodow FROM ${date}::date)`,
      ),
    )
    .orderBy(desc(mealMenus.menuDate))
    .limit(1);
  return row;
}

export async function menusBetween(db: Db, countyCode: string, siteId: string, from: string, to: string) {
  return db
    .select()
    .from(mealMenus)
    .where(
      and(
        eq(mealMenus.countyCode, countyCode),
        eq(mealMenus.siteId, siteId),
        gte(mealMenus.menuDate, from),
        lte(mealMenus.menuDate, to),
      ),
    )
    .orderBy(asc(mealMenus.menuDate), asc(mealMenus.meal));
}

export type MealElder = {
  countyCode: string;
  id: string;
  name: string;
  idNumberMasked: string;
  birthDate: string;
  categories: string[];
  residenceRegionCode: string;
  status: string;
};

const elderColumns = {
  countyCode: elders.countyCode,
  id: elders.id,
  name: elders.name,
  idNumberMasked: elders.idNumberMasked,
  birthDate: elders.birthDate,
  categories: elders.categories,
  residenceRegionCode: elders.residenceRegionCode,
  status: elders.status,
};

export async function elderById(db: Db, countyCode: string, id: string): Promise<MealElder | undefined> {
  const [row] = await db
    .select(elderColumns)
    .from(elders)
    .where(and(eq(elders.countyCode, countyCode), eq(elders.id, id)))
    .limit(1);
  return row;
}

export async function elderByCard(db: Db, countyCode: string, cardNumber: string): Promise<MealElder | undefined> {
  const [row] = await db
    .select(elderColumns)
    .from(mealCards)
    .innerJoin(elders, and(eq(elders.countyCode, mealCards.countyCode), eq(elders.id, mealCards.elderId)))
    .where(
      and(eq(mealCards.countyCode, countyCode), eq(mealCards.cardNumber, cardNumber), eq(mealCards.status, 'active')),
    )
    .limit(1);
  return row;
}

export async function elderByIdNumberIndex(
  db: Db,
  countyCode: string,
  blindIndex: string,
): Promise<MealElder | undefined> {
  const [row] = await db
    .select(elderColumns)
    .from(elderIdentities)
    .innerJoin(elders, and(eq(elders.countyCode, elderIdentities.countyCode), eq(elders.id, elderIdentities.elderId)))
    .where(and(eq(elderIdentities.idNumberBlindIndex, blindIndex), eq(elderIdentities.countyCode, countyCode)))
    .limit(1);
  return row;
}

export async function insertCards(db: Db, rows: readonly MealCardInsert[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insert(mealCards)
      .values([...rows])
      .onConflictDoNothing();
}

/** Inserts the order unless the elder already has this day's meal; answers the inserted row or undefined. */
export async function insertOrder(db: Db, row: MealOrderInsert): Promise<MealOrderRow | undefined> {
  const [inserted] = await db.insert(mealOrders).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Bulk insert through `unnest` (the generator's history; ≤ 10,000 rows per call); existing meals are kept. */
export async function insertOrders(db: Db, rows: readonly MealOrderInsert[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > 10_000) throw new RangeError('at most 10,000 rows per statement');
  const column = <T>(pick: (row: MealOrderInsert) => T) => sql.param(rows.map(pick));
  const at = (value: Date | null | undefined) => value?.toISOString() ?? null;
  await db.execute(sql`
    INSERT INTO meal_orders (county_code, id, site_id, elder_id, region_code, meal_date, meal, channel, delivery, status,
      price_fen, subsidy_fen, payable_fen, subsidy_basis, subsidy_rule, redeemed_via, redeemed_at, redeemed_by, created_by, created_at)
    SELECT * FROM unnest(
      ${column((row) => row.countyCode)}::text[], ${column((row) => row.id)}::uuid[], ${column((row) => row.siteId)}::uuid[],
      ${column((row) => row.elderId)}::uuid[], ${column((row) => row.regionCode)}::text[], ${column((row) => row.mealDate)}::date[],
      ${column((row) => row.meal)}::text[], ${column((row) => row.channel)}::text[], ${column((row) => row.delivery ?? false)}::boolean[],
      ${column((row) => row.status)}::text[], ${column((row) => row.priceFen)}::int[], ${column((row) => row.subsidyFen)}::int[],
      ${column((row) => row.payableFen)}::int[], ${column((row) => row.subsidyBasis)}::text[], ${column((row) => row.subsidyRule)}::text[],
      ${column((row) => row.redeemedVia ?? null)}::text[], ${column((row) => at(row.redeemedAt))}::timestamptz[],
      ${column((row) => row.redeemedBy ?? null)}::uuid[], ${column((row) => row.createdBy ?? null)}::uuid[],
      ${column((row) => at(row.createdAt))}::timestamptz[])
    ON CONFLICT DO NOTHING`);
}

export async function orderOf(db: Db, countyCode: string, elderId: string, date: string, meal: string) {
  const [row] = await db
    .select()
    .from(mealOrders)
    .where(
      and(
        eq(mealOrders.countyCode, countyCode),
        eq(mealOrders.elderId, elderId),
        eq(mealOrders.mealDate, date),
        eq(mealOrders.meal, meal),
      ),
    )
    .for('update')
    .limit(1);
  return row;
}

export async function markRedeemed(
  db: Db,
  key: { countyCode: string; id: string },
  change: { via: string; at: Date; by: string },
): Promise<MealOrderRow | undefined> {
  const [row] = await db
    .update(mealOrders)
    .set({ status: 'redeemed', redeemedVia: change.via, redeemedAt: change.at, redeemedBy: change.by })
    .where(and(eq(mealOrders.countyCode, key.countyCode), eq(mealOrders.id, key.id), eq(mealOrders.status, 'ordered')))
    .returning();
  return row;
}

export type CountDelta = {
  countyCode: string;
  siteId: string;
  mealDate: string;
  regionCode: string;
  ordered?: number;
  redeemed?: number;
  delivered?: number;
  cancelled?: number;
  subsidyFen?: number;
  payableFen?: number;
};

/** Adds to a site's day in the counts rollup (same transaction as the order or redemption). */
export async function bumpDailyCount(db: Db, delta: CountDelta): Promise<void> {
  const values = {
    countyCode: delta.countyCode,
    siteId: delta.siteId,
    mealDate: delta.mealDate,
    regionCode: delta.regionCode,
    ordered: delta.ordered ?? 0,
    redeemed: delta.redeemed ?? 0,
    delivered: delta.delivered ?? 0,
    cancelled: delta.cancelled ?? 0,
    subsidyFen: delta.subsidyFen ?? 0,
    payableFen: delta.payableFen ?? 0,
  };
  await db
    .insert(mealDailyCounts)
    .values(values)
    .onConflictDoUpdate({
      target: [mealDailyCounts.countyCode, mealDailyCounts.siteId, mealDailyCounts.mealDate],
      set: {
        ordered: sql`${mealDailyCounts.ordered} + ${values.ordered}`,
        redeemed: sql`${mealDailyCounts.redeemed} + ${values.redeemed}`,
        delivered: sql`${mealDailyCounts.delivered} + ${values.delivered}`,
        cancelled: sql`${mealDailyCounts.cancelled} + ${values.cancelled}`,
        subsidyFen: sql`${mealDailyCounts.subsidyFen} + ${values.subsidyFen}`,
        payableFen: sql`${mealDailyCounts.payableFen} + ${values.payableFen}`,
      },
    });
}

/** Rebuilds the counts of a county from its orders (the generator's bulk load; repairs). */
export async function rebuildDailyCounts(db: Db, countyCode: string): Promise<void> {
  await db.delete(mealDailyCounts).where(eq(mealDailyCounts.countyCode, countyCode));
  await db.execute(sql`
    INSERT INTO meal_daily_counts (county_code, site_id, meal_date, region_code, ordered, redeemed, delivered, cancelled, subsidy_fen, payable_fen)
    SELECT o.county_code, o.site_id, o.meal_date, s.region_code, count(*)::int,
           count(*) FILTER (WHERE o.status IN ('redeemed', 'delivered'))::int,
           count(*) FILTER (WHERE o.status = 'delivered')::int,
           count(*) FILTER (WHERE o.status = 'cancelled')::int,
           coalesce(sum(o.subsidy_fen) FILTER (WHERE o.status IN ('redeemed', 'delivered')), 0),
           coalesce(sum(o.payable_fen) FILTER (WHERE o.status IN ('redeemed', 'delivered')), 0)
    FROM meal_orders o JOIN service_sites s ON s.county_code = o.county_code AND s.id = o.site_id
    WHERE o.county_code = ${countyCode}
    GROUP BY o.county_code, o.site_id, o.meal_date, s.region_code`);
}

export async function dailyCounts(
  db: Db,
  query: {
    scopes: readonly ProviderScope[];
    regionCode?: string | undefined;
    siteId?: string | undefined;
    from: string;
    to: string;
  },
) {
  return db
    .select({
      siteId: mealDailyCounts.siteId,
      siteName: serviceSites.name,
      kind: serviceSites.kind,
      regionCode: mealDailyCounts.regionCode,
      mealDate: mealDailyCounts.mealDate,
      ordered: mealDailyCounts.ordered,
      redeemed: mealDailyCounts.redeemed,
      delivered: mealDailyCounts.delivered,
      cancelled: mealDailyCounts.cancelled,
      subsidyFen: mealDailyCounts.subsidyFen,
      payableFen: mealDailyCounts.payableFen,
    })
    .from(mealDailyCounts)
    .innerJoin(
      serviceSites,
      and(eq(serviceSites.countyCode, mealDailyCounts.countyCode), eq(serviceSites.id, mealDailyCounts.siteId)),
    )
    .where(
      and(
        providerScopeCondition(query.scopes, serviceSites),
        query.regionCode ? sql`${mealDailyCounts.regionCode} LIKE ${`${query.regionCode}%`}` : undefined,
        query.siteId ? eq(mealDailyCounts.siteId, query.siteId) : undefined,
        gte(mealDailyCounts.mealDate, query.from),
        lte(mealDailyCounts.mealDate, query.to),
      ),
    )
    .orderBy(asc(mealDailyCounts.mealDate), asc(mealDailyCounts.regionCode), asc(serviceSites.name))
    .limit(2000);
}

/** Active elders of some communities (the generator's diners): id, community, categories, birth date. */
export async function eldersOfCommunities(db: Db, countyCode: string, communities: readonly string[]) {
  if (communities.length === 0) return [];
  return db
    .select({
      id: elders.id,
      community: elders.residenceRegionCode,
      categories: elders.categories,
      birthDate: elders.birthDate,
    })
    .from(elders)
    .where(
      and(
        eq(elders.countyCode, countyCode),
        eq(elders.status, 'active'),
        inArray(elders.residenceRegionCode, [...communities]),
      ),
    )
    .orderBy(asc(elders.id));
}

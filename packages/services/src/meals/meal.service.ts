import type { DeliveryRoundDto, DeliveryRoundQuery } from '@kangyang/contracts/meal-deliveries';
import type {
  DailyCountDto,
  DailyCountQuery,
  MealOrderBody,
  MealOrderDto,
  MenuBody,
  MenuDto,
  RedemptionBody,
  RedemptionDto,
  SiteCreateBody,
  SiteDto,
  SiteListQuery,
} from '@kangyang/contracts/meals';
import type { Permission } from '@kangyang/domain/access';
import { deliveryEligible } from '@kangyang/domain/community-services';
import type { IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { uuidv7 } from '../ids.ts';
import { providerScopesOf, reachesRecord } from '../service-sites/site-scope.ts';
import * as sites from '../service-sites/site.repo.ts';
import { toSiteDto } from '../service-sites/site-mapper.ts';
import type { MealServiceDeps } from './meal-deps.ts';
import { pricedMeal, redeemMeal, toMealOrderDto } from './meal-redemption.ts';
import * as repo from './meal.repo.ts';
import { deliveryRound } from './delivery-round.ts';

const toMenuDto = (row: repo.MenuRow): MenuDto => ({
  siteId: row.siteId,
  menuDate: row.menuDate,
  meal: row.meal as MenuDto['meal'],
  dishes: row.dishes,
  dietTags: row.dietTags,
  priceFen: row.priceFen,
});

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createMealService(deps: MealServiceDeps) {
  const { db, clock, audit } = deps;

  /** Loads a site inside the actor's scope, or audits the denial and answers 404 (AZ-3, AZ-4). */
  async function loadSite(actor: Actor, id: string, permission: Permission, action: string): Promise<sites.SiteRow> {
    const row = await sites.findSite(db, id, providerScopesOf(actor, permission));
    if (row) return row;
    const county = await sites.siteCountyOf(db, id);
    const reason = county ? 'outOfScope' : 'notFound';
    await audit.record(actor, {
      action,
      resourceType: 'serviceSite',
      resourceIds: [id],
      outcome: 'denied',
      reason,
      chain: county,
    });
    throw new AppError('NOT_FOUND');
  }

  return {
    loadSite,

    /** HCS-1: a service point in a street or community the actor administers. */
    async createSite(actor: Actor, body: SiteCreateBody): Promise<SiteDto> {
      const providerId = body.providerId ?? actor.organisationId ?? null;
      if (!reachesRecord(providerScopesOf(actor, 'meal:write'), body.regionCode, providerId))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      const now = clock.now();
      const id = uuidv7();
      const row = await db.transaction(async (tx) => {
        const [inserted] = await sites.insertSites(tx, [
          {
            countyCode: body.regionCode.slice(0, 6),
            id,
            regionCode: body.regionCode,
            name: body.name,
            kind: body.kind,
            address: body.address ?? null,
            lng: body.location.lng,
            lat: body.location.lat,
            serviceRadiusM: body.serviceRadiusM,
            openingHours: body.openingHours,
            mealCapacity: body.mealCapacity ?? null,
            offersMeals: body.offersMeals,
            offersDelivery: body.offersDelivery,
            providerId,
            status: 'open',
            openedOn: body.openedOn ?? null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          },
        ]);
        if (!inserted) throw new Error('site insert returned nothing');
        const event = {
          action: 'site.create',
          resourceType: 'serviceSite',
          resourceIds: [id],
          chain: inserted.countyCode,
        };
        await audit.record(actor, event, tx);
        return inserted;
      });
      return toSiteDto(row);
    },

    async listSites(actor: Actor, query: SiteListQuery): Promise<{ items: SiteDto[]; total: number }> {
      const { limit, offset, offersMeals, ...filters } = query;
      const found = await sites.listSites(
        db,
        {
          ...filters,
          offersMeals: offersMeals === undefined ? undefined : offersMeals === 'true',
          scopes: providerScopesOf(actor, 'meal:read'),
        },
        limit,
        offset,
      );
      return { items: found.items.map(toSiteDto), total: found.total };
    },

    async putMenu(actor: Actor, siteId: string, date: string, meal: string, body: MenuBody): Promise<MenuDto> {
      const site = await loadSite(actor, siteId, 'meal:write', 'meal.menu');
      const saved = await db.transaction(async (tx) => {
        const row = await repo.upsertMenu(tx, {
          countyCode: site.countyCode,
          siteId,
          menuDate: date,
          meal,
          dishes: body.dishes,
          dietTags: body.dietTags,
          priceFen: body.priceFen,
          updatedAt: clock.now(),
        });
        const details = { date, meal, priceFen: body.priceFen };
        await audit.record(
          actor,
          { action: 'meal.menu', resourceType: 'serviceSite', resourceIds: [siteId], details, chain: site.countyCode },
          tx,
        );
        return row;
      });
      return toMenuDto(saved);
    },

    async listMenus(actor: Actor, siteId: string, from: string, to: string): Promise<{ items: MenuDto[] }> {
      const site = await loadSite(actor, siteId, 'meal:read', 'meal.menu.read');
      const rows = await repo.menusBetween(db, site.countyCode, siteId, from, to);
      return { items: rows.map(toMenuDto) };
    },

    /** HCS-11, HCS-12: a pre-order for a day and meal; delivery only where the site delivers and the elder qualifies. */
    async placeOrder(actor: Actor, body: MealOrderBody): Promise<MealOrderDto> {
      const site = await loadSite(actor, body.siteId, 'meal:redeem', 'meal.order');
      if (site.status !== 'open') throw new AppError('MEAL_SITE_CLOSED', {}, 'siteId');
      const elder = await repo.elderById(db, site.countyCode, body.elderId);
      if (!elder || elder.status !== 'active') throw new AppError('NOT_FOUND', {}, 'elderId');
      if (body.delivery && !(site.offersDelivery && deliveryEligible(elder.categories)))
        throw new AppError('VALIDATION_FAILED', { field: 'delivery', detail: '' }, 'delivery');
      const price = await pricedMeal(deps, site, elder, body.mealDate as IsoDate, body.meal);
      const now = clock.now();
      const order = await db.transaction(async (tx) => {
        const inserted = await repo.insertOrder(tx, {
          countyCode: site.countyCode,
          id: uuidv7(),
          siteId: site.id,
          elderId: elder.id,
          regionCode: elder.residenceRegionCode,
          mealDate: body.mealDate,
          meal: body.meal,
          channel: body.channel,
          delivery: body.delivery,
          status: 'ordered',
          priceFen: price.priceFen,
          subsidyFen: price.subsidyFen,
          payableFen: price.payableFen,
          subsidyBasis: price.basis,
          subsidyRule: price.rule,
          createdBy: actor.userId,
          createdAt: now,
        });
        if (inserted) {
          const key = {
            countyCode: site.countyCode,
            siteId: site.id,
            mealDate: body.mealDate,
            regionCode: site.regionCode,
          };
          await repo.bumpDailyCount(tx, { ...key, ordered: 1 });
        }
        const event = {
          action: 'meal.order',
          resourceType: 'elder',
          resourceIds: [elder.id],
          details: { siteId: site.id, mealDate: body.mealDate, meal: body.meal },
        };
        await audit.record(actor, { ...event, chain: site.countyCode }, tx);
        return inserted ?? (await repo.orderOf(tx, site.countyCode, elder.id, body.mealDate, body.meal));
      });
      if (!order) throw new Error('meal order vanished');
      return toMealOrderDto(order);
    },

    async redeem(actor: Actor, body: RedemptionBody): Promise<RedemptionDto> {
      const site = await loadSite(actor, body.siteId, 'meal:redeem', 'meal.redeem');
      return redeemMeal(deps, actor, site, body);
    },

    /** HCS-11: one meal's delivery round from a site in the actor's scope, in driving order. */
    async deliveryRound(actor: Actor, siteId: string, query: DeliveryRoundQuery): Promise<DeliveryRoundDto> {
      const site = await loadSite(actor, siteId, 'meal:redeem', 'meal.deliveryRound');
      return deliveryRound(deps, actor, site, query);
    },

    /** Daily counts per site from the rollup (never a scan of orders). */
    async dailyCounts(actor: Actor, query: DailyCountQuery): Promise<{ items: DailyCountDto[] }> {
      const rows = await repo.dailyCounts(db, { ...query, scopes: providerScopesOf(actor, 'meal:read') });
      return { items: rows.map((row) => ({ ...row, kind: row.kind as DailyCountDto['kind'] })) };
    },
  };
}

export type MealService = ReturnType<typeof createMealService>;

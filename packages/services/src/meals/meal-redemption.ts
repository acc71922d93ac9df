import type { MealOrderDto, RedemptionBody, RedemptionDto } from '@kangyang/contracts/meals';
import { mealSubsidyFor } from '@kangyang/domain/community-services';
import { normaliseIdNumber } from '@kangyang/domain/identity';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { uuidv7 } from '../ids.ts';
import type { SiteRow } from '../service-sites/site.repo.ts';
import type { MealServiceDeps } from './meal-deps.ts';
import * as repo from './meal.repo.ts';

/** The QR code on an elder's card or phone: `KY1:E:<elder id>` (the raw id is accepted too). */
export const QR_PREFIX = 'KY1:E:';
export const qrPayloadOf = (elderId: string): string => `${QR_PREFIX}${elderId}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the elder behind a card number, QR payload or ID number, inside the site's county only. */
export async function elderByCredential(
  deps: MealServiceDeps,
  countyCode: string,
  credential: RedemptionBody['credential'],
): Promise<repo.MealElder | undefined> {
  const value = credential.value.trim();
  if (credential.kind === 'card') return repo.elderByCard(deps.db, countyCode, value.toUpperCase());
  if (credential.kind === 'qr') {
    const id = value.startsWith(QR_PREFIX) ? value.slice(QR_PREFIX.length) : value;
    return UUID.test(id) ? repo.elderById(deps.db, countyCode, id.toLowerCase()) : undefined;
  }
  const index = deps.cipher.blindIndex('idNumber', normaliseIdNumber(value));
  return repo.elderByIdNumberIndex(deps.db, countyCode, index);
}

export const toMealOrderDto = (row: repo.MealOrderRow): MealOrderDto => ({
  id: row.id,
  siteId: row.siteId,
  elderId: row.elderId,
  mealDate: row.mealDate,
  meal: row.meal as MealOrderDto['meal'],
  channel: row.channel as MealOrderDto['channel'],
  delivery: row.delivery,
  status: row.status as MealOrderDto['status'],
  priceFen: row.priceFen,
  subsidyFen: row.subsidyFen,
  payableFen: row.payableFen,
  subsidyBasis: row.subsidyBasis,
  redeemedVia: row.redeemedVia as MealOrderDto['redeemedVia'],
  redeemedAt: row.redeemedAt?.toISOString() ?? null,
});

/** Price and subsidy of one meal for an elder on a day (HCS-11), from the day's menu and the rule. */
export async function pricedMeal(
  deps: MealServiceDeps,
  site: SiteRow,
  elder: repo.MealElder,
  date: IsoDate,
  meal: string,
) {
  const menu = await repo.menuServedOn(deps.db, site.countyCode, site.id, date, meal);
  if (!menu) throw new AppError('MEAL_NO_MENU', { meal }, 'meal');
  const rule = await deps.subsidyRule(site.regionCode, date);
  const decision = mealSubsidyFor(
    { categories: elder.categories, age: ageOn(elder.birthDate as IsoDate, date) },
    menu.priceFen,
    rule,
  );
  return { priceFen: menu.priceFen, ...decision, rule: rule.source };
}

type Priced = Awaited<ReturnType<typeof pricedMeal>>;

/** Inserts the redeemed order, or redeems the pre-order, or finds the meal already redeemed; keeps the counts. */
function recordRedemption(
  deps: MealServiceDeps,
  actor: Actor,
  input: { site: SiteRow; elder: repo.MealElder; body: RedemptionBody; price: Priced; today: IsoDate },
): Promise<{ order: repo.MealOrderRow; alreadyRedeemed: boolean }> {
  const { site, elder, body, price, today } = input;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const key = { countyCode: site.countyCode, siteId: site.id, mealDate: today, regionCode: site.regionCode };
    const inserted = await repo.insertOrder(tx, {
      countyCode: site.countyCode,
      id: uuidv7(),
      siteId: site.id,
      elderId: elder.id,
      regionCode: elder.residenceRegionCode,
      mealDate: today,
      meal: body.meal,
      channel: 'counter',
      delivery: false,
      status: 'redeemed',
      priceFen: price.priceFen,
      subsidyFen: price.subsidyFen,
      payableFen: price.payableFen,
      subsidyBasis: price.basis,
      subsidyRule: price.rule,
      redeemedVia: body.credential.kind,
      redeemedAt: now,
      redeemedBy: actor.userId,
      createdBy: actor.userId,
      createdAt: now,
    });
    const money = (row: repo.MealOrderRow) => ({ subsidyFen: row.subsidyFen, payableFen: row.payableFen });
    if (inserted) {
      await repo.bumpDailyCount(tx, { ...key, ordered: 1, redeemed: 1, ...money(inserted) });
      return { order: inserted, alreadyRedeemed: false };
    }
    const existing = await repo.orderOf(tx, site.countyCode, elder.id, today, body.meal);
    if (!existing) throw new Error('meal order vanished');
    const redeemed = await repo.markRedeemed(tx, existing, { via: body.credential.kind, at: now, by: actor.userId });
    if (redeemed) {
      const orderKey = { ...key, siteId: redeemed.siteId };
      await repo.bumpDailyCount(tx, {
        ...orderKey,
        redeemed: 1,
        delivered: redeemed.delivery ? 1 : 0,
        ...money(redeemed),
      });
    }
    return { order: redeemed ?? existing, alreadyRedeemed: !redeemed };
  });
}

/**
 * HCS-11 redemption at the counter: one meal per elder, day and meal. A repeated scan (a double
 * beep, a retry on bad signal) finds the same order and charges nothing new; a pre-order is redeemed.
 */
export async function redeemMeal(
  deps: MealServiceDeps,
  actor: Actor,
  site: SiteRow,
  body: RedemptionBody,
): Promise<RedemptionDto> {
  if (site.status !== 'open') throw new AppError('MEAL_SITE_CLOSED', {}, 'siteId');
  const elder = await elderByCredential(deps, site.countyCode, body.credential);
  if (!elder || elder.status !== 'active') throw new AppError('MEAL_CREDENTIAL_UNKNOWN', {}, 'credential');
  const today = deps.clock.today();
  const price = await pricedMeal(deps, site, elder, today, body.meal);
  const result = await recordRedemption(deps, actor, { site, elder, body, price, today });
  const details = { siteId: site.id, meal: body.meal, via: body.credential.kind, replay: result.alreadyRedeemed };
  await deps.audit.record(actor, {
    action: 'meal.redeem',
    resourceType: 'elder',
    resourceIds: [elder.id],
    details,
    chain: site.countyCode,
  });
  return {
    order: toMealOrderDto(result.order),
    elder: { name: elder.name, idNumberMasked: elder.idNumberMasked, age: ageOn(elder.birthDate as IsoDate, today) },
    alreadyRedeemed: result.alreadyRedeemed,
  };
}

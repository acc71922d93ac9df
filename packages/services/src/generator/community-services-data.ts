import { DEFAULT_MEAL_SUBSIDY_RULE, deliveryEligible, mealSubsidyFor } from '@kangyang/domain/community-services';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import type { Rng } from './rng.ts';
import type { GeneratedSite } from './service-sites.ts';

export type Diner = { id: string; community: string; categories: string[]; birthDate: string };

const DISHES = [
  '红烧肉',
  '清蒸鲈鱼',
  '番茄炒蛋',
  '青菜豆腐',
  '冬瓜排骨汤',
  '西兰花炒虾仁',
  '土豆烧鸡',
  '蒸南瓜',
  '木耳炒山药',
  '小米粥',
  '肉末茄子',
  '白灼菜心',
  '紫菜蛋花汤',
  '香菇青菜',
  '糖醋里脊',
  '杂粮饭',
];
const DAY_MS = 86_400_000;

export const dayOffset = (asOf: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) as IsoDate;
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Whether a site serves a meal on a day: meal points weekdays at lunch only; canteens lunch and dinner daily. */
export function serves(site: GeneratedSite, date: string, meal: 'lunch' | 'dinner'): boolean {
  if (!site.offersMeals) return false;
  const weekend = [0, 6].includes(weekdayOf(date));
  if (site.kind === 'mealPoint') return meal === 'lunch' && !weekend;
  return meal === 'lunch' || site.kind === 'canteen';
}

export function menuRow(rng: Rng, site: GeneratedSite, date: string, meal: 'lunch' | 'dinner', now: Date) {
  const dishes = Array.from({ length: 3 }, () => rng.pick(DISHES));
  return {
    countyCode: site.countyCode,
    siteId: site.id,
    menuDate: date,
    meal,
    dishes: [...new Set(dishes)],
    dietTags: rng.chance(0.4) ? ['lowSalt'] : rng.chance(0.3) ? ['diabetic', 'soft'] : [],
    priceFen: site.kind === 'canteen' ? 1500 : 1200,
    updatedAt: now,
  };
}

/** Weekly pattern: fewer diners at weekends, dinner a quarter of lunch. */
const dayFactor = (date: string): number => [0.45, 1, 1, 1, 1, 0.95, 0.55][weekdayOf(date)] ?? 1;

/** One diner's meal on a day, if they eat then (a redeemed order with subsidy from the default rule). */
export function mealOrderFor(
  rng: Rng,
  context: { site: GeneratedSite; diner: Diner; propensity: number; date: IsoDate; meal: 'lunch' | 'dinner' },
  make: { id: string; now: Date },
) {
  const { site, diner, propensity, date, meal } = context;
  const chance = propensity * dayFactor(date) * (meal === 'dinner' ? 0.25 : 1);
  if (!serves(site, date, meal) || !rng.chance(chance)) return undefined;
  const priceFen = site.kind === 'canteen' ? 1500 : 1200;
  const age = ageOn(diner.birthDate as IsoDate, date);
  const decision = mealSubsidyFor({ categories: diner.categories, age }, priceFen, DEFAULT_MEAL_SUBSIDY_RULE);
  const delivery = site.offersDelivery && deliveryEligible(diner.categories);
  const cancelled = rng.chance(0.03);
  const hour = meal === 'lunch' ? 11 : 17;
  const at = new Date(`${date}T${String(hour - 8).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
  return {
    countyCode: site.countyCode,
    id: make.id,
    siteId: site.id,
    elderId: diner.id,
    regionCode: diner.community,
    mealDate: date,
    meal,
    channel: delivery
      ? 'preorder'
      : rng.weighted([
          ['counter', 70],
          ['preorder', 20],
          ['worker', 5],
          ['family', 5],
        ] as const),
    delivery,
    status: cancelled ? 'cancelled' : delivery ? 'delivered' : 'redeemed',
    priceFen,
    subsidyFen: decision.subsidyFen,
    payableFen: decision.payableFen,
    subsidyBasis: decision.basis,
    subsidyRule: DEFAULT_MEAL_SUBSIDY_RULE.source,
    redeemedVia: cancelled
      ? null
      : rng.weighted([
          ['card', 60],
          ['qr', 25],
          ['idNumber', 15],
        ] as const),
    redeemedAt: cancelled ? null : at,
    redeemedBy: null,
    createdBy: null,
    createdAt: new Date(at.getTime() - rng.int(5, 600) * 60_000),
  };
}

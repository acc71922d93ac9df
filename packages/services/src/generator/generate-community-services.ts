import type { IsoDate } from '@kangyang/domain/units';
import { responseDeadline } from '@kangyang/domain/community-services';
import type { Services } from '../services.ts';
import { insertSitesIfAbsent } from '../service-sites/site.repo.ts';
import * as meals from '../meals/meal.repo.ts';
import { insertComplaints } from '../complaints/complaint.repo.ts';
import { asOfInstant } from './generate-elders.ts';
import { communityRows } from './generator.repo.ts';
import { boxOf, outerRingOf } from './polygon.ts';
import { createRng, type Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';
import type { ScaleSpec } from './scales.ts';
import { SITES_PER_COMMUNITY, layoutServiceSites, type GeneratedSite, type SiteCommunity } from './service-sites.ts';
import { dayOffset, mealOrderFor, menuRow, serves, type Diner } from './community-services-data.ts';

const ORDER_STREAM = 0x6d65;
const COMPLAINT_STREAM = 0x636f;
const MENU_DAYS_BACK = 27;
const MENU_DAYS_AHEAD = 7;
/** Days of meal history at district scales; the city keeps sites and menus only (its ≈7 M meals are a later step). */
const ORDER_DAYS = 42;
const BATCH = 5000;

export type CommunityServicesStats = {
  sites: number;
  menus: number;
  cards: number;
  mealOrders: number;
  complaints: number;
};

async function loadCommunities(services: Services, prefix: string): Promise<SiteCommunity[]> {
  const found = await communityRows(services.database.db, prefix);
  return found.flatMap((row) => {
    const ring = outerRingOf(row.boundary);
    return ring ? [{ code: row.code, name: row.name, ring, box: boxOf(ring) }] : [];
  });
}

async function insertMenus(services: Services, rng: Rng, sites: readonly GeneratedSite[], asOf: IsoDate, now: Date) {
  const rows = [];
  for (const site of sites)
    for (let day = -MENU_DAYS_BACK; day <= MENU_DAYS_AHEAD; day += 1) {
      const date = dayOffset(asOf, day);
      for (const meal of ['lunch', 'dinner'] as const)
        if (serves(site, date, meal)) rows.push(menuRow(rng, site, date, meal, now));
    }
  for (let start = 0; start < rows.length; start += BATCH)
    await meals.insertMenus(services.database.db, rows.slice(start, start + BATCH));
  return rows.length;
}

const cardOf = (countyCode: string, serial: number, elderId: string, asOf: IsoDate) => ({
  countyCode,
  cardNumber: `MC${countyCode}${String(serial).padStart(6, '0')}`,
  elderId,
  issuedOn: dayOffset(asOf, -120),
  status: 'active',
});

/** A diner's meals over the history window, with ids numbered on from `serial`. */
function mealsOf(
  rng: Rng,
  site: GeneratedSite,
  diner: Diner & { propensity: number },
  options: { seed: number; asOf: IsoDate; now: Date; serial: number },
) {
  const orders = [];
  const baseMs = options.now.getTime() - ORDER_DAYS * 86_400_000;
  for (let day = -ORDER_DAYS + 1; day <= 0; day += 1)
    for (const meal of ['lunch', 'dinner'] as const) {
      const id = seededUuidv7(options.seed, ORDER_STREAM, options.serial + orders.length, baseMs);
      const date = dayOffset(options.asOf, day);
      const order = mealOrderFor(
        rng,
        { site, diner, propensity: diner.propensity, date, meal },
        { id, now: options.now },
      );
      if (order) orders.push(order);
    }
  return orders;
}

/** Regular diners of each meal site (≈15 % of its community's elders, more among the needy), their cards and meals. */
async function insertMealHistory(
  services: Services,
  rng: Rng,
  sites: readonly GeneratedSite[],
  options: { seed: number; asOf: IsoDate; now: Date },
) {
  const { db } = services.database;
  const mealSites = sites.filter((site) => site.offersMeals);
  const counties = [...new Set(mealSites.map((site) => site.countyCode))];
  let serial = 0;
  let cards = 0;
  for (const county of counties) {
    const here = mealSites.filter((site) => site.countyCode === county);
    const elders = await meals.eldersOfCommunities(db, county, [...new Set(here.map((site) => site.regionCode))]);
    const cardRows: meals.MealCardInsert[] = [];
    for (const site of here) {
      const diners: (Diner & { propensity: number })[] = elders
        .filter((elder) => elder.community === site.regionCode)
        .filter((elder) => rng.chance(elder.categories.length > 0 ? 0.35 : 0.12))
        .map((elder) => ({ ...elder, propensity: 0.3 + rng.next() * 0.6 }));
      const orders = diners.flatMap((diner) => {
        cardRows.push(cardOf(county, cards, diner.id, options.asOf));
        cards += 1;
        const made = mealsOf(rng, site, diner, { ...options, serial });
        serial += made.length;
        return made;
      });
      for (let start = 0; start < orders.length; start += BATCH)
        await meals.insertOrders(db, orders.slice(start, start + BATCH));
    }
    for (let start = 0; start < cardRows.length; start += BATCH)
      await meals.insertCards(db, cardRows.slice(start, start + BATCH));
    await meals.rebuildDailyCounts(db, county);
  }
  return { cards, mealOrders: serial };
}

const COMPLAINT_TEXTS = [
  ['food', '今天的菜偏咸，老人吃不惯'],
  ['lateness', '上门服务比约定时间晚到一个多小时'],
  ['attitude', '服务人员说话不耐烦'],
  ['quality', '助浴服务时间明显不足'],
  ['missedService', '预约的保洁服务没有人来'],
  ['billing', '助餐卡扣费金额与菜单价格不符'],
] as const;

async function insertComplaintHistory(
  services: Services,
  rng: Rng,
  sites: readonly GeneratedSite[],
  options: { seed: number; asOf: IsoDate },
) {
  if (sites.length === 0) return 0;
  const rows = Array.from({ length: Math.max(8, Math.round(sites.length * 0.6)) }, (_, serial) => {
    const site = rng.pick(sites);
    const [category, description] = rng.pick(COMPLAINT_TEXTS);
    const receivedAt = new Date(
      asOfInstant(options.asOf).getTime() - rng.int(0, 45) * 86_400_000 + rng.int(8, 18) * 3_600_000,
    );
    const deadlineAt = responseDeadline(receivedAt, 3);
    const ageDays = (asOfInstant(options.asOf).getTime() - receivedAt.getTime()) / 86_400_000;
    const status =
      ageDays < 2
        ? 'open'
        : rng.weighted([
            ['closed', 50],
            ['resolved', 20],
            ['responded', 15],
            ['acknowledged', 8],
            ['open', 7],
          ] as const);
    const answered = ['responded', 'resolved', 'closed'].includes(status);
    const respondedAt = answered ? new Date(receivedAt.getTime() + rng.int(2, 96) * 3_600_000) : null;
    return {
      countyCode: site.countyCode,
      id: seededUuidv7(options.seed, COMPLAINT_STREAM, serial, receivedAt.getTime()),
      regionCode: site.regionCode,
      elderId: null,
      complainantKind: rng.pick(['elder', 'family'] as const),
      complainantName: null,
      providerId: null,
      siteId: site.id,
      category,
      description,
      status,
      receivedAt,
      deadlineAt,
      responseWorkingDays: 3,
      response: answered ? '已核实情况并与服务人员沟通，后续将加强管理。' : null,
      respondedAt,
      respondedBy: null,
      closedAt: status === 'closed' ? respondedAt : null,
      createdBy: null,
      updatedAt: respondedAt ?? receivedAt,
      version: 1,
    };
  });
  await insertComplaints(services.database.db, rows);
  return rows.length;
}

/**
 * HCS-1, HCS-9, HCS-10, HCS-11 data of a scale: sites near community centroids, four weeks of menus and
 * one ahead, meal cards and six weeks of meals with weekday and lunch/dinner patterns (district scales),
 * complaints, then the coverage rollups of each county (and their nightly refresh job).
 */
export async function generateCommunityServices(
  services: Services,
  options: { scale: ScaleSpec; seed: number; asOf: IsoDate },
): Promise<CommunityServicesStats> {
  const { scale, seed, asOf } = options;
  const now = asOfInstant(asOf);
  const rng = createRng(seed ^ 0x5173);
  const communities = await loadCommunities(services, scale.regionPrefix);
  const sites = layoutServiceSites(rng, communities, {
    seed,
    perCommunity: SITES_PER_COMMUNITY[scale.name] ?? 0.5,
    baseMs: now.getTime(),
    asOfYear: Number(asOf.slice(0, 4)),
  });
  const rows = sites.map((site) => ({
    ...site,
    providerId: null,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
  for (let start = 0; start < rows.length; start += 2000)
    await insertSitesIfAbsent(services.database.db, rows.slice(start, start + 2000));
  const menus = await insertMenus(services, rng, sites, asOf, now);
  const history =
    scale.name === 'city'
      ? { cards: 0, mealOrders: 0 }
      : await insertMealHistory(services, rng, sites, { seed, asOf, now });
  const complaints = await insertComplaintHistory(services, rng, sites, { seed, asOf });
  for (const county of [...new Set(sites.map((site) => site.countyCode))]) {
    await services.coverage.refreshCounty(county);
    await services.coverage.schedule(county);
  }
  return { sites: sites.length, menus, ...history, complaints };
}

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** HCS-1 service points (the map's facilities): centres, stations, canteens, meal points, institutions. */
export const serviceSites = pgTable(
  'service_sites',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    serviceRadiusM: integer('service_radius_m').notNull(),
    openingHours: jsonb('opening_hours').$type<Record<string, string>>().notNull(),
    mealCapacity: integer('meal_capacity'),
    offersMeals: boolean('offers_meals').notNull(),
    offersDelivery: boolean('offers_delivery').notNull(),
    providerId: uuid('provider_id'),
    status: text('status').notNull(),
    openedOn: date('opened_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('service_sites_id_idx').on(table.id),
    index('service_sites_region_idx').on(sql`${table.regionCode} text_pattern_ops`, table.id),
    index('service_sites_provider_idx').on(table.providerId),
  ],
);

export const mealMenus = pgTable(
  'meal_menus',
  {
    countyCode: text('county_code').notNull(),
    siteId: uuid('site_id').notNull(),
    menuDate: date('menu_date', { mode: 'string' }).notNull(),
    meal: text('meal').notNull(),
    dishes: jsonb('dishes').$type<string[]>().notNull(),
    dietTags: text('diet_tags').array().notNull(),
    priceFen: integer('price_fen').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.siteId, table.menuDate, table.meal] })],
);

export const mealCards = pgTable(
  'meal_cards',
  {
    countyCode: text('county_code').notNull(),
    cardNumber: text('card_number').notNull(),
    elderId: uuid('elder_id').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.cardNumber] })],
);

export const mealOrders = pgTable(
  'meal_orders',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: text('region_code').notNull(),
    mealDate: date('meal_date', { mode: 'string' }).notNull(),
    meal: text('meal').notNull(),
    channel: text('channel').notNull(),
    delivery: boolean('delivery').notNull(),
    status: text('status').notNull(),
    priceFen: integer('price_fen').notNull(),
    subsidyFen: integer('subsidy_fen').notNull(),
    payableFen: integer('payable_fen').notNull(),
    subsidyBasis: text('subsidy_basis').notNull(),
    subsidyRule: text('subsidy_rule').notNull(),
    redeemedVia: text('redeemed_via'),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedBy: uuid('redeemed_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    unique().on(table.countyCode, table.elderId, table.mealDate, table.meal),
    index('meal_orders_site_day_idx').on(table.countyCode, table.siteId, table.mealDate),
  ],
);

export const mealDailyCounts = pgTable(
  'meal_daily_counts',
  {
    countyCode: text('county_code').notNull(),
    siteId: uuid('site_id').notNull(),
    mealDate: date('meal_date', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    ordered: integer('ordered').notNull(),
    redeemed: integer('redeemed').notNull(),
    delivered: integer('delivered').notNull(),
    cancelled: integer('cancelled').notNull(),
    subsidyFen: bigint('subsidy_fen', { mode: 'number' }).notNull(),
    payableFen: bigint('payable_fen', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.siteId, table.mealDate] })],
);

export const coverageRollups = pgTable(
  'coverage_rollups',
  {
    countyCode: text('county_code').notNull(),
    communityCode: text('community_code').notNull(),
    metres: integer('metres').notNull(),
    elders: integer('elders').notNull(),
    located: integer('located').notNull(),
    covered: integer('covered').notNull(),
    shareBasisPoints: integer('share_basis_points').notNull(),
    sites: integer('sites').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.communityCode] })],
);

export const coverageUncovered = pgTable(
  'coverage_uncovered',
  {
    countyCode: text('county_code').notNull(),
    communityCode: text('community_code').notNull(),
    elderId: uuid('elder_id').notNull(),
    nearestSiteId: uuid('nearest_site_id'),
    nearestMetres: integer('nearest_metres'),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.communityCode, table.elderId] })],
);

export const serviceRatings = pgTable(
  'service_ratings',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    elderId: uuid('elder_id'),
    raterKind: text('rater_kind').notNull(),
    providerId: uuid('provider_id'),
    siteId: uuid('site_id'),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** 0024: the rated visit (rated once, amended after) and its worker. */
    visitId: uuid('visit_id'),
    workerId: uuid('worker_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.id] })],
);

export const complaints = pgTable(
  'complaints',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    regionCode: text('region_code').notNull(),
    elderId: uuid('elder_id'),
    complainantKind: text('complainant_kind').notNull(),
    complainantName: text('complainant_name'),
    providerId: uuid('provider_id'),
    siteId: uuid('site_id'),
    category: text('category').notNull(),
    description: text('description').notNull(),
    status: text('status').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    responseWorkingDays: integer('response_working_days').notNull(),
    response: text('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('complaints_id_idx').on(table.id),
    index('complaints_region_idx').on(sql`${table.regionCode} text_pattern_ops`, table.receivedAt),
  ],
);

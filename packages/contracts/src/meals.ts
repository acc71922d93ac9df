import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery, PointSchema, RegionCodeSchema, page } from './common.ts';

/** Glossary `FacilityKind` and `MealSiteKind`, plus day-care centres and institutions that serve homes. */
export const SITE_KINDS = [
  'regionalCentre',
  'streetCentre',
  'communityCentre',
  'dayCareCentre',
  'station',
  'canteen',
  'mealPoint',
  'centralKitchen',
  'institution',
] as const;
export const SiteKindSchema = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKindSchema>;
export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export const MealSchema = z.enum(MEALS);
export type Meal = z.infer<typeof MealSchema>;
export const MEAL_CHANNELS = ['counter', 'preorder', 'worker', 'family'] as const;
export const CREDENTIAL_KINDS = ['card', 'qr', 'idNumber'] as const;
export const DIET_TAGS = ['diabetic', 'lowSalt', 'soft', 'vegetarian', 'halal'] as const;

/** POST /api/meals/sites (HCS-1, HCS-11). */
export const SiteCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: SiteKindSchema,
  regionCode: RegionCodeSchema.refine((code) => code.length >= 9, 'a street or community code'),
  address: z.string().trim().max(200).nullish(),
  location: PointSchema,
  serviceRadiusM: z.int().min(50).max(50_000).default(1000),
  openingHours: z.record(z.string().max(20), z.string().max(40)).default({}),
  mealCapacity: z.int().min(0).max(100_000).nullish(),
  offersMeals: z.boolean().default(false),
  offersDelivery: z.boolean().default(false),
  providerId: IdSchema.nullish(),
  openedOn: IsoDateSchema.nullish(),
});
export type SiteCreateBody = z.infer<typeof SiteCreateBody>;

export const SiteDto = z.object({
  id: IdSchema,
  name: z.string(),
  kind: SiteKindSchema,
  regionCode: z.string(),
  address: z.string().nullable(),
  lng: z.number(),
  lat: z.number(),
  serviceRadiusM: z.number().int(),
  openingHours: z.record(z.string(), z.string()),
  mealCapacity: z.number().int().nullable(),
  offersMeals: z.boolean(),
  offersDelivery: z.boolean(),
  providerId: IdSchema.nullable(),
  status: z.enum(['open', 'closed']),
  openedOn: z.string().nullable(),
});
export type SiteDto = z.infer<typeof SiteDto>;
export const SitePage = page(SiteDto);

export const SiteListQuery = PageQuery.extend({
  regionCode: RegionCodeSchema.optional(),
  kind: SiteKindSchema.optional(),
  offersMeals: z.enum(['true', 'false']).optional(),
});
export type SiteListQuery = z.infer<typeof SiteListQuery>;

/** PUT /api/meals/sites/:id/menus/:date/:meal */
export const MenuParams = z.object({ id: IdSchema, date: IsoDateSchema, meal: MealSchema });
export const MenuBody = z.strictObject({
  dishes: z.array(z.string().trim().min(1).max(40)).min(1).max(12),
  dietTags: z.array(z.enum(DIET_TAGS)).max(5).default([]),
  priceFen: z.int().min(0).max(100_000),
});
export type MenuBody = z.infer<typeof MenuBody>;
export const MenuDto = z.object({
  siteId: IdSchema,
  menuDate: z.string(),
  meal: MealSchema,
  dishes: z.array(z.string()),
  dietTags: z.array(z.string()),
  priceFen: z.number().int(),
});
export type MenuDto = z.infer<typeof MenuDto>;
export const MenuRangeQuery = z.object({ from: IsoDateSchema, to: IsoDateSchema });
export const MenuList = z.object({ items: z.array(MenuDto) });

/** How the elder identifies at the counter: card number, QR payload, or ID number (blind-indexed, ENC-2). */
export const CredentialSchema = z.strictObject({
  kind: z.enum(CREDENTIAL_KINDS),
  value: z.string().trim().min(4).max(80),
});

/** POST /api/meals/orders: a pre-order (elder, family or worker) for a day and meal. */
export const MealOrderBody = z.strictObject({
  siteId: IdSchema,
  elderId: IdSchema,
  mealDate: IsoDateSchema,
  meal: MealSchema,
  channel: z.enum(['preorder', 'worker', 'family']).default('preorder'),
  delivery: z.boolean().default(false),
});
export type MealOrderBody = z.infer<typeof MealOrderBody>;

/** POST /api/meals/redemptions: the counter scans a card or QR, or types an ID number. */
export const RedemptionBody = z.strictObject({
  siteId: IdSchema,
  meal: MealSchema,
  credential: CredentialSchema,
});
export type RedemptionBody = z.infer<typeof RedemptionBody>;

export const MealOrderDto = z.object({
  id: IdSchema,
  siteId: IdSchema,
  elderId: IdSchema,
  mealDate: z.string(),
  meal: MealSchema,
  channel: z.enum(MEAL_CHANNELS),
  delivery: z.boolean(),
  status: z.enum(['ordered', 'redeemed', 'delivered', 'cancelled']),
  priceFen: z.number().int(),
  subsidyFen: z.number().int(),
  payableFen: z.number().int(),
  subsidyBasis: z.string(),
  redeemedVia: z.enum(CREDENTIAL_KINDS).nullable(),
  redeemedAt: z.string().nullable(),
});
export type MealOrderDto = z.infer<typeof MealOrderDto>;

export const RedemptionDto = z.object({
  order: MealOrderDto,
  /** The elder as the counter sees them: name, masked ID, age (to check the face against the card). */
  elder: z.object({ name: z.string(), idNumberMasked: z.string(), age: z.number().int() }),
  /** True when this meal had already been redeemed: nothing new was charged. */
  alreadyRedeemed: z.boolean(),
});
export type RedemptionDto = z.infer<typeof RedemptionDto>;

export const DailyCountDto = z.object({
  siteId: IdSchema,
  siteName: z.string(),
  kind: SiteKindSchema,
  regionCode: z.string(),
  mealDate: z.string(),
  ordered: z.number().int(),
  redeemed: z.number().int(),
  delivered: z.number().int(),
  cancelled: z.number().int(),
  subsidyFen: z.number().int(),
  payableFen: z.number().int(),
});
export type DailyCountDto = z.infer<typeof DailyCountDto>;
export const DailyCountQuery = z.object({
  regionCode: RegionCodeSchema.optional(),
  siteId: IdSchema.optional(),
  from: IsoDateSchema,
  to: IsoDateSchema,
});
export type DailyCountQuery = z.infer<typeof DailyCountQuery>;
export const DailyCountList = z.object({ items: z.array(DailyCountDto) });

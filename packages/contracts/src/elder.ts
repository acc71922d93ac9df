import { z } from 'zod';
import { IsoDateSchema, PageQuery, PointSchema, RegionCodeSchema, page } from './common.ts';

export const DECLARED_CATEGORIES = [
  'extremePoverty',
  'minimumLiving',
  'nearMinimumLiving',
  'familyPlanningSpecial',
  'entitledGroup',
  'heroicAct',
  'leftBehind',
  'severeDisability',
  'dementia',
] as const;
export const ElderCategorySchema = z.enum(DECLARED_CATEGORIES);
export type ElderCategory = z.infer<typeof ElderCategorySchema>;

export const LIVING_SITUATIONS = ['alone', 'coupleOnly', 'withFamily', 'institution', 'unknown'] as const;
export const LivingSituationSchema = z.enum(LIVING_SITUATIONS);
export const ElderStatusSchema = z.enum(['active', 'deceased', 'movedOut']);
export const ContactRoleSchema = z.enum(['guardian', 'emergency', 'family']);
export const SexSchema = z.enum(['male', 'female']);

const NameSchema = z.string().trim().min(1).max(50);

export const ContactInput = z.strictObject({
  name: NameSchema,
  relation: z.string().trim().min(1).max(20),
  role: ContactRoleSchema,
  phone: z.string().max(20),
});

export const CategoryRecordInput = z.strictObject({
  category: ElderCategorySchema,
  source: z.string().trim().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

/** POST /api/elders. ID and phone formats are checked by the domain rules, which name the field. */
export const ElderCreateBody = z.strictObject({
  name: NameSchema,
  idNumber: z.string().max(40),
  phone: z.string().max(20).nullish(),
  hukouRegionCode: RegionCodeSchema.nullish(),
  residenceRegionCode: RegionCodeSchema,
  address: z.string().trim().max(200).nullish(),
  location: PointSchema.nullish(),
  livingSituation: LivingSituationSchema.default('unknown'),
  categories: z.array(CategoryRecordInput).max(20).default([]),
  contacts: z.array(ContactInput).max(10).default([]),
});
export type ElderCreateBody = z.infer<typeof ElderCreateBody>;

export const ElderUpdateBody = z.strictObject({
  name: NameSchema.optional(),
  idNumber: z.string().max(40).optional(),
  phone: z.string().max(20).nullish(),
  hukouRegionCode: RegionCodeSchema.nullish(),
  residenceRegionCode: RegionCodeSchema.optional(),
  address: z.string().trim().max(200).nullish(),
  location: PointSchema.nullish(),
  livingSituation: LivingSituationSchema.optional(),
  categories: z.array(CategoryRecordInput).max(20).optional(),
  contacts: z.array(ContactInput).max(10).optional(),
  status: ElderStatusSchema.optional(),
  statusDate: IsoDateSchema.nullish(),
});
export type ElderUpdateBody = z.infer<typeof ElderUpdateBody>;

export const ContactDto = z.object({
  name: z.string(),
  relation: z.string(),
  role: ContactRoleSchema,
  phone: z.string(),
});

export const ElderDto = z.object({
  id: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked: first 4, eight *, last 4'),
  birthDate: z.string(),
  age: z.number().int(),
  sex: SexSchema,
  phone: z.string().nullable().describe('masked'),
  hukouRegionCode: z.string().nullable(),
  residenceRegionCode: z.string(),
  residenceRegionName: z.string().nullable(),
  address: z.string().nullable(),
  location: PointSchema.nullable(),
  livingSituation: LivingSituationSchema,
  emptyNest: z.boolean(),
  categories: z.array(ElderCategorySchema),
  categoryRecords: z.array(CategoryRecordInput),
  derivedCategories: z.array(z.enum(['advancedAge', 'needy', 'emptyNest'])),
  contacts: z.array(ContactDto),
  status: ElderStatusSchema,
  statusDate: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ElderDto = z.infer<typeof ElderDto>;

export const ElderListItem = ElderDto.pick({
  id: true,
  name: true,
  idNumber: true,
  birthDate: true,
  age: true,
  sex: true,
  phone: true,
  residenceRegionCode: true,
  livingSituation: true,
  categories: true,
  status: true,
});
export type ElderListItem = z.infer<typeof ElderListItem>;

export const AGE_BANDS = ['60-69', '70-79', '80-89', '90+', 'under60'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);

/** Filters shared by the list (query string) and search (POST body: ID numbers and phones never go in URLs). */
export const ElderFilters = z.object({
  regionCode: RegionCodeSchema.optional(),
  category: ElderCategorySchema.optional(),
  ageBand: AgeBandSchema.optional(),
  status: ElderStatusSchema.optional(),
  name: z.string().trim().min(1).max(50).optional(),
});
export const ElderListQuery = ElderFilters.extend(PageQuery.shape);
export type ElderListQuery = z.infer<typeof ElderListQuery>;

export const ElderSearchBody = z.strictObject({
  ...ElderFilters.shape,
  ...PageQuery.shape,
  idNumber: z.string().max(40).optional(),
  phone: z.string().max(20).optional(),
});
export type ElderSearchBody = z.infer<typeof ElderSearchBody>;

export const ElderPage = page(ElderListItem);

export const RevealBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const RevealResponse = z.object({
  idNumber: z.string(),
  phone: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string() })),
});
export type RevealResponse = z.infer<typeof RevealResponse>;

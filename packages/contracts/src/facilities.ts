import { z } from 'zod';
import { DESIGNATIONS, OWNERSHIPS, REGION_DESIGNATIONS, SITE_DESIGNATIONS } from '@kangyang/domain/facilities';
import { IdSchema, IsoDateSchema, RegionCodeSchema } from './common.ts';
import { SiteKindSchema } from './meals.ts';

/** Facility attributes and designations (issue 7, BED-1, KPI-4 declared indicators; migration 0031). */
export const OwnershipSchema = z.enum(OWNERSHIPS);
export const DesignationSchema = z.enum(DESIGNATIONS as [string, ...string[]]);
export const SiteDesignationSchema = z.enum(Object.keys(SITE_DESIGNATIONS) as [string, ...string[]]);
export const RegionDesignationSchema = z.enum(REGION_DESIGNATIONS);

const count = z.int().min(0).max(100_000);
const documentText = z.string().trim().min(1).max(200);

/** PUT /api/facilities/:siteId/attributes: the whole set of figures, with the version it replaces (0: none yet). */
export const FacilityAttributesBody = z.strictObject({
  version: z.int().min(0),
  bedsTotal: count.nullable(),
  nursingBeds: count.nullable(),
  occupiedBeds: count.nullable(),
  ownership: OwnershipSchema.nullable(),
  mealDeliveryVehicles: z.int().min(0).max(10_000).nullable(),
  document: documentText.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type FacilityAttributesBody = z.infer<typeof FacilityAttributesBody>;

export const FacilityAttributesDto = z.object({
  version: z.number().int(),
  bedsTotal: z.number().int().nullable(),
  nursingBeds: z.number().int().nullable(),
  occupiedBeds: z.number().int().nullable(),
  /** `declared` by civil affairs, or computed by a bed module (BED-2) later. */
  bedsSource: z.enum(['declared', 'bedModule']),
  ownership: OwnershipSchema.nullable(),
  mealDeliveryVehicles: z.number().int().nullable(),
  document: z.string().nullable(),
  note: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type FacilityAttributesDto = z.infer<typeof FacilityAttributesDto>;

/** POST /api/facilities/:siteId/designations and POST /api/regions/:code/designations. */
export const DesignationBody = z.strictObject({
  designation: DesignationSchema,
  designatedOn: IsoDateSchema,
  authority: z.string().trim().min(1).max(100),
  document: documentText,
  note: z.string().trim().max(500).nullish(),
});
export type DesignationBody = z.infer<typeof DesignationBody>;

/** DELETE /api/designations/:id: a revocation keeps the designation and records why. */
export const RevokeDesignationBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  revokedOn: IsoDateSchema.optional(),
  document: documentText.nullish(),
});
export type RevokeDesignationBody = z.infer<typeof RevokeDesignationBody>;

export const DesignationDto = z.object({
  id: IdSchema,
  siteId: IdSchema.nullable(),
  regionCode: z.string(),
  designation: DesignationSchema,
  designatedOn: z.string(),
  authority: z.string(),
  document: z.string(),
  note: z.string().nullable(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  revocation: z
    .object({
      revokedOn: z.string(),
      reason: z.string(),
      document: z.string().nullable(),
      revokedBy: z.string(),
      revokedAt: z.string(),
    })
    .nullable(),
});
export type DesignationDto = z.infer<typeof DesignationDto>;
export const DesignationList = z.object({ items: z.array(DesignationDto), total: z.number().int() });
export type DesignationList = z.infer<typeof DesignationList>;

/** A row of the facilities list: the site, its current attributes and designations in force. */
export const FacilityRowDto = z.object({
  id: IdSchema,
  name: z.string(),
  kind: SiteKindSchema,
  regionCode: z.string(),
  address: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  attributes: FacilityAttributesDto.nullable(),
  designations: z.array(DesignationSchema),
});
export type FacilityRowDto = z.infer<typeof FacilityRowDto>;

export const FacilityListQuery = z.object({
  region: RegionCodeSchema.optional(),
  kind: SiteKindSchema.optional(),
});
export type FacilityListQuery = z.infer<typeof FacilityListQuery>;
export const FacilityList = z.object({
  items: z.array(FacilityRowDto),
  total: z.number().int(),
  regionCode: z.string(),
});
export type FacilityList = z.infer<typeof FacilityList>;

/** GET /api/facilities/:siteId: the facility with its attribute history and every designation. */
export const FacilityDetail = FacilityRowDto.extend({
  lng: z.number(),
  lat: z.number(),
  openedOn: z.string().nullable(),
  history: z.array(FacilityAttributesDto),
  designationHistory: z.array(DesignationDto),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;

export const SiteIdParams = z.object({ siteId: IdSchema });

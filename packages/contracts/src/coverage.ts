import { z } from 'zod';
import { IdSchema, PageQuery, RegionCodeSchema, page } from './common.ts';

/** GET /api/coverage/communities: the precomputed 15-minute circle per community (HCS-10). */
export const CoverageQuery = z.object({ regionCode: RegionCodeSchema.optional() });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const CommunityCoverageDto = z.object({
  communityCode: z.string(),
  communityName: z.string().nullable(),
  metres: z.number().int(),
  elders: z.number().int(),
  located: z.number().int(),
  covered: z.number().int(),
  shareBasisPoints: z.number().int(),
  sites: z.number().int(),
  computedAt: z.string(),
});
export type CommunityCoverageDto = z.infer<typeof CommunityCoverageDto>;
export const CoverageList = z.object({
  items: z.array(CommunityCoverageDto),
  totals: z.object({
    elders: z.number().int(),
    located: z.number().int(),
    covered: z.number().int(),
    shareBasisPoints: z.number().int(),
  }),
});
export type CoverageList = z.infer<typeof CoverageList>;

export const CommunityParams = z.object({
  code: RegionCodeSchema.refine((code) => code.length === 12, 'a community code'),
});
export const UncoveredQuery = PageQuery;
export const UncoveredElderDto = z.object({
  elderId: IdSchema,
  /** Masked (张**) for roles without `elder:read` (ENC-3, PRV-4). */
  name: z.string(),
  age: z.number().int(),
  nearestSiteId: IdSchema.nullable(),
  nearestSiteName: z.string().nullable(),
  nearestMetres: z.number().int().nullable(),
});
export type UncoveredElderDto = z.infer<typeof UncoveredElderDto>;
export const UncoveredPage = page(UncoveredElderDto);

/** POST /api/coverage/refresh: recompute a county now (also run by the scheduled job). */
export const CoverageRefreshBody = z.strictObject({
  regionCode: RegionCodeSchema.refine((code) => code.length === 6, 'a county code'),
});
export const CoverageRefreshDto = z.object({
  countyCode: z.string(),
  metres: z.number().int(),
  communities: z.number().int(),
  elders: z.number().int(),
  covered: z.number().int(),
  sites: z.number().int(),
  computeMs: z.number(),
});
export type CoverageRefreshDto = z.infer<typeof CoverageRefreshDto>;

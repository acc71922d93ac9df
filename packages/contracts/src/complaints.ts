import { z } from 'zod';
import { IdSchema, PageQuery, RegionCodeSchema, page } from './common.ts';

export const COMPLAINT_CATEGORIES = [
  'quality',
  'lateness',
  'missedService',
  'attitude',
  'food',
  'billing',
  'safety',
  'other',
] as const;
export const COMPLAINT_STATUS_VALUES = ['open', 'acknowledged', 'responded', 'resolved', 'closed'] as const;
export const ComplaintStatusSchema = z.enum(COMPLAINT_STATUS_VALUES);

/** POST /api/complaints (HCS-9, SUP-2): against a provider or a site; routed to both and the region's supervisor. */
export const ComplaintCreateBody = z
  .strictObject({
    elderId: IdSchema.nullish(),
    complainantKind: z.enum(['elder', 'family', 'staffOnBehalf', 'other']),
    complainantName: z.string().trim().max(50).nullish(),
    providerId: IdSchema.nullish(),
    siteId: IdSchema.nullish(),
    regionCode: RegionCodeSchema.refine((code) => code.length >= 9, 'a street or community code').nullish(),
    category: z.enum(COMPLAINT_CATEGORIES),
    description: z.string().trim().min(1).max(2000),
  })
  .refine((body) => body.providerId || body.siteId, { path: ['providerId'], message: 'a provider or a site' });
export type ComplaintCreateBody = z.infer<typeof ComplaintCreateBody>;

export const ComplaintDto = z.object({
  id: IdSchema,
  regionCode: z.string(),
  elderId: IdSchema.nullable(),
  complainantKind: z.string(),
  complainantName: z.string().nullable(),
  providerId: IdSchema.nullable(),
  siteId: IdSchema.nullable(),
  siteName: z.string().nullable(),
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string(),
  status: ComplaintStatusSchema,
  receivedAt: z.string(),
  deadlineAt: z.string(),
  responseWorkingDays: z.number().int(),
  overdue: z.boolean(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ComplaintDto = z.infer<typeof ComplaintDto>;
export const ComplaintPage = page(ComplaintDto);

export const ComplaintListQuery = PageQuery.extend({
  regionCode: RegionCodeSchema.optional(),
  status: ComplaintStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

/** POST /api/complaints/:id/status: acknowledge, respond (with text), resolve or close. */
export const ComplaintStatusBody = z
  .strictObject({
    status: ComplaintStatusSchema.exclude(['open']),
    response: z.string().trim().min(1).max(2000).nullish(),
    version: z.int().positive(),
  })
  .refine((body) => body.status !== 'responded' || body.response, { path: ['response'], message: 'a response' });
export type ComplaintStatusBody = z.infer<typeof ComplaintStatusBody>;

/**
 * POST /api/complaints/ratings: 1–5 stars for a provider, a site or one home-care visit. A visit names
 * its worker and provider and is rated once; rating it again amends the stars (HCS-9, 0024).
 */
export const RatingBody = z
  .strictObject({
    elderId: IdSchema.nullish(),
    raterKind: z.enum(['elder', 'family', 'staffOnBehalf']),
    providerId: IdSchema.nullish(),
    siteId: IdSchema.nullish(),
    visitId: IdSchema.nullish(),
    stars: z.int().min(1).max(5),
    comment: z.string().trim().max(500).nullish(),
  })
  .refine((body) => body.providerId || body.siteId || body.visitId, {
    path: ['providerId'],
    message: 'a provider, a site or a visit',
  });
export type RatingBody = z.infer<typeof RatingBody>;
export const RatingDto = z.object({
  id: IdSchema,
  providerId: IdSchema.nullable(),
  siteId: IdSchema.nullable(),
  /** A visit rating: the visit and the worker whose rating it moves. */
  visitId: IdSchema.nullable().optional(),
  workerId: IdSchema.nullable().optional(),
  /** True when this rating replaced the visit's earlier stars. */
  amended: z.boolean().optional(),
  stars: z.number().int(),
  /** The target's average after this rating and how many ratings it has. */
  average: z.number(),
  count: z.number().int(),
});
export type RatingDto = z.infer<typeof RatingDto>;

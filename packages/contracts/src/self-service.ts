import { z } from 'zod';
import { IdSchema } from './common.ts';
import { COMPLAINT_CATEGORIES } from './complaints.ts';
import { OrderDto, PriceQuote, ServiceItemDto } from './home-care-core.ts';

/**
 * AZ-8 (issue 6): the elder's own and the family's phone pages under /api/me. Every request names a
 * linked, unrevoked elder (elder_account_links); any other elder answers 404.
 */
export const LINK_RELATIONS = ['self', 'spouse', 'child', 'grandchild', 'sibling', 'other'] as const;

export const MyElderDto = z.object({
  elderId: IdSchema,
  name: z.string(),
  idNumberMasked: z.string(),
  relation: z.enum(LINK_RELATIONS),
});
export const MyElderList = z.object({ items: z.array(MyElderDto) });
export type MyElderDto = z.infer<typeof MyElderDto>;

export const MyElderParams = z.object({ elderId: IdSchema });
export const MyVisitParams = z.object({ elderId: IdSchema, visitId: IdSchema });

export const MyCatalogueItem = ServiceItemDto.pick({
  id: true,
  code: true,
  name: true,
  nameEn: true,
  category: true,
  durationMinutes: true,
}).extend({ quote: PriceQuote });
export const MyCatalogue = z.object({ items: z.array(MyCatalogueItem) });
export type MyCatalogueItem = z.infer<typeof MyCatalogueItem>;

export const MyOrderBody = z.strictObject({
  serviceItemId: IdSchema,
  /** Booked start; omitted = as soon as possible. */
  scheduledFor: z.iso.datetime({ offset: true }).nullish(),
  notes: z.string().trim().max(500).nullish(),
});
export type MyOrderBody = z.infer<typeof MyOrderBody>;

export const MyUrgentBody = z.strictObject({ notes: z.string().trim().max(500).nullish() });
export type MyUrgentBody = z.infer<typeof MyUrgentBody>;

export const MyOrderDto = OrderDto.pick({
  id: true,
  serviceItemId: true,
  serviceName: true,
  channel: true,
  urgency: true,
  status: true,
  scheduledFor: true,
  workerName: true,
  elderPaysFen: true,
  createdAt: true,
}).extend({
  visitId: IdSchema.nullable(),
  visitStatus: z.string().nullable(),
  /** Stars already given to the visit (a visit is rated once). */
  stars: z.int().min(1).max(5).nullable(),
});
export type MyOrderDto = z.infer<typeof MyOrderDto>;
export const MyOrderList = z.object({ items: z.array(MyOrderDto) });

export const MyRatingBody = z.strictObject({
  stars: z.int().min(1).max(5),
  comment: z.string().trim().max(500).nullish(),
});
export type MyRatingBody = z.infer<typeof MyRatingBody>;

export const MyComplaintBody = z.strictObject({
  /** The order complained about: its provider answers, the elder's region supervises. */
  orderId: IdSchema,
  category: z.enum(COMPLAINT_CATEGORIES),
  description: z.string().trim().min(1).max(2000),
});
export type MyComplaintBody = z.infer<typeof MyComplaintBody>;

import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.ts';

/**
 * HCS-3 recurring care-plan visits (issue 6, item 2): a weekly pattern of one catalogue service for
 * one elder. A daily job books the next 7 days of each active plan as orders (channel 'carePlan').
 *
 * HTTP API (under /api/home-care):
 *   POST /care-plans   (Idempotency-Key header) order:write  CarePlanCreateBody → CarePlanDto
 *   GET  /care-plans?elderId                    order:read   CarePlanListQuery → CarePlanList
 *   POST /care-plans/:id/end                    order:write  CarePlanEndBody → CarePlanDto
 */
export const CARE_PLAN_STATUSES = ['active', 'ended'] as const;
export const CarePlanStatusSchema = z.enum(CARE_PLAN_STATUSES);

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);
/** Local time of day in China, 'HH:MM'. */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const CarePlanCreateBody = z
  .strictObject({
    elderId: IdSchema,
    serviceItemId: IdSchema,
    providerId: IdSchema.nullish(),
    weekdays: z
      .array(WeekdaySchema)
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'duplicate weekday' }),
    timeOfDay: TimeOfDaySchema,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema.nullish(),
    notes: z.string().trim().max(500).nullish(),
  })
  .refine((body) => !body.endDate || body.endDate >= body.startDate, {
    message: 'endDate before startDate',
    path: ['endDate'],
  });
export type CarePlanCreateBody = z.infer<typeof CarePlanCreateBody>;

export const CarePlanEndBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export type CarePlanEndBody = z.infer<typeof CarePlanEndBody>;

export const CarePlanListQuery = z.strictObject({ elderId: IdSchema });
export type CarePlanListQuery = z.infer<typeof CarePlanListQuery>;

export const CarePlanDto = z.object({
  id: IdSchema,
  elderId: IdSchema,
  serviceItemId: IdSchema,
  providerId: IdSchema.nullable(),
  weekdays: z.array(WeekdaySchema),
  timeOfDay: TimeOfDaySchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable(),
  status: CarePlanStatusSchema,
  notes: z.string().nullable(),
  endReason: z.string().nullable(),
  createdBy: IdSchema,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});
export type CarePlanDto = z.infer<typeof CarePlanDto>;

export const CarePlanList = z.object({ items: z.array(CarePlanDto) });
export type CarePlanList = z.infer<typeof CarePlanList>;

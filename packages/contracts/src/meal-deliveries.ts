import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.ts';
import { MealSchema } from './meals.ts';

/** GET /api/meals/sites/:id/deliveries (HCS-11): one meal's delivery round from a kitchen or canteen. */
export const DeliveryRoundQuery = z.object({ date: IsoDateSchema, meal: MealSchema });
export type DeliveryRoundQuery = z.infer<typeof DeliveryRoundQuery>;

export const DeliveryStopDto = z.object({
  sequence: z.number().int(),
  orderId: IdSchema,
  elderId: IdSchema,
  /** The driver must know whom to hand the meal to; the ID number stays masked. */
  elderName: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string(),
  legMetres: z.number().int().nullable(),
  status: z.enum(['toDeliver', 'delivered']),
  deliveredAt: z.string().nullable(),
});
export type DeliveryStopDto = z.infer<typeof DeliveryStopDto>;

export const DeliveryRoundDto = z.object({
  siteId: IdSchema,
  siteName: z.string(),
  date: z.string(),
  meal: MealSchema,
  items: z.array(DeliveryStopDto),
  total: z.number().int(),
  delivered: z.number().int(),
  /** Straight-line metres of the whole round (located stops only). */
  roundMetres: z.number().int(),
});
export type DeliveryRoundDto = z.infer<typeof DeliveryRoundDto>;

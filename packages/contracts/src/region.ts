import { z } from 'zod';
import { RegionCodeSchema } from './common.ts';

export const RegionLevelSchema = z.enum(['province', 'city', 'county', 'street', 'community']);

export const RegionDto = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
  centroidLng: z.number().nullable(),
  centroidLat: z.number().nullable(),
});
export type RegionDto = z.infer<typeof RegionDto>;

export const RegionCodeParams = z.object({ code: RegionCodeSchema });
export const RegionList = z.object({ items: z.array(RegionDto), total: z.number().int() });

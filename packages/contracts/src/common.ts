import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;
export const MAX_OFFSET = 10_000;

export const IdSchema = z.uuid();
export const IdParams = z.object({ id: IdSchema });

export const IsoDateSchema = z.iso.date();
export const RegionCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'a 2, 4, 6, 9 or 12-digit division code');

/** API-2: `limit` default 20, at most 200; `offset` at most 10,000. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    field: z.string().optional(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

/** WGS-84 point inside China's bounding box (ID-4). */
export const PointSchema = z.object({
  lng: z.number().min(73.4).max(135.1),
  lat: z.number().min(3.8).max(53.6),
});

export const HealthResponse = z.object({ status: z.enum(['ok', 'draining']) });

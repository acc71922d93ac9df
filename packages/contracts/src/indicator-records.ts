/**
 * KPI-3: the records behind an indicator's number (issue 7), for permitted roles.
 *
 *   GET /api/plans/:profileId/indicators/:indicatorId/records?region=CODE&set=counted|uncounted&page=1&pageSize=20
 *        → IndicatorRecords
 *
 * `set=counted` lists the members of the numerator (or of a count); `uncounted` the denominator's
 * members that were not counted (uncovered elders, streets without a centre, …) where the formula
 * has them. Rows are the same set the rollup refresh counted, as of the current month (or the end
 * of `year`). Elder and worker rows need `elder:read` / `worker:read` in the region from a
 * region-wide grant (else 403 INDICATOR_RECORDS_FORBIDDEN); names are masked, ID numbers never
 * appear, and every such read is audited. A region outside the caller's scope answers 404.
 * An indicator without listable records answers 404 INDICATOR_RECORDS_NONE.
 */
import { z } from 'zod';
import { RegionCodeSchema } from './common.ts';

export const RECORD_KINDS = ['elder', 'worker', 'site', 'region'] as const;
export const RecordSetSchema = z.enum(['counted', 'uncounted']);

export const IndicatorRecordsQuery = z.object({
  region: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  set: RecordSetSchema.default('counted'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IndicatorRecordsQuery = z.infer<typeof IndicatorRecordsQuery>;

/** One row; `values` holds the descriptor's columns (strings, numbers or null). */
export const IndicatorRecordDto = z.object({
  id: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type IndicatorRecordDto = z.infer<typeof IndicatorRecordDto>;

export const IndicatorRecords = z.object({
  indicatorId: z.string(),
  regionCode: z.string(),
  kind: z.enum(RECORD_KINDS),
  set: RecordSetSchema,
  /** The sets this indicator can list. */
  sets: z.array(RecordSetSchema),
  columns: z.array(z.string()),
  /** The day the records are counted on. */
  asOf: z.string(),
  /** True when names are masked (always for personal rows). */
  masked: z.boolean(),
  items: z.array(IndicatorRecordDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type IndicatorRecords = z.infer<typeof IndicatorRecords>;

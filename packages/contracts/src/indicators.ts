/**
 * Plan indicators, region overview, trends and reported values (issue 7, KPI-1 … KPI-10).
 *
 * HTTP API served by apps/server/src/routes/indicators.routes.ts (all JSON unless noted; region
 * scope is applied in the service SQL: a region outside the caller's scope answers 404 NOT_FOUND):
 *
 *   GET  /api/plans/:profileId/indicators?region=CODE&year=YYYY          → IndicatorList
 *        `region` defaults to the caller's scope (or the profile's region when that is inside it);
 *        `year` picks the target to judge against (default: the current year).
 *   GET  /api/plans/:profileId/indicators/:indicatorId/breakdown?region=&year=
 *                                                                        → IndicatorBreakdown
 *        one row per child region (city → districts, district → streets, street → communities).
 *   GET  /api/plans/:profileId/indicators/:indicatorId/trend?region=&from=YYYY-MM&to=YYYY-MM
 *                                                                        → IndicatorTrend
 *   GET  /api/plans/:profileId/indicators/:indicatorId/reported?region=  → ReportedEntryList
 *   POST /api/plans/:profileId/indicators/:indicatorId/reported          body ReportedEntryBody
 *        (Idempotency-Key header; permission `indicator:report`; append-only, audited) → ReportedEntryDto
 *   GET  /api/plans/:profileId/indicators.xlsx?region=&year=             → .xlsx download
 *   GET  /api/plans/:profileId/report.pdf?region=&year=                  → PDF report (charts, zh-CN)
 *   GET  /api/regions/:code/overview                                     → RegionOverview
 *   GET  /api/regions/:code/overview/trend?from=YYYY-MM&to=YYYY-MM       → OverviewTrend
 *   GET  /api/regions/:code/overview.xlsx                                → .xlsx download of the overview
 *   GET  /api/regions/:code/overview.pdf                                 → PDF report (charts, zh-CN)
 *   GET  /api/plans/:profileId/indicators/:indicatorId/records           → see indicator-records.ts (KPI-3)
 *   GET  /api/regions/:code/density?cellMetres=500                       → DensityCells (map layer)
 *   GET  /api/indicators/refresh                                         → RefreshStatus
 *   POST /api/indicators/refresh                                         → RefreshStatus (queues a job)
 *
 * Read routes need permission `dashboard:read`; reported values and refresh need `indicator:report`.
 * Units follow profile-indicators.ts: counts, basis points (5400 = 54 %), per 10,000, "1 per N"
 * (value = N), m² per 100 households, fen.
 */
import { z } from 'zod';
import {
  IndicatorFormulaSchema,
  IndicatorSchema,
  INDICATOR_SOURCES,
  TARGET_OPS,
  UnitSchema,
} from './profile-indicators.ts';
import { IndicatorIdSchema, LocalizedTextSchema, ProfileIdSchema } from './profile-common.ts';
import { RegionCodeSchema } from './common.ts';
import { RegionLevelSchema } from './region.ts';
import { PeriodSchema } from './workers.ts';

/** Traffic light (KPI-2); the rule is documented in packages/domain/src/indicators/status.ts. */
export const INDICATOR_STATUSES = ['met', 'on_track', 'at_risk', 'missed'] as const;
export const IndicatorStatusSchema = z.enum(INDICATOR_STATUSES);
export type IndicatorStatus = z.infer<typeof IndicatorStatusSchema>;

export const IndicatorSourceSchema = z.enum(INDICATOR_SOURCES);

/** A stored profile's indicator list, parsed back (profile detail replies carry it untyped). */
export const PlanIndicatorsSchema = z.array(IndicatorSchema);

/** KPI-10: why a value is null — the records that would feed it do not exist yet. */
export const MissingSourceDto = z.object({
  /** Machine names of the missing record kinds, e.g. `facilities`, `homeCareVisits`, `reportedValue`. */
  records: z.array(z.string()),
  text: LocalizedTextSchema,
});
export type MissingSourceDto = z.infer<typeof MissingSourceDto>;

/** The target judged against (one of the profile's targets, chosen for the requested year). */
export const IndicatorTargetDto = z.object({
  op: z.enum(TARGET_OPS),
  /** In `unit`; for unit perN this is N ("1 per N"). For op `up` it is the baseline. */
  value: z.number(),
  /** Upper bound of a `between` target, else null. */
  max: z.number().nullable(),
  unit: UnitSchema,
  /** Deadline year, or null for a recurring target. */
  year: z.number().int().nullable(),
  recurrence: z.enum(['yearly', 'ongoing']).nullable(),
  part: z.string().nullable(),
  note: z.string().nullable(),
});
export type IndicatorTargetDto = z.infer<typeof IndicatorTargetDto>;

/** Where a declared indicator's value comes from (KPI-4). */
export const ValueFromSchema = z.enum(['records', 'entered']);

export const IndicatorItemDto = z.object({
  /** Clause id, e.g. `001-4`. */
  id: IndicatorIdSchema,
  profileId: ProfileIdSchema,
  name: LocalizedTextSchema,
  formula: IndicatorFormulaSchema,
  /** The formula in words. */
  formulaText: LocalizedTextSchema,
  unit: UnitSchema,
  source: IndicatorSourceSchema,
  target: IndicatorTargetDto,
  /** All targets of the indicator (several deadlines / parts). */
  targets: z.array(IndicatorTargetDto),
  /** Deadline year of `target` (null when recurring). */
  deadline: z.number().int().nullable(),
  regionCode: z.string(),
  /** Value in `unit`; null only together with `missingSource`. */
  value: z.number().nullable(),
  /** Raw parts of a ratio (null for plain counts or when missing). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Null when value is null. */
  status: IndicatorStatusSchema.nullable(),
  missingSource: MissingSourceDto.nullable(),
  /** Declared indicators: computed from facility `records` (migration 0031) or the typed `entered` figure. */
  valueFrom: ValueFromSchema.nullable().optional(),
  /** Month of the rollup the value comes from. */
  period: PeriodSchema.nullable(),
  /** ISO timestamp of the refresh that produced the value (null: never refreshed). */
  lastRefreshedAt: z.string().nullable(),
});
export type IndicatorItemDto = z.infer<typeof IndicatorItemDto>;

export const PlanParams = z.object({ profileId: ProfileIdSchema });
export const IndicatorParams = z.object({ profileId: ProfileIdSchema, indicatorId: IndicatorIdSchema });

export const IndicatorQuery = z.object({
  region: RegionCodeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const IndicatorList = z.object({
  items: z.array(IndicatorItemDto),
  total: z.number().int(),
  profileId: ProfileIdSchema,
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  lastRefreshedAt: z.string().nullable(),
});
export type IndicatorList = z.infer<typeof IndicatorList>;

export const BreakdownRowDto = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: RegionLevelSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: IndicatorStatusSchema.nullable(),
  missingSource: MissingSourceDto.nullable(),
  valueFrom: ValueFromSchema.nullable().optional(),
});
export type BreakdownRowDto = z.infer<typeof BreakdownRowDto>;

/** Drill-down (KPI-3): the indicator for the region, and one row per child region. */
export const IndicatorBreakdown = z.object({
  indicator: IndicatorItemDto,
  items: z.array(BreakdownRowDto),
  total: z.number().int(),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdown>;

export const TrendQuery = z.object({
  region: RegionCodeSchema.optional(),
  from: PeriodSchema.optional(),
  to: PeriodSchema.optional(),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const TrendPointDto = z.object({
  period: PeriodSchema,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type TrendPointDto = z.infer<typeof TrendPointDto>;

export const IndicatorTrend = z.object({
  indicatorId: IndicatorIdSchema,
  regionCode: z.string(),
  unit: UnitSchema,
  points: z.array(TrendPointDto),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

/** KPI-4: a reported figure for one region and year (append-only; the latest entry counts). */
export const ReportedEntryBody = z.strictObject({
  regionCode: RegionCodeSchema,
  year: z.number().int().min(2000).max(2100),
  /** In the indicator's unit (fen for money, basis points for shares, a count otherwise). */
  value: z.number().int().min(0),
  note: z.string().trim().max(500).optional(),
});
export type ReportedEntryBody = z.infer<typeof ReportedEntryBody>;

export const ReportedEntryDto = z.object({
  id: z.uuid(),
  profileId: ProfileIdSchema,
  indicatorId: IndicatorIdSchema,
  regionCode: z.string(),
  year: z.number().int(),
  value: z.number().int(),
  note: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type ReportedEntryDto = z.infer<typeof ReportedEntryDto>;

export const ReportedEntryList = z.object({ items: z.array(ReportedEntryDto), total: z.number().int() });

const CountRow = <K extends z.ZodType>(key: K) => z.object({ key, count: z.number().int() });

export const AGE_BANDS = ['60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);

/** A block of the overview that may lack its source records. */
const Section = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, missingSource: MissingSourceDto.nullable() });

/** KPI-6: the region overview. Money in fen. */
export const RegionOverview = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: RegionLevelSchema,
  period: PeriodSchema,
  lastRefreshedAt: z.string().nullable(),
  elders: z.object({
    /** Active elders (60+). */
    total: z.number().int(),
    byAgeBand: z.array(CountRow(AgeBandSchema)),
    /** Category tag → elders carrying it (an elder may carry several). */
    byCategory: z.array(CountRow(z.string())),
  }),
  /** Current (approved, still valid) capability level → elders. */
  capabilityLevels: z.array(CountRow(z.string())),
  assessmentsThisMonth: z.number().int(),
  services: Section({ visitsThisMonth: z.number().int().nullable(), minutesThisMonth: z.number().int().nullable() }),
  beds: Section({
    total: z.number().int().nullable(),
    occupied: z.number().int().nullable(),
    occupancyBasisPoints: z.number().int().nullable(),
    homeCareBeds: z.number().int().nullable(),
  }),
  subsidies: Section({
    activeEntitlements: z.number().int(),
    paidThisMonthFen: z.number().int(),
    paidYearToDateFen: z.number().int(),
  }),
  alerts: z.array(
    z.object({
      kind: z.string(),
      severity: z.enum(['info', 'warning', 'critical']),
      count: z.number().int(),
      text: LocalizedTextSchema,
    }),
  ),
  /** Child regions with their elder counts (for the drill-down table and the map). */
  children: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), level: RegionLevelSchema, elders: z.number().int() }),
  ),
});
export type RegionOverview = z.infer<typeof RegionOverview>;

export const OverviewTrendQuery = z.object({ from: PeriodSchema.optional(), to: PeriodSchema.optional() });
export const OverviewTrend = z.object({
  regionCode: z.string(),
  points: z.array(
    z.object({
      period: PeriodSchema,
      elders: z.number().int(),
      assessments: z.number().int(),
      activeEntitlements: z.number().int(),
      paidFen: z.number().int(),
      visits: z.number().int().nullable(),
    }),
  ),
});
export type OverviewTrend = z.infer<typeof OverviewTrend>;

/** KPI-7: elder density as aggregated cells — never individual points. Cells under 5 elders are dropped. */
export const DensityQuery = z.object({ cellMetres: z.coerce.number().int().min(200).max(5000).default(500) });
export const DensityCells = z.object({
  regionCode: z.string(),
  cellMetres: z.number().int(),
  cells: z.array(z.object({ lng: z.number(), lat: z.number(), elders: z.number().int() })),
  /** Elders without coordinates (not in any cell). */
  withoutLocation: z.number().int(),
});
export type DensityCells = z.infer<typeof DensityCells>;

export const RefreshStatus = z.object({
  lastRefreshedAt: z.string().nullable(),
  /** True while a refresh job is queued or running. */
  pending: z.boolean(),
  rows: z.number().int(),
});
export type RefreshStatus = z.infer<typeof RefreshStatus>;

import type { DensityCells, OverviewTrend, RegionOverview } from '@kangyang/contracts/indicators';
import { AGE_BANDS } from '@kangyang/contracts/indicators';
import { ELDER_CATEGORIES } from '@kangyang/domain/eligibility';
import { MEASURE, missingSourceText, type RecordSource } from '@kangyang/domain/indicators';
import { addPeriods, periodOf, type Period } from '@kangyang/domain/ledger';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import * as repo from './indicator.repo.ts';
import { densityCells } from './density.repo.ts';
import { regionLookup, scopedRegion } from './indicator-scope.ts';
import type { RollupRefresh } from './rollup-refresh.ts';
import { ttlCache } from './ttl-cache.ts';

type Level = RegionOverview['level'];
const ALERTS = [
  [MEASURE.applicationsPending, 'warning', { zh: '待审核的补贴申请', en: 'Applications awaiting review' }],
  [MEASURE.assessmentsOverdue, 'critical', { zh: '逾期未完成的能力评估', en: 'Overdue capability assessments' }],
  [MEASURE.entitlementReviewsOpen, 'warning', { zh: '待处理的待遇复核', en: 'Open entitlement reviews' }],
] as const;

const missing = (records: RecordSource[]) => ({ records, text: missingSourceText(records) });

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createOverviewService(deps: { db: Db; clock: Clock; audit: AuditService; refresh: RollupRefresh }) {
  const { db, clock, audit } = deps;
  const regions = regionLookup(db, clock);
  const refreshes = ttlCache<repo.LastRefresh | undefined>(5_000, () => clock.now().getTime());
  const lastRefresh = () => refreshes.get(`last@${deps.refresh.generation()}`, () => repo.lastRefresh(db));
  const scoped = (actor: Actor, code: string, action: string) =>
    scopedRegion({ audit, lookup: regions.get }, actor, code, undefined, action);

  const latest = ttlCache<Awaited<ReturnType<typeof repo.latestMeasures>>>(10_000, () => clock.now().getTime());

  async function measuresFor(codes: readonly string[]) {
    const current = periodOf(clock.today());
    const key = `${codes.join(',')}|${current}|${deps.refresh.generation()}`;
    const found = await latest.get(key, () => repo.latestMeasures(db, codes, current));
    const period = found.period ?? current;
    const rows = found.rows;
    const read = (code: string) => (measure: string) =>
      rows.find((row) => row.regionCode === code && row.measure === measure)?.amount ?? 0;
    return { period, read, rows };
  }

  function sections(read: (measure: string) => number, sources: ReadonlySet<string>) {
    const visits = sources.has('homeCareVisits');
    const beds = sources.has('facilities');
    const total = beds ? read(MEASURE.institutionBeds) : null;
    const occupied = beds ? read(MEASURE.occupiedBeds) : null;
    return {
      services: {
        visitsThisMonth: visits ? read(MEASURE.visitsInMonth) : null,
        minutesThisMonth: visits ? read(MEASURE.visitMinutesInMonth) : null,
        missingSource: visits ? null : missing(['homeCareVisits']),
      },
      beds: {
        total,
        occupied,
        occupancyBasisPoints: total && occupied !== null ? Math.floor((occupied * 10_000) / total + 0.5) : null,
        homeCareBeds: sources.has('entitlements') ? read(MEASURE.homeCareBedsActive) : null,
        missingSource: beds ? null : missing(['facilities']),
      },
    };
  }

  return {
    /** KPI-6: the region overview, read from rollups only (primary-key reads). */
    async overview(actor: Actor, code: string): Promise<RegionOverview> {
      const region = await scoped(actor, code, 'region.overview');
      const children = await regions.children(region.code);
      const refresh = await lastRefresh();
      const { period, read: readOf, rows } = await measuresFor([region.code, ...children.map((child) => child.code)]);
      const read = readOf(region.code);
      const levels = rows
        .filter((row) => row.regionCode === region.code && row.measure.startsWith('level.'))
        .map((row) => row.measure)
        .sort();
      return {
        regionCode: region.code,
        regionName: region.name,
        level: region.level as Level,
        period,
        lastRefreshedAt: refresh?.finishedAt.toISOString() ?? null,
        elders: {
          total: read(MEASURE.elders),
          byAgeBand: AGE_BANDS.map((band) => ({ key: band, count: read(MEASURE.ageBand(band)) })),
          byCategory: ELDER_CATEGORIES.map((category) => ({ key: category, count: read(MEASURE.category(category)) })),
        },
        capabilityLevels: levels.map((measure) => ({ key: measure.slice('level.'.length), count: read(measure) })),
        assessmentsThisMonth: read(MEASURE.assessmentsApprovedInMonth),
        ...sections(read, new Set(refresh?.sources ?? [])),
        subsidies: {
          activeEntitlements: read(MEASURE.entitlementsActive),
          paidThisMonthFen: read(MEASURE.paidInMonthFen),
          paidYearToDateFen: read(MEASURE.paidYearToDateFen),
          missingSource: (refresh?.sources ?? []).includes('ledger') ? null : missing(['ledger']),
        },
        alerts: ALERTS.map(([measure, severity, text]) => ({
          kind: measure.slice('alerts.'.length),
          severity,
          count: read(measure),
          text,
        })),
        children: children.map((child) => ({
          regionCode: child.code,
          regionName: child.name,
          level: child.level as Level,
          elders: readOf(child.code)(MEASURE.elders),
        })),
      };
    },

    async trend(
      actor: Actor,
      code: string,
      query: { from?: string | undefined; to?: string | undefined },
    ): Promise<OverviewTrend> {
      const region = await scoped(actor, code, 'region.overviewTrend');
      const to = query.to ?? periodOf(clock.today());
      const from = query.from ?? addPeriods(to as Period, -11);
      const measures = [
        MEASURE.elders,
        MEASURE.assessmentsApprovedInMonth,
        MEASURE.entitlementsActive,
        MEASURE.paidInMonthFen,
        MEASURE.visitsInMonth,
      ];
      const [rows, periods, refresh] = await Promise.all([
        repo.measureSeries(db, region.code, measures, from, to),
        repo.periodsOf(db, region.code, from, to),
        lastRefresh(),
      ]);
      const visits = (refresh?.sources ?? []).includes('homeCareVisits');
      const at = (period: string, measure: string) =>
        rows.find((row) => row.period === period && row.measure === measure)?.amount ?? 0;
      return {
        regionCode: region.code,
        points: periods.map((period) => ({
          period,
          elders: at(period, MEASURE.elders),
          assessments: at(period, MEASURE.assessmentsApprovedInMonth),
          activeEntitlements: at(period, MEASURE.entitlementsActive),
          paidFen: at(period, MEASURE.paidInMonthFen),
          visits: visits ? at(period, MEASURE.visitsInMonth) : null,
        })),
      };
    },

    /** KPI-7: elder density in grid cells (cells under 5 elders are dropped; never single points). */
    async density(actor: Actor, code: string, cellMetres: number): Promise<DensityCells> {
      const region = await scoped(actor, code, 'region.density');
      const result = await densityCells(db, region.code, cellMetres, region.centroidLat ?? 30);
      return { regionCode: region.code, cellMetres, ...result };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;

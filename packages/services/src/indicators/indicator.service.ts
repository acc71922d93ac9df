import { randomUUID } from 'node:crypto';
import type {
  IndicatorBreakdown,
  IndicatorList,
  IndicatorQuery,
  IndicatorTrend,
  RefreshStatus,
  ReportedEntryBody,
  ReportedEntryDto,
  TrendQuery,
} from '@kangyang/contracts/indicators';
import { PlanIndicatorsSchema } from '@kangyang/contracts/indicators';
import type { Indicator } from '@kangyang/contracts/profile-indicators';
import type { ProfileId } from '@kangyang/contracts/profile-common';
import { inAnyScope } from '@kangyang/domain/access';
import { addPeriods, periodOf, type Period } from '@kangyang/domain/ledger';
import type { RecordSource } from '@kangyang/domain/indicators';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ProfileService } from '../profiles/profile.service.ts';
import type { RegionSummary } from '../regions/region.repo.ts';
import * as repo from './indicator.repo.ts';
import { chosenTarget, indicatorItem, judged, type EvaluationContext, type RegionInputs } from './indicator-items.ts';
import { regionLookup, scopedRegion } from './indicator-scope.ts';
import { ttlCache } from './ttl-cache.ts';
import { indicatorWorkbook, renderIndicatorReport } from './indicator-report.ts';
import type { RollupRefresh } from './rollup-refresh.ts';

export type IndicatorServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  profiles: ProfileService;
  refresh: RollupRefresh;
};

type Plan = { profileId: ProfileId; indicators: Indicator[]; startYear: number; regionCode: string };

const toMap = (rows: readonly { key: string; value: number }[]) => new Map(rows.map((row) => [row.key, row.value]));

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createIndicatorService(deps: IndicatorServiceDeps) {
  const { db, clock, audit, profiles } = deps;

  /** Stored profile versions never change, so their parsed indicators are kept by checksum. */
  const parsed = new Map<string, Indicator[]>();
  const now = () => clock.now().getTime();
  const plans = ttlCache<Plan>(60_000, now);
  const refreshes = ttlCache<repo.LastRefresh | undefined>(5_000, now);
  const regions = regionLookup(db, clock);

  const planOf = (profileId: ProfileId): Promise<Plan> =>
    plans.get(`${profileId}@${clock.today()}`, async () => {
      const detail = await profiles.detail(profileId, {});
      let indicators = parsed.get(detail.checksum);
      if (!indicators) {
        indicators = PlanIndicatorsSchema.parse(detail.indicators);
        parsed.set(detail.checksum, indicators);
      }
      return { profileId, indicators, startYear: detail.period.from, regionCode: detail.region.code };
    });

  const lastRefresh = () => refreshes.get(`last@${deps.refresh.generation()}`, () => repo.lastRefresh(db));

  /**
   * Measures and reported values of some regions, and the evaluation context: the month read is the
   * current one for this year, December for a past year (the latest rollup at or before), or `month`.
   */
  async function loadFresh(plan: Plan, codes: readonly string[], year: number, month?: string) {
    const today = clock.today();
    const wanted = month ?? (year >= Number(today.slice(0, 4)) ? periodOf(today) : `${year}-12`);
    const refresh = await lastRefresh();
    const measures = month
      ? { period: month, rows: await repo.measuresOf(db, codes, month) }
      : await repo.latestMeasures(db, codes, wanted);
    const reported = await repo.latestReported(db, plan.profileId, codes, year);
    const ctx: EvaluationContext = {
      profileId: plan.profileId,
      startYear: plan.startYear,
      year,
      today,
      period: measures.period ?? null,
      lastRefreshedAt: refresh?.finishedAt.toISOString() ?? null,
      available: new Set((refresh?.sources ?? []) as RecordSource[]),
    };
    const inputs: RegionInputs[] = codes.map((code) => ({
      regionCode: code,
      measures: toMap(
        measures.rows.filter((row) => row.regionCode === code).map((row) => ({ key: row.measure, value: row.amount })),
      ),
      reported: toMap(
        reported.filter((row) => row.regionCode === code).map((row) => ({ key: row.indicatorId, value: row.value })),
      ),
    }));
    return { ctx, inputs };
  }

  /**
   * Rollups change only when a refresh publishes and reported values when one is entered, so the
   * reads are kept 10 s under a key holding both generations (another server process's entry shows
   * within 10 s).
   */
  const loads = ttlCache<Awaited<ReturnType<typeof loadFresh>>>(10_000, now);
  let reportedGeneration = 0;
  const load = (plan: Plan, codes: readonly string[], year: number, month?: string) =>
    loads.get(
      [plan.profileId, codes.join(','), year, month ?? '', deps.refresh.generation(), reportedGeneration].join('|'),
      () => loadFresh(plan, codes, year, month),
    );

  function indicatorOf(plan: Plan, indicatorId: string): Indicator {
    const indicator = plan.indicators.find((item) => item.id === indicatorId);
    if (!indicator) throw new AppError('NOT_FOUND');
    return indicator;
  }

  const yearOf = (query: { year?: number | undefined }) => query.year ?? Number(clock.today().slice(0, 4));

  return {
    /** KPI-2: every indicator of a plan for one region, judged against the target for the year. */
    async list(actor: Actor, profileId: ProfileId, query: IndicatorQuery): Promise<IndicatorList> {
      const plan = await planOf(profileId);
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        query.region,
        plan.regionCode,
        'indicator.list',
      );
      const year = yearOf(query);
      const {
        ctx,
        inputs: [inputs],
      } = await load(plan, [region.code], year);
      if (!inputs) throw new AppError('NOT_FOUND');
      const items = plan.indicators.map((indicator) => indicatorItem(indicator, inputs, ctx));
      return {
        items,
        total: items.length,
        profileId,
        regionCode: region.code,
        regionName: region.name,
        year,
        lastRefreshedAt: ctx.lastRefreshedAt,
      };
    },

    /** KPI-3: the indicator in each child region (sums of children's numerators and denominators make the parent). */
    async breakdown(
      actor: Actor,
      profileId: ProfileId,
      indicatorId: string,
      query: IndicatorQuery,
    ): Promise<IndicatorBreakdown> {
      const plan = await planOf(profileId);
      const indicator = indicatorOf(plan, indicatorId);
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        query.region,
        plan.regionCode,
        'indicator.breakdown',
      );
      const children: RegionSummary[] = await regions.children(region.code);
      const { ctx, inputs } = await load(plan, [region.code, ...children.map((child) => child.code)], yearOf(query));
      const target = chosenTarget(indicator, ctx.year);
      const [own, ...rest] = inputs;
      if (!own) throw new AppError('NOT_FOUND');
      const items = children.map((child, index) => {
        const childInputs = rest[index] ?? { regionCode: child.code, measures: new Map(), reported: new Map() };
        return {
          regionCode: child.code,
          regionName: child.name,
          level: child.level as 'province' | 'city' | 'county' | 'street' | 'community',
          ...judged(indicator, target, childInputs, ctx),
        };
      });
      return { indicator: indicatorItem(indicator, own, ctx), items, total: items.length };
    },

    /** Monthly values of one indicator for one region (computed indicators only have history). */
    async trend(actor: Actor, profileId: ProfileId, indicatorId: string, query: TrendQuery): Promise<IndicatorTrend> {
      const plan = await planOf(profileId);
      const indicator = indicatorOf(plan, indicatorId);
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        query.region,
        plan.regionCode,
        'indicator.trend',
      );
      const to = query.to ?? periodOf(clock.today());
      const from = query.from ?? addPeriods(to as Period, -11);
      const periods = await repo.periodsOf(db, region.code, from, to);
      const target = chosenTarget(indicator, Number(to.slice(0, 4)));
      const points = [];
      for (const period of periods) {
        const {
          ctx,
          inputs: [inputs],
        } = await load(plan, [region.code], Number(period.slice(0, 4)), period);
        const result = inputs ? judged(indicator, target, inputs, ctx) : undefined;
        points.push({
          period,
          value: result?.value ?? null,
          numerator: result?.numerator ?? null,
          denominator: result?.denominator ?? null,
        });
      }
      return { indicatorId: indicator.id, regionCode: region.code, unit: target.unit, points };
    },

    /** KPI-4: enters a reported or declared figure (append-only, audited). */
    async report(
      actor: Actor,
      profileId: ProfileId,
      indicatorId: string,
      body: ReportedEntryBody,
    ): Promise<ReportedEntryDto> {
      const plan = await planOf(profileId);
      const indicator = indicatorOf(plan, indicatorId);
      if (!inAnyScope(body.regionCode, scopesOf(actor, 'indicator:report'))) {
        await scopedRegion({ audit, lookup: regions.get }, actor, body.regionCode, undefined, 'indicator.report');
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      }
      if (indicator.source === 'computed')
        throw new AppError('INDICATOR_NOT_REPORTABLE', { id: indicator.id }, 'indicatorId');
      const entry = {
        id: randomUUID(),
        profileId,
        indicatorId,
        regionCode: body.regionCode,
        year: body.year,
        value: body.value,
        note: body.note ?? null,
        enteredBy: actor.userId,
        enteredByName: actor.displayName,
        enteredAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insertReported(tx, entry);
        await audit.record(
          actor,
          {
            action: 'indicator.report',
            resourceType: 'indicator',
            resourceIds: [`${profileId}/${indicatorId}`],
            details: { regionCode: body.regionCode, year: body.year, value: body.value },
            chain: body.regionCode.slice(0, 6).padEnd(6, '0'),
          },
          tx,
        );
      });
      reportedGeneration += 1;
      return { ...entry, enteredBy: entry.enteredByName, enteredAt: entry.enteredAt.toISOString() };
    },

    async reported(actor: Actor, profileId: ProfileId, indicatorId: string, query: IndicatorQuery) {
      const plan = await planOf(profileId);
      indicatorOf(plan, indicatorId);
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        query.region,
        plan.regionCode,
        'indicator.reported',
      );
      const rows = await repo.listReported(db, profileId, indicatorId, region.code);
      const items = rows.map((row) => ({
        id: row.id,
        profileId,
        indicatorId,
        regionCode: row.regionCode,
        year: row.year,
        value: row.value,
        note: row.note,
        enteredBy: row.enteredByName,
        enteredAt: row.enteredAt.toISOString(),
      }));
      return { items, total: items.length };
    },

    /** KPI-9: the plan page as .xlsx. */
    async workbook(actor: Actor, profileId: ProfileId, query: IndicatorQuery) {
      const list = await this.list(actor, profileId, query);
      await audit.record(actor, { action: 'indicator.export', resourceType: 'indicator', resourceIds: [profileId] });
      return indicatorWorkbook(list);
    },

    /** KPI-9: the plan page as a PDF report with progress bars and Chinese text. */
    async pdfReport(actor: Actor, profileId: ProfileId, query: IndicatorQuery) {
      const list = await this.list(actor, profileId, query);
      const detail = await profiles.detail(profileId, {});
      await audit.record(actor, {
        action: 'indicator.report.pdf',
        resourceType: 'indicator',
        resourceIds: [profileId],
      });
      return renderIndicatorReport(list, detail.title.zh);
    },

    async refreshStatus(): Promise<RefreshStatus> {
      const last = await lastRefresh();
      return {
        lastRefreshedAt: last?.finishedAt.toISOString() ?? null,
        pending: deps.refresh.isRunning(),
        rows: last?.rowCount ?? 0,
      };
    },

    async requestRefresh(actor: Actor): Promise<RefreshStatus> {
      await deps.refresh.enqueue();
      await audit.record(actor, { action: 'indicator.refresh', resourceType: 'indicator' });
      const status = await this.refreshStatus();
      return { ...status, pending: true };
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

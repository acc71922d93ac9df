import type { CoverageList, CoverageRefreshDto, UncoveredElderDto } from '@kangyang/contracts/coverage';
import {
  DEFAULT_SERVICE_CIRCLE_METRES,
  buildSpatialGrid,
  computeCoverage,
  elderPointsOf,
  shareBasisPoints,
} from '@kangyang/domain/service-circle';
import { inAnyScope } from '@kangyang/domain/access';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { scopesOf } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { listFacilitiesByRegion } from '../service-sites/site.repo.ts';
import * as repo from './coverage.repo.ts';

export const COVERAGE_REFRESH_JOB = 'coverage.refresh';
const PAGE = 10_000;
/** How far the uncovered list looks for the nearest site (planners see "nearest: 1.4 km"). */
const NEAREST_WITHIN_M = 5000;

/** The 15-minute walk in metres for a county: the profile's `rules.serviceCircle.metres`, else the default. */
export type CircleSource = (regionCode: string, date: string) => Promise<number | undefined>;

export type CoverageServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  jobs: JobQueue;
  circleMetres: CircleSource;
  defaultMetres?: number;
};

/** Names for roles without `elder:read` in the community: the family name only (ENC-3, PRV-4). */
export const maskName = (name: string): string =>
  name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(Math.min(3, name.length - 1))}`;

async function loadElderPoints(db: Db, countyCode: string): Promise<repo.ElderPointRow[]> {
  const all: repo.ElderPointRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await repo.elderPointsPage(db, countyCode, after, PAGE);
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page[page.length - 1]?.id ?? null;
  }
}

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createCoverageService(deps: CoverageServiceDeps) {
  const { db, clock, audit } = deps;

  /** HCS-10: recomputes a county's rollups from its elders and open sites (spatial grid, in memory). */
  async function refreshCounty(countyCode: string): Promise<CoverageRefreshDto> {
    const metres =
      (await deps.circleMetres(countyCode, clock.today())) ?? deps.defaultMetres ?? DEFAULT_SERVICE_CIRCLE_METRES;
    const sites = await listFacilitiesByRegion(db, countyCode);
    const rows = await loadElderPoints(db, countyCode);
    const started = performance.now();
    const grid = buildSpatialGrid(sites, metres);
    const points = elderPointsOf(rows);
    const result = computeCoverage(points, grid, metres);
    const computeMs = Math.round((performance.now() - started) * 10) / 10;
    const sitesPerCommunity = new Map<string, number>();
    for (const site of sites) sitesPerCommunity.set(site.regionCode, (sitesPerCommunity.get(site.regionCode) ?? 0) + 1);
    const now = clock.now();
    const rollups = result.byCommunity.map((row) => ({
      countyCode,
      ...row,
      metres,
      sites: sitesPerCommunity.get(row.communityCode) ?? 0,
      computedAt: now,
    }));
    const uncovered: repo.UncoveredInsert[] = [];
    rows.forEach((row, index) => {
      if (result.covered[index] === 1 || row.lat === null || row.lng === null) return;
      const nearest = grid.nearest(row.lat, row.lng, NEAREST_WITHIN_M);
      const site = nearest ? sites[nearest.index] : undefined;
      uncovered.push({
        countyCode,
        communityCode: row.community,
        elderId: row.id,
        nearestSiteId: site?.id ?? null,
        nearestMetres: nearest ? Math.round(nearest.metres) : null,
      });
    });
    await repo.replaceCounty(db, countyCode, rollups, uncovered);
    const covered = rollups.reduce((sum, row) => sum + row.covered, 0);
    return {
      countyCode,
      metres,
      communities: rollups.length,
      elders: rows.length,
      covered,
      sites: sites.length,
      computeMs,
    };
  }

  /** Books the next nightly refresh of a county (deduplicated per county and day). */
  async function schedule(countyCode: string): Promise<boolean> {
    const next = new Date(`${clock.today()}T02:00:00+08:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10);
    return deps.jobs.enqueue({
      kind: COVERAGE_REFRESH_JOB,
      payload: { countyCode },
      runAt: next,
      dedupeKey: `${COVERAGE_REFRESH_JOB}:${countyCode}:${day}`,
    });
  }

  return {
    refreshCounty,

    /** On demand (POST /api/coverage/refresh): the actor must hold the refresh right over the county. */
    async refresh(actor: Actor, countyCode: string): Promise<CoverageRefreshDto> {
      if (!inAnyScope(countyCode, scopesOf(actor, 'coverage:refresh')))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      const summary = await refreshCounty(countyCode);
      await audit.record(actor, {
        action: 'coverage.refresh',
        resourceType: 'coverage',
        resourceIds: [],
        details: { ...summary },
        chain: countyCode,
      });
      return summary;
    },

    /** The job handler: refreshes the county, then books tomorrow's run (02:00 China time) once. */
    async handleJob(payload: unknown): Promise<void> {
      const countyCode = (payload as { countyCode?: unknown }).countyCode;
      if (typeof countyCode !== 'string' || !/^\d{6}$/.test(countyCode))
        throw new Error('coverage job without a county');
      await refreshCounty(countyCode);
      await schedule(countyCode);
    },

    schedule,

    /** Rollups per community under the actor's scope (no elder rows are read). */
    async communities(actor: Actor, regionCode: string | undefined): Promise<CoverageList> {
      const rows = await repo.rollupsUnder(db, scopesOf(actor, 'coverage:read'), regionCode);
      const items = rows.map((row) => ({ ...row, computedAt: row.computedAt.toISOString() }));
      const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const located = sum((row) => row.located);
      const covered = sum((row) => row.covered);
      return {
        items,
        totals: {
          elders: sum((row) => row.elders),
          located,
          covered,
          shareBasisPoints: shareBasisPoints(covered, located),
        },
      };
    },

    /** The planners' list of uncovered elders of one community, farthest first; names masked without `elder:read`. */
    async uncovered(
      actor: Actor,
      communityCode: string,
      limit: number,
      offset: number,
    ): Promise<{ items: UncoveredElderDto[]; total: number }> {
      if (!inAnyScope(communityCode, scopesOf(actor, 'coverage:read'))) {
        await audit.record(actor, {
          action: 'coverage.uncovered',
          resourceType: 'coverage',
          resourceIds: [],
          outcome: 'denied',
          reason: 'outOfScope',
          details: { communityCode },
        });
        throw new AppError('NOT_FOUND');
      }
      const found = await repo.uncoveredPage(db, communityCode, limit, offset);
      const reveal = inAnyScope(communityCode, scopesOf(actor, 'elder:read'));
      const today = clock.today();
      await audit.record(actor, {
        action: 'coverage.uncovered',
        resourceType: 'elder',
        resourceIds: found.items.map((row) => row.elderId),
        details: { communityCode, masked: !reveal },
        chain: communityCode.slice(0, 6),
      });
      const items = found.items.map((row) => ({
        elderId: row.elderId,
        name: reveal ? row.name : maskName(row.name),
        age: ageOn(row.birthDate as IsoDate, today as IsoDate),
        nearestSiteId: row.nearestSiteId,
        nearestSiteName: row.nearestSiteName,
        nearestMetres: row.nearestMetres,
      }));
      return { items, total: found.total };
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;

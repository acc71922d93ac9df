import type {
  AssessmentDto,
  AssessmentListItem,
  AssessmentListQuery,
  CapabilityDto,
  DueListDto,
  DueListQuery,
  ElderAssessmentHistory,
  WorkloadDto,
} from '@kangyang/contracts/assessment-workflow';
import { INSTRUMENTS, levelOf, type InstrumentCode } from '@kangyang/domain/assessment';
import { addDays, capabilityValidity, dueHorizon } from '@kangyang/domain/assessment-workflow';
import { addMonths, type IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AssessmentSettings } from '@kangyang/domain/assessment';
import * as agencyRepo from './agency.repo.ts';
import { actorContext, loadElder, requireAny, type Access } from './assessment-access.ts';
import { toAssessmentDto, toHistoryItem, toListItem } from './assessment-mapper.ts';
import type { SettingsFor } from './assessment-settings.ts';
import type { StepDeps } from './assessment-steps.ts';
import * as repo from './assessment.repo.ts';
import * as views from './assessment-views.repo.ts';

export type ViewDeps = StepDeps & { settingsFor: SettingsFor };

const READERS = ['assessment:read', 'assessment:write', 'assessment:approve', 'assessment:assign'] as const;

/** The reads of ASM-6 and ASM-10: task detail and lists, an elder's history and current level, due list, workload. */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createViewService(deps: ViewDeps) {
  const { db, clock, audit, settingsFor } = deps;

  /** A region filter wholly outside the actor's scopes answers 404, audited (AZ-3). */
  async function checkRegion(actor: Actor, scopes: readonly string[], region: string | undefined, action: string) {
    if (!region || scopes.some((scope) => region.startsWith(scope) || scope.startsWith(region))) return;
    await audit.record(actor, {
      action,
      resourceType: 'assessment',
      outcome: 'denied',
      reason: 'regionOutOfScope',
      details: { regionCode: region },
    });
    throw new AppError('NOT_FOUND');
  }

  return {
    /** The DTO of an assessment the actor already holds access to (after a step, or a read). */
    async dtoOf(access: Pick<Access, 'loaded' | 'workflow'>): Promise<AssessmentDto> {
      const { row } = access.loaded;
      const [assessors, history] = await Promise.all([
        agencyRepo.assessorsByIds(db, row.assessorIds),
        repo.listTransitions(db, row.countyCode, row.id),
      ]);
      return toAssessmentDto(access.loaded, { assessors, history, workflow: access.workflow, today: clock.today() });
    },

    async audited(actor: Actor, access: Access, action: string): Promise<void> {
      const { row, elder } = access.loaded;
      await audit.record(actor, {
        action,
        resourceType: 'assessment',
        resourceIds: [row.id, row.elderId],
        chain: row.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
      });
    },

    /** Tasks the actor may see: by region scope, assignment or agency; `mine` keeps the caller's assigned ones. */
    async list(actor: Actor, query: AssessmentListQuery): Promise<{ items: AssessmentListItem[]; total: number }> {
      await requireAny(audit, actor, READERS, 'assessment.list');
      const context = await actorContext(db, actor);
      await checkRegion(actor, context.visibility.regionScopes, query.region, 'assessment.list');
      const mine = query.mine === 'true';
      const found = await repo.listTasks(
        db,
        {
          visibility: mine ? { ...context.visibility, regionScopes: [], agencyIds: [] } : context.visibility,
          state: query.state,
          region: query.region,
          agencyId: query.agencyId,
        },
        query.limit,
        query.offset,
      );
      await audit.record(actor, {
        action: 'assessment.list',
        resourceType: 'assessment',
        resourceIds: found.items.map((item) => item.row.id),
        details: {
          filters: { state: query.state, region: query.region, agencyId: query.agencyId, mine },
          total: found.total,
        },
      });
      return { items: found.items.map(toListItem), total: found.total };
    },

    /** GET /api/elders/:id/assessments: every assessment of the elder with its levels (trend chart). */
    async elderHistory(actor: Actor, elderId: string): Promise<ElderAssessmentHistory> {
      const elder = await loadElder(deps, actor, elderId, 'assessment:read', 'assessment.history');
      const found = await repo.elderAssessments(db, elder.countyCode, elder.id);
      await audit.record(actor, {
        action: 'assessment.history',
        resourceType: 'assessment',
        resourceIds: [elder.id, ...found.map((row) => row.id)],
        chain: elder.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
      });
      return { elderId, items: found.map(toHistoryItem) };
    },

    /** GET /api/elders/:id/capability: the current level, its validity and grace (§9), and any open task. */
    async capability(actor: Actor, elderId: string, instrument?: InstrumentCode): Promise<CapabilityDto> {
      const elder = await loadElder(deps, actor, elderId, 'elder:read', 'assessment.capability');
      const today = clock.today();
      const settings = await settingsFor(elder.residenceRegionCode, today);
      const code = instrument ?? settings.defaultInstrument;
      const key = { countyCode: elder.countyCode, elderId: elder.id, instrument: code };
      const [approved, open] = await Promise.all([repo.findApprovedFor(db, key), repo.findOpenFor(db, key)]);
      await audit.record(actor, {
        action: 'assessment.capability',
        resourceType: 'assessment',
        resourceIds: [elder.id, ...(approved ? [approved.id] : [])],
        chain: elder.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
      });
      return {
        elderId,
        instrument: code,
        current: approved ? currentOf(approved, today, settings) : null,
        openTask: open
          ? { id: open.id, state: open.state as 'draft', reason: open.reason as 'routine', dueDate: open.dueDate }
          : null,
      };
    },

    /** GET /api/assessments/due: approved results falling due by the horizon, with counts by month (ASM-6). */
    async dueList(actor: Actor, query: DueListQuery): Promise<DueListDto> {
      const scopes = scopesOf(actor, 'assessment:read');
      await checkRegion(actor, scopes, query.region, 'assessment.dueList');
      const today = clock.today();
      const settings = await settingsFor(query.region ?? scopes[0] ?? null, today);
      const horizon = dueHorizon(today, query.months, settings);
      const filter = {
        scopes,
        region: query.region,
        instrument: query.instrument ?? settings.defaultInstrument,
        horizon,
      };
      const [counts, items] = await Promise.all([
        views.dueCounts(db, filter, today, addDays(today, settings.dueSoonDays)),
        views.dueItems(db, filter, query.limit, query.offset),
      ]);
      await audit.record(actor, {
        action: 'assessment.dueList',
        resourceType: 'assessment',
        resourceIds: items.map((item) => item.assessment_id),
        details: { region: query.region ?? null, months: query.months, horizon },
      });
      return {
        today,
        horizon,
        region: query.region ?? null,
        counts: counts.months,
        expired: counts.expired,
        dueSoon: counts.dueSoon,
        total: counts.months.reduce((sum, month) => sum + month.count, 0),
        items: items.map((item) => ({
          elderId: item.elder_id,
          elderName: item.elder_name,
          residenceRegionCode: item.residence_region_code,
          assessmentId: item.assessment_id,
          instrument: item.instrument as InstrumentCode,
          finalLevel: item.final_level,
          validUntil: item.valid_until,
          status: capabilityValidity(item.valid_until as IsoDate, today, settings).status,
          openTaskId: item.open_task_id,
        })),
      };
    },

    /** GET /api/assessments/workload: per agency, open tasks by state, approvals this month, overdue. */
    async workload(actor: Actor, query: { region?: string | undefined }): Promise<WorkloadDto> {
      const scopes = scopesOf(actor, 'assessment:read');
      await checkRegion(actor, scopes, query.region, 'assessment.workload');
      const today = clock.today();
      const month = today.slice(0, 7);
      const monthStart = `${month}-01` as IsoDate;
      const filter = { scopes, region: query.region, monthStart, nextMonthStart: addMonths(monthStart, 1), today };
      const [agencies, counts] = await Promise.all([
        agencyRepo.listAgencies(db, scopes),
        views.workloadRows(db, filter),
      ]);
      const byAgency = new Map(counts.map((row) => [row.agency_id, row]));
      return {
        month,
        agencies: agencies.map((agency) => {
          const row = byAgency.get(agency.id);
          return {
            agencyId: agency.id,
            name: agency.name,
            draft: row?.draft ?? 0,
            submitted: row?.submitted ?? 0,
            returned: row?.returned ?? 0,
            approvedThisMonth: row?.approved_this_month ?? 0,
            overdue: row?.overdue ?? 0,
          };
        }),
      };
    },
  };
}

function currentOf(row: repo.AssessmentRow, today: IsoDate, settings: AssessmentSettings): CapabilityDto['current'] {
  const validUntil = row.validUntil as IsoDate;
  const validity = capabilityValidity(validUntil, today, settings);
  const level = levelOf(row.instrument as InstrumentCode, row.finalLevel ?? '', resultScheme(row));
  return {
    assessmentId: row.id,
    finalLevel: row.finalLevel ?? '',
    finalLevelOrdinal: row.finalLevelOrdinal,
    finalLevelName: level?.name ?? { zh: row.finalLevel ?? '', en: row.finalLevel ?? '' },
    dementia: row.dementia,
    assessmentDate: row.assessmentDate ?? '',
    approvedAt: row.approvedAt?.toISOString() ?? '',
    validUntil,
    ...validity,
    provisional: row.provisional || INSTRUMENTS[row.instrument as InstrumentCode].status === 'provisional',
  };
}

const resultScheme = (row: repo.AssessmentRow): string | undefined =>
  (row.result as { scheme?: string } | null)?.scheme ?? undefined;

export type ViewService = ReturnType<typeof createViewService>;

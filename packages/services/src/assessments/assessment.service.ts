import type { ScoreAssessmentBody } from '@kangyang/contracts/assessment';
import type {
  AssessmentDto,
  AssignBody,
  SaveAnswersBody,
  TaskCreateBody,
  TriggerBody,
} from '@kangyang/contracts/assessment-workflow';
import { DEFAULT_ASSESSMENT_SETTINGS, scoreByCode, type AssessmentScore } from '@kangyang/domain/assessment';
import { addDays } from '@kangyang/domain/assessment-workflow';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { findElder, regionName } from '../elders/elder.repo.ts';
import { createAgencyService } from './agency.service.ts';
import * as agencyRepo from './agency.repo.ts';
import { loadVisible, requireAny, workflowActorOf, type Access } from './assessment-access.ts';
import { reportDataOf } from './assessment-report-data.ts';
import { renderAssessmentReport } from './assessment-report.ts';
import { createSettingsResolver, type SettingsSource } from './assessment-settings.ts';
import { createTaskService, type OpenTaskInput } from './assessment-tasks.ts';
import { createViewService } from './assessment-views.ts';
import { dueWithoutTask } from './assessment-views.repo.ts';
import { createWorkflowService } from './assessment-workflow.service.ts';
import type { AssessmentRow } from './assessment.repo.ts';

export type AssessmentServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** The assessment section of the profile bound to a region (POL-1); defaults apply without it. */
  settingsSource?: SettingsSource | undefined;
};

const ANY_READ = ['assessment:read', 'assessment:write', 'assessment:approve', 'assessment:assign'] as const;
const DUE_BATCH = 200;

/**
 * Capability assessment (assessment.md §3, §9; ASM-1..6, ASM-10): scoring that stores nothing,
 * agencies and assessors, tasks through review to an approved level, and the views on them.
 */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createAssessmentService(deps: AssessmentServiceDeps) {
  const { db, clock, audit } = deps;
  const settingsFor = createSettingsResolver(deps.settingsSource, () => clock.now().getTime());
  const base = { db, clock, audit };
  const tasks = createTaskService({ ...base, settingsFor });
  const workflow = createWorkflowService(base);
  const views = createViewService({ ...base, settingsFor });

  const dtoAfter = (actor: Actor, access: Access, row: AssessmentRow): Promise<AssessmentDto> => {
    const loaded = { ...access.loaded, row };
    return views.dtoOf({ loaded, workflow: workflowActorOf(actor, access.context, loaded) });
  };

  /** Loads what the actor may see (404 audited otherwise), runs one step, answers the new state. */
  async function step(
    actor: Actor,
    id: string,
    action: string,
    run: (access: Access) => Promise<AssessmentRow>,
  ): Promise<AssessmentDto> {
    await requireAny(audit, actor, ANY_READ, `assessment.${action}`); // AZ-3: no assessment role → 403, not 404
    const access = await loadVisible(base, actor, id, `assessment.${action}`);
    return dtoAfter(actor, access, await run(access));
  }

  /** The DTO of a row just written by the actor (no read audit: the write is audited). */
  async function dtoOfNew(actor: Actor, row: AssessmentRow): Promise<AssessmentDto> {
    const access = await loadVisible(base, actor, row.id, 'assessment.read');
    return dtoAfter(actor, access, row);
  }

  return {
    settingsFor,
    agencies: createAgencyService({ ...base, settingsFor }),

    /** POST /api/assessments/score (§3): validates, loads definition and settings, scores, stores nothing. */
    async score(body: ScoreAssessmentBody): Promise<AssessmentScore> {
      const settings = body.regionCode
        ? await settingsFor(body.regionCode, clock.today())
        : DEFAULT_ASSESSMENT_SETTINGS;
      const scored = scoreByCode(body.instrument, body.answers, body.flags, settings);
      if (scored.ok) return scored.value;
      const { code, field, details } = scored.error;
      throw new AppError(code, { field, instrument: body.instrument }, field, details);
    },

    async create(actor: Actor, body: TaskCreateBody): Promise<AssessmentDto> {
      return dtoOfNew(actor, await tasks.create(actor, body));
    },

    /** POST /api/assessments/triggers: an official reports a trigger (§9); an open task is reused. */
    async trigger(actor: Actor, body: TriggerBody): Promise<{ created: boolean; assessment: AssessmentDto }> {
      const { created, row } = await tasks.trigger(actor, body);
      return { created, assessment: await dtoOfNew(actor, row) };
    },

    /**
     * For other modules' services that already authorised their caller (applications on submission,
     * incidents, hospital discharge): opens or reuses the elder's task, unscoped, as the system party.
     */
    triggerTrusted: (actor: Actor, body: TriggerBody) => tasks.trigger(actor, body, { trusted: true }),

    /** For other modules (applications, incidents) that already authorised their caller. */
    openTask: (actor: Actor, input: OpenTaskInput) => tasks.openTask(actor, input),

    /** Opens routine tasks for results falling due within dueSoonDays that have none (§9 "validity ends"). */
    async openDueTasks(actor: Actor, body: { region?: string | undefined }) {
      const scopes = scopesOf(actor, 'assessment:assign');
      if (body.region && !scopes.some((scope) => body.region?.startsWith(scope))) {
        const details = { region: body.region };
        await audit.record(actor, {
          action: 'assessment.openDue',
          resourceType: 'assessment',
          outcome: 'denied',
          reason: 'regionOutOfScope',
          details,
        });
        throw new AppError('NOT_FOUND'); // AZ-3, AZ-4: a region outside the scope is a 404, audited
      }
      const today = clock.today();
      const settings = await settingsFor(body.region ?? scopes[0] ?? null, today);
      const filter = {
        scopes,
        region: body.region,
        instrument: settings.defaultInstrument,
        horizon: addDays(today, settings.dueSoonDays),
      };
      let opened = 0;
      let skipped = 0;
      for (const due of await dueWithoutTask(db, filter, DUE_BATCH)) {
        const elder = await findElder(db, due.elder_id, scopes);
        const input = { reason: 'routine', trigger: 'reassessmentDue', triggerRef: due.id, party: 'official' } as const;
        const done = elder
          ? await tasks.openTask(actor, { ...input, elder }).then(
              () => true,
              () => false,
            )
          : false;
        if (done) opened += 1;
        else skipped += 1;
      }
      return { opened, skipped };
    },

    assign: (actor: Actor, id: string, version: number, body: AssignBody) =>
      step(actor, id, 'assign', (access) => tasks.assign(actor, access, version, body)),
    saveAnswers: (actor: Actor, id: string, version: number, body: SaveAnswersBody) =>
      step(actor, id, 'saveAnswers', (access) => workflow.saveAnswers(actor, access, version, body)),
    sign: (actor: Actor, id: string, version: number) =>
      step(actor, id, 'sign', (access) => workflow.sign(actor, access, version)),
    submit: (actor: Actor, id: string, version: number) =>
      step(actor, id, 'submit', (access) => workflow.submit(actor, access, version)),
    returnTask: (actor: Actor, id: string, version: number, reason: string) =>
      step(actor, id, 'return', (access) => workflow.returnTask(actor, access, version, reason)),
    reopen: (actor: Actor, id: string, version: number) =>
      step(actor, id, 'reopen', (access) => workflow.reopen(actor, access, version)),
    approve: (actor: Actor, id: string, version: number, note?: string) =>
      step(actor, id, 'approve', (access) => workflow.approve(actor, access, version, note)),

    async get(actor: Actor, id: string): Promise<AssessmentDto> {
      await requireAny(audit, actor, ANY_READ, 'assessment.read');
      const access = await loadVisible(base, actor, id, 'assessment.read');
      await views.audited(actor, access, 'assessment.read');
      return views.dtoOf(access);
    },

    /** GET /api/assessments/:id/report.pdf (§4.8): audited like a read. */
    async report(actor: Actor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
      await requireAny(audit, actor, ANY_READ, 'assessment.report');
      const access = await loadVisible(base, actor, id, 'assessment.report');
      const { row, elder } = access.loaded;
      const assessors = await agencyRepo.assessorsByIds(db, row.assessorIds);
      const data = reportDataOf(access.loaded, {
        regionName: await regionName(db, elder.residenceRegionCode),
        assessorNames: new Map(assessors.map((assessor) => [assessor.id, assessor.name])),
        now: clock.now(),
      });
      await views.audited(actor, access, 'assessment.report');
      return { pdf: await renderAssessmentReport(data), fileName: `assessment-${row.id}.pdf` };
    },

    list: views.list,
    elderHistory: views.elderHistory,
    capability: views.capability,
    dueList: views.dueList,
    workload: views.workload,
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;

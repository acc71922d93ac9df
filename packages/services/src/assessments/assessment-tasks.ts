import type { AssignBody, TaskCreateBody, TriggerBody } from '@kangyang/contracts/assessment-workflow';
import { INSTRUMENTS, type AssessmentSettings, type InstrumentCode } from '@kangyang/domain/assessment';
import {
  EMPTY_SUPPORTING_DATA,
  checkAgencyStaffing,
  checkAssessorPair,
  deriveFlags,
  pickAssessorPair,
  taskDueDate,
  type AssessmentReason,
  type AssessorFacts,
  type AssignmentError,
  type Signature,
  type TaskTrigger,
  type WorkflowParty,
} from '@kangyang/domain/assessment-workflow';
import type { IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import { assessorFacts } from './agency.service.ts';
import * as agencyRepo from './agency.repo.ts';
import { decideOrThrow, recordStep, runStep, type StepDeps } from './assessment-steps.ts';
import type { SettingsFor } from './assessment-settings.ts';
import { contentHashOf } from './assessment-mapper.ts';
import { loadElder, loadVisible, type Access } from './assessment-access.ts';
import * as repo from './assessment.repo.ts';

export type TaskDeps = StepDeps & { settingsFor: SettingsFor };

/** What opening a task needs, whoever asks (an official, a trigger, the due list, an application). */
export type OpenTaskInput = {
  elder: ElderRow;
  instrument?: InstrumentCode | undefined;
  reason: AssessmentReason;
  trigger: TaskTrigger;
  triggerRef?: string | undefined;
  triggerDate?: string | undefined;
  agencyId?: string | undefined;
  assessorIds?: readonly string[] | undefined;
  supersedes?: string | undefined;
  party: WorkflowParty;
};

type Routed = { agency: agencyRepo.AgencyRow; pair: readonly [AssessorFacts, AssessorFacts] };

const raise = (error: AssignmentError, min: number): never => {
  throw new AppError(error.code, { problem: error.problem, qualified: error.problem, min }, error.field);
};

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createTaskService(deps: TaskDeps) {
  const { db, clock, settingsFor } = deps;

  /** The agency's staff as facts, with open task counts for balanced assignment. */
  async function staffOf(agencyId: string) {
    const staff = await agencyRepo.assessorsOfAgencies(db, [agencyId]);
    const open = await agencyRepo.openTasksPerAssessor(db, agencyId);
    return staff.map((row) => ({ assessor: assessorFacts(row), openTasks: open.get(row.id) ?? 0 }));
  }

  /** One agency: staffed (§8 minAgencyAssessors) and a valid pair, named or picked (ASM-3). */
  async function routeTo(
    agency: agencyRepo.AgencyRow,
    input: { assessorIds?: readonly string[] | undefined; excluded: readonly string[] },
    settings: AssessmentSettings,
    today: IsoDate,
  ): Promise<Routed | undefined> {
    const loads = await staffOf(agency.id);
    const staffing = checkAgencyStaffing(
      loads.map((entry) => entry.assessor),
      settings.minAgencyAssessors,
      today,
    );
    if (!staffing.ok) return raise(staffing.error, settings.minAgencyAssessors);
    if (input.assessorIds) {
      const byId = new Map(loads.map((entry) => [entry.assessor.id, entry.assessor]));
      const checked = checkAssessorPair(
        agency.id,
        input.assessorIds.map((id) => byId.get(id)),
        today,
        input.excluded,
      );
      if (!checked.ok) return raise(checked.error, settings.minAgencyAssessors);
      return { agency, pair: checked.value };
    }
    const pair = pickAssessorPair(loads, today, input.excluded);
    return pair ? { agency, pair } : undefined;
  }

  /** The named agency, or the least loaded active agency serving the elder's region that can staff the task. */
  async function route(
    elder: ElderRow,
    input: OpenTaskInput,
    excluded: readonly string[],
    settings: AssessmentSettings,
  ) {
    const today = clock.today();
    const region = elder.residenceRegionCode;
    if (input.agencyId) {
      const agency = await agencyRepo.findAgency(db, input.agencyId);
      if (!agency || !agency.active || !region.startsWith(agency.regionCode))
        throw new AppError('VALIDATION_FAILED', { field: 'agencyId', detail: '' }, 'agencyId');
      const routed = await routeTo(agency, { assessorIds: input.assessorIds, excluded }, settings, today);
      if (routed) return routed;
      throw new AppError('ASSESSMENT_ASSESSORS_INVALID', { problem: 'count' }, 'assessorIds');
    }
    const serving = (await agencyRepo.agenciesServing(db, region)).sort(
      (left, right) => left.openTasks - right.openTasks,
    );
    for (const { agency } of serving) {
      const routed = await routeTo(agency, { excluded }, settings, today).catch((error: unknown) => {
        if (error instanceof AppError) return undefined;
        throw error;
      });
      if (routed) return routed;
    }
    throw new AppError('ASSESSMENT_NO_AGENCY', { regionCode: region });
  }

  /** A correction names the approved result it replaces: same elder and instrument, still approved. */
  async function supersededRow(elder: ElderRow, instrument: string, id: string | undefined) {
    if (!id) return undefined;
    const found = await repo.findInCounty(db, elder.countyCode, id);
    if (!found || found.elderId !== elder.id || found.instrument !== instrument || found.state !== 'approved')
      throw new AppError('VALIDATION_FAILED', { field: 'supersedes', detail: '' }, 'supersedes');
    return found;
  }

  async function openTask(actor: Actor, input: OpenTaskInput): Promise<repo.AssessmentRow> {
    const { elder } = input;
    const today = clock.today();
    decideOrThrow(null, 'create', { workflow: { parties: new Set([input.party]), isAssessorOfThis: false } });
    const settings = await settingsFor(elder.residenceRegionCode, today);
    const instrument = input.instrument ?? settings.defaultInstrument;
    const key = { countyCode: elder.countyCode, elderId: elder.id, instrument };
    if (await repo.findOpenFor(db, key)) throw new AppError('ASSESSMENT_OPEN_EXISTS', { instrument });
    const current = await repo.findApprovedFor(db, key);
    const replaced = await supersededRow(elder, instrument, input.supersedes);
    // §9: a dispute goes to two assessors other than those of the disputed result.
    const excluded = input.reason === 'dispute' ? ((replaced ?? current)?.assessorIds ?? []) : [];
    const { agency, pair } = await route(elder, input, excluded, settings);
    const triggerDate = (input.triggerDate ?? today) as IsoDate;
    const definition = INSTRUMENTS[instrument];
    const flags = deriveFlags(EMPTY_SUPPORTING_DATA);
    const now = clock.now();
    const row: repo.AssessmentInsert = {
      countyCode: elder.countyCode,
      id: uuidv7(now.getTime()),
      elderId: elder.id,
      instrument,
      instrumentVersion: definition.revision,
      reason: input.reason,
      trigger: input.trigger,
      triggerRef: input.triggerRef ?? null,
      triggerDate,
      state: 'draft',
      agencyId: agency.id,
      assessorIds: pair.map((assessor) => assessor.id),
      dueDate: taskDueDate(
        { reason: input.reason, triggerDate, currentValidUntil: current?.validUntil as IsoDate | undefined },
        settings,
      ),
      answers: {},
      supporting: EMPTY_SUPPORTING_DATA,
      flags,
      contentHash: contentHashOf(definition.revision, {}, flags),
      signatures: [],
      settings,
      dementia: false,
      provisional: definition.status === 'provisional',
      supersedes: replaced?.id ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return db.transaction(async (tx) => {
      const inserted = await repo.insertAssessment(tx, row);
      const details = { reason: row.reason, trigger: row.trigger, agencyId: agency.id, dueDate: row.dueDate };
      await recordStep(deps, tx, actor, {
        row: inserted,
        elderBlindIndex: elder.idNumberBlindIndex,
        action: 'create',
        fromState: null,
        details: { ...details, supersedes: row.supersedes },
      });
      return inserted;
    });
  }

  return {
    openTask,

    /** POST /api/assessments: an official opens a task for an elder in their scope (ASM-3). */
    async create(actor: Actor, body: TaskCreateBody): Promise<repo.AssessmentRow> {
      const elder = await loadElder(deps, actor, body.elderId, 'assessment:assign', 'assessment.create');
      return openTask(actor, { ...body, elder, party: 'official' });
    },

    /**
     * A trigger (§9): discharge, a level-raising risk event, a new diagnosis, a marked change or an
     * application opens an immediate task (a first one when the elder has no result yet), due
     * `immediateTaskDueDays` later. An open task for the elder is reused. `trusted` is for other
     * modules' services that already authorised the caller (applications, incidents).
     */
    async trigger(actor: Actor, body: TriggerBody, options: { trusted?: boolean } = {}) {
      const permission = options.trusted ? 'system' : 'assessment:assign';
      const elder = await loadElder(deps, actor, body.elderId, permission, 'assessment.create');
      const settings = await settingsFor(elder.residenceRegionCode, clock.today());
      const key = { countyCode: elder.countyCode, elderId: elder.id, instrument: settings.defaultInstrument };
      const open = await repo.findOpenFor(db, key);
      if (open) return { created: false, row: open };
      const hasResult = (await repo.findApprovedFor(db, key)) !== undefined;
      const reason: AssessmentReason = body.trigger === 'application' && !hasResult ? 'first' : 'immediate';
      const party = options.trusted ? 'system' : 'official';
      return { created: true, row: await openTask(actor, { ...body, elder, reason, party }) };
    },

    /** Reassigns the two assessors of a draft (agency within itself; an official may also change the agency). */
    async assign(actor: Actor, access: Access, expectedVersion: number, body: AssignBody): Promise<repo.AssessmentRow> {
      const { row, elder } = access.loaded;
      const agencyId = body.agencyId ?? row.agencyId;
      if (agencyId !== row.agencyId && !access.workflow.parties.has('official'))
        throw new AppError('ASSESSMENT_NOT_YOUR_ROLE', { action: 'assign' });
      decideOrThrow(row.state as 'draft', 'assign', access);
      const elderRow = await loadElder(deps, actor, row.elderId, 'system', 'assessment.assign');
      const replaced = row.supersedes ? await repo.findInCounty(db, row.countyCode, row.supersedes) : undefined;
      const excluded = row.reason === 'dispute' ? (replaced?.assessorIds ?? []) : [];
      const settings = row.settings as AssessmentSettings;
      const { agency, pair } = await route(
        elderRow,
        {
          elder: elderRow,
          reason: row.reason as AssessmentReason,
          trigger: 'manual',
          party: 'official',
          agencyId,
          assessorIds: body.assessorIds,
        },
        excluded,
        settings,
      );
      const ids = pair.map((assessor) => assessor.id);
      const signatures = (row.signatures as Signature[]).filter((signature) => ids.includes(signature.assessorId));
      return runStep(deps, actor, access, {
        action: 'assign',
        expectedVersion,
        patch: { agencyId: agency.id, assessorIds: ids, signatures },
        details: { agencyId: agency.id, assessorIds: ids, elderRegion: elder.residenceRegionCode },
      });
    },

    loadVisible: (actor: Actor, id: string, action: string) => loadVisible(deps, actor, id, action),
  };
}

export type TaskService = ReturnType<typeof createTaskService>;

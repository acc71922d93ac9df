import { z } from 'zod';
import { RISK_EVENT_TYPES } from '@kangyang/domain/assessment';
import {
  ASSESSMENT_REASONS,
  ASSESSMENT_STATES,
  DISEASE_CODES,
  PRESSURE_INJURY_STAGES,
  SPECIAL_CARE,
  TASK_TRIGGERS,
  WORKFLOW_ACTIONS,
} from '@kangyang/domain/assessment-workflow';
import { InstrumentCodeSchema } from './assessment.ts';
import { IdSchema, IsoDateSchema, PageQuery, RegionCodeSchema, page } from './common.ts';

/**
 * The assessment workflow (assessment.md §9, ASM-2..6, ASM-10): agencies and assessors, tasks,
 * answers with supporting data, signatures, submission, review, and the views built on them.
 * Mutations of a task carry `If-Match: "<version>"` (API-5).
 */

export const AssessmentStateSchema = z.enum(ASSESSMENT_STATES);
export const AssessmentReasonSchema = z.enum(ASSESSMENT_REASONS);
export const TaskTriggerSchema = z.enum(TASK_TRIGGERS);

const ShortText = (max: number) => z.string().trim().min(1).max(max);
const ReasonText = ShortText(500);
const RiskCount = z.int().min(0).max(3);

// ---------- agencies and assessors (ASM-2) ----------

export const AgencyCreateBody = z.strictObject({
  name: ShortText(100),
  /** The region the agency serves; tasks of elders there are routed to it. */
  regionCode: RegionCodeSchema,
  creditCode: z.string().trim().max(18).optional(),
  contractValidUntil: IsoDateSchema.optional(),
});
export type AgencyCreateBody = z.infer<typeof AgencyCreateBody>;

export const AssessorCreateBody = z.strictObject({
  name: ShortText(50),
  /** The account the assessor signs with; it must hold the `assessor` role. */
  username: ShortText(64).optional(),
  qualificationNo: ShortText(40),
  qualifiedUntil: IsoDateSchema,
});
export type AssessorCreateBody = z.infer<typeof AssessorCreateBody>;

export const AssessorDto = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  name: z.string(),
  userId: IdSchema.nullable(),
  qualificationNo: z.string(),
  qualifiedUntil: z.string().nullable(),
  active: z.boolean(),
  qualified: z.boolean(),
});
export type AssessorDto = z.infer<typeof AssessorDto>;

export const AgencyDto = z.object({
  id: IdSchema,
  name: z.string(),
  regionCode: z.string(),
  creditCode: z.string().nullable(),
  contractValidUntil: z.string().nullable(),
  qualifiedAssessors: z.int(),
  minAgencyAssessors: z.int(),
  understaffed: z.boolean(),
  assessors: z.array(AssessorDto),
});
export type AgencyDto = z.infer<typeof AgencyDto>;

// ---------- supporting data (§4.7) ----------

export const MedicineSchema = z.strictObject({
  name: ShortText(60),
  route: z.string().trim().max(20),
  dose: z.string().trim().max(40),
  frequency: z.string().trim().max(40),
});

/** 附录A blocks the form collects; the flags are derived from them, never typed (§4.7). */
export const SupportingDataSchema = z.strictObject({
  place: z.string().trim().max(100).optional(),
  informant: z.strictObject({ name: ShortText(50), relation: ShortText(20) }).optional(),
  riskEvents: z
    .strictObject(Object.fromEntries(RISK_EVENT_TYPES.map((type) => [type, RiskCount.optional()])))
    .default({}),
  diseases: z.array(z.enum(DISEASE_CODES)).max(DISEASE_CODES.length).default([]),
  mentalDisorderByPsychiatrist: z.boolean().optional(),
  medicines: z.array(MedicineSchema).max(30).default([]),
  healthProblems: z
    .strictObject({
      pressureInjury: z.enum(PRESSURE_INJURY_STAGES).optional(),
      specialCare: z.array(z.enum(SPECIAL_CARE)).max(SPECIAL_CARE.length).optional(),
      dysphagia: z.boolean().optional(),
      coma: z.boolean().default(false),
    })
    .default({ coma: false }),
});
export type SupportingDataInput = z.infer<typeof SupportingDataSchema>;

/** Item code → points; the domain checks codes and points so that errors carry the assessment codes. */
export const DraftAnswersSchema = z.record(z.string().max(80), z.unknown());

// ---------- task bodies ----------

/** POST /api/assessments: an official opens a task (ASM-3). Agency and assessors are routed when omitted. */
export const TaskCreateBody = z.strictObject({
  elderId: IdSchema,
  instrument: InstrumentCodeSchema.optional(),
  reason: AssessmentReasonSchema,
  trigger: TaskTriggerSchema.default('manual'),
  triggerRef: z.string().trim().max(100).optional(),
  triggerDate: IsoDateSchema.optional(),
  agencyId: IdSchema.optional(),
  assessorIds: z.array(IdSchema).length(2).optional(),
  /** A correction: the approved assessment this one replaces once approved. */
  supersedes: IdSchema.optional(),
});
export type TaskCreateBody = z.infer<typeof TaskCreateBody>;

/** POST /api/assessments/triggers: discharge, risk event, diagnosis or a marked change opens an immediate task. */
export const TriggerBody = z.strictObject({
  elderId: IdSchema,
  trigger: z.enum(['discharge', 'riskEvent', 'diagnosis', 'conditionChange', 'application']),
  triggerDate: IsoDateSchema.optional(),
  triggerRef: z.string().trim().max(100).optional(),
});
export type TriggerBody = z.infer<typeof TriggerBody>;

export const AssignBody = z.strictObject({
  agencyId: IdSchema.optional(),
  assessorIds: z.array(IdSchema).length(2),
});
export type AssignBody = z.infer<typeof AssignBody>;

/** PUT /api/assessments/:id/answers: the whole draft form; a changed content voids both signatures. */
export const SaveAnswersBody = z.strictObject({
  answers: DraftAnswersSchema,
  supporting: SupportingDataSchema.default({
    riskEvents: {},
    diseases: [],
    medicines: [],
    healthProblems: { coma: false },
  }),
  assessmentDate: IsoDateSchema.optional(),
});
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;

export const ReturnBody = z.strictObject({ reason: ReasonText });
export type ReturnBody = z.infer<typeof ReturnBody>;

export const NoteBody = z.strictObject({ note: ReasonText.optional() }).optional();
export type NoteBody = z.infer<typeof NoteBody>;

// ---------- task DTOs ----------

const LevelResult = z.object({
  domainScores: z.record(z.string(), z.number()),
  domainGrades: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  total: z.number().nullable(),
  baseLevel: z.string(),
  finalLevel: z.string(),
  finalLevelOrdinal: z.int().nullable(),
  reasons: z.array(z.object({ rule: z.string(), applied: z.boolean(), detail: z.string().optional() })),
  provisional: z.boolean(),
  scheme: z.string().optional(),
});

export const SignatureDto = z.object({
  assessorId: IdSchema,
  name: z.string(),
  signedAt: z.string(),
  hash: z.string(),
});

export const TransitionDto = z.object({
  seq: z.int(),
  at: z.string(),
  action: z.enum(WORKFLOW_ACTIONS),
  fromState: AssessmentStateSchema.nullable(),
  toState: AssessmentStateSchema,
  actorName: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const AssessmentDto = z.object({
  id: IdSchema,
  elder: z.object({
    id: IdSchema,
    name: z.string(),
    idNumber: z.string(),
    age: z.int(),
    residenceRegionCode: z.string(),
  }),
  instrument: InstrumentCodeSchema,
  instrumentVersion: z.string(),
  reason: AssessmentReasonSchema,
  trigger: TaskTriggerSchema,
  triggerRef: z.string().nullable(),
  triggerDate: z.string(),
  state: AssessmentStateSchema,
  returnReason: z.string().nullable(),
  agency: z.object({ id: IdSchema, name: z.string() }),
  assessors: z.array(z.object({ id: IdSchema, name: z.string() })),
  dueDate: z.string(),
  assessmentDate: z.string().nullable(),
  answers: z.record(z.string(), z.number().nullable()),
  answered: z.object({ answered: z.int(), total: z.int() }),
  supporting: z.record(z.string(), z.unknown()),
  flags: z.record(z.string(), z.unknown()),
  contentHash: z.string(),
  signatures: z.array(SignatureDto),
  result: LevelResult.nullable(),
  settings: z.record(z.string(), z.unknown()),
  provisional: z.boolean(),
  reviewer: z.object({ userId: IdSchema, name: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  supersedes: IdSchema.nullable(),
  supersededBy: IdSchema.nullable(),
  history: z.array(TransitionDto),
  /** What the caller may do now (buttons), from the workflow table. */
  actions: z.array(z.enum(WORKFLOW_ACTIONS)),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentDto = z.infer<typeof AssessmentDto>;

export const AssessmentListItem = z.object({
  id: IdSchema,
  elderId: IdSchema,
  elderName: z.string(),
  residenceRegionCode: z.string(),
  instrument: InstrumentCodeSchema,
  reason: AssessmentReasonSchema,
  trigger: TaskTriggerSchema,
  state: AssessmentStateSchema,
  agencyName: z.string(),
  dueDate: z.string(),
  assessmentDate: z.string().nullable(),
  finalLevel: z.string().nullable(),
  validUntil: z.string().nullable(),
  version: z.int(),
});
export type AssessmentListItem = z.infer<typeof AssessmentListItem>;

export const AssessmentListQuery = PageQuery.extend({
  state: AssessmentStateSchema.optional(),
  region: RegionCodeSchema.optional(),
  agencyId: IdSchema.optional(),
  /** Only the tasks assigned to the caller as an assessor. */
  mine: z.enum(['true', 'false']).optional(),
});
export type AssessmentListQuery = z.infer<typeof AssessmentListQuery>;
export const AssessmentPage = page(AssessmentListItem);

export const TriggerResponse = z.object({ created: z.boolean(), assessment: AssessmentDto });

// ---------- views (ASM-6, ASM-10) ----------

export const ElderAssessmentHistory = z.object({
  elderId: IdSchema,
  items: z.array(
    z.object({
      id: IdSchema,
      instrument: InstrumentCodeSchema,
      instrumentVersion: z.string(),
      reason: AssessmentReasonSchema,
      state: AssessmentStateSchema,
      assessmentDate: z.string().nullable(),
      approvedAt: z.string().nullable(),
      total: z.number().nullable(),
      baseLevel: z.string().nullable(),
      finalLevel: z.string().nullable(),
      finalLevelOrdinal: z.int().nullable(),
      validUntil: z.string().nullable(),
      provisional: z.boolean(),
      supersedes: IdSchema.nullable(),
      supersededBy: IdSchema.nullable(),
    }),
  ),
});
export type ElderAssessmentHistory = z.infer<typeof ElderAssessmentHistory>;

export const CapabilityQuery = z.object({ instrument: InstrumentCodeSchema.optional() });

export const CapabilityDto = z.object({
  elderId: IdSchema,
  instrument: InstrumentCodeSchema,
  current: z
    .object({
      assessmentId: IdSchema,
      finalLevel: z.string(),
      finalLevelOrdinal: z.int().nullable(),
      finalLevelName: z.object({ zh: z.string(), en: z.string() }),
      dementia: z.boolean(),
      assessmentDate: z.string(),
      approvedAt: z.string(),
      validUntil: z.string(),
      status: z.enum(['current', 'dueSoon', 'expiredInGrace', 'expired']),
      expired: z.boolean(),
      countsForEligibility: z.boolean(),
      dueFrom: z.string(),
      graceUntil: z.string(),
      provisional: z.boolean(),
    })
    .nullable(),
  openTask: z
    .object({ id: IdSchema, state: AssessmentStateSchema, reason: AssessmentReasonSchema, dueDate: z.string() })
    .nullable(),
});
export type CapabilityDto = z.infer<typeof CapabilityDto>;

export const DueListQuery = PageQuery.extend({
  region: RegionCodeSchema.optional(),
  months: z.coerce.number().int().min(1).max(24).default(3),
  instrument: InstrumentCodeSchema.optional(),
});
export type DueListQuery = z.infer<typeof DueListQuery>;

export const DueListDto = z.object({
  today: z.string(),
  horizon: z.string(),
  region: z.string().nullable(),
  counts: z.array(z.object({ month: z.string(), count: z.int() })),
  expired: z.int(),
  dueSoon: z.int(),
  total: z.int(),
  items: z.array(
    z.object({
      elderId: IdSchema,
      elderName: z.string(),
      residenceRegionCode: z.string(),
      assessmentId: IdSchema,
      instrument: InstrumentCodeSchema,
      finalLevel: z.string(),
      validUntil: z.string(),
      status: z.enum(['current', 'dueSoon', 'expiredInGrace', 'expired']),
      openTaskId: IdSchema.nullable(),
    }),
  ),
});
export type DueListDto = z.infer<typeof DueListDto>;

export const WorkloadQuery = z.object({ region: RegionCodeSchema.optional() });
export const WorkloadDto = z.object({
  month: z.string(),
  agencies: z.array(
    z.object({
      agencyId: IdSchema,
      name: z.string(),
      draft: z.int(),
      submitted: z.int(),
      returned: z.int(),
      approvedThisMonth: z.int(),
      overdue: z.int(),
    }),
  ),
});
export type WorkloadDto = z.infer<typeof WorkloadDto>;

export const OpenDueTasksBody = z.strictObject({ region: RegionCodeSchema.optional() });
export const OpenDueTasksResponse = z.object({ opened: z.int(), skipped: z.int() });

import { z } from 'zod';
import { ELDER_CATEGORIES, FUNDING_PAYERS, INSTRUMENTS } from '@kangyang/domain/eligibility';
import {
  BasisPointsSchema,
  ClauseIdSchema,
  DeptSchema,
  FenSchema,
  LocalizedTextSchema,
  RuleClauseIdSchema,
} from './profile-common.ts';

/**
 * Rule parameters of a plan profile (architecture.md habit 7). Each object carries the clause it
 * implements and the clause's text; the person-level ones are structurally the domain's
 * `@kangyang/domain/eligibility` rule types.
 */

/** Fields every rule entry has: its clause, the clause in words and, where the text names them, departments. */
const ruleFields = <C extends z.ZodString>(clause: C) => ({
  clause,
  text: LocalizedTextSchema,
  leadDept: DeptSchema.optional(),
  coopDepts: z.array(DeptSchema).optional(),
  /** Cooperating units outside the `Dept` union, as the text names them. */
  otherUnits: z.array(z.string().min(1)).optional(),
  note: z.string().min(1).optional(),
});

const ElderCategorySchema = z.enum(ELDER_CATEGORIES);
const InstrumentSchema = z.enum(INSTRUMENTS);
const AgeSchema = z.int().min(0).max(150);
const LevelOrdinalSchema = z.int().min(0).max(4);

export const FundingShareSchema = z.strictObject({ payer: z.enum(FUNDING_PAYERS), basisPoints: BasisPointsSchema });

/** 000-r1 caregiver post allowance per month by skill level; funding shares sum to 10,000. */
export const CaregiverPostAllowanceSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  monthlyFenBySkillLevel: z.strictObject({
    seniorTechnician: FenSchema,
    technician: FenSchema,
    senior: FenSchema,
    intermediate: FenSchema,
    junior: FenSchema,
  }),
  fundingShares: z
    .array(FundingShareSchema)
    .min(1)
    .refine((shares) => shares.reduce((sum, share) => sum + share.basisPoints, 0) === 10_000, {
      message: 'funding shares must sum to 10000 basis points',
    }),
  /** Days attended in the month for the allowance to be due. */
  minAttendanceDays: z.int().min(0).max(31),
});

/** 000-r2 one-time grant per accepted home care bed. */
export const HomeCareBedSetupGrantSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  amountFen: FenSchema,
  renovatedAmountFen: FenSchema,
  oncePerElder: z.boolean(),
});

/** 000-r3 monthly care subsidy while a home care bed is active. */
export const HomeCareBedCareSubsidySchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  monthlyFen: FenSchema,
});

export const AgeLevelBandSchema = z.strictObject({ minAge: AgeSchema, minLevelOrdinal: LevelOrdinalSchema });

/** 001-r1 home care bed eligibility. */
export const HomeCareBedEligibilitySchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  requireLocalHukou: z.boolean(),
  requireResidenceInRegion: z.boolean(),
  instrument: InstrumentSchema,
  bands: z.array(AgeLevelBandSchema).min(1),
});

/** 004-r2 free basic home care, groups (a) and (b). */
export const FreeBasicHomeCareSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  requireLocalHukou: z.boolean(),
  requireResidenceInRegion: z.boolean(),
  requireLivingAtHome: z.boolean(),
  instrument: InstrumentSchema,
  needsGroup: z.strictObject({
    categories: z.array(ElderCategorySchema).min(1),
    minLevelOrdinal: LevelOrdinalSchema,
    dementiaQualifies: z.boolean(),
  }),
  ageGroup: z.strictObject({
    bands: z.array(z.strictObject({ minAge: AgeSchema, requiredCategory: ElderCategorySchema.optional() })).min(1),
  }),
});

/** 004-r5 promised minutes from order to arrival, and the one-button emergency line. */
export const ResponseTargetSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  minutes: z.int().positive(),
  emergencyHotline: z.string().regex(/^\d{3,8}$/),
});

/** 001-16 the service circle: walking time and its distance equivalent. */
export const ServiceCircleSchema = z.strictObject({
  ...ruleFields(ClauseIdSchema),
  walkingMinutes: z.int().positive(),
  metres: z.int().positive(),
});

/** 004-r1 institutions at or above this many beds set up an infirmary. */
export const InfirmaryRequiredAtBedsSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  minBeds: z.int().positive(),
});

export const VISIT_TARGET_GROUPS = [
  'needy',
  'emptyNest',
  'alone',
  'leftBehind',
  'impaired',
  'dementia',
  'severeDisability',
  'familyPlanningSpecial',
  'advancedAge',
] as const;

/** 000-r5 (and the 001-19 / 002-11 visit rates): groups whom welfare visits target. */
export const WelfareVisitTargetsSchema = z.strictObject({
  ...ruleFields(ClauseIdSchema),
  groups: z.array(z.enum(VISIT_TARGET_GROUPS)).min(1),
  /** Visits each target should get per month, where the plan sets a monthly rate. */
  visitsPerMonth: z.int().positive().optional(),
});

/** 000-r6 the annex: key tasks, each with lead and cooperating units. */
export const TaskAssignmentsSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  tasks: z
    .array(
      z.strictObject({
        no: z.int().positive(),
        task: LocalizedTextSchema,
        leadDepts: z.array(DeptSchema),
        coopDepts: z.array(DeptSchema),
        /** Lead and cooperating units outside the `Dept` union, as the annex names them. */
        otherLeadUnits: z.array(z.string().min(1)).optional(),
        otherCoopUnits: z.array(z.string().min(1)).optional(),
        /** Clauses of this profile the task serves. */
        clauses: z.array(ClauseIdSchema).optional(),
      }),
    )
    .min(1),
});

/** A rule without typed numbers: its clause, text and any descriptive parameters. */
export const DescriptiveRuleSchema = z.strictObject({
  ...ruleFields(RuleClauseIdSchema),
  params: z.record(z.string(), z.json()).optional(),
});

export const RulesSchema = z.strictObject({
  caregiverPostAllowance: CaregiverPostAllowanceSchema.optional(),
  homeCareBedSetupGrant: HomeCareBedSetupGrantSchema.optional(),
  homeCareBedCareSubsidy: HomeCareBedCareSubsidySchema.optional(),
  homeCareBedEligibility: HomeCareBedEligibilitySchema.optional(),
  freeBasicHomeCare: FreeBasicHomeCareSchema.optional(),
  responseTarget: ResponseTargetSchema.optional(),
  serviceCircle: ServiceCircleSchema.optional(),
  infirmaryRequiredAtBeds: InfirmaryRequiredAtBedsSchema.optional(),
  welfareVisitTargets: WelfareVisitTargetsSchema.optional(),
  taskAssignments: TaskAssignmentsSchema.optional(),
  descriptive: z.array(DescriptiveRuleSchema),
});
export type PolicyRules = z.infer<typeof RulesSchema>;
export type TypedRuleKey = Exclude<keyof PolicyRules, 'descriptive'>;
export const TYPED_RULE_KEYS = Object.keys(RulesSchema.shape).filter(
  (key): key is TypedRuleKey => key !== 'descriptive',
);

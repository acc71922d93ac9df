import { z } from 'zod';
import {
  ASSESSMENT_SETTING_RANGES,
  BARTHEL_BAND_SCHEME_IDS,
  CHANGE_RULE_STACKINGS,
  DEFAULT_ASSESSMENT_SETTINGS,
  INSTRUMENT_CODES,
  LTCI_PRESET_IDS,
  RISK_EVENT_COUNTINGS,
  validateLtciOverride,
} from '@kangyang/domain/assessment';
import type { LtciConfiguration } from '@kangyang/domain/assessment';
import { RegionCodeSchema } from './common.ts';

export const InstrumentCodeSchema = z.enum(INSTRUMENT_CODES);
export const ChangeRuleStackingSchema = z.enum(CHANGE_RULE_STACKINGS);
export const RiskEventCountingSchema = z.enum(RISK_EVENT_COUNTINGS);

/**
 * POST /api/assessments/score (assessment.md §3). Deliberately permissive: the instrument code, every
 * answer value and every flag are checked by the domain's `scoreByCode`, which names the precise code
 * and field (`ASSESSMENT_POINTS_INVALID` on `answers.selfCare.eating` for a string "4", and so on).
 */
export const ScoreAssessmentBody = z.object({
  instrument: z.string().max(64),
  answers: z.record(z.string(), z.unknown()),
  flags: z.record(z.string(), z.unknown()).optional(),
  regionCode: RegionCodeSchema.optional(),
});
export type ScoreAssessmentBody = z.infer<typeof ScoreAssessmentBody>;

export const ChangeReasonDto = z.object({
  rule: z.enum(['coma', 'mentalDiagnosis', 'riskEvents']),
  applied: z.boolean(),
  detail: z.string().optional(),
});

/** Response 200 of the scoring API: the domain's `AssessmentScore`. */
export const ScoreAssessmentResponse = z.object({
  instrument: InstrumentCodeSchema,
  instrumentVersion: z.string(),
  domainScores: z.record(z.string(), z.int()),
  /** MZ/T 039: grades 0–3; LTC 2021: grade codes. */
  domainGrades: z.record(z.string(), z.union([z.int(), z.string()])).optional(),
  total: z.int().nullable(),
  baseLevel: z.string(),
  finalLevel: z.string(),
  reasons: z.array(ChangeReasonDto),
  settings: z.object({ changeRuleStacking: ChangeRuleStackingSchema, riskEventCounting: RiskEventCountingSchema }),
  provisional: z.boolean(),
  /** Barthel band scheme or LTC 2021 preset/override id. */
  scheme: z.string().optional(),
});
export type ScoreAssessmentResponse = z.infer<typeof ScoreAssessmentResponse>;

/** One problem of a 400 answer; `error.details` lists them all. */
export const AssessmentProblemDto = z.object({ code: z.string(), field: z.string() });

const LtciBandInput = z.object({ grade: z.string(), min: z.int(), max: z.int() });

/** A region's full LTC 2021 bands and matrix, checked by the domain's `validateLtciOverride` (§7). */
export const LtciOverrideSchema = z
  .object({
    id: z.string().min(1).max(64),
    bands: z.record(z.string(), z.array(LtciBandInput)),
    matrix: z.record(z.string(), z.record(z.string(), z.string())),
  })
  .transform((input, context): LtciConfiguration => {
    const checked = validateLtciOverride(input);
    if (checked.ok) return checked.value.configuration;
    for (const issue of checked.error) {
      context.issues.push({
        code: 'custom',
        input,
        path: issue.path.split('.'),
        message: `${issue.code}: ${issue.detail}`,
      });
    }
    return z.NEVER;
  });

const ltciSetting = z.union([z.enum(LTCI_PRESET_IDS), LtciOverrideSchema]);

const ranged = (range: { readonly min: number; readonly max?: number }) =>
  range.max === undefined ? z.int().min(range.min) : z.int().min(range.min).max(range.max);

const limits = ASSESSMENT_SETTING_RANGES;
const defaults = DEFAULT_ASSESSMENT_SETTINGS;

/** The assessment section of a region or plan profile (§8); absent keys take the platform defaults. */
export const AssessmentSettings = z.object({
  defaultInstrument: InstrumentCodeSchema.default(defaults.defaultInstrument),
  validityMonths: ranged(limits.validityMonths).default(defaults.validityMonths),
  dueSoonDays: ranged(limits.dueSoonDays).default(defaults.dueSoonDays),
  immediateTaskDueDays: ranged(limits.immediateTaskDueDays).default(defaults.immediateTaskDueDays),
  expiredGraceDays: ranged(limits.expiredGraceDays).default(defaults.expiredGraceDays),
  changeRuleStacking: ChangeRuleStackingSchema.default(defaults.changeRuleStacking),
  riskEventCounting: RiskEventCountingSchema.default(defaults.riskEventCounting),
  barthelBandScheme: z.enum(BARTHEL_BAND_SCHEME_IDS).default(defaults.barthelBandScheme),
  ltci: ltciSetting.default(defaults.ltci),
  minAgencyAssessors: ranged(limits.minAgencyAssessors).default(defaults.minAgencyAssessors),
});
export type AssessmentSettings = z.infer<typeof AssessmentSettings>;

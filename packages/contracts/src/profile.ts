import { z } from 'zod';
import { PROGRAMMES } from '@kangyang/domain/eligibility';
import { RegionCodeSchema } from './common.ts';
import { checkProfile } from './profile-checks.ts';
import { LocalizedTextSchema, ProfileDateSchema, ProfileIdSchema } from './profile-common.ts';
import { IndicatorSchema } from './profile-indicators.ts';
import { RulesSchema, TYPED_RULE_KEYS } from './profile-rules.ts';

/**
 * POL-1: one plan of seed-plans.md as versioned data (architecture.md habit 7). Indicators and
 * rules carry their clause ids; every load error names the field's path.
 */

export const ProgrammeSchema = z.enum(PROGRAMMES);

/** Assessment settings of the region (assessment.md §8); owned by the assessment module, kept loose here. */
export const AssessmentSettingsSchema = z.looseObject({
  defaultInstrument: z.string().optional(),
  validityMonths: z.int().min(1).max(36).optional(),
  dueSoonDays: z.int().min(0).max(180).optional(),
  immediateTaskDueDays: z.int().min(1).max(60).optional(),
  expiredGraceDays: z.int().min(0).max(180).optional(),
});

const NamedRegionSchema = z.strictObject({ code: RegionCodeSchema, name: z.string().min(1) });

export const PolicyProfileSchema = z
  .strictObject({
    id: ProfileIdSchema,
    /** Increases with every published change; a profile is selected by effective date. */
    version: z.int().min(1),
    effectiveFrom: ProfileDateSchema,
    title: LocalizedTextSchema,
    /** The issuing document's number (文号) and date, where the text gives them. */
    documentNo: z.string().min(1).optional(),
    issuedOn: ProfileDateSchema.optional(),
    region: z.strictObject({ ...NamedRegionSchema.shape, ancestors: z.array(NamedRegionSchema) }),
    period: z.strictObject({ from: z.int().min(2000).max(2100), to: z.int().min(2000).max(2100) }),
    /** Programmes the profile offers; person-level ones need their typed rule. */
    benefits: z.array(ProgrammeSchema),
    indicators: z.array(IndicatorSchema).min(1),
    rules: RulesSchema,
    assessment: AssessmentSettingsSchema.optional(),
    notes: z.array(z.string().min(1)).optional(),
  })
  .superRefine(checkProfile);

export type PolicyProfile = z.infer<typeof PolicyProfileSchema>;

export type ProfileIssue = { readonly path: string; readonly message: string };
export type ParseProfileResult =
  | { readonly ok: true; readonly profile: PolicyProfile }
  | { readonly ok: false; readonly issues: readonly ProfileIssue[] };

/** Parses a profile (already JSON-decoded); on failure every issue names its field, e.g. `indicators.3.id`. */
export function parseProfile(json: unknown): ParseProfileResult {
  const parsed = PolicyProfileSchema.safeParse(json);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const issues = parsed.error.issues.map((entry) => ({
    path: entry.path.map(String).join('.'),
    message: entry.message,
  }));
  return { ok: false, issues };
}

export type ClauseEntry = { readonly clause: string; readonly kind: string; readonly text: { zh: string; en: string } };

/** Every rule of a profile with its clause and text, typed ones first: for viewers and conformance tests. */
export function ruleClausesOf(profile: PolicyProfile): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  for (const key of TYPED_RULE_KEYS) {
    const rule = profile.rules[key];
    if (rule !== undefined) entries.push({ clause: rule.clause, kind: key, text: rule.text });
  }
  for (const rule of profile.rules.descriptive)
    entries.push({ clause: rule.clause, kind: 'descriptive', text: rule.text });
  return entries;
}

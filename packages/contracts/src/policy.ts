import { z } from 'zod';
import { FUNDING_PAYERS, PROGRAMMES } from '@kangyang/domain/eligibility';
import { IdSchema, IsoDateSchema, RegionCodeSchema } from './common.ts';

/**
 * Stored plan profiles, region bindings and an elder's eligibility (POL-1, POL-2, POL-4). The
 * profile document itself is `PolicyProfileSchema` (profile.ts); these are the API's views of it.
 */

/** A stored profile id (`001`); unknown ids answer 404, not 400. */
export const ProfileIdParams = z.object({ id: z.string().regex(/^\d{3}$/, 'a three-digit profile id such as 001') });

export const AsOfQuery = z.object({ date: IsoDateSchema.optional() });

/** GET /api/profiles/:id: the version in force on `date` (today by default), or the named `version`. */
export const ProfileDetailQuery = AsOfQuery.extend({ version: z.coerce.number().int().min(1).optional() });

const LocalizedText = z.object({ zh: z.string(), en: z.string() });
const NamedRegion = z.object({ code: z.string(), name: z.string() });

export const ProfileVersionDto = z.object({
  profileId: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  checksum: z.string(),
  source: z.string().nullable(),
  loadedAt: z.string(),
  loadedBy: z.string().nullable(),
});
export type ProfileVersionDto = z.infer<typeof ProfileVersionDto>;

export const BindingDto = z.object({
  regionCode: z.string(),
  validFrom: z.string(),
  profileId: z.string(),
  boundAt: z.string(),
});
export type BindingDto = z.infer<typeof BindingDto>;

export const ProfileSummaryDto = z.object({
  id: z.string(),
  title: LocalizedText,
  region: NamedRegion,
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  benefits: z.array(z.string()),
  /** The version in force today, or null when every version starts later. */
  current: ProfileVersionDto.nullable(),
  versions: z.array(ProfileVersionDto),
  bindings: z.array(BindingDto),
});
export type ProfileSummaryDto = z.infer<typeof ProfileSummaryDto>;

export const ProfileList = z.object({ items: z.array(ProfileSummaryDto), total: z.number().int() });
export const ProfileVersionList = z.object({ items: z.array(ProfileVersionDto), total: z.number().int() });

export const ClauseDto = z.object({ clause: z.string(), kind: z.string(), text: LocalizedText });

/** One version's content for the viewer: indicators, rules and every clause id (POL-2). */
export const ProfileDetailDto = z.object({
  id: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  checksum: z.string(),
  loadedAt: z.string(),
  title: LocalizedText,
  documentNo: z.string().nullable(),
  region: NamedRegion.extend({ ancestors: z.array(NamedRegion) }),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  benefits: z.array(z.string()),
  indicators: z.array(z.record(z.string(), z.unknown())),
  rules: z.record(z.string(), z.unknown()),
  clauses: z.array(ClauseDto),
});
export type ProfileDetailDto = z.infer<typeof ProfileDetailDto>;

/** POST /api/profiles: a whole profile document, validated by `parseProfile` so errors name the field. */
export const ProfileLoadBody = z.record(z.string(), z.unknown());

export const ProfileLoadResult = z.object({
  profileId: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  checksum: z.string(),
  /** `unchanged`: the same content was loaded before, nothing was added. */
  status: z.enum(['created', 'unchanged']),
});
export type ProfileLoadResult = z.infer<typeof ProfileLoadResult>;

export const BindingBody = z.strictObject({
  regionCode: RegionCodeSchema,
  profileId: z.string().regex(/^\d{3}$/),
  validFrom: IsoDateSchema,
});
export type BindingBody = z.infer<typeof BindingBody>;

const ProfileRef = z.object({
  id: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  title: LocalizedText,
});

/** GET /api/regions/:code/profile: the binding that applies (own or inherited) and the version in force. */
export const RegionProfileDto = z.object({
  regionCode: z.string(),
  binding: BindingDto,
  inherited: z.boolean(),
  profile: ProfileRef,
});
export type RegionProfileDto = z.infer<typeof RegionProfileDto>;

export const ReasonDto = z.object({
  clause: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const FundingPartDto = z.object({ payer: z.enum(FUNDING_PAYERS), fen: z.number().int() });

export const BenefitDecisionDto = z.object({
  programme: z.enum(PROGRAMMES),
  eligible: z.boolean(),
  reasons: z.array(ReasonDto),
  amount: z.object({ fen: z.number().int(), cadence: z.enum(['monthly', 'oneTime']) }).optional(),
  split: z.array(FundingPartDto).optional(),
});
export type BenefitDecisionDto = z.infer<typeof BenefitDecisionDto>;

export const AssessmentSummaryDto = z.object({
  instrument: z.string(),
  finalLevel: z.string().nullable(),
  finalLevelOrdinal: z.number().int(),
  validUntil: z.string(),
  dementia: z.boolean(),
});

/** GET /api/elders/:id/eligibility: each benefit of the bound profile with reasons citing clauses (POL-4). */
export const EligibilityDto = z.object({
  elderId: IdSchema,
  date: z.string(),
  residenceRegionCode: z.string(),
  binding: BindingDto.nullable(),
  profile: ProfileRef.nullable(),
  assessment: AssessmentSummaryDto.nullable(),
  benefits: z.array(BenefitDecisionDto),
  /** Programmes of the profile paid to institutions, caregivers or operators: not decided per elder. */
  providerBenefits: z.array(z.object({ programme: z.enum(PROGRAMMES), clause: z.string().nullable() })),
});
export type EligibilityDto = z.infer<typeof EligibilityDto>;

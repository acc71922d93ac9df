import type { BasisPoints, Fen } from '../units/index.ts';

/**
 * Rule parameters the eligibility engine reads from a plan profile (architecture.md habit 7).
 * These types mirror the zod output of `@kangyang/contracts/profile-rules` (the contracts test
 * proves a parsed profile is assignable to them); the domain cannot import zod or contracts.
 */

/** A clause id of seed-plans.md: `001-16` for an indicator, `001-r1` for a rule. */
export type ClauseId = string;

export type LocalizedText = { readonly zh: string; readonly en: string };

export const PROGRAMMES = [
  'homeCareBed',
  'homeCareBedCareSubsidy',
  'homeCareBedSetupGrant',
  'freeBasicHomeCare',
  'caregiverPostAllowance',
  'advancedAgeAllowance',
  'serviceSubsidy',
  'chainOperatorReward',
  'stationOperatingSubsidy',
] as const;
/** A benefit a profile can offer (glossary §13 `Programme`). */
export type Programme = (typeof PROGRAMMES)[number];

export const ELDER_CATEGORIES = [
  'extremePoverty',
  'minimumLiving',
  'nearMinimumLiving',
  'leftBehind',
  'dementia',
  'severeDisability',
  'familyPlanningSpecial',
  'entitledGroup',
  'heroicAct',
] as const;
/** Declared category tags of an elder (glossary §2 `ElderCategory`). */
export type ElderCategory = (typeof ELDER_CATEGORIES)[number];

export const INSTRUMENTS = ['gbt42195-2022', 'barthel', 'mzt039-2013', 'ltci-2021'] as const;
/** Capability assessment instrument (glossary §3). */
export type Instrument = (typeof INSTRUMENTS)[number];

export const SKILL_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'seniorTechnician'] as const;
/** Caregiver skill level, 初级工 … 高级技师 (glossary §7 `SkillLevel`). */
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const FUNDING_PAYERS = ['province', 'city', 'county', 'street', 'institution'] as const;
/** Who pays a part of a programme's money (glossary §13 `fundingShare`). */
export type FundingPayer = (typeof FUNDING_PAYERS)[number];

export type FundingShare = { readonly payer: FundingPayer; readonly basisPoints: BasisPoints };

/** An age and capability band: age ≥ minAge with final level ordinal ≥ minLevelOrdinal. */
export type AgeLevelBand = { readonly minAge: number; readonly minLevelOrdinal: number };

/** 001-r1: who may have a home care bed (家庭养老照护床位). */
export type HomeCareBedEligibilityRule = {
  readonly clause: ClauseId;
  readonly requireLocalHukou: boolean;
  readonly requireResidenceInRegion: boolean;
  /** The instrument whose final level counts (assessment.md §1: GB/T 42195 unless named). */
  readonly instrument: Instrument;
  readonly bands: readonly AgeLevelBand[];
};

/** 000-r3: monthly care subsidy for an elder with an active home care bed. */
export type HomeCareBedCareSubsidyRule = {
  readonly clause: ClauseId;
  readonly monthlyFen: Fen;
};

/** 000-r2: one-time grant to the institution that built a home care bed, after acceptance. */
export type HomeCareBedSetupGrantRule = {
  readonly clause: ClauseId;
  readonly amountFen: Fen;
  /** Instead of amountFen where the home already had an aging-friendly or barrier-free renovation. */
  readonly renovatedAmountFen: Fen;
  readonly oncePerElder: boolean;
};

/** 004-r2 (a): listed groups who are moderately or severely disabled or demented. */
export type NeedsGroup = {
  readonly categories: readonly ElderCategory[];
  readonly minLevelOrdinal: number;
  /** When true, a current assessment flagged for (moderate or severe) dementia qualifies on its own. */
  readonly dementiaQualifies: boolean;
};

/** 004-r2 (b): an age threshold, optionally only for one category (70+ in family-planning special families). */
export type AgeBand = { readonly minAge: number; readonly requiredCategory?: ElderCategory | undefined };

/** 004-r2: free basic home care for two groups of local residents living at home. */
export type FreeBasicHomeCareRule = {
  readonly clause: ClauseId;
  readonly requireLocalHukou: boolean;
  readonly requireResidenceInRegion: boolean;
  readonly requireLivingAtHome: boolean;
  readonly instrument: Instrument;
  readonly needsGroup: NeedsGroup;
  readonly ageGroup: { readonly bands: readonly AgeBand[] };
};

export type MonthlyFenBySkillLevel = { readonly [level in SkillLevel]: Fen };

/** 000-r1: caregiver post allowance (养老护理员特殊岗位津贴). */
export type CaregiverPostAllowanceRule = {
  readonly clause: ClauseId;
  readonly monthlyFenBySkillLevel: MonthlyFenBySkillLevel;
  /** Basis points per payer; they sum to 10,000. */
  readonly fundingShares: readonly FundingShare[];
  readonly minAttendanceDays: number;
};

/** The person-level rules of one profile; a parsed `PolicyProfile['rules']` is assignable to it. */
export type EligibilityRules = {
  readonly homeCareBedEligibility?: HomeCareBedEligibilityRule | undefined;
  readonly homeCareBedCareSubsidy?: HomeCareBedCareSubsidyRule | undefined;
  readonly homeCareBedSetupGrant?: HomeCareBedSetupGrantRule | undefined;
  readonly freeBasicHomeCare?: FreeBasicHomeCareRule | undefined;
  readonly caregiverPostAllowance?: CaregiverPostAllowanceRule | undefined;
};

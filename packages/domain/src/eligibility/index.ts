export { decideBenefits } from './decide-benefits.ts';
export { decideHomeCareBed, decideHomeCareBedCareSubsidy, decideHomeCareBedSetupGrant } from './home-care-bed.ts';
export { decideFreeBasicHomeCare } from './free-basic-home-care.ts';
export { decideCaregiverPostAllowance } from './caregiver-post-allowance.ts';
export { splitByShares, WHOLE_BASIS_POINTS } from './funding-split.ts';
export { checkAssessment, dayNumber } from './common-checks.ts';
export { PROGRAMMES, ELDER_CATEGORIES, INSTRUMENTS, SKILL_LEVELS, FUNDING_PAYERS } from './policy-rules.ts';
export type { EligibilityPolicy } from './decide-benefits.ts';
export type { DecisionContext, SetupGrantFacts } from './home-care-bed.ts';
export type { CaregiverFacts } from './caregiver-post-allowance.ts';
export type { AssessmentCheck } from './common-checks.ts';
export type {
  AgeBand,
  AgeLevelBand,
  CaregiverPostAllowanceRule,
  ClauseId,
  ElderCategory,
  EligibilityRules,
  FreeBasicHomeCareRule,
  FundingPayer,
  FundingShare,
  HomeCareBedCareSubsidyRule,
  HomeCareBedEligibilityRule,
  HomeCareBedSetupGrantRule,
  Instrument,
  LocalizedText,
  MonthlyFenBySkillLevel,
  NeedsGroup,
  Programme,
  SkillLevel,
} from './policy-rules.ts';
export type {
  AssessmentFacts,
  BenefitDecision,
  Cadence,
  ElderFacts,
  ElderStatus,
  EligibilityReason,
  FundingPart,
  ReasonCode,
  ReasonParams,
} from './eligibility-types.ts';

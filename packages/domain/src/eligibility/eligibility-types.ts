import type { LivingSituation } from '../elder/index.ts';
import type { Fen, IsoDate } from '../units/index.ts';
import type { ClauseId, ElderCategory, FundingPayer, Instrument, Programme } from './policy-rules.ts';

/** Glossary §2 `ElderStatus`. */
export type ElderStatus = 'active' | 'deceased' | 'movedOut';

/** The elder's current approved assessment, as eligibility needs it (assessment.md §1). */
export type AssessmentFacts = {
  readonly instrument: Instrument;
  /** Final level ordinal 0–4: intact, mild, moderate, severe, complete. */
  readonly finalLevelOrdinal: number;
  /** Moderate or severe dementia found by the designated assessor (004-r3) or diagnosed. */
  readonly dementia: boolean;
  readonly validUntil: IsoDate;
};

export type ElderFacts = {
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
  /** Null when the hukou is not recorded; such an elder never counts as local. */
  readonly hukouRegionCode: string | null;
  readonly residenceRegionCode: string;
  /** Glossary §2; only `institution` (an open stay) counts as not living at home. */
  readonly livingSituation: LivingSituation;
  readonly categories: readonly ElderCategory[];
  readonly status: ElderStatus;
  readonly assessment: AssessmentFacts | null;
  /** An accepted home care bed is in service for this elder (000-r3). */
  readonly hasActiveHomeCareBed: boolean;
};

export type ReasonCode =
  | 'ELDER_DECEASED'
  | 'ELDER_MOVED_OUT'
  | 'NOT_LOCAL_HUKOU'
  | 'NOT_RESIDENT_IN_REGION'
  | 'NOT_LIVING_AT_HOME'
  | 'NO_ASSESSMENT'
  | 'ASSESSMENT_WRONG_INSTRUMENT'
  | 'ASSESSMENT_EXPIRED'
  | 'ASSESSMENT_IN_GRACE'
  | 'BELOW_AGE_LEVEL_BANDS'
  | 'AGE_LEVEL_BAND_MET'
  | 'NO_ACTIVE_HOME_CARE_BED'
  | 'HOME_CARE_BED_ACTIVE'
  | 'NOT_IN_LISTED_CATEGORY'
  | 'LEVEL_BELOW_THRESHOLD'
  | 'NEEDS_GROUP_MET'
  | 'BELOW_AGE_BANDS'
  | 'AGE_GROUP_MET'
  | 'BED_NOT_ACCEPTED'
  | 'ALREADY_GRANTED_FOR_ELDER'
  | 'GRANT_AMOUNT'
  | 'NOT_CAREGIVER'
  | 'NOT_CERTIFIED'
  | 'NOT_IN_REGION_INSTITUTION'
  | 'ATTENDANCE_BELOW_MINIMUM'
  | 'ALLOWANCE_AMOUNT';

export type ReasonParams = Readonly<Record<string, string | number | boolean>>;

/** One reason of a decision; every reason cites the clause that made it. */
export type EligibilityReason = { readonly clause: ClauseId; readonly code: ReasonCode; readonly params: ReasonParams };

export type Cadence = 'monthly' | 'oneTime';

export type FundingPart = { readonly payer: FundingPayer; readonly fen: Fen };

export type BenefitDecision = {
  readonly programme: Programme;
  readonly eligible: boolean;
  /** When not eligible, every failed condition; when eligible, the conditions that qualified. */
  readonly reasons: readonly EligibilityReason[];
  /** Money due when eligible (absent for benefits in kind such as a bed or free service hours). */
  readonly amount?: { readonly fen: Fen; readonly cadence: Cadence } | undefined;
  /** The amount split between payers; the parts sum exactly to the amount. */
  readonly split?: readonly FundingPart[] | undefined;
};

import { ageOn } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import { checkAssessment, regionReasons, statusReasons } from './common-checks.ts';
import type { BenefitDecision, EligibilityReason, ElderFacts } from './eligibility-types.ts';
import type {
  HomeCareBedCareSubsidyRule,
  HomeCareBedEligibilityRule,
  HomeCareBedSetupGrantRule,
} from './policy-rules.ts';

export type DecisionContext = {
  /** The region the profile is bound to; hukou and residence are checked against it. */
  readonly regionCode: string;
  readonly today: IsoDate;
  /** Days an expired assessment still counts (assessment.md §8 `expiredGraceDays`). */
  readonly expiredGraceDays: number;
};

/**
 * 001-r1 home care bed: local hukou AND living in the region AND an age/level band
 * (60+ moderate or worse, or 80+ mild or worse, in plan 001).
 */
export function decideHomeCareBed(
  elder: ElderFacts,
  rule: HomeCareBedEligibilityRule,
  context: DecisionContext,
): BenefitDecision {
  const { clause } = rule;
  const failures: EligibilityReason[] = [...statusReasons(elder, clause)];
  failures.push(...regionReasons(elder, rule, context.regionCode, clause));
  const assessment = checkAssessment(
    elder.assessment,
    rule.instrument,
    context.today,
    context.expiredGraceDays,
    clause,
  );
  const age = ageOn(elder.birthDate, context.today);
  const notes: EligibilityReason[] = [];
  if (assessment.usable === null) {
    failures.push(...assessment.reasons);
  } else {
    notes.push(...assessment.reasons);
    const levelOrdinal = assessment.usable.finalLevelOrdinal;
    const band = rule.bands.find((candidate) => age >= candidate.minAge && levelOrdinal >= candidate.minLevelOrdinal);
    if (band === undefined) {
      failures.push({ clause, code: 'BELOW_AGE_LEVEL_BANDS', params: { age, levelOrdinal } });
    } else {
      const params = { age, levelOrdinal, minAge: band.minAge, minLevelOrdinal: band.minLevelOrdinal };
      notes.push({ clause, code: 'AGE_LEVEL_BAND_MET', params });
    }
  }
  const eligible = failures.length === 0;
  return { programme: 'homeCareBed', eligible, reasons: eligible ? notes : failures };
}

/** 000-r3 home bed care subsidy: a monthly amount while the elder's home care bed is active. */
export function decideHomeCareBedCareSubsidy(elder: ElderFacts, rule: HomeCareBedCareSubsidyRule): BenefitDecision {
  const { clause } = rule;
  const failures = statusReasons(elder, clause);
  if (!elder.hasActiveHomeCareBed) failures.push({ clause, code: 'NO_ACTIVE_HOME_CARE_BED', params: {} });
  if (failures.length > 0) return { programme: 'homeCareBedCareSubsidy', eligible: false, reasons: failures };
  return {
    programme: 'homeCareBedCareSubsidy',
    eligible: true,
    reasons: [{ clause, code: 'HOME_CARE_BED_ACTIVE', params: { monthlyFen: rule.monthlyFen } }],
    amount: { fen: rule.monthlyFen, cadence: 'monthly' },
  };
}

export type SetupGrantFacts = {
  /** The bed passed the acceptance check (验收合格). */
  readonly accepted: boolean;
  /** The home already had an aging-friendly (适老化) or barrier-free (无障碍) renovation. */
  readonly homeRenovated: boolean;
  /** A setup grant was already paid for a bed of this elder. */
  readonly grantedBeforeForElder: boolean;
};

/** 000-r2 home bed setup grant to the building institution: 3,000 yuan, or 2,000 where already renovated. */
export function decideHomeCareBedSetupGrant(facts: SetupGrantFacts, rule: HomeCareBedSetupGrantRule): BenefitDecision {
  const { clause } = rule;
  const failures: EligibilityReason[] = [];
  if (!facts.accepted) failures.push({ clause, code: 'BED_NOT_ACCEPTED', params: {} });
  if (rule.oncePerElder && facts.grantedBeforeForElder) {
    failures.push({ clause, code: 'ALREADY_GRANTED_FOR_ELDER', params: {} });
  }
  if (failures.length > 0) return { programme: 'homeCareBedSetupGrant', eligible: false, reasons: failures };
  const fen = facts.homeRenovated ? rule.renovatedAmountFen : rule.amountFen;
  const params = { fen, homeRenovated: facts.homeRenovated };
  return {
    programme: 'homeCareBedSetupGrant',
    eligible: true,
    reasons: [{ clause, code: 'GRANT_AMOUNT', params }],
    amount: { fen, cadence: 'oneTime' },
  };
}

import type { BenefitDecision, ElderFacts } from './eligibility-types.ts';
import { decideFreeBasicHomeCare } from './free-basic-home-care.ts';
import { decideHomeCareBed, decideHomeCareBedCareSubsidy } from './home-care-bed.ts';
import type { DecisionContext } from './home-care-bed.ts';
import type { EligibilityRules, Programme } from './policy-rules.ts';

/** The part of a plan profile the person-level engine reads; a parsed `PolicyProfile` is assignable to it. */
export type EligibilityPolicy = {
  readonly benefits: readonly Programme[];
  readonly rules: EligibilityRules;
};

/**
 * Every person-level benefit the profile offers, decided for one elder on `today`: 001-r1 home care
 * bed, 000-r3 home bed care subsidy, 004-r2 free basic home care. Programmes paid to providers or
 * caregivers (000-r1, 000-r2) have their own functions.
 */
export function decideBenefits(
  elder: ElderFacts,
  policy: EligibilityPolicy,
  context: DecisionContext,
): BenefitDecision[] {
  const offers = (programme: Programme): boolean => policy.benefits.includes(programme);
  const { homeCareBedEligibility, homeCareBedCareSubsidy, freeBasicHomeCare } = policy.rules;
  const decisions: BenefitDecision[] = [];
  if (offers('homeCareBed') && homeCareBedEligibility !== undefined) {
    decisions.push(decideHomeCareBed(elder, homeCareBedEligibility, context));
  }
  if (offers('homeCareBedCareSubsidy') && homeCareBedCareSubsidy !== undefined) {
    decisions.push(decideHomeCareBedCareSubsidy(elder, homeCareBedCareSubsidy));
  }
  if (offers('freeBasicHomeCare') && freeBasicHomeCare !== undefined) {
    decisions.push(decideFreeBasicHomeCare(elder, freeBasicHomeCare, context));
  }
  return decisions;
}

import { ageOn } from '../units/index.ts';
import { checkAssessment, regionReasons, statusReasons } from './common-checks.ts';
import type { BenefitDecision, EligibilityReason, ElderFacts } from './eligibility-types.ts';
import type { DecisionContext } from './home-care-bed.ts';
import type { FreeBasicHomeCareRule } from './policy-rules.ts';

type GroupResult = { readonly met: boolean; readonly reasons: readonly EligibilityReason[] };

/** 004-r2 (a): a listed category AND moderate/severe disability, or dementia where the rule lets it count. */
function checkNeedsGroup(elder: ElderFacts, rule: FreeBasicHomeCareRule, context: DecisionContext): GroupResult {
  const { clause, needsGroup } = rule;
  const category = needsGroup.categories.find((listed) => elder.categories.includes(listed));
  if (category === undefined) {
    const params = { listed: needsGroup.categories.join(',') };
    return { met: false, reasons: [{ clause, code: 'NOT_IN_LISTED_CATEGORY', params }] };
  }
  const assessment = checkAssessment(
    elder.assessment,
    rule.instrument,
    context.today,
    context.expiredGraceDays,
    clause,
  );
  if (assessment.usable === null) return { met: false, reasons: assessment.reasons };
  const { finalLevelOrdinal: levelOrdinal, dementia } = assessment.usable;
  const byLevel = levelOrdinal >= needsGroup.minLevelOrdinal;
  const byDementia = needsGroup.dementiaQualifies && dementia;
  if (!byLevel && !byDementia) {
    const params = { levelOrdinal, minLevelOrdinal: needsGroup.minLevelOrdinal, dementia };
    return { met: false, reasons: [{ clause, code: 'LEVEL_BELOW_THRESHOLD', params }] };
  }
  const met: EligibilityReason = {
    clause,
    code: 'NEEDS_GROUP_MET',
    params: { category, levelOrdinal, dementia, byDementia: !byLevel },
  };
  return { met: true, reasons: [...assessment.reasons, met] };
}

/** 004-r2 (b): an age band, some only for one category (80+; 70+ in family-planning special families). */
function checkAgeGroup(elder: ElderFacts, rule: FreeBasicHomeCareRule, context: DecisionContext): GroupResult {
  const { clause } = rule;
  const age = ageOn(elder.birthDate, context.today);
  const band = rule.ageGroup.bands.find(
    (candidate) =>
      age >= candidate.minAge &&
      (candidate.requiredCategory === undefined || elder.categories.includes(candidate.requiredCategory)),
  );
  if (band === undefined) return { met: false, reasons: [{ clause, code: 'BELOW_AGE_BANDS', params: { age } }] };
  const params = { age, minAge: band.minAge, requiredCategory: band.requiredCategory ?? '' };
  return { met: true, reasons: [{ clause, code: 'AGE_GROUP_MET', params }] };
}

/** 004-r2 free basic home care: local residents living at home in group (a) or group (b). */
export function decideFreeBasicHomeCare(
  elder: ElderFacts,
  rule: FreeBasicHomeCareRule,
  context: DecisionContext,
): BenefitDecision {
  const { clause } = rule;
  const failures: EligibilityReason[] = [...statusReasons(elder, clause)];
  failures.push(...regionReasons(elder, rule, context.regionCode, clause));
  if (rule.requireLivingAtHome && elder.livingSituation === 'institution') {
    failures.push({ clause, code: 'NOT_LIVING_AT_HOME', params: { livingSituation: elder.livingSituation } });
  }
  const needs = checkNeedsGroup(elder, rule, context);
  const age = checkAgeGroup(elder, rule, context);
  if (!needs.met && !age.met) failures.push(...needs.reasons, ...age.reasons);
  if (failures.length > 0) return { programme: 'freeBasicHomeCare', eligible: false, reasons: failures };
  const reasons = [...(needs.met ? needs.reasons : []), ...(age.met ? age.reasons : [])];
  return { programme: 'freeBasicHomeCare', eligible: true, reasons };
}

import { isWithin } from '../region/index.ts';
import { dateParts } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import type { AssessmentFacts, EligibilityReason, ElderFacts } from './eligibility-types.ts';
import type { ClauseId, Instrument } from './policy-rules.ts';

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian), without any clock or time zone. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Deceased and moved-out elders are never eligible (glossary §2 `ElderStatus`). */
export function statusReasons(elder: ElderFacts, clause: ClauseId): EligibilityReason[] {
  if (elder.status === 'deceased') return [{ clause, code: 'ELDER_DECEASED', params: {} }];
  if (elder.status === 'movedOut') return [{ clause, code: 'ELDER_MOVED_OUT', params: {} }];
  return [];
}

type RegionConditions = { readonly requireLocalHukou: boolean; readonly requireResidenceInRegion: boolean };

/** Local hukou (户籍) and residence inside the profile's region, where the rule asks for them. */
export function regionReasons(
  elder: ElderFacts,
  rule: RegionConditions,
  regionCode: string,
  clause: ClauseId,
): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const hukou = elder.hukouRegionCode;
  if (rule.requireLocalHukou && (hukou === null || !isWithin(hukou, regionCode))) {
    reasons.push({ clause, code: 'NOT_LOCAL_HUKOU', params: { hukouRegionCode: hukou ?? '', regionCode } });
  }
  if (rule.requireResidenceInRegion && !isWithin(elder.residenceRegionCode, regionCode)) {
    const params = { residenceRegionCode: elder.residenceRegionCode, regionCode };
    reasons.push({ clause, code: 'NOT_RESIDENT_IN_REGION', params });
  }
  return reasons;
}

export type AssessmentCheck = {
  /** The assessment that counts today, or null when none does. */
  readonly usable: AssessmentFacts | null;
  /** Why none counts, or ASSESSMENT_IN_GRACE when an expired one still counts. */
  readonly reasons: readonly EligibilityReason[];
};

/**
 * The current assessment counts when it uses the rule's instrument and is unexpired, or expired for
 * at most `expiredGraceDays` days (assessment.md §9). It is valid through `validUntil` itself.
 */
export function checkAssessment(
  assessment: AssessmentFacts | null,
  instrument: Instrument,
  today: IsoDate,
  expiredGraceDays: number,
  clause: ClauseId,
): AssessmentCheck {
  if (assessment === null) return { usable: null, reasons: [{ clause, code: 'NO_ASSESSMENT', params: {} }] };
  if (assessment.instrument !== instrument) {
    const params = { instrument: assessment.instrument, required: instrument };
    return { usable: null, reasons: [{ clause, code: 'ASSESSMENT_WRONG_INSTRUMENT', params }] };
  }
  const daysExpired = dayNumber(today) - dayNumber(assessment.validUntil);
  if (daysExpired <= 0) return { usable: assessment, reasons: [] };
  const params = { validUntil: assessment.validUntil, daysExpired, expiredGraceDays };
  if (daysExpired <= expiredGraceDays) {
    return { usable: assessment, reasons: [{ clause, code: 'ASSESSMENT_IN_GRACE', params }] };
  }
  return { usable: null, reasons: [{ clause, code: 'ASSESSMENT_EXPIRED', params }] };
}

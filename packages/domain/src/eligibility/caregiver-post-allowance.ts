import { isWithin } from '../region/index.ts';
import type { BenefitDecision, EligibilityReason } from './eligibility-types.ts';
import { splitByShares } from './funding-split.ts';
import type { CaregiverPostAllowanceRule, SkillLevel } from './policy-rules.ts';

/** What the allowance needs to know about one caregiver for one month. */
export type CaregiverFacts = {
  /** Glossary §7 `StaffRole`; only `caregiver` qualifies. */
  readonly role: 'caregiver' | 'nurse' | 'doctor' | 'manager' | 'socialWorker' | 'elderCareOfficer';
  /** Skill level of a certificate valid in the month, or null when not certified (glossary §7 `certified`). */
  readonly certifiedSkillLevel: SkillLevel | null;
  /** The caregiver works in an elder-care institution (养老机构), not only in home or community care. */
  readonly worksInInstitution: boolean;
  readonly workplaceRegionCode: string;
  /** Days attended in the month. */
  readonly attendanceDays: number;
};

/**
 * 000-r1 caregiver post allowance for one month: certified caregivers working in an institution
 * of the profile's region, attending at least the rule's minimum days, get the amount of their
 * skill level, split between payers (the city's 50 % in plan 000) by largest-remainder rounding.
 */
export function decideCaregiverPostAllowance(
  caregiver: CaregiverFacts,
  rule: CaregiverPostAllowanceRule,
  regionCode: string,
): BenefitDecision {
  const { clause } = rule;
  const failures: EligibilityReason[] = [];
  if (caregiver.role !== 'caregiver')
    failures.push({ clause, code: 'NOT_CAREGIVER', params: { role: caregiver.role } });
  if (caregiver.certifiedSkillLevel === null) failures.push({ clause, code: 'NOT_CERTIFIED', params: {} });
  if (!caregiver.worksInInstitution || !isWithin(caregiver.workplaceRegionCode, regionCode)) {
    const params = {
      worksInInstitution: caregiver.worksInInstitution,
      workplaceRegionCode: caregiver.workplaceRegionCode,
    };
    failures.push({ clause, code: 'NOT_IN_REGION_INSTITUTION', params: { ...params, regionCode } });
  }
  if (caregiver.attendanceDays < rule.minAttendanceDays) {
    const params = { attendanceDays: caregiver.attendanceDays, minAttendanceDays: rule.minAttendanceDays };
    failures.push({ clause, code: 'ATTENDANCE_BELOW_MINIMUM', params });
  }
  if (failures.length > 0 || caregiver.certifiedSkillLevel === null) {
    return { programme: 'caregiverPostAllowance', eligible: false, reasons: failures };
  }
  const skillLevel = caregiver.certifiedSkillLevel;
  const fen = rule.monthlyFenBySkillLevel[skillLevel];
  return {
    programme: 'caregiverPostAllowance',
    eligible: true,
    reasons: [{ clause, code: 'ALLOWANCE_AMOUNT', params: { skillLevel, fen } }],
    amount: { fen, cadence: 'monthly' },
    split: splitByShares(fen, rule.fundingShares),
  };
}

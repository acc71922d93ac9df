import { SKILL_LEVELS } from '../eligibility/index.ts';
import type { SkillLevel } from '../eligibility/index.ts';
import type { IsoDate } from '../units/index.ts';

/** A skill-level certificate (WRK-2) as the allowance and the registry read it. */
export type SkillCertificate = {
  readonly skillLevel: SkillLevel;
  readonly issuedOn: IsoDate;
  /** Last valid day; null when it does not expire. */
  readonly expiresOn: IsoDate | null;
};

/**
 * Glossary §7 `certified`, derived: the highest skill level among certificates valid on some day
 * from `firstDay` to `lastDay` (one day for "today", a month for the allowance), or null.
 */
export function certifiedSkillLevel(
  certificates: readonly SkillCertificate[],
  firstDay: IsoDate,
  lastDay: IsoDate = firstDay,
): SkillLevel | null {
  let best = -1;
  for (const certificate of certificates) {
    const valid =
      certificate.issuedOn <= lastDay && (certificate.expiresOn === null || certificate.expiresOn >= firstDay);
    if (valid) best = Math.max(best, SKILL_LEVELS.indexOf(certificate.skillLevel));
  }
  return SKILL_LEVELS[best] ?? null;
}

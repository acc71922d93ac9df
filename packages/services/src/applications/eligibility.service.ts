import type { EligibilityDto } from '@kangyang/contracts/policy';
import { decideBenefits, type BenefitDecision } from '@kangyang/domain/eligibility';
import { isoDate, type IsoDate } from '@kangyang/domain/units';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { toBindingDto } from '../profiles/profile-mapper.ts';
import type { ProfileService, ResolvedProfile } from '../profiles/profile.service.ts';
import { currentAssessmentOf, type CurrentAssessment } from './current-assessment.repo.ts';
import { elderFactsOf, isInstrument, PERSON_PROGRAMMES } from './elder-facts.ts';
import { loadElderInScope } from './elder-scope.ts';
import { entitlementsInForce } from './entitlement.repo.ts';

/** One elder decided on one date: the profile that applied, the assessment read and each benefit. */
export type Evaluation = {
  readonly date: IsoDate;
  readonly resolved: ResolvedProfile | undefined;
  readonly assessment: CurrentAssessment | null;
  readonly decisions: readonly BenefitDecision[];
};

export type EligibilityServiceDeps = { db: Db; clock: Clock; audit: AuditService; profiles: ProfileService };

const providerClause = (resolved: ResolvedProfile, programme: string): string | null => {
  const { rules } = resolved.profile;
  if (programme === 'caregiverPostAllowance') return rules.caregiverPostAllowance?.clause ?? null;
  if (programme === 'homeCareBedSetupGrant') return rules.homeCareBedSetupGrant?.clause ?? null;
  return null;
};

function toEligibilityDto(row: ElderRow, evaluation: Evaluation): EligibilityDto {
  const { resolved, assessment } = evaluation;
  return {
    elderId: row.id,
    date: evaluation.date,
    residenceRegionCode: row.residenceRegionCode,
    binding: resolved ? toBindingDto(resolved.binding) : null,
    profile: resolved
      ? {
          id: resolved.profile.id,
          version: resolved.version.version,
          effectiveFrom: resolved.version.effectiveFrom,
          title: resolved.profile.title,
        }
      : null,
    assessment: assessment && { ...assessment },
    benefits: evaluation.decisions.map((decision) => ({
      ...decision,
      reasons: [...decision.reasons],
      split: decision.split && [...decision.split],
    })),
    providerBenefits: resolved
      ? resolved.profile.benefits
          .filter((programme) => !PERSON_PROGRAMMES.includes(programme))
          .map((programme) => ({ programme, clause: providerClause(resolved, programme) }))
      : [],
  };
}

/** POL-4: facts from the registry + current assessment + the bound profile + a date → each benefit with reasons. */
export function createEligibilityService(deps: EligibilityServiceDeps) {
  const { db, clock, audit, profiles } = deps;

  async function evaluate(row: ElderRow, date: IsoDate): Promise<Evaluation> {
    const resolved = await profiles.resolve(row.residenceRegionCode, date);
    const instrument = resolved?.profile.assessment?.defaultInstrument;
    const assessment = await currentAssessmentOf(db, row.id, isInstrument(instrument) ? instrument : undefined);
    if (!resolved) return { date, resolved, assessment, decisions: [] };
    const beds = await entitlementsInForce(db, row.id, date, { programme: 'homeCareBed' });
    const facts = elderFactsOf(row, assessment, beds.length > 0);
    const context = {
      regionCode: resolved.binding.regionCode,
      today: date,
      expiredGraceDays: resolved.profile.assessment?.expiredGraceDays ?? 0,
    };
    return { date, resolved, assessment, decisions: decideBenefits(facts, resolved.profile, context) };
  }

  return {
    evaluate,

    /** GET /api/elders/:id/eligibility: scoped like the elder record (404 outside), audited (AUD-1). */
    async forElder(actor: Actor, elderId: string, date?: string): Promise<EligibilityDto> {
      const row = await loadElderInScope({ db, audit }, actor, elderId, 'eligibility:read', 'eligibility.read');
      const evaluation = await evaluate(row, date === undefined ? clock.today() : isoDate(date));
      await audit.record(actor, {
        action: 'eligibility.read',
        resourceType: 'elder',
        resourceIds: [row.id],
        chain: row.countyCode,
        elderBlindIndex: row.idNumberBlindIndex,
        details: {
          date: evaluation.date,
          profile: evaluation.resolved
            ? `${evaluation.resolved.profile.id}@${evaluation.resolved.version.version}`
            : null,
        },
      });
      return toEligibilityDto(row, evaluation);
    },
  };
}

export type EligibilityService = ReturnType<typeof createEligibilityService>;

import type { ApplicationDto } from '@kangyang/contracts/application';
import type { PolicyProfile } from '@kangyang/contracts/profile';
import type { BenefitDecision, FundingShare, Programme } from '@kangyang/domain/eligibility';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import type { ResolvedProfile } from '../profiles/profile.service.ts';
import { decisionRowOf, readApplication, recordTransition, requireState } from './application-steps.ts';
import * as repo from './application.repo.ts';
import { loadElderUnscoped } from './elder-scope.ts';
import type { EligibilityService } from './eligibility.service.ts';
import { insertDecision, insertEntitlement, type EntitlementInsert } from './entitlement.repo.ts';

type Deps = { db: Db; clock: Clock; audit: AuditService; eligibility: EligibilityService };

/** The clause of a person-level programme's rule (the entitlement cites it). */
function clauseOf(profile: PolicyProfile, programme: Programme): string {
  const rules = profile.rules;
  const rule =
    programme === 'homeCareBed'
      ? rules.homeCareBedEligibility
      : programme === 'homeCareBedCareSubsidy'
        ? rules.homeCareBedCareSubsidy
        : programme === 'freeBasicHomeCare'
          ? rules.freeBasicHomeCare
          : undefined;
  if (!rule) throw new Error(`profile ${profile.id} has no person-level rule for ${programme}`);
  return rule.clause;
}

/** Funding shares of a programme where its rule sets them; of the five plans only 000-r1 (caregivers) does. */
const fundingSharesOf = (profile: PolicyProfile, programme: Programme): readonly FundingShare[] =>
  programme === 'caregiverPostAllowance' ? (profile.rules.caregiverPostAllowance?.fundingShares ?? []) : [];

/** The entitlement an approval creates: from the approval date, open (one-time: that day), amount per period. */
function entitlementRowOf(
  elder: ElderRow,
  resolved: ResolvedProfile,
  decision: BenefitDecision,
  source: { applicationId: string; decisionId: string; date: string; now: Date },
): EntitlementInsert {
  const cadence = decision.amount?.cadence ?? null;
  return {
    countyCode: elder.countyCode,
    id: uuidv7(source.now.getTime()),
    elderId: elder.id,
    regionCode: elder.residenceRegionCode,
    programme: decision.programme,
    payeeKind: 'elder',
    payeeId: elder.id,
    startDate: source.date,
    endDate: cadence === 'oneTime' ? source.date : null,
    amountFen: decision.amount?.fen ?? null,
    cadence,
    clause: clauseOf(resolved.profile, decision.programme),
    fundingShares: fundingSharesOf(resolved.profile, decision.programme),
    profileId: resolved.profile.id,
    profileVersion: resolved.version.version,
    bindingRegionCode: resolved.binding.regionCode,
    sourceApplicationId: source.applicationId,
    sourceDecisionId: source.decisionId,
    state: 'active',
    endReason: null,
    createdAt: source.now,
    updatedAt: source.now,
    version: 1,
  };
}

const clausesOf = (decision: BenefitDecision): string =>
  [...new Set(decision.reasons.map((reason) => `${reason.clause} ${reason.code}`))].join('; ');

async function decideForApproval(deps: Deps, row: repo.ApplicationRow) {
  const elder = await loadElderUnscoped(deps.db, row.elderId);
  if (!elder) throw new AppError('NOT_FOUND');
  const date = deps.clock.today();
  const { resolved, decisions } = await deps.eligibility.evaluate(elder, date);
  if (!resolved) throw new AppError('PROFILE_NOT_BOUND', { regionCode: elder.residenceRegionCode, date }, 'elderId');
  const decision = decisions.find((candidate) => candidate.programme === row.programme);
  if (!decision)
    throw new AppError(
      'PROGRAMME_NOT_OFFERED',
      { profileId: resolved.profile.id, programme: row.programme },
      'programme',
    );
  return { elder, date, resolved, decision };
}

/**
 * POL-5 approval: eligibility is decided again on the approval date. Still eligible → the
 * application is approved and an entitlement created from the decision. No longer eligible → the
 * application is refused with the engine's reasons (recorded as its last step) and the caller gets
 * APPLICATION_NOT_ELIGIBLE listing them.
 */
export async function approveApplication(
  deps: Deps,
  actor: Actor,
  row: repo.ApplicationRow,
  reason: string | null,
): Promise<ApplicationDto> {
  const { elder, date, resolved, decision } = await decideForApproval(deps, row);
  const key = { countyCode: row.countyCode, id: row.id };
  const decisionId = await deps.db.transaction(async (tx) => {
    const locked = await repo.lockApplication(tx, key);
    if (!locked) throw new AppError('NOT_FOUND');
    requireState(locked, ['streetPassed'], 'approve');
    const now = deps.clock.now();
    const decisionRow = decisionRowOf(elder, resolved, decision, { date, purpose: 'approval', actor, now });
    await insertDecision(tx, decisionRow);
    const source = { applicationId: row.id, decisionId: decisionRow.id, date, now };
    const entitlement = decision.eligible ? entitlementRowOf(elder, resolved, decision, source) : undefined;
    if (entitlement) await insertEntitlement(tx, entitlement);
    const toState = entitlement ? 'approved' : 'refused';
    const patch = { state: toState, entitlementId: entitlement?.id ?? null, updatedAt: now };
    await repo.updateApplication(tx, { ...key, version: locked.version }, patch);
    const why = entitlement ? reason : `NOT_ELIGIBLE ${date}: ${clausesOf(decision)}${reason ? ` (${reason})` : ''}`;
    const action = entitlement ? 'approve' : 'refuse';
    const transition = { action, fromState: locked.state, toState, reason: why, decisionId: decisionRow.id } as const;
    await recordTransition(tx, key, transition, actor, now);
    await deps.audit.record(
      actor,
      {
        action: 'application.approve',
        resourceType: 'application',
        resourceIds: [row.id, row.elderId, ...(entitlement ? [entitlement.id] : [])],
        outcome: entitlement ? 'success' : 'denied',
        reason: entitlement ? undefined : 'notEligible',
        chain: row.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
        details: { programme: row.programme, date, decisionId: decisionRow.id },
      },
      tx,
    );
    return decisionRow.id;
  });
  if (!decision.eligible) {
    const details = { applicationId: row.id, decisionId, reasons: decision.reasons };
    throw new AppError('APPLICATION_NOT_ELIGIBLE', { date, clauses: clausesOf(decision) }, undefined, details);
  }
  return readApplication(deps.db, key);
}

import type { ApplicationDto } from '@kangyang/contracts/application';
import type { Permission } from '@kangyang/domain/access';
import type { BenefitDecision } from '@kangyang/domain/eligibility';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { findElder, type ElderRow } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import type { ResolvedProfile } from '../profiles/profile.service.ts';
import { toApplicationDto } from './application-mapper.ts';
import * as repo from './application.repo.ts';
import { findDecision, type DecisionInsert } from './entitlement.repo.ts';

/** Shared steps of the application workflow (POL-5): decisions, transitions, scoped loads, the full view. */

export type DecisionPurpose = 'application' | 'approval' | 'recheck';

export function decisionRowOf(
  elder: ElderRow,
  resolved: ResolvedProfile,
  decision: BenefitDecision,
  context: { date: string; purpose: DecisionPurpose; actor: Actor; now: Date },
): DecisionInsert {
  return {
    countyCode: elder.countyCode,
    id: uuidv7(context.now.getTime()),
    elderId: elder.id,
    programme: decision.programme,
    decidedOn: context.date,
    purpose: context.purpose,
    profileId: resolved.profile.id,
    profileVersion: resolved.version.version,
    bindingRegionCode: resolved.binding.regionCode,
    eligible: decision.eligible,
    reasons: decision.reasons,
    amountFen: decision.amount?.fen ?? null,
    cadence: decision.amount?.cadence ?? null,
    split: decision.split ?? [],
    decidedBy: context.actor.userId,
    decidedAt: context.now,
  };
}

export type TransitionStep = {
  action: 'submit' | 'streetPass' | 'streetRefuse' | 'approve' | 'refuse';
  fromState: string | null;
  toState: string;
  reason: string | null;
  decisionId: string | null;
};

/** Appends the next step (who, when, why) under the application's row lock. */
export async function recordTransition(
  tx: Db,
  key: repo.ApplicationKey,
  step: TransitionStep,
  actor: Actor,
  now: Date,
): Promise<void> {
  const previous = await repo.transitionsOf(tx, key);
  await repo.insertTransition(tx, {
    countyCode: key.countyCode,
    applicationId: key.id,
    seq: previous.length + 1,
    ...step,
    actorId: actor.userId,
    actorName: actor.displayName || actor.username,
    actorRoles: actor.roles.join(','),
    at: now,
  });
}

/** The whole application as the API shows it: row, elder name, submission decision, every step. */
export async function readApplication(db: Db, key: repo.ApplicationKey): Promise<ApplicationDto> {
  const row = await repo.findApplication(db, key.id, [key.countyCode]);
  if (!row) throw new AppError('NOT_FOUND');
  const elder = await findElder(db, row.elderId, ['']);
  const decision = await findDecision(db, row.countyCode, row.submissionDecisionId);
  if (!decision) throw new Error(`application ${row.id} lost its submission decision`);
  const transitions = await repo.transitionsOf(db, key);
  return toApplicationDto({ ...row, elderName: elder?.name ?? null }, decision, transitions);
}

/** An application inside the actor's scope for `permission`, or an audited 404 (AZ-3, AZ-4). */
export async function loadApplicationInScope(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  id: string,
  permission: Permission,
  action: string,
): Promise<repo.ApplicationRow> {
  const row = await repo.findApplication(deps.db, id, scopesOf(actor, permission));
  if (row) return row;
  const county = await repo.applicationCountyOf(deps.db, id);
  await deps.audit.record(actor, {
    action,
    resourceType: 'application',
    resourceIds: [id],
    outcome: 'denied',
    reason: county ? 'outOfScope' : 'notFound',
    chain: county,
  });
  throw new AppError('NOT_FOUND');
}

/** A unique-index violation (PostgreSQL 23505), whether or not the driver error is wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Object; current = Reflect.get(current, 'cause')) {
    if (Reflect.get(current, 'code') === '23505') return true;
  }
  return false;
}

/** Refuses a step from a state that does not allow it (APPLICATION_STATE, 409). */
export function requireState(row: repo.ApplicationRow, allowed: readonly string[], action: string): void {
  if (!allowed.includes(row.state)) throw new AppError('APPLICATION_STATE', { state: row.state, action });
}

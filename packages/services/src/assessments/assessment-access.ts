import { inAnyScope, type Permission } from '@kangyang/domain/access';
import type { Signature, WorkflowActor, WorkflowParty } from '@kangyang/domain/assessment-workflow';
import { AppError } from '../app-error.ts';
import { can, scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { elderCountyOf, findElder, type ElderRow } from '../elders/elder.repo.ts';
import * as agencyRepo from './agency.repo.ts';
import * as repo from './assessment.repo.ts';

/**
 * Who may see and act on an assessment (AZ-1, AZ-2, assessment.md §9): officials and reviewers by
 * the elder's residence region; assessors by assignment; agency staff by agency. Scope is applied in
 * the SQL WHERE; a record outside it answers 404 and the denial is audited (AZ-3, AZ-4).
 */
export type ActorContext = {
  readonly assessor: agencyRepo.AssessorRow | undefined;
  readonly agencyIds: readonly string[];
  readonly visibility: repo.Visibility;
};

export type Access = {
  readonly loaded: repo.LoadedAssessment;
  readonly context: ActorContext;
  readonly workflow: WorkflowActor;
};

const unique = (values: readonly string[]): string[] => [...new Set(values)];

export async function actorContext(db: Db, actor: Actor): Promise<ActorContext> {
  const writes = can(actor, 'assessment:write');
  const assessor = writes ? await agencyRepo.assessorOfUser(db, actor.userId) : undefined;
  const agencyIds = unique(
    [assessor?.agencyId, writes ? actor.organisationId : null].filter((id): id is string => typeof id === 'string'),
  );
  const regionScopes = unique([
    ...scopesOf(actor, 'assessment:read'),
    ...scopesOf(actor, 'assessment:approve'),
    ...scopesOf(actor, 'assessment:assign'),
  ]);
  return { assessor, agencyIds, visibility: { regionScopes, assessorId: assessor?.id ?? null, agencyIds } };
}

/** The actor's parties in this assessment: the workflow table decides with them. */
export function workflowActorOf(actor: Actor, context: ActorContext, loaded: repo.LoadedAssessment): WorkflowActor {
  const { row, elder } = loaded;
  const region = elder.residenceRegionCode;
  const parties = new Set<WorkflowParty>();
  if (inAnyScope(region, scopesOf(actor, 'assessment:assign'))) parties.add('official');
  if (inAnyScope(region, scopesOf(actor, 'assessment:approve'))) parties.add('reviewer');
  const assigned = context.assessor !== undefined && row.assessorIds.includes(context.assessor.id);
  if (assigned) parties.add('assessor');
  if (context.agencyIds.includes(row.agencyId)) parties.add('agency');
  const signed = (row.signatures as Signature[]).some((signature) => signature.userId === actor.userId);
  return { parties, isAssessorOfThis: assigned || signed };
}

/** Refuses with 403 (audited) when the actor holds none of the permissions (routes marked `authenticated`). */
export async function requireAny(
  audit: AuditService,
  actor: Actor,
  permissions: readonly Permission[],
  action: string,
): Promise<void> {
  if (permissions.some((permission) => can(actor, permission))) return;
  await audit.record(actor, { action, resourceType: 'assessment', outcome: 'denied', reason: 'forbidden' });
  throw new AppError('FORBIDDEN');
}

/** Loads an assessment the actor may see, or audits the denial and answers 404 byte-identical to a missing one. */
export async function loadVisible(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  id: string,
  action: string,
): Promise<Access> {
  const context = await actorContext(deps.db, actor);
  const loaded = await repo.findVisible(deps.db, id, context.visibility);
  if (loaded) return { loaded, context, workflow: workflowActorOf(actor, context, loaded) };
  const county = await repo.countyOfAssessment(deps.db, id);
  await deps.audit.record(actor, {
    action,
    resourceType: 'assessment',
    resourceIds: [id],
    outcome: 'denied',
    reason: county ? 'outOfScope' : 'notFound',
    chain: county,
  });
  throw new AppError('NOT_FOUND');
}

/** An elder inside the actor's scope for `permission` (or any elder for trusted system work), else 404 audited. */
export async function loadElder(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  elderId: string,
  permission: Permission | 'system',
  action: string,
): Promise<ElderRow> {
  const row = await findElder(deps.db, elderId, permission === 'system' ? [''] : scopesOf(actor, permission));
  if (row) return row;
  const county = await elderCountyOf(deps.db, elderId);
  await deps.audit.record(actor, {
    action,
    resourceType: 'elder',
    resourceIds: [elderId],
    outcome: 'denied',
    reason: county ? 'outOfScope' : 'notFound',
    chain: county,
  });
  throw new AppError('NOT_FOUND');
}

export const elderBriefOf = (row: ElderRow): repo.ElderBrief => ({
  name: row.name,
  idNumberMasked: row.idNumberMasked,
  idNumberBlindIndex: row.idNumberBlindIndex,
  birthDate: row.birthDate,
  residenceRegionCode: row.residenceRegionCode,
  status: row.status,
});

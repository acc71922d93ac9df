import type { Permission } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { elderCountyOf, findElder, type ElderRow } from '../elders/elder.repo.ts';

/**
 * Loads an elder inside the actor's region scope for `permission`, or audits the denial and answers
 * 404, byte-identical to a missing elder (AZ-3, AZ-4).
 */
export async function loadElderInScope(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  elderId: string,
  permission: Permission,
  action: string,
): Promise<ElderRow> {
  const row = await findElder(deps.db, elderId, scopesOf(actor, permission));
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

/** An elder by id whatever the scope: for system work (re-checks) and for approvals already scoped by their application. */
export async function loadElderUnscoped(db: Db, elderId: string): Promise<ElderRow | undefined> {
  return findElder(db, elderId, ['']);
}

import type { Permission } from '@kangyang/domain/access';
import { inAnyScope } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import * as runs from './run.repo.ts';

/** Loads a run whose region lies in the actor's scope for `permission`, or audits the denial and answers 404 (AZ-3, AZ-4). */
export async function loadRunInScope(
  deps: { db: Db; audit: AuditService },
  actor: Actor,
  runId: string,
  permission: Permission,
  action: string,
): Promise<runs.RunRow> {
  const run = await runs.findRun(deps.db, runId);
  if (run && inAnyScope(run.regionCode, scopesOf(actor, permission))) return run;
  const reason = run ? 'outOfScope' : 'notFound';
  await deps.audit.record(actor, {
    action,
    resourceType: 'ledgerRun',
    resourceIds: [runId],
    outcome: 'denied',
    reason,
  });
  throw new AppError('NOT_FOUND');
}

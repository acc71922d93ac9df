import { decideTransition, type AssessmentState, type WorkflowAction } from '@kangyang/domain/assessment-workflow';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Access } from './assessment-access.ts';
import * as repo from './assessment.repo.ts';

export type StepDeps = { db: Db; clock: Clock; audit: AuditService };

export type Step = {
  action: WorkflowAction;
  expectedVersion: number;
  patch: Partial<repo.AssessmentInsert>;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  /** Work in the same transaction before the row changes (e.g. superseding the previous result). */
  before?: (tx: Db) => Promise<void>;
  /** Work in the same transaction after the row changed (e.g. enqueuing the eligibility re-check). */
  after?: (tx: Db, row: repo.AssessmentRow) => Promise<void>;
};

/** The workflow table's verdict as an AppError: 403 for a wrong party, 409 for a wrong state. */
export function decideOrThrow(
  state: AssessmentState | null,
  action: WorkflowAction,
  access: Pick<Access, 'workflow'>,
): AssessmentState {
  const decided = decideTransition(state, action, access.workflow);
  if (decided.ok) return decided.value;
  throw new AppError(decided.error.code, { state: state ?? '-', action });
}

/** A transition row plus its audit row (AUD-1), both in the caller's transaction. */
export async function recordStep(
  deps: StepDeps,
  tx: Db,
  actor: Actor,
  entry: {
    row: repo.AssessmentRow;
    elderBlindIndex: string;
    action: WorkflowAction;
    fromState: AssessmentState | null;
    reason?: string | null | undefined;
    details?: Record<string, unknown> | null | undefined;
  },
): Promise<void> {
  const { row } = entry;
  await repo.insertTransition(tx, {
    countyCode: row.countyCode,
    assessmentId: row.id,
    at: deps.clock.now(),
    action: entry.action,
    fromState: entry.fromState,
    toState: row.state,
    actorId: actor.userId,
    actorName: actor.displayName || actor.username,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
  await deps.audit.record(
    actor,
    {
      action: `assessment.${entry.action}`,
      resourceType: 'assessment',
      resourceIds: [row.id, row.elderId],
      reason: entry.reason ?? undefined,
      details: { fromState: entry.fromState, toState: row.state, version: row.version, ...(entry.details ?? {}) },
      chain: row.countyCode,
      elderBlindIndex: entry.elderBlindIndex,
    },
    tx,
  );
}

/**
 * One workflow step (assessment.md §9): the table decides, If-Match guards the version (API-5), and
 * the update, its history row and its audit row commit together.
 */
export async function runStep(deps: StepDeps, actor: Actor, access: Access, step: Step): Promise<repo.AssessmentRow> {
  const { row, elder } = access.loaded;
  const toState = decideOrThrow(row.state as AssessmentState, step.action, access);
  if (row.version !== step.expectedVersion) throw new AppError('VERSION_CONFLICT', { current: row.version });
  return deps.db.transaction(async (tx) => {
    await step.before?.(tx);
    const updated = await repo.updateAssessment(
      tx,
      { countyCode: row.countyCode, id: row.id, version: step.expectedVersion },
      { ...step.patch, state: toState, updatedAt: deps.clock.now() },
    );
    if (!updated) {
      const current = await repo.findInCounty(tx, row.countyCode, row.id);
      throw new AppError('VERSION_CONFLICT', { current: current?.version ?? row.version });
    }
    await recordStep(deps, tx, actor, {
      row: updated,
      elderBlindIndex: elder.idNumberBlindIndex,
      action: step.action,
      fromState: row.state as AssessmentState,
      reason: step.reason,
      details: step.details,
    });
    await step.after?.(tx, updated);
    return updated;
  });
}

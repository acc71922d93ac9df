import type { SaveAnswersBody } from '@kangyang/contracts/assessment-workflow';
import { score, validUntil, type AssessmentSettings, type AssessmentScore } from '@kangyang/domain/assessment';
import {
  addSignature,
  checkDraftAnswers,
  checkSubmission,
  deriveFlags,
  signaturesAfterEdit,
  supportingFieldOf,
  type Answers,
  type AssessmentState,
  type DerivedFlags,
  type Signature,
  type SupportingData,
} from '@kangyang/domain/assessment-workflow';
import type { IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { enqueueEntitlementRecheck } from '../applications/recheck-job.ts';
import type { Db } from '../db/database.ts';
import { assessorFacts } from './agency.service.ts';
import * as agencyRepo from './agency.repo.ts';
import type { Access } from './assessment-access.ts';
import { contentHashOf, definitionOfRow, storedResultOf, type StoredResult } from './assessment-mapper.ts';
import { decideOrThrow, recordStep, runStep, type StepDeps } from './assessment-steps.ts';
import * as repo from './assessment.repo.ts';

/** Scores a stored assessment with its own instrument revision and settings snapshot (§10); never a client total. */
function scoreRow(row: repo.AssessmentRow): AssessmentScore {
  const scored = score(definitionOfRow(row), row.answers as Answers, row.flags, row.settings as AssessmentSettings);
  if (scored.ok) return scored.value;
  const field = supportingFieldOf(scored.error.field);
  const details = scored.error.details.map((item) => ({ code: item.code, field: supportingFieldOf(item.field) }));
  throw new AppError(scored.error.code, { field, instrument: row.instrument }, field, details);
}

const levelColumns = (result: StoredResult | null, flags: DerivedFlags) => ({
  result,
  total: result?.total ?? null,
  baseLevel: result?.baseLevel ?? null,
  finalLevel: result?.finalLevel ?? null,
  finalLevelOrdinal: result?.finalLevelOrdinal ?? null,
  provisional: result?.provisional ?? false,
  dementia: flags.dementiaDiagnosis,
});

/** The signed content must still hash to the stored hash (a changed row invalidates the signatures). */
function verifiedHash(row: repo.AssessmentRow): string {
  const hash = contentHashOf(row.instrumentVersion, row.answers as Answers, row.flags as DerivedFlags);
  return hash === row.contentHash ? hash : 'content-changed';
}

/** The assessor steps, submission and review of assessment.md §9 (ASM-4, ASM-5). */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createWorkflowService(deps: StepDeps) {
  const { db, clock } = deps;

  async function checkReady(row: repo.AssessmentRow, hash: string): Promise<void> {
    const assigned = await agencyRepo.assessorsByIds(db, row.assessorIds);
    const byId = new Map(assigned.map((assessor) => [assessor.id, assessorFacts(assessor)]));
    const checked = checkSubmission({
      agencyId: row.agencyId,
      assessors: row.assessorIds.map((id) => byId.get(id)),
      signatures: row.signatures as Signature[],
      hash,
      // Qualification counts on the day of the assessment.
      today: (row.assessmentDate ?? clock.today()) as IsoDate,
    });
    if (!checked.ok) throw new AppError(checked.error.code, { problem: checked.error.problem }, checked.error.field);
  }

  /** Supersedes the elder's previous approved result of the instrument, inside the approval's transaction. */
  async function supersede(tx: Db, actor: Actor, access: Access, previous: repo.AssessmentRow): Promise<void> {
    const key = { countyCode: previous.countyCode, id: previous.id, version: previous.version };
    const patch = { state: 'superseded', supersededBy: access.loaded.row.id, updatedAt: clock.now() };
    const updated = await repo.updateAssessment(tx, key, patch);
    if (!updated) throw new AppError('VERSION_CONFLICT', { current: previous.version });
    await recordStep(deps, tx, actor, {
      row: updated,
      elderBlindIndex: access.loaded.elder.idNumberBlindIndex,
      action: 'supersede',
      fromState: 'approved',
      details: { supersededBy: access.loaded.row.id },
    });
  }

  return {
    /** ASM-4: the draft form; invalid items are refused by name, a changed content voids both signatures. */
    async saveAnswers(actor: Actor, access: Access, expectedVersion: number, body: SaveAnswersBody) {
      const { row } = access.loaded;
      decideOrThrow(row.state as AssessmentState, 'saveAnswers', access);
      const checked = checkDraftAnswers(definitionOfRow(row), body.answers);
      if (!checked.ok) throw new AppError(checked.error.code, { field: checked.error.field }, checked.error.field);
      const today = clock.today();
      const assessmentDate = body.assessmentDate ?? row.assessmentDate ?? today;
      if (assessmentDate > today)
        throw new AppError('VALIDATION_FAILED', { field: 'assessmentDate', detail: '' }, 'assessmentDate');
      const supporting = JSON.parse(JSON.stringify(body.supporting)) as SupportingData;
      const flags = deriveFlags(supporting);
      const hash = contentHashOf(row.instrumentVersion, checked.value, flags);
      const signatures = signaturesAfterEdit(row.signatures as Signature[], hash);
      const preview = score(definitionOfRow(row), checked.value, flags, row.settings as AssessmentSettings);
      return runStep(deps, actor, access, {
        action: 'saveAnswers',
        expectedVersion,
        patch: {
          answers: checked.value,
          supporting,
          flags,
          contentHash: hash,
          signatures: signatures.kept,
          assessmentDate,
          ...levelColumns(preview.ok ? storedResultOf(preview.value) : null, flags),
        },
        details: { contentHash: hash, voidedSignatures: signatures.voided.length, complete: preview.ok },
      });
    },

    /** An assigned assessor confirms the current content: time and SHA-256 of answers and flags (§9). */
    async sign(actor: Actor, access: Access, expectedVersion: number) {
      const { row } = access.loaded;
      decideOrThrow(row.state as AssessmentState, 'sign', access);
      const assessor = access.context.assessor;
      if (!assessor) throw new AppError('ASSESSMENT_NOT_YOUR_ROLE', { action: 'sign' });
      scoreRow(row);
      const hash = verifiedHash(row);
      const signer = { assessorId: assessor.id, userId: actor.userId, name: assessor.name };
      const signed = addSignature(
        row.signatures as Signature[],
        signer,
        row.assessorIds,
        hash,
        clock.now().toISOString(),
      );
      if (!signed.ok) throw new AppError(signed.error.code, { action: 'sign' });
      return runStep(deps, actor, access, {
        action: 'sign',
        expectedVersion,
        patch: { signatures: signed.value },
        details: { contentHash: hash, assessorId: assessor.id, signatures: signed.value.length },
      });
    },

    /** The agency submits: answers score, two qualified assessors of the agency, both signatures (§9). */
    async submit(actor: Actor, access: Access, expectedVersion: number) {
      const { row } = access.loaded;
      decideOrThrow(row.state as AssessmentState, 'submit', access);
      const result = storedResultOf(scoreRow(row));
      await checkReady(row, verifiedHash(row));
      return runStep(deps, actor, access, {
        action: 'submit',
        expectedVersion,
        patch: { ...levelColumns(result, row.flags as DerivedFlags), submittedAt: clock.now(), returnReason: null },
        details: { finalLevel: result.finalLevel, contentHash: row.contentHash },
      });
    },

    /** The district reviewer sends it back with a required reason (ASM-5). */
    async returnTask(actor: Actor, access: Access, expectedVersion: number, reason: string) {
      return runStep(deps, actor, access, {
        action: 'return',
        expectedVersion,
        patch: { returnReason: reason },
        reason,
      });
    },

    async reopen(actor: Actor, access: Access, expectedVersion: number) {
      return runStep(deps, actor, access, { action: 'reopen', expectedVersion, patch: {} });
    },

    /**
     * Approval (§9): never by an assessor of it; the server re-scores; validUntil = assessment date +
     * validityMonths; the previous approved result of the elder and instrument is superseded; the
     * elder's eligibility is re-checked by a job enqueued in the same transaction (ASM-8).
     */
    async approve(actor: Actor, access: Access, expectedVersion: number, note?: string) {
      const { row } = access.loaded;
      decideOrThrow(row.state as AssessmentState, 'approve', access);
      const result = storedResultOf(scoreRow(row));
      await checkReady(row, verifiedHash(row));
      const settings = row.settings as AssessmentSettings;
      const assessmentDate = (row.assessmentDate ?? clock.today()) as IsoDate;
      const key = { countyCode: row.countyCode, elderId: row.elderId, instrument: row.instrument };
      const previous = await repo.findApprovedFor(db, key);
      const now = clock.now();
      return runStep(deps, actor, access, {
        action: 'approve',
        expectedVersion,
        patch: {
          ...levelColumns(result, row.flags as DerivedFlags),
          assessmentDate,
          validUntil: validUntil(assessmentDate, settings.validityMonths),
          approvedAt: now,
          reviewerId: actor.userId,
          reviewerName: actor.displayName || actor.username,
          supersedes: row.supersedes ?? previous?.id ?? null,
        },
        reason: note ?? null,
        details: { finalLevel: result.finalLevel, total: result.total, supersedes: previous?.id ?? null },
        before: async (tx) => {
          if (previous) await supersede(tx, actor, access, previous);
        },
        after: async (tx, approved) => {
          await enqueueEntitlementRecheck(tx, {
            elderId: approved.elderId,
            trigger: 'assessment',
            dedupeKey: `assessment:${approved.id}`,
            now,
          });
        },
      });
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

import { createHash } from 'node:crypto';
import type {
  AssessmentDto,
  AssessmentListItem,
  ElderAssessmentHistory,
} from '@kangyang/contracts/assessment-workflow';
import type { AssessmentScore, InstrumentCode } from '@kangyang/domain/assessment';
import { levelOrdinal } from '@kangyang/domain/assessment';
import {
  answeredCount,
  availableActions,
  signedContent,
  type Answers,
  type AssessmentState,
  type DerivedFlags,
  type Signature,
  type WorkflowActor,
} from '@kangyang/domain/assessment-workflow';
import { instrumentRevisionOf, INSTRUMENTS } from '@kangyang/domain/assessment';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import type { AssessorRow } from './agency.repo.ts';
import type { AssessmentRow, LoadedAssessment, TaskListRow, TransitionRow } from './assessment.repo.ts';

/** The stored result: the scoring response plus the final level's ordinal (null for `unclassified`). */
export type StoredResult = AssessmentScore & { readonly finalLevelOrdinal: number | null };

/** SHA-256 of the canonical answers and flags (assessment.md §9 signatures). */
export function contentHashOf(instrumentVersion: string, answers: Answers, flags: DerivedFlags): string {
  return createHash('sha256').update(signedContent({ instrumentVersion, answers, flags })).digest('hex');
}

export function storedResultOf(score: AssessmentScore): StoredResult {
  const ordinal = levelOrdinal(score.instrument, score.finalLevel, score.scheme);
  return { ...score, finalLevelOrdinal: ordinal ?? null };
}

export const definitionOfRow = (row: Pick<AssessmentRow, 'instrument' | 'instrumentVersion'>) =>
  instrumentRevisionOf(row.instrumentVersion) ?? INSTRUMENTS[row.instrument as InstrumentCode];

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function transitionDto(step: TransitionRow): AssessmentDto['history'][number] {
  return {
    seq: step.seq,
    at: step.at.toISOString(),
    action: step.action as AssessmentDto['history'][number]['action'],
    fromState: step.fromState as AssessmentState | null,
    toState: step.toState as AssessmentState,
    actorName: step.actorName,
    reason: step.reason,
    details: (step.details as Record<string, unknown> | null) ?? null,
  };
}

export function toAssessmentDto(
  loaded: LoadedAssessment,
  extra: {
    assessors: readonly AssessorRow[];
    history: readonly TransitionRow[];
    workflow: WorkflowActor;
    today: IsoDate;
  },
): AssessmentDto {
  const { row, elder } = loaded;
  const names = new Map(extra.assessors.map((assessor) => [assessor.id, assessor.name]));
  const signatures = row.signatures as Signature[];
  const answers = row.answers as Answers;
  const result = row.result as StoredResult | null;
  return {
    id: row.id,
    elder: {
      id: row.elderId,
      name: elder.name,
      idNumber: elder.idNumberMasked,
      age: ageOn(elder.birthDate as IsoDate, extra.today),
      residenceRegionCode: elder.residenceRegionCode,
    },
    instrument: row.instrument as InstrumentCode,
    instrumentVersion: row.instrumentVersion,
    reason: row.reason as AssessmentDto['reason'],
    trigger: row.trigger as AssessmentDto['trigger'],
    triggerRef: row.triggerRef,
    triggerDate: row.triggerDate,
    state: row.state as AssessmentState,
    returnReason: row.returnReason,
    agency: { id: row.agencyId, name: loaded.agencyName },
    assessors: row.assessorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    dueDate: row.dueDate,
    assessmentDate: row.assessmentDate,
    answers,
    answered: answeredCount(definitionOfRow(row), answers),
    supporting: row.supporting as Record<string, unknown>,
    flags: row.flags as Record<string, unknown>,
    contentHash: row.contentHash,
    signatures: signatures.map(({ assessorId, name, signedAt, hash }) => ({ assessorId, name, signedAt, hash })),
    result: result && { ...result, reasons: [...result.reasons] },
    settings: row.settings as Record<string, unknown>,
    provisional: row.provisional,
    reviewer: row.reviewerId ? { userId: row.reviewerId, name: row.reviewerName ?? '' } : null,
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    validUntil: row.validUntil,
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
    history: extra.history.map(transitionDto),
    actions: availableActions(row.state as AssessmentState, extra.workflow),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toListItem(found: TaskListRow): AssessmentListItem {
  const { row } = found;
  return {
    id: row.id,
    elderId: row.elderId,
    elderName: found.elderName,
    residenceRegionCode: found.residenceRegionCode,
    instrument: row.instrument as InstrumentCode,
    reason: row.reason as AssessmentListItem['reason'],
    trigger: row.trigger as AssessmentListItem['trigger'],
    state: row.state as AssessmentState,
    agencyName: found.agencyName,
    dueDate: row.dueDate,
    assessmentDate: row.assessmentDate,
    finalLevel: row.finalLevel,
    validUntil: row.validUntil,
    version: row.version,
  };
}

export function toHistoryItem(row: AssessmentRow): ElderAssessmentHistory['items'][number] {
  return {
    id: row.id,
    instrument: row.instrument as InstrumentCode,
    instrumentVersion: row.instrumentVersion,
    reason: row.reason as AssessmentListItem['reason'],
    state: row.state as AssessmentState,
    assessmentDate: row.assessmentDate,
    approvedAt: iso(row.approvedAt),
    total: row.total,
    baseLevel: row.baseLevel,
    finalLevel: row.finalLevel,
    finalLevelOrdinal: row.finalLevelOrdinal,
    validUntil: row.validUntil,
    provisional: row.provisional,
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
  };
}

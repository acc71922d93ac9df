import { err, ok, type Result } from '../result/index.ts';
import type { IsoDate } from '../units/index.ts';
import { signaturesComplete, type Signature } from './signatures.ts';

/**
 * Agencies and assessors (ASM-2, ASM-3): who may be assigned, the agency's minimum headcount, the
 * dispute rule and what a submission needs (assessment.md §9).
 */

export type AssessorFacts = {
  readonly id: string;
  readonly agencyId: string;
  readonly userId: string | null;
  readonly active: boolean;
  /** Last day of the assessor qualification (评估员资质); null means not qualified. */
  readonly qualifiedUntil: IsoDate | null;
};

export const isQualifiedOn = (assessor: AssessorFacts, today: IsoDate): boolean =>
  assessor.active && assessor.qualifiedUntil !== null && assessor.qualifiedUntil >= today;

export type AssignmentErrorCode =
  'ASSESSMENT_ASSESSORS_INVALID' | 'ASSESSMENT_AGENCY_UNDERSTAFFED' | 'ASSESSMENT_SIGNATURES_MISSING';

export type AssignmentError = {
  readonly code: AssignmentErrorCode;
  readonly field: string;
  /** Why, as a short code: `count`, `same`, `otherAgency`, `notQualified`, `disputed`, `unsigned`. */
  readonly problem: string;
  readonly assessorId?: string;
};

/** The agency may take tasks only with at least `minAgencyAssessors` qualified assessors (§8). */
export function checkAgencyStaffing(
  assessors: readonly AssessorFacts[],
  minAgencyAssessors: number,
  today: IsoDate,
): Result<number, AssignmentError> {
  const qualified = assessors.filter((assessor) => isQualifiedOn(assessor, today)).length;
  if (qualified < minAgencyAssessors)
    return err({ code: 'ASSESSMENT_AGENCY_UNDERSTAFFED', field: 'agencyId', problem: `${qualified}` });
  return ok(qualified);
}

/**
 * Two distinct assessors, both qualified on `today` and belonging to the agency; for a dispute,
 * neither may have assessed the disputed result (§9).
 */
export function checkAssessorPair(
  agencyId: string,
  pair: readonly (AssessorFacts | undefined)[],
  today: IsoDate,
  excluded: readonly string[] = [],
): Result<readonly [AssessorFacts, AssessorFacts], AssignmentError> {
  const field = 'assessorIds';
  const [first, second] = pair;
  if (pair.length !== 2 || !first || !second)
    return err({ code: 'ASSESSMENT_ASSESSORS_INVALID', field, problem: 'count' });
  if (first.id === second.id || (first.userId !== null && first.userId === second.userId))
    return err({ code: 'ASSESSMENT_ASSESSORS_INVALID', field, problem: 'same' });
  for (const assessor of [first, second]) {
    const base = { code: 'ASSESSMENT_ASSESSORS_INVALID' as const, field, assessorId: assessor.id };
    if (assessor.agencyId !== agencyId) return err({ ...base, problem: 'otherAgency' });
    if (!isQualifiedOn(assessor, today)) return err({ ...base, problem: 'notQualified' });
    if (excluded.includes(assessor.id)) return err({ ...base, problem: 'disputed' });
  }
  return ok([first, second] as const);
}

/**
 * What a submission needs besides scoring answers (§9): a valid pair of assessors, and both of
 * them signed the current content.
 */
export function checkSubmission(input: {
  agencyId: string;
  assessors: readonly (AssessorFacts | undefined)[];
  signatures: readonly Signature[];
  hash: string;
  today: IsoDate;
}): Result<true, AssignmentError> {
  const pair = checkAssessorPair(input.agencyId, input.assessors, input.today);
  if (!pair.ok) return pair;
  const ids = pair.value.map((assessor) => assessor.id);
  if (!signaturesComplete(input.signatures, ids, input.hash))
    return err({ code: 'ASSESSMENT_SIGNATURES_MISSING', field: 'signatures', problem: 'unsigned' });
  return ok(true);
}

export type AssessorLoad = { readonly assessor: AssessorFacts; readonly openTasks: number };

/**
 * Picks two qualified assessors with the fewest open tasks (ties by id), leaving out `excluded`
 * (a disputed result's assessors); undefined when fewer than two remain.
 */
export function pickAssessorPair(
  candidates: readonly AssessorLoad[],
  today: IsoDate,
  excluded: readonly string[] = [],
): readonly [AssessorFacts, AssessorFacts] | undefined {
  const usable = candidates
    .filter((entry) => isQualifiedOn(entry.assessor, today) && !excluded.includes(entry.assessor.id))
    .sort((left, right) => left.openTasks - right.openTasks || (left.assessor.id < right.assessor.id ? -1 : 1));
  const [first, second] = usable;
  return first && second ? [first.assessor, second.assessor] : undefined;
}

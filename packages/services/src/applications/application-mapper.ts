import {
  APPLICANT_KINDS,
  APPLICATION_STATES,
  ENTITLEMENT_STATES,
  EntitlementDto,
  TRANSITION_ACTIONS,
  type ApplicationDto,
  type ApplicationListItem,
  type TransitionDto,
} from '@kangyang/contracts/application';
import { ReasonDto } from '@kangyang/contracts/policy';
import { PROGRAMMES } from '@kangyang/domain/eligibility';
import type { ApplicationListRow, TransitionRow } from './application.repo.ts';
import type { DecisionRow, EntitlementRow, ReviewRow } from './entitlement.repo.ts';

/** Narrows a stored text column to its union; the database CHECKs make a miss a programming error. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], what: string): T {
  const found = allowed.find((item) => item === value);
  if (found === undefined) throw new Error(`unexpected ${what}: ${String(value)}`);
  return found;
}

const Reasons = ReasonDto.array();
const FundingShares = EntitlementDto.shape.fundingShares;
const Details = EntitlementDto.shape.reviews.element.shape.details;

export const toListItem = (row: ApplicationListRow): ApplicationListItem => ({
  id: row.id,
  elderId: row.elderId,
  elderName: row.elderName,
  regionCode: row.regionCode,
  programme: oneOf(row.programme, PROGRAMMES, 'programme'),
  state: oneOf(row.state, APPLICATION_STATES, 'application state'),
  applicantKind: oneOf(row.applicantKind, APPLICANT_KINDS, 'applicant kind'),
  profileId: row.profileId,
  profileVersion: row.profileVersion,
  entitlementId: row.entitlementId,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const toTransitionDto = (row: TransitionRow): TransitionDto => ({
  seq: row.seq,
  action: oneOf(row.action, TRANSITION_ACTIONS, 'transition action'),
  fromState: row.fromState === null ? null : oneOf(row.fromState, APPLICATION_STATES, 'application state'),
  toState: oneOf(row.toState, APPLICATION_STATES, 'application state'),
  actorId: row.actorId,
  actorName: row.actorName,
  actorRoles: row.actorRoles,
  reason: row.reason,
  decisionId: row.decisionId,
  at: row.at.toISOString(),
});

export const toDecisionSummary = (row: DecisionRow) => ({
  id: row.id,
  decidedOn: row.decidedOn,
  eligible: row.eligible,
  reasons: Reasons.parse(row.reasons),
});

export const toApplicationDto = (
  row: ApplicationListRow,
  decision: DecisionRow,
  transitions: readonly TransitionRow[],
): ApplicationDto => ({
  ...toListItem(row),
  applicantName: row.applicantName,
  note: row.note,
  createdBy: row.createdBy,
  version: row.version,
  submissionDecision: toDecisionSummary(decision),
  transitions: transitions.map(toTransitionDto),
});

const toReviewDto = (row: ReviewRow) => ({
  id: row.id,
  trigger: row.trigger,
  action: oneOf(row.action, ['ended', 'flagged'] as const, 'review action'),
  endDate: row.endDate,
  state: oneOf(row.state, ['open', 'resolved'] as const, 'review state'),
  details: Details.parse(row.details),
  createdAt: row.createdAt.toISOString(),
});

export const toEntitlementDto = (row: EntitlementRow, reviews: readonly ReviewRow[]): EntitlementDto => ({
  id: row.id,
  elderId: row.elderId,
  programme: oneOf(row.programme, PROGRAMMES, 'programme'),
  payeeKind: oneOf(row.payeeKind, ['elder', 'institution', 'caregiver'] as const, 'payee kind'),
  payeeId: row.payeeId,
  startDate: row.startDate,
  endDate: row.endDate,
  amountFen: row.amountFen,
  cadence: row.cadence === null ? null : oneOf(row.cadence, ['monthly', 'oneTime'] as const, 'cadence'),
  clause: row.clause,
  fundingShares: FundingShares.parse(row.fundingShares),
  profileId: row.profileId,
  profileVersion: row.profileVersion,
  sourceApplicationId: row.sourceApplicationId,
  sourceDecisionId: row.sourceDecisionId,
  state: oneOf(row.state, ENTITLEMENT_STATES, 'entitlement state'),
  endReason: row.endReason,
  createdAt: row.createdAt.toISOString(),
  reviews: reviews.filter((review) => review.entitlementId === row.id).map(toReviewDto),
});

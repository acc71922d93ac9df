import { z } from 'zod';
import { FUNDING_PAYERS, PROGRAMMES } from '@kangyang/domain/eligibility';
import { IdSchema, PageQuery, RegionCodeSchema, page } from './common.ts';
import { ReasonDto } from './policy.ts';

/**
 * Applications for a programme and the entitlements they become (POL-5, POL-6): the elder, family
 * or a community worker applies; the street reviews; the district approves or refuses.
 */

export const APPLICATION_STATES = ['submitted', 'streetPassed', 'approved', 'refused'] as const;
export const ApplicationStateSchema = z.enum(APPLICATION_STATES);
export type ApplicationState = z.infer<typeof ApplicationStateSchema>;

export const APPLICANT_KINDS = ['elder', 'family', 'communityWorker'] as const;
export const TRANSITION_ACTIONS = ['submit', 'streetPass', 'streetRefuse', 'approve', 'refuse'] as const;
export const ENTITLEMENT_STATES = ['active', 'flagged', 'ended'] as const;

const ReasonText = z.string().trim().min(1).max(500);

/** POST /api/applications (Idempotency-Key required, API-4). */
export const ApplicationCreateBody = z.strictObject({
  elderId: IdSchema,
  programme: z.enum(PROGRAMMES),
  applicantKind: z.enum(APPLICANT_KINDS),
  /** The family member who applies, when it is not the elder. */
  applicantName: z.string().trim().min(1).max(50).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ApplicationCreateBody = z.infer<typeof ApplicationCreateBody>;

/** POST /api/applications/:id/review: the street passes or refuses; a refusal needs its reason. */
export const ReviewBody = z
  .strictObject({ outcome: z.enum(['pass', 'refuse']), reason: ReasonText.optional() })
  .refine((body) => body.outcome === 'pass' || body.reason !== undefined, {
    path: ['reason'],
    message: 'a refusal needs its reason',
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ApproveBody = z.strictObject({ reason: ReasonText.optional() });
export type ApproveBody = z.infer<typeof ApproveBody>;

export const RefuseBody = z.strictObject({ reason: ReasonText });
export type RefuseBody = z.infer<typeof RefuseBody>;

export const ApplicationListQuery = PageQuery.extend({
  state: ApplicationStateSchema.optional(),
  region: RegionCodeSchema.optional(),
  programme: z.enum(PROGRAMMES).optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const TransitionDto = z.object({
  seq: z.number().int(),
  action: z.enum(TRANSITION_ACTIONS),
  fromState: ApplicationStateSchema.nullable(),
  toState: ApplicationStateSchema,
  actorId: z.string(),
  actorName: z.string(),
  actorRoles: z.string(),
  reason: z.string().nullable(),
  decisionId: z.string().nullable(),
  at: z.string(),
});
export type TransitionDto = z.infer<typeof TransitionDto>;

export const DecisionSummaryDto = z.object({
  id: z.string(),
  decidedOn: z.string(),
  eligible: z.boolean(),
  reasons: z.array(ReasonDto),
});

export const ApplicationListItem = z.object({
  id: z.string(),
  elderId: z.string(),
  elderName: z.string().nullable(),
  regionCode: z.string(),
  programme: z.enum(PROGRAMMES),
  state: ApplicationStateSchema,
  applicantKind: z.enum(APPLICANT_KINDS),
  profileId: z.string(),
  profileVersion: z.number().int(),
  entitlementId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

export const ApplicationDto = ApplicationListItem.extend({
  applicantName: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  version: z.number().int(),
  /** Eligibility when the application was submitted, shown to the reviewers. */
  submissionDecision: DecisionSummaryDto,
  transitions: z.array(TransitionDto),
});
export type ApplicationDto = z.infer<typeof ApplicationDto>;

export const ApplicationPage = page(ApplicationListItem);

export const EntitlementReviewDto = z.object({
  id: z.string(),
  trigger: z.string(),
  action: z.enum(['ended', 'flagged']),
  endDate: z.string().nullable(),
  state: z.enum(['open', 'resolved']),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const EntitlementDto = z.object({
  id: z.string(),
  elderId: z.string(),
  programme: z.enum(PROGRAMMES),
  payeeKind: z.enum(['elder', 'institution', 'caregiver']),
  payeeId: z.string(),
  startDate: z.string(),
  /** Last day in force (inclusive); null while open. */
  endDate: z.string().nullable(),
  /** Per period of the cadence, in fen; null for a benefit in kind. */
  amountFen: z.number().int().nullable(),
  cadence: z.enum(['monthly', 'oneTime']).nullable(),
  clause: z.string(),
  fundingShares: z.array(z.object({ payer: z.enum(FUNDING_PAYERS), basisPoints: z.number().int() })),
  profileId: z.string(),
  profileVersion: z.number().int(),
  sourceApplicationId: z.string(),
  sourceDecisionId: z.string(),
  state: z.enum(ENTITLEMENT_STATES),
  endReason: z.string().nullable(),
  createdAt: z.string(),
  reviews: z.array(EntitlementReviewDto),
});
export type EntitlementDto = z.infer<typeof EntitlementDto>;

export const EntitlementList = z.object({ items: z.array(EntitlementDto), total: z.number().int() });

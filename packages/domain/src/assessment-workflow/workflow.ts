import { err, ok, type Result } from '../result/index.ts';

/**
 * The assessment workflow of assessment.md §9 as data: which action moves which state, and which
 * party may take it. The service works out the actor's parties from data (scope, assignment,
 * agency membership); this table decides.
 */

export const ASSESSMENT_STATES = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** Open states: the task still needs work or review; one open task per elder and instrument. */
export const OPEN_STATES: readonly AssessmentState[] = ['draft', 'submitted', 'returned'];

export const ASSESSMENT_REASONS = ['first', 'routine', 'immediate', 'dispute', 'other'] as const;
/** A.1 评估原因 (glossary `AssessmentReason`). */
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

/** What opened a task (§9 reassessment triggers); stored with the task. */
export const TASK_TRIGGERS = [
  'application',
  'reassessmentDue',
  'conditionChange',
  'discharge',
  'riskEvent',
  'diagnosis',
  'dispute',
  'correction',
  'manual',
] as const;
export type TaskTrigger = (typeof TASK_TRIGGERS)[number];

export const WORKFLOW_ACTIONS = [
  'create',
  'assign',
  'saveAnswers',
  'sign',
  'submit',
  'return',
  'reopen',
  'approve',
  'supersede',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Who acts: `official` opens tasks (district or street, assessment:assign), `agency` is the
 * contracted assessment agency's staff, `assessor` one of the two assigned assessors, `reviewer`
 * the district reviewer (assessment:approve), `system` the platform itself.
 */
export type WorkflowParty = 'official' | 'agency' | 'assessor' | 'reviewer' | 'system';

export type TransitionRule = {
  readonly from: readonly AssessmentState[];
  readonly to: AssessmentState;
  readonly by: readonly WorkflowParty[];
};

/** Creation has no `from` state; it is listed with an empty one. */
export const TRANSITIONS: Readonly<Record<WorkflowAction, TransitionRule>> = {
  create: { from: [], to: 'draft', by: ['official', 'system'] },
  assign: { from: ['draft'], to: 'draft', by: ['official', 'agency'] },
  saveAnswers: { from: ['draft'], to: 'draft', by: ['assessor', 'agency'] },
  sign: { from: ['draft'], to: 'draft', by: ['assessor'] },
  submit: { from: ['draft'], to: 'submitted', by: ['agency'] },
  return: { from: ['submitted'], to: 'returned', by: ['reviewer'] },
  reopen: { from: ['returned'], to: 'draft', by: ['agency', 'assessor'] },
  approve: { from: ['submitted'], to: 'approved', by: ['reviewer'] },
  supersede: { from: ['approved'], to: 'superseded', by: ['system'] },
};

export type WorkflowErrorCode = 'ASSESSMENT_NOT_YOUR_ROLE' | 'ASSESSMENT_REVIEWER_IS_ASSESSOR' | 'ASSESSMENT_STATE';

export type WorkflowError = {
  readonly code: WorkflowErrorCode;
  readonly action: WorkflowAction;
  readonly state: AssessmentState | null;
};

export type WorkflowActor = {
  readonly parties: ReadonlySet<WorkflowParty>;
  /** The actor's account is one of the assessors of this assessment (signed or assigned). */
  readonly isAssessorOfThis: boolean;
};

/**
 * Decides one step (ASM-5): the actor must hold a party the action allows; the reviewer is never
 * one of the assessors; the state must allow the action. Returns the next state.
 */
export function decideTransition(
  state: AssessmentState | null,
  action: WorkflowAction,
  actor: WorkflowActor,
): Result<AssessmentState, WorkflowError> {
  const rule = TRANSITIONS[action];
  if (!rule.by.some((party) => actor.parties.has(party)))
    return err({ code: 'ASSESSMENT_NOT_YOUR_ROLE', action, state });
  if ((action === 'approve' || action === 'return') && actor.isAssessorOfThis)
    return err({ code: 'ASSESSMENT_REVIEWER_IS_ASSESSOR', action, state });
  const allowed = state === null ? rule.from.length === 0 : rule.from.includes(state);
  if (!allowed) return err({ code: 'ASSESSMENT_STATE', action, state });
  return ok(rule.to);
}

/** The actions the actor could take now (for the UI's buttons); preconditions beyond the table are not checked. */
export function availableActions(state: AssessmentState, actor: WorkflowActor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => action !== 'create' && decideTransition(state, action, actor).ok);
}

export const isOpenState = (state: AssessmentState): boolean => OPEN_STATES.includes(state);

export {
  ASSESSMENT_STATES,
  OPEN_STATES,
  ASSESSMENT_REASONS,
  TASK_TRIGGERS,
  WORKFLOW_ACTIONS,
  TRANSITIONS,
  decideTransition,
  availableActions,
  isOpenState,
} from './workflow.ts';
export type {
  AssessmentState,
  AssessmentReason,
  TaskTrigger,
  WorkflowAction,
  WorkflowParty,
  TransitionRule,
  WorkflowError,
  WorkflowErrorCode,
  WorkflowActor,
} from './workflow.ts';
export {
  DISEASES,
  DISEASE_CODES,
  PRESSURE_INJURY_STAGES,
  SPECIAL_CARE,
  EMPTY_SUPPORTING_DATA,
  deriveFlags,
  supportingFieldOf,
  riskEventTotal,
} from './supporting-data.ts';
export type {
  DiseaseCode,
  PressureInjuryStage,
  SpecialCare,
  Medicine,
  SupportingData,
  DerivedFlags,
} from './supporting-data.ts';
export { canonicalJson } from './canonical-json.ts';
export { signedContent, addSignature, signaturesAfterEdit, signaturesComplete } from './signatures.ts';
export type { Signature, Signer, Answers, SignatureErrorCode } from './signatures.ts';
export {
  dayNumber,
  dateOfDayNumber,
  addDays,
  daysBetween,
  taskDueDate,
  capabilityValidity,
  dueMonthOf,
  dueHorizon,
} from './schedule.ts';
export type { ScheduleSettings, CapabilityStatus, CapabilityValidity } from './schedule.ts';
export {
  isQualifiedOn,
  checkAgencyStaffing,
  checkAssessorPair,
  checkSubmission,
  pickAssessorPair,
} from './assignment.ts';
export type { AssessorFacts, AssignmentError, AssignmentErrorCode, AssessorLoad } from './assignment.ts';
export { checkDraftAnswers, answeredCount } from './draft-answers.ts';
export type { DraftAnswerError } from './draft-answers.ts';

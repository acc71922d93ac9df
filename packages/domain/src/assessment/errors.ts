/** The coded failures of scoring (assessment.md §3); all answer 400. */
export type AssessmentErrorCode =
  | 'ASSESSMENT_INSTRUMENT_UNKNOWN'
  | 'ASSESSMENT_ITEM_UNKNOWN'
  | 'ASSESSMENT_ITEM_MISSING'
  | 'ASSESSMENT_POINTS_INVALID'
  | 'ASSESSMENT_FLAG_INVALID'
  | 'ASSESSMENT_FLAG_CONFLICT';

/** One problem: `field` is `instrument`, `answers.<itemCode>`, `flags.<name>` or `flags.riskEventsLast30Days.<type>`. */
export type AssessmentProblem = { readonly code: AssessmentErrorCode; readonly field: string };

/** The first problem in §3 order (instrument, unknown keys, items, flags), with every problem in `details`. */
export type AssessmentError = AssessmentProblem & { readonly details: readonly AssessmentProblem[] };

export const problem = (code: AssessmentErrorCode, field: string): AssessmentProblem => ({ code, field });

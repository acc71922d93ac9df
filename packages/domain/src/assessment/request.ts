import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import { problem } from './errors.ts';
import type { AssessmentError, AssessmentProblem } from './errors.ts';
import { parseFlags } from './flags.ts';
import type { AssessmentFlags } from './flags.ts';
import type { InstrumentDefinition, ItemDefinition } from './types.ts';

/** Answers as they arrive: item code → points, values not yet checked. */
export type AnswersInput = Readonly<Record<string, unknown>>;

/** Valid points per item code, every item present. */
export type Points = Readonly<Record<string, number>>;

export type CheckedRequest = { readonly points: Points; readonly flags: AssessmentFlags };

export const itemsOf = (definition: InstrumentDefinition): readonly ItemDefinition[] =>
  definition.domains.flatMap((domain) => domain.items);

/** A JSON integer equal to one of the item's option points; strings such as "4" are not. */
const isOptionPoints = (item: ItemDefinition, value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && item.options.some((option) => option.points === value);

function answerProblems(items: readonly ItemDefinition[], answers: AnswersInput) {
  const problems: AssessmentProblem[] = [];
  const codes = new Set(items.map((item) => item.code));
  for (const key of Object.keys(answers)) {
    if (!codes.has(key)) problems.push(problem('ASSESSMENT_ITEM_UNKNOWN', `answers.${key}`));
  }
  const points: Record<string, number> = {};
  for (const item of items) {
    const value = Object.hasOwn(answers, item.code) ? answers[item.code] : undefined;
    if (value === undefined || value === null)
      problems.push(problem('ASSESSMENT_ITEM_MISSING', `answers.${item.code}`));
    else if (!isOptionPoints(item, value)) problems.push(problem('ASSESSMENT_POINTS_INVALID', `answers.${item.code}`));
    else points[item.code] = value;
  }
  return { points, problems };
}

/** `coma` must agree with the consciousness item's coma option where the instrument has one. */
function conflictProblems(definition: InstrumentDefinition, points: Points, flags: AssessmentFlags) {
  if (definition.kind === 'matrix' || definition.changeRules === null || !flags.coma) return [];
  const rule = definition.changeRules.coma;
  const answer = points[rule.item];
  return answer !== undefined && answer !== rule.points ? [problem('ASSESSMENT_FLAG_CONFLICT', 'flags.coma')] : [];
}

/**
 * Validates a scoring request against an instrument (§3). The first problem is reported in the order:
 * unknown answer keys (request order), items (definition order), flags; `details` lists them all.
 */
export function checkRequest(
  definition: InstrumentDefinition,
  answers: AnswersInput,
  flagsInput: unknown,
): Result<CheckedRequest, AssessmentError> {
  const answered = answerProblems(itemsOf(definition), answers);
  const parsed = parseFlags(flagsInput);
  const problems = [
    ...answered.problems,
    ...parsed.problems,
    ...conflictProblems(definition, answered.points, parsed.flags),
  ];
  const [first] = problems;
  if (first) return err({ ...first, details: problems });
  return ok({ points: answered.points, flags: parsed.flags });
}

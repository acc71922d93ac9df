import type { InstrumentDefinition } from '../assessment/index.ts';
import { err, ok, type Result } from '../result/index.ts';
import type { Answers } from './signatures.ts';

export type DraftAnswerError = {
  readonly code: 'ASSESSMENT_ITEM_UNKNOWN' | 'ASSESSMENT_POINTS_INVALID';
  readonly field: string;
};

/**
 * A draft may leave items unanswered (null or absent) but never holds an unknown item or points that
 * are not one of the item's options (assessment.md §3 codes). Completeness is checked by scoring at
 * submission. Unknown keys are reported first, in input order, then items in definition order.
 */
export function checkDraftAnswers(
  definition: InstrumentDefinition,
  answers: Readonly<Record<string, unknown>>,
): Result<Answers, DraftAnswerError> {
  const items = new Map(definition.domains.flatMap((domain) => domain.items.map((item) => [item.code, item] as const)));
  for (const key of Object.keys(answers)) {
    if (!items.has(key)) return err({ code: 'ASSESSMENT_ITEM_UNKNOWN', field: `answers.${key}` });
  }
  const clean: Record<string, number | null> = {};
  for (const [code, item] of items) {
    const value = answers[code];
    if (value === undefined || value === null) continue;
    const valid =
      typeof value === 'number' && Number.isInteger(value) && item.options.some((option) => option.points === value);
    if (!valid) return err({ code: 'ASSESSMENT_POINTS_INVALID', field: `answers.${code}` });
    clean[code] = value;
  }
  return ok(clean);
}

/** How many items of the instrument have an answer, and how many there are. */
export function answeredCount(definition: InstrumentDefinition, answers: Answers): { answered: number; total: number } {
  const codes = definition.domains.flatMap((domain) => domain.items.map((item) => item.code));
  return { answered: codes.filter((code) => typeof answers[code] === 'number').length, total: codes.length };
}

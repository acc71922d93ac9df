import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';

export type PersonNameError = {
  readonly code: 'VALIDATION_FAILED';
  readonly reason: 'PERSON_NAME_LENGTH' | 'PERSON_NAME_CHARACTERS';
};

export const PERSON_NAME_MAX_LENGTH = 50;

/** One word: letters of any script, with combining marks. */
const WORD = String.raw`(?:\p{L}\p{M}*)+`;
/** Latin words may hold an inner hyphen or apostrophe: Jean-Pierre, O'Brien. */
const LATIN_WORD = String.raw`\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['\u2019-][\p{Script=Latin}\p{M}]+)*`;
/** Words joined by `·` (阿卜杜·热合曼); single spaces only between Latin words (Anna Maria). */
const NAME = new RegExp(String.raw`^(?:${LATIN_WORD}(?: ${LATIN_WORD})*|${WORD}(?:·${WORD})*)$`, 'u');

/**
 * security.md ID-4: a person's name is 1–50 characters after trimming, letters of any script
 * (Chinese included), `·` between parts, single spaces between Latin words; no digits or control characters.
 * Returns the trimmed name.
 */
export function validatePersonName(input: string): Result<string, PersonNameError> {
  const name = input.trim();
  const length = [...name].length;
  if (length < 1 || length > PERSON_NAME_MAX_LENGTH)
    return err({ code: 'VALIDATION_FAILED', reason: 'PERSON_NAME_LENGTH' });
  if (!NAME.test(name)) return err({ code: 'VALIDATION_FAILED', reason: 'PERSON_NAME_CHARACTERS' });
  return ok(name);
}

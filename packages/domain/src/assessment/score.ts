import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import type { ChangeReason } from './change-rules.ts';
import { problem } from './errors.ts';
import type { AssessmentError } from './errors.ts';
import { instrumentOf } from './instruments.ts';
import { checkRequest } from './request.ts';
import type { AnswersInput, Points } from './request.ts';
import type { AssessmentFlags } from './flags.ts';
import { scoreGrid, scoreMatrix, scoreTotal } from './score-kinds.ts';
import type { KindScore } from './score-kinds.ts';
import type { ChangeRuleStacking, RiskEventCounting, ScoringSettings } from './settings.ts';
import type { InstrumentCode, InstrumentDefinition } from './types.ts';

/** The scoring result (§3 response 200). */
export type AssessmentScore = {
  readonly instrument: InstrumentCode;
  /** The instrument revision, e.g. `gbt42195-2022/r1`. */
  readonly instrumentVersion: string;
  readonly domainScores: Readonly<Record<string, number>>;
  /** MZ/T 039: grades 0–3; LTC 2021: grade codes. */
  readonly domainGrades?: Readonly<Record<string, number | string>>;
  /** Null for MZ/T 039 and LTC 2021, whose level comes from grades. */
  readonly total: number | null;
  readonly baseLevel: string;
  readonly finalLevel: string;
  readonly reasons: readonly ChangeReason[];
  readonly settings: { readonly changeRuleStacking: ChangeRuleStacking; readonly riskEventCounting: RiskEventCounting };
  /** True when a PROVISIONAL table decided the level (every LTC 2021 result). */
  readonly provisional: boolean;
  /** The Barthel band scheme or the LTC 2021 preset (or override) id used; stored with the result. */
  readonly scheme?: string;
};

function decide(
  definition: InstrumentDefinition,
  points: Points,
  flags: AssessmentFlags,
  settings: ScoringSettings,
): KindScore {
  switch (definition.kind) {
    case 'total':
      return scoreTotal(definition, points, flags, settings);
    case 'grid':
      return scoreGrid(definition, points, flags, settings);
    case 'matrix':
      return scoreMatrix(definition, points, settings);
  }
}

/**
 * Scores one assessment (§10): pure, reads no clock, stores nothing. Returns the levels with reasons,
 * or the first coded problem in §3 order with every problem in `details`.
 */
export function score(
  definition: InstrumentDefinition,
  answers: AnswersInput,
  flags: unknown,
  settings: ScoringSettings,
): Result<AssessmentScore, AssessmentError> {
  const checked = checkRequest(definition, answers, flags);
  if (!checked.ok) return checked;
  const decided = decide(definition, checked.value.points, checked.value.flags, settings);
  return ok({
    instrument: definition.code,
    instrumentVersion: definition.revision,
    ...decided,
    settings: { changeRuleStacking: settings.changeRuleStacking, riskEventCounting: settings.riskEventCounting },
    provisional: definition.status === 'provisional',
  });
}

/** Looks the instrument up by code first: an unknown code is `ASSESSMENT_INSTRUMENT_UNKNOWN` on `instrument`. */
export function scoreByCode(
  code: string,
  answers: AnswersInput,
  flags: unknown,
  settings: ScoringSettings,
): Result<AssessmentScore, AssessmentError> {
  const definition = instrumentOf(code);
  if (!definition) {
    const unknown = problem('ASSESSMENT_INSTRUMENT_UNKNOWN', 'instrument');
    return err({ ...unknown, details: [unknown] });
  }
  return score(definition, answers, flags, settings);
}

import { useEffect, useState } from 'react';
import type { ScoreAssessmentResponse } from '@kangyang/contracts/assessment';
import {
  DEFAULT_ASSESSMENT_SETTINGS,
  itemsOf,
  scoreByCode,
  type InstrumentCode,
  type InstrumentDefinition,
} from '@kangyang/domain/assessment';
import { deriveFlags } from '@kangyang/domain/assessment-workflow';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';
import { scorePreview } from '../api/tasks-api.ts';
import type { Supporting } from './use-form-draft.ts';

export type Preview =
  | { kind: 'incomplete'; answered: number; total: number }
  | { kind: 'pending' }
  | { kind: 'scored'; score: ScoreAssessmentResponse; offline: boolean }
  | { kind: 'failed'; error: unknown };

const DEBOUNCE_MS = 350;

/** Scores on the device when the server cannot be reached (platform defaults; the server re-scores on submission). */
function localScore(instrument: InstrumentCode, answers: Record<string, number>, supporting: Supporting) {
  const scored = scoreByCode(instrument, answers, deriveFlags(supporting), DEFAULT_ASSESSMENT_SETTINGS);
  if (!scored.ok) return undefined;
  return { ...scored.value, reasons: [...scored.value.reasons] } as ScoreAssessmentResponse;
}

/**
 * ASM-4 live preview: once every item is answered, POST /api/assessments/score (stores nothing)
 * with the flags derived from the supporting data; offline, the same pure function on the device.
 */
export function useScorePreview(
  definition: InstrumentDefinition,
  answers: Record<string, number>,
  supporting: Supporting,
): Preview {
  const api = useApi();
  const total = itemsOf(definition).length;
  const answered = itemsOf(definition).filter((item) => typeof answers[item.code] === 'number').length;
  const complete = answered === total;
  const [preview, setPreview] = useState<Preview>({ kind: 'pending' });
  useEffect(() => {
    if (!complete) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      scorePreview(api, definition.code, answers, deriveFlags(supporting)).then(
        (score) => live && setPreview({ kind: 'scored', score, offline: false }),
        (error: unknown) => {
          if (!live) return;
          const offline =
            isApiError(error) && error.code === 'NETWORK'
              ? localScore(definition.code, answers, supporting)
              : undefined;
          setPreview(offline ? { kind: 'scored', score: offline, offline: true } : { kind: 'failed', error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, complete, definition.code, answers, supporting]);
  return complete ? preview : { kind: 'incomplete', answered, total };
}

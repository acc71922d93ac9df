import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentDto, SaveAnswersBody } from '@kangyang/contracts/assessment-workflow';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSaveAnswers } from '../api/tasks-api.ts';
import { clearDraft, readDraft, writeDraft } from './draft-store.ts';

export type Supporting = SaveAnswersBody['supporting'];
/** synced: the server holds this content; local: changed on the device only; offline: a save failed for the network. */
export type SyncState = 'synced' | 'local' | 'saving' | 'offline' | 'failed';

const AUTOSAVE_MS = 2500;

const answersOf = (task: AssessmentDto): Record<string, number> =>
  Object.fromEntries(
    Object.entries(task.answers).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );

function supportingOf(task: AssessmentDto): Supporting {
  const value = task.supporting as Partial<Supporting>;
  return {
    ...value,
    riskEvents: value.riskEvents ?? {},
    diseases: value.diseases ?? [],
    medicines: value.medicines ?? [],
    healthProblems: value.healthProblems ?? { coma: false },
  };
}

/**
 * The form's content: the device draft when one exists (restored after a reload or a dropped
 * network), else the server's. Every change is written to the device at once and saved to the
 * server after a short pause, again when the browser is back online, or on demand.
 */
export function useFormDraft(task: AssessmentDto) {
  const [initial] = useState(() => readDraft(task.id));
  const [answers, setAnswers] = useState<Record<string, number>>(() => initial?.answers ?? answersOf(task));
  const [supporting, setSupporting] = useState<Supporting>(() =>
    initial ? { ...supportingOf(task), ...initial.supporting } : supportingOf(task),
  );
  const [sync, setSync] = useState<SyncState>(initial ? 'local' : 'synced');
  const [error, setError] = useState<unknown>(null);
  const save = useSaveAnswers(task.id);
  const version = useRef(task.version);
  useEffect(() => {
    version.current = task.version;
  }, [task.version]);
  /** The newest content, also between a change and the next render (set only by `change`). */
  const latest = useRef({ answers, supporting });

  const push = useCallback(async () => {
    const content = latest.current;
    setSync('saving');
    try {
      await save.mutateAsync({
        version: version.current,
        body: { answers: content.answers, supporting: content.supporting },
      });
      // only forget the device copy when nothing changed while the request was under way
      if (latest.current === content) {
        clearDraft(task.id);
        setSync('synced');
      } else setSync('local');
      setError(null);
    } catch (failure) {
      setSync(isApiError(failure) && failure.code === 'NETWORK' ? 'offline' : 'failed');
      setError(failure);
    }
  }, [save, task.id]);

  const change = useCallback(
    (next: { answers?: Record<string, number>; supporting?: Supporting }) => {
      const merged = { ...latest.current, ...next };
      latest.current = merged;
      if (next.answers) setAnswers(next.answers);
      if (next.supporting) setSupporting(next.supporting);
      writeDraft({ taskId: task.id, baseVersion: version.current, ...merged, changedAt: new Date().toISOString() });
      setSync('local');
    },
    [task.id],
  );

  useEffect(() => {
    if (sync !== 'local') return undefined;
    const timer = window.setTimeout(() => void push(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [sync, answers, supporting, push]);

  useEffect(() => {
    const online = () => {
      if (readDraft(task.id)) void push();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [push, task.id]);

  return { answers, supporting, change, sync, error, saveNow: push, restored: initial };
}

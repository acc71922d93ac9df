import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ScoreAssessmentResponse } from '@kangyang/contracts/assessment';
import {
  AssessmentDto,
  AssessmentPage,
  DueListDto,
  WorkloadDto,
  type AssessmentListQuery,
  type SaveAnswersBody,
} from '@kangyang/contracts/assessment-workflow';
import type { AssessmentFlags } from '@kangyang/domain/assessment';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

const TASKS = 'assessment-tasks';
const taskKey = (id: string) => [TASKS, 'one', id] as const;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const taskPath = (id: string, step = '') => `/api/assessments/${encodeURIComponent(id)}${step}`;

/** ASM-3/4: the tasks the caller may see; `mine` for an assessor's own list, `state` for the review inbox. */
export function useTaskList(query: Partial<AssessmentListQuery>) {
  const api = useApi();
  return useQuery({
    queryKey: [TASKS, 'page', query],
    queryFn: () => api.get('/api/assessments', AssessmentPage, query),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useTask(id: string) {
  const api = useApi();
  return useQuery({ queryKey: taskKey(id), queryFn: () => api.get(taskPath(id), AssessmentDto), retry: false });
}

export const saveAnswers = (api: ApiClient, id: string, version: number, body: SaveAnswersBody) =>
  api.send('PUT', taskPath(id, '/answers'), AssessmentDto, body, ifMatch(version));

export type TaskStep = 'sign' | 'submit' | 'reopen' | 'approve' | 'return';

export const taskStep = (api: ApiClient, id: string, version: number, step: TaskStep, reason?: string) =>
  api.send('POST', taskPath(id, `/${step}`), AssessmentDto, step === 'return' ? { reason } : {}, ifMatch(version));

/** Saves the draft; the answer (new version) replaces the cached task. */
export function useSaveAnswers(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: SaveAnswersBody }) => saveAnswers(api, id, version, body),
    onSuccess: (task) => queryClient.setQueryData(taskKey(id), task),
  });
}

/** One workflow step (sign, submit, reopen, approve, return with a reason). */
export function useTaskStep(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, step, reason }: { version: number; step: TaskStep; reason?: string }) =>
      taskStep(api, id, version, step, reason),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKey(id), task);
      void queryClient.invalidateQueries({ queryKey: [TASKS, 'page'] });
    },
  });
}

/** The live score preview (POST /api/assessments/score stores nothing). */
export const scorePreview = (
  api: ApiClient,
  instrument: string,
  answers: Readonly<Record<string, number>>,
  flags: AssessmentFlags,
) => api.send('POST', '/api/assessments/score', ScoreAssessmentResponse, { instrument, answers, flags });

/** ASM-6: elders whose level falls due, counted by month. */
export function useDueList(query: { region?: string | undefined; months: number; limit: number; offset: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [TASKS, 'due', query],
    queryFn: () => api.get('/api/assessments/due', DueListDto, query),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** ASM-10: open and finished tasks per agency. */
export function useWorkload(region: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [TASKS, 'workload', region],
    queryFn: () => api.get('/api/assessments/workload', WorkloadDto, { region }),
    retry: false,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApplicationDto,
  ApplicationPage,
  type ApplicationListQuery,
  type ReviewBody,
} from '@kangyang/contracts/application';
import { useApi } from '../../../shared/api/api-context.tsx';

const APPLICATIONS = 'applications';

/** POL-5: the inbox, scoped by the server to the reader's regions. */
export function useApplicationPage(query: ApplicationListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [APPLICATIONS, 'page', query],
    queryFn: () => api.get('/api/applications', ApplicationPage, query),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [APPLICATIONS, 'detail', id],
    queryFn: () => api.get(`/api/applications/${encodeURIComponent(id ?? '')}`, ApplicationDto),
    enabled: id !== undefined,
    retry: false,
  });
}

/** One step of the workflow: the street's review, the district's approval or refusal. */
export type ApplicationStep =
  | { kind: 'review'; body: ReviewBody }
  | { kind: 'approve'; reason: string | undefined }
  | { kind: 'refuse'; reason: string };

export function useApplicationStep(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const path = (action: string) => `/api/applications/${encodeURIComponent(id)}/${action}`;
  return useMutation({
    mutationFn: (step: ApplicationStep) => {
      if (step.kind === 'review') return api.send('POST', path('review'), ApplicationDto, step.body);
      if (step.kind === 'approve')
        return api.send('POST', path('approve'), ApplicationDto, step.reason ? { reason: step.reason } : {});
      return api.send('POST', path('refuse'), ApplicationDto, { reason: step.reason });
    },
    onSuccess: (application) => {
      queryClient.setQueryData([APPLICATIONS, 'detail', id], application);
      void queryClient.invalidateQueries({ queryKey: [APPLICATIONS, 'page'] });
    },
  });
}

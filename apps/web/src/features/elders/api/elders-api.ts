import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ElderDto,
  ElderPage,
  RevealResponse,
  type ElderCreateBody,
  type ElderListQuery,
  type ElderSearchBody,
  type ElderUpdateBody,
} from '@kangyang/contracts/elder';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

/** What the list asks for: a name search travels in the query, an ID or phone only in a POST body (ENC-4). */
export type ElderListRequest = { kind: 'list'; query: ElderListQuery } | { kind: 'search'; body: ElderSearchBody };

export const fetchElderPage = (api: ApiClient, request: ElderListRequest) =>
  request.kind === 'list'
    ? api.get('/api/elders', ElderPage, request.query)
    : api.send('POST', '/api/elders/search', ElderPage, request.body);

export const fetchElder = (api: ApiClient, id: string) => api.get(`/api/elders/${encodeURIComponent(id)}`, ElderDto);

export const createElder = (api: ApiClient, body: ElderCreateBody, idempotencyKey: string) =>
  api.send('POST', '/api/elders', ElderDto, body, { 'Idempotency-Key': idempotencyKey });

/** API-5: the edit carries the version it was based on; a newer one answers 412 VERSION_CONFLICT. */
export const updateElder = (api: ApiClient, id: string, version: number, body: ElderUpdateBody) =>
  api.send('PATCH', `/api/elders/${encodeURIComponent(id)}`, ElderDto, body, { 'If-Match': `"${version}"` });

export const revealElder = (api: ApiClient, id: string, reason: string) =>
  api.send('POST', `/api/elders/${encodeURIComponent(id)}/reveal`, RevealResponse, { reason });

const ELDERS = 'elders';
export const elderKey = (id: string) => [ELDERS, 'detail', id] as const;

export function useElderPage(request: ElderListRequest) {
  const api = useApi();
  return useQuery({
    queryKey: [ELDERS, 'page', request],
    queryFn: () => fetchElderPage(api, request),
    placeholderData: keepPreviousData,
    // an ID number or phone in a query key is forgotten as soon as the page leaves it
    ...(request.kind === 'search' ? { gcTime: 0 } : {}),
  });
}

export function useElder(id: string) {
  const api = useApi();
  return useQuery({ queryKey: elderKey(id), queryFn: () => fetchElder(api, id), retry: false });
}

export function useCreateElder() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ElderCreateBody; idempotencyKey: string }) =>
      createElder(api, body, idempotencyKey),
    onSuccess: (elder) => {
      queryClient.setQueryData(elderKey(elder.id), elder);
      void queryClient.invalidateQueries({ queryKey: [ELDERS, 'page'] });
    },
  });
}

export function useUpdateElder(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: ElderUpdateBody }) => updateElder(api, id, version, body),
    onSuccess: (elder) => {
      queryClient.setQueryData(elderKey(id), elder);
      void queryClient.invalidateQueries({ queryKey: [ELDERS, 'page'] });
    },
  });
}

export function useRevealElder(id: string) {
  const api = useApi();
  return useMutation({ mutationFn: (reason: string) => revealElder(api, id, reason) });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ImportJobDto, type ImportMode } from '@kangyang/contracts/import';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

/** An import job as the wizard sees it: progress counts, the masked preview and a sample of row errors. */
export const ImportJob = ImportJobDto;
export type ImportJob = ImportJobDto;

export const TEMPLATE_PATH = '/api/imports/elders/template';
export const errorReportPath = (id: string) => `/api/imports/${encodeURIComponent(id)}/errors.xlsx`;

/** REG-6: upload (multipart field `file`); the server validates every row before anything is written. */
export function uploadElderFile(api: ApiClient, file: File, regionCode: string | undefined) {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = regionCode ? `?regionCode=${encodeURIComponent(regionCode)}` : '';
  return api.upload(`/api/imports/elders${query}`, ImportJob, form);
}

export const fetchImportJob = (api: ApiClient, id: string) =>
  api.get(`/api/imports/${encodeURIComponent(id)}`, ImportJob);

export const confirmImport = (api: ApiClient, id: string, mode: ImportMode) =>
  api.send('POST', `/api/imports/${encodeURIComponent(id)}/confirm`, ImportJob, { mode });

const jobKey = (id: string) => ['imports', id] as const;
const RUNNING = new Set(['validating', 'importing']);
const POLL_MS = 1000;

/** The job, polled once a second while the server validates or imports it. */
export function useImportJob(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: jobKey(id),
    queryFn: () => fetchImportJob(api, id),
    refetchInterval: (query) => (query.state.data && !RUNNING.has(query.state.data.status) ? false : POLL_MS),
    retry: 1,
  });
}

export function useUploadElderFile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, regionCode }: { file: File; regionCode: string | undefined }) =>
      uploadElderFile(api, file, regionCode),
    onSuccess: (job) => queryClient.setQueryData(jobKey(job.id), job),
  });
}

export function useConfirmImport(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mode: ImportMode) => confirmImport(api, id, mode),
    onSuccess: (job) => queryClient.setQueryData(jobKey(id), job),
  });
}

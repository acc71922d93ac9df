import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditPage, type AuditSearchBody } from '@kangyang/contracts/audit';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

/**
 * PLT-3, AUD-8: the audit log, always through POST /api/audit/search, so an elder's ID number
 * (and any other filter) stays out of URLs and access logs.
 */
export const searchAudit = (api: ApiClient, body: AuditSearchBody) =>
  api.send('POST', '/api/audit/search', AuditPage, body);

export function useAuditSearch(body: AuditSearchBody) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', body],
    queryFn: () => searchAudit(api, body),
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
}

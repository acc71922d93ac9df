import { useQuery } from '@tanstack/react-query';
import { RegionList, type RegionDto } from '@kangyang/contracts/region';
import type { ApiClient } from './api-client.ts';
import { useApi } from './api-context.tsx';

export type { RegionDto };

/** The roots of the user's region selector, one per granted scope (POR-1). */
export const fetchRegionRoots = (api: ApiClient) => api.get('/api/regions/roots', RegionList);

export const fetchRegionChildren = (api: ApiClient, code: string) =>
  api.get(`/api/regions/${encodeURIComponent(code)}/children`, RegionList);

export const regionChildrenKey = (code: string) => ['regions', 'children', code] as const;

export function useRegionRoots() {
  const api = useApi();
  return useQuery({ queryKey: ['regions', 'roots'], queryFn: () => fetchRegionRoots(api), staleTime: 10 * 60_000 });
}

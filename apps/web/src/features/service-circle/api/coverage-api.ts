import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CoverageList, CoverageRefreshDto, UncoveredPage } from '@kangyang/contracts/coverage';
import { useApi } from '../../../shared/api/api-context.tsx';

const COVERAGE = 'coverage';

/** HCS-10 rollups per community (precomputed; the page never triggers a scan). */
export function useCoverage(regionCode: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [COVERAGE, 'communities', regionCode ?? ''],
    queryFn: () => api.get('/api/coverage/communities', CoverageList, regionCode ? { regionCode } : {}),
    placeholderData: keepPreviousData,
  });
}

export function useUncovered(communityCode: string | undefined, page: { limit: number; offset: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [COVERAGE, 'uncovered', communityCode, page],
    queryFn: () =>
      api.get(`/api/coverage/communities/${encodeURIComponent(communityCode ?? '')}/uncovered`, UncoveredPage, page),
    enabled: communityCode !== undefined,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
}

export function useRefreshCoverage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (countyCode: string) =>
      api.send('POST', '/api/coverage/refresh', CoverageRefreshDto, { regionCode: countyCode }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [COVERAGE] }),
  });
}

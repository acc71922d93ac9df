import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IndicatorBreakdown,
  IndicatorList,
  IndicatorTrend,
  OverviewTrend,
  RefreshStatus,
  RegionOverview,
  ReportedEntryDto,
  ReportedEntryList,
  type ReportedEntryBody,
} from '@kangyang/contracts/indicators';
import { useApi } from '../../../shared/api/api-context.tsx';
import { useRegionRoots } from '../../../shared/api/regions-api.ts';
import { useRegionScope } from '../../../shared/region-scope.tsx';

/** KPI-5: the command centre and the plan page refresh themselves every minute. */
export const REFRESH_MS = 60_000;

const plan = (profileId: string) => `/api/plans/${encodeURIComponent(profileId)}`;
const indicator = (profileId: string, indicatorId: string) =>
  `${plan(profileId)}/indicators/${encodeURIComponent(indicatorId)}`;

/** The region the dashboards show: the one chosen in the top bar, else the user's first scope root. */
export function useDashboardRegion(): { code: string | undefined; pending: boolean } {
  const { regionCode } = useRegionScope();
  const roots = useRegionRoots();
  if (regionCode) return { code: regionCode, pending: false };
  return { code: roots.data?.items[0]?.code, pending: roots.isPending };
}

/** KPI-1, KPI-2: every indicator of one plan for a region, with status and last refresh. */
export function usePlanIndicators(profileId: string, region: string | undefined, year: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', profileId, region ?? null, year ?? null],
    queryFn: () => api.get(`${plan(profileId)}/indicators`, IndicatorList, { region, year }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}

/** KPI-3: the indicator by child region. */
export function useBreakdown(profileId: string, indicatorId: string, region: string | undefined, year?: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', profileId, 'breakdown', indicatorId, region ?? null, year ?? null],
    queryFn: () => api.get(`${indicator(profileId, indicatorId)}/breakdown`, IndicatorBreakdown, { region, year }),
    retry: false,
  });
}

/** KPI-8: monthly values of one indicator. */
export function useIndicatorTrend(profileId: string, indicatorId: string, region: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', profileId, 'trend', indicatorId, region ?? null],
    queryFn: () => api.get(`${indicator(profileId, indicatorId)}/trend`, IndicatorTrend, { region }),
    retry: false,
  });
}

/** KPI-4: reported figures of a region (append-only; the latest counts). */
export function useReportedEntries(profileId: string, indicatorId: string, region: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', profileId, 'reported', indicatorId, region ?? null],
    queryFn: () => api.get(`${indicator(profileId, indicatorId)}/reported`, ReportedEntryList, { region }),
    retry: false,
  });
}

export function useReportValue(profileId: string, indicatorId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    /** `key` stays the same while the user retries one entry (API-4). */
    mutationFn: ({ body, key }: { body: ReportedEntryBody; key: string }) =>
      api.send('POST', `${indicator(profileId, indicatorId)}/reported`, ReportedEntryDto, body, {
        'Idempotency-Key': key,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicators', profileId] }),
  });
}

/** KPI-6: the region overview. */
export function useRegionOverview(region: string | undefined, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: ['overview', region ?? null],
    queryFn: () => api.get(`/api/regions/${encodeURIComponent(region ?? '')}/overview`, RegionOverview),
    enabled: Boolean(region),
    placeholderData: keepPreviousData,
    refetchInterval,
    retry: false,
  });
}

export function useOverviewTrend(region: string | undefined, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: ['overview', 'trend', region ?? null],
    queryFn: () => api.get(`/api/regions/${encodeURIComponent(region ?? '')}/overview/trend`, OverviewTrend),
    enabled: Boolean(region),
    refetchInterval,
    retry: false,
  });
}

/** KPI-1: when the rollups were last refreshed, and whether a refresh is under way (polled while it runs). */
export function useRefreshStatus() {
  const api = useApi();
  return useQuery({
    queryKey: ['indicators', 'refresh'],
    queryFn: () => api.get('/api/indicators/refresh', RefreshStatus),
    refetchInterval: (query) => (query.state.data?.pending ? 2000 : REFRESH_MS),
  });
}

export function useRequestRefresh() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send('POST', '/api/indicators/refresh', RefreshStatus),
    onSuccess: (status) => queryClient.setQueryData(['indicators', 'refresh'], status),
  });
}

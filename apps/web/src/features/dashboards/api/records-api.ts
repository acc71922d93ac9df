import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IndicatorRecords } from '@kangyang/contracts/indicator-records';
import { useApi } from '../../../shared/api/api-context.tsx';

export type RecordsRequest = {
  profileId: string;
  indicatorId: string;
  region: string | undefined;
  year: number | undefined;
  set: 'counted' | 'uncounted';
  page: number;
  pageSize: number;
};

/** KPI-3: one page of the records behind an indicator (personal rows masked; the server audits the read). */
export function useIndicatorRecords(request: RecordsRequest) {
  const api = useApi();
  const { profileId, indicatorId, region, year, set, page, pageSize } = request;
  return useQuery({
    queryKey: ['indicators', profileId, 'records', indicatorId, region ?? null, year ?? null, set, page, pageSize],
    queryFn: () =>
      api.get(
        `/api/plans/${encodeURIComponent(profileId)}/indicators/${encodeURIComponent(indicatorId)}/records`,
        IndicatorRecords,
        { region, year, set, page, pageSize },
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  DailyCountList,
  RedemptionDto,
  SitePage,
  type DailyCountQuery,
  type RedemptionBody,
  type SiteListQuery,
} from '@kangyang/contracts/meals';
import { DeliveryRoundDto, type DeliveryRoundQuery } from '@kangyang/contracts/meal-deliveries';
import { useApi } from '../../../shared/api/api-context.tsx';

const MEALS = 'meals';

export function useMealSites(query: Partial<SiteListQuery>) {
  const api = useApi();
  return useQuery({
    queryKey: [MEALS, 'sites', query],
    queryFn: () => api.get('/api/meals/sites', SitePage, { limit: 200, ...query }),
    staleTime: 5 * 60_000,
  });
}

/** HCS-11: one scan at the counter; a retried request carries the same key (and the server dedupes anyway). */
export function useRedeemMeal() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RedemptionBody; idempotencyKey: string }) =>
      api.send('POST', '/api/meals/redemptions', RedemptionDto, body, { 'Idempotency-Key': idempotencyKey }),
  });
}

export function useDailyCounts(query: DailyCountQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [MEALS, 'counts', query],
    queryFn: () => api.get('/api/meals/daily-counts', DailyCountList, query),
    placeholderData: keepPreviousData,
  });
}

/** HCS-11: one meal's delivery round of a site, in driving order. */
export function useDeliveryRound(siteId: string | undefined, query: DeliveryRoundQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [MEALS, 'deliveries', siteId, query],
    queryFn: () => api.get(`/api/meals/sites/${encodeURIComponent(siteId ?? '')}/deliveries`, DeliveryRoundDto, query),
    enabled: siteId !== undefined,
  });
}

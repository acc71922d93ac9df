import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CarePlanDto, CarePlanList, type CarePlanCreateBody } from '@kangyang/contracts/care-plans';
import { OrderPage, ProviderPage } from '@kangyang/contracts/home-care';
import { useApi } from '../../../shared/api/api-context.tsx';

const BASE = '/api/home-care';
const CARE_PLANS = 'home-care-care-plans';
/** A year of weekly visits fits; older ones are in the elder's visits. */
const ORDERS_SHOWN = 200;

/** An elder's care plans, newest first (HCS-3 recurring visits). */
export function useCarePlans(elderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [CARE_PLANS, 'list', elderId],
    queryFn: () => api.get(`${BASE}/care-plans`, CarePlanList, { elderId }),
  });
}

/** The orders the daily job booked for an elder's care plans (channel `carePlan`), latest first. */
export function useCarePlanOrders(elderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [CARE_PLANS, 'orders', elderId],
    queryFn: () => api.get(`${BASE}/orders`, OrderPage, { elderId, channel: 'carePlan', limit: ORDERS_SHOWN }),
  });
}

export function useProviders() {
  const api = useApi();
  return useQuery({
    queryKey: [CARE_PLANS, 'providers'],
    queryFn: () => api.get(`${BASE}/providers`, ProviderPage, { limit: 200 }),
    staleTime: 10 * 60_000,
  });
}

export function useCreateCarePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CarePlanCreateBody; idempotencyKey: string }) =>
      api.send('POST', `${BASE}/care-plans`, CarePlanDto, body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: (plan) => void queryClient.invalidateQueries({ queryKey: [CARE_PLANS, 'list', plan.elderId] }),
    onSettled: (_plan, _error, { body }) =>
      void queryClient.invalidateQueries({ queryKey: [CARE_PLANS, 'orders', body.elderId] }),
  });
}

/** Ends a plan: no more visits are booked and its booked visits not yet started are cancelled. */
export function useEndCarePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.send('POST', `${BASE}/care-plans/${encodeURIComponent(id)}/end`, CarePlanDto, { reason }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [CARE_PLANS] }),
  });
}

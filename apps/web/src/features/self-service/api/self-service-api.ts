import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ComplaintDto, RatingDto } from '@kangyang/contracts/complaints';
import {
  MyCatalogue,
  MyElderList,
  MyOrderDto,
  MyOrderList,
  type MyComplaintBody,
  type MyOrderBody,
  type MyRatingBody,
} from '@kangyang/contracts/self-service';
import { useApi } from '../../../shared/api/api-context.tsx';

/** The elder's and the family's phone page (issue 6, AZ-8): only elders linked to the account. */
const BASE = '/api/me/elders';
const MY = 'self-service';
const elderPath = (elderId: string, rest: string) => `${BASE}/${encodeURIComponent(elderId)}${rest}`;

export function useMyElders() {
  const api = useApi();
  return useQuery({ queryKey: [MY, 'elders'], queryFn: () => api.get(BASE, MyElderList) });
}

export function useMyCatalogue(elderId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [MY, 'catalogue', elderId],
    queryFn: () => api.get(elderPath(elderId ?? '', '/catalogue'), MyCatalogue),
    enabled: Boolean(elderId),
    staleTime: 10 * 60_000,
  });
}

export function useMyOrders(elderId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [MY, 'orders', elderId],
    queryFn: () => api.get(elderPath(elderId ?? '', '/orders'), MyOrderList),
    enabled: Boolean(elderId),
    refetchInterval: 60_000,
  });
}

/** Every change refreshes the elder's orders. */
function useMyMutation<T, V>(elderId: string, run: (variables: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [MY, 'orders', elderId] }),
  });
}

export function usePlaceOrder(elderId: string) {
  const api = useApi();
  return useMyMutation(elderId, ({ body, key }: { body: MyOrderBody; key: string }) =>
    api.send('POST', elderPath(elderId, '/orders'), MyOrderDto, body, { 'Idempotency-Key': key }),
  );
}

export function useUrgentCall(elderId: string) {
  const api = useApi();
  return useMyMutation(elderId, ({ key }: { key: string }) =>
    api.send('POST', elderPath(elderId, '/urgent'), MyOrderDto, {}, { 'Idempotency-Key': key }),
  );
}

export function useRateVisit(elderId: string) {
  const api = useApi();
  return useMyMutation(elderId, ({ visitId, body }: { visitId: string; body: MyRatingBody }) =>
    api.send('POST', elderPath(elderId, `/visits/${encodeURIComponent(visitId)}/rating`), RatingDto, body),
  );
}

export function useFileComplaint(elderId: string) {
  const api = useApi();
  return useMyMutation(elderId, (body: MyComplaintBody) =>
    api.send('POST', elderPath(elderId, '/complaints'), ComplaintDto, body),
  );
}

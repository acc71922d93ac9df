import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AlertList,
  CandidateList,
  OrderDetailDto,
  OrderPage,
  PriceQuote,
  ServiceItemList,
  type OrderCreateBody,
  type OrderListQuery,
  type OverrideBody,
} from '@kangyang/contracts/home-care';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

const BASE = '/api/home-care';
const ORDERS = 'home-care-orders';
const path = (id: string, rest = '') => `${BASE}/orders/${encodeURIComponent(id)}${rest}`;

export const fetchCatalogue = (api: ApiClient) => api.get(`${BASE}/catalogue`, ServiceItemList);
export const fetchQuote = (api: ApiClient, elderId: string, serviceItemId: string) =>
  api.get(`${BASE}/quote`, PriceQuote, { elderId, serviceItemId });
export const createOrder = (api: ApiClient, body: OrderCreateBody, idempotencyKey: string) =>
  api.send('POST', `${BASE}/orders`, OrderDetailDto, body, { 'Idempotency-Key': idempotencyKey });
export const fetchCandidates = (api: ApiClient, id: string) => api.get(path(id, '/candidates'), CandidateList);
export const dispatchOrder = (api: ApiClient, id: string) => api.send('POST', path(id, '/dispatch'), OrderDetailDto);
export const assignOrder = (api: ApiClient, id: string, body: OverrideBody) =>
  api.send('POST', path(id, '/assign'), OrderDetailDto, body);

export function useCatalogue() {
  const api = useApi();
  return useQuery({ queryKey: [ORDERS, 'catalogue'], queryFn: () => fetchCatalogue(api), staleTime: 10 * 60_000 });
}

export function useQuote(elderId: string | null, serviceItemId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [ORDERS, 'quote', elderId, serviceItemId],
    queryFn: () => fetchQuote(api, elderId ?? '', serviceItemId ?? ''),
    enabled: Boolean(elderId && serviceItemId),
    retry: false,
  });
}

export function useCreateOrder() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderCreateBody; idempotencyKey: string }) =>
      createOrder(api, body, idempotencyKey),
    onSuccess: (order) => {
      queryClient.setQueryData([ORDERS, 'detail', order.id], order);
      void queryClient.invalidateQueries({ queryKey: [ORDERS, 'page'] });
    },
  });
}

export function useOrder(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [ORDERS, 'detail', id],
    queryFn: () => api.get(path(id ?? ''), OrderDetailDto),
    enabled: id !== null,
  });
}

export function useCandidates(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [ORDERS, 'candidates', id],
    queryFn: () => fetchCandidates(api, id ?? ''),
    enabled: id !== null,
    retry: false,
  });
}

/** The best candidate gets the offer (dispatch), or the operator picks one with a reason (override). */
export function useDispatch(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const settle = (order: OrderDetailDto) => {
    queryClient.setQueryData([ORDERS, 'detail', id], order);
    void queryClient.invalidateQueries({ queryKey: [ORDERS, 'candidates', id] });
    void queryClient.invalidateQueries({ queryKey: [ORDERS, 'page'] });
  };
  const auto = useMutation({ mutationFn: () => dispatchOrder(api, id), onSuccess: settle });
  const override = useMutation({ mutationFn: (body: OverrideBody) => assignOrder(api, id, body), onSuccess: settle });
  return { auto, override };
}

/** The board refreshes every 30 s: the response clocks move on their own. */
export function useOrderPage(query: OrderListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [ORDERS, 'page', query],
    queryFn: () => api.get(`${BASE}/orders`, OrderPage, query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useAlerts() {
  const api = useApi();
  return useQuery({
    queryKey: [ORDERS, 'alerts'],
    queryFn: () => api.get(`${BASE}/alerts`, AlertList, { limit: 50 }),
    refetchInterval: 30_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ErrorResponse } from '@kangyang/contracts/common';
import {
  ElderLedgerDto,
  LedgerEntryDto,
  PaymentResultsResponse,
  RunDto,
  RunPage,
  type RunBody,
  type RunListQuery,
} from '@kangyang/contracts/ledger';
import { ApiError, CSRF_HEADER } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';

const LEDGER = 'ledger';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const path = (id: string) => encodeURIComponent(id);

/** SUB-10: one elder's entries and balances. */
export function useElderLedger(elderId: string, paging: { limit: number; offset: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [LEDGER, 'elder', elderId, paging],
    queryFn: () => api.get(`/api/elders/${path(elderId)}/ledger`, ElderLedgerDto, paging),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** REL-2: a correction is a reversing entry (money effect: Idempotency-Key). */
export function useReverseEntry(elderId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: string; reason: string }) =>
      api.send(
        'POST',
        `/api/ledger/entries/${path(entryId)}/reverse`,
        LedgerEntryDto,
        { reason },
        {
          'Idempotency-Key': newIdempotencyKey(),
        },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [LEDGER, 'elder', elderId] }),
  });
}

export function useRuns(query: RunListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [LEDGER, 'runs', query],
    queryFn: () => api.get('/api/ledger/runs', RunPage, query),
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [LEDGER, 'run', id],
    queryFn: () => api.get(`/api/ledger/runs/${path(id ?? '')}`, RunDto),
    enabled: id !== undefined,
    retry: false,
  });
}

function useRunMutation<T>(call: (variables: T) => Promise<z.infer<typeof RunDto>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (run) => {
      queryClient.setQueryData([LEDGER, 'run', run.id], run);
      void queryClient.invalidateQueries({ queryKey: [LEDGER, 'runs'] });
    },
  });
}

/** SUB-2: start (or find) the month's run; the key makes a double click one request's effect. */
export function useStartRun() {
  const api = useApi();
  return useRunMutation((body: RunBody) =>
    api.send('POST', '/api/ledger/runs', RunDto, body, { 'Idempotency-Key': newIdempotencyKey() }),
  );
}

/** SUB-8: a second person approves the run into a payment batch. */
export function useApproveRun() {
  const api = useApi();
  return useRunMutation((id: string) =>
    api.send('POST', `/api/ledger/runs/${path(id)}/approve`, RunDto, undefined, {
      'Idempotency-Key': newIdempotencyKey(),
    }),
  );
}

/** SUB-8: the bank's returned sheet, sent as the raw .xlsx body (the server reads the result column). */
export function useImportResults(runId: string, locale: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      let response: Response;
      try {
        response = await fetch(`/api/ledger/runs/${path(runId)}/results`, {
          method: 'POST',
          body: file,
          credentials: 'same-origin',
          headers: {
            'Content-Type': XLSX_TYPE,
            'Accept-Language': locale,
            [CSRF_HEADER]: '1',
            'Idempotency-Key': newIdempotencyKey(),
          },
        });
      } catch {
        throw new ApiError({ status: 0, code: 'NETWORK', message: '' });
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const error = ErrorResponse.safeParse(body);
        throw new ApiError({
          status: response.status,
          code: error.success ? error.data.error.code : 'BAD_RESPONSE',
          message: error.success ? error.data.error.message : '',
        });
      }
      return PaymentResultsResponse.parse(body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [LEDGER, 'run', runId] }),
  });
}

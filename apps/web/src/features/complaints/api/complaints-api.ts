import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ComplaintDto,
  ComplaintPage,
  type ComplaintListQuery,
  type ComplaintStatusBody,
} from '@kangyang/contracts/complaints';
import { useApi } from '../../../shared/api/api-context.tsx';

const COMPLAINTS = 'complaints';

export function useComplaints(query: Partial<ComplaintListQuery>) {
  const api = useApi();
  return useQuery({
    queryKey: [COMPLAINTS, 'page', query],
    queryFn: () => api.get('/api/complaints', ComplaintPage, query),
    placeholderData: keepPreviousData,
  });
}

/** Acknowledge, respond, resolve or close (forward only; the version guards against a parallel edit). */
export function useChangeComplaint() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ComplaintStatusBody }) =>
      api.send('POST', `/api/complaints/${encodeURIComponent(id)}/status`, ComplaintDto, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [COMPLAINTS] }),
  });
}

import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { EligibilityDto } from '@kangyang/contracts/policy';
import { useApi } from '../../../shared/api/api-context.tsx';

/** POL-4: each benefit of the elder's bound profile, with reasons citing clauses. */
export function useEligibility(elderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['eligibility', elderId],
    queryFn: () => api.get(`/api/elders/${encodeURIComponent(elderId)}/eligibility`, EligibilityDto),
    retry: false,
  });
}

const ElderName = z.object({ id: z.string(), name: z.string() });

/** Only the elder's name for the page title (the elders feature is not imported: features stay apart). */
export function useElderName(elderId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['eligibility', 'elder-name', elderId],
    queryFn: () => api.get(`/api/elders/${encodeURIComponent(elderId)}`, ElderName),
    enabled,
    retry: false,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DesignationDto,
  FacilityAttributesDto,
  FacilityDetail,
  FacilityList,
  type DesignationBody,
  type FacilityAttributesBody,
  type RevokeDesignationBody,
} from '@kangyang/contracts/facilities';
import { useApi } from '../../../shared/api/api-context.tsx';

const facility = (id: string) => `/api/facilities/${encodeURIComponent(id)}`;

/** The facilities of a region with their current attributes and designations in force. */
export function useFacilities(region: string | undefined, kind?: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['facilities', 'list', region ?? null, kind ?? null],
    queryFn: () => api.get('/api/facilities', FacilityList, { region, kind }),
    enabled: Boolean(region),
    retry: false,
  });
}

/** One facility with its attribute history and designations. */
export function useFacility(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['facilities', 'detail', id ?? null],
    queryFn: () => api.get(facility(id ?? ''), FacilityDetail),
    enabled: Boolean(id),
    retry: false,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['facilities'] });
}

export function useSaveAttributes(id: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FacilityAttributesBody) =>
      api.send('PUT', `${facility(id)}/attributes`, FacilityAttributesDto, body),
    onSuccess: invalidate,
  });
}

export function useDesignate(id: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    /** `key` stays the same while the user retries one declaration (API-4). */
    mutationFn: ({ body, key }: { body: DesignationBody; key: string }) =>
      api.send('POST', `${facility(id)}/designations`, DesignationDto, body, { 'Idempotency-Key': key }),
    onSuccess: invalidate,
  });
}

export function useRevoke() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RevokeDesignationBody }) =>
      api.send('DELETE', `/api/designations/${encodeURIComponent(id)}`, DesignationDto, body),
    onSuccess: invalidate,
  });
}

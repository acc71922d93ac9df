import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ProfileDetailDto, ProfileList } from '@kangyang/contracts/policy';
import { useApi } from '../../../shared/api/api-context.tsx';

/** POL-1, POL-2: stored plan profiles, read only. */
export function useProfiles() {
  const api = useApi();
  return useQuery({ queryKey: ['profiles', 'list'], queryFn: () => api.get('/api/profiles', ProfileList) });
}

export function useProfile(id: string, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['profiles', 'detail', id, version ?? null],
    queryFn: () => api.get(`/api/profiles/${encodeURIComponent(id)}`, ProfileDetailDto, { version }),
    retry: false,
  });
}

const Text = z.object({ zh: z.string(), en: z.string() });

/** The parts of an indicator the viewer shows; the API types indicators loosely (records). */
export const IndicatorView = z.object({
  id: z.string(),
  name: Text,
  formulaText: Text,
  targets: z.array(
    z.object({
      year: z.number().optional(),
      recurrence: z.string().optional(),
      part: z.string().optional(),
      op: z.string(),
      value: z.union([z.number(), z.object({ per: z.number() })]),
      max: z.number().optional(),
      unit: z.string(),
    }),
  ),
  source: z.string(),
  leadDept: z.string(),
  coopDepts: z.array(z.string()).optional(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;
export type TargetView = IndicatorView['targets'][number];

/** Indicators that match the viewer's shape; others are left out rather than shown half-read. */
export function indicatorsOf(raw: readonly Record<string, unknown>[]): IndicatorView[] {
  return raw.flatMap((item) => {
    const parsed = IndicatorView.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

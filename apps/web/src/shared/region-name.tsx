import { useQuery } from '@tanstack/react-query';
import { RegionDto } from '@kangyang/contracts/region';
import { useApi } from './api/api-context.tsx';

/**
 * A region's name for its statistical code, with the code beside it in small type for officials who
 * work by code. Names are cached for the session; while loading (or outside the user's scope) the
 * code alone is shown.
 */
export function RegionName({ code }: { code: string }) {
  const api = useApi();
  const region = useQuery({
    queryKey: ['regions', 'one', code],
    queryFn: () => api.get(`/api/regions/${encodeURIComponent(code)}`, RegionDto),
    staleTime: 60 * 60_000,
    retry: false,
  });
  if (!region.data) return <span className="identifier">{code}</span>;
  return (
    <span title={code}>
      {region.data.name} <span className="identifier region-code">{code}</span>
    </span>
  );
}

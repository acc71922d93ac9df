import { useQuery } from '@tanstack/react-query';
import { CoverageList } from '@kangyang/contracts/coverage';
import { DensityCells } from '@kangyang/contracts/indicators';
import { SitePage, type SiteDto } from '@kangyang/contracts/meals';
import { RegionBoundaries } from '@kangyang/contracts/region-boundaries';
import { MAX_PAGE_SIZE } from '@kangyang/contracts/common';
import type { ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';

const region = (code: string | undefined) => `/api/regions/${encodeURIComponent(code ?? '')}`;
/** Sites drawn on one map at most (a district has a few hundred). */
const MAX_SITES = 2000;

/** KPI-7: region boundaries, shipped with the data (no tile server). */
export function useBoundaries(code: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['map', 'boundaries', code ?? null],
    queryFn: () => api.get(`${region(code)}/boundaries`, RegionBoundaries),
    enabled: Boolean(code),
    staleTime: 30 * 60_000,
    retry: false,
  });
}

/** Elder density as aggregated cells (never individual elders). */
export function useDensity(code: string | undefined, cellMetres: number, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['map', 'density', code ?? null, cellMetres],
    queryFn: () => api.get(`${region(code)}/density`, DensityCells, { cellMetres }),
    enabled: enabled && Boolean(code),
    retry: false,
  });
}

async function allSites(api: ApiClient, regionCode: string): Promise<SiteDto[]> {
  const sites: SiteDto[] = [];
  for (let offset = 0; offset < MAX_SITES; offset += MAX_PAGE_SIZE) {
    const page = await api.get('/api/meals/sites', SitePage, { regionCode, limit: MAX_PAGE_SIZE, offset });
    sites.push(...page.items);
    if (sites.length >= page.total || page.items.length === 0) break;
  }
  return sites;
}

/** Institutions, centres, canteens and service points of the region. */
export function useSites(code: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['map', 'sites', code ?? null],
    queryFn: () => allSites(api, code ?? ''),
    enabled: enabled && Boolean(code),
    retry: false,
  });
}

/** HCS-10: the 15-minute service circle per community. */
export function useCoverage(code: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['map', 'coverage', code ?? null],
    queryFn: () => api.get('/api/coverage/communities', CoverageList, { regionCode: code }),
    enabled: enabled && Boolean(code),
    retry: false,
  });
}

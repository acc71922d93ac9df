import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AgeBandSchema, ElderCategorySchema, ElderStatusSchema } from '@kangyang/contracts/elder';
import type { ElderListRequest } from '../api/elders-api.ts';
import type { ElderFilterValues } from './elder-filters.tsx';
import { PAGE_SIZES } from './elder-results.tsx';
import type { SearchTerm } from './search-term.ts';

export type ExactSearch = { kind: 'idNumber'; idNumber: string } | { kind: 'phone'; phone: string };

const positive = (text: string | null, fallback: number) => {
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
};

/**
 * The list's state. Filters, page and a name prefix live in the address (so Back returns to the
 * same page); an exact ID or phone search lives only in memory (ENC-4: never in a URL).
 */
export function useElderListState(regionCode: string | undefined) {
  const [params, setParams] = useSearchParams();
  const [exact, setExact] = useState<ExactSearch | null>(null);
  const filters: ElderFilterValues = {
    category: ElderCategorySchema.safeParse(params.get('category')).data,
    ageBand: AgeBandSchema.safeParse(params.get('ageBand')).data,
    status: ElderStatusSchema.safeParse(params.get('status')).data,
  };
  const name = params.get('name') ?? undefined;
  const pageSize = PAGE_SIZES.includes(positive(params.get('size'), 20)) ? positive(params.get('size'), 20) : 20;
  // a page chosen under another top-bar region starts again at 1
  const page = (params.get('r') ?? '') === (regionCode ?? '') ? positive(params.get('page'), 1) : 1;

  const update = (changes: Record<string, string | number | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  const applySearch = (term: SearchTerm) => {
    if (term.kind === 'partialNumber') return;
    setExact(term.kind === 'idNumber' || term.kind === 'phone' ? term : null);
    update({ name: term.kind === 'name' ? term.name : undefined, page: undefined });
  };
  const setFilters = (value: ElderFilterValues) => update({ ...value, page: undefined });
  const setPage = (nextPage: number, nextSize: number) =>
    update({
      page: nextSize === pageSize ? nextPage : 1,
      size: nextSize === 20 ? undefined : nextSize,
      r: regionCode,
    });

  const shared = { regionCode, ...filters, limit: pageSize, offset: (page - 1) * pageSize };
  const request: ElderListRequest = exact
    ? {
        kind: 'search',
        body: { ...shared, ...(exact.kind === 'idNumber' ? { idNumber: exact.idNumber } : { phone: exact.phone }) },
      }
    : { kind: 'list', query: { ...shared, name } };
  const exportQuery = { regionCode, ...filters, name };
  return { filters, name, exact, page, pageSize, request, exportQuery, applySearch, setFilters, setPage };
}

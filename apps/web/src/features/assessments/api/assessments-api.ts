import { useQuery } from '@tanstack/react-query';
import { ElderAssessmentHistory } from '@kangyang/contracts/assessment-workflow';
import { useApi } from '../../../shared/api/api-context.tsx';

export type HistoryItem = ElderAssessmentHistory['items'][number];

/** ASM-6: an elder's assessments, oldest first as the server gives them. */
export function useAssessmentHistory(elderId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['assessments', 'history', elderId],
    queryFn: () => api.get(`/api/elders/${encodeURIComponent(elderId)}/assessments`, ElderAssessmentHistory),
    retry: false,
  });
}

export type TrendPoint = { date: string; ordinal: number };

/** The level trend: dated assessments with an ordinal, by date (provisional and returned ones left out). */
export function trendOf(items: readonly HistoryItem[]): TrendPoint[] {
  return items
    .flatMap((item) =>
      item.assessmentDate !== null &&
      item.finalLevelOrdinal !== null &&
      (item.state === 'approved' || item.state === 'superseded')
        ? [{ date: item.assessmentDate, ordinal: item.finalLevelOrdinal }]
        : [],
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

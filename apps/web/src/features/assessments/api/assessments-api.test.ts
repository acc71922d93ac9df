import { describe, expect, it } from 'vitest';
import { trendOf, type HistoryItem } from './assessments-api.ts';

const item = (overrides: Partial<HistoryItem>): HistoryItem => ({
  id: '018f7541-d61b-79b9-9265-e2b7e22ae6a9',
  instrument: 'gbt42195-2022',
  instrumentVersion: 'gbt42195-2022/r1',
  reason: 'routine',
  state: 'approved',
  assessmentDate: '2025-01-01',
  approvedAt: null,
  total: 80,
  baseLevel: 'mild',
  finalLevel: 'mild',
  finalLevelOrdinal: 1,
  validUntil: null,
  provisional: false,
  supersedes: null,
  supersededBy: null,
  ...overrides,
});

describe('assessment level trend (ASM-6)', () => {
  it('keeps approved and superseded results with a date and ordinal, sorted by date', () => {
    const points = trendOf([
      item({ assessmentDate: '2025-06-01', finalLevelOrdinal: 2 }),
      item({ assessmentDate: '2024-06-01', finalLevelOrdinal: 0, state: 'superseded' }),
      item({ assessmentDate: '2025-09-01', state: 'draft' }),
      item({ assessmentDate: null }),
      item({ assessmentDate: '2025-07-01', finalLevelOrdinal: null }),
    ]);
    expect(points).toEqual([
      { date: '2024-06-01', ordinal: 0 },
      { date: '2025-06-01', ordinal: 2 },
    ]);
  });
});

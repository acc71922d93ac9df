import { describe, expect, it } from 'vitest';
import { DEFAULT_MEAL_SUBSIDY_RULE, mealSubsidyFor } from './meal-subsidy.ts';
import { canMoveComplaint, isOverdue, responseDeadline } from './complaint-deadline.ts';

describe('meal subsidy by category (HCS-11)', () => {
  const rule = DEFAULT_MEAL_SUBSIDY_RULE;
  it('takes the best applicable amount and never exceeds the price', () => {
    expect(mealSubsidyFor({ categories: ['minimumLiving', 'extremePoverty'], age: 70 }, 1200, rule)).toEqual({
      subsidyFen: 1200,
      payableFen: 0,
      basis: 'extremePoverty',
    });
    expect(mealSubsidyFor({ categories: [], age: 85 }, 1200, rule)).toEqual({
      subsidyFen: rule.advancedAge?.fen,
      payableFen: 1200 - (rule.advancedAge?.fen ?? 0),
      basis: 'advancedAge',
    });
    expect(mealSubsidyFor({ categories: [], age: 65 }, 1200, rule).basis).toBe('everyone');
    expect(mealSubsidyFor({ categories: [], age: 55 }, 1200, rule)).toEqual({
      subsidyFen: 0,
      payableFen: 1200,
      basis: 'none',
    });
  });
});

describe('complaint response deadline (SUP-2)', () => {
  it('counts working days in China time and skips the weekend', () => {
    // Friday 2026-11-20 10:00 China time → Mon, Tue, Wed: end of Wednesday 2026-11-25 China time.
    const friday = new Date('2026-11-20T02:00:00Z');
    expect(responseDeadline(friday, 3).toISOString()).toBe('2026-11-25T15:59:59.999Z');
    // Saturday 23:30 China time is still Saturday; a Sunday-night UTC instant that is Monday in China counts from Monday.
    expect(responseDeadline(new Date('2026-11-21T15:30:00Z'), 1).toISOString()).toBe('2026-11-23T15:59:59.999Z');
    expect(responseDeadline(new Date('2026-11-22T17:00:00Z'), 1).toISOString()).toBe('2026-11-24T15:59:59.999Z');
    expect(responseDeadline(friday, 3, ['2026-11-24']).toISOString()).toBe('2026-11-26T15:59:59.999Z');
  });

  it('is overdue only while unanswered after the deadline', () => {
    const deadline = new Date('2026-11-25T15:59:59.999Z');
    const after = new Date('2026-11-26T00:00:00Z');
    expect(isOverdue('open', deadline, after)).toBe(true);
    expect(isOverdue('acknowledged', deadline, after)).toBe(true);
    expect(isOverdue('responded', deadline, after)).toBe(false);
    expect(isOverdue('open', deadline, new Date('2026-11-25T15:00:00Z'))).toBe(false);
    expect(canMoveComplaint('closed', 'open')).toBe(false);
    expect(canMoveComplaint('open', 'responded')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, isoDate } from '../units/index.ts';
import { dayNumber } from './common-checks.ts';

describe('eligibility: day arithmetic for assessment grace (assessment.md §9)', () => {
  it('counts days from 1970-01-01 across month ends and leap years', () => {
    expect(dayNumber(isoDate('1970-01-01'))).toBe(0);
    expect(dayNumber(isoDate('2000-03-01')) - dayNumber(isoDate('2000-02-28'))).toBe(2);
    expect(dayNumber(isoDate('2100-03-01')) - dayNumber(isoDate('2100-02-28'))).toBe(1);
    expect(dayNumber(isoDate('2025-01-01')) - dayNumber(isoDate('2024-01-01'))).toBe(366);
    expect(dayNumber(isoDate('1969-12-31'))).toBe(-1);
  });

  it('agrees with month arithmetic over a year of month ends', () => {
    const start = isoDate('2023-01-31');
    const days = Array.from({ length: 13 }, (_, month) => dayNumber(addMonths(start, month)) - dayNumber(start));
    expect(days).toEqual([0, 28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334, 365]);
  });
});

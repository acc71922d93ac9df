import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import {
  addPeriods,
  overlapsPeriod,
  parsePeriod,
  period,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  previousPeriod,
} from './period.ts';

describe('ledger periods: month arithmetic for the monthly run (SUB-2)', () => {
  it('parses YYYY-MM and refuses anything else', () => {
    expect(parsePeriod('2026-01')).toBe('2026-01');
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-1')).toBeUndefined();
    expect(parsePeriod('2026-01-01')).toBeUndefined();
    expect(() => period('26-01')).toThrow(RangeError);
  });

  it('knows the first and last day of a month, leap Februaries included', () => {
    expect(periodStart(period('2024-02'))).toBe('2024-02-01');
    expect(periodEnd(period('2024-02'))).toBe('2024-02-29');
    expect(periodEnd(period('2100-02'))).toBe('2100-02-28');
    expect(periodOf(isoDate('2026-03-31'))).toBe('2026-03');
  });

  it('steps across year ends both ways', () => {
    expect(addPeriods(period('2025-12'), 1)).toBe('2026-01');
    expect(previousPeriod(period('2026-01'))).toBe('2025-12');
    expect(addPeriods(period('2026-01'), -25)).toBe('2023-12');
  });

  it('property: adding n months then counting the months between gives n back', () => {
    const periods = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }));
    fc.assert(
      fc.property(periods, fc.integer({ min: -600, max: 600 }), ([year, month], count) => {
        const start = period(`${year}-${String(month).padStart(2, '0')}`);
        const moved = addPeriods(start, count);
        expect(parsePeriod(moved)).toBe(moved);
        expect(periodsBetween(start, moved)).toBe(count);
      }),
    );
  });

  it('a date range touches a month when it overlaps any of its days (end inclusive, open end)', () => {
    const month = period('2026-03');
    expect(overlapsPeriod(isoDate('2026-03-31'), null, month)).toBe(true);
    expect(overlapsPeriod(isoDate('2026-04-01'), null, month)).toBe(false);
    expect(overlapsPeriod(isoDate('2025-01-01'), isoDate('2026-03-01'), month)).toBe(true);
    expect(overlapsPeriod(isoDate('2025-01-01'), isoDate('2026-02-28'), month)).toBe(false);
  });
});

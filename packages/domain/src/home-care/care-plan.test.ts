import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, occurrencesIn } from './care-plan.ts';

const WEEK = { from: '2026-11-23', to: '2026-11-29' }; // Monday to Sunday
const OPEN = { startDate: '2026-11-01', endDate: null };
const dates = (list: { date: string }[]) => list.map((item) => item.date);

describe('care-plan occurrences (HCS-3 recurring visits, China time)', () => {
  it('numbers weekdays Monday = 1 … Sunday = 7 and steps across month ends', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
  });

  it('places Monday, Wednesday and Friday visits at 09:30 Shanghai time', () => {
    const found = occurrencesIn({ weekdays: [1, 3, 5], timeOfDay: '09:30' }, OPEN, WEEK);
    expect(dates(found)).toEqual(['2026-11-23', '2026-11-25', '2026-11-27']);
    expect(found[0]?.startsAt.toISOString()).toBe('2026-11-23T01:30:00.000Z');
  });

  it('keeps an early-morning visit on its China day even though it is the previous UTC day', () => {
    const [first] = occurrencesIn({ weekdays: [7], timeOfDay: '06:00' }, OPEN, WEEK);
    expect(first?.date).toBe('2026-11-29');
    expect(first?.startsAt.toISOString()).toBe('2026-11-28T22:00:00.000Z');
  });

  it('stays inside the plan span and after the given instant', () => {
    const span = { startDate: '2026-11-24', endDate: '2026-11-27' };
    const daily = { weekdays: [1, 2, 3, 4, 5, 6, 7], timeOfDay: '14:00' };
    expect(dates(occurrencesIn(daily, span, WEEK))).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    const afterWednesdayNoon = Date.parse('2026-11-25T04:00:00Z'); // 12:00 in Shanghai
    expect(dates(occurrencesIn(daily, span, WEEK, afterWednesdayNoon))).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    const afterWednesdayVisit = Date.parse('2026-11-25T06:00:00Z'); // 14:00 in Shanghai: not after
    expect(dates(occurrencesIn(daily, span, WEEK, afterWednesdayVisit))).toEqual(['2026-11-26', '2026-11-27']);
  });

  it('finds nothing when the plan ended before the window', () => {
    expect(
      occurrencesIn({ weekdays: [1], timeOfDay: '09:00' }, { startDate: '2026-11-01', endDate: '2026-11-20' }, WEEK),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isoDate, parseIsoDate } from './units.ts';

describe('units: dates', () => {
  it('clamps month ends when adding months (assessment.md §9: 31 Jan + 1 month)', () => {
    expect(addMonths(isoDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(isoDate('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(isoDate('2025-11-30'), 12)).toBe('2026-11-30');
  });
  it('rejects days that do not exist', () => {
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
  });
  it('counts completed years of age', () => {
    expect(ageOn(isoDate('1945-06-15'), isoDate('2025-06-14'))).toBe(79);
    expect(ageOn(isoDate('1945-06-15'), isoDate('2025-06-15'))).toBe(80);
  });
});

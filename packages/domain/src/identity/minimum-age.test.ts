import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import { isUnderMinimumAge, MINIMUM_ADULT_AGE } from './minimum-age.ts';

const TODAY = isoDate('2025-06-15');

describe('DC-2 isUnderMinimumAge', () => {
  it('DC-2: under 14 until the 14th birthday', () => {
    expect(isUnderMinimumAge(isoDate('2011-06-16'), TODAY)).toBe(true);
    expect(isUnderMinimumAge(isoDate('2011-06-15'), TODAY)).toBe(false);
    expect(isUnderMinimumAge(isoDate('1940-01-01'), TODAY)).toBe(false);
  });

  it('DC-2: accounts and volunteers use 18', () => {
    expect(isUnderMinimumAge(isoDate('2007-06-16'), TODAY, MINIMUM_ADULT_AGE)).toBe(true);
    expect(isUnderMinimumAge(isoDate('2007-06-15'), TODAY, MINIMUM_ADULT_AGE)).toBe(false);
  });

  it('DC-2: someone born on 29 February turns 14 on 1 March in a common year', () => {
    expect(isUnderMinimumAge(isoDate('2012-02-29'), isoDate('2026-02-28'))).toBe(true);
    expect(isUnderMinimumAge(isoDate('2012-02-29'), isoDate('2026-03-01'))).toBe(false);
  });
});

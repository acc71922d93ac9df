import { describe, expect, it } from 'vitest';
import { pooledShare, rollUp, rollupCountyKey } from './rollup.ts';
import { targetForYear } from './targets.ts';

describe('roll-up (KPI-3)', () => {
  it('adds children up level by level', () => {
    const communities = [
      { regionCode: '330102001001', measure: 'elders', amount: 10 },
      { regionCode: '330102001002', measure: 'elders', amount: 5 },
      { regionCode: '330102002001', measure: 'elders', amount: 7 },
      { regionCode: '330102002001', measure: 'paid.month', amount: 300 },
    ];
    const streets = rollUp(communities, 9);
    expect(streets).toEqual([
      { regionCode: '330102001', measure: 'elders', amount: 15 },
      { regionCode: '330102002', measure: 'elders', amount: 7 },
      { regionCode: '330102002', measure: 'paid.month', amount: 300 },
    ]);
    expect(rollUp(streets, 6)).toEqual([
      { regionCode: '330102', measure: 'elders', amount: 22 },
      { regionCode: '330102', measure: 'paid.month', amount: 300 },
    ]);
  });

  it('pools ratios as sums of numerators over sums of denominators, not an average of ratios', () => {
    // 1/1 and 1/99: the average of ratios would be 50.5 %, the pooled share is 2 %
    expect(
      pooledShare([
        { numerator: 1, denominator: 1 },
        { numerator: 1, denominator: 99 },
      ]),
    ).toBe(200);
    expect(pooledShare([])).toBeUndefined();
  });

  it('keys city and province rows by a padded county code', () => {
    expect([rollupCountyKey('330102001'), rollupCountyKey('3301'), rollupCountyKey('33')]).toEqual([
      '330102',
      '330100',
      '330000',
    ]);
  });

  it('judges a year against the next deadline, or the last one when all have passed', () => {
    const targets = [{ year: 2020 }, { year: 2022 }];
    expect(targetForYear(targets, 2019)?.year).toBe(2020);
    expect(targetForYear(targets, 2021)?.year).toBe(2022);
    expect(targetForYear(targets, 2026)?.year).toBe(2022);
  });
});

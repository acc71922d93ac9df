import { describe, expect, it } from 'vitest';
import { elapsedShare, indicatorStatus, satisfies, type StatusTarget } from './status.ts';

const atLeast = (value: number, year: number | null, unit = 'basisPoints'): StatusTarget => ({
  op: '>=',
  value,
  max: null,
  unit,
  year,
});

describe('indicator status (KPI-2)', () => {
  it('is met when the target is satisfied, whatever the date', () => {
    expect(
      indicatorStatus({ value: 5600, target: atLeast(5500, 2022), baseline: 0, startYear: 2020, today: '2026-11-23' }),
    ).toBe('met');
  });

  it('is missed when the deadline year has ended unsatisfied', () => {
    expect(
      indicatorStatus({ value: 5400, target: atLeast(5500, 2022), baseline: 0, startYear: 2020, today: '2023-01-01' }),
    ).toBe('missed');
  });

  it('compares with the straight line from baseline to target', () => {
    // 2020-01-01 … 2023-01-01 is 1096 days; 2021-07-02 is 548 days in: expected 4000 + 2000 × 0.5 = 5000
    const target = atLeast(6000, 2022);
    const input = { target, baseline: 4000, startYear: 2020, today: '2021-07-02' };
    expect(elapsedShare(2020, 2022, '2021-07-02')).toBeCloseTo(548 / 1096, 6);
    expect(indicatorStatus({ ...input, value: 5001 })).toBe('on_track');
    expect(indicatorStatus({ ...input, value: 4990 })).toBe('at_risk');
  });

  it('treats "1 per N" as lower is better', () => {
    expect(satisfies(480, atLeast(500, 2022, 'perN'))).toBe(true);
    expect(satisfies(520, atLeast(500, 2022, 'perN'))).toBe(false);
  });

  it('reads between, about and up', () => {
    const between: StatusTarget = { op: 'between', value: 1, max: 2, unit: 'count', year: 2022 };
    expect([0, 1, 2, 3].map((value) => satisfies(value, between))).toEqual([false, true, true, false]);
    const about: StatusTarget = { op: 'about', value: 1000, max: null, unit: 'count', year: 2022 };
    expect([949, 950, 1050, 1051].map((value) => satisfies(value, about))).toEqual([false, true, true, false]);
    expect(satisfies(7001, { op: 'up', value: 7000, max: null, unit: 'basisPoints', year: 2025 })).toBe(true);
  });

  it('has no status without a value, and a recurring target unsatisfied is at risk', () => {
    expect(
      indicatorStatus({ value: null, target: atLeast(1, 2022), baseline: 0, startYear: 2020, today: '2021-01-01' }),
    ).toBeNull();
    expect(
      indicatorStatus({ value: 0, target: atLeast(1, null), baseline: 0, startYear: 2020, today: '2021-01-01' }),
    ).toBe('at_risk');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDate, isoDateOf } from '../units/index.ts';
import {
  addDays,
  capabilityValidity,
  dateOfDayNumber,
  dayNumber,
  dueHorizon,
  dueMonthOf,
  taskDueDate,
} from './schedule.ts';

const settings = { validityMonths: 12, dueSoonDays: 60, immediateTaskDueDays: 15, expiredGraceDays: 30 };

describe('assessment schedule: validity and due dates (assessment.md §8, §9)', () => {
  it('day numbers round-trip over four centuries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (days) => {
        expect(dayNumber(dateOfDayNumber(days))).toBe(days);
      }),
    );
    expect(dayNumber(isoDate('1970-01-01'))).toBe(0);
    expect(addDays(isoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(isoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(isoDate('2026-03-01'), -1)).toBe('2026-02-28');
  });

  it('immediate tasks are due immediateTaskDueDays after the trigger; routine ones at validUntil', () => {
    const trigger = isoDate('2026-11-02');
    expect(taskDueDate({ reason: 'immediate', triggerDate: trigger }, settings)).toBe('2026-11-17');
    expect(
      taskDueDate({ reason: 'routine', triggerDate: trigger, currentValidUntil: isoDate('2026-12-20') }, settings),
    ).toBe('2026-12-20');
    expect(taskDueDate({ reason: 'first', triggerDate: trigger }, settings)).toBe('2026-11-17');
  });

  it('a level is current, due soon dueSoonDays ahead, then expired; it counts only during grace', () => {
    const validUntil = isoDate('2026-12-31');
    expect(capabilityValidity(validUntil, isoDate('2026-10-31'), settings).status).toBe('current');
    expect(capabilityValidity(validUntil, isoDate('2026-11-01'), settings).status).toBe('dueSoon');
    expect(capabilityValidity(validUntil, isoDate('2026-12-31'), settings)).toMatchObject({
      status: 'dueSoon',
      expired: false,
      countsForEligibility: true,
    });
    expect(capabilityValidity(validUntil, isoDate('2027-01-30'), settings)).toMatchObject({
      status: 'expiredInGrace',
      expired: true,
      countsForEligibility: true,
      graceUntil: '2027-01-30',
    });
    expect(capabilityValidity(validUntil, isoDate('2027-01-31'), settings)).toMatchObject({
      status: 'expired',
      countsForEligibility: false,
    });
  });

  it('groups due dates by month and looks ahead at least dueSoonDays', () => {
    expect(dueMonthOf(isoDate('2027-02-28'))).toBe('2027-02');
    expect(dueHorizon(isoDate('2026-11-02'), 1, settings)).toBe('2027-01-01');
    expect(dueHorizon(isoDate('2026-11-02'), 6, settings)).toBe('2027-05-02');
    expect(isoDateOf(2027, 5, 2)).toBe('2027-05-02');
  });
});

import type { Brand, IsoDate } from '../units/index.ts';
import { daysInMonth, isoDateOf } from '../units/index.ts';

/** A calendar month 'YYYY-MM': the period a payment is for (glossary §13 `monthlyRun`). */
export type Period = Brand<string, 'Period'>;

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(value: string): Period | undefined {
  return PERIOD_PATTERN.test(value) ? (value as Period) : undefined;
}

export function period(value: string): Period {
  const parsed = parsePeriod(value);
  if (parsed === undefined) throw new RangeError(`not a period (YYYY-MM): ${value}`);
  return parsed;
}

const partsOf = (value: Period): { year: number; month: number } => ({
  year: Number(value.slice(0, 4)),
  month: Number(value.slice(5, 7)),
});

/** The month a date falls in. */
export const periodOf = (date: IsoDate): Period => date.slice(0, 7) as Period;

export function periodStart(value: Period): IsoDate {
  const { year, month } = partsOf(value);
  return isoDateOf(year, month, 1);
}

export function periodEnd(value: Period): IsoDate {
  const { year, month } = partsOf(value);
  return isoDateOf(year, month, daysInMonth(year, month));
}

export function daysInPeriod(value: Period): number {
  const { year, month } = partsOf(value);
  return daysInMonth(year, month);
}

/** Adds calendar months (negative counts go back). */
export function addPeriods(value: Period, count: number): Period {
  const { year, month } = partsOf(value);
  const index = year * 12 + (month - 1) + count;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}` as Period;
}

export const previousPeriod = (value: Period): Period => addPeriods(value, -1);

/** Months from `from` to `to` (negative when `to` is earlier). */
export function periodsBetween(from: Period, to: Period): number {
  const left = partsOf(from);
  const right = partsOf(to);
  return right.year * 12 + right.month - (left.year * 12 + left.month);
}

export const comparePeriods = (left: Period, right: Period): number => (left < right ? -1 : left > right ? 1 : 0);

/** True when a date range (end inclusive, open when null) touches any day of the period. */
export function overlapsPeriod(start: IsoDate, end: IsoDate | null, value: Period): boolean {
  return start <= periodEnd(value) && (end === null || end >= periodStart(value));
}

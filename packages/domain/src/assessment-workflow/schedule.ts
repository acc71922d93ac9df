import { addMonths, dateParts, isoDateOf, type IsoDate } from '../units/index.ts';
import type { AssessmentReason } from './workflow.ts';

/**
 * Due dates and validity (assessment.md §8, §9). Pure calendar arithmetic: `today` is passed in.
 */

/** Days since 1970-01-01 (proleptic Gregorian), without any clock or time zone. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number (inverse of `dayNumber`). */
export function dateOfDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthPart = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthPart + 2) / 5) + 1;
  const month = monthPart < 10 ? monthPart + 3 : monthPart - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoDateOf(year, month, day);
}

export const addDays = (date: IsoDate, count: number): IsoDate => dateOfDayNumber(dayNumber(date) + count);

export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/** The settings the schedule needs (a subset of the region's assessment settings, §8). */
export type ScheduleSettings = {
  readonly validityMonths: number;
  readonly dueSoonDays: number;
  readonly immediateTaskDueDays: number;
  readonly expiredGraceDays: number;
};

/**
 * When a task is due: a routine reassessment at the current level's `validUntil`; every other task
 * (immediate, first, dispute, other) `immediateTaskDueDays` after its trigger (PROJECT CHOICE for
 * first and dispute, which the standard leaves open).
 */
export function taskDueDate(
  input: { reason: AssessmentReason; triggerDate: IsoDate; currentValidUntil?: IsoDate | null | undefined },
  settings: Pick<ScheduleSettings, 'immediateTaskDueDays'>,
): IsoDate {
  if (input.reason === 'routine' && input.currentValidUntil) return input.currentValidUntil;
  return addDays(input.triggerDate, settings.immediateTaskDueDays);
}

export type CapabilityStatus = 'current' | 'dueSoon' | 'expiredInGrace' | 'expired';

export type CapabilityValidity = {
  readonly status: CapabilityStatus;
  readonly expired: boolean;
  /** §9: an expired level counts for eligibility only during `expiredGraceDays`. */
  readonly countsForEligibility: boolean;
  /** The first day the routine reassessment appears on the due list. */
  readonly dueFrom: IsoDate;
  /** The last day an expired level still counts. */
  readonly graceUntil: IsoDate;
};

/** The state of a level on `today`: valid through `validUntil` inclusive. */
export function capabilityValidity(
  validUntil: IsoDate,
  today: IsoDate,
  settings: ScheduleSettings,
): CapabilityValidity {
  const dueFrom = addDays(validUntil, -settings.dueSoonDays);
  const graceUntil = addDays(validUntil, settings.expiredGraceDays);
  const expired = today > validUntil;
  const status: CapabilityStatus = !expired
    ? today >= dueFrom
      ? 'dueSoon'
      : 'current'
    : today <= graceUntil
      ? 'expiredInGrace'
      : 'expired';
  return { status, expired, countsForEligibility: !expired || today <= graceUntil, dueFrom, graceUntil };
}

/** The month key `YYYY-MM` a reassessment falls due in. */
export const dueMonthOf = (validUntil: IsoDate): string => validUntil.slice(0, 7);

/** The last day the due list looks ahead to: `months` calendar months from today (at least dueSoonDays). */
export function dueHorizon(today: IsoDate, months: number, settings: Pick<ScheduleSettings, 'dueSoonDays'>): IsoDate {
  const byMonths = addMonths(today, months);
  const bySetting = addDays(today, settings.dueSoonDays);
  return byMonths > bySetting ? byMonths : bySetting;
}

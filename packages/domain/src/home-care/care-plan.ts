/**
 * HCS-3 recurring care-plan visits: the occurrences of a weekly pattern inside a date window.
 * Dates are China calendar days (Asia/Shanghai, UTC+8 without daylight saving); a visit starts at
 * the pattern's time of day on that day.
 */
export type WeeklyPattern = {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  /** Local start time, 'HH:MM'. */
  readonly timeOfDay: string;
};

export type PlanSpan = {
  /** First day of the plan (inclusive), 'YYYY-MM-DD'. */
  readonly startDate: string;
  /** Last day of the plan (inclusive), or null while open-ended. */
  readonly endDate: string | null;
};

export type Occurrence = { readonly date: string; readonly startsAt: Date };

const DAY_MS = 86_400_000;

const dayIndex = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (index: number): string => new Date(index * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a calendar date (1 = Monday … 7 = Sunday). */
export const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The instant a visit on `date` at `timeOfDay` starts, China time. */
export const chinaInstant = (date: string, timeOfDay: string): Date => new Date(`${date}T${timeOfDay}:00+08:00`);

/** Adds whole days to a calendar date. */
export const addDays = (date: string, days: number): string => dateOf(dayIndex(date) + days);

/**
 * Every occurrence of `pattern` from `from` to `to` (both inclusive) that falls inside the plan's
 * span and starts strictly after `notBeforeMs` when given, in date order.
 */
export function occurrencesIn(
  pattern: WeeklyPattern,
  span: PlanSpan,
  window: { readonly from: string; readonly to: string },
  notBeforeMs?: number,
): Occurrence[] {
  const first = Math.max(dayIndex(window.from), dayIndex(span.startDate));
  const last = Math.min(dayIndex(window.to), span.endDate === null ? Infinity : dayIndex(span.endDate));
  const days = new Set(pattern.weekdays);
  const found: Occurrence[] = [];
  for (let index = first; index <= last; index += 1) {
    const date = dateOf(index);
    if (!days.has(isoWeekday(date))) continue;
    const startsAt = chinaInstant(date, pattern.timeOfDay);
    if (notBeforeMs !== undefined && startsAt.getTime() <= notBeforeMs) continue;
    found.push({ date, startsAt });
  }
  return found;
}

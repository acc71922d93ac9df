/** China Standard Time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Default response deadline for complaints (SUP-2, HCS-9): three working days, configurable. */
export const DEFAULT_COMPLAINT_RESPONSE_WORKING_DAYS = 3;

const isWeekend = (chinaMidnight: number): boolean => {
  const weekday = new Date(chinaMidnight).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * The end (23:59:59.999 China time) of the `workingDays`-th working day after the day `receivedAt`
 * falls on. Weekends do not count; public holidays are not modelled yet (`holidays` lists ISO dates
 * to skip, e.g. from a future calendar table).
 */
export function responseDeadline(receivedAt: Date, workingDays: number, holidays: readonly string[] = []): Date {
  const skip = new Set(holidays);
  let day = Math.floor((receivedAt.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS;
  let counted = 0;
  while (counted < workingDays) {
    day += DAY_MS;
    if (!isWeekend(day) && !skip.has(new Date(day).toISOString().slice(0, 10))) counted += 1;
  }
  return new Date(day + DAY_MS - 1 - CHINA_OFFSET_MS);
}

export const COMPLAINT_STATUSES = ['open', 'acknowledged', 'responded', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Which status may follow which: a complaint moves forward only; `closed` is final. */
const NEXT: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  open: ['acknowledged', 'responded', 'closed'],
  acknowledged: ['responded', 'closed'],
  responded: ['resolved', 'acknowledged', 'closed'],
  resolved: ['closed'],
  closed: [],
};

export const canMoveComplaint = (from: ComplaintStatus, to: ComplaintStatus): boolean => NEXT[from].includes(to);

/** A complaint is answered once the provider or supervisor has responded. */
export const isAnswered = (status: ComplaintStatus): boolean =>
  status === 'responded' || status === 'resolved' || status === 'closed';

/** Overdue: still unanswered after its deadline. */
export const isOverdue = (status: ComplaintStatus, deadline: Date, now: Date): boolean =>
  !isAnswered(status) && now.getTime() > deadline.getTime();

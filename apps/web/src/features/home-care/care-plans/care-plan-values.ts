/** The care-plan form's values and their checks, before anything is sent (HCS-3, HCS-7). */
import type { CarePlanCreateBody } from '@kangyang/contracts/care-plans';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type CarePlanValues = {
  serviceItemId: string | null;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Start of the visit, 'HH:MM' China time; the window lasts the service's duration. */
  timeOfDay: string;
  /** 'YYYY-MM-DD'. */
  startDate: string;
  /** 'YYYY-MM-DD', or '' for a plan without an end. */
  endDate: string;
  /** The preferred provider, or null to let dispatch choose. */
  providerId: string | null;
  notes: string;
};

export const emptyCarePlan = (today: string): CarePlanValues => ({
  serviceItemId: null,
  weekdays: [],
  timeOfDay: '09:00',
  startDate: today,
  endDate: '',
  providerId: null,
  notes: '',
});

export const CARE_PLAN_FIELDS = [
  'serviceItemId',
  'weekdays',
  'timeOfDay',
  'startDate',
  'endDate',
  'providerId',
  'notes',
] as const;
export type CarePlanField = (typeof CARE_PLAN_FIELDS)[number];
export type CarePlanProblem =
  | 'serviceRequired'
  | 'weekdaysRequired'
  | 'timeRequired'
  | 'timeInvalid'
  | 'startRequired'
  | 'dateInvalid'
  | 'endBeforeStart'
  | 'notesTooLong';
export type CarePlanError = { field: CarePlanField; problem: CarePlanProblem };

export const NOTES_MAX = 500;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** The problems of a form, in field order (the first one gets the focus). */
export function carePlanErrors(values: CarePlanValues): CarePlanError[] {
  const errors: CarePlanError[] = [];
  if (!values.serviceItemId) errors.push({ field: 'serviceItemId', problem: 'serviceRequired' });
  if (values.weekdays.length === 0) errors.push({ field: 'weekdays', problem: 'weekdaysRequired' });
  if (!values.timeOfDay) errors.push({ field: 'timeOfDay', problem: 'timeRequired' });
  else if (!TIME.test(values.timeOfDay)) errors.push({ field: 'timeOfDay', problem: 'timeInvalid' });
  if (!values.startDate) errors.push({ field: 'startDate', problem: 'startRequired' });
  else if (!isIsoDay(values.startDate)) errors.push({ field: 'startDate', problem: 'dateInvalid' });
  if (values.endDate && !isIsoDay(values.endDate)) errors.push({ field: 'endDate', problem: 'dateInvalid' });
  else if (values.endDate && isIsoDay(values.startDate) && values.endDate < values.startDate)
    errors.push({ field: 'endDate', problem: 'endBeforeStart' });
  if (values.notes.trim().length > NOTES_MAX) errors.push({ field: 'notes', problem: 'notesTooLong' });
  return errors;
}

/** The create body of a form without errors. */
export function toCarePlanBody(elderId: string, values: CarePlanValues): CarePlanCreateBody {
  const notes = values.notes.trim();
  return {
    elderId,
    serviceItemId: values.serviceItemId ?? '',
    providerId: values.providerId,
    weekdays: [...new Set(values.weekdays)].sort((a, b) => a - b),
    timeOfDay: values.timeOfDay,
    startDate: values.startDate,
    endDate: values.endDate || null,
    notes: notes || null,
  };
}

/** The form field a server error names (`weekdays[2]` → `weekdays`), or null when it is none of them. */
export function formFieldOf(serverField: string | undefined): CarePlanField | null {
  const head = serverField?.split(/[.[]/)[0];
  return CARE_PLAN_FIELDS.find((field) => field === head) ?? null;
}

/** 'HH:MM' plus the service's minutes: '09:00–10:30' (past midnight wraps). */
export function timeWindowOf(timeOfDay: string, durationMinutes: number | undefined): string {
  if (!TIME.test(timeOfDay) || durationMinutes === undefined) return timeOfDay;
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  const end = (hours * 60 + minutes + durationMinutes) % (24 * 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${timeOfDay}–${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

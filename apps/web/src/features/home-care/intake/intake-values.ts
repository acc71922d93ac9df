/** The call-centre intake form's values and their checks, before anything is sent (HCS-3). */
import type { OrderCreateBody } from '@kangyang/contracts/home-care';

export type Urgency = OrderCreateBody['urgency'];
export type CallerRelation = NonNullable<OrderCreateBody['callerRelation']>;

export type IntakeValues = {
  elderId: string | null;
  serviceItemId: string | null;
  /** `asap`: as soon as possible (the 30-minute promise); `scheduled`: at `scheduledAt`. */
  when: 'asap' | 'scheduled';
  /** A `datetime-local` value, `YYYY-MM-DDTHH:mm`, in the operator's time zone. */
  scheduledAt: string;
  urgency: Urgency;
  callerRelation: CallerRelation;
  callerName: string;
  notes: string;
};

export const EMPTY_INTAKE: IntakeValues = {
  elderId: null,
  serviceItemId: null,
  when: 'asap',
  scheduledAt: '',
  urgency: 'routine',
  callerRelation: 'self',
  callerName: '',
  notes: '',
};

export type IntakeField = 'elder' | 'serviceItemId' | 'scheduledAt' | 'callerName' | 'notes';
export type IntakeProblem =
  | 'elderRequired'
  | 'serviceRequired'
  | 'timeRequired'
  | 'timeInvalid'
  | 'timePast'
  | 'timeTooFar'
  | 'callerNameTooLong'
  | 'notesTooLong';
export type IntakeError = { field: IntakeField; problem: IntakeProblem };

export const NOTES_MAX = 500;
/** Orders are taken up to this many days ahead; further ones belong to a care plan. */
export const SCHEDULE_DAYS_MAX = 30;
/** A few minutes' grace: the operator typed "now". */
const PAST_GRACE_MS = 5 * 60_000;

/** The problems of a form, in field order (the first one gets the focus). */
export function intakeErrors(values: IntakeValues, now: Date): IntakeError[] {
  const errors: IntakeError[] = [];
  if (!values.elderId) errors.push({ field: 'elder', problem: 'elderRequired' });
  if (!values.serviceItemId) errors.push({ field: 'serviceItemId', problem: 'serviceRequired' });
  if (values.when === 'scheduled') {
    const problem = scheduleProblem(values.scheduledAt, now);
    if (problem) errors.push({ field: 'scheduledAt', problem });
  }
  if (values.callerName.trim().length > 50) errors.push({ field: 'callerName', problem: 'callerNameTooLong' });
  if (values.notes.trim().length > NOTES_MAX) errors.push({ field: 'notes', problem: 'notesTooLong' });
  return errors;
}

function scheduleProblem(value: string, now: Date): IntakeProblem | null {
  if (!value) return 'timeRequired';
  const at = scheduledInstant(value);
  if (!at) return 'timeInvalid';
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) return 'timePast';
  if (at.getTime() > now.getTime() + SCHEDULE_DAYS_MAX * 86_400_000) return 'timeTooFar';
  return null;
}

/** The instant of a `datetime-local` value, or null when it is not one. */
export function scheduledInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The order body of a form without errors: a phone-channel order (HCS-3). */
export function toOrderBody(values: IntakeValues): OrderCreateBody {
  const at = values.when === 'scheduled' ? scheduledInstant(values.scheduledAt) : null;
  const notes = values.notes.trim();
  const callerName = values.callerName.trim();
  return {
    elderId: values.elderId ?? '',
    serviceItemId: values.serviceItemId ?? '',
    channel: 'phone',
    urgency: values.urgency,
    scheduledFor: at ? at.toISOString() : null,
    callerRelation: values.callerRelation,
    callerName: callerName || null,
    notes: notes || null,
  };
}

import type { CaregiverTaskDto, SyncAction, VisitTaskDto } from '@kangyang/contracts/home-care';
import type { Queued } from '../offline/offline-queue.ts';

export type CareTask = CaregiverTaskDto;
export type QueuedAction = Queued<SyncAction>;
export type TaskOutcome = NonNullable<VisitTaskDto['outcome']>;
export type Outcomes = ReadonlyMap<string, TaskOutcome>;

export type Confirmation = ({ method: 'signature'; signature: string } | { method: 'code'; code: string }) & {
  by: 'elder' | 'family';
};

export type Progress = {
  state: 'offered' | 'declined' | 'pending' | 'inProgress' | 'done';
  /** The visit's id: the server's, or the one this phone made at check-in. */
  visitId: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** Task outcomes, from the server or this phone. */
  outcomes: Outcomes;
  /** True while the phone holds an action the server has not acknowledged. */
  unsent: boolean;
};

const visitOf = (action: SyncAction): string | null => ('visitId' in action ? action.visitId : null);

/** The task as the caregiver last left it: the server's state, then this phone's unsent actions. */
export function progressOf(task: CareTask, queued: readonly QueuedAction[]): Progress {
  let visitId = task.visitId;
  let checkedInAt = task.checkedInAt;
  let checkedOutAt = task.checkedOutAt;
  let offerReply: boolean | null = null;
  let unsent = false;
  const outcomes = new Map<string, TaskOutcome>();
  for (const item of task.tasks) if (item.outcome) outcomes.set(item.code, item.outcome);
  for (const { action } of queued) {
    if (action.kind === 'checkIn' && action.orderId === task.orderId) {
      visitId ??= action.visitId;
      checkedInAt ??= action.at;
      unsent = true;
    } else if (action.kind === 'offerReply' && action.offerId === task.offer?.id) {
      offerReply = action.accept;
      unsent = true;
    }
  }
  for (const { action } of queued) {
    if (visitId === null || visitOf(action) !== visitId) continue;
    unsent = true;
    if (action.kind === 'task') outcomes.set(action.taskCode, action.outcome);
    if (action.kind === 'checkOut') checkedOutAt ??= action.at;
  }
  const offered = task.status === 'offered' && checkedInAt === null;
  const state =
    offered && offerReply === null
      ? 'offered'
      : offered && offerReply === false
        ? 'declined'
        : checkedOutAt
          ? 'done'
          : checkedInAt
            ? 'inProgress'
            : 'pending';
  return { state, visitId, checkedInAt, checkedOutAt, outcomes, unsent };
}

export type CheckOutProblem = 'checklist' | 'confirmation' | null;

/** Every task needs an outcome, and the elder or family confirms, before check-out (HCS-7, HCS-8). */
export function checkOutProblem(
  task: CareTask,
  outcomes: Outcomes,
  confirmation: Confirmation | null,
): CheckOutProblem {
  if (task.tasks.some((item) => !outcomes.has(item.code))) return 'checklist';
  if (!confirmation) return 'confirmation';
  if (confirmation.method === 'code' && !/^\d{4,8}$/.test(confirmation.code)) return 'confirmation';
  return null;
}

/** The check-out actions in the order the server applies them: tasks, note, confirmation, check-out. */
export function checkOutActions(input: {
  visitId: string;
  at: string;
  /** Outcomes given on this check-out (not those the server has). */
  newOutcomes: readonly (readonly [string, TaskOutcome])[];
  notes: string;
  confirmation: Confirmation;
  location: { lng: number; lat: number; accuracyM: number } | null;
  fallback: { code: string | null; manualReason: string | null } | null;
}): SyncAction[] {
  const { visitId, at } = input;
  const actions: SyncAction[] = input.newOutcomes.map(([taskCode, outcome]) => ({
    kind: 'task',
    visitId,
    taskCode,
    outcome,
    at,
  }));
  const text = input.notes.trim();
  if (text) actions.push({ kind: 'note', visitId, text, at });
  actions.push(
    input.confirmation.method === 'signature'
      ? {
          kind: 'confirm',
          visitId,
          method: 'signature',
          by: input.confirmation.by,
          signatureRef: input.confirmation.signature,
          at,
        }
      : { kind: 'confirm', visitId, method: 'code', by: input.confirmation.by, code: input.confirmation.code, at },
  );
  actions.push({ kind: 'checkOut', visitId, at, ...verification(input.location, input.fallback) });
  return actions;
}

/** How a check-in or check-out is verified (HCS-6): GPS, else the elder's code, else a reason. */
export function verification(
  location: { lng: number; lat: number; accuracyM: number } | null,
  fallback: { code: string | null; manualReason: string | null } | null,
) {
  if (location) return { location, method: 'gps' as const, code: null, manualReason: null };
  if (fallback?.code) return { location: null, method: 'elderCode' as const, code: fallback.code, manualReason: null };
  return { location: null, method: 'manual' as const, code: null, manualReason: fallback?.manualReason ?? null };
}

/** "08:30–09:30" in China time. */
export function timeWindow(start: string, minutes: number | null, locale: string): string {
  const format = (ms: number) =>
    new Date(ms).toLocaleTimeString(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZone: 'Asia/Shanghai',
    });
  const from = Date.parse(start);
  return minutes ? `${format(from)}–${format(from + minutes * 60_000)}` : format(from);
}

/**
 * The list shows the street and number only; building, unit and room appear on the visit itself
 * (a phone shown around, a screenshot sent on: less to leak).
 */
export function maskAddress(address: string): string {
  const number = address.indexOf('号');
  if (number > 0 && number < address.length - 1) return `${address.slice(0, number + 1)} **`;
  return address.length > 12 ? `${address.slice(0, 10)}…` : address;
}

/**
 * REL-6, HCS-6: merge rules for the caregiver's offline actions. Each action carries a client id and
 * the device time (`at`) when the caregiver acted.
 *
 * 1. Replays are no-ops: an action whose client id has a receipt is answered `duplicate` (the shell).
 * 2. Attendance evidence is written once: the first check-in, check-out and confirmation stored for a
 *    visit stay; a later, different one is kept out and answered `stale`. A second check-in for the
 *    same order with another visit id is refused (one visit per order; first stored wins).
 * 3. Task outcomes: per task, the latest device time wins; equal times fall to the greater client id
 *    (UUIDv7, so the later-created action). An older edit arriving late is answered `stale`.
 * 4. Once checked out, a task edit made on the device after the check-out time is refused
 *    (`closed`); edits made before it (still in the outbox) are merged by rule 3.
 * 5. Notes and photos append; each is keyed by its client id, so they never conflict.
 */
export type Stamp = { readonly atMs: number; readonly clientId: string };

export type MergeDecision = 'apply' | 'stale' | 'closed';

/** Rule 3: true when `incoming` supersedes `current`. */
export function newerThan(incoming: Stamp, current: Stamp | null): boolean {
  if (current === null) return true;
  if (incoming.atMs !== current.atMs) return incoming.atMs > current.atMs;
  return incoming.clientId > current.clientId;
}

/** Rules 3 and 4 for one task outcome. */
export function decideTaskEdit(incoming: Stamp, current: Stamp | null, checkOutAtMs: number | null): MergeDecision {
  if (checkOutAtMs !== null && incoming.atMs > checkOutAtMs) return 'closed';
  return newerThan(incoming, current) ? 'apply' : 'stale';
}

/** Rule 2 for check-in, check-out and confirmation. */
export function decideOnce(alreadyStored: boolean): MergeDecision {
  return alreadyStored ? 'stale' : 'apply';
}

/** The order actions are applied in: the device's sequence, then its time, then the client id. */
export function syncOrder<
  T extends { readonly sequence: number; readonly queuedAt: string; readonly clientId: string },
>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      a.sequence - b.sequence ||
      (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0) ||
      (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
  );
}

export type FlagInput = {
  readonly checkInAtMs: number;
  readonly dueAtMs: number;
  readonly checkInLocation: 'inside' | 'outside' | 'unknown';
  readonly checkOutLocation: 'inside' | 'outside' | 'unknown' | null;
  readonly manual: boolean;
  readonly checkedOut: boolean;
  readonly confirmed: boolean;
  readonly tasksOpen: number;
};

export type VisitFlag = 'late' | 'missed' | 'outOfArea' | 'manualEntry' | 'unconfirmed' | 'tasksIncomplete';

/** HCS-6 flags for supervisors (`missed` is raised by the clock job when nobody checked in). */
export function visitFlags(input: FlagInput): VisitFlag[] {
  const flags: VisitFlag[] = [];
  if (input.checkInAtMs > input.dueAtMs) flags.push('late');
  if (input.checkInLocation === 'outside' || input.checkOutLocation === 'outside') flags.push('outOfArea');
  if (input.manual) flags.push('manualEntry');
  if (input.checkedOut && !input.confirmed) flags.push('unconfirmed');
  if (input.checkedOut && input.tasksOpen > 0) flags.push('tasksIncomplete');
  return flags;
}

/** Verified (EVV) when the visit is closed, no location was outside and no manual entry replaced GPS or code. */
export function isVerified(input: FlagInput, codeVerified: boolean): boolean {
  if (!input.checkedOut || input.manual) return false;
  if (input.checkInLocation === 'outside' || input.checkOutLocation === 'outside') return false;
  return codeVerified || (input.checkInLocation === 'inside' && input.checkOutLocation === 'inside');
}

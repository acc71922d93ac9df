/** HCS-5: the response-time clock of an order (target 30 minutes unless the profile says otherwise). */
export const DEFAULT_RESPONSE_TARGET_MINUTES = 30;
/** At risk once this share of the target has passed without arrival. */
export const AT_RISK_SHARE = 2 / 3;
/** A booked visit counts as late after this many minutes past its start. */
export const BOOKED_GRACE_MINUTES = 15;

export type ClockStatus = 'onTime' | 'atRisk' | 'breached' | 'met' | 'late';

export type ClockInput = {
  /** Epoch milliseconds. */
  readonly createdAtMs: number;
  readonly dueAtMs: number;
  readonly targetMinutes: number;
  readonly arrivedAtMs: number | null;
  readonly nowMs: number;
};

export type ClockReading = {
  readonly status: ClockStatus;
  readonly elapsedMinutes: number;
  /** When the order turns at risk (for scheduling the alert job). */
  readonly atRiskAtMs: number;
};

const MINUTE = 60_000;

/** When an order is due: as-soon-as-possible orders at creation + target; booked ones at start + grace. */
export function dueAt(createdAtMs: number, scheduledForMs: number | null, targetMinutes: number): number {
  if (scheduledForMs !== null && scheduledForMs > createdAtMs) return scheduledForMs + BOOKED_GRACE_MINUTES * MINUTE;
  return createdAtMs + targetMinutes * MINUTE;
}

export function readClock(input: ClockInput): ClockReading {
  const { createdAtMs, dueAtMs, targetMinutes, arrivedAtMs, nowMs } = input;
  const atRiskAtMs = dueAtMs - Math.round(targetMinutes * (1 - AT_RISK_SHARE) * MINUTE);
  const end = arrivedAtMs ?? nowMs;
  const elapsedMinutes = Math.max(0, Math.floor((end - createdAtMs) / MINUTE));
  if (arrivedAtMs !== null) return { status: arrivedAtMs <= dueAtMs ? 'met' : 'late', elapsedMinutes, atRiskAtMs };
  if (nowMs > dueAtMs) return { status: 'breached', elapsedMinutes, atRiskAtMs };
  if (nowMs >= atRiskAtMs) return { status: 'atRisk', elapsedMinutes, atRiskAtMs };
  return { status: 'onTime', elapsedMinutes, atRiskAtMs };
}

import { fen } from '../units/index.ts';
import type { Fen } from '../units/index.ts';
import { cadenceOf, reverse, reversedIds } from './ledger-entry.ts';
import type { LedgerEntry, NewLedgerEntry } from './ledger-entry.ts';
import type { ElderStop } from './payment-lines.ts';
import { isStoppedFor } from './payment-lines.ts';

/** A ledger line with whether its money left: its batch was approved and handed to finance. */
export type StopCandidate = LedgerEntry & { readonly sent: boolean };

export type StopRequest = { readonly elderId: string; readonly stop: ElderStop; readonly reason: string };

export type RecoveryEntry = NewLedgerEntry & { readonly kind: 'recovery'; readonly stopDate: string };

export type StopPlan = {
  /** Lines for months after the stop whose money never left: undone by reversal. */
  readonly reversals: NewLedgerEntry[];
  /** Lines for months after the stop whose money left: reclaimed (SUB-3). */
  readonly recoveries: RecoveryEntry[];
  readonly recoveredFen: Fen;
};

/**
 * SUB-3: a death or move-out with a (possibly past) date. Every unreversed, unrecovered monthly
 * payment for the elder for a month after the stop date's month is undone: by a reversal when its
 * batch was not yet approved, by a recovery of the whole line when it was. A recovery never exceeds
 * the line it reclaims, and only lines after the stop are touched (REL-3). Applying the same stop
 * again plans nothing.
 */
export function planStop(entries: readonly StopCandidate[], request: StopRequest): StopPlan {
  const reversed = reversedIds(entries);
  const recovered = new Set(entries.flatMap((entry) => (entry.recoversId === null ? [] : [entry.recoversId])));
  const reversals: NewLedgerEntry[] = [];
  const recoveries: RecoveryEntry[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'payment' || entry.elderId !== request.elderId) continue;
    if (cadenceOf(entry.programme) !== 'monthly' || !isStoppedFor(request.stop, entry.period)) continue;
    if (reversed.has(entry.id) || recovered.has(entry.id)) continue;
    if (entry.sent && entry.amount > 0) {
      recoveries.push({
        programme: entry.programme,
        payee: entry.payee,
        elderId: entry.elderId,
        period: entry.period,
        payer: entry.payer,
        basisPoints: entry.basisPoints,
        amount: fen(-entry.amount),
        kind: 'recovery',
        reversesId: null,
        recoversId: entry.id,
        reason: request.reason,
        stopDate: request.stop.date,
      });
      continue;
    }
    const reversal = reverse(entry, entries, request.reason);
    if (reversal.ok) reversals.push(reversal.value);
  }
  return { reversals, recoveries, recoveredFen: fen(recoveries.reduce((sum, entry) => sum - entry.amount, 0)) };
}

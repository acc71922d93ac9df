import { fen } from '../units/index.ts';
import type { Fen } from '../units/index.ts';
import type { Payee } from './ledger-entry.ts';
import type { SkippedPayee } from './payment-lines.ts';

/** What one payee (for one elder) gets in a month, all payers together. */
export type PayeeMonth = {
  readonly payee: Payee;
  readonly elderId: string | null;
  readonly regionCode: string;
  readonly amount: Fen;
};

export const CHANGE_KINDS = ['new', 'ended', 'changed', 'stopped'] as const;
/** SUB-2: how a payee's money differs from last month. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type MonthChange = {
  readonly change: ChangeKind;
  readonly payee: Payee;
  readonly elderId: string | null;
  readonly regionCode: string;
  readonly previous: Fen;
  readonly current: Fen;
  /** Why: a skip code (ELDER_DECEASED, ENTITLEMENT_ENDED, ATTENDANCE_BELOW_MINIMUM…), NEW_PAYEE or AMOUNT_CHANGED. */
  readonly code: string;
};

export type ChangeSummary = {
  readonly previousTotal: Fen;
  readonly currentTotal: Fen;
  readonly unchanged: number;
  readonly counts: Readonly<Record<ChangeKind, number>>;
  /** The money each kind of change adds (new, changed up) or removes (ended, stopped, changed down). */
  readonly deltas: Readonly<Record<ChangeKind, Fen>>;
};

export const payeeMonthKey = (entry: Pick<PayeeMonth, 'payee' | 'elderId'>): string =>
  `${entry.payee.kind}|${entry.payee.id}|${entry.elderId ?? entry.payee.id}`;

/** Sums lines into one amount per payee and elder, keeping first-seen order. */
export function sumByPayee(lines: readonly PayeeMonth[]): PayeeMonth[] {
  const byKey = new Map<string, PayeeMonth>();
  for (const line of lines) {
    const key = payeeMonthKey(line);
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, amount: fen(known.amount + line.amount) } : line);
  }
  return [...byKey.values()];
}

function explainAbsence(previous: PayeeMonth, skip: SkippedPayee | undefined): MonthChange {
  const base = { payee: previous.payee, elderId: previous.elderId, regionCode: previous.regionCode };
  if (skip?.change === 'stopped')
    return { ...base, change: 'stopped', previous: previous.amount, current: fen(0), code: skip.code };
  return {
    ...base,
    change: 'ended',
    previous: previous.amount,
    current: fen(0),
    code: skip?.code ?? 'ENTITLEMENT_ENDED',
  };
}

/**
 * SUB-2: the difference from last month, explained payee by payee: `new` (paid now, not last
 * month), `ended` or `stopped` (paid last month, not now; stopped = death or move-out),
 * `changed` (another amount). The changes explain the whole difference:
 * previousTotal + Σ(current − previous) = currentTotal.
 */
export function explainMonthChange(
  previousLines: readonly PayeeMonth[],
  currentLines: readonly PayeeMonth[],
  skipped: readonly SkippedPayee[],
): { changes: MonthChange[]; summary: ChangeSummary } {
  const previous = new Map(sumByPayee(previousLines).map((line) => [payeeMonthKey(line), line]));
  const current = sumByPayee(currentLines);
  const skips = new Map(skipped.map((skip) => [payeeMonthKey(skip), skip]));
  const changes: MonthChange[] = [];
  let unchanged = 0;
  for (const line of current) {
    const key = payeeMonthKey(line);
    const before = previous.get(key);
    previous.delete(key);
    const base = { payee: line.payee, elderId: line.elderId, regionCode: line.regionCode, current: line.amount };
    if (before === undefined) changes.push({ ...base, change: 'new', previous: fen(0), code: 'NEW_PAYEE' });
    else if (before.amount !== line.amount)
      changes.push({ ...base, change: 'changed', previous: before.amount, code: 'AMOUNT_CHANGED' });
    else unchanged += 1;
  }
  for (const [key, before] of previous) changes.push(explainAbsence(before, skips.get(key)));
  const counts = { new: 0, ended: 0, changed: 0, stopped: 0 };
  const deltas = { new: 0, ended: 0, changed: 0, stopped: 0 };
  for (const change of changes) {
    counts[change.change] += 1;
    deltas[change.change] += change.current - change.previous;
  }
  const total = (lines: readonly PayeeMonth[]) => fen(lines.reduce((sum, line) => sum + line.amount, 0));
  return {
    changes,
    summary: {
      previousTotal: total(previousLines),
      currentTotal: total(currentLines),
      unchanged,
      counts,
      deltas: {
        new: fen(deltas.new),
        ended: fen(deltas.ended),
        changed: fen(deltas.changed),
        stopped: fen(deltas.stopped),
      },
    },
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FundingPayer, Programme } from '../eligibility/index.ts';
import { fen } from '../units/index.ts';
import { balanceOf, balancesByProgramme, livePayments, reverse, slotKey } from './ledger-entry.ts';
import type { LedgerEntry } from './ledger-entry.ts';
import { addPeriods, period } from './period.ts';

const PROGRAMMES: readonly Programme[] = ['homeCareBedCareSubsidy', 'caregiverPostAllowance', 'homeCareBedSetupGrant'];
const PAYERS: readonly FundingPayer[] = ['city', 'county'];

const entryArbitrary = fc.record({
  programme: fc.constantFrom(...PROGRAMMES),
  elder: fc.constantFrom('e1', 'e2'),
  payer: fc.constantFrom(...PAYERS),
  month: fc.integer({ min: 0, max: 5 }),
  amount: fc.integer({ min: 0, max: 500_000 }),
  kind: fc.constantFrom('payment' as const, 'recovery' as const),
});

const entriesArbitrary = fc.array(entryArbitrary, { minLength: 1, maxLength: 40 }).map((drafts) =>
  drafts.map((draft, index): LedgerEntry => ({
    id: `x${index}`,
    programme: draft.programme,
    payee: { kind: 'elder', id: draft.elder },
    elderId: draft.elder,
    period: addPeriods(period('2026-01'), draft.month),
    payer: draft.payer,
    basisPoints: 10_000,
    amount: fen(draft.kind === 'payment' ? draft.amount : -draft.amount),
    kind: draft.kind,
    reversesId: null,
    recoversId: draft.kind === 'recovery' ? 'paid-elsewhere' : null,
  })),
);

const withOne = entriesArbitrary.chain((entries) => fc.tuple(fc.constant(entries), fc.constantFrom(...entries)));

const payment = (id: string, amount: number): LedgerEntry => ({
  id,
  programme: 'homeCareBedCareSubsidy',
  payee: { kind: 'elder', id: 'e1' },
  elderId: 'e1',
  period: period('2026-01'),
  payer: 'county',
  basisPoints: 10_000,
  amount: fen(amount),
  kind: 'payment',
  reversesId: null,
  recoversId: null,
});

describe('SUB-1 ledger: balances are derived (REL-2)', () => {
  it('property: the balance is the sum of the amounts, and per programme the parts add up', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const sum = entries.reduce((total, entry) => total + entry.amount, 0);
        expect(balanceOf(entries)).toBe(sum);
        const perProgramme = balancesByProgramme(entries);
        expect(perProgramme.reduce((total, row) => total + row.balance, 0)).toBe(sum);
        for (const row of perProgramme) expect(row.balance).toBe(row.paid + row.reversed + row.recovered);
      }),
    );
  });

  it('property: a reversal always brings the balance back to what it was without the original', () => {
    fc.assert(
      fc.property(withOne, ([entries, original]) => {
        const reversal = reverse(original, entries, 'test');
        expect(reversal.ok).toBe(true);
        if (!reversal.ok) return;
        const stored: LedgerEntry = { ...reversal.value, id: 'reversal' };
        expect(balanceOf([...entries, stored])).toBe(balanceOf(entries) - original.amount);
        expect(slotKey(stored)).toBe(slotKey(original));
      }),
    );
  });

  it('never reverses a reversal, nor an entry twice (LEDGER_ENTRY_NOT_REVERSIBLE)', () => {
    const original = payment('p1', 60000);
    const first = reverse(original, [original], 'wrong amount');
    expect(first).toMatchObject({ ok: true, value: { kind: 'reversal', amount: -60000, reversesId: 'p1' } });
    if (!first.ok) return;
    const stored: LedgerEntry = { ...first.value, id: 'r1' };
    expect(reverse(original, [original, stored], 'again')).toEqual({
      ok: false,
      error: { code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'alreadyReversed' },
    });
    expect(reverse(stored, [original, stored], 'undo')).toEqual({
      ok: false,
      error: { code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'reversal' },
    });
  });

  it('a reversed payment no longer stands, so its slot may be paid again (REL-3)', () => {
    const original = payment('p1', 60000);
    const first = reverse(original, [original], 'bank failed');
    if (!first.ok) throw new Error('reversal refused');
    const again = payment('p2', 60000);
    expect(livePayments([original, { ...first.value, id: 'r1' }, again]).map((entry) => entry.id)).toEqual(['p2']);
  });
});

describe('REL-3 a recovered payment is reversed only after its recovery', () => {
  it('refuses to reverse a payment with a standing recovery, and allows it once the recovery is reversed', () => {
    const original = payment('p1', 60000);
    const recovery: LedgerEntry = { ...original, id: 'c1', kind: 'recovery', amount: fen(-60000), recoversId: 'p1' };
    expect(reverse(original, [original, recovery], 'bank failed')).toEqual({
      ok: false,
      error: { code: 'LEDGER_ENTRY_NOT_REVERSIBLE', reason: 'recovered' },
    });
    const undo = reverse(recovery, [original, recovery], 'bank failed');
    if (!undo.ok) throw new Error('recovery reversal refused');
    const entries = [original, recovery, { ...undo.value, id: 'r1' }];
    expect(reverse(original, entries, 'bank failed').ok).toBe(true);
  });
});

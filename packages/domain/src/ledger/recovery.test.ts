import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../eligibility/index.ts';
import { fen, isoDate } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import { periodOf } from './period.ts';
import { addPeriods, period } from './period.ts';
import { planStop } from './recovery.ts';
import type { StopCandidate, StopRequest } from './recovery.ts';

const candidate = (id: string, month: string, overrides: Partial<StopCandidate> = {}): StopCandidate => ({
  id,
  programme: 'homeCareBedCareSubsidy',
  payee: { kind: 'elder', id: 'elder-1' },
  elderId: 'elder-1',
  period: period(month),
  payer: 'county',
  basisPoints: 10_000,
  amount: fen(60000),
  kind: 'payment',
  reversesId: null,
  recoversId: null,
  sent: true,
  ...overrides,
});

const death = (date: string): StopRequest => ({
  elderId: 'elder-1',
  stop: { status: 'deceased', date: isoDate(date) },
  reason: 'death registered',
});

describe('SUB-3 stop and recovery', () => {
  it('recovers months paid after the month of death, not the month itself (000-r3)', () => {
    const entries = [candidate('jan', '2026-01'), candidate('feb', '2026-02'), candidate('mar', '2026-03')];
    const plan = planStop(entries, death('2026-01-20'));
    expect(plan.recoveries.map((entry) => [entry.recoversId, entry.amount, entry.stopDate])).toEqual([
      ['feb', -60000, '2026-01-20'],
      ['mar', -60000, '2026-01-20'],
    ]);
    expect(plan.recoveredFen).toBe(120000);
    expect(plan.reversals).toEqual([]);
  });

  it('reverses lines whose batch was not yet approved instead of recovering them', () => {
    const plan = planStop([candidate('feb', '2026-02', { sent: false })], death('2026-01-20'));
    expect(plan.recoveries).toEqual([]);
    expect(plan.reversals).toEqual([expect.objectContaining({ kind: 'reversal', reversesId: 'feb', amount: -60000 })]);
  });

  it('leaves one-time grants, other elders, reversed and recovered lines alone; a second stop plans nothing', () => {
    const entries = [
      candidate('grant', '2026-03', { programme: 'homeCareBedSetupGrant', payee: { kind: 'institution', id: 'inst' } }),
      candidate('other', '2026-03', { elderId: 'elder-2', payee: { kind: 'elder', id: 'elder-2' } }),
      candidate('feb', '2026-02'),
      candidate('feb-r', '2026-02', { kind: 'reversal', reversesId: 'feb', amount: fen(-60000) }),
      candidate('mar', '2026-03'),
      candidate('mar-rc', '2026-03', { kind: 'recovery', recoversId: 'mar', amount: fen(-60000) }),
    ];
    const plan = planStop(entries, death('2026-01-05'));
    expect(plan.recoveries).toEqual([]);
    expect(plan.reversals).toEqual([]);
  });
});

const programmes: readonly Programme[] = ['homeCareBedCareSubsidy', 'advancedAgeAllowance', 'homeCareBedSetupGrant'];

const ledgerArbitrary = fc
  .uniqueArray(
    fc.record({
      month: fc.integer({ min: 0, max: 11 }),
      programme: fc.constantFrom(...programmes),
      amount: fc.integer({ min: 0, max: 200_000 }),
      sent: fc.boolean(),
      reversed: fc.boolean(),
    }),
    { selector: (draft) => `${draft.month}|${draft.programme}`, maxLength: 30 },
  )
  .map((drafts) =>
    drafts.flatMap((draft, index): StopCandidate[] => {
      const month = addPeriods(period('2026-01'), draft.month);
      const entry = candidate(`p${index}`, month, {
        programme: draft.programme,
        amount: fen(draft.amount),
        sent: draft.sent,
      });
      if (!draft.reversed) return [entry];
      return [entry, { ...entry, id: `r${index}`, kind: 'reversal', reversesId: entry.id, amount: fen(-draft.amount) }];
    }),
  );

const stopDateArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 28 }))
  .map(([offset, day]): IsoDate => isoDate(`${addPeriods(period('2025-12'), offset)}-${String(day).padStart(2, '0')}`));

describe('SUB-3 properties (REL-3)', () => {
  it('property: recoveries never exceed what was paid (and sent, and not reversed) after the stop date', () => {
    fc.assert(
      fc.property(ledgerArbitrary, stopDateArbitrary, (entries, stopDate) => {
        const plan = planStop(entries, death(stopDate));
        const reversed = new Set(entries.flatMap((entry) => (entry.reversesId ? [entry.reversesId] : [])));
        const paidAfter = entries
          .filter((entry) => entry.kind === 'payment' && entry.sent && !reversed.has(entry.id))
          .filter((entry) => entry.period > periodOf(stopDate))
          .reduce((sum, entry) => sum + entry.amount, 0);
        expect(plan.recoveredFen).toBeLessThanOrEqual(paidAfter);
        for (const recovery of plan.recoveries) {
          const original = entries.find((entry) => entry.id === recovery.recoversId);
          expect((original?.period ?? '') > periodOf(stopDate)).toBe(true);
          expect(-recovery.amount).toBe(original?.amount);
        }
      }),
    );
  });

  it('property: after applying a stop, applying it again plans nothing', () => {
    fc.assert(
      fc.property(ledgerArbitrary, stopDateArbitrary, (entries, stopDate) => {
        const plan = planStop(entries, death(stopDate));
        const applied: StopCandidate[] = [
          ...entries,
          ...[...plan.reversals, ...plan.recoveries].map((entry, index) => ({ ...entry, id: `n${index}`, sent: true })),
        ];
        const again = planStop(applied, death(stopDate));
        expect(again.recoveries).toEqual([]);
        expect(again.reversals).toEqual([]);
      }),
    );
  });
});

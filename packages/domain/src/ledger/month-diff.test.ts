import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../units/index.ts';
import { explainMonthChange } from './month-diff.ts';
import type { PayeeMonth } from './month-diff.ts';
import type { SkippedPayee } from './payment-lines.ts';
import { runTotals } from './run-totals.ts';

const line = (elder: string, amount: number): PayeeMonth => ({
  payee: { kind: 'elder', id: elder },
  elderId: elder,
  regionCode: '990102001001',
  amount: fen(amount),
});

describe('SUB-2 difference from last month, explained', () => {
  it('names new, changed, ended and stopped payees with their codes', () => {
    const previous = [line('a', 60000), line('b', 60000), line('c', 60000), line('d', 60000)];
    const current = [line('a', 60000), line('b', 30000), line('e', 60000)];
    const skipped: SkippedPayee[] = [
      {
        payee: { kind: 'elder', id: 'c' },
        elderId: 'c',
        regionCode: '990102001001',
        change: 'stopped',
        code: 'ELDER_DECEASED',
      },
    ];
    const { changes, summary } = explainMonthChange(previous, current, skipped);
    expect(
      changes.map((change) => [change.payee.id, change.change, change.code, change.previous, change.current]),
    ).toEqual([
      ['b', 'changed', 'AMOUNT_CHANGED', 60000, 30000],
      ['e', 'new', 'NEW_PAYEE', 0, 60000],
      ['c', 'stopped', 'ELDER_DECEASED', 60000, 0],
      ['d', 'ended', 'ENTITLEMENT_ENDED', 60000, 0],
    ]);
    expect(summary).toMatchObject({
      previousTotal: 240000,
      currentTotal: 150000,
      unchanged: 1,
      counts: { new: 1, changed: 1, ended: 1, stopped: 1 },
      deltas: { new: 60000, changed: -30000, ended: -60000, stopped: -60000 },
    });
  });

  it('adds the payer lines of one payee before comparing (the city 50 % line and the county line)', () => {
    const { changes, summary } = explainMonthChange([line('a', 30000), line('a', 30000)], [line('a', 60000)], []);
    expect(changes).toEqual([]);
    expect(summary.unchanged).toBe(1);
  });

  it('property: the changes explain the whole difference between the months', () => {
    const month = fc.array(
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.integer({ min: 0, max: 100_000 })),
      {
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(month, month, (previousDrafts, currentDrafts) => {
        const previous = previousDrafts.map(([elder, amount]) => line(elder, amount));
        const current = currentDrafts.map(([elder, amount]) => line(elder, amount));
        const { changes, summary } = explainMonthChange(previous, current, []);
        const delta = changes.reduce((sum, change) => sum + change.current - change.previous, 0);
        expect(summary.previousTotal + delta).toBe(summary.currentTotal);
        const byKind = Object.values(summary.deltas).reduce((sum, value) => sum + value, 0);
        expect(byKind).toBe(delta);
      }),
    );
  });
});

describe('SUB-2 run totals by payer and region', () => {
  it('totals a city run by county and by payer', () => {
    const totals = runTotals(
      [
        { regionCode: '990102003', payer: 'city', amount: fen(30000) },
        { regionCode: '990102003', payer: 'county', amount: fen(30000) },
        { regionCode: '990103001', payer: 'city', amount: fen(20000) },
      ],
      '9901',
    );
    expect(totals).toEqual({
      lines: 3,
      amount: 80000,
      byPayer: [
        { payer: 'city', lines: 2, amount: 50000 },
        { payer: 'county', lines: 1, amount: 30000 },
      ],
      byRegion: [
        { regionCode: '990102', lines: 2, amount: 60000 },
        { regionCode: '990103', lines: 1, amount: 20000 },
      ],
    });
  });
});

import type { FundingPayer } from '../eligibility/index.ts';
import { fen } from '../units/index.ts';
import type { Fen } from '../units/index.ts';

type TotalLine = { readonly regionCode: string; readonly payer: FundingPayer; readonly amount: Fen };

export type RegionTotal = { readonly regionCode: string; readonly lines: number; readonly amount: Fen };
export type PayerTotal = { readonly payer: FundingPayer; readonly lines: number; readonly amount: Fen };
export type RunTotals = {
  readonly lines: number;
  readonly amount: Fen;
  readonly byPayer: readonly PayerTotal[];
  readonly byRegion: readonly RegionTotal[];
};

const CHILD_LENGTH: Readonly<Record<number, number>> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

/** The code length one level below a region (a city's counties, a county's streets…). */
export const childRegionLength = (regionCode: string): number => CHILD_LENGTH[regionCode.length] ?? regionCode.length;

/** SUB-2 run page: totals of a run's lines by payer and by the region level below the run's region. */
export function runTotals(lines: readonly TotalLine[], runRegionCode: string): RunTotals {
  const length = childRegionLength(runRegionCode);
  const byPayer = new Map<FundingPayer, { lines: number; amount: number }>();
  const byRegion = new Map<string, { lines: number; amount: number }>();
  let amount = 0;
  for (const line of lines) {
    amount += line.amount;
    const payer = byPayer.get(line.payer) ?? { lines: 0, amount: 0 };
    byPayer.set(line.payer, { lines: payer.lines + 1, amount: payer.amount + line.amount });
    const code = line.regionCode.slice(0, length);
    const region = byRegion.get(code) ?? { lines: 0, amount: 0 };
    byRegion.set(code, { lines: region.lines + 1, amount: region.amount + line.amount });
  }
  return {
    lines: lines.length,
    amount: fen(amount),
    byPayer: [...byPayer].map(([payer, sums]) => ({ payer, lines: sums.lines, amount: fen(sums.amount) })),
    byRegion: [...byRegion]
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([regionCode, sums]) => ({ regionCode, lines: sums.lines, amount: fen(sums.amount) })),
  };
}

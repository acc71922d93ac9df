/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export type Alternation = { ours: number[]; baseline: number[]; oursMedian: number; baselineMedian: number };

/**
 * Runs ours and the baseline alternately (A B A B …, scale.md §3) so drift hits both, and returns
 * each side's figures and medians. Each callback gets the round number and returns its figure.
 */
export async function alternate(
  rounds: number,
  ours: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
): Promise<Alternation> {
  const result = { ours: [] as number[], baseline: [] as number[] };
  for (let index = 0; index < rounds; index += 1) {
    result.ours.push(await ours(index));
    result.baseline.push(await baseline(index));
  }
  return { ...result, oursMedian: median(result.ours), baselineMedian: median(result.baseline) };
}

/**
 * Like `alternate` for more than two sides (A B C A B C …): returns each side's figures in round
 * order and their medians.
 */
export async function rotate(
  rounds: number,
  sides: readonly ((round: number) => Promise<number>)[],
): Promise<{ figures: number[][]; medians: number[] }> {
  const figures = sides.map((): number[] => []);
  for (let index = 0; index < rounds; index += 1) {
    for (const [side, run] of sides.entries()) figures[side]?.push(await run(index));
  }
  return { figures, medians: figures.map(median) };
}

/** A measure's numbers for one region; parents add up their children (never average ratios). */
export type RollupRow = { readonly regionCode: string; readonly measure: string; readonly amount: number };

/**
 * Rolls child rows up to the parent level of `parentLength` digits (community 12 → street 9 →
 * county 6 → city 4 → province 2): the parent's amount of a measure is the sum of its children's.
 */
export function rollUp(rows: readonly RollupRow[], parentLength: number): RollupRow[] {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.regionCode.length <= parentLength) continue;
    const key = `${row.regionCode.slice(0, parentLength)}\u0000${row.measure}`;
    sums.set(key, (sums.get(key) ?? 0) + row.amount);
  }
  return [...sums].map(([key, amount]) => {
    const [regionCode = '', measure = ''] = key.split('\u0000');
    return { regionCode, measure, amount };
  });
}

/** A ratio over several regions: the sum of numerators over the sum of denominators, in basis points. */
export function pooledShare(parts: readonly { numerator: number; denominator: number }[]): number | undefined {
  const numerator = parts.reduce((sum, part) => sum + part.numerator, 0);
  const denominator = parts.reduce((sum, part) => sum + part.denominator, 0);
  return denominator > 0 ? Math.floor((numerator * 10_000) / denominator + 0.5) : undefined;
}

/** The county-code key of a rollup row: the 6-digit county, or a city/province code padded with zeros. */
export const rollupCountyKey = (regionCode: string): string => regionCode.slice(0, 6).padEnd(6, '0');

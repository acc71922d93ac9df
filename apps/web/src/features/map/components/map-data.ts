import type { CoverageList } from '@kangyang/contracts/coverage';

export type Share = { covered: number; located: number; basisPoints: number };

/** The coverage of each shown region: its own communities' covered ÷ located (codes by prefix). */
export function coverageByRegion(
  regionCodes: readonly string[],
  coverage: CoverageList | undefined,
): Map<string, Share> {
  const shares = new Map<string, Share>();
  if (!coverage) return shares;
  for (const code of regionCodes) {
    let covered = 0;
    let located = 0;
    for (const item of coverage.items)
      if (item.communityCode.startsWith(code)) {
        covered += item.covered;
        located += item.located;
      }
    if (located > 0) shares.set(code, { covered, located, basisPoints: Math.round((covered * 10_000) / located) });
  }
  return shares;
}

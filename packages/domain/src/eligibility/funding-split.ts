import { fen } from '../units/index.ts';
import type { Fen } from '../units/index.ts';
import type { FundingPart } from './eligibility-types.ts';
import type { FundingShare } from './policy-rules.ts';

export const WHOLE_BASIS_POINTS = 10_000;

/**
 * Splits an amount between payers by basis points with largest-remainder rounding: each part is
 * the exact share rounded down, and the fen left over go one each to the parts with the largest
 * remainders (earlier payers first on ties). The parts sum exactly to the amount and each is
 * within 1 fen of its exact share. A negative amount (a reversal) splits as the mirror image.
 */
export function splitByShares(amount: Fen, shares: readonly FundingShare[]): FundingPart[] {
  const total = shares.reduce((sum, share) => sum + share.basisPoints, 0);
  if (total !== WHOLE_BASIS_POINTS || shares.some((share) => share.basisPoints < 0)) {
    throw new RangeError(`funding shares must be non-negative and sum to ${WHOLE_BASIS_POINTS}, got ${total}`);
  }
  const sign = amount < 0 ? -1 : 1;
  const magnitude = Math.abs(amount);
  if (!Number.isSafeInteger(magnitude * WHOLE_BASIS_POINTS)) throw new RangeError(`amount too large: ${amount}`);
  const exact = shares.map((share) => magnitude * share.basisPoints);
  const floors = exact.map((value) => Math.floor(value / WHOLE_BASIS_POINTS));
  let leftover = magnitude - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % WHOLE_BASIS_POINTS }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index);
  const parts = [...floors];
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    leftover -= 1;
  }
  return shares.map((share, index) => ({ payer: share.payer, fen: fen(sign * (parts[index] ?? 0) + 0) }));
}

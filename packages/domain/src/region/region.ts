import type { RegionCode } from '../units/index.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'street' | 'community';

const LEVEL_BY_LENGTH: ReadonlyMap<number, RegionLevel> = new Map([
  [2, 'province'],
  [4, 'city'],
  [6, 'county'],
  [9, 'street'],
  [12, 'community'],
]);

export const REGION_CODE_LENGTHS: Readonly<Record<RegionLevel, number>> = {
  province: 2,
  city: 4,
  county: 6,
  street: 9,
  community: 12,
};

export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

export function parseRegionCode(value: string): RegionCode | undefined {
  return REGION_CODE_PATTERN.test(value) ? (value as RegionCode) : undefined;
}

export function regionLevelOf(code: RegionCode): RegionLevel {
  const level = LEVEL_BY_LENGTH.get(code.length);
  if (level === undefined) throw new RangeError(`not a region code: ${code}`);
  return level;
}

/** True when `code` lies inside `ancestor` (or is the same region). */
export const isWithin = (code: string, ancestor: string): boolean => code.startsWith(ancestor);

/** The county (6-digit) code of a region at county level or below; the distribution key. */
export function countyCodeOf(code: RegionCode): RegionCode {
  if (code.length < 6) throw new RangeError(`region ${code} is above county level`);
  return code.slice(0, 6) as RegionCode;
}

/** Codes of every ancestor of `code`, from the province down, excluding the code itself. */
export function ancestorCodes(code: RegionCode): RegionCode[] {
  const lengths = [2, 4, 6, 9].filter((length) => length < code.length);
  return lengths.map((length) => code.slice(0, length) as RegionCode);
}

/**
 * Narrows a requested region filter to a scope. Returns the narrower of the two when one
 * contains the other, or undefined when they do not overlap (deny).
 */
export function intersectRegion(scope: string, requested: string | undefined): string | undefined {
  if (requested === undefined) return scope;
  if (isWithin(requested, scope)) return requested;
  if (isWithin(scope, requested)) return scope;
  return undefined;
}

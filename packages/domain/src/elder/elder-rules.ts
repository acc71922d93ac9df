import { ageOn } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';

export type LivingSituation = 'alone' | 'coupleOnly' | 'withFamily' | 'institution' | 'unknown';
export type DerivedCategory = 'advancedAge' | 'needy' | 'emptyNest';

/** Declared categories whose holders count as needy (困难老年人, glossary §2). */
export const NEEDY_CATEGORIES: readonly string[] = ['extremePoverty', 'minimumLiving', 'nearMinimumLiving'];

/** The five plans use 80 as the advanced-age threshold; a profile may pass another. */
export const DEFAULT_ADVANCED_AGE = 80;

export const isEmptyNest = (livingSituation: LivingSituation): boolean =>
  livingSituation === 'alone' || livingSituation === 'coupleOnly';

export function deriveCategories(
  elder: { birthDate: IsoDate; categories: readonly string[]; livingSituation: LivingSituation },
  today: IsoDate,
  advancedAge = DEFAULT_ADVANCED_AGE,
): DerivedCategory[] {
  const derived: DerivedCategory[] = [];
  if (ageOn(elder.birthDate, today) >= advancedAge) derived.push('advancedAge');
  if (elder.categories.some((category) => NEEDY_CATEGORIES.includes(category))) derived.push('needy');
  if (isEmptyNest(elder.livingSituation)) derived.push('emptyNest');
  return derived;
}

export type AgeBand = '60-69' | '70-79' | '80-89' | '90+' | 'under60';

/** Birth-date range [from, to] (inclusive) of an age band on `today`; `undefined` ends are open. */
export function birthRangeOfAgeBand(
  band: AgeBand,
  today: IsoDate,
  birthDateForAge: (age: number, today: IsoDate) => IsoDate,
): { after?: IsoDate; onOrBefore?: IsoDate } {
  const bounds: Record<AgeBand, [number | undefined, number | undefined]> = {
    under60: [undefined, 59],
    '60-69': [60, 69],
    '70-79': [70, 79],
    '80-89': [80, 89],
    '90+': [90, undefined],
  };
  const [minAge, maxAge] = bounds[band];
  return {
    ...(minAge === undefined ? {} : { onOrBefore: birthDateForAge(minAge, today) }),
    ...(maxAge === undefined ? {} : { after: birthDateForAge(maxAge + 1, today) }),
  };
}

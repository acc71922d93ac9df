import { ageOn } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';

/** DC-2: no one under 14 is registered (the registry answers `ELDER_UNDER_MINIMUM_AGE`). */
export const MINIMUM_REGISTRATION_AGE = 14;
/** DC-2: accounts and volunteers must be 18 or older. */
export const MINIMUM_ADULT_AGE = 18;

/** True when the person has not completed `minimumAge` years on `today` (default 14, DC-2). */
export const isUnderMinimumAge = (birthDate: IsoDate, today: IsoDate, minimumAge = MINIMUM_REGISTRATION_AGE): boolean =>
  ageOn(birthDate, today) < minimumAge;

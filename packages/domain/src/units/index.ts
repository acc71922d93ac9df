export {
  fen,
  minutes,
  yuanToFen,
  parseIsoDate,
  isoDate,
  isoDateOf,
  daysInMonth,
  dateParts,
  addMonths,
  ageOn,
  birthDateForAge,
  compareIsoDates,
} from './units.ts';
export type { Brand, Fen, Minutes, IsoDate, RegionCode, BasisPoints } from './units.ts';

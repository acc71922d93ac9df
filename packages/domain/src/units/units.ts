declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Money in fen (分): 1 yuan = 100 fen, always a safe integer. */
export type Fen = Brand<number, 'Fen'>;
/** Durations in whole minutes. */
export type Minutes = Brand<number, 'Minutes'>;
/** A calendar date 'YYYY-MM-DD' without time zone. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** A GB/T 2260 division code of 2, 4, 6, 9 or 12 digits; an ancestor's code is a prefix. */
export type RegionCode = Brand<string, 'RegionCode'>;
/** Basis points: 5400 = 54 %. */
export type BasisPoints = Brand<number, 'BasisPoints'>;

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`fen must be an integer: ${value}`);
  return value as Fen;
}

export function minutes(value: number): Minutes {
  if (!Number.isSafeInteger(value)) throw new RangeError(`minutes must be an integer: ${value}`);
  return value as Minutes;
}

export function yuanToFen(yuan: number): Fen {
  return fen(Math.round(yuan * 100));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' and checks that the day exists in the calendar. */
export function parseIsoDate(value: string): IsoDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return value as IsoDate;
}

export function isoDate(value: string): IsoDate {
  const parsed = parseIsoDate(value);
  if (parsed === undefined) throw new RangeError(`not an ISO date: ${value}`);
  return parsed;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return isoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, count: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + count;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return isoDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole years completed between birth date and the given day. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const birth = dateParts(birthDate);
  const now = dateParts(today);
  const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}

/** The latest birth date that makes someone at least `age` years old on `today`. */
export function birthDateForAge(age: number, today: IsoDate): IsoDate {
  const { year, month, day } = dateParts(today);
  const targetYear = year - age;
  return isoDateOf(targetYear, month, Math.min(day, daysInMonth(targetYear, month)));
}

export const compareIsoDates = (left: IsoDate, right: IsoDate): number => (left < right ? -1 : left > right ? 1 : 0);

import type { IsoDate } from '@kangyang/domain/units';

export type Clock = { now(): Date; today(): IsoDate };

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an instant in Asia/Shanghai (architecture.md habit 5). */
export const shanghaiDay = (instant: Date): IsoDate => shanghaiDate.format(instant) as IsoDate;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDay(new Date()),
};

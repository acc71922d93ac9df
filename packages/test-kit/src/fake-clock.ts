import type { IsoDate } from '@kangyang/domain/units';
import { shanghaiDay, type Clock } from '@kangyang/services';

export type FakeClock = Clock & { set(instant: Date | string): void; advance(milliseconds: number): void };

/** A clock tests move by hand; `today` follows Asia/Shanghai like the real one. */
export function fakeClock(start: Date | string = '2026-11-02T02:00:00.000Z'): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => shanghaiDay(current) as IsoDate,
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (milliseconds) => {
      current = new Date(current.getTime() + milliseconds);
    },
  };
}

import { makeCitizenId, MAX_SYNTHETIC_SEQUENCE, type Sex } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { mix32 } from './seeded-id.ts';

/**
 * Unique synthetic ID numbers by construction (no set of every number issued): a counter per
 * (address code, birth date, sex) picks the n-th value of a fixed permutation of the 500 sequence
 * numbers, so memory grows with the number of distinct birth days, not with the number of elders.
 */
export type IdSequencer = { next(addressCode: string, birthDate: IsoDate, sex: Sex): string };

const SEQUENCES = MAX_SYNTHETIC_SEQUENCE + 1;
const STEP = 7; // coprime with 500: (offset + n × 7) mod 500 visits every sequence number once

export function createIdSequencer(): IdSequencer {
  const addresses = new Map<string, number>();
  const counts = new Map<number, number>();
  return {
    next(addressCode, birthDate, sex) {
      let address = addresses.get(addressCode);
      if (address === undefined) {
        address = addresses.size;
        addresses.set(addressCode, address);
      }
      const day = Date.parse(`${birthDate}T00:00:00Z`) / 86_400_000 + 50_000;
      const key = (address * 200_000 + day) * 2 + (sex === 'male' ? 1 : 0);
      const used = counts.get(key) ?? 0;
      if (used >= SEQUENCES) throw new RangeError(`more than ${SEQUENCES} synthetic ID numbers for one day and sex`);
      counts.set(key, used + 1);
      const offset = mix32(0x1d5e9, key) % SEQUENCES;
      return makeCitizenId(addressCode, birthDate, (offset + used * STEP) % SEQUENCES, sex);
    },
  };
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateIdNumber } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { UUID_PATTERN } from '../ids.ts';
import { seededUuidv7 } from './seeded-id.ts';
import { createIdSequencer } from './id-sequencer.ts';

const BASE = Date.parse('2026-10-30T16:00:00Z');

describe('seeded UUIDv7 ids (scale.md §2: same seed, same rows)', () => {
  it('is a version-7, variant-1 UUID', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat({ max: 2_000_000 }), (seed, stream, serial) => {
        const id = seededUuidv7(seed, stream, serial, BASE);
        expect(id).toMatch(UUID_PATTERN);
        expect(id[14]).toBe('7');
        expect('89ab').toContain(id[19]);
      }),
    );
  });

  it('is the same for the same inputs and time-ordered by serial', () => {
    const ids = Array.from({ length: 1000 }, (_, serial) => seededUuidv7(1, 330102, serial, BASE));
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, serial) => seededUuidv7(1, 330102, serial, BASE)));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between seeds and streams and never repeats within one', () => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 100_000; serial += 1) seen.add(seededUuidv7(1, 9901, serial, BASE));
    expect(seen.size).toBe(100_000);
    expect(seededUuidv7(1, 9901, 5, BASE)).not.toBe(seededUuidv7(2, 9901, 5, BASE));
    expect(seededUuidv7(1, 9901, 5, BASE).slice(14)).not.toBe(seededUuidv7(1, 330102, 5, BASE).slice(14));
  });
});

describe('synthetic ID numbers (ID-1: valid in form, never a real person)', () => {
  it('are valid and unique by construction, even many on one birth day', () => {
    const sequencer = createIdSequencer();
    const seen = new Set<string>();
    for (let index = 0; index < 500; index += 1) {
      for (const sex of ['male', 'female'] as const) {
        const id = sequencer.next('139902', '1950-02-28' as IsoDate, sex);
        const checked = validateIdNumber(id, '2026-10-31' as IsoDate);
        expect(checked.ok && checked.value.sex === sex && checked.value.birthDate === '1950-02-28').toBe(true);
        seen.add(id);
      }
    }
    expect(seen.size).toBe(1000);
    expect(() => sequencer.next('139902', '1950-02-28' as IsoDate, 'male')).toThrow(RangeError);
  });
});

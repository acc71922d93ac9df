import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { validateIdNumber } from '@kangyang/domain/identity';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { rows } from '../db/database.ts';
import { generateDataset } from './generate-dataset.ts';
import { DEFAULT_AS_OF } from './scales.ts';
import { outerRingOf, pointInRing } from './polygon.ts';

const ELDERS = 6000;
type Row = {
  id: string;
  id_number_cipher: string;
  birth_date: string;
  sex: string;
  residence_region_code: string;
  lng: number | null;
  lat: number | null;
  living_situation: string;
  categories: string[];
  contacts: { phoneMasked: string }[];
};

let context: TestContext;
let elders: Row[];
let rings: Map<string, ReturnType<typeof outerRingOf>>;
beforeAll(async () => {
  context = await openTestServices({ regions: false });
  await generateDataset(context.services, { scale: 'toy', seed: 7, elders: ELDERS });
  elders = await rows<Row>(
    context.database.db,
    sql`SELECT id, id_number_cipher, birth_date::text AS birth_date, sex, residence_region_code, lng, lat,
               living_situation, categories, contacts FROM elders`,
  );
  const communities = await rows<{ code: string; boundary: unknown }>(
    context.database.db,
    sql`SELECT code, boundary FROM regions WHERE level = 'community'`,
  );
  rings = new Map(communities.map((row) => [row.code, outerRingOf(row.boundary)]));
});
afterAll(async () => context.close());

const share = (predicate: (row: Row) => boolean): number => elders.filter(predicate).length / elders.length;
const ageOf = (row: Row): number => ageOn(row.birth_date as IsoDate, DEFAULT_AS_OF);

describe('generated elders have a realistic shape (scale.md §2)', () => {
  it('follows the age pyramid of the 60+ population, with ≈17 % aged 80+', () => {
    expect(elders).toHaveLength(ELDERS);
    expect(Math.min(...elders.map(ageOf))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...elders.map(ageOf))).toBeLessThanOrEqual(104);
    const bands = [
      [60, 64, 0.27],
      [65, 69, 0.24],
      [70, 74, 0.19],
      [75, 79, 0.13],
    ] as const;
    for (const [from, to, expected] of bands)
      expect(share((row) => ageOf(row) >= from && ageOf(row) <= to)).toBeCloseTo(expected, 1);
    const eighty = share((row) => ageOf(row) >= 80);
    expect(eighty).toBeGreaterThan(0.14);
    expect(eighty).toBeLessThan(0.2);
    const womenOver80 = elders.filter((row) => ageOf(row) >= 80 && row.sex === 'female').length;
    expect(womenOver80 / elders.filter((row) => ageOf(row) >= 80).length).toBeGreaterThan(0.53);
  });

  it('has living situations and categories at plausible rates', () => {
    expect(share((row) => row.living_situation === 'alone')).toBeGreaterThan(0.08);
    expect(share((row) => row.living_situation === 'alone')).toBeLessThan(0.16);
    expect(share((row) => row.living_situation === 'institution')).toBeLessThan(0.06);
    expect(share((row) => row.living_situation === 'coupleOnly')).toBeGreaterThan(0.3);
    expect(share((row) => row.categories.includes('minimumLiving'))).toBeGreaterThan(0.01);
    expect(share((row) => row.categories.includes('minimumLiving'))).toBeLessThan(0.035);
    const dementiaOld = elders.filter((row) => ageOf(row) >= 85);
    const dementiaYoung = elders.filter((row) => ageOf(row) < 75);
    const rate = (list: Row[]) => list.filter((row) => row.categories.includes('dementia')).length / list.length;
    expect(rate(dementiaOld)).toBeGreaterThan(rate(dementiaYoung));
    expect(share((row) => row.categories.length === 0)).toBeGreaterThan(0.85);
    expect(share((row) => row.contacts.length > 0)).toBeGreaterThan(0.85);
  });

  it('places points inside their community polygon, with ≈2 % missing on purpose', () => {
    const missing = share((row) => row.lng === null || row.lat === null);
    expect(missing).toBeGreaterThan(0.01);
    expect(missing).toBeLessThan(0.03);
    for (const row of elders) {
      if (row.lng === null || row.lat === null) continue;
      const ring = rings.get(row.residence_region_code);
      expect(ring && pointInRing([row.lng, row.lat], ring)).toBe(true);
    }
  });

  it('issues every elder a valid ID number (ID-1) matching the stored birth date and sex', () => {
    for (const row of elders) {
      const idNumber = context.services.cipher.decrypt(row.id_number_cipher, {
        table: 'elders',
        column: 'id_number',
        recordId: row.id,
      });
      const checked = validateIdNumber(idNumber, DEFAULT_AS_OF);
      expect(checked.ok && checked.value.birthDate === row.birth_date && checked.value.sex === row.sex).toBe(true);
    }
  });
});

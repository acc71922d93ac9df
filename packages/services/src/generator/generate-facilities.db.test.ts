import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { rows } from '../db/database.ts';
import { generateDataset } from './generate-dataset.ts';
import { generateFacilities } from './generate-facilities.ts';
import { DEFAULT_AS_OF, SCALES } from './scales.ts';

let context: TestContext;
beforeAll(async () => {
  context = await openTestServices({ regions: false });
  await generateDataset(context.services, { scale: 'toy', seed: 5, elders: 300 });
}, 240_000);
afterAll(async () => context.close());

const query = <T>(text: ReturnType<typeof sql>) => rows<T>(context.database.db, text);

describe('generated facility attributes and designations (migration 0031)', () => {
  it('gives every institution consistent bed figures and delivering sites their vehicles', async () => {
    const [figures] = await query<{ institutions: number; with_beds: number; bad: number; vehicles: number }>(sql`
      SELECT (SELECT count(*)::int FROM service_sites WHERE kind = 'institution') AS institutions,
             count(*) FILTER (WHERE beds_total > 0)::int AS with_beds,
             count(*) FILTER (WHERE nursing_beds > beds_total OR occupied_beds > beds_total)::int AS bad,
             count(*) FILTER (WHERE meal_delivery_vehicles > 0)::int AS vehicles
      FROM facility_attribute_versions`);
    expect(figures?.with_beds).toBe(figures?.institutions);
    expect(figures?.bad).toBe(0);
    expect(figures?.vehicles).toBeGreaterThan(0);
  });

  it('declares a handful of designations, each fitting its site kind, none after the as-of day', async () => {
    const found = await query<{ designation: string; n: number; late: number }>(sql`
      SELECT designation, count(*)::int AS n, count(*) FILTER (WHERE designated_on > ${DEFAULT_AS_OF}::date)::int AS late
      FROM facility_designations GROUP BY 1 ORDER BY 1`);
    expect(found.map((row) => row.designation)).toContain('assistiveDeviceCentre');
    expect(found.reduce((sum, row) => sum + row.late, 0)).toBe(0);
    const [misfit] = await query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM facility_designations AS d JOIN service_sites AS s ON s.id = d.site_id
      WHERE d.designation = 'smartCareHome' AND s.kind <> 'institution'`);
    expect(misfit?.n).toBe(0);
  });

  it('a second run with the same seed adds nothing', async () => {
    const count = async () =>
      (
        await query<{ n: number }>(sql`SELECT (SELECT count(*) FROM facility_designations)::int
        + (SELECT count(*) FROM facility_attribute_versions)::int AS n`)
      )[0]?.n;
    const before = await count();
    await generateFacilities(context.services, { seed: 5, asOf: DEFAULT_AS_OF, regionPrefix: SCALES.toy.regionPrefix });
    expect(await count()).toBe(before);
  });
});

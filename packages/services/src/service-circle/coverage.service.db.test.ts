import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';
import { haversineMetres } from '@kangyang/domain/service-circle';
import { COVERAGE_REFRESH_JOB } from './coverage.service.ts';

let context: TestContext;
const district = actorWith('civilAffairsAdmin', '330102');
const street = actorWith('streetOfficer', '330102001');
const A = '330102002001';
const B = '330102002002';
const site = { lng: 120.17, lat: 30.25 };
// Elders east of the site at these distances (metres), by community; one without a point.
const placed: [string, number | null][] = [
  [A, 200],
  [A, 950],
  [A, 1050],
  [A, null],
  [B, 600],
  [B, 2500],
  [B, 4000],
];
const lngAt = (metres: number) => site.lng + metres / haversineMetres(site.lat, 0, site.lat, 1);

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-02T03:30:00.000Z' });
  await context.services.meals.createSite(district, {
    name: '示范康养驿站',
    kind: 'communityCentre',
    regionCode: A,
    location: site,
    serviceRadiusM: 1000,
    openingHours: {},
    offersMeals: false,
    offersDelivery: false,
  });
  for (const [index, [community, metres]] of placed.entries())
    await context.services.elders.create(
      district,
      buildElder({
        name: `覆盖${'甲乙丙丁戊己庚'[index] ?? '辛'}`,
        residenceRegionCode: community,
        location: metres === null ? null : { lng: lngAt(metres), lat: site.lat },
      }),
    );
});
afterAll(async () => context.close());

describe('HCS-10 coverage rollup per community', () => {
  it('precomputes the share within the 1000 m circle per community and the uncovered list', async () => {
    const summary = await context.services.coverage.refresh(district, '330102');
    const expected = (code: string) => {
      const located = placed.filter(([community, metres]) => community === code && metres !== null);
      const covered = located.filter(([, metres]) => (metres ?? Infinity) <= 1000).length;
      return { located: located.length, covered, shareBasisPoints: Math.round((covered * 10_000) / located.length) };
    };
    expect(summary).toMatchObject({
      metres: 1000,
      sites: 1,
      elders: placed.length,
      covered: expected(A).covered + expected(B).covered,
    });
    const list = await context.services.coverage.communities(district, '330102002');
    expect(list.items.map((row) => [row.communityCode, row.located, row.covered, row.shareBasisPoints])).toEqual([
      [A, expected(A).located, expected(A).covered, expected(A).shareBasisPoints],
      [B, expected(B).located, expected(B).covered, expected(B).shareBasisPoints],
    ]);
    expect(list.items[0]).toMatchObject({ elders: placed.filter(([code]) => code === A).length, sites: 1 });

    const uncoveredB = await context.services.coverage.uncovered(district, B, 20, 0);
    expect(uncoveredB.total).toBe(expected(B).located - expected(B).covered);
    expect(uncoveredB.items[0]).toMatchObject({ name: '覆盖庚', nearestMetres: 4000 });
    expect(uncoveredB.items[1]?.nearestMetres).toBe(2500);
  });

  it('masks names for a role without elder:read and answers 404 outside the scope', async () => {
    const provider = actorWith('institutionManager', '330102', '01900000-0000-7000-8000-000000000001');
    const masked = await context.services.coverage.uncovered(provider, A, 20, 0);
    expect(masked.items.map((row) => row.name)).toEqual(['覆**']);
    await expect(context.services.coverage.uncovered(street, A, 20, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await context.services.coverage.communities(street, undefined)).toMatchObject({ items: [] });
  });

  it('refreshes from the nightly job after a new site, and books the next night once', async () => {
    await context.services.meals.createSite(district, {
      name: '东侧助餐点',
      kind: 'mealPoint',
      regionCode: B,
      location: { lng: lngAt(2500), lat: site.lat },
      serviceRadiusM: 1000,
      openingHours: {},
      offersMeals: true,
      offersDelivery: false,
    });
    expect(await context.services.coverage.schedule('330102')).toBe(true);
    expect(await context.services.coverage.schedule('330102')).toBe(false);
    context.clock.set('2026-11-02T18:30:00.000Z');
    expect(await context.services.jobs.runDue()).toBe(1);
    const [rowB] = (await context.services.coverage.communities(district, B)).items;
    expect(rowB).toMatchObject({ covered: 2, sites: 1 });
    const next = await queryOne<{ n: number }>(
      context.database,
      `SELECT count(*)::int AS n FROM jobs WHERE kind = '${COVERAGE_REFRESH_JOB}' AND done_at IS NULL`,
    );
    expect(next.n).toBe(1);
  });
});

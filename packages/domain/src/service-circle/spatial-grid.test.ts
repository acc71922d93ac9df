import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMetres } from './geo.ts';
import { buildSpatialGrid, type SitePoint } from './spatial-grid.ts';
import { computeCoverage, computeCoverageBruteForce, elderPointsOf } from './coverage.ts';

// Points in a city-sized box (≈ 40 × 40 km around Hangzhou), and near the poles' edge for the window maths.
const point = (south: number, west: number, span: number) =>
  fc.record({
    lat: fc.double({ min: south, max: south + span, noNaN: true }),
    lng: fc.double({ min: west, max: west + span, noNaN: true }),
  });
const cityPoint = point(30.1, 120.0, 0.4);

const bruteWithin = (sites: readonly SitePoint[], at: SitePoint, metres: number): number[] =>
  sites
    .map((site, index) => [index, haversineMetres(at.lat, at.lng, site.lat, site.lng)] as const)
    .filter(([, distance]) => distance <= metres)
    .map(([index]) => index)
    .sort();

describe('spatial grid (HCS-10) against brute force', () => {
  it('anyWithin, within and nearest agree with a scan of every site', () => {
    fc.assert(
      fc.property(
        fc.array(cityPoint, { maxLength: 120 }),
        fc.array(cityPoint, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 50, max: 5000 }),
        fc.integer({ min: 100, max: 3000 }),
        (sites, queries, metres, cellMetres) => {
          const grid = buildSpatialGrid(sites, cellMetres);
          for (const at of queries) {
            const expected = bruteWithin(sites, at, metres);
            expect([...grid.within(at.lat, at.lng, metres)].sort()).toEqual(expected);
            expect(grid.anyWithin(at.lat, at.lng, metres)).toBe(expected.length > 0);
            const nearest = grid.nearest(at.lat, at.lng, metres);
            if (expected.length === 0) expect(nearest).toBeUndefined();
            else {
              const best = Math.min(
                ...expected.map((index) =>
                  haversineMetres(at.lat, at.lng, sites[index]?.lat ?? 0, sites[index]?.lng ?? 0),
                ),
              );
              expect(nearest?.metres).toBeCloseTo(best, 3);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays exact at high latitude and with sites clustered on cell edges', () => {
    fc.assert(
      fc.property(
        fc.array(point(69.5, 20, 0.2), { maxLength: 60 }),
        fc.array(point(69.5, 20, 0.2), { minLength: 1, maxLength: 20 }),
        (sites, queries) => {
          const grid = buildSpatialGrid(sites, 1000);
          for (const at of queries)
            expect([...grid.within(at.lat, at.lng, 1000)].sort()).toEqual(bruteWithin(sites, at, 1000));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('answers nothing on an empty index', () => {
    const grid = buildSpatialGrid([], 1000);
    expect(grid.anyWithin(30, 120, 1e6)).toBe(false);
    expect(grid.nearest(30, 120, 1e6)).toBeUndefined();
  });
});

describe('coverage per community', () => {
  it('equals the brute-force coverage, and leaves elders without a point out of the share', () => {
    fc.assert(
      fc.property(
        fc.array(cityPoint, { maxLength: 80 }),
        fc.array(fc.record({ community: fc.constantFrom('a', 'b', 'c'), at: fc.option(cityPoint, { freq: 8 }) }), {
          maxLength: 300,
        }),
        fc.integer({ min: 200, max: 3000 }),
        (sites, elders, metres) => {
          const points = elderPointsOf(
            elders.map((elder) => ({
              community: elder.community,
              lat: elder.at?.lat ?? null,
              lng: elder.at?.lng ?? null,
            })),
          );
          const fast = computeCoverage(points, buildSpatialGrid(sites, metres), metres);
          const slow = computeCoverageBruteForce(points, sites, metres);
          expect(fast.byCommunity).toEqual(slow.byCommunity);
          expect([...fast.covered]).toEqual([...slow.covered]);
          for (const community of fast.byCommunity) {
            const members = elders.filter((elder) => elder.community === community.communityCode);
            expect(community.elders).toBe(members.length);
            expect(community.located).toBe(members.filter((elder) => elder.at).length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts an elder 999 m from a site as covered and one 1,001 m away as not (1000 m circle)', () => {
    const site = { lat: 30.25, lng: 120.15 };
    const metresPerDegree = haversineMetres(30, 120, 31, 120);
    const near = { community: 'x', lat: 30.25 + 999 / metresPerDegree, lng: 120.15 };
    const far = { community: 'x', lat: 30.25 - 1001 / metresPerDegree, lng: 120.15 };
    const result = computeCoverage(elderPointsOf([near, far]), buildSpatialGrid([site]), 1000);
    expect([...result.covered]).toEqual([1, 0]);
    expect(result.byCommunity[0]).toMatchObject({ located: 2, covered: 1, shareBasisPoints: 5000 });
  });
});

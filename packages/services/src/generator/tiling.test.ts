import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng.ts';
import { boxOf, outerRingOf, pointInRing, ringArea, type Ring } from './polygon.ts';
import { blocksOf, createLattice, runsOf, serpentineCells } from './tiling.ts';
import { DEMO_STREETS, demoDistrictRegions, referenceRegions } from './regions-data.ts';
import { CITY_COMMUNITIES_PER_STREET, cityRegions } from './city-regions.ts';
import type { RegionInsert } from '../regions/region.repo.ts';

const ringOf = (region: RegionInsert | undefined): Ring => {
  const ring = outerRingOf(region?.boundary);
  if (!ring) throw new Error(`no ring for ${region?.code}`);
  return ring;
};

/** Samples points over the box of `outer`; each one inside it must lie in exactly one of `parts`. */
function coverage(outer: Ring, parts: readonly Ring[], samples: number, seed: number) {
  const rng = createRng(seed);
  const box = boxOf(outer);
  let inside = 0;
  let wrong = 0;
  for (let index = 0; index < samples; index += 1) {
    const point = [
      box.west + rng.next() * (box.east - box.west),
      box.south + rng.next() * (box.north - box.south),
    ] as const;
    const expected = pointInRing(point, outer) ? 1 : 0;
    inside += expected;
    if (parts.filter((part) => pointInRing(point, part)).length !== expected) wrong += 1;
  }
  return { inside, wrong };
}

describe('irregular tilings (scale.md §2: points inside street areas)', () => {
  it('splits a lattice into regions that cover it without overlapping, whatever the partition', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 16 }), (seed, count) => {
        const rng = createRng(seed);
        const lattice = createLattice({ west: 0, east: 4, south: 0, north: 4 }, 4, 4, rng);
        const cells = serpentineCells({ column: 0, row: 0, columns: 4, rows: 4 });
        const parts = runsOf(cells, count, rng).map((run) => lattice.ringOf(run));
        expect(parts.every((ring) => ringArea(ring) > 0)).toBe(true);
        expect(coverage(lattice.ringOf(cells), parts, 300, seed).wrong).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('gives runs of near-equal size in order and blocks in serpentine order', () => {
    const runs = runsOf([...'abcdefghij'], 4, createRng(1));
    expect(runs.flat().join('')).toBe('abcdefghij');
    expect(runs.map((run) => run.length).sort()).toEqual([2, 2, 3, 3]);
    const blocks = blocksOf({ column: 0, row: 0, columns: 4, rows: 4 }, 2, 2);
    expect(blocks.map((block) => [block.column, block.row])).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
});

describe('demo district regions (REG: 上城区 330102 with its streets and communities)', () => {
  const regions = demoDistrictRegions();
  const streets = regions.filter((region) => region.level === 'street');
  const communities = regions.filter((region) => region.level === 'community');
  const district = ringOf(referenceRegions().find((region) => region.code === '330102'));

  it('keeps 14 streets of 14 communities each, under the right parents', () => {
    expect(streets.map((street) => street.code)).toEqual(DEMO_STREETS.map(([code]) => code));
    expect(communities).toHaveLength(14 * 14);
    for (const community of communities) expect(community.parentCode).toBe(community.code.slice(0, 9));
    expect(demoDistrictRegions(4).filter((region) => region.level === 'community')).toHaveLength(56);
  });

  it('is deterministic', () => {
    expect(demoDistrictRegions()).toEqual(regions);
  });

  it('has irregular boundaries (not rectangles) that tile the district: streets and communities', () => {
    expect(communities.every((community) => ringOf(community).length > 5)).toBe(true);
    expect(coverage(district, streets.map(ringOf), 3000, 7).wrong).toBe(0);
    expect(coverage(district, communities.map(ringOf), 3000, 8).wrong).toBe(0);
  });

  it('puts every community inside its street', () => {
    for (const community of communities) {
      const street = streets.find((candidate) => candidate.code === community.parentCode);
      const centre = [community.centroidLng ?? 0, community.centroidLat ?? 0] as const;
      expect(pointInRing(centre, ringOf(street))).toBe(true);
    }
  });

  it('names communities uniquely within the district', () => {
    expect(new Set(communities.map((community) => community.name)).size).toBe(communities.length);
  });
});

describe('city regions (scale.md §2: ≈12 counties, ≈140 streets, ≈4,000 communities)', () => {
  const regions = cityRegions();
  const levels = (level: string) => regions.filter((region) => region.level === level);

  it('makes 12 counties, 144 streets and 4,032 communities under the fictional city 9901', () => {
    expect(levels('county')).toHaveLength(12);
    expect(levels('street')).toHaveLength(144);
    expect(levels('community')).toHaveLength(144 * CITY_COMMUNITIES_PER_STREET);
    expect(regions.every((region) => region.code.startsWith('9901') && region.parentCode?.startsWith('9901'))).toBe(
      true,
    );
  });

  it('keeps the names and parents of the reference counties of 9901', () => {
    const reference = new Map(referenceRegions().map((region) => [region.code, region]));
    for (const county of levels('county')) {
      const known = reference.get(county.code);
      if (known) expect([county.name, county.parentCode]).toEqual([known.name, known.parentCode]);
    }
  });

  it('tiles the city with its communities', () => {
    const counties = levels('county').map(ringOf);
    const communities = levels('community').map(ringOf);
    const rng = createRng(3);
    for (let index = 0; index < 400; index += 1) {
      const point = [116.3 + rng.next(), 37.1 + rng.next() * 0.8] as const;
      expect(counties.filter((ring) => pointInRing(point, ring))).toHaveLength(1);
      expect(communities.filter((ring) => pointInRing(point, ring))).toHaveLength(1);
    }
  });
});

import type { RegionInsert } from '../regions/region.repo.ts';
import { createRng } from './rng.ts';
import type { Box } from './polygon.ts';
import { blocksOf, createLattice, serpentineCells, type CellRect } from './tiling.ts';
import { streetName } from './region-names.ts';
import { cellsOfBlocks, communitiesOf, referenceRegions, regionWithBoundary, type Seed } from './regions-data.ts';

/**
 * Regions of the `city` scale (scale.md §2): the fictional city 示范市 (9901, plan 000) with 12
 * counties, 144 streets or towns and 4,032 communities or villages, all made up. The three counties
 * of the reference data keep their codes, names and parents (they only gain a boundary); the plan's
 * real regions are untouched.
 */
export const CITY_CODE = '9901';
export const CITY_COUNTIES: readonly Seed[] = [
  ['990102', '示范区'],
  ['990103', '东城区'],
  ['990104', '西城区'],
  ['990105', '北湖区'],
  ['990106', '临江区'],
  ['990121', '南湖县'],
  ['990122', '青河县'],
  ['990123', '白塔县'],
  ['990124', '云台县'],
  ['990125', '安平县'],
  ['990181', '长宁市'],
  ['990182', '丰乐市'],
];
const CITY_BOUNDS: Box = { west: 116.2, east: 117.4, south: 37.0, north: 38.0 };
/** 4 × 3 county blocks of 3 × 4 street blocks of 6 × 5 cells; 28 communities per street. */
const CITY_CELLS: CellRect = { column: 0, row: 0, columns: 72, rows: 60 };
export const CITY_COMMUNITIES_PER_STREET = 28;
const LATTICE_SEED = 9901;
const LAYOUT_SEED = 9902;

/** Districts (…0x) are urban; counties (…2x) and county-level cities (…8x) are mostly rural. */
export const isRuralCounty = (countyCode: string): boolean => countyCode[4] !== '0';

export function cityRegions(): RegionInsert[] {
  const lattice = createLattice(CITY_BOUNDS, CITY_CELLS.columns, CITY_CELLS.rows, createRng(LATTICE_SEED));
  const rng = createRng(LAYOUT_SEED);
  const referenceNames = new Map(referenceRegions().map((region) => [region.code, region.name]));
  const countyBlocks = blocksOf(CITY_CELLS, 4, 3);
  return CITY_COUNTIES.flatMap(([countyCode, countyName], countyIndex) => {
    const countyRect = countyBlocks[countyIndex];
    if (!countyRect) return [];
    const rural = isRuralCounty(countyCode);
    const name = referenceNames.get(countyCode) ?? countyName;
    const rows = [
      regionWithBoundary(countyCode, name, 'county', CITY_CODE, lattice.ringOf(serpentineCells(countyRect))),
    ];
    const streetNames = new Set<string>();
    const placeNames = new Set<string>();
    blocksOf(countyRect, 3, 4).forEach((streetRect, streetIndex) => {
      const code = `${countyCode}${String(streetIndex + 1).padStart(3, '0')}`;
      const cells = cellsOfBlocks([streetRect]);
      const street = streetName(rng, streetNames, rural);
      rows.push(regionWithBoundary(code, street, 'street', countyCode, lattice.ringOf(cells)));
      rows.push(...communitiesOf(lattice, { code, cells, count: CITY_COMMUNITIES_PER_STREET, rural }, rng, placeNames));
    });
    return rows;
  });
}

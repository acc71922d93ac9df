import type { RegionInsert } from '../regions/region.repo.ts';
import { createRng, type Rng } from './rng.ts';
import { geoJsonPolygon, ringCentroid, type Box, type Ring } from './polygon.ts';
import { blocksOf, createLattice, runsOf, serpentineCells, type Cell, type CellRect, type Lattice } from './tiling.ts';
import { placeName } from './region-names.ts';

/**
 * Region reference data: the plan regions down to county level, and the demo district 上城区
 * (330102) with its 14 streets and ≈200 communities. Street and community codes below county level
 * are synthetic (in the NBS 9/12-digit shape), as are community names and boundaries: irregular
 * polygons from a jittered lattice that tile the district without overlapping (tiling.ts).
 */
export type Seed = readonly [code: string, name: string];

const PROVINCES: readonly Seed[] = [
  ['33', '浙江省'],
  ['37', '山东省'],
  ['62', '甘肃省'],
  ['99', '示范省'],
];
const CITIES: readonly Seed[] = [
  ['3301', '杭州市'],
  ['3302', '宁波市'],
  ['3714', '德州市'],
  ['6207', '张掖市'],
  ['9901', '示范市'],
];
const COUNTIES: readonly Seed[] = [
  ['330102', '上城区'],
  ['330105', '拱墅区'],
  ['330106', '西湖区'],
  ['330281', '余姚市'],
  ['371402', '德城区'],
  ['371403', '陵城区'],
  ['371422', '宁津县'],
  ['371423', '庆云县'],
  ['371424', '临邑县'],
  ['371425', '齐河县'],
  ['371426', '平原县'],
  ['371427', '夏津县'],
  ['371428', '武城县'],
  ['371481', '乐陵市'],
  ['371482', '禹城市'],
  ['620702', '甘州区'],
  ['620721', '肃南裕固族自治县'],
  ['620722', '民乐县'],
  ['620723', '临泽县'],
  ['620724', '高台县'],
  ['620725', '山丹县'],
  ['990102', '示范区'],
  ['990103', '东城区'],
  ['990121', '南湖县'],
];

export const DEMO_COUNTY = '330102';
export const DEMO_STREETS: readonly Seed[] = [
  ['330102001', '清波街道'],
  ['330102002', '湖滨街道'],
  ['330102003', '小营街道'],
  ['330102004', '南星街道'],
  ['330102005', '紫阳街道'],
  ['330102006', '望江街道'],
  ['330102007', '凯旋街道'],
  ['330102008', '采荷街道'],
  ['330102009', '闸弄口街道'],
  ['330102010', '四季青街道'],
  ['330102011', '彭埠街道'],
  ['330102012', '笕桥街道'],
  ['330102013', '九堡街道'],
  ['330102014', '丁兰街道'],
];

/** The demo district spans about 120.16–120.30 E, 30.23–30.35 N (WGS-84). */
const BOUNDS: Box = { west: 120.16, east: 120.3, south: 30.23, north: 30.35 };
/** 4 × 4 street blocks of 4 × 4 community cells. */
const DEMO_CELLS: CellRect = { column: 0, row: 0, columns: 16, rows: 16 };
const LATTICE_SEED = 2260;
const LAYOUT_SEED = 2261;

/** A region row with its boundary polygon and area centroid. */
export function regionWithBoundary(
  code: string,
  name: string,
  level: string,
  parentCode: string | null,
  ring: Ring,
): RegionInsert {
  const [centroidLng, centroidLat] = ringCentroid(ring);
  return { code, name, level, parentCode, centroidLng, centroidLat, boundary: geoJsonPolygon(ring) };
}

/** The cells of adjacent blocks, in serpentine order over their bounding rectangle. */
export function cellsOfBlocks(blocks: readonly CellRect[]): Cell[] {
  const west = Math.min(...blocks.map((block) => block.column));
  const south = Math.min(...blocks.map((block) => block.row));
  const east = Math.max(...blocks.map((block) => block.column + block.columns));
  const north = Math.max(...blocks.map((block) => block.row + block.rows));
  const inside = (cell: Cell) =>
    blocks.some(
      (block) =>
        cell.column >= block.column &&
        cell.column < block.column + block.columns &&
        cell.row >= block.row &&
        cell.row < block.row + block.rows,
    );
  return serpentineCells({ column: west, row: south, columns: east - west, rows: north - south }).filter(inside);
}

/** Communities of one street: contiguous runs of its cells, each a polygon, with made-up unique names. */
export function communitiesOf(
  lattice: Lattice,
  street: { code: string; cells: readonly Cell[]; count: number; rural: boolean },
  rng: Rng,
  usedNames: Set<string>,
): RegionInsert[] {
  return runsOf(street.cells, street.count, rng).map((cells, index) =>
    regionWithBoundary(
      `${street.code}${String(index + 1).padStart(3, '0')}`,
      placeName(rng, usedNames, street.rural),
      'community',
      street.code,
      lattice.ringOf(cells),
    ),
  );
}

const demoLattice = (): Lattice => createLattice(BOUNDS, DEMO_CELLS.columns, DEMO_CELLS.rows, createRng(LATTICE_SEED));

/**
 * Streets and communities of the demo district, deterministic: 16 street blocks shared by the 14
 * streets (two streets span two blocks), each street split into `communitiesPerStreet` communities.
 */
export function demoDistrictRegions(communitiesPerStreet = 14): RegionInsert[] {
  const lattice = demoLattice();
  const rng = createRng(LAYOUT_SEED);
  const streetBlocks = runsOf(blocksOf(DEMO_CELLS, 4, 4), DEMO_STREETS.length, rng);
  const usedNames = new Set<string>();
  return DEMO_STREETS.flatMap(([code, name], streetIndex) => {
    const cells = cellsOfBlocks(streetBlocks[streetIndex] ?? []);
    return [
      regionWithBoundary(code, name, 'street', DEMO_COUNTY, lattice.ringOf(cells)),
      ...communitiesOf(lattice, { code, cells, count: communitiesPerStreet, rural: false }, rng, usedNames),
    ];
  });
}

export function referenceRegions(): RegionInsert[] {
  const districtRing = demoLattice().ringOf(serpentineCells(DEMO_CELLS));
  return [
    ...PROVINCES.map(([code, name]) => ({ code, name, level: 'province', parentCode: null })),
    ...CITIES.map(([code, name]) => ({ code, name, level: 'city', parentCode: code.slice(0, 2) })),
    ...COUNTIES.map(([code, name]) =>
      code === DEMO_COUNTY
        ? regionWithBoundary(code, name, 'county', code.slice(0, 4), districtRing)
        : { code, name, level: 'county', parentCode: code.slice(0, 4) },
    ),
  ];
}

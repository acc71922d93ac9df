import type { RegionInsert } from '../regions/region.repo.ts';
import { createRng } from './rng.ts';

/**
 * Region reference data: the plan regions down to county level, and the demo district 上城区
 * (330102) with its 14 streets and ≈200 communities. Street and community codes below county level
 * are synthetic (in the NBS 9/12-digit shape), as are community names and boundaries.
 */
type Seed = readonly [code: string, name: string];

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

const NAME_PARTS = [
  '柳',
  '翠',
  '新',
  '东',
  '南',
  '西',
  '北',
  '清',
  '和',
  '平',
  '安',
  '康',
  '华',
  '景',
  '明',
  '春',
  '秋',
  '云',
  '溪',
  '湖',
  '桥',
  '园',
  '苑',
  '荷',
  '梅',
  '竹',
  '兰',
  '望',
  '潮',
  '星',
  '月',
  '福',
  '寿',
  '丰',
  '泰',
  '宁',
];
const NAME_ENDS = ['社区', '社区', '社区', '新村社区', '花园社区', '苑社区'];

/** The demo district spans about 120.16–120.30 E, 30.23–30.35 N (WGS-84). */
const BOUNDS = { west: 120.16, east: 120.3, south: 30.23, north: 30.35 };

export type Box = { west: number; east: number; south: number; north: number };

const polygon = (box: Box) => ({
  type: 'Polygon',
  coordinates: [
    [
      [box.west, box.south],
      [box.east, box.south],
      [box.east, box.north],
      [box.west, box.north],
      [box.west, box.south],
    ],
  ],
});
const centre = (box: Box) => ({ centroidLng: (box.west + box.east) / 2, centroidLat: (box.south + box.north) / 2 });

function split(box: Box, columns: number, rows: number, index: number): Box {
  const width = (box.east - box.west) / columns;
  const height = (box.north - box.south) / rows;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return {
    west: box.west + column * width,
    east: box.west + (column + 1) * width,
    south: box.south + row * height,
    north: box.south + (row + 1) * height,
  };
}

/** Street boxes and community boxes of the demo district, deterministic. */
export function demoDistrictRegions(communitiesPerStreet = 14): RegionInsert[] {
  const rng = createRng(2260);
  const rows: RegionInsert[] = [];
  const used = new Set<string>();
  DEMO_STREETS.forEach(([code, name], streetIndex) => {
    const streetBox = split(BOUNDS, 4, 4, streetIndex);
    rows.push({
      code,
      name,
      level: 'street',
      parentCode: DEMO_COUNTY,
      ...centre(streetBox),
      boundary: polygon(streetBox),
    });
    for (let index = 0; index < communitiesPerStreet; index += 1) {
      let communityName = `${rng.pick(NAME_PARTS)}${rng.pick(NAME_PARTS)}${rng.pick(NAME_ENDS)}`;
      while (used.has(communityName))
        communityName = `${rng.pick(NAME_PARTS)}${rng.pick(NAME_PARTS)}${rng.pick(NAME_ENDS)}`;
      used.add(communityName);
      const box = split(streetBox, 4, 4, index);
      rows.push({
        code: `${code}${String(index + 1).padStart(3, '0')}`,
        name: communityName,
        level: 'community',
        parentCode: code,
        ...centre(box),
        boundary: polygon(box),
      });
    }
  });
  return rows;
}

export function referenceRegions(): RegionInsert[] {
  const district: Box = BOUNDS;
  return [
    ...PROVINCES.map(([code, name]) => ({ code, name, level: 'province', parentCode: null })),
    ...CITIES.map(([code, name]) => ({ code, name, level: 'city', parentCode: code.slice(0, 2) })),
    ...COUNTIES.map(([code, name]) => ({
      code,
      name,
      level: 'county',
      parentCode: code.slice(0, 4),
      ...(code === DEMO_COUNTY ? { ...centre(district), boundary: polygon(district) } : {}),
    })),
  ];
}

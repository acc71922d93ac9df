import type { IsoDate } from '@kangyang/domain/units';
import type { RegionInsert } from '../regions/region.repo.ts';
import { DEMO_COUNTY, demoDistrictRegions, referenceRegions } from './regions-data.ts';
import { CITY_CODE, CITY_COUNTIES, cityRegions } from './city-regions.ts';

/**
 * The generator's sizes (scale.md §2). Bump GENERATOR_VERSION whenever generated rows change for the
 * same seed and scale: benchmark caches and checksums are keyed by it.
 */
export const GENERATOR_VERSION = '4';
/** Generated dates count back from this day unless `--as-of` says otherwise (no wall clock). */
export const DEFAULT_AS_OF = '2026-10-31' as IsoDate;
export const SCALE_NAMES = ['toy', 'demo', 'city'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export type ScaleSpec = {
  readonly name: ScaleName;
  readonly elders: number;
  /** Region prefix every generated elder lives under (a county or a city). */
  readonly regionPrefix: string;
  /** Keeps generated ids of different scales apart (seeded-id.ts). */
  readonly stream: number;
  /** Phone block of the scale's synthetic numbers (people.ts). */
  readonly phoneBlock: string;
  regions(): RegionInsert[];
  /** Household-registration regions (weights) of an elder living in `communityCode`. */
  householdsOf(communityCode: string): readonly (readonly [string, number])[];
  /** The 6-digit mainland address code of ID numbers issued for a household region. */
  idAddressOf(householdCode: string): string;
};

/** One row per code, the last one given winning (the city's counties add boundaries to reference rows). */
const lastByCode = (rows: readonly RegionInsert[]): RegionInsert[] => [
  ...new Map(rows.map((row) => [row.code, row])).values(),
];

const DEMO_ELSEWHERE: readonly (readonly [string, number])[] = [
  ['330105', 6],
  ['330106', 4],
  ['371402', 3],
  ['620702', 2],
];

const district = (name: 'toy' | 'demo', elders: number): ScaleSpec => ({
  name,
  elders,
  regionPrefix: DEMO_COUNTY,
  stream: Number(DEMO_COUNTY),
  phoneBlock: '1990',
  regions: () => [...referenceRegions(), ...demoDistrictRegions()],
  householdsOf: (communityCode) => [[communityCode, 85], ...DEMO_ELSEWHERE],
  idAddressOf: (householdCode) => householdCode.slice(0, 6),
});

const cityHouseholds = new Map(
  CITY_COUNTIES.map(([county]) => [
    county,
    CITY_COUNTIES.filter(([other]) => other !== county).map(
      ([other]) => [other, 15 / (CITY_COUNTIES.length - 1)] as const,
    ),
  ]),
);

/**
 * The fictional city 9901 under 示范省 99. Province 99 is no mainland code, so ID numbers of its
 * households carry the made-up address codes 1399xx (province 13, no real prefecture 99): valid in
 * form (ID-1), never colliding with the demo district's numbers.
 */
const city: ScaleSpec = {
  name: 'city',
  elders: 1_500_000,
  regionPrefix: CITY_CODE,
  stream: Number(CITY_CODE),
  phoneBlock: '1991',
  regions: () => lastByCode([...referenceRegions(), ...demoDistrictRegions(), ...cityRegions()]),
  householdsOf: (communityCode) => [[communityCode, 85], ...(cityHouseholds.get(communityCode.slice(0, 6)) ?? [])],
  idAddressOf: (householdCode) => `1399${householdCode.slice(4, 6)}`,
};

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = {
  toy: district('toy', 600),
  demo: district('demo', 20_000),
  city,
};

export const isScaleName = (value: string): value is ScaleName => (SCALE_NAMES as readonly string[]).includes(value);

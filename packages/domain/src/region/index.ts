export {
  REGION_CODE_LENGTHS,
  REGION_CODE_PATTERN,
  parseRegionCode,
  regionLevelOf,
  isWithin,
  countyCodeOf,
  ancestorCodes,
  intersectRegion,
} from './region.ts';
export type { RegionLevel } from './region.ts';

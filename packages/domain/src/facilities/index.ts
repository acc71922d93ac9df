export {
  OWNERSHIPS,
  PUBLIC_OWNERSHIPS,
  SITE_DESIGNATIONS,
  REGION_DESIGNATIONS,
  DESIGNATIONS,
  isSiteDesignation,
  isRegionDesignation,
  designationFitsSite,
  designationFitsRegion,
  bedFiguresProblem,
  designationInForce,
} from './facilities.ts';
export type { Ownership, SiteDesignation, RegionDesignation, Designation, BedFigures } from './facilities.ts';

export {
  EARTH_RADIUS_M,
  METRES_PER_DEGREE,
  WALKING_METRES_PER_MINUTE,
  DEFAULT_WALKING_MINUTES,
  DEFAULT_SERVICE_CIRCLE_METRES,
  walkingMetres,
  haversineMetres,
  haversineThreshold,
} from './geo.ts';
export { buildSpatialGrid } from './spatial-grid.ts';
export type { SitePoint, SpatialGrid } from './spatial-grid.ts';
export { computeCoverage, computeCoverageBruteForce, elderPointsOf, shareBasisPoints } from './coverage.ts';
export type { ElderPoints, CommunityCoverage, CoverageResult } from './coverage.ts';

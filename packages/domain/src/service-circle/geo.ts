/** Mean Earth radius (IUGG), metres: the sphere our haversine distances use. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude on that sphere. */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/**
 * Assumed walking speed of an older pedestrian: ≈67 m/min (≈4 km/h), so the 15-minute walk is
 * ≈1000 m. This matches the 800–1000 m the GB 50180-2018 15-minute life circle uses, which profile
 * 001's `rules.serviceCircle.metres` cites; a profile rule, where present, wins over this default.
 */
export const WALKING_METRES_PER_MINUTE = 67;
export const DEFAULT_WALKING_MINUTES = 15;
/** 15 × 67 = 1005 m, rounded to the 1000 m of the profile rule and GB 50180-2018. */
export const DEFAULT_SERVICE_CIRCLE_METRES = 1000;

export const walkingMetres = (minutesOfWalk: number, metresPerMinute = WALKING_METRES_PER_MINUTE): number =>
  minutesOfWalk * metresPerMinute;

/** Great-circle distance in metres between two WGS-84 points (haversine on a sphere). */
export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const sinLat = Math.sin(dLat / 2);
  const sinLng = Math.sin(dLng / 2);
  const h = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The haversine term `h` a distance of `metres` gives: `haversineMetres(...) <= metres` exactly when
 * the points' `h <= haversineThreshold(metres)`, which skips the asin and square root per pair.
 */
export function haversineThreshold(metres: number): number {
  const half = Math.sin(Math.min(Math.PI, metres / EARTH_RADIUS_M) / 2);
  return half * half;
}

/** Great-circle distances and the EVV location tolerance (HCS-6). */
export type LngLat = { readonly lng: number; readonly lat: number };

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Haversine distance in metres between two WGS-84 points. */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Default EVV radius around the elder's home, metres. */
export const DEFAULT_TOLERANCE_M = 200;
/** GPS accuracy counted in the caregiver's favour at most (a poor fix must not pass from far away). */
export const MAX_ACCURACY_CREDIT_M = 100;

export type LocationCheck =
  | { readonly status: 'inside'; readonly distanceM: number }
  | { readonly status: 'outside'; readonly distanceM: number }
  | { readonly status: 'unknown'; readonly distanceM: null };

/**
 * Inside when the distance minus the fix's accuracy (capped) is within the radius. Unknown when the
 * phone sent no fix or the elder's home has no coordinates (a code or manual entry must then verify).
 */
export function checkLocation(
  fix: (LngLat & { readonly accuracyM?: number | undefined }) | null | undefined,
  home: LngLat | null,
  toleranceM: number = DEFAULT_TOLERANCE_M,
): LocationCheck {
  if (!fix || !home) return { status: 'unknown', distanceM: null };
  const distanceM = Math.round(haversineM(fix, home));
  const credit = Math.min(fix.accuracyM ?? 0, MAX_ACCURACY_CREDIT_M);
  return distanceM - credit <= toleranceM ? { status: 'inside', distanceM } : { status: 'outside', distanceM };
}

/** Travel minutes for a distance: straight line × 1.3 detour at an urban 15 km/h (bike, scooter, walk mix). */
export function etaMinutes(distanceM: number, speedKmh = 15, detour = 1.3): number {
  return Math.max(1, Math.ceil((distanceM * detour) / ((speedKmh * 1000) / 60)));
}

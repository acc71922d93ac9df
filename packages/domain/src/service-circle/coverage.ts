import { haversineThreshold } from './geo.ts';
import type { SitePoint, SpatialGrid } from './spatial-grid.ts';

const RAD = Math.PI / 180;

/**
 * Elders as parallel columns (1.5 M rows stay compact): the index of each elder's community in
 * `communities`, and its point; NaN coordinates mean "no map point" (not counted as covered or not).
 */
export type ElderPoints = {
  readonly communities: readonly string[];
  readonly community: Int32Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
};

export type CommunityCoverage = {
  readonly communityCode: string;
  /** Elders of the community (with or without a map point). */
  readonly elders: number;
  /** Elders with a map point: the denominator of the share (profile 001 indicator 001-16). */
  readonly located: number;
  readonly covered: number;
  /** covered ÷ located in basis points (0 when nobody is located). */
  readonly shareBasisPoints: number;
};

export type CoverageResult = {
  readonly metres: number;
  readonly byCommunity: CommunityCoverage[];
  /** 1 where the elder (by row) is within reach of a service point, else 0. */
  readonly covered: Uint8Array;
};

export const shareBasisPoints = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 10_000) / whole);

function summarise(points: ElderPoints, covered: Uint8Array, metres: number): CoverageResult {
  const elders = new Int32Array(points.communities.length);
  const located = new Int32Array(points.communities.length);
  const hits = new Int32Array(points.communities.length);
  for (let row = 0; row < points.community.length; row += 1) {
    const community = points.community[row] ?? 0;
    elders[community] = (elders[community] ?? 0) + 1;
    if (Number.isNaN(points.lat[row]) || Number.isNaN(points.lng[row])) continue;
    located[community] = (located[community] ?? 0) + 1;
    hits[community] = (hits[community] ?? 0) + (covered[row] ?? 0);
  }
  const byCommunity = points.communities.map((communityCode, index) => ({
    communityCode,
    elders: elders[index] ?? 0,
    located: located[index] ?? 0,
    covered: hits[index] ?? 0,
    shareBasisPoints: shareBasisPoints(hits[index] ?? 0, located[index] ?? 0),
  }));
  return { metres, byCommunity, covered };
}

/** HCS-10: which elders are within `metres` walk (straight-line haversine) of any service point, per community. */
export function computeCoverage(points: ElderPoints, grid: SpatialGrid, metres: number): CoverageResult {
  const covered = new Uint8Array(points.community.length);
  for (let row = 0; row < covered.length; row += 1) {
    const lat = points.lat[row] ?? Number.NaN;
    const lng = points.lng[row] ?? Number.NaN;
    if (Number.isNaN(lat) || Number.isNaN(lng)) continue;
    if (grid.anyWithin(lat, lng, metres)) covered[row] = 1;
  }
  return summarise(points, covered, metres);
}

/** The baseline: every elder against every site (the benchmark's and the tests' reference). */
export function computeCoverageBruteForce(
  points: ElderPoints,
  sites: readonly SitePoint[],
  metres: number,
): CoverageResult {
  const threshold = haversineThreshold(metres);
  const siteLat = sites.map((site) => site.lat);
  const siteLng = sites.map((site) => site.lng);
  const siteCos = sites.map((site) => Math.cos(site.lat * RAD));
  const covered = new Uint8Array(points.community.length);
  for (let row = 0; row < covered.length; row += 1) {
    const lat = points.lat[row] ?? Number.NaN;
    const lng = points.lng[row] ?? Number.NaN;
    if (Number.isNaN(lat) || Number.isNaN(lng)) continue;
    const cosLat = Math.cos(lat * RAD);
    for (let site = 0; site < sites.length; site += 1) {
      const sinLat = Math.sin(((siteLat[site] ?? 0) - lat) * RAD * 0.5);
      const sinLng = Math.sin(((siteLng[site] ?? 0) - lng) * RAD * 0.5);
      if (sinLat * sinLat + cosLat * (siteCos[site] ?? 0) * sinLng * sinLng <= threshold) {
        covered[row] = 1;
        break;
      }
    }
  }
  return summarise(points, covered, metres);
}

/** Builds the column form from rows (tests, small fixtures, the service's per-county load). */
export function elderPointsOf(
  rows: readonly { community: string; lat: number | null; lng: number | null }[],
): ElderPoints {
  const communities = [...new Set(rows.map((row) => row.community))].sort();
  const indexOf = new Map(communities.map((code, index) => [code, index]));
  const community = new Int32Array(rows.length);
  const lat = new Float64Array(rows.length);
  const lng = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    community[index] = indexOf.get(row.community) ?? 0;
    lat[index] = row.lat ?? Number.NaN;
    lng[index] = row.lng ?? Number.NaN;
  });
  return { communities, community, lat, lng };
}

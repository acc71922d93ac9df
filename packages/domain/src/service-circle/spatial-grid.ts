import { METRES_PER_DEGREE, haversineThreshold } from './geo.ts';

const RAD = Math.PI / 180;
/** Widens the search window by 1 % so the sphere's geometry never hides a point at the edge. */
const WINDOW_MARGIN = 1.01;
const MAX_CELLS = 4_000_000;

export type SitePoint = { readonly lat: number; readonly lng: number };

/**
 * A static uniform grid over points (service sites) in degrees, stored as compressed rows: the
 * points sorted by cell (`cellStart[c] … cellStart[c + 1]`). Queries scan only the cells a circle's
 * bounding window touches and test each candidate with the exact haversine term, so answers equal a
 * brute-force scan over every point (the unit test checks that on random fixtures).
 */
export type SpatialGrid = {
  readonly size: number;
  /** Whether any point lies within `metres` (haversine) of (lat, lng). */
  anyWithin(lat: number, lng: number, metres: number): boolean;
  /** Indexes (into the input) of every point within `metres`, nearest first. */
  within(lat: number, lng: number, metres: number): number[];
  /** The nearest point within `maxMetres`, or undefined. */
  nearest(lat: number, lng: number, maxMetres: number): { index: number; metres: number } | undefined;
};

type Layout = { west: number; south: number; cellLat: number; cellLng: number; columns: number; rows: number };

function layoutOf(points: readonly SitePoint[], cellMetres: number): Layout {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const point of points) {
    west = Math.min(west, point.lng);
    east = Math.max(east, point.lng);
    south = Math.min(south, point.lat);
    north = Math.max(north, point.lat);
  }
  if (points.length === 0) [west, east, south, north] = [0, 0, 0, 0];
  const maxCos = Math.max(0.01, Math.cos(Math.min(89, Math.max(Math.abs(south), Math.abs(north))) * RAD));
  let cellLat = cellMetres / METRES_PER_DEGREE;
  let cellLng = cellMetres / (METRES_PER_DEGREE * maxCos);
  let columns = Math.floor((east - west) / cellLng) + 1;
  let rows = Math.floor((north - south) / cellLat) + 1;
  while (columns * rows > MAX_CELLS) {
    cellLat *= 2;
    cellLng *= 2;
    columns = Math.floor((east - west) / cellLng) + 1;
    rows = Math.floor((north - south) / cellLat) + 1;
  }
  return { west, south, cellLat, cellLng, columns, rows };
}

/** Builds the grid; `cellMetres` is best near the usual query radius (e.g. the 15-minute walk). */
// eslint-disable-next-line max-lines-per-function -- one closure over the typed arrays the queries share
export function buildSpatialGrid(points: readonly SitePoint[], cellMetres = 1000): SpatialGrid {
  const layout = layoutOf(points, Math.max(1, cellMetres));
  const { west, south, cellLat, cellLng, columns, rows } = layout;
  const cellOf = (lat: number, lng: number): number =>
    Math.floor((lat - south) / cellLat) * columns + Math.floor((lng - west) / cellLng);
  const cellStart = new Int32Array(columns * rows + 1);
  const cells = points.map((point) => cellOf(point.lat, point.lng));
  for (const cell of cells) cellStart[cell + 1] = (cellStart[cell + 1] ?? 0) + 1;
  for (let cell = 0; cell < columns * rows; cell += 1)
    cellStart[cell + 1] = (cellStart[cell + 1] ?? 0) + (cellStart[cell] ?? 0);
  const fill = cellStart.slice(0, columns * rows);
  const order = new Int32Array(points.length);
  // Unit vectors: the chord between two points gives the haversine term exactly (h = chord² / 4),
  // so a candidate costs a few multiplications instead of two sines and a cosine.
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  const zs = new Float64Array(points.length);
  points.forEach((point, index) => {
    const cell = cells[index] ?? 0;
    const slot = fill[cell] ?? 0;
    fill[cell] = slot + 1;
    order[slot] = index;
    const cosLat = Math.cos(point.lat * RAD);
    xs[slot] = cosLat * Math.cos(point.lng * RAD);
    ys[slot] = cosLat * Math.sin(point.lng * RAD);
    zs[slot] = Math.sin(point.lat * RAD);
  });

  type Window = { rowFrom: number; rowTo: number; columnFrom: number; columnTo: number; limit: number };
  const query = { x: 0, y: 0, z: 0 };
  const cellWindow: Window = { rowFrom: 0, rowTo: -1, columnFrom: 0, columnTo: -1, limit: 0 };
  /** The cell cellWindow a circle's bounding box touches, and the chord² limit; sets the query vector (reused, no allocation). */
  function windowOf(lat: number, lng: number, metres: number): Window {
    const dLat = (metres / METRES_PER_DEGREE) * WINDOW_MARGIN;
    const edgeCos = Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD);
    const dLng = Math.min(180, ((metres / METRES_PER_DEGREE) * WINDOW_MARGIN) / Math.max(0.01, edgeCos));
    const cosLat = Math.cos(lat * RAD);
    query.x = cosLat * Math.cos(lng * RAD);
    query.y = cosLat * Math.sin(lng * RAD);
    query.z = Math.sin(lat * RAD);
    cellWindow.rowFrom = Math.max(0, Math.floor((lat - dLat - south) / cellLat));
    cellWindow.rowTo = Math.min(rows - 1, Math.floor((lat + dLat - south) / cellLat));
    cellWindow.columnFrom = Math.max(0, Math.floor((lng - dLng - west) / cellLng));
    cellWindow.columnTo = Math.min(columns - 1, Math.floor((lng + dLng - west) / cellLng));
    cellWindow.limit = 4 * haversineThreshold(metres);
    return cellWindow;
  }

  const chord2 = (slot: number): number => {
    const dx = (xs[slot] ?? 0) - query.x;
    const dy = (ys[slot] ?? 0) - query.y;
    const dz = (zs[slot] ?? 0) - query.z;
    return dx * dx + dy * dy + dz * dz;
  };

  /** Calls `visit(slot, h)` for every point within `metres`; stops when it returns true. */
  function scan(lat: number, lng: number, metres: number, visit: (slot: number, h: number) => boolean): void {
    if (points.length === 0) return;
    const { rowFrom, rowTo, columnFrom, columnTo, limit } = windowOf(lat, lng, metres);
    for (let row = rowFrom; row <= rowTo; row += 1) {
      const to = cellStart[row * columns + columnTo + 1] ?? 0;
      for (let slot = cellStart[row * columns + columnFrom] ?? 0; slot < to; slot += 1) {
        const c2 = chord2(slot);
        if (c2 <= limit && visit(slot, c2 / 4)) return;
      }
    }
  }

  const metresOf = (h: number): number => 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));

  return {
    size: points.length,
    anyWithin(lat, lng, metres) {
      if (points.length === 0) return false;
      const { rowFrom, rowTo, columnFrom, columnTo, limit } = windowOf(lat, lng, metres);
      for (let row = rowFrom; row <= rowTo; row += 1) {
        const to = cellStart[row * columns + columnTo + 1] ?? 0;
        for (let slot = cellStart[row * columns + columnFrom] ?? 0; slot < to; slot += 1) {
          if (chord2(slot) <= limit) return true;
        }
      }
      return false;
    },
    within(lat, lng, metres) {
      const hits: [number, number][] = [];
      scan(lat, lng, metres, (slot, h) => {
        hits.push([order[slot] ?? 0, h]);
        return false;
      });
      return hits.sort((left, right) => left[1] - right[1] || left[0] - right[0]).map(([index]) => index);
    },
    nearest(lat, lng, maxMetres) {
      let best: [number, number] | undefined;
      scan(lat, lng, maxMetres, (slot, h) => {
        const index = order[slot] ?? 0;
        if (!best || h < best[1] || (h === best[1] && index < best[0])) best = [index, h];
        return false;
      });
      return best ? { index: best[0], metres: metresOf(best[1]) } : undefined;
    },
  };
}

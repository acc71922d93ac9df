/** Planar helpers over lng/lat rings (small areas: a district or a city), for generated boundaries. */
export type Point = readonly [lng: number, lat: number];
/** A closed ring: the last point repeats the first. */
export type Ring = readonly Point[];
export type Box = { west: number; east: number; south: number; north: number };

export function boxOf(ring: Ring): Box {
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const [lng, lat] of ring) {
    box.west = Math.min(box.west, lng);
    box.east = Math.max(box.east, lng);
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
  }
  return box;
}

/** Even-odd ray casting; points exactly on an edge may fall either way. */
export function pointInRing(point: Point, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const [xi = 0, yi = 0] = ring[index] ?? [];
    const [xj = 0, yj = 0] = ring[previous] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed area (shoelace; positive for counter-clockwise rings), in square degrees. */
export function ringArea(ring: Ring): number {
  let twice = 0;
  for (let index = 1; index < ring.length; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    twice += x0 * y1 - x1 * y0;
  }
  return twice / 2;
}

/** Area-weighted centroid of a simple ring. */
export function ringCentroid(ring: Ring): Point {
  let cx = 0;
  let cy = 0;
  let twice = 0;
  for (let index = 1; index < ring.length; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const cross = x0 * y1 - x1 * y0;
    twice += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return [cx / (3 * twice), cy / (3 * twice)];
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** A GeoJSON Polygon of one ring, coordinates rounded to 1e-6 degrees (≈ 0.1 m). */
export function geoJsonPolygon(ring: Ring): { type: 'Polygon'; coordinates: number[][][] } {
  return { type: 'Polygon', coordinates: [ring.map(([lng, lat]) => [round(lng), round(lat)])] };
}

/** Reads the outer ring of a stored GeoJSON Polygon; undefined for anything else. */
export function outerRingOf(boundary: unknown): Ring | undefined {
  if (typeof boundary !== 'object' || boundary === null) return undefined;
  const coordinates = (boundary as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates) || !Array.isArray(coordinates[0])) return undefined;
  const ring: Point[] = [];
  for (const point of coordinates[0] as unknown[]) {
    if (!Array.isArray(point) || typeof point[0] !== 'number' || typeof point[1] !== 'number') return undefined;
    ring.push([point[0], point[1]]);
  }
  return ring.length >= 4 ? ring : undefined;
}

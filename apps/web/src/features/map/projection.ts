/**
 * The offline map's geometry, pure: an equirectangular projection fitted to the shown regions
 * (with the cos(latitude) correction, so a city block stays square), SVG paths of GeoJSON rings,
 * density cells as rectangles and the pan/zoom view. Nothing here fetches tiles.
 */
export type LngLat = readonly [lng: number, lat: number];
export type Bounds = { west: number; east: number; south: number; north: number };
export type Size = { width: number; height: number };
export type Projection = {
  project: (point: LngLat) => [x: number, y: number];
  invert: (x: number, y: number) => [lng: number, lat: number];
  /** Screen units per metre at the centre (for circles and cells of a given size in metres). */
  unitsPerMetre: number;
};
/** Pan and zoom over the projected map: screen = translate + scale × projected. */
export type View = { scale: number; x: number; y: number };

const METRES_PER_DEGREE = 111_320;
export const IDENTITY_VIEW: View = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 1;
export const MAX_SCALE = 24;

type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

const ringsOf = (geometry: Geometry): number[][][] =>
  geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();

/** The box around every ring of the geometries; undefined when there is none. */
export function boundsOf(geometries: readonly Geometry[]): Bounds | undefined {
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const geometry of geometries)
    for (const ring of ringsOf(geometry))
      for (const [lng = NaN, lat = NaN] of ring) {
        if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
        box.west = Math.min(box.west, lng);
        box.east = Math.max(box.east, lng);
        box.south = Math.min(box.south, lat);
        box.north = Math.max(box.north, lat);
      }
  return Number.isFinite(box.west) ? box : undefined;
}

/** Fits the bounds into `size` less `padding` on each side, centred, north up. */
export function fitProjection(bounds: Bounds, size: Size, padding = 16): Projection {
  const midLat = (bounds.south + bounds.north) / 2;
  const xFactor = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((bounds.east - bounds.west) * xFactor, 1e-9);
  const spanY = Math.max(bounds.north - bounds.south, 1e-9);
  const scale = Math.min((size.width - 2 * padding) / spanX, (size.height - 2 * padding) / spanY);
  const offsetX = (size.width - spanX * scale) / 2;
  const offsetY = (size.height - spanY * scale) / 2;
  return {
    project: ([lng, lat]) => [offsetX + (lng - bounds.west) * xFactor * scale, offsetY + (bounds.north - lat) * scale],
    invert: (x, y) => [bounds.west + (x - offsetX) / (xFactor * scale), bounds.north - (y - offsetY) / scale],
    unitsPerMetre: scale / METRES_PER_DEGREE,
  };
}

const fixed = (value: number) => Math.round(value * 10) / 10;

/** An SVG path of the geometry's rings (even-odd fill keeps holes). */
export function pathOf(geometry: Geometry, projection: Projection): string {
  return ringsOf(geometry)
    .map((ring) => {
      const points = ring.map(([lng = 0, lat = 0]) => projection.project([lng, lat]));
      return `M${points.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join('L')}Z`;
    })
    .join('');
}

/** The square of a density cell centred on its point, `cellMetres` wide on the ground. */
export function cellRect(centre: LngLat, cellMetres: number, projection: Projection) {
  const halfLat = cellMetres / 2 / METRES_PER_DEGREE;
  const halfLng = halfLat / Math.cos((centre[1] * Math.PI) / 180);
  const [x0, y0] = projection.project([centre[0] - halfLng, centre[1] + halfLat]);
  const [x1, y1] = projection.project([centre[0] + halfLng, centre[1] - halfLat]);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms by `factor` keeping the screen point (px, py) over the same map point. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export const panBy = (view: View, dx: number, dy: number): View => ({ ...view, x: view.x + dx, y: view.y + dy });

/** A projected point on screen under the view. */
export const onScreen = (view: View, [x, y]: readonly [number, number]): [number, number] => [
  view.x + view.scale * x,
  view.y + view.scale * y,
];

/** The bucket (0 … steps − 1) of a count on a square-root scale up to `max`. */
export function bucketOf(count: number, max: number, steps: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.min(steps - 1, Math.floor(Math.sqrt(count / max) * steps));
}

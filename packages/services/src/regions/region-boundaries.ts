import type { BoundaryFeature, BoundaryGeometry, RegionBoundaries } from '@kangyang/contracts/region-boundaries';
import type { BoundaryRow } from './region-boundaries.repo.ts';

type Level = BoundaryFeature['properties']['level'];
const LEVELS: readonly string[] = ['province', 'city', 'county', 'street', 'community'];

/** A stored boundary as a GeoJSON geometry, or undefined when it is missing or not a polygon. */
export function geometryOf(boundary: unknown): BoundaryGeometry | undefined {
  if (typeof boundary !== 'object' || boundary === null) return undefined;
  const { type, coordinates } = boundary as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return undefined;
  if (type === 'Polygon') return { type, coordinates: coordinates as number[][][] };
  if (type === 'MultiPolygon') return { type, coordinates: coordinates as number[][][][] };
  return undefined;
}

function featureOf(row: BoundaryRow): BoundaryFeature | undefined {
  const geometry = geometryOf(row.boundary);
  if (!geometry || !LEVELS.includes(row.level)) return undefined;
  const centroid: [number, number] | null =
    row.centroidLng === null || row.centroidLat === null ? null : [row.centroidLng, row.centroidLat];
  return {
    type: 'Feature',
    properties: { code: row.code, name: row.name, level: row.level as Level, centroid },
    geometry,
  };
}

/** The children of `code` as features (a region without children answers itself), and its outline. */
export function boundariesOf(code: string, rows: readonly BoundaryRow[]): RegionBoundaries {
  const self = rows.find((row) => row.code === code);
  const children = rows.filter((row) => row.code !== code);
  const shown = children.length > 0 ? children : self ? [self] : [];
  const features = shown.flatMap((row) => featureOf(row) ?? []);
  return {
    type: 'FeatureCollection',
    regionCode: code,
    outline: (self && featureOf(self)) ?? null,
    features,
    withoutBoundary: shown.length - features.length,
  };
}

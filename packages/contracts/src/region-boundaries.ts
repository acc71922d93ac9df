/**
 * Region boundaries for the offline map (KPI-7): GeoJSON (WGS-84) generated with the demo data or
 * imported with the reference regions; nothing is fetched from a tile server.
 *
 *   GET /api/regions/:code/boundaries → RegionBoundaries (permission `region:read`, 404 outside scope)
 *   `features` are the children of the region (a community, which has none, answers itself);
 *   `outline` is the region's own boundary when it has one.
 */
import { z } from 'zod';
import { RegionLevelSchema } from './region.ts';

const Position = z.array(z.number()).min(2);

export const BoundaryGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

export const BoundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    code: z.string(),
    name: z.string(),
    level: RegionLevelSchema,
    centroid: z.tuple([z.number(), z.number()]).nullable(),
  }),
  geometry: BoundaryGeometry,
});
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

export const RegionBoundaries = z.object({
  type: z.literal('FeatureCollection'),
  regionCode: z.string(),
  outline: BoundaryFeature.nullable(),
  features: z.array(BoundaryFeature),
  /** Children without a stored boundary (left off the map, listed so the map can say so). */
  withoutBoundary: z.number().int(),
});
export type RegionBoundaries = z.infer<typeof RegionBoundaries>;

import { doublePrecision, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** Reference table: the administrative hierarchy with statistical division codes. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    centroidLng: doublePrecision('centroid_lng'),
    centroidLat: doublePrecision('centroid_lat'),
    /** GeoJSON geometry (WGS-84) generated or imported for the offline map. */
    boundary: jsonb('boundary'),
  },
  (table) => [index('regions_parent_idx').on(table.parentCode)],
);

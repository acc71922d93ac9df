import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Cells with fewer elders are not shown (no cell may point at a single household). */
export const MIN_CELL_ELDERS = 5;
const METRES_PER_DEGREE = 111_320;

/**
 * KPI-7: active elders of a region counted in a grid of `cellMetres` squares (cell centres in
 * WGS-84), computed in SQL; no elder's own point leaves the database.
 */
export async function densityCells(
  db: Db,
  regionCode: string,
  cellMetres: number,
  latitude: number,
): Promise<{ cells: { lng: number; lat: number; elders: number }[]; withoutLocation: number }> {
  const latStep = cellMetres / METRES_PER_DEGREE;
  const lngStep = cellMetres / (METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
  const scope = sql`residence_region_code LIKE ${`${regionCode}%`} AND status = 'active'`;
  const county = regionCode.length >= 6 ? sql`AND county_code = ${regionCode.slice(0, 6)}` : sql``;
  const found = await rows<{ lng: number; lat: number; elders: number }>(
    db,
    sql`SELECT (gx + 0.5) * ${lngStep} AS lng, (gy + 0.5) * ${latStep} AS lat, count(*)::int AS elders
        FROM (SELECT floor(lng / ${lngStep}) AS gx, floor(lat / ${latStep}) AS gy FROM elders
              WHERE ${scope} ${county} AND lng IS NOT NULL AND lat IS NOT NULL) AS cell
        GROUP BY gx, gy HAVING count(*) >= ${MIN_CELL_ELDERS} ORDER BY gx, gy`,
  );
  const [unlocated] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM elders WHERE ${scope} ${county} AND (lng IS NULL OR lat IS NULL)`,
  );
  return {
    cells: found.map((cell) => ({ lng: Number(cell.lng), lat: Number(cell.lat), elders: Number(cell.elders) })),
    withoutLocation: unlocated?.n ?? 0,
  };
}

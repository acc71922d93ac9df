import { haversineM, type LngLat } from './geo.ts';
import {
  createRanker,
  rankCandidates,
  scoreCeiling,
  type Ranker,
  type CandidateWorker,
  type RankRequest,
  type RankedCandidate,
} from './ranking.ts';

/**
 * A uniform grid over worker homes (about 1 km cells) so dispatch scores only the workers within
 * range instead of the whole city (20,000 workers at `city` scale).
 */
export type WorkerGrid<T extends { readonly home: LngLat }> = {
  readonly cellDeg: number;
  readonly cells: ReadonlyMap<number, readonly T[]>;
};

/** A number key per cell (cheaper than strings); cell indices stay within ±20,000 at 0.01°. */
const keyOf = (x: number, y: number): number => (x + 20_000) * 40_000 + (y + 20_000);

export function buildWorkerGrid<T extends { readonly home: LngLat }>(
  items: readonly T[],
  cellDeg = 0.01,
): WorkerGrid<T> {
  const cells = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(Math.floor(item.home.lng / cellDeg), Math.floor(item.home.lat / cellDeg));
    const cell = cells.get(key);
    if (cell) cell.push(item);
    else cells.set(key, [item]);
  }
  return { cellDeg, cells };
}

/** Items whose cell may lie within `radiusM` of the point (a superset; the ranking checks exact distance). */
export function nearbyInGrid<T extends { readonly home: LngLat }>(
  grid: WorkerGrid<T>,
  point: LngLat,
  radiusM: number,
): T[] {
  const latSpan = radiusM / 111_320;
  const lngSpan = radiusM / (111_320 * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180)));
  const x0 = Math.floor((point.lng - lngSpan) / grid.cellDeg);
  const x1 = Math.floor((point.lng + lngSpan) / grid.cellDeg);
  const y0 = Math.floor((point.lat - latSpan) / grid.cellDeg);
  const y1 = Math.floor((point.lat + latSpan) / grid.cellDeg);
  const found: T[] = [];
  for (let x = x0; x <= x1; x += 1)
    for (let y = y0; y <= y1; y += 1) {
      const cell = grid.cells.get(keyOf(x, y));
      if (cell) for (const item of cell) found.push(item);
    }
  return found;
}

/** The plain nearest-neighbour baseline: one linear scan by great-circle distance. */
export function nearestLinear<T extends { readonly home: LngLat }>(items: readonly T[], point: LngLat): T | undefined {
  let best: T | undefined;
  let bestM = Infinity;
  for (const item of items) {
    const metres = haversineM(item.home, point);
    if (metres < bestM) {
      bestM = metres;
      best = item;
    }
  }
  return best;
}

type Bounds = { x0: number; x1: number; y0: number; y1: number; cx: number; cy: number };

/** Offers the qualified workers of the cells on ring `ring` around the centre cell, clipped to the bounds. */
function offerRing(grid: WorkerGrid<CandidateWorker>, ranker: Ranker, b: Bounds, ring: number): void {
  for (let x = Math.max(b.x0, b.cx - ring); x <= Math.min(b.x1, b.cx + ring); x += 1)
    for (let y = Math.max(b.y0, b.cy - ring); y <= Math.min(b.y1, b.cy + ring); y += 1) {
      if (Math.max(Math.abs(x - b.cx), Math.abs(y - b.cy)) !== ring) continue;
      for (const worker of grid.cells.get(keyOf(x, y)) ?? []) ranker.offerQualified(worker);
    }
}

/**
 * HCS-4 at city scale: ranks the workers of the grid within `maxDistanceM` of the elder, visiting cells
 * ring by ring outwards and stopping once no farther worker could beat the list (scoreCeiling). Gives
 * the same result as rankCandidates over nearbyInGrid. Only workers with the service's skills and
 * certificates are measured; when fewer than `limit` of them are eligible, it falls back to the full scan.
 */
export function rankInGrid(grid: WorkerGrid<CandidateWorker>, request: RankRequest): RankedCandidate[] {
  const point = request.elderHome;
  const radiusM = request.maxDistanceM;
  const cosLat = Math.max(0.1, Math.cos((point.lat * Math.PI) / 180));
  const latSpan = radiusM / 111_320;
  const lngSpan = radiusM / (111_320 * cosLat);
  const x0 = Math.floor((point.lng - lngSpan) / grid.cellDeg);
  const x1 = Math.floor((point.lng + lngSpan) / grid.cellDeg);
  const y0 = Math.floor((point.lat - latSpan) / grid.cellDeg);
  const y1 = Math.floor((point.lat + latSpan) / grid.cellDeg);
  const cx = Math.floor(point.lng / grid.cellDeg);
  const cy = Math.floor(point.lat / grid.cellDeg);
  // the nearest point of ring k is at least (k - 1) cells away in the narrower direction (2 % margin)
  const cellM = grid.cellDeg * 111_000 * Math.min(1, cosLat) * 0.98;
  const rings = Math.max(cx - x0, x1 - cx, cy - y0, y1 - cy);
  const ranker = createRanker(request);
  for (let ring = 0; ring <= rings; ring += 1) {
    const floor = ranker.floor();
    if (floor !== null && scoreCeiling(request, Math.max(0, (ring - 1) * cellM)) < floor) break;
    offerRing(grid, ranker, { x0, x1, y0, y1, cx, cy }, ring);
  }
  // only qualified workers were scored: when fewer than `limit` are eligible, the others fill the list
  if (ranker.floor() === null) return rankCandidates(nearbyInGrid(grid, point, radiusM), request);
  return ranker.result();
}

import type { Rng } from './rng.ts';
import type { Box, Point, Ring } from './polygon.ts';

/**
 * Irregular tilings for generated region boundaries. A lattice of `columns × rows` cells over a box
 * has every vertex jittered and a jittered midpoint on every cell edge; neighbours share vertices and
 * midpoints, so any partition of the cells into regions gives polygons that never overlap and
 * together cover the whole lattice (a district, a city).
 */
export type Cell = { readonly column: number; readonly row: number };
export type CellRect = { column: number; row: number; columns: number; rows: number };

export type Lattice = {
  readonly columns: number;
  readonly rows: number;
  /** The closed outer ring of a set of cells (simply connected, edge-adjacent), counter-clockwise. */
  ringOf(cells: readonly Cell[]): Ring;
};

const CORNER_JITTER = 0.22;
const EDGE_JITTER = 0.12;

export function createLattice(box: Box, columns: number, rows: number, rng: Rng): Lattice {
  const width = (box.east - box.west) / columns;
  const height = (box.north - box.south) / rows;
  const stride = columns + 1;
  const corners: Point[] = [];
  for (let row = 0; row <= rows; row += 1) {
    for (let column = 0; column <= columns; column += 1) {
      const dx = (rng.next() * 2 - 1) * CORNER_JITTER * width;
      const dy = (rng.next() * 2 - 1) * CORNER_JITTER * height;
      corners.push([box.west + column * width + dx, box.south + row * height + dy]);
    }
  }
  const corner = (vertex: number): Point => corners[vertex] ?? [box.west, box.south];
  const bends = new Map<number, number>();
  for (let vertex = 0; vertex < corners.length; vertex += 1) {
    bends.set(vertex * 2, rng.next() * 2 - 1); // the edge to the east neighbour
    bends.set(vertex * 2 + 1, rng.next() * 2 - 1); // the edge to the north neighbour
  }
  const midpoint = (from: number, to: number): Point => {
    const low = Math.min(from, to);
    const horizontal = Math.abs(from - to) === 1;
    const bend = bends.get(low * 2 + (horizontal ? 0 : 1)) ?? 0;
    const [x0, y0] = corner(from);
    const [x1, y1] = corner(to);
    const offset = horizontal ? [0, bend * EDGE_JITTER * height] : [bend * EDGE_JITTER * width, 0];
    return [(x0 + x1) / 2 + (offset[0] ?? 0), (y0 + y1) / 2 + (offset[1] ?? 0)];
  };
  return {
    columns,
    rows,
    ringOf(cells) {
      const path = boundaryPath(cells, stride);
      const ring: Point[] = [];
      for (let index = 0; index < path.length; index += 1) {
        const from = path[index] ?? 0;
        const to = path[(index + 1) % path.length] ?? 0;
        ring.push(corner(from), midpoint(from, to));
      }
      ring.push(ring[0] ?? corner(0));
      return ring;
    },
  };
}

/** Lattice vertices around a set of cells, in counter-clockwise order (interior edges cancel out). */
function boundaryPath(cells: readonly Cell[], stride: number): number[] {
  const directed = new Set<string>();
  const edges: [number, number][] = [];
  for (const { column, row } of cells) {
    const sw = row * stride + column;
    const se = sw + 1;
    const ne = se + stride;
    const nw = sw + stride;
    edges.push([sw, se], [se, ne], [ne, nw], [nw, sw]);
  }
  for (const [from, to] of edges) directed.add(`${from}>${to}`);
  const next = new Map<number, number>();
  for (const [from, to] of edges) {
    if (directed.has(`${to}>${from}`)) continue;
    if (next.has(from)) throw new Error('cells touch only at a corner: not a simple region');
    next.set(from, to);
  }
  const start = Math.min(...next.keys());
  const path = [start];
  for (let vertex = next.get(start); vertex !== undefined && vertex !== start; vertex = next.get(vertex)) {
    path.push(vertex);
    if (path.length > next.size) throw new Error('region boundary does not close');
  }
  if (path.length !== next.size) throw new Error('cells are not one connected region');
  return path;
}

/** The cells of a rectangle in serpentine order (rows alternate direction), so neighbours in the list touch. */
export function serpentineCells(rect: CellRect): Cell[] {
  const cells: Cell[] = [];
  for (let row = 0; row < rect.rows; row += 1) {
    for (let step = 0; step < rect.columns; step += 1) {
      const column = row % 2 === 0 ? step : rect.columns - 1 - step;
      cells.push({ column: rect.column + column, row: rect.row + row });
    }
  }
  return cells;
}

/** Sub-rectangles of `size` cells tiling `rect`, in serpentine order. */
export function blocksOf(rect: CellRect, columns: number, rows: number): CellRect[] {
  const width = rect.columns / columns;
  const height = rect.rows / rows;
  if (!Number.isInteger(width) || !Number.isInteger(height)) throw new RangeError('blocks must divide the rectangle');
  return serpentineCells({ column: 0, row: 0, columns, rows }).map(({ column, row }) => ({
    column: rect.column + column * width,
    row: rect.row + row * height,
    columns: width,
    rows: height,
  }));
}

/**
 * Splits an ordered list into `count` contiguous runs; sizes differ by at most one, and which runs
 * get the extra item is drawn from `rng`, so region sizes vary.
 */
export function runsOf<T>(items: readonly T[], count: number, rng: Rng): T[][] {
  if (count < 1 || count > items.length) throw new RangeError(`cannot split ${items.length} items into ${count} runs`);
  const base = Math.floor(items.length / count);
  const sizes = Array.from({ length: count }, () => base);
  const order = sizes.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = rng.int(0, index);
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  for (let extra = 0; extra < items.length - base * count; extra += 1) {
    const run = order[extra] ?? 0;
    sizes[run] = (sizes[run] ?? base) + 1;
  }
  const runs: T[][] = [];
  let start = 0;
  for (const size of sizes) {
    runs.push(items.slice(start, start + size));
    start += size;
  }
  return runs;
}

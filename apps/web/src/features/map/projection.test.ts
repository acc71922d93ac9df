import { describe, expect, it } from 'vitest';
import { boundsOf, bucketOf, cellRect, fitProjection, onScreen, pathOf, zoomAt, IDENTITY_VIEW } from './projection.ts';

// the demo district's box (regions-data.ts): 0.14° of longitude by 0.12° of latitude around 30.29° N
const district = { west: 120.16, east: 120.3, south: 30.23, north: 30.35 };
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [120.16, 30.23],
      [120.3, 30.23],
      [120.3, 30.35],
      [120.16, 30.35],
      [120.16, 30.23],
    ],
  ],
};

describe('the offline map projection (KPI-7)', () => {
  it('finds the box of the rings and fits it centred, north up, with cos(latitude) on longitude', () => {
    expect(boundsOf([square])).toEqual(district);
    const projection = fitProjection(district, { width: 1000, height: 700 }, 20);
    const cos = Math.cos((30.29 * Math.PI) / 180);
    // height limits: 660 units for 0.12°, so 5500 units per degree; width 0.14 × cos × 5500
    const width = 0.14 * cos * 5500;
    const [westX, northY] = projection.project([120.16, 30.35]);
    const [eastX, southY] = projection.project([120.3, 30.23]);
    expect(northY).toBeCloseTo(20, 6);
    expect(southY).toBeCloseTo(680, 6);
    expect(eastX - westX).toBeCloseTo(width, 6);
    expect(westX).toBeCloseTo((1000 - width) / 2, 6);
    expect(projection.unitsPerMetre).toBeCloseTo(5500 / 111_320, 9);
  });

  it('inverts what it projects', () => {
    const projection = fitProjection(district, { width: 800, height: 600 });
    const [x, y] = projection.project([120.2345, 30.3012]);
    const [lng, lat] = projection.invert(x, y);
    expect(lng).toBeCloseTo(120.2345, 9);
    expect(lat).toBeCloseTo(30.3012, 9);
  });

  it('draws rings as closed SVG paths and density cells as squares on the ground', () => {
    const projection = fitProjection(district, { width: 1000, height: 700 }, 20);
    const path = pathOf(square, projection);
    expect(path.startsWith('M')).toBe(true);
    expect(path.endsWith('Z')).toBe(true);
    expect(path.split('L')).toHaveLength(5);
    const cell = cellRect([120.23, 30.29], 500, projection);
    // 500 m on the ground in both directions: the same number of screen units wide and high
    expect(cell.width).toBeCloseTo(cell.height, 3);
    expect(cell.width).toBeCloseTo(500 * projection.unitsPerMetre, 3);
  });

  it('zooms around the pointer and clamps the scale', () => {
    const zoomed = zoomAt(IDENTITY_VIEW, 2, 300, 200);
    expect(zoomed).toEqual({ scale: 2, x: -300, y: -200 });
    expect(onScreen(zoomed, [300, 200])).toEqual([300, 200]);
    expect(zoomAt(IDENTITY_VIEW, 0.5, 10, 10).scale).toBe(1);
    expect(zoomAt({ scale: 20, x: 0, y: 0 }, 4, 0, 0).scale).toBe(24);
  });

  it('puts counts into square-root buckets', () => {
    expect(bucketOf(0, 100, 5)).toBe(0);
    expect(bucketOf(4, 100, 5)).toBe(1);
    expect(bucketOf(100, 100, 5)).toBe(4);
  });
});

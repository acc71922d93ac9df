import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteDto } from '@kangyang/contracts/meals';
import type { BoundaryFeature, RegionBoundaries } from '@kangyang/contracts/region-boundaries';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { MAP_SIZE, MapCanvas } from './map-canvas.tsx';
import { coverageByRegion } from './map-data.ts';

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const block = (code: string, name: string, west: number, east: number): BoundaryFeature => ({
  type: 'Feature',
  properties: { code, name, level: 'street', centroid: [(west + east) / 2, 30.29] },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, 30.23],
        [east, 30.23],
        [east, 30.35],
        [west, 30.35],
        [west, 30.23],
      ],
    ],
  },
});

const boundaries: RegionBoundaries = {
  type: 'FeatureCollection',
  regionCode: '330102',
  outline: null,
  features: [block('330102001', '甲街道', 120.16, 120.23), block('330102002', '乙街道', 120.23, 120.3)],
  withoutBoundary: 0,
};

const site = (id: string, kind: SiteDto['kind'], lng: number): SiteDto => ({
  id,
  name: `site ${id}`,
  kind,
  regionCode: '330102001',
  address: null,
  lng,
  lat: 30.29,
  serviceRadiusM: 1000,
  openingHours: {},
  mealCapacity: null,
  offersMeals: false,
  offersDelivery: false,
  providerId: null,
  status: 'open',
  openedOn: null,
});

const SITES = [
  site('00000000-0000-7000-8000-000000000001', 'canteen', 120.2),
  site('00000000-0000-7000-8000-000000000002', 'institution', 120.25),
];

describe('the offline map canvas (KPI-7)', () => {
  it('draws each region, aggregated density cells and clickable facility symbols, and pans and zooms', () => {
    const clicked: string[] = [];
    const coverage = coverageByRegion(['330102001', '330102002'], {
      items: [
        {
          communityCode: '330102001001',
          communityName: null,
          metres: 1000,
          elders: 10,
          located: 10,
          covered: 8,
          shareBasisPoints: 8000,
          sites: 1,
          computedAt: '2026-11-23T02:00:00Z',
        },
      ],
      totals: { elders: 10, located: 10, covered: 8, shareBasisPoints: 8000 },
    });
    act(() =>
      root.render(
        <I18nProvider>
          <MapCanvas
            boundaries={boundaries}
            density={{
              regionCode: '330102',
              cellMetres: 500,
              cells: [
                { lng: 120.2, lat: 30.3, elders: 12 },
                { lng: 120.25, lat: 30.26, elders: 40 },
              ],
              withoutLocation: 0,
            }}
            sites={SITES}
            coverage={coverage}
            circleMetres={1000}
            onSite={(chosen) => clicked.push(chosen.kind)}
          />
        </I18nProvider>,
      ),
    );
    expect(container.querySelectorAll('.map-regions .map-region')).toHaveLength(2);
    expect(container.querySelectorAll('.map-density rect')).toHaveLength(2);
    expect(container.querySelectorAll('.map-circles circle')).toHaveLength(2);
    expect([...container.querySelectorAll('.map-label')].map((label) => label.textContent)).toEqual([
      '甲街道80%',
      '乙街道',
    ]);
    const symbols = [...container.querySelectorAll<SVGPathElement>('.map-site')];
    expect(symbols.map((symbol) => symbol.dataset['kind'])).toEqual(['canteen', 'institution']);
    act(() => symbols[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(clicked).toEqual(['institution']);

    const layer = () => container.querySelector('.map-view')?.getAttribute('transform');
    expect(layer()).toBe('translate(0 0) scale(1)');
    const zoomIn = container.querySelector<HTMLButtonElement>('button[aria-label]');
    act(() => zoomIn?.click());
    // zoomed ×1.5 about the centre: the map moves up and left by half of the centre's offset
    const [dx, dy] = [MAP_SIZE.width / 4, MAP_SIZE.height / 4];
    expect(layer()).toBe(`translate(${-dx} ${-dy}) scale(1.5)`);
    const svg = container.querySelector('.map-svg');
    act(() => svg?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(layer()).toBe(`translate(${-dx + 40} ${-dy}) scale(1.5)`);
  }, 30_000);

  it('says so when the region has no boundaries instead of drawing an empty box', () => {
    act(() =>
      root.render(
        <I18nProvider>
          <MapCanvas
            boundaries={{ ...boundaries, features: [] }}
            density={undefined}
            sites={[]}
            coverage={undefined}
            circleMetres={undefined}
            onSite={() => undefined}
          />
        </I18nProvider>,
      ),
    );
    expect(container.querySelector('svg')).toBeNull();
    expect(container.textContent).toContain('没有边界数据');
  });
});

import { useMemo } from 'react';
import { Button, Space } from 'antd';
import { AimOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { DensityCells } from '@kangyang/contracts/indicators';
import type { SiteDto } from '@kangyang/contracts/meals';
import type { RegionBoundaries } from '@kangyang/contracts/region-boundaries';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import {
  boundsOf,
  bucketOf,
  cellRect,
  fitProjection,
  onScreen,
  pathOf,
  type Projection,
  type View,
} from '../projection.ts';
import type { Share } from './map-data.ts';
import { usePanZoom } from './use-pan-zoom.ts';
import { COVERAGE_COLOURS, DENSITY_COLOURS, SITE_STYLE, symbolPath } from './map-style.ts';

export const MAP_SIZE = { width: 1000, height: 760 };

type Props = {
  boundaries: RegionBoundaries;
  density: DensityCells | undefined;
  sites: readonly SiteDto[];
  coverage: Map<string, Share> | undefined;
  /** Metres of the 15-minute circle drawn around each site when coverage is on. */
  circleMetres: number | undefined;
  onSite: (site: SiteDto) => void;
};

/** The offline map: SVG only, drawn from the stored boundaries; wheel or buttons zoom, drag pans. */
export function MapCanvas(props: Props) {
  const { t } = useI18n();
  const { view, svgRef, handlers, zoomCentre, reset } = usePanZoom(MAP_SIZE);
  const projection = useMemo(() => {
    const geometries = [props.boundaries.outline, ...props.boundaries.features].flatMap((f) => (f ? [f.geometry] : []));
    const bounds = boundsOf(geometries);
    return bounds ? fitProjection(bounds, MAP_SIZE, 24) : undefined;
  }, [props.boundaries]);
  if (!projection) return <div className="map-empty">{t('map.noBoundaries')}</div>;
  return (
    <div className="map-frame">
      <Space className="map-zoom" direction="vertical">
        <Button icon={<PlusOutlined />} aria-label={t('map.zoomIn')} onClick={() => zoomCentre(1.5)} />
        <Button icon={<MinusOutlined />} aria-label={t('map.zoomOut')} onClick={() => zoomCentre(1 / 1.5)} />
        <Button icon={<AimOutlined />} aria-label={t('map.resetView')} onClick={reset} />
      </Space>
      <svg
        ref={svgRef}
        className="map-svg"
        viewBox={`0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`}
        role="application"
        aria-label={t('map.canvasLabel')}
        tabIndex={0}
        {...handlers}
      >
        <g className="map-view" transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
          <Regions {...props} projection={projection} />
          {props.density && <Density density={props.density} projection={projection} />}
          {props.circleMetres !== undefined && (
            <Circles sites={props.sites} metres={props.circleMetres} projection={projection} />
          )}
        </g>
        <Labels boundaries={props.boundaries} coverage={props.coverage} projection={projection} view={view} />
        <Sites sites={props.sites} projection={projection} view={view} onSite={props.onSite} />
      </svg>
    </div>
  );
}

function Regions({ boundaries, coverage, projection }: Props & { projection: Projection }) {
  return (
    <g className="map-regions">
      {boundaries.features.map((feature) => {
        const share = coverage?.get(feature.properties.code);
        const fill = share ? COVERAGE_COLOURS[bucketOf(share.basisPoints, 10_000, 5)] : '#f7f8fa';
        return (
          <path
            key={feature.properties.code}
            className="map-region"
            data-code={feature.properties.code}
            d={pathOf(feature.geometry, projection)}
            fill={fill}
            fillRule="evenodd"
            stroke="#5b6472"
            strokeWidth={1.2}
            vectorEffect="non-scaling-stroke"
          >
            <title>{feature.properties.name}</title>
          </path>
        );
      })}
      {boundaries.outline && (
        <path
          className="map-outline"
          d={pathOf(boundaries.outline.geometry, projection)}
          fill="none"
          stroke="#1a1a1a"
          strokeWidth={2.5}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </g>
  );
}

function Density({ density, projection }: { density: DensityCells; projection: Projection }) {
  const max = Math.max(0, ...density.cells.map((cell) => cell.elders));
  return (
    <g className="map-density" opacity={0.6} pointerEvents="none">
      {density.cells.map((cell) => {
        const rect = cellRect([cell.lng, cell.lat], density.cellMetres, projection);
        return <rect key={`${cell.lng},${cell.lat}`} {...rect} fill={DENSITY_COLOURS[bucketOf(cell.elders, max, 5)]} />;
      })}
    </g>
  );
}

function Circles({ sites, metres, projection }: { sites: readonly SiteDto[]; metres: number; projection: Projection }) {
  const radius = metres * projection.unitsPerMetre;
  return (
    <g className="map-circles" pointerEvents="none">
      {sites.map((site) => {
        const [cx, cy] = projection.project([site.lng, site.lat]);
        return (
          <circle
            key={site.id}
            cx={cx}
            cy={cy}
            r={radius}
            fill="rgba(11, 87, 208, 0.08)"
            stroke="rgba(11, 87, 208, 0.55)"
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </g>
  );
}

type OverlayProps = { projection: Projection; view: View };

function Labels({ boundaries, coverage, projection, view }: OverlayProps & Pick<Props, 'boundaries' | 'coverage'>) {
  return (
    <g className="map-labels" pointerEvents="none">
      {boundaries.features.map((feature) => {
        const centroid = feature.properties.centroid;
        if (!centroid) return null;
        const [x, y] = onScreen(view, projection.project(centroid));
        const share = coverage?.get(feature.properties.code);
        return (
          <text key={feature.properties.code} x={x} y={y} textAnchor="middle" className="map-label">
            {feature.properties.name}
            {share && (
              <tspan x={x} dy="1.2em" className="map-label__share">
                {(share.basisPoints / 100).toFixed(0)}%
              </tspan>
            )}
          </text>
        );
      })}
    </g>
  );
}

function Sites({ sites, projection, view, onSite }: OverlayProps & Pick<Props, 'sites' | 'onSite'>) {
  return (
    <g className="map-sites">
      {sites.map((site) => {
        const [x, y] = onScreen(view, projection.project([site.lng, site.lat]));
        const style = SITE_STYLE[site.kind];
        return (
          <path
            key={site.id}
            d={symbolPath(style.shape, x, y, 10)}
            fill={style.color}
            stroke="#ffffff"
            strokeWidth={1.5}
            className="map-site"
            data-kind={site.kind}
            role="button"
            aria-label={site.name}
            tabIndex={0}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSite(site)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') onSite(site);
            }}
          >
            <title>{site.name}</title>
          </path>
        );
      })}
    </g>
  );
}

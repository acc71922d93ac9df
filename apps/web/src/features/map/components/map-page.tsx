import '../map.css';
import { useMemo, useState } from 'react';
import { Alert, Card, Result, Select, Space, Spin, Switch, Typography } from 'antd';
import { SITE_KINDS, type SiteDto, type SiteKind } from '@kangyang/contracts/meals';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { useDashboardRegion } from '../../dashboards/api/dashboards-api.ts';
import { useBoundaries, useCoverage, useDensity, useSites } from '../api/map-api.ts';
import { FacilityDrawer } from './facility-drawer.tsx';
import { MapCanvas } from './map-canvas.tsx';
import { coverageByRegion } from './map-data.ts';
import { MapLegend } from './map-legend.tsx';

/** Density cell sizes offered; 1 km by default, so sparse areas still form cells of 5 or more. */
const CELL_SIZES = [500, 1000, 2000] as const;

/** The layers of the map and their data; density and coverage load only when switched on. */
function useMapLayers(code: string | undefined) {
  const [showDensity, setShowDensity] = useState(true);
  const [showCoverage, setShowCoverage] = useState(false);
  const [cellMetres, setCellMetres] = useState<number>(1000);
  const [shown, setShown] = useState<ReadonlySet<SiteKind>>(() => new Set(SITE_KINDS));
  const boundaries = useBoundaries(code);
  const density = useDensity(code, cellMetres, showDensity);
  const { can } = useSession();
  const sites = useSites(code, can('meal:read'));
  const coverage = useCoverage(code, showCoverage && can('coverage:read'));
  const codes = useMemo(
    () => (boundaries.data?.features ?? []).map((feature) => feature.properties.code),
    [boundaries.data],
  );
  const shares = useMemo(() => coverageByRegion(codes, coverage.data), [codes, coverage.data]);
  const toggleKind = (kind: SiteKind, on: boolean) =>
    setShown((current) => {
      const next = new Set(current);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  return {
    ...{ showDensity, setShowDensity, showCoverage, setShowCoverage, shown, toggleKind, cellMetres, setCellMetres },
    ...{ boundaries, density, sites, coverage, shares },
  };
}

/** KPI-7: the offline resource map of the region chosen in the top bar. */
export function MapPage() {
  const { t } = useI18n();
  const region = useDashboardRegion();
  const layers = useMapLayers(region.code);
  const [site, setSite] = useState<SiteDto | undefined>(undefined);
  const { boundaries, density, sites, coverage, showDensity, showCoverage } = layers;
  if (region.pending || (region.code && boundaries.isPending))
    return <Spin size="large" className="page-spinner" aria-label={t('common.loading')} />;
  if (!region.code || !boundaries.data) {
    if (boundaries.isError)
      return <Result status="error" title={t('map.loadFailed')} subTitle={errorText(boundaries.error, t)} />;
    return <Result status="info" title={t('region.choose')} />;
  }
  const allSites = sites.data ?? [];
  const layerNames = [t('map.density'), t('map.sitesLayer'), t('map.coverage')];
  const problems = [density, sites, coverage].flatMap((query, index) =>
    query.isError ? [`${layerNames[index]}: ${errorText(query.error, t)}`] : [],
  );
  return (
    <section className="page map-page" aria-labelledby="map-title">
      <MapHeader layers={layers} />
      {problems.map((problem) => (
        <Alert key={problem} type="warning" showIcon className="page-alert" message={problem} />
      ))}
      <div className="map-layout">
        <Card className="detail-card map-card">
          <MapCanvas
            boundaries={boundaries.data}
            density={showDensity ? density.data : undefined}
            sites={allSites.filter((item) => layers.shown.has(item.kind))}
            coverage={showCoverage ? layers.shares : undefined}
            circleMetres={showCoverage ? (coverage.data?.items[0]?.metres ?? 1000) : undefined}
            onSite={setSite}
          />
          <Typography.Paragraph className="map-note">
            {t('map.offlineNote')}
            {density.data && showDensity ? ` ${t('map.densityNote', { metres: density.data.cellMetres })}` : ''}
          </Typography.Paragraph>
        </Card>
        <Card className="detail-card map-side">
          <MapLegend
            sites={allSites}
            shown={layers.shown}
            density={showDensity}
            coverage={showCoverage}
            onToggle={layers.toggleKind}
          />
        </Card>
      </div>
      {site && <FacilityDrawer site={site} onClose={() => setSite(undefined)} />}
    </section>
  );
}

function MapHeader({ layers }: { layers: ReturnType<typeof useMapLayers> }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="page-header">
      <Typography.Title level={2} id="map-title" className="page-title">
        {t('map.title')}
      </Typography.Title>
      <Space wrap size="large">
        <label className="map-switch">
          <Switch checked={layers.showDensity} onChange={layers.setShowDensity} /> {t('map.density')}
        </label>
        {layers.showDensity && (
          <Select
            aria-label={t('map.cellSize')}
            value={layers.cellMetres}
            onChange={layers.setCellMetres}
            options={CELL_SIZES.map((value) => ({ value, label: t('map.cellOf', { value }) }))}
          />
        )}
        {can('coverage:read') && (
          <label className="map-switch">
            <Switch checked={layers.showCoverage} onChange={layers.setShowCoverage} /> {t('map.coverage')}
          </label>
        )}
      </Space>
    </div>
  );
}
